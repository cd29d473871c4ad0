#pragma once
// A node's children in linear time. ts_node_child(node, i) and ts_node_named_child(node, i)
// start from the first child on every call, so a loop over them is quadratic in the child count
// (a command with thousands of arguments); a cursor steps from one sibling to the next.

#include <tree_sitter/api.h>

#include <vector>

namespace dockvet::shell {

enum class Children { all, named };

inline std::vector<TSNode> children_of(TSNode node, Children which = Children::all) {
  std::vector<TSNode> out;
  TSTreeCursor cursor = ts_tree_cursor_new(node);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode child = ts_tree_cursor_current_node(&cursor);
      if (which == Children::all || ts_node_is_named(child)) out.push_back(child);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return out;
}

}  // namespace dockvet::shell
