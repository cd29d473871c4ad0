#include "docker/words.h"

#include <algorithm>

namespace dockvet::docker {

WordText::WordText(const Word& word) {
  for (const auto& segment : word.segments) {
    text += segment.text;
    literal.insert(literal.end(), segment.text.size(), segment.literal);
  }
}

std::size_t WordText::find_literal(char ch, std::size_t from) const {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (literal[i] && text[i] == ch) return i;
  }
  return std::string::npos;
}

namespace {

// Where the character at `offset` of a segment's text starts in the file. Quotes and escapes make
// a literal segment's source longer than its text; only the common shapes map exactly.
std::size_t source_offset(const WordSegment& segment, std::size_t offset) {
  if (offset == 0) return segment.range.begin;
  if (offset >= segment.text.size()) return segment.range.end;
  if (!segment.literal) return segment.range.begin;
  if (segment.range.size() == segment.text.size()) return segment.range.begin + offset;
  if (segment.range.size() == segment.text.size() + 2) return segment.range.begin + 1 + offset;
  return std::min(segment.range.begin + offset, segment.range.end);
}

}  // namespace

Word slice_word(const Word& word, std::size_t begin, std::size_t end) {
  Word out;
  std::size_t total = 0;
  for (const auto& segment : word.segments) total += segment.text.size();
  end = std::min(end, total);
  begin = std::min(begin, end);
  if (begin == 0 && end == total) return word;

  bool have_begin = false;
  std::size_t position = 0;
  out.range = {word.range.begin, word.range.begin};
  for (const auto& segment : word.segments) {
    const std::size_t seg_begin = position;
    const std::size_t seg_end = position + segment.text.size();
    position = seg_end;
    const bool overlaps = seg_begin < end && seg_end > begin;
    if (!have_begin && begin >= seg_begin && begin <= seg_end && (overlaps || begin == end)) {
      out.range.begin =
          segment.literal ? source_offset(segment, begin - seg_begin) : segment.range.begin;
      out.range.end = out.range.begin;
      have_begin = true;
    }
    if (!overlaps) continue;
    WordSegment piece;
    piece.literal = segment.literal;
    if (segment.literal) {
      const std::size_t from = std::max(begin, seg_begin) - seg_begin;
      const std::size_t to = std::min(end, seg_end) - seg_begin;
      piece.text = segment.text.substr(from, to - from);
      piece.range = {source_offset(segment, from), source_offset(segment, to)};
    } else {
      piece.text = segment.text;
      piece.range = segment.range;
    }
    out.range.end = piece.range.end;
    out.segments.push_back(std::move(piece));
  }
  if (!have_begin) out.range = {word.range.end, word.range.end};
  return out;
}

std::vector<Word> split_word(const Word& word, char separator) {
  const WordText text(word);
  std::vector<Word> pieces;
  std::size_t start = 0;
  for (;;) {
    const std::size_t next = text.find_literal(separator, start);
    if (next == std::string::npos) break;
    pieces.push_back(slice_word(word, start, next));
    start = next + 1;
  }
  pieces.push_back(slice_word(word, start, text.text.size()));
  return pieces;
}

namespace {

// Appends `segment`'s text as pieces whose ranges match the text exactly: each text character is
// found at or after the previous one in the source; skipped bytes (quotes, backslashes, continued
// lines) end a piece. A character that cannot be found keeps the rest of the segment as one piece.
void append_aligned(const WordSegment& segment, std::string_view file_text,
                    std::vector<WordSegment>& out) {
  const std::size_t end = std::min(segment.range.end, file_text.size());
  std::size_t source = segment.range.begin;
  std::size_t i = 0;
  while (i < segment.text.size()) {
    while (source < end && file_text[source] != segment.text[i]) ++source;
    if (source >= end) {
      out.push_back({segment.text.substr(i), true, {std::min(source, end), segment.range.end}});
      return;
    }
    WordSegment piece{"", true, {source, source}};
    while (i < segment.text.size() && source < end && file_text[source] == segment.text[i]) {
      piece.text += segment.text[i];
      ++i;
      ++source;
    }
    piece.range.end = source;
    out.push_back(std::move(piece));
  }
}

}  // namespace

Word align_word(const Word& word, std::string_view file_text) {
  Word out;
  out.range = word.range;
  for (const auto& segment : word.segments) {
    const bool exact = segment.range.size() == segment.text.size();
    if (!segment.literal || exact || segment.range.end > file_text.size()) {
      out.segments.push_back(segment);
    } else {
      append_aligned(segment, file_text, out.segments);
    }
  }
  return out;
}

Word literal_word(std::string text, ByteRange range) {
  Word word;
  word.range = range;
  word.segments.push_back(WordSegment{std::move(text), true, range});
  return word;
}

}  // namespace dockvet::docker
