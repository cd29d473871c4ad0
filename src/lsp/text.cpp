#include "lsp/text.h"

#include <algorithm>

namespace dockvet::lsp {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::size_t offset_of(std::string_view text, TextPosition position) {
  std::size_t line_start = 0;
  for (std::uint32_t line = 0; line < position.line; ++line) {
    const std::size_t newline = text.find('\n', line_start);
    if (newline == std::string_view::npos) return text.size();
    line_start = newline + 1;
  }
  std::size_t line_end = std::min(text.find('\n', line_start), text.size());
  if (line_end > line_start && text[line_end - 1] == '\r') --line_end;
  std::size_t offset = line_start;
  std::uint32_t units = 0;
  while (offset < line_end) {
    const ColumnCharacter next = column_character_at(text, offset, line_end);
    if (units + next.units > position.character) break;
    units += next.units;
    offset += next.bytes;
  }
  return offset;
}

TextPosition position_of(const LineIndex& lines, std::size_t offset) {
  const Position position = lines.position(offset);
  return {position.line - 1, position.column - 1};
}

void apply_edit(std::string& text, TextPosition start, TextPosition end,
                std::string_view replacement) {
  const std::size_t begin = offset_of(text, start);
  const std::size_t finish = std::max(begin, offset_of(text, end));
  text.replace(begin, finish - begin, replacement);
}

std::optional<std::string> path_from_uri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size() ||
      !std::equal(kScheme.begin(), kScheme.end(), uri.begin(),
                  [](char a, char b) { return a == (b | 0x20) || a == b; })) {
    return std::nullopt;
  }
  uri.remove_prefix(kScheme.size());
  // file://host/path: only the local host (empty or "localhost") names a path here.
  const std::size_t slash = uri.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const std::string_view host = uri.substr(0, slash);
  if (!host.empty() && host != "localhost") return std::nullopt;
  uri.remove_prefix(slash);
  std::string path;
  path.reserve(uri.size());
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 &&
        hex_value(uri[i + 2]) >= 0) {
      path += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else if (uri[i] == '?' || uri[i] == '#') {
      break;
    } else {
      path += uri[i];
    }
  }
  return path;
}

std::string uri_from_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                       (byte >= '0' && byte <= '9') || c == '/' || c == '-' || c == '.' ||
                       c == '_' || c == '~';
    if (plain) {
      uri += c;
    } else {
      uri += '%';
      uri += kHex[byte >> 4];
      uri += kHex[byte & 0xF];
    }
  }
  return uri;
}

}  // namespace dockvet::lsp
