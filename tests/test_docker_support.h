#pragma once
// Builds CommandLines for the docker CLI model tests the way the shell front end would: words
// split at spaces; '...' and "..." quote (the quotes stay in the word's range, not its text);
// `$NAME`, `${...}`, `$(...)` and backquotes become expansion segments.

#include <cctype>
#include <string>
#include <string_view>

#include "core/word.h"

namespace dockvet::docker::test {

inline std::size_t expansion_end(std::string_view line, std::size_t i) {
  if (line[i] == '`') return line.find('`', i + 1) + 1;
  if (line.substr(i, 2) == "${") return line.find('}', i) + 1;
  if (line.substr(i, 2) == "$(") {
    int depth = 0;
    for (std::size_t j = i + 1; j < line.size(); ++j) {
      if (line[j] == '(') ++depth;
      if (line[j] == ')' && --depth == 0) return j + 1;
    }
    return line.size();
  }
  std::size_t j = i + 1;
  if (j < line.size() && (line[j] == '@' || line[j] == '*')) return j + 1;
  while (j < line.size() && (std::isalnum(static_cast<unsigned char>(line[j])) || line[j] == '_')) {
    ++j;
  }
  return j;
}

inline bool starts_name(std::string_view line, std::size_t i) {
  if (i >= line.size()) return false;
  const char ch = line[i];
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '{' || ch == '(' ||
         ch == '@' || ch == '*';
}

inline CommandLine command_line(std::string_view line) {
  CommandLine command;
  command.range = {0, line.size()};
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ') {
      ++i;
      continue;
    }
    Word word;
    word.range.begin = i;
    char quote = 0;
    const auto add_literal = [&](char ch, std::size_t at) {
      if (word.segments.empty() || !word.segments.back().literal ||
          word.segments.back().range.end != at) {
        word.segments.push_back(WordSegment{"", true, {at, at}});
      }
      word.segments.back().text += ch;
      word.segments.back().range.end = at + 1;
    };
    while (i < line.size() && (quote || line[i] != ' ')) {
      const char ch = line[i];
      if ((ch == '\'' || ch == '"') && (!quote || quote == ch)) {
        quote = quote ? 0 : ch;
        ++i;
        continue;
      }
      const bool expansion =
          quote != '\'' && (ch == '`' || (ch == '$' && starts_name(line, i + 1)));
      if (expansion) {
        const auto end = expansion_end(line, i);
        word.segments.push_back(WordSegment{std::string(line.substr(i, end - i)), false, {i, end}});
        i = end;
        continue;
      }
      add_literal(ch, i);
      ++i;
    }
    word.range.end = i;
    if (word.segments.empty()) word.segments.push_back(WordSegment{"", true, {i, i}});
    command.words.push_back(std::move(word));
  }
  return command;
}

inline std::string_view slice(std::string_view line, ByteRange range) {
  return line.substr(range.begin, range.size());
}

}  // namespace dockvet::docker::test
