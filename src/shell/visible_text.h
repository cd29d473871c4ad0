#pragma once
// The bytes the shell sees in a region: the file's bytes inside the region's ranges, read as if
// concatenated, with a map back to file offsets so every finding points into the file.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "core/source.h"

namespace dockvet::shell {

class VisibleText {
 public:
  /// The bytes of `file_text` inside `ranges` (sorted, disjoint) and inside `window`.
  VisibleText(std::string_view file_text, std::span<const ByteRange> ranges, ByteRange window);

  const std::string& text() const { return text_; }
  /// File offset of visible byte `index` (index == size gives the end of the last piece).
  std::size_t file_offset(std::size_t index) const;

 private:
  struct Piece {
    std::size_t visible_begin;
    std::size_t file_begin;
  };
  std::string text_;
  std::vector<Piece> pieces_;
  std::size_t file_end_ = 0;
};

}  // namespace dockvet::shell
