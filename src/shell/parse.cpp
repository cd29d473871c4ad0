// Parsing a region with tree-sitter-bash and collecting its simple commands.
//
// The parser reads the file's own bytes through included ranges, so every node offset is a file
// offset and findings point into the file, whatever front end made the region.
#include <tree_sitter/api.h>

#include <algorithm>
#include <optional>
#include <string_view>

#include "shell/children.h"
#include "shell/shell.h"
#include "shell/syntax_scan.h"
#include "shell/tree_parse.h"
#include "shell/visible_text.h"
#include "shell/word_builder.h"

extern "C" const TSLanguage* tree_sitter_bash();

namespace dockvet::shell {
namespace {

// A here-document fed to a shell is a script of its own; nesting deeper is not worth following.
constexpr int max_heredoc_depth = 2;
// Each command copies the source of the substitutions in its words; below this depth only
// hostile input nests, and following it would copy the same bytes over and over.
constexpr uint32_t max_tree_depth = 256;

/// One parser per thread: creating one is costly, and a parser is not thread-safe.
class ThreadParser {
 public:
  ThreadParser() : parser_(ts_parser_new()) { ts_parser_set_language(parser_, tree_sitter_bash()); }
  ~ThreadParser() { ts_parser_delete(parser_); }
  ThreadParser(const ThreadParser&) = delete;
  ThreadParser& operator=(const ThreadParser&) = delete;
  TSParser* get() { return parser_; }

 private:
  TSParser* parser_;
};

TSParser* thread_parser() {
  thread_local ThreadParser parser;
  return parser.get();
}

// tree-sitter-bash's symbol and field names as string_views, indexed by symbol and field id.
struct LanguageNames {
  std::vector<std::string_view> symbols;
  std::vector<std::string_view> fields;

  LanguageNames() {
    const TSLanguage* language = tree_sitter_bash();
    const uint32_t symbol_count = ts_language_symbol_count(language);
    for (uint32_t id = 0; id < symbol_count; ++id) {
      const char* name = ts_language_symbol_name(language, static_cast<TSSymbol>(id));
      symbols.emplace_back(name == nullptr ? "" : name);
    }
    const uint32_t field_count = ts_language_field_count(language);
    for (uint32_t id = 0; id <= field_count; ++id) {
      const char* name = ts_language_field_name_for_id(language, static_cast<TSFieldId>(id));
      fields.emplace_back(name == nullptr ? "" : name);
    }
  }
};

const LanguageNames& language_names() {
  static const LanguageNames names;
  return names;
}

/// Owns a parsed tree.
struct Tree {
  TSTree* tree = nullptr;
  ~Tree() {
    if (tree != nullptr) ts_tree_delete(tree);
  }
};

TSPoint point_at(const SourceFile& file, std::size_t offset) {
  Position position = file.lines.position(offset);
  std::size_t line_start = file.lines.line_start(position.line);
  return {position.line - 1, static_cast<uint32_t>(offset - line_start)};
}

/// The region's ranges as tree-sitter wants them: sorted, disjoint, non-empty, inside the file.
std::vector<ByteRange> normalised(const SourceFile& file, const std::vector<ByteRange>& ranges) {
  std::vector<ByteRange> out;
  for (ByteRange range : ranges) {
    range.end = std::min(range.end, file.text.size());
    if (range.begin >= range.end) continue;
    if (!out.empty() && range.begin < out.back().end) continue;  // not sorted: drop, never crash
    out.push_back(range);
  }
  return out;
}

// tree-sitter looks up the included range of every token from the first range on, so a region
// of many ranges (a RUN continued over 100k lines) parses in quadratic time. Past this many
// ranges, ranges separated only by a backslash-newline are parsed as one: bash drops that line
// continuation itself, as BuildKit does (only inside single quotes would bash keep it).
constexpr std::size_t max_exact_ranges = 1024;

std::vector<ByteRange> joined_at_line_continuations(const SourceFile& file,
                                                    const std::vector<ByteRange>& ranges) {
  std::vector<ByteRange> out;
  for (const ByteRange& range : ranges) {
    if (!out.empty() && std::string_view(file.text).substr(
                            out.back().end, range.begin - out.back().end) == "\\\n") {
      out.back().end = range.end;
    } else {
      out.push_back(range);
    }
  }
  return out;
}

bool parse(const SourceFile& file, const std::vector<ByteRange>& ranges, Tree& out) {
  out.tree = parse_tree(file, ranges);
  return out.tree != nullptr;
}

std::string_view type_of(TSNode node) {
  return node_type(node);
}

bool is_redirect(std::string_view type) {
  return type == "file_redirect" || type == "herestring_redirect" || type == "heredoc_redirect";
}

/// Walks one parsed region and collects its commands.
class CommandCollector {
 public:
  CommandCollector(const SourceFile& file, const std::vector<ByteRange>& ranges, int depth,
                   std::vector<CommandLine>& out)
      : file_(file), ranges_(ranges), depth_(depth), out_(out) {}

