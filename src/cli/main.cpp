// The dockvet command line. CLI11 is header-only and slow to compile, so this is the only file
// that includes it.

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "cli/version.h"
#include "config/config.h"
#include "config/settings.h"
#include "core/check.h"
#include "core/discovery.h"
#include "core/engine.h"
#include "fix/fixer.h"
#include "lsp/protocol.h"
#include "lsp/server.h"
#include "report/man_page.h"
#include "report/report.h"

namespace dockvet {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

struct Options {
  std::vector<std::string> paths;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string config_path;
  bool report_unused_ignores = false;
  bool compose_env = false;
  std::vector<std::string> formats;
  std::vector<std::string> outputs;
  std::string kind;
  std::string explain;
  std::string failure_threshold;
  std::string color = "auto";
  std::string stdin_filename;
  std::string rule_docs_dir;
  std::string man_page_path;
  unsigned jobs = 0;
  bool no_fail = false;
  bool list_rules = false;
  std::string lsp_config_path;
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
};

void print_error(const std::string& message) {
  fmt::print(stderr, "dockvet: error: {}\n", message);
}

int list_rules() {
  const auto checks = Registry::instance().checks();
  bool first = true;
  for (const report::RuleFamily& family : report::rule_families()) {
    bool header = false;
    for (const auto& check : checks) {
      const CheckMeta& meta = check->meta();
      if (&report::rule_family(meta.code) != &family) continue;
      if (!header) {
        fmt::print("{}# {}\n", first ? "" : "\n", family.title);
        header = true;
        first = false;
      }
      const std::string severity =
          std::string(to_string(meta.severity)) + (meta.off_by_default ? " (off)" : "");
      fmt::print("{:<8} {:<40} {:<14} {}\n", meta.code, meta.name, severity, meta.summary);
    }
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
  const auto index = std::filesystem::path(directory) / "README.md";
  std::ofstream out(index);
  out << report::rule_index(Registry::instance().checks());
  if (!out) {
    print_error(fmt::format("cannot write {}", index.string()));
    return kExitUsage;
  }
  return kExitClean;
}

// The manual lists the options the parser really has, hidden ones (group "") left out.
std::vector<report::ManOption> man_options(const CLI::App& app) {
  std::vector<report::ManOption> listed;
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty() || option->get_positional()) continue;
    report::ManOption& entry = listed.emplace_back();
    for (const auto& name : option->get_snames()) entry.names.push_back("-" + name);
    for (const auto& name : option->get_lnames()) entry.names.push_back("--" + name);
    if (option->get_items_expected_max() > 0) {
      const std::string type = option->get_type_name();
      entry.value_name = type.substr(0, type.find(':'));
    }
    entry.description = option->get_description();
  }
  return listed;
}

int write_man_page(const CLI::App& app, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  out << report::man_page(version(), man_options(app), Registry::instance());
  if (!out) {
    print_error(fmt::format("cannot write {}", path));
    return kExitUsage;
  }
  return kExitClean;
}

bool use_color(const std::string& mode, bool config_no_color) {
  if (mode == "always") return true;
  if (mode == "never" || config_no_color) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(fileno(stdout)) != 0;
}

// `dockvet lsp`: a language server on standard input and output until the client says exit.
int run_language_server(const Options& options) {
  // A client that goes away mid-write must end the session at the next read, not kill it.
  std::signal(SIGPIPE, SIG_IGN);
  lsp::FdSource input(STDIN_FILENO);
  lsp::FdSink output(STDOUT_FILENO);
  lsp::ServerOptions server_options;
  if (!options.lsp_config_path.empty()) server_options.config_path = options.lsp_config_path;
  server_options.version = std::string(version());
  return lsp::serve(input, output, server_options);
}

