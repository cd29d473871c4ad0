#include "shell/regions.h"

#include "shell/shell.h"

namespace dockvet::shell {

std::vector<TextLine> split_lines(std::string_view text) {
  std::vector<TextLine> lines;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t newline = text.find('\n', at);
    std::size_t next = newline == std::string_view::npos ? text.size() : newline + 1;
    std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    if (end > at && text[end - 1] == '\r') --end;
    lines.push_back({at, end, next});
    at = next;
  }
  return lines;
}

std::vector<ShellRegion> find_regions(const SourceFile& file) {
  switch (file.kind) {
    case FileKind::shell: {
      // A UTF-8 byte order mark is not part of the first command's name.
      std::size_t begin = file.text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
      if (begin >= file.text.size()) return {};
      return {ShellRegion{{{begin, file.text.size()}}, -1}};
    }
    case FileKind::makefile: return makefile_regions(file.text);
    case FileKind::markdown: return markdown_regions(file.text);
    case FileKind::dockerfile:
    case FileKind::compose:
    case FileKind::kubernetes:
    case FileKind::unknown: return {};
  }
  return {};
}

}  // namespace dockvet::shell
