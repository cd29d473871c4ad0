#pragma once
// The one way shell regions reach tree-sitter-bash, for the command front end (parse.cpp) and
// the syntax trees the ShellCheck rules read (syntax_tree.cpp): the same ranges give the same
// tree, so a tree parsed once can serve both.

#include <tree_sitter/api.h>

#include <string_view>
#include <vector>

#include "core/source.h"

namespace dockvet::shell {

/// The ranges `ranges` are parsed over: sorted, disjoint, non-empty and inside the file, and,
/// past 1024 of them, joined where only a line continuation separates two (tree-sitter's
/// included ranges cost quadratic time in their count; bash drops the continuation itself).
std::vector<ByteRange> parse_ranges(const SourceFile& file, const std::vector<ByteRange>& ranges);

/// Parses `ranges` (from parse_ranges) with this thread's parser; the caller owns the tree.
/// nullptr when tree-sitter refuses the ranges.
TSTree* parse_tree(const SourceFile& file, const std::vector<ByteRange>& ranges);

/// The node's type ("command", "&&"), as ts_node_type gives it but without its strlen: the
/// names of tree-sitter-bash's symbols are measured once, and the tree walks compare types
/// millions of times.
std::string_view node_type(TSNode node);

/// The name of the field `cursor`'s node fills in its parent, measured once like node_type;
/// empty when it fills none.
std::string_view cursor_field_name(const TSTreeCursor& cursor);

}  // namespace dockvet::shell
