#pragma once
// The tree-sitter-bash syntax tree of one shell region, for checks that judge the shell's own
// syntax (quoting, expansions, `&&`/`||` chains) rather than the commands it runs. The nodes
// are copied once into a flat table in pre-order, so parents, children and a walk over every
// node all cost constant time per step. Node offsets are file offsets: the region's ranges are
// tree-sitter's included ranges.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/shell_region.h"
#include "core/source.h"

namespace dockvet::shell {

class SyntaxTree;

/// One node of a SyntaxTree; a null node (from parent() of the root, or a missing field) has
/// no tree.
class SyntaxNode {
 public:
  SyntaxNode() = default;
  SyntaxNode(const SyntaxTree* tree, int index) : tree_(tree), index_(index) {}

  explicit operator bool() const { return tree_ != nullptr && index_ >= 0; }
  bool operator==(const SyntaxNode& other) const = default;

  std::string_view type() const;   // tree-sitter-bash's node type: "simple_expansion", "&&"
  std::string_view field() const;  // the field it fills in its parent ("name", ""), if any
  bool named() const;
  ByteRange range() const;  // file offsets
  SyntaxNode parent() const;
  SyntaxNode first_child() const;
  SyntaxNode next_sibling() const;
  std::vector<SyntaxNode> children(bool named_only = false) const;
  /// The first child filling `field`, or a null node.
  SyntaxNode child(std::string_view field) const;
  /// The node's text as the shell sees it: the file bytes inside the region's ranges (line
  /// continuations and dropped comment lines left out).
  std::string text() const;
  int index() const { return index_; }

 private:
  const SyntaxTree* tree_ = nullptr;
  int index_ = -1;
};

/// The shell a RUN body goes to, as far as the ShellCheck rules care: POSIX sh (dash, ash) or
/// bash and its kin, which allow the bashisms.
enum class Dialect { sh, bash };

class SyntaxTree {
 public:
  /// Parses `region` of `file`, or copies `parsed`'s tree when the engine already parsed the
  /// region over the same ranges. A region tree-sitter cannot parse gives a tree with no nodes.
  SyntaxTree(const SourceFile& file, const ShellRegion& region, Dialect dialect,
             const ShellScript* parsed = nullptr);

  int instruction() const { return instruction_; }
  Dialect dialect() const { return dialect_; }
  bool has_error() const { return has_error_; }
  const SourceFile& file() const { return *file_; }
  const std::vector<ByteRange>& ranges() const { return ranges_; }

  /// The root ("program"), or a null node when nothing was parsed.
  SyntaxNode root() const { return nodes_.empty() ? SyntaxNode{} : SyntaxNode{this, 0}; }
  /// Every node in pre-order (a parent before its children, siblings in file order).
  std::size_t size() const { return nodes_.size(); }
  SyntaxNode node(std::size_t index) const { return {this, static_cast<int>(index)}; }
  /// The bytes of `range` that lie inside the region, concatenated.
  std::string visible(ByteRange range) const;

 private:
  friend class SyntaxNode;
  struct Entry {
    std::string_view type;
    std::string_view field;  // empty when the node fills no field
    ByteRange range;
    int parent = -1;
    int first_child = -1;
    int next_sibling = -1;
    bool named = false;
  };
  static void trim_leading_blanks(const SourceFile& file, Entry& entry);

  const SourceFile* file_;
  std::vector<ByteRange> ranges_;
  int instruction_;
  Dialect dialect_;
  bool has_error_ = false;
  std::vector<Entry> nodes_;
};

/// The syntax trees of every shell-form RUN body of a Dockerfile (dockerfile::shell_regions:
/// ONBUILD RUNs and heredoc scripts included, powershell and cmd bodies left out), in file
/// order, each with the dialect of its shell (the stage's SHELL, or the heredoc's `#!` line).
/// RUNs after a `# hadolint shell=powershell` (or cmd) comment are left out unless a SHELL of
/// their stage names a POSIX shell.
/// Parsed on the first call for a file and shared by every later call with the same facts:
/// the checks of one file run one after another on one thread. Empty for other files.
const std::vector<SyntaxTree>& run_syntax_trees(const FileFacts& facts);

}  // namespace dockvet::shell
