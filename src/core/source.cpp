#include "core/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace dockvet {

std::string_view to_string(FileKind kind) {
  switch (kind) {
    case FileKind::dockerfile: return "dockerfile";
    case FileKind::shell: return "shell";
    case FileKind::makefile: return "makefile";
    case FileKind::markdown: return "markdown";
    case FileKind::compose: return "compose";
    case FileKind::kubernetes: return "kubernetes";
    case FileKind::unknown: break;
  }
  return "unknown";
}

FileKind file_kind_from_string(std::string_view name) {
  for (FileKind kind : {FileKind::dockerfile, FileKind::shell, FileKind::makefile,
                        FileKind::markdown, FileKind::compose, FileKind::kubernetes}) {
    if (to_string(kind) == name) return kind;
  }
  return FileKind::unknown;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  // memchr skips a line's bytes many at a time; this runs over every byte of every file.
  for (const char* at = begin; at < end;) {
    const auto* newline = static_cast<const char*>(std::memchr(at, '\n', end - at));
    if (newline == nullptr) break;
    starts_.push_back(static_cast<std::size_t>(newline - begin) + 1);
    at = newline + 1;
  }
  const auto non_ascii = std::find_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0x80u) != 0;
  });
  ascii_until_ = static_cast<std::size_t>(non_ascii - text.begin());
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

ColumnCharacter column_character_at(std::string_view text, std::size_t at, std::size_t end) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = 1;
  if (lead >= 0xF0 && lead <= 0xF4)
    length = 4;
  else if (lead >= 0xE0)
    length = 3;
  else if (lead >= 0xC2 && lead < 0xE0)
    length = 2;
  bool valid = length > 1 && at + length <= end;
  for (std::size_t k = 1; valid && k < length; ++k) {
    valid = (static_cast<unsigned char>(text[at + k]) & 0xC0) == 0x80;
  }
  if (!valid) return {};
  return {length, length == 4 ? 2u : 1u};
}

namespace {

// UTF-16 code units taken by the bytes [begin, end) of one line.
std::uint32_t utf16_units(std::string_view text, std::size_t begin, std::size_t end) {
  std::uint32_t units = 0;
  for (std::size_t i = begin; i < end;) {
    const ColumnCharacter next = column_character_at(text, i, end);
    units += next.units;
    i += next.bytes;
  }
  return units;
}

}  // namespace

Position LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto after = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(after - starts_.begin());
  const std::size_t start = starts_[line - 1];
  if (offset <= ascii_until_) return Position{line, static_cast<std::uint32_t>(offset - start) + 1};
  return Position{line, utf16_units(text_, start, offset) + 1};
}

FileRead read_file(const std::string& path) {
  FileRead result;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.error = errno;
    return result;
  }
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    result.error = errno;
  } else if (S_ISDIR(status.st_mode)) {
    // read() would say EISDIR too, but only after the buffer was sized.
    result.error = EISDIR;
  } else {
    // One byte more than the size, so that a file read whole ends on the first short read; pipes
    // and /proc files report size 0 and grow the buffer as they go.
    std::size_t capacity =
        S_ISREG(status.st_mode) ? static_cast<std::size_t>(status.st_size) + 1 : 4096;
    std::size_t used = 0;
    result.text.resize(capacity);
    for (;;) {
      if (used == result.text.size()) result.text.resize(result.text.size() * 2);
      const ssize_t got = ::read(fd, result.text.data() + used, result.text.size() - used);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        result.error = errno;
        break;
      }
      if (got == 0) break;
      used += static_cast<std::size_t>(got);
    }
    result.text.resize(result.error != 0 ? 0 : used);
  }
  ::close(fd);
  return result;
}

SourceFile::SourceFile(std::string path_, FileKind kind_, std::string text_)
    : path(std::move(path_)), kind(kind_), text(std::move(text_)), lines(text) {}

}  // namespace dockvet
