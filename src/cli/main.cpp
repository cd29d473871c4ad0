// The dockvet command line. CLI11 is header-only and slow to compile, so this is the only file
// that includes it.

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/discovery.h"
#include "core/engine.h"
#include "report/report.h"

namespace dockvet {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

struct Options {
  std::vector<std::string> paths;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::string kind;
  std::string explain;
  std::string failure_threshold = "style";
  std::string color = "auto";
  std::string stdin_filename;
  std::string rule_docs_dir;
  unsigned jobs = 0;
  bool no_fail = false;
  bool list_rules = false;
};

void print_error(const std::string& message) {
  fmt::print(stderr, "dockvet: error: {}\n", message);
}

int list_rules() {
  for (const auto& check : Registry::instance().checks()) {
    const CheckMeta& meta = check->meta();
    fmt::print("{:<8} {:<36} {:<8} {}\n", meta.code, meta.name, to_string(meta.severity),
               meta.summary);
  }
  return kExitClean;
}

int explain(const std::string& code) {
  const Check* check = Registry::instance().find(code);
  if (!check) {
    print_error(fmt::format("no rule named '{}'; --list-rules shows them all", code));
    return kExitUsage;
  }
  std::cout << report::rule_page(check->meta());
  return kExitClean;
}

int write_rule_docs(const std::string& directory) {
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  for (const auto& check : Registry::instance().checks()) {
    const auto path = std::filesystem::path(directory) / (std::string(check->meta().code) + ".md");
    std::ofstream out(path);
    out << report::rule_page(check->meta());
    if (!out) {
      print_error(fmt::format("cannot write {}", path.string()));
      return kExitUsage;
    }
  }
  return kExitClean;
}

// A finding fails the run when it is at least as severe as the threshold ("none": never).
std::optional<Severity> parse_threshold(const std::string& text, bool& valid) {
  valid = true;
  if (text == "none") return std::nullopt;
  auto severity = severity_from_string(text);
  valid = severity.has_value();
  return severity;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(fileno(stdout)) != 0;
}

int run(const Options& options) {
  if (options.list_rules) return list_rules();
  if (!options.explain.empty()) return explain(options.explain);
  if (!options.rule_docs_dir.empty()) return write_rule_docs(options.rule_docs_dir);

  bool threshold_valid = true;
  const auto threshold = parse_threshold(options.failure_threshold, threshold_valid);
  if (!threshold_valid) {
    print_error(
        fmt::format("--failure-threshold: '{}' is not one of error, warning, info, style, none",
                    options.failure_threshold));
    return kExitUsage;
  }
  std::vector<std::string> formats = options.formats;
  if (formats.empty()) formats.push_back("text");
  for (const auto& format : formats) {
    const auto known = report::formats();
    if (std::find(known.begin(), known.end(), format) == known.end()) {
      print_error(fmt::format("--format: unknown format '{}'", format));
      return kExitUsage;
    }
  }
  if (options.outputs.size() > formats.size()) {
    print_error(
        "--output given more often than --format; each --output names the file of one --format");
    return kExitUsage;
  }
  std::optional<FileKind> forced_kind;
  if (!options.kind.empty()) {
    forced_kind = file_kind_from_string(options.kind);
    if (forced_kind == FileKind::unknown) {
      print_error(fmt::format("--kind: '{}' is not one of dockerfile, shell, makefile, markdown",
                              options.kind));
      return kExitUsage;
    }
  }

  bool read_errors = false;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files;
  LintPolicy policy;

  const bool from_stdin = options.paths.size() == 1 && options.paths[0] == "-";
  if (from_stdin) {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    const std::string name = options.stdin_filename.empty() ? "-" : options.stdin_filename;
    FileKind kind =
        forced_kind.value_or(kind_from_name(std::filesystem::path(name).filename().string()));
    if (kind == FileKind::unknown) kind = kind_from_content(text);
    if (kind == FileKind::unknown) kind = FileKind::shell;
    const SourceFile file(name, kind, std::move(text));
    FileResult result = lint_source(file, policy);
    files.push_back(name);
    diagnostics = std::move(result.diagnostics);
  } else {
    const auto paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
    DiscoveryResult discovered = discover(paths, forced_kind);
    for (const auto& error : discovered.errors) {
      print_error(error);
      read_errors = true;
    }
    lint_all(discovered.targets, policy, options.jobs, [&](FileResult&& result) {
      if (result.error) {
        print_error(*result.error);
        read_errors = true;
        return;
      }
      files.push_back(result.path);
      std::move(result.diagnostics.begin(), result.diagnostics.end(),
                std::back_inserter(diagnostics));
    });
  }

  const report::ReportInput input{
      diagnostics, files, Registry::instance(), DOCKVET_VERSION, use_color(options.color), "."};
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (i < options.outputs.size() && options.outputs[i] != "-") {
      std::ofstream out(options.outputs[i], std::ios::binary);
      report::write_report(formats[i], input, out);
      if (!out) {
        print_error(fmt::format("cannot write {}", options.outputs[i]));
        read_errors = true;
      }
    } else {
      report::write_report(formats[i], input, std::cout);
    }
  }
  std::cout.flush();
  if (formats.size() == 1 && formats[0] == "text") {
    fmt::print(stderr, "{}\n", report::summary_line(input));
  }

  if (read_errors) return kExitUsage;
  if (options.no_fail || !threshold) return kExitClean;
  for (const auto& d : diagnostics) {
    if (d.severity <= *threshold) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace
}  // namespace dockvet

int main(int argc, char** argv) {
  dockvet::Options options;
  CLI::App app{
      "dockvet: a fast linter for container definitions that finds stateful data "
      "left off persistent storage, and Dockerfile best-practice mistakes."};
  app.set_version_flag("--version", std::string("dockvet ") + DOCKVET_VERSION);
  app.add_option("paths", options.paths,
                 "Files and directories to lint (default: .); - reads standard input");
  app.add_option("-f,--format", options.formats,
                 "Output format, repeatable: text, json, gnu, sarif, checkstyle, codeclimate, "
                 "junit, sonarqube")
      ->allow_extra_args(false);
  app.add_option("-o,--output", options.outputs,
                 "File for the output of the --format at the same position (- is stdout)")
      ->allow_extra_args(false);
  app.add_option("--kind", options.kind,
                 "Read every named file as this kind: dockerfile, shell, makefile, markdown");
  app.add_option("--stdin-filename", options.stdin_filename,
                 "Name to report for standard input; also picks its kind");
  app.add_option("--failure-threshold", options.failure_threshold,
                 "Exit 1 only for findings at or above: error, warning, info, style, none");
  app.add_flag("--no-fail", options.no_fail, "Exit 0 even when there are findings");
  app.add_option("--color", options.color, "Colour text output: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("-j,--jobs", options.jobs, "Worker threads (default: one per core)");
  app.add_flag("--list-rules", options.list_rules,
               "List every rule: code, name, severity, summary");
  app.add_option("--explain", options.explain, "Print the documentation page of a rule");
  app.add_option("--write-rule-docs", options.rule_docs_dir,
                 "Write docs/rules/CODE.md for every rule into this directory")
      ->group("");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // CLI11 exits 105/106 on its own; dockvet's contract is 0 for help/version, 2 for misuse.
    const int code = app.exit(error);
    return code == 0 ? 0 : dockvet::kExitUsage;
  }
  try {
    return dockvet::run(options);
  } catch (const std::exception& error) {
    dockvet::print_error(error.what());
    return dockvet::kExitUsage;
  }
}
