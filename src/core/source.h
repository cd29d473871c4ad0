#pragma once
// A file's bytes as dockvet read them, and the map from byte offsets to the line and column
// positions that every report uses.
//
// Column unit: a column is 1-based and counts UTF-16 code units from the start of the line, the
// unit SARIF calls "utf16CodeUnits" and the one LSP clients and GitHub use. A character outside
// the Basic Multilingual Plane counts 2; a byte that is not valid UTF-8 counts 1. For ASCII text
// the column is the byte column. Lines end at "\n"; a "\r" before it belongs to no column.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dockvet {

/// One character of a line as columns count it: its length in bytes and in UTF-16 code units.
struct ColumnCharacter {
  std::size_t bytes = 1;
  std::uint32_t units = 1;
};

/// The character starting at byte `at` of `text`, decoded no further than `end` (its line's
/// end): a byte that does not start a valid UTF-8 sequence is one character of one unit. The one
/// decoding of LineIndex's columns and of the language server's positions.
ColumnCharacter column_character_at(std::string_view text, std::size_t at, std::size_t end);

/// Half-open range [begin, end) of byte offsets into a SourceFile's text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(std::size_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

/// A 1-based line and column (see the column unit above).
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend auto operator<=>(const Position&, const Position&) = default;
};

/// What a file holds, which decides the front end that reads it.
enum class FileKind { dockerfile, shell, makefile, markdown, compose, kubernetes, unknown };

std::string_view to_string(FileKind kind);
/// Parses "dockerfile", "shell", "makefile", "markdown", "compose", "kubernetes"; returns unknown
/// otherwise.
FileKind file_kind_from_string(std::string_view name);

/// Maps byte offsets of one text to line/column positions.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  /// Position of the byte at `offset` (offset == text size gives the position after the end).
  Position position(std::size_t offset) const;
  /// Byte offset where 1-based `line` starts; lines past the end give the text size.
  std::size_t line_start(std::uint32_t line) const;
  /// Byte offset of the "\n" that ends `line`, or the text size for an unterminated last line.
  std::size_t line_end(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  // Before this offset every byte is ASCII, where a UTF-16 column is the byte column: most
  // files are ASCII throughout, and a finding on a long line then needs no scan of the line.
  std::size_t ascii_until_ = 0;
};

/// A file's whole contents, or the errno that stopped the read (EISDIR for a directory).
struct FileRead {
  std::string text;
  int error = 0;
};
/// Reads `path` with one open, one fstat and reads sized from it: no stream buffer in between,
/// since a lint of many small files is as much reading as parsing. Never writes.
FileRead read_file(const std::string& path);

/// One input file. `text` is the raw bytes, untouched (a BOM, CRLF and invalid UTF-8 included):
/// every ByteRange in dockvet points into it.
struct SourceFile {
  std::string path;  // as the user named it or as discovery found it; reports print this
  FileKind kind = FileKind::unknown;
  std::string text;
  LineIndex lines;

  SourceFile() = default;
  SourceFile(std::string path_, FileKind kind_, std::string text_);
  SourceFile(const SourceFile&) = delete;  // `lines` views `text`
  SourceFile& operator=(const SourceFile&) = delete;

  std::string_view slice(ByteRange range) const {
    return std::string_view(text).substr(range.begin, range.size());
  }
};

}  // namespace dockvet
