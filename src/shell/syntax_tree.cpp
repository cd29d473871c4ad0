#include "shell/syntax_tree.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <cstring>

#include "dockerfile/dockerfile.h"
#include "shell/tree_parse.h"

namespace dockvet::shell {

/// What FileFacts::run_syntax_trees holds.
class RunSyntaxTrees {
 public:
  const void* file_text = nullptr;  // the file the trees were parsed from
  std::vector<SyntaxTree> trees;
};

namespace {

// Beyond this depth only hostile input nests; the checks would find nothing real there.
constexpr std::size_t max_tree_depth = 256;

std::string_view base_name(std::string_view path) {
  return path.substr(path.find_last_of("/\\") + 1);
}

Dialect dialect_of_program(std::string_view program) {
  program = base_name(program);
  return program == "bash" || program == "zsh" || program == "ksh" || program == "mksh"
             ? Dialect::bash
             : Dialect::sh;
}

/// The `#!` line's interpreter (`#!/usr/bin/env bash` gives bash), or empty.
std::string_view shebang_program(std::string_view content) {
  if (!content.starts_with("#!")) return {};
  std::string_view line = content.substr(2, content.find('\n') - 2);
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < line.size()) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t' || line[at] == '\r')) ++at;
    const std::size_t start = at;
    while (at < line.size() && line[at] != ' ' && line[at] != '\t' && line[at] != '\r') ++at;
    if (at > start) words.push_back(line.substr(start, at - start));
  }
  if (words.empty()) return {};
  if (base_name(words[0]) != "env") return words[0];
  for (std::size_t k = 1; k < words.size(); ++k) {
    if (!words[k].starts_with('-')) return words[k];
  }
  return {};
}

/// Each instruction's shell program: the last exec-form SHELL of its stage, or of the stage it
/// builds on; empty when no SHELL applies (`/bin/sh`). A SHELL before the first FROM belongs to
/// no stage.
std::vector<std::string> shell_programs(const dockerfile::Dockerfile& dockerfile) {
  std::vector<std::string> stage_shell;
  std::vector<std::string> out(dockerfile.instructions.size());
  for (std::size_t i = 0; i < dockerfile.instructions.size(); ++i) {
    const auto& instruction = dockerfile.instructions[i];
    if (instruction.keyword == dockerfile::Keyword::from && !instruction.onbuild) {
      const int stage = instruction.stage;
      const int base =
          stage >= 0 ? dockerfile.stages[static_cast<std::size_t>(stage)].base_stage : -1;
      stage_shell.push_back(base >= 0 && static_cast<std::size_t>(base) < stage_shell.size()
                                ? stage_shell[static_cast<std::size_t>(base)]
                                : std::string{});
    }
    if (!stage_shell.empty()) out[i] = stage_shell.back();
    if (instruction.keyword == dockerfile::Keyword::shell && !instruction.onbuild &&
        instruction.is_exec_form() && !instruction.words.empty() && !stage_shell.empty()) {
      stage_shell.back() = instruction.words[0].expanded;
    }
  }
  return out;
}

Dialect dialect_of(const dockerfile::Dockerfile& dockerfile, const ShellRegion& region,
                   const std::vector<std::string>& programs) {
  const auto index = static_cast<std::size_t>(region.instruction);
  const auto& run = dockerfile.instructions[index];
  // A `RUN <<EOF` script that starts with `#!` runs under that interpreter.
  if (!region.ranges.empty()) {
    for (const auto& heredoc : run.heredocs) {
      if (heredoc.body.begin == region.ranges.front().begin) {
        std::string_view program = shebang_program(heredoc.content);
        if (!program.empty()) return dialect_of_program(program);
      }
    }
  }
  return dialect_of_program(programs[index]);
}

// A `# hadolint shell=NAME` comment: hadolint's way to name the shell of the RUNs after it
// where no SHELL instruction does (Windows images). Returns NAME, or empty.
std::string_view shell_pragma(std::string_view comment) {
  auto skip_blanks = [&] {
    while (!comment.empty() && (comment.front() == ' ' || comment.front() == '\t')) {
      comment.remove_prefix(1);
    }
  };
  if (!comment.starts_with('#')) return {};
  comment.remove_prefix(1);
  skip_blanks();
  if (!comment.starts_with("hadolint")) return {};
  comment.remove_prefix(8);
  skip_blanks();
  if (!comment.starts_with("shell")) return {};
  comment.remove_prefix(5);
  skip_blanks();
  if (!comment.starts_with('=')) return {};
  comment.remove_prefix(1);
  skip_blanks();
  const std::size_t end = comment.find_first_of(" \t\r");
  return comment.substr(0, end);
}

