#pragma once
// Helpers for the Dockerfile front-end tests: parse a string and look at spans as text and as
// line:column positions.

#include <memory>
#include <string>
#include <vector>

#include "dockerfile/dockerfile.h"

namespace dockvet::dockerfile::testing {

/// A parsed Dockerfile together with the source it points into.
struct Parsed {
  std::unique_ptr<SourceFile> file;
  Dockerfile df;

  explicit Parsed(std::string text)
      : file(std::make_unique<SourceFile>("Dockerfile", FileKind::dockerfile, std::move(text))),
        df(parse(*file)) {}

  std::string slice(ByteRange range) const { return std::string(file->slice(range)); }
  /// "line:column-line:column" of a range.
  std::string where(ByteRange range) const {
    const Position a = file->lines.position(range.begin);
    const Position b = file->lines.position(range.end);
    return std::to_string(a.line) + ":" + std::to_string(a.column) + "-" + std::to_string(b.line) +
           ":" + std::to_string(b.column);
  }
  const Instruction& at(std::size_t index) const { return df.instructions.at(index); }
  /// The issue codes, in order.
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& issue : df.issues) out.emplace_back(issue.code);
    return out;
  }
  /// The text of each shell region, its ranges concatenated.
  std::vector<std::string> region_texts() const {
    std::vector<std::string> out;
    for (const ShellRegion& region : shell_regions(df)) {
      std::string text;
      for (const ByteRange& range : region.ranges) text += slice(range);
      out.push_back(text);
    }
    return out;
  }
};

}  // namespace dockvet::dockerfile::testing