  void walk(TSNode root) {
    // Iterative so that deeply nested input cannot exhaust the stack. The walk keeps its own
    // ancestors: in tree-sitter 0.25 both ts_tree_cursor_current_depth and ts_node_parent
    // search from the root on every call.
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    std::vector<TSNode> ancestors;
    for (;;) {
      TSNode node = ts_tree_cursor_current_node(&cursor);
      TSNode parent = ancestors.empty() ? TSNode{} : ancestors.back();
      bool descend = ancestors.size() < max_tree_depth && visit(node, parent);
      if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
        ancestors.push_back(node);
        continue;
      }
      bool moved = false;
      while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor))) {
        if (!ts_tree_cursor_goto_parent(&cursor)) break;
        ancestors.pop_back();
      }
      if (!moved) break;
    }
    ts_tree_cursor_delete(&cursor);
  }

 private:
  /// Returns whether the walk should look inside `node`; `parent` is null for the root.
  bool visit(TSNode node, TSNode parent) {
    std::string_view type = type_of(node);
    if (type == "command") {
      collect_command(node, parent);
    } else if (type == "heredoc_redirect") {
      follow_heredoc(node, parent);
    } else if (type == "command_substitution" && is_make_expansion(node)) {
      return false;  // `$(VAR)` in a recipe is make's, not a command the shell runs
    }
    return true;
  }

  bool is_make_expansion(TSNode node) const {
    if (file_.kind != FileKind::makefile) return false;
    std::size_t begin = ts_node_start_byte(node);
    return file_.text[begin] == '$' &&
           (begin == 0 || !(file_.text[begin - 1] == '$' && !is_visible(begin - 1)));
  }

  /// The command's words in order: its name and arguments, without assignments and redirects.
  std::vector<TSNode> word_nodes(TSNode command) const {
    std::vector<TSNode> nodes;
    for (TSNode child : children_of(command)) {
      std::string_view type = type_of(child);
      if (type == "variable_assignment" || type == "subshell" || is_redirect(type) ||
          type == "comment") {
        continue;
      }
      if (type == "command_name") {
        if (ts_node_named_child_count(child) == 0) continue;
        child = ts_node_named_child(child, 0);
      }
      if (ts_node_is_missing(child) || ts_node_end_byte(child) == ts_node_start_byte(child)) {
        continue;
      }
      nodes.push_back(child);
    }
    return nodes;
  }

  /// Bash joins two pieces into one word when only continued lines separate them (`a\` newline
  /// `b` is `ab`); tree-sitter-bash treats the continuation as a separator.
  bool joined(TSNode before, TSNode after) const {
    VisibleText gap(file_.text, ranges_, {ts_node_end_byte(before), ts_node_start_byte(after)});
    std::string_view text = gap.text();
    while (!text.empty()) {
      if (text.starts_with("\\\n")) {
        text.remove_prefix(2);
      } else if (text.starts_with("\\\r\n")) {
        text.remove_prefix(3);
      } else {
        return false;
      }
    }
    return true;
  }

  std::vector<Word> words_of(TSNode command) const {
    std::vector<TSNode> nodes = word_nodes(command);
    std::vector<Word> words;
    WordBuilder builder(file_.text, ranges_);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      if (i > 0 && joined(nodes[i - 1], nodes[i])) {
        builder.add(nodes[i]);
        continue;
      }
      if (i > 0) words.push_back(builder.finish());
      builder.start(nodes[i]);
    }
    if (!nodes.empty()) words.push_back(builder.finish());
    return words;
  }

  /// In a recipe, `$$HOME` reaches the shell as `$HOME`; its range starts at make's first `$`.
  void widen_to_make_escapes(std::vector<Word>& words) const {
    auto widen = [&](ByteRange& range) {
      std::size_t begin = range.begin;
      if (begin > 0 && file_.text[begin] == '$' && file_.text[begin - 1] == '$' &&
          !is_visible(begin - 1)) {
        --range.begin;
      }
    };
    for (Word& word : words) {
      widen(word.range);
      for (WordSegment& segment : word.segments) widen(segment.range);
    }
  }

  bool is_visible(std::size_t offset) const {
    return std::any_of(ranges_.begin(), ranges_.end(),
                       [&](const ByteRange& range) { return range.contains(offset); });
  }

  void collect_command(TSNode node, TSNode parent) {
    std::vector<Word> words = words_of(node);
    if (words.empty()) return;
    if (file_.kind == FileKind::makefile) widen_to_make_escapes(words);
    std::size_t prefix = prefix_length(words);
    std::vector<Word> prefix_words(
        std::make_move_iterator(words.begin()),
        std::make_move_iterator(words.begin() + static_cast<std::ptrdiff_t>(prefix)));
    words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(prefix));
    out_.push_back({std::move(words),
                    {ts_node_start_byte(node), ts_node_end_byte(node)},
                    output_files(node, parent),
                    std::move(prefix_words),
                    in_pipeline(parent)});
  }

  /// `a | b`: the pipeline is the command's parent, or its redirected statement's parent, which
  /// the walk does not keep, so a redirected stage is looked up through tree-sitter.
  static bool in_pipeline(TSNode parent) {
    if (ts_node_is_null(parent)) return false;
    if (type_of(parent) == "pipeline") return true;
    if (type_of(parent) != "redirected_statement") return false;
    TSNode grandparent = ts_node_parent(parent);
    return !ts_node_is_null(grandparent) && type_of(grandparent) == "pipeline";
  }

  /// The redirections that apply to `command`: its own, and those of a redirected statement
  /// whose body it is (`cmd > f`, `cat <<EOF > f`).
  std::vector<TSNode> redirects_of(TSNode command, TSNode parent) const {
    std::vector<TSNode> redirects;
    auto take = [&](TSNode holder) {
      for (TSNode child : children_of(holder, Children::named)) {
        if (type_of(child) == "file_redirect") redirects.push_back(child);
        if (type_of(child) == "heredoc_redirect") {
          for (TSNode inner : children_of(child, Children::named)) {
            if (type_of(inner) == "file_redirect") redirects.push_back(inner);
          }
        }
      }
    };
    take(command);
    if (!ts_node_is_null(parent) && type_of(parent) == "redirected_statement") {
      TSNode body = ts_node_child_by_field_name(parent, "body", 4);
      if (ts_node_eq(body, command)) take(parent);
    }
    return redirects;
  }

  std::vector<Word> output_files(TSNode command, TSNode parent) const {
    std::vector<Word> files;
    for (TSNode redirect : redirects_of(command, parent)) {
      TSNode destination = ts_node_child_by_field_name(redirect, "destination", 11);
      if (ts_node_is_null(destination) || !writes_a_file(redirect, destination)) continue;
      WordBuilder builder(file_.text, ranges_);
      builder.start(destination);
      files.push_back(builder.finish());
    }
    return files;
  }

  /// `>`, `>>`, `>|`, `&>`, `&>>` write a file; `>&` does too unless it duplicates a
  /// descriptor (`>&2`, `>&-`).
  bool writes_a_file(TSNode redirect, TSNode destination) const {
    for (TSNode child : children_of(redirect)) {
      if (ts_node_is_named(child)) continue;
      std::string_view op = type_of(child);
      if (op == ">" || op == ">>" || op == ">|" || op == "&>" || op == "&>>") return true;
      if (op == ">&") {
        std::string_view target = type_of(destination);
        return target != "number" &&
               file_.slice({ts_node_start_byte(destination), ts_node_end_byte(destination)}) != "-";
      }
    }
    return false;
  }

  /// A here-document given to a shell (`sh <<EOF`, `ssh host <<EOF`) is a script: its commands
  /// run too.
  void follow_heredoc(TSNode redirect, TSNode statement) {
    if (depth_ >= max_heredoc_depth) return;
    if (ts_node_is_null(statement) || type_of(statement) != "redirected_statement") return;
    TSNode body = ts_node_child_by_field_name(statement, "body", 4);
    if (ts_node_is_null(body) || type_of(body) != "command" || !feeds_a_shell(body)) return;
    for (TSNode child : children_of(redirect, Children::named)) {
      if (type_of(child) != "heredoc_body") continue;
      std::vector<ByteRange> inner;
      ByteRange content{ts_node_start_byte(child), ts_node_end_byte(child)};
      for (const ByteRange& range : ranges_) {
        ByteRange piece{std::max(range.begin, content.begin), std::min(range.end, content.end)};
        if (piece.begin < piece.end) inner.push_back(piece);
      }
      Tree tree;
      if (inner.empty() || !parse(file_, inner, tree)) return;
      CommandCollector nested(file_, inner, depth_ + 1, out_);
      nested.walk(ts_tree_root_node(tree.tree));
    }
  }

  bool feeds_a_shell(TSNode command) const {
    std::vector<Word> words = words_of(command);
    std::size_t prefix = prefix_length(words);
    if (prefix >= words.size() || !words[prefix].known()) return false;
    std::string program = words[prefix].text();
    program = program.substr(program.rfind('/') == std::string::npos ? 0 : program.rfind('/') + 1);
    static constexpr std::string_view shells[] = {"sh", "bash", "dash", "ash", "zsh", "ksh", "ssh"};
    return std::find(std::begin(shells), std::end(shells), program) != std::end(shells);
  }

  const SourceFile& file_;
  const std::vector<ByteRange>& ranges_;
  int depth_;
  std::vector<CommandLine>& out_;
};

