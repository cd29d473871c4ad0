// The benchmark's floor: the least work any linter that reads shell as bash does must do on the
// same files. It reads every file dockvet would lint and parses every piece of shell in it with
// tree-sitter-bash, then throws the trees away: no command model, no checks, no report.
//
//   floor frontend PATH...   shell ranges from dockvet's own front ends (Dockerfile RUN bodies
//                            with heredocs, whole scripts, Markdown blocks), parsed through
//                            included ranges exactly as dockvet parses them
//   floor lines PATH...      a plain line scan instead: RUN plus its continued lines and heredoc
//                            bodies, whole scripts, fenced shell blocks; parsed as copied strings
//
// Single-threaded on purpose: compare it with `dockvet -j1`. It prints the counts it parsed so a
// run that silently parses nothing cannot pass for a fast one.

#include <tree_sitter/api.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "core/discovery.h"
#include "core/source.h"
#include "dockerfile/dockerfile.h"
#include "shell/shell.h"

extern "C" const TSLanguage* tree_sitter_bash();

namespace {

struct Totals {
  std::size_t files = 0;
  std::size_t bytes = 0;
  std::size_t scripts = 0;
  std::size_t nodes = 0;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void count_tree(TSTree* tree, Totals& totals) {
  if (tree == nullptr) return;
  totals.scripts++;
  totals.nodes += ts_node_descendant_count(ts_tree_root_node(tree));
  ts_tree_delete(tree);
}

// --- frontend mode: dockvet's own regions ------------------------------------------------------

TSPoint point_at(const dockvet::SourceFile& file, std::size_t offset) {
  const dockvet::Position position = file.lines.position(offset);
  return {position.line - 1, static_cast<uint32_t>(offset - file.lines.line_start(position.line))};
}

void parse_region(TSParser* parser, const dockvet::SourceFile& file,
                  const dockvet::ShellRegion& region, Totals& totals) {
  std::vector<TSRange> included;
  for (const auto& range : region.ranges) {
    if (range.begin >= range.end || range.end > file.text.size()) continue;
    if (!included.empty() && range.begin < included.back().end_byte) continue;
    included.push_back({point_at(file, range.begin), point_at(file, range.end),
                        static_cast<uint32_t>(range.begin), static_cast<uint32_t>(range.end)});
  }
  if (included.empty()) return;
  ts_parser_reset(parser);
  if (!ts_parser_set_included_ranges(parser, included.data(),
                                     static_cast<uint32_t>(included.size()))) {
    return;
  }
  count_tree(ts_parser_parse_string(parser, nullptr, file.text.data(),
                                    static_cast<uint32_t>(file.text.size())),
             totals);
}

void frontend_file(TSParser* parser, const dockvet::LintTarget& target, Totals& totals) {
  const dockvet::SourceFile file(target.path, target.kind, read_file(target.path));
  totals.bytes += file.text.size();
  std::vector<dockvet::ShellRegion> regions;
  if (file.kind == dockvet::FileKind::dockerfile) {
    regions = dockvet::dockerfile::shell_regions(dockvet::dockerfile::parse(file));
  } else {
    regions = dockvet::shell::find_regions(file);
  }
  for (const auto& region : regions) parse_region(parser, file, region, totals);
}

// --- lines mode: a plain scan, no dockvet code -------------------------------------------------

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string_view trim_left(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line;
}

bool starts_with_run(std::string_view line) {
  line = trim_left(line);
  return line.size() > 4 && (line[0] | 0x20) == 'r' && (line[1] | 0x20) == 'u' &&
         (line[2] | 0x20) == 'n' && (line[3] == ' ' || line[3] == '\t');
}

// The heredoc delimiter of a `<<EOF` / `<<-"EOF"` word in `line`, or empty.
std::string heredoc_delimiter(std::string_view line) {
  std::size_t at = line.find("<<");
  if (at == std::string_view::npos) return {};
  std::size_t i = at + 2;
  if (i < line.size() && line[i] == '-') ++i;
  std::string name;
  for (; i < line.size() && line[i] != ' ' && line[i] != '\t'; ++i) {
    if (line[i] != '"' && line[i] != '\'') name += line[i];
  }
  return name;
}

void parse_string(TSParser* parser, const std::string& script, Totals& totals) {
  ts_parser_reset(parser);
  count_tree(ts_parser_parse_string(parser, nullptr, script.data(),
                                    static_cast<uint32_t>(script.size())),
             totals);
}

void lines_dockerfile(TSParser* parser, std::string_view text, Totals& totals) {
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!starts_with_run(lines[i])) continue;
    std::string script(trim_left(lines[i]).substr(4));
    std::string delimiter = heredoc_delimiter(lines[i]);
    while (!script.empty() && script.back() == '\\' && i + 1 < lines.size()) {
      script.back() = ' ';
      ++i;
      if (trim_left(lines[i]).starts_with('#')) {
        script += '\\';  // comment lines inside a continuation are dropped, the line goes on
        continue;
      }
      script += lines[i];
      if (delimiter.empty()) delimiter = heredoc_delimiter(lines[i]);
    }
    script += '\n';
    if (!delimiter.empty()) {
      while (++i < lines.size() && trim_left(lines[i]) != delimiter) {
        script += lines[i];
        script += '\n';
      }
      script += delimiter + '\n';
    }
    parse_string(parser, script, totals);
  }
}

void lines_markdown(TSParser* parser, std::string_view text, Totals& totals) {
  static const std::vector<std::string_view> shells = {"sh", "bash", "shell", "console", "zsh"};
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = trim_left(lines[i]);
    if (!line.starts_with("```")) continue;
    const std::string_view info = line.substr(3);
    std::string body;
    while (++i < lines.size() && !trim_left(lines[i]).starts_with("```")) {
      body += lines[i];
      body += '\n';
    }
    for (auto shell : shells) {
      if (info == shell) parse_string(parser, body, totals);
    }
  }
}

void lines_file(TSParser* parser, const dockvet::LintTarget& target, Totals& totals) {
  const std::string text = read_file(target.path);
  totals.bytes += text.size();
  switch (target.kind) {
    case dockvet::FileKind::dockerfile:
      lines_dockerfile(parser, text, totals);
      break;
    case dockvet::FileKind::markdown:
      lines_markdown(parser, text, totals);
      break;
    case dockvet::FileKind::shell:
      parse_string(parser, text, totals);
      break;
    default:
      break;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: floor frontend|lines PATH...\n");
    return 2;
  }
  const std::string mode = argv[1];
  if (mode != "frontend" && mode != "lines") {
    std::fprintf(stderr, "floor: unknown mode '%s'\n", argv[1]);
    return 2;
  }
  // The same file set dockvet lints, so the two runs read the same bytes.
  const auto discovered = dockvet::discover(std::vector<std::string>(argv + 2, argv + argc));
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_bash());
  Totals totals;
  for (const auto& target : discovered.targets) {
    totals.files++;
    if (mode == "frontend") {
      frontend_file(parser, target, totals);
    } else {
      lines_file(parser, target, totals);
    }
  }
  ts_parser_delete(parser);
  std::fprintf(stderr, "floor %s: %zu files, %zu bytes, %zu scripts parsed, %zu nodes\n",
               mode.c_str(), totals.files, totals.bytes, totals.scripts, totals.nodes);
  return totals.scripts > 0 ? 0 : 1;
}
