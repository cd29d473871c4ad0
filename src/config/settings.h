#pragma once
// The settings of one run, layered from what the user said on the command line, in the
// configuration file and in the environment, and the decisions the engine and the CLI take from
// them: which findings to keep, at which severity, and whether the run fails.
//
// Precedence, highest first: the command line, then the configuration file, then the
// environment (DOCKVET_*). The configuration file beats the environment on purpose: a
// repository's checked-in config is the project's decision, an exported variable is a
// machine-wide default. Each option takes its value from the highest layer that sets it.
// Rule choices layer the same way, applied lowest first so a higher layer has the last word:
// environment, config top level, each matching `per-path` entry in file order, command line.
// Within one layer a `select` keeps only the rules it names, an `ignore` drops rules, and when
// both name a rule the more specific key wins (a full code, name or alias beats a prefix, a
// longer prefix a shorter one; on a tie `ignore` wins). A severity override changes a finding's
// severity; `off` drops it.

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"
#include "core/check.h"
#include "core/diagnostic.h"

namespace dockvet::config {

/// What the user passed on the command line, nothing more: unset options stay unset.
struct CliSettings {
  std::optional<std::string> config_path;  // --config FILE
  std::vector<std::string> select;         // --select CODE (repeatable)
  std::vector<std::string> ignore;         // --ignore CODE (repeatable)
  std::optional<FailureThreshold> failure_threshold;
  std::optional<bool> no_fail;
  std::optional<bool> no_color;
  std::vector<OutputSpec> formats;  // --format NAME[=FILE]; empty when not given
  std::vector<std::string> trusted_registries;
  std::optional<bool> disable_ignore_pragma;
};

/// A snapshot of the process environment, so that tests can pass their own.
class Environment {
 public:
  Environment() = default;
  explicit Environment(std::map<std::string, std::string> variables)
      : variables_(std::move(variables)) {}
  /// The variables of this process.
  static Environment from_process();
  /// The value of `name`; an empty value counts as unset.
  std::optional<std::string> get(const std::string& name) const;

 private:
  std::map<std::string, std::string> variables_;
};

/// The rule layers that apply to one file: the engine asks it once per check or finding.
class FileRules {
 public:
  /// Whether the check runs on this file; the engine may skip a check that does not.
  bool enabled(const CheckMeta& meta) const { return apply(meta, meta.severity).has_value(); }
  /// The severity `diagnostic` is reported with, or nullopt when it is dropped.
  std::optional<Severity> decide(const Diagnostic& diagnostic, const CheckMeta& meta) const {
    return apply(meta, diagnostic.severity);
  }

 private:
  friend class RulePolicy;
  std::optional<Severity> apply(const CheckMeta& meta, Severity reported) const;

  std::vector<const RuleSelection*> layers_;  // point into the RulePolicy, which outlives this
};

/// Decides, per check and path, whether findings are kept and at which severity.
class RulePolicy {
 public:
  RulePolicy() = default;
  /// `layers` apply in order, each over the previous; `path_layers` apply between the first
  /// `path_layers_after` layers and the rest, each where a path matches one of its globs.
  RulePolicy(std::vector<RuleSelection> layers, std::vector<PathOverride> path_layers,
             std::size_t path_layers_after);

  /// The layers for the file at `path` (repo-relative, "/"-separated): matches the per-path
  /// globs once per file.
  FileRules for_file(std::string_view path) const;
  /// Shorthands for one-off questions; the engine should hold a FileRules per file instead.
  bool enabled(const CheckMeta& meta, std::string_view path) const {
    return for_file(path).enabled(meta);
  }
  std::optional<Severity> decide(const Diagnostic& diagnostic, const CheckMeta& meta,
                                 std::string_view path) const {
    return for_file(path).decide(diagnostic, meta);
  }
  /// The rule keys that match no check in `registry`, as "ORIGIN: warning: ..." messages.
  std::vector<std::string> unknown_rule_keys(const Registry& registry) const;

 private:
  std::vector<RuleSelection> layers_;
  std::vector<PathOverride> path_layers_;
  std::size_t path_layers_after_ = 0;
};

/// The resolved settings of one run.
struct Settings {
  RulePolicy rules;
  FailureThreshold failure_threshold = FailureThreshold::info;  // hadolint's default
  bool no_fail = false;
  bool no_color = false;
  bool disable_ignore_pragma = false;
  std::vector<OutputSpec> formats = {{"text", std::nullopt}};
  std::vector<std::string> trusted_registries;
  std::map<std::string, std::string> label_schema;
  bool strict_labels = false;
  nlohmann::json catalog = nlohmann::json::array();  // for Catalog::merge
  std::optional<std::string> config_path;            // the file that was used
  std::filesystem::path root;                        // per-path globs are relative to it

  /// Whether a finding of `severity` is at or above the failure threshold.
  bool reaches_failure_threshold(Severity severity) const;
  /// Whether the run fails (exit 1) given the findings it kept.
  bool should_fail(std::span<const Diagnostic> kept) const;
  /// `file` relative to `root` with "/" separators, as per-path globs expect; a file outside
  /// `root` keeps its path as given.
  std::string relative_path(std::string_view file) const;
};

/// Reads a `--format` value, NAME or NAME=FILE; nullopt when NAME is not in known_formats().
std::optional<OutputSpec> parse_output_spec(std::string_view text);

/// The configuration the run uses: `--config`, else $DOCKVET_CONFIG, else the one find_config
/// finds from `start_dir`; nullopt when there is none. Throws ConfigError for a broken one.
std::optional<Config> load_selected_config(const CliSettings& cli, const Environment& env,
                                           const std::filesystem::path& start_dir);

/// Layers the three sources (see the top of this file). Throws ConfigError for a malformed
/// environment variable, named in the message.
Settings resolve(const CliSettings& cli, const std::optional<Config>& config,
                 const Environment& env);

}  // namespace dockvet::config
