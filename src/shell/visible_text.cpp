#include "shell/visible_text.h"

#include <algorithm>

namespace dockvet::shell {

VisibleText::VisibleText(std::string_view file_text, std::span<const ByteRange> ranges,
                         ByteRange window) {
  file_end_ = window.begin;
  auto first = std::lower_bound(ranges.begin(), ranges.end(), window.begin,
                                [](const ByteRange& r, std::size_t at) { return r.end <= at; });
  for (const ByteRange& range : std::span(first, ranges.end())) {
    if (range.begin >= window.end) break;
    std::size_t begin = std::max(range.begin, window.begin);
    std::size_t end = std::min({range.end, window.end, file_text.size()});
    if (begin >= end) continue;
    pieces_.push_back({text_.size(), begin});
    text_.append(file_text.substr(begin, end - begin));
    file_end_ = end;
  }
}

std::size_t VisibleText::file_offset(std::size_t index) const {
  if (index >= text_.size()) return file_end_;
  auto after = std::upper_bound(pieces_.begin(), pieces_.end(), index,
                                [](std::size_t i, const Piece& p) { return i < p.visible_begin; });
  const Piece& piece = *(after - 1);
  return piece.file_begin + (index - piece.visible_begin);
}

}  // namespace dockvet::shell
