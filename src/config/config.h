#pragma once
// The configuration file: `.dockvet.yaml`, or hadolint's `.hadolint.yaml` for users who switch,
// read into one Config. Loading is strict: an unknown key, a wrong type, a bad value or a YAML
// syntax error throws ConfigError naming the file, line, column and key, and the run stops
// (exit 2). Rule keys stay as written; they are resolved against the Registry when applied
// (settings.h), so a config may name checks by code, code prefix, name or hadolint alias.

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace dockvet::config {

/// A configuration that cannot be used; what() reads `FILE:LINE:COL: error: ...` (or
/// `FILE: error: ...` when no position applies, `NAME: error: ...` for an environment variable).
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The lowest severity that makes the run fail; `none` never fails.
enum class FailureThreshold { error, warning, info, style, none };

std::string_view to_string(FailureThreshold threshold);
/// Parses error|warning|info|style|none (case-insensitive); nullopt otherwise.
std::optional<FailureThreshold> failure_threshold_from_string(std::string_view text);

/// One code, code prefix (`DV1`, `DL30`), name or alias as the user typed it, with where it was
/// typed (`FILE:LINE:COL`, `--ignore`, `DOCKVET_IGNORE`) for messages about it.
struct RuleKey {
  std::string text;
  std::string origin;
};

/// A severity override; an empty severity means "off" (the check does not run).
struct SeverityOverride {
  RuleKey rule;
  std::optional<Severity> severity;
};

/// The rule choices of one layer: the top level of a config, one per-path entry, the command
/// line or the environment. An empty `select` leaves the choice to the layers below.
struct RuleSelection {
  std::vector<RuleKey> select;
  std::vector<RuleKey> ignore;
  std::vector<SeverityOverride> severity;  // file order; a later entry wins a tie

  bool empty() const { return select.empty() && ignore.empty() && severity.empty(); }
};

/// Rule choices that apply to the repo-relative paths matching any of `paths` (glob.h).
struct PathOverride {
  std::vector<std::string> paths;
  RuleSelection rules;
};

/// One output: a format name and the file it goes to (standard output when empty).
struct OutputSpec {
  std::string format;
  std::optional<std::string> output;
  friend bool operator==(const OutputSpec&, const OutputSpec&) = default;
};

/// Which file format a Config came from.
enum class ConfigDialect { dockvet, hadolint };

/// Everything a configuration file said; unset options stay nullopt so the layering in
/// settings.h can tell "not said" from "said false".
struct Config {
  std::string path;  // the file, as found or named
  ConfigDialect dialect = ConfigDialect::dockvet;
  std::filesystem::path root;  // per-path globs are relative to it: the repository root
  RuleSelection rules;
  std::vector<PathOverride> per_path;
  std::optional<FailureThreshold> failure_threshold;
  std::optional<bool> no_fail;
  std::optional<bool> no_color;
  std::optional<bool> disable_ignore_pragma;  // turns `# hadolint ignore=` pragmas off
  std::optional<std::vector<OutputSpec>> formats;
  std::optional<std::vector<std::string>> trusted_registries;
  std::map<std::string, std::string> label_schema;  // label name -> value type
  std::optional<bool> strict_labels;
  // The user's own stateful images, in the catalog's JSON shape (a list of entries, each with
  // `name` or `names`), for Catalog::merge.
  nlohmann::json catalog = nlohmann::json::array();
};

/// The output formats a config may name: the reporters' (report::formats()).
std::vector<std::string_view> known_formats();

/// Parses configuration text; `path` is used in messages and to find `root`.
Config parse_config(std::string_view yaml_text, const std::string& path, ConfigDialect dialect);
/// Reads and parses one file; a name containing "hadolint" selects the hadolint dialect.
Config load_config(const std::filesystem::path& file);

/// The first ancestor of `start_dir` (itself included) holding a `.git` entry.
std::optional<std::filesystem::path> find_repo_root(const std::filesystem::path& start_dir);
/// Looks for `.dockvet.yaml`/`.dockvet.yml` from `start_dir` up to the repository root (or the
/// file system root outside a repository); when there is none, for `.hadolint.yaml`/`.yml` the
/// same way.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start_dir);

}  // namespace dockvet::config
