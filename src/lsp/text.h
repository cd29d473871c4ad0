#pragma once
// The editor's view of a document: LSP positions (0-based line, UTF-16 code units within the
// line) and the byte offsets dockvet works in, incremental edits, and file URIs.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/source.h"

namespace dockvet::lsp {

/// A position as LSP sends it: 0-based line, 0-based UTF-16 code unit of that line.
struct TextPosition {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
  friend auto operator<=>(const TextPosition&, const TextPosition&) = default;
};

/// The byte offset of `position` in `text`. As LSP asks, a character past the end of its line
/// means the line's end, and a line past the last means the end of the text; a position inside
/// a surrogate pair means the character's start. Lines end at "\n" (a "\r" before it is part of
/// the line break), the same unit and decoding as LineIndex.
std::size_t offset_of(std::string_view text, TextPosition position);

/// The LSP position of the byte at `offset` (through LineIndex, which reports findings).
TextPosition position_of(const LineIndex& lines, std::size_t offset);

/// Replaces the text between two LSP positions with `replacement` (one contentChanges entry of
/// textDocument/didChange); a start after the end is taken as the end.
void apply_edit(std::string& text, TextPosition start, TextPosition end,
                std::string_view replacement);

/// The local path of a `file://` URI, percent-decoded; nullopt for any other scheme.
std::optional<std::string> path_from_uri(std::string_view uri);
/// A `file://` URI for an absolute path, with the bytes RFC 3986 reserves percent-encoded.
std::string uri_from_path(std::string_view path);

}  // namespace dockvet::lsp
