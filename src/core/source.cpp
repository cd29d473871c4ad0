#include "core/source.h"

#include <algorithm>

namespace dockvet {

std::string_view to_string(FileKind kind) {
  switch (kind) {
    case FileKind::dockerfile: return "dockerfile";
    case FileKind::shell: return "shell";
    case FileKind::makefile: return "makefile";
    case FileKind::markdown: return "markdown";
    case FileKind::unknown: break;
  }
  return "unknown";
}

FileKind file_kind_from_string(std::string_view name) {
  for (FileKind kind :
       {FileKind::dockerfile, FileKind::shell, FileKind::makefile, FileKind::markdown}) {
    if (to_string(kind) == name) return kind;
  }
  return FileKind::unknown;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::size_t LineIndex::line_start(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > starts_.size()) return text_.size();
  return starts_[line - 1];
}

std::size_t LineIndex::line_end(std::uint32_t line) const {
  if (line == 0 || line >= starts_.size()) return text_.size();
  return starts_[line] - 1;
}

namespace {

// UTF-16 code units taken by the bytes [begin, end) of one line; invalid bytes count 1 each.
std::uint32_t utf16_units(std::string_view text, std::size_t begin, std::size_t end) {
  std::uint32_t units = 0;
  std::size_t i = begin;
  while (i < end) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    if (lead >= 0xF0 && lead <= 0xF4)
      length = 4;
    else if (lead >= 0xE0)
      length = 3;
    else if (lead >= 0xC2 && lead < 0xE0)
      length = 2;
    bool valid = length > 1 && i + length <= end;
    for (std::size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    }
    if (!valid) length = 1;
    units += (valid && length == 4) ? 2 : 1;
    i += length;
  }
  return units;
}

}  // namespace

Position LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(after - starts_.begin());
  const std::size_t start = starts_[line - 1];
  return Position{line, utf16_units(text_, start, offset) + 1};
}

SourceFile::SourceFile(std::string path_, FileKind kind_, std::string text_)
    : path(std::move(path_)), kind(kind_), text(std::move(text_)), lines(text) {}

}  // namespace dockvet
