#pragma once
// Rebuilds a shell word from its tree-sitter-bash nodes: quotes removed, escapes applied,
// continued lines joined, expansions and globs kept as non-literal segments.

#include <tree_sitter/api.h>

#include <span>

#include "core/source.h"
#include "core/word.h"

namespace dockvet::shell {

/// Appends one word's parts to a Word, merging neighbouring literal text.
class WordBuilder {
 public:
  WordBuilder(std::string_view file_text, std::span<const ByteRange> ranges)
      : file_text_(file_text), ranges_(ranges) {}

  /// Starts a new word whose first node is `node`.
  void start(TSNode node);
  /// Adds a node that belongs to the current word (a neighbour joined by a continued line).
  void add(TSNode node);
  Word finish();

 private:
  void add_node(TSNode node, int depth);
  void add_unquoted(ByteRange range);
  void add_double_quoted(ByteRange range);
  void add_double_quoted_string(TSNode node);
  void add_ansi_c(ByteRange range);
  void literal(std::string_view text, ByteRange range);
  void expansion(ByteRange range);

  std::string_view file_text_;
  std::span<const ByteRange> ranges_;
  Word word_;
};

}  // namespace dockvet::shell
