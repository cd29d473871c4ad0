#pragma once
// Helpers for the shell front-end tests: run find_regions + parse_region over a text and print
// words compactly, so one expected string pins every segment's text, kind and byte range.

#include <memory>
#include <string>
#include <vector>

#include "shell/shell.h"

namespace dockvet::shell_test {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  std::vector<ShellRegion> regions;
  std::vector<CommandLine> commands;
  std::vector<FrontEndIssue> issues;
};

inline Parsed parse_text(std::string text, FileKind kind = FileKind::shell) {
  Parsed parsed;
  parsed.file = std::make_unique<SourceFile>("test", kind, std::move(text));
  parsed.regions = shell::find_regions(*parsed.file);
  for (const ShellRegion& region : parsed.regions) {
    ShellScript script = shell::parse_region(*parsed.file, region, parsed.issues);
    for (auto& command : script.commands) parsed.commands.push_back(std::move(command));
  }
  return parsed;
}

/// "L{text}@begin-end" for a literal segment, "X{source}@begin-end" for an expansion.
inline std::string describe(const Word& word) {
  std::string out;
  for (const WordSegment& segment : word.segments) {
    if (!out.empty()) out += ' ';
    out += (segment.literal ? "L{" : "X{") + segment.text + "}@" +
           std::to_string(segment.range.begin) + "-" + std::to_string(segment.range.end);
  }
  return out;
}

/// The words of a command as the program would receive them, each expansion as written.
inline std::vector<std::string> texts(const CommandLine& command) {
  std::vector<std::string> out;
  for (const Word& word : command.words) out.push_back(word.text());
  return out;
}

inline std::vector<std::string> programs(const Parsed& parsed) {
  std::vector<std::string> out;
  for (const CommandLine& command : parsed.commands) {
    out.push_back(command.words.empty() ? "" : command.words[0].text());
  }
  return out;
}

inline std::string slice(const Parsed& parsed, ByteRange range) {
  return std::string(parsed.file->slice(range));
}

}  // namespace dockvet::shell_test
