#pragma once
// Cutting a shell Word into the pieces a docker option value is made of (the value after `=`, the
// source and target of a `-v` spec, the fields of a `--mount` list) while keeping exact byte
// ranges and never looking inside an expansion.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/word.h"

namespace dockvet::docker {

/// A Word's text with, for every character, whether it is literal (false inside an expansion's
/// source text, where a `:` or `,` is never a separator).
struct WordText {
  std::string text;
  std::vector<bool> literal;

  explicit WordText(const Word& word);
  /// Offset of the next literal `ch` at or after `from`, or npos.
  std::size_t find_literal(char ch, std::size_t from = 0) const;
  bool is_literal(std::size_t offset) const { return offset < literal.size() && literal[offset]; }
};

/// The part of `word` whose text is [begin, end) of word.text(). An expansion is never split: a
/// cut inside one keeps the whole expansion. Ranges inside literal text are exact when the
/// segment's source spells its text byte for byte (or only adds surrounding quotes); otherwise
/// they are clamped to the segment.
Word slice_word(const Word& word, std::size_t begin, std::size_t end);

/// Pieces of `word` separated by literal `separator` characters.
std::vector<Word> split_word(const Word& word, char separator);

/// The same word with every literal segment cut where its source skips bytes (quotes, escapes,
/// continued lines), so that each piece's range spells its text byte for byte and slices of it
/// are exact. `file_text` is the text the ranges point into.
Word align_word(const Word& word, std::string_view file_text);

/// A Word of one literal segment, for callers (and tests) that build words by hand.
Word literal_word(std::string text, ByteRange range);

}  // namespace dockvet::docker