int run(const Options& options) {
  if (options.list_rules) return list_rules();
  if (!options.explain.empty()) return explain(options.explain);
  if (!options.rule_docs_dir.empty()) return write_rule_docs(options.rule_docs_dir);

  if (options.unsafe_fixes && !options.fix && !options.diff) {
    print_error("--unsafe-fixes only chooses which fixes --fix or --diff apply; give one of them");
    return kExitUsage;
  }

  config::CliSettings cli;
  if (!options.config_path.empty()) cli.config_path = options.config_path;
  cli.select = options.select;
  cli.ignore = options.ignore;
  if (options.no_fail) cli.no_fail = true;
  if (!options.failure_threshold.empty()) {
    cli.failure_threshold = config::failure_threshold_from_string(options.failure_threshold);
    if (!cli.failure_threshold) {
      print_error(
          fmt::format("--failure-threshold: '{}' is not one of error, warning, info, style, none",
                      options.failure_threshold));
      return kExitUsage;
    }
  }
  if (options.outputs.size() > options.formats.size()) {
    print_error(
        "--output given more often than --format; each --output names the file of one --format");
    return kExitUsage;
  }
  const auto known_formats = report::formats();
  for (std::size_t i = 0; i < options.formats.size(); ++i) {
    const auto& format = options.formats[i];
    if (std::find(known_formats.begin(), known_formats.end(), format) == known_formats.end()) {
      print_error(fmt::format("--format: unknown format '{}'", format));
      return kExitUsage;
    }
    std::optional<std::string> output;
    if (i < options.outputs.size() && options.outputs[i] != "-") output = options.outputs[i];
    cli.formats.push_back({format, output});
  }

  const config::Environment environment = config::Environment::from_process();
  std::error_code cwd_error;
  const auto cwd = std::filesystem::current_path(cwd_error);
  const config::Settings settings =
      config::resolve(cli, config::load_selected_config(cli, environment, cwd), environment);
  for (const auto& warning : settings.rules.unknown_rule_keys(Registry::instance())) {
    fmt::print(stderr, "dockvet: {}\n", warning);
  }

  // The user's catalog entries extend and override the built-in ones; a broken entry is a
  // configuration error like any other.
  std::optional<catalog::Catalog> merged_catalog;
  if (!settings.catalog.empty()) {
    merged_catalog = catalog::Catalog::builtin();
    // The config's `catalog:` is the list of entries; the catalog document wraps it.
    const nlohmann::json document = settings.catalog.is_array()
                                        ? nlohmann::json{{"images", settings.catalog}}
                                        : settings.catalog;
    const auto errors = merged_catalog->merge(document, settings.config_path.value_or("config"));
    for (const auto& error : errors) {
      print_error(error.entry.empty() ? fmt::format("{}: catalog: {}", error.origin, error.message)
                                      : fmt::format("{}: catalog entry {}: {}", error.origin,
                                                    error.entry, error.message));
    }
    if (!errors.empty()) return kExitUsage;
  }

  std::optional<FileKind> forced_kind;
  if (!options.kind.empty()) {
    forced_kind = file_kind_from_string(options.kind);
    if (forced_kind == FileKind::unknown) {
      print_error(
          fmt::format("--kind: '{}' is not one of dockerfile, shell, makefile, markdown, compose, "
                      "kubernetes",
                      options.kind));
      return kExitUsage;
    }
  }

  bool read_errors = false;
  LintPolicy policy;
  policy.settings = &settings;
  policy.catalog = merged_catalog ? &*merged_catalog : nullptr;
  policy.report_unused_ignores = options.report_unused_ignores;
  std::map<std::string, std::string, std::less<>> process_environment;
  if (options.compose_env) {
    for (char** entry = environ; entry && *entry; ++entry) {
      const std::string_view text(*entry);
      const auto equals = text.find('=');
      if (equals != std::string_view::npos) {
        process_environment.emplace(text.substr(0, equals), text.substr(equals + 1));
      }
    }
    policy.compose_environment = &process_environment;
  }

  const bool from_stdin = options.paths.size() == 1 && options.paths[0] == "-";
  std::string stdin_text;
  if (from_stdin) stdin_text.assign(std::istreambuf_iterator<char>(std::cin), {});

  report::ReportInput context{{},
                              {},
                              Registry::instance(),
                              std::string(version()),
                              use_color(options.color, settings.no_color),
                              "."};
  context.tool_semantic_version = semantic_version();
  // SARIF's line hashes need the text again; reading it back keeps the lint itself streaming.
  context.read_source = [&](std::string_view file) -> std::optional<std::string> {
    if (from_stdin) return stdin_text;
    FileRead read = read_file(std::string(file));
    if (read.error != 0) return std::nullopt;
    return std::move(read.text);
  };

  // Every report is fed file by file, so a run holds one file's findings at a time (the
  // formats that need a whole document buffer on their own).
  struct OpenReport {
    std::unique_ptr<std::ofstream> file;  // null for standard output; outlives the stream
    std::unique_ptr<report::ReportStream> stream;
    std::string path;
  };
  std::vector<OpenReport> reports;
  bool text_on_terminal = false;
  for (const auto& spec : settings.formats) {
    OpenReport& report = reports.emplace_back();
    if (spec.output) {
      report.file = std::make_unique<std::ofstream>(*spec.output, std::ios::binary);
      report.path = *spec.output;
    } else {
      text_on_terminal = text_on_terminal || spec.format == "text";
    }
    report.stream =
        report::open_report(spec.format, context, report.file ? *report.file : std::cout);
  }
  report::Tally tally;
  bool failing = false;
  auto deliver = [&](const std::string& file, const std::vector<Diagnostic>& diagnostics) {
    ++tally.files;
    tally.add(diagnostics);
    failing = failing || settings.should_fail(diagnostics);
    for (auto& report : reports) report.stream->add_file(file, diagnostics);
  };

  const fix::FixPolicy fixing{options.unsafe_fixes, options.fix && !options.diff};
  const bool fixing_any = options.fix || options.diff;
  std::size_t fixes_applied = 0, files_fixed = 0;
  std::string diffs;  // with --diff: what goes to standard output
  auto record_fixes = [&](const std::string& file, const std::optional<FileFixes>& fixed) {
    if (!fixed) return;
    fixes_applied += fixed->count;
    ++files_fixed;
    if (!fixed->converged) {
      fmt::print(stderr, "dockvet: warning: {}: fixes still applied after {} passes; run again\n",
                 file, fix::kMaxPasses);
    }
    if (options.diff) std::cout << fix::unified_diff(file, fixed->before, fixed->after);
  };

  if (from_stdin) {
    const std::string name = options.stdin_filename.empty() ? "-" : options.stdin_filename;
    FileKind kind =
        forced_kind.value_or(kind_from_name(std::filesystem::path(name).filename().string()));
    if (kind == FileKind::unknown) kind = kind_from_content(stdin_text);
    if (kind == FileKind::unknown) kind = FileKind::shell;
    const SourceFile file(name, kind, stdin_text);
    if (fixing_any) {
      // Standard input has no file to write back: --fix prints the fixed text, as a formatter
      // would, and --diff the diff; the findings left go to standard error.
      fix::FixedText fixed = fix::fix_source(file, policy, fixing);
      if (fixed.text != stdin_text) {
        record_fixes(name, FileFixes{stdin_text, fixed.text, fixed.fixes, fixed.converged});
      }
      if (!options.diff) std::cout << fixed.text;
      for (const Diagnostic& d : fixed.remaining) {
        fmt::print(stderr, "{}:{}:{}: {} {}\n", d.file, d.start.line, d.start.column, d.code,
                   d.message);
      }
      failing = settings.should_fail(fixed.remaining);
      reports.clear();
    } else {
      deliver(name, lint_source(file, policy).diagnostics);
    }
  } else {
    const auto paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
    DiscoveryResult discovered = discover(paths, forced_kind);
    for (const auto& error : discovered.errors) {
      print_error(error);
      read_errors = true;
    }
    std::function<FileResult(const LintTarget&)> work;
    if (fixing_any) {
      work = [&](const LintTarget& target) { return fix::fix_target(target, policy, fixing); };
    }
    lint_all(
        discovered.targets, policy, options.jobs,
        [&](FileResult&& result) {
          if (result.error) {
            print_error(*result.error);
            read_errors = true;
            return;
          }
          if (result.fix_error) {
            print_error(*result.fix_error);
            read_errors = true;
          }
          record_fixes(result.path, result.fixed);
          // --diff shows only what would change; --fix reports what is left.
          if (!options.diff) deliver(result.path, result.diagnostics);
        },
        work);
    if (options.diff) reports.clear();
  }

  for (auto& report : reports) {
    report.stream->finish();
    if (report.file && !*report.file) {
      print_error(fmt::format("cannot write {}", report.path));
      read_errors = true;
    }
  }
  std::cout.flush();
  if (text_on_terminal && !reports.empty()) fmt::print(stderr, "{}\n", report::summary_line(tally));
  if (options.fix && !options.diff) {
    fmt::print(stderr, "dockvet: applied {} fix{} to {} file{}\n", fixes_applied,
               fixes_applied == 1 ? "" : "es", files_fixed, files_fixed == 1 ? "" : "s");
  }

  if (read_errors) return kExitUsage;
  // Like ruff: --diff fails when it has something to show, --fix on what is left unfixed.
  if (options.diff) return files_fixed > 0 ? kExitFindings : kExitClean;
  return failing ? kExitFindings : kExitClean;
}

}  // namespace
}  // namespace dockvet