bool is_posix_shell(std::string_view program) {
  program = base_name(program);
  return program == "sh" || program == "bash" || program == "dash" || program == "ash" ||
         program == "zsh" || program == "ksh" || program == "mksh";
}

/// The shell each `# hadolint shell=` pragma names, by the offset of its comment.
std::vector<std::pair<std::size_t, std::string>> shell_pragmas(
    const SourceFile& file, const dockerfile::Dockerfile& dockerfile) {
  std::vector<std::pair<std::size_t, std::string>> out;
  for (const ByteRange& comment : dockerfile.comments) {
    const std::string_view name = shell_pragma(file.slice(comment));
    if (!name.empty()) out.emplace_back(comment.begin, std::string(name));
  }
  return out;
}

}  // namespace

// tree-sitter-bash starts an expansion inside double quotes at the blank before it (`"$a $b"`
// gives ` $b`); a finding must start at the `$`.
void SyntaxTree::trim_leading_blanks(const SourceFile& file, Entry& entry) {
  const std::string_view type = entry.type;
  if (type != "simple_expansion" && type != "expansion" && type != "command_substitution" &&
      type != "arithmetic_expansion") {
    return;
  }
  while (entry.range.begin < entry.range.end &&
         (file.text[entry.range.begin] == ' ' || file.text[entry.range.begin] == '\t' ||
          file.text[entry.range.begin] == '\n')) {
    ++entry.range.begin;
  }
}

SyntaxTree::SyntaxTree(const SourceFile& file, const ShellRegion& region, Dialect dialect,
                       const ShellScript* parsed)
    : file_(&file), instruction_(region.instruction), dialect_(dialect) {
  ranges_ = parse_ranges(file, region.ranges);
  // A region the engine skipped holds nothing any enabled check can judge.
  if (ranges_.empty() || file.text.size() > UINT32_MAX || (parsed != nullptr && parsed->skipped)) {
    return;
  }
  // tree-sitter is most of a lint's time: reuse the engine's tree of the same region.
  std::shared_ptr<const TSTree> tree;
  if (parsed != nullptr && parsed->tree && parsed->parsed_ranges == ranges_) {
    tree = parsed->tree;
  } else if (TSTree* own = parse_tree(file, ranges_)) {
    tree.reset(own, ts_tree_delete);
  }
  if (tree == nullptr) return;
  TSNode root = ts_tree_root_node(tree.get());
  has_error_ = ts_node_has_error(root);
  // Pre-order copy with an explicit stack of ancestors, so that deep input cannot exhaust the
  // native stack and ts_node_parent (a search from the root) is never needed.
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  std::vector<int> ancestors;
  std::vector<int> last_child;  // per ancestor, its latest child so far
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    Entry entry{node_type(node),
                cursor_field_name(cursor),
                {ts_node_start_byte(node), ts_node_end_byte(node)},
                ancestors.empty() ? -1 : ancestors.back(),
                -1,
                -1,
                ts_node_is_named(node)};
    trim_leading_blanks(file, entry);
    const int index = static_cast<int>(nodes_.size());
    nodes_.push_back(entry);
    if (!ancestors.empty()) {
      int& previous = last_child.back();
      if (previous < 0) {
        nodes_[static_cast<std::size_t>(ancestors.back())].first_child = index;
      } else {
        nodes_[static_cast<std::size_t>(previous)].next_sibling = index;
      }
      previous = index;
    }
    if (ancestors.size() < max_tree_depth && ts_tree_cursor_goto_first_child(&cursor)) {
      ancestors.push_back(index);
      last_child.push_back(-1);
      continue;
    }
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
      ancestors.pop_back();
      last_child.pop_back();
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  // The tree may go now: node types and field names are the language's static strings.
}

