#include "bestpractice/instruction_rules.h"

#include <cctype>

namespace dockvet::bestpractice {

namespace {

bool starts_name(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool continues_name(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The reference starting at raw[dollar] ("$NAME" or "${NAME...}"), or nothing for a `$` that
// BuildKit keeps as a literal character.
std::optional<VariableReference> reference_at(std::string_view raw, std::size_t dollar) {
  std::size_t i = dollar + 1;
  if (i < raw.size() && raw[i] == '{') {
    std::size_t name_end = i + 1;
    while (name_end < raw.size() && continues_name(raw[name_end])) ++name_end;
    if (name_end == i + 1 || !starts_name(raw[i + 1])) return std::nullopt;
    int depth = 1;
    std::size_t close = name_end;
    for (; close < raw.size() && depth > 0; ++close) {
      if (raw[close] == '{') ++depth;
      if (raw[close] == '}') --depth;
    }
    if (depth > 0) return std::nullopt;
    return VariableReference{std::string(raw.substr(i + 1, name_end - i - 1)), dollar,
                             close - dollar};
  }
  if (i >= raw.size() || !starts_name(raw[i])) return std::nullopt;
  std::size_t end = i;
  while (end < raw.size() && continues_name(raw[end])) ++end;
  return VariableReference{std::string(raw.substr(i, end - i)), dollar, end - dollar};
}

}  // namespace

std::vector<VariableReference> variable_references(const dockerfile::Token& word, char escape) {
  std::vector<VariableReference> out;
  const std::string_view raw = word.raw;
  bool single_quoted = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (single_quoted) {
      single_quoted = c != '\'';
      continue;
    }
    if (c == escape) {
      ++i;
      continue;
    }
    if (c == '\'') {
      single_quoted = true;
      continue;
    }
    if (c != '$') continue;
    if (auto reference = reference_at(raw, i)) {
      i += reference->length - 1;
      out.push_back(std::move(*reference));
    }
  }
  return out;
}

bool expands_variable(const dockerfile::Token& word, char escape) {
  return !variable_references(word, escape).empty();
}

std::optional<std::string> known_value(const dockerfile::Token& word) {
  // The front end expands the words of every instruction, those before the first FROM (which
  // BuildKit refuses) with the global ARGs.
  if (!word.expanded_known) return std::nullopt;
  return word.expanded;
}

ByteRange part_of(const dockerfile::Token& word, std::size_t offset, std::size_t length) {
  if (word.range.size() != word.raw.size() || offset + length > word.raw.size()) {
    return word.range;
  }
  return ByteRange{word.range.begin + offset, word.range.begin + offset + length};
}

std::string_view base_name(std::string_view path) {
  while (!path.empty() && (path.front() == '"' || path.front() == '\'')) path.remove_prefix(1);
  while (!path.empty() && (path.back() == '"' || path.back() == '\'')) path.remove_suffix(1);
  const std::size_t separator = path.find_last_of("/\\");
  return separator == std::string_view::npos ? path : path.substr(separator + 1);
}

std::vector<int> stage_lineage(const dockerfile::Dockerfile& dockerfile, int stage) {
  std::vector<int> out;
  while (stage >= 0 && static_cast<std::size_t>(stage) < dockerfile.stages.size()) {
    out.push_back(stage);
    const int base = dockerfile.stages[static_cast<std::size_t>(stage)].base_stage;
    if (base >= stage) break;  // a stage only builds on an earlier one; never loop
    stage = base;
  }
  return out;
}

std::uint32_t line_of(const dockerfile::Dockerfile& dockerfile,
                      const dockerfile::Instruction& instruction) {
  if (dockerfile.source == nullptr) return 0;
  return dockerfile.source->lines.position(instruction.range.begin).line;
}

std::optional<Fix> maintainer_as_label(const dockerfile::Dockerfile& dockerfile,
                                       const dockerfile::Instruction& maintainer) {
  if (maintainer.pieces.size() != 1 || dockerfile.escape != '\\' || maintainer.args.empty()) {
    return std::nullopt;
  }
  // A double-quoted LABEL value: LABEL expands variables, MAINTAINER did not.
  std::string value = "\"";
  for (const char c : maintainer.args) {
    if (c == '"' || c == '\\' || c == '$') value += '\\';
    value += c;
  }
  value += '"';
  return Fix::replace("write the author as the org.opencontainers.image.authors label",
                      maintainer.line_range, "LABEL org.opencontainers.image.authors=" + value);
}

}  // namespace dockvet::bestpractice