int main(int argc, char** argv) {
  dockvet::Options options;
  CLI::App app{
      "dockvet: a fast linter for container definitions that finds stateful data "
      "left off persistent storage, and Dockerfile best-practice mistakes."};
  app.set_version_flag("--version", fmt::format("dockvet {}", dockvet::version()));
  app.add_option("paths", options.paths,
                 "Files and directories to lint (default: .); - reads standard input");
  app.add_option("-f,--format", options.formats,
                 "Output format, repeatable: text, json, gnu, sarif, checkstyle, codeclimate, "
                 "junit, sonarqube")
      ->allow_extra_args(false);
  app.add_option("-o,--output", options.outputs,
                 "File for the output of the --format at the same position (- is stdout)")
      ->allow_extra_args(false);
  app.add_option(
      "--kind", options.kind,
      "Read every named file as this kind: dockerfile, shell, makefile, markdown, compose, "
      "kubernetes");
  app.add_option("--stdin-filename", options.stdin_filename,
                 "Name to report for standard input; also picks its kind");
  app.add_option("--failure-threshold", options.failure_threshold,
                 "Exit 1 only for findings at or above: error, warning, info, style, none");
  app.add_flag("--no-fail", options.no_fail, "Exit 0 even when there are findings");
  app.add_flag("--fix", options.fix,
               "Apply the safe fixes in place, then report what is left (standard input: print "
               "the fixed text)");
  app.add_flag("--unsafe-fixes", options.unsafe_fixes,
               "With --fix or --diff, apply the unsafe fixes too (they change what runs)");
  app.add_flag("--diff", options.diff,
               "Print the fixes as a unified diff instead of writing them; exit 1 when there is "
               "one");
  app.add_option("-c,--config", options.config_path,
                 "Configuration file (default: .dockvet.yaml, else .hadolint.yaml, searched from "
                 "the current directory up to the repository root)");
  // Comma lists as ruff and hadolint's config take them: `--select DV,DL3008`.
  app.add_option(
         "--select", options.select,
         "Only report these codes, code prefixes or names (repeat, or separate with commas)")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_option(
         "--ignore", options.ignore,
         "Never report these codes, code prefixes or names (repeat, or separate with commas)")
      ->allow_extra_args(false)
      ->delimiter(',');
  app.add_flag("--report-unused-ignores", options.report_unused_ignores,
               "Report ignore pragmas that suppress nothing (DV003)");
  app.add_flag("--compose-env", options.compose_env,
               "Interpolate compose files with this process's environment too, as `docker "
               "compose` would (default: only the .env beside each file)");
  app.add_flag_function(
      "--no-color", [&](std::int64_t) { options.color = "never"; },
      "Never colour the output (as --color never; NO_COLOR is honoured too)");
  app.add_option("--color", options.color, "Colour text output: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_option("-j,--jobs", options.jobs, "Worker threads (default: one per core)");
  app.add_flag("--list-rules", options.list_rules,
               "List every rule: code, name, severity, summary");
  app.add_option("--explain", options.explain, "Print the documentation page of a rule");
  app.add_option("--write-rule-docs", options.rule_docs_dir,
                 "Write docs/rules/CODE.md for every rule into this directory")
      ->group("");
  app.add_option("--write-man-page", options.man_page_path, "Write the dockvet(1) manual page")
      ->group("");
  CLI::App* lsp = app.add_subcommand(
      "lsp", "Run as a language server (LSP 3.17) on standard input and output, for editors");
  lsp->add_option("-c,--config", options.lsp_config_path,
                  "Configuration file for every document (default: found from each document's "
                  "folder, as for files on the command line)")
      ->type_name("FILE");
  // Generic clients (vscode-languageclient among them) pass --stdio; stdio is the only transport.
  bool stdio = true;
  lsp->add_flag("--stdio", stdio,
                "Talk over standard input and output (the default and only transport)");
  // Names for the values in --help and the manual, instead of CLI11's TEXT and UINT.
  const std::pair<const char*, const char*> value_names[] = {{"--format", "FORMAT"},
                                                             {"--output", "FILE"},
                                                             {"--kind", "KIND"},
                                                             {"--stdin-filename", "NAME"},
                                                             {"--failure-threshold", "SEVERITY"},
                                                             {"--config", "FILE"},
                                                             {"--select", "RULE"},
                                                             {"--ignore", "RULE"},
                                                             {"--color", "WHEN"},
                                                             {"--jobs", "N"},
                                                             {"--explain", "RULE"},
                                                             {"--write-rule-docs", "DIR"},
                                                             {"--write-man-page", "FILE"}};
  for (const auto& [option, value_name] : value_names)
    app.get_option(option)->type_name(value_name);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // CLI11 exits 105/106 on its own; dockvet's contract is 0 for help/version, 2 for misuse.
    const int code = app.exit(error);
    return code == 0 ? 0 : dockvet::kExitUsage;
  }
  try {
    if (!options.man_page_path.empty()) return dockvet::write_man_page(app, options.man_page_path);
    if (lsp->parsed()) return dockvet::run_language_server(options);
    return dockvet::run(options);
  } catch (const dockvet::config::ConfigError& error) {
    // Its message already reads "FILE:LINE:COL: error: ...".
    std::fprintf(stderr, "dockvet: %s\n", error.what());
    return dockvet::kExitUsage;
  } catch (const std::exception& error) {
    dockvet::print_error(error.what());
    return dockvet::kExitUsage;
  }
}