std::string SyntaxTree::visible(ByteRange range) const {
  std::string out;
  auto first = std::lower_bound(ranges_.begin(), ranges_.end(), range.begin,
                                [](const ByteRange& r, std::size_t at) { return r.end <= at; });
  for (auto it = first; it != ranges_.end() && it->begin < range.end; ++it) {
    const std::size_t begin = std::max(it->begin, range.begin);
    const std::size_t end = std::min(it->end, range.end);
    if (begin < end) out.append(file_->text, begin, end - begin);
  }
  return out;
}

std::string_view SyntaxNode::type() const {
  return tree_->nodes_[static_cast<std::size_t>(index_)].type;
}

std::string_view SyntaxNode::field() const {
  return tree_->nodes_[static_cast<std::size_t>(index_)].field;
}

bool SyntaxNode::named() const {
  return tree_->nodes_[static_cast<std::size_t>(index_)].named;
}

ByteRange SyntaxNode::range() const {
  return tree_->nodes_[static_cast<std::size_t>(index_)].range;
}

SyntaxNode SyntaxNode::parent() const {
  const int parent = tree_->nodes_[static_cast<std::size_t>(index_)].parent;
  return parent < 0 ? SyntaxNode{} : SyntaxNode{tree_, parent};
}

SyntaxNode SyntaxNode::first_child() const {
  const int child = tree_->nodes_[static_cast<std::size_t>(index_)].first_child;
  return child < 0 ? SyntaxNode{} : SyntaxNode{tree_, child};
}

SyntaxNode SyntaxNode::next_sibling() const {
  const int sibling = tree_->nodes_[static_cast<std::size_t>(index_)].next_sibling;
  return sibling < 0 ? SyntaxNode{} : SyntaxNode{tree_, sibling};
}

std::vector<SyntaxNode> SyntaxNode::children(bool named_only) const {
  std::vector<SyntaxNode> out;
  for (SyntaxNode child = first_child(); child; child = child.next_sibling()) {
    if (!named_only || child.named()) out.push_back(child);
  }
  return out;
}

SyntaxNode SyntaxNode::child(std::string_view field_name) const {
  for (SyntaxNode child = first_child(); child; child = child.next_sibling()) {
    if (child.field() == field_name) return child;
  }
  return {};
}

std::string SyntaxNode::text() const {
  return tree_->visible(range());
}

const std::vector<SyntaxTree>& run_syntax_trees(const FileFacts& facts) {
  if (facts.run_syntax_trees && facts.run_syntax_trees->file_text == facts.file.text.data()) {
    return facts.run_syntax_trees->trees;
  }
  auto built = std::make_shared<RunSyntaxTrees>();
  built->file_text = facts.file.text.data();
  if (facts.dockerfile != nullptr) {
    const auto& dockerfile = *facts.dockerfile;
    const std::vector<std::string> programs = shell_programs(dockerfile);
    const auto pragmas = shell_pragmas(facts.file, dockerfile);
    for (const ShellRegion& region : dockerfile::shell_regions(dockerfile)) {
      if (region.instruction < 0) continue;
      // After `# hadolint shell=powershell` the RUNs are not shell scripts (unless a SHELL
      // names a POSIX shell again, which shell_regions already decided).
      const auto& run = dockerfile.instructions[static_cast<std::size_t>(region.instruction)];
      const std::pair<std::size_t, std::string>* pragma = nullptr;
      for (const auto& candidate : pragmas) {
        if (candidate.first < run.range.begin) pragma = &candidate;
      }
      const bool own_shell = !programs[static_cast<std::size_t>(region.instruction)].empty();
      Dialect dialect = dialect_of(dockerfile, region, programs);
      if (pragma != nullptr && !own_shell) {
        if (!is_posix_shell(pragma->second)) continue;
        if (dialect_of_program(pragma->second) == Dialect::bash) dialect = Dialect::bash;
      }
      const ShellScript* parsed = nullptr;
      for (const ShellScript& script : facts.scripts) {
        if (script.instruction == region.instruction) parsed = &script;
      }
      built->trees.emplace_back(facts.file, region, dialect, parsed);
    }
  }
  facts.run_syntax_trees = built;
  return built->trees;
}

}  // namespace dockvet::shell