/// Records the first unclosed quote, substitution or here-document of a region that
/// tree-sitter-bash found an error in, when the lexical scanner agrees that one exists.
void record_syntax_issue(const SourceFile& file, const VisibleText& text,
                         std::vector<FrontEndIssue>& issues) {
  auto opener = find_unclosed_opener(text.text(), file.kind == FileKind::makefile);
  if (!opener) return;
  std::size_t begin = text.file_offset(opener->begin);
  std::size_t end = opener->end > opener->begin ? text.file_offset(opener->end - 1) + 1 : begin;
  issues.push_back({opener->code, {begin, end}, std::move(opener->message)});
}

}  // namespace

std::string_view node_type(TSNode node) {
  const auto& symbols = language_names().symbols;
  const TSSymbol symbol = ts_node_symbol(node);
  return symbol < symbols.size() ? symbols[symbol] : std::string_view(ts_node_type(node));
}

std::string_view cursor_field_name(const TSTreeCursor& cursor) {
  const auto& fields = language_names().fields;
  const TSFieldId field = ts_tree_cursor_current_field_id(&cursor);
  return field < fields.size() ? fields[field] : std::string_view{};
}

std::vector<ByteRange> parse_ranges(const SourceFile& file, const std::vector<ByteRange>& ranges) {
  std::vector<ByteRange> out = normalised(file, ranges);
  if (out.size() > max_exact_ranges) out = joined_at_line_continuations(file, out);
  return out;
}

TSTree* parse_tree(const SourceFile& file, const std::vector<ByteRange>& ranges) {
  std::vector<TSRange> included;
  included.reserve(ranges.size());
  for (const ByteRange& range : ranges) {
    included.push_back({point_at(file, range.begin), point_at(file, range.end),
                        static_cast<uint32_t>(range.begin), static_cast<uint32_t>(range.end)});
  }
  TSParser* parser = thread_parser();
  ts_parser_reset(parser);
  if (!ts_parser_set_included_ranges(parser, included.data(),
                                     static_cast<uint32_t>(included.size()))) {
    return nullptr;
  }
  return ts_parser_parse_string(parser, nullptr, file.text.data(),
                                static_cast<uint32_t>(file.text.size()));
}

ShellScript parse_region(const SourceFile& file, const ShellRegion& region,
                         std::vector<FrontEndIssue>& issues, const CommandsWanted& wanted) {
  ShellScript script;
  script.instruction = region.instruction;
  std::vector<ByteRange> ranges = parse_ranges(file, region.ranges);
  if (ranges.empty() || file.text.size() > UINT32_MAX) return script;
  // The region's text as the shell sees it, built once for the filter and the syntax finding.
  std::optional<VisibleText> visible;
  auto visible_text = [&]() -> const VisibleText& {
    if (!visible)
      visible.emplace(file.text, ranges, ByteRange{ranges.front().begin, ranges.back().end});
    return *visible;
  };
  if (wanted) {
    // A syntax finding needs the lexical scanner to find an unclosed opener, so without one
    // the parse could only give commands, which nobody wants here.
    const std::string& text = visible_text().text();
    if (!wanted(region.instruction, text) &&
        !find_unclosed_opener(text, file.kind == FileKind::makefile)) {
      script.skipped = true;
      return script;
    }
  }
  Tree tree;
  if (!parse(file, ranges, tree)) return script;
  TSNode root = ts_tree_root_node(tree.tree);
  CommandCollector(file, ranges, 0, script.commands).walk(root);
  std::stable_sort(
      script.commands.begin(), script.commands.end(),
      [](const CommandLine& a, const CommandLine& b) { return a.range.begin < b.range.begin; });
  // Markdown snippets are often sketches with placeholders (`<password>`, `...`); a syntax
  // finding there would be noise, so only real scripts get one.
  if (file.kind != FileKind::markdown && ts_node_has_error(root)) {
    record_syntax_issue(file, visible_text(), issues);
  }
  if (region.instruction >= 0) {
    // A RUN body's tree stays for the checks that read its syntax (shell::run_syntax_trees).
    script.tree = std::shared_ptr<const TSTree>(tree.tree, ts_tree_delete);
    tree.tree = nullptr;
    script.parsed_ranges = std::move(ranges);
  }
  return script;
}

}  // namespace dockvet::shell
