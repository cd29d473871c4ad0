#include "config/config.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <set>

#include "config/matching.h"
#include "core/edit_distance.h"
#include "core/source.h"
#include "report/report.h"

namespace dockvet::config {

namespace fs = std::filesystem;

std::string_view to_string(FailureThreshold threshold) {
  switch (threshold) {
    case FailureThreshold::error: return "error";
    case FailureThreshold::warning: return "warning";
    case FailureThreshold::info: return "info";
    case FailureThreshold::style: return "style";
    case FailureThreshold::none: break;
  }
  return "none";
}

std::optional<FailureThreshold> failure_threshold_from_string(std::string_view text) {
  const std::string name = lowercase(text);
  for (auto threshold : {FailureThreshold::error, FailureThreshold::warning, FailureThreshold::info,
                         FailureThreshold::style, FailureThreshold::none}) {
    if (to_string(threshold) == name) return threshold;
  }
  return std::nullopt;
}

std::vector<std::string_view> known_formats() {
  const auto formats = report::formats();
  return {formats.begin(), formats.end()};
}

namespace {

// The valid name nearest to a mistyped one, when it is near enough to be the likely intent.
std::optional<std::string_view> closest(std::string_view typed,
                                        const std::vector<std::string_view>& valid) {
  std::optional<std::string_view> best;
  std::size_t best_distance = std::max<std::size_t>(2, typed.size() / 3) + 1;
  for (std::string_view candidate : valid) {
    const std::size_t distance = edit_distance(lowercase(typed), candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

std::string describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: return "a map";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Scalar: return fmt::format("'{}'", node.Scalar());
    default: return "empty";
  }
}

// Reads one YAML document into a Config, throwing ConfigError at the first problem. The `key`
// arguments are dotted paths (`per-path[0].ignore`) so that a message names the exact key.
class Reader {
 public:
  Reader(const std::string& path, Config& config) : path_(path), config_(config) {}

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    if (mark.is_null()) throw ConfigError(fmt::format("{}: error: {}", path_, message));
    throw ConfigError(
        fmt::format("{}:{}:{}: error: {}", path_, mark.line + 1, mark.column + 1, message));
  }

  std::string origin(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    return fmt::format("{}:{}:{}", path_, mark.line + 1, mark.column + 1);
  }

  // Calls `handle(key, value)` for each entry of a map, rejecting unknown and duplicate keys.
  template <typename Handler>
  void for_each_entry(const YAML::Node& map, std::string_view where,
                      const std::vector<std::string_view>& valid, Handler handle) const {
    std::set<std::string> seen;
    for (const auto& entry : map) {
      const YAML::Node& key = entry.first;
      if (!key.IsScalar()) fail(key.Mark(), fmt::format("{}: a key must be a string", where));
      const std::string& name = key.Scalar();
      if (std::find(valid.begin(), valid.end(), name) == valid.end()) {
        fail(key.Mark(), unknown_key_message(name, where, valid));
      }
      if (!seen.insert(name).second) fail(key.Mark(), fmt::format("duplicate key '{}'", name));
      handle(name, entry.second);
    }
  }

  void require_map(const YAML::Node& node, std::string_view key) const {
    if (!node.IsMap())
      fail(node.Mark(), fmt::format("'{}' must be a map, not {}", key, describe(node)));
  }

  std::string read_string(const YAML::Node& node, std::string_view key) const {
    if (!node.IsScalar()) {
      fail(node.Mark(), fmt::format("'{}' must be a string, not {}", key, describe(node)));
    }
    return node.Scalar();
  }

  bool read_bool(const YAML::Node& node, std::string_view key) const {
    bool value = false;
    if (!node.IsScalar() || !YAML::convert<bool>::decode(node, value)) {
      fail(node.Mark(), fmt::format("'{}' must be true or false, not {}", key, describe(node)));
    }
    return value;
  }

  std::vector<std::string> read_strings(const YAML::Node& node, std::string_view key) const {
    if (!node.IsSequence()) {
      fail(node.Mark(), fmt::format("'{}' must be a list of strings, not {}", key, describe(node)));
    }
    std::vector<std::string> values;
    for (const auto& item : node) {
      if (!item.IsScalar()) {
        fail(item.Mark(),
             fmt::format("'{}' must be a list of strings; this item is {}", key, describe(item)));
      }
      values.push_back(item.Scalar());
    }
    return values;
  }

  std::vector<RuleKey> read_rule_keys(const YAML::Node& node, std::string_view key) const {
    std::vector<RuleKey> keys;
    read_strings(node, key);  // validates the shape before positions are taken
    for (const auto& item : node) keys.push_back({item.Scalar(), origin(item)});
    return keys;
  }

  // Matches `text` against an enumeration, naming the allowed values when it does not.
  std::string read_enum(const YAML::Node& node, std::string_view key,
                        const std::vector<std::string_view>& allowed) const {
    const std::string text = read_string(node, key);
    const std::string name = lowercase(text);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      fail(node.Mark(),
           fmt::format("'{}' must be one of {}, not '{}'", key, fmt::join(allowed, ", "), text));
    }
    return name;
  }

  FailureThreshold read_threshold(const YAML::Node& node, std::string_view key,
                                  std::vector<std::string_view> allowed) const {
    const std::string name = read_enum(node, key, allowed);
    // hadolint spells "never fail" as `ignore` too.
    return failure_threshold_from_string(name == "ignore" ? "none" : name).value();
  }

  Config& config() const { return config_; }

 private:
  std::string unknown_key_message(const std::string& name, std::string_view where,
                                  const std::vector<std::string_view>& valid) const {
    std::string message = where.empty() ? fmt::format("unknown key '{}'", name)
                                        : fmt::format("unknown key '{}' in '{}'", name, where);
    if (auto suggestion = closest(name, valid)) {
      message += fmt::format(" (did you mean '{}'?)", *suggestion);
    }
    message += fmt::format("; valid keys are {}", fmt::join(valid, ", "));
    return message;
  }

  const std::string& path_;
  Config& config_;
};

// --- Values shared by both dialects -------------------------------------------------------------

const std::vector<std::string_view> kThresholds = {"error", "warning", "info", "style", "none"};
const std::vector<std::string_view> kLabelTypes = {"email",  "hash", "text", "rfc3339",
                                                   "semver", "spdx", "url"};

void read_label_schema(const Reader& reader, const YAML::Node& node) {
  reader.require_map(node, "label-schema");
  for (const auto& entry : node) {
    const std::string label = reader.read_string(entry.first, "label-schema");
    reader.config().label_schema[label] =
        reader.read_enum(entry.second, fmt::format("label-schema.{}", label), kLabelTypes);
  }
}

// --- .dockvet.yaml ----------------------------------------------------------------------------

void read_severity_map(const Reader& reader, const YAML::Node& node, const std::string& key,
                       std::vector<SeverityOverride>& out) {
  reader.require_map(node, key);
  for (const auto& entry : node) {
    const std::string rule = reader.read_string(entry.first, key);
    const std::string level = reader.read_enum(entry.second, fmt::format("{}.{}", key, rule),
                                               {"error", "warning", "info", "style", "off"});
    out.push_back({{rule, reader.origin(entry.first)}, severity_from_string(level)});
  }
}

const std::vector<std::string_view> kPerPathKeys = {"paths", "ignore", "select", "severity"};

PathOverride read_path_override(const Reader& reader, const YAML::Node& node,
                                const std::string& where) {
  reader.require_map(node, where);
  PathOverride entry;
  bool has_paths = false;
  reader.for_each_entry(
      node, where, kPerPathKeys, [&](const std::string& key, const YAML::Node& value) {
        const std::string name = fmt::format("{}.{}", where, key);
        if (key == "paths") {
          entry.paths = value.IsScalar() ? std::vector<std::string>{value.Scalar()}
                                         : reader.read_strings(value, name);
          has_paths = true;
        } else if (key == "ignore") {
          entry.rules.ignore = reader.read_rule_keys(value, name);
        } else if (key == "select") {
          entry.rules.select = reader.read_rule_keys(value, name);
        } else {
          read_severity_map(reader, value, name, entry.rules.severity);
        }
      });
  if (!has_paths) reader.fail(node.Mark(), fmt::format("'{}' has no 'paths'", where));
  return entry;
}

OutputSpec read_output(const Reader& reader, const YAML::Node& node, const std::string& where) {
  const std::vector<std::string_view> formats = known_formats();
  if (node.IsScalar()) return {reader.read_enum(node, where, formats), std::nullopt};
  reader.require_map(node, where);
  OutputSpec spec;
  reader.for_each_entry(node, where, {"format", "output"},
                        [&](const std::string& key, const YAML::Node& value) {
                          const std::string name = fmt::format("{}.{}", where, key);
                          if (key == "format") {
                            spec.format = reader.read_enum(value, name, formats);
                          } else {
                            spec.output = reader.read_string(value, name);
                          }
                        });
  if (spec.format.empty()) reader.fail(node.Mark(), fmt::format("'{}' has no 'format'", where));
  return spec;
}

std::vector<OutputSpec> read_formats(const Reader& reader, const YAML::Node& node) {
  if (!node.IsSequence()) return {read_output(reader, node, "format")};
  std::vector<OutputSpec> specs;
  for (std::size_t i = 0; i < node.size(); ++i) {
    specs.push_back(read_output(reader, node[i], fmt::format("format[{}]", i)));
  }
  return specs;
}

// YAML has no scalar types of its own in yaml-cpp: a plain scalar is typed the way YAML 1.2's
// core schema would, a quoted one stays a string.
nlohmann::json scalar_to_json(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return text;
  if (text == "~" || text == "null" || text == "Null" || text == "NULL") return nullptr;
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  long long integer = 0;
  if (YAML::convert<long long>::decode(node, integer)) return integer;
  double number = 0;
  if (text.find_first_of("0123456789") != std::string::npos &&
      YAML::convert<double>::decode(node, number)) {
    return number;
  }
  return text;
}

nlohmann::json to_json(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return scalar_to_json(node);
    case YAML::NodeType::Sequence: {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& item : node) list.push_back(to_json(item));
      return list;
    }
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& entry : node) object[entry.first.Scalar()] = to_json(entry.second);
      return object;
    }
    default: return nullptr;
  }
}

nlohmann::json read_catalog(const Reader& reader, const YAML::Node& node) {
  if (!node.IsSequence()) {
    reader.fail(node.Mark(),
                fmt::format("'catalog' must be a list of image entries, not {}", describe(node)));
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    const YAML::Node& entry = node[i];
    if (!entry.IsMap()) {
      reader.fail(entry.Mark(),
                  fmt::format("'catalog[{}]' must be a map, not {}", i, describe(entry)));
    }
    if (!entry["name"] && !entry["names"]) {
      reader.fail(entry.Mark(), fmt::format("'catalog[{}]' has neither 'name' nor 'names'", i));
    }
  }
  return to_json(node);
}

const std::vector<std::string_view> kDockvetKeys = {"select",
                                                    "ignore",
                                                    "severity",
                                                    "per-path",
                                                    "failure-threshold",
                                                    "no-fail",
                                                    "no-color",
                                                    "format",
                                                    "catalog",
                                                    "trusted-registries",
                                                    "disable-ignore-pragma",
                                                    "label-schema",
                                                    "strict-labels"};

void read_dockvet(const Reader& reader, const YAML::Node& root) {
  Config& config = reader.config();
  reader.for_each_entry(
      root, "", kDockvetKeys, [&](const std::string& key, const YAML::Node& value) {
        if (key == "select") {
          config.rules.select = reader.read_rule_keys(value, key);
        } else if (key == "ignore") {
          config.rules.ignore = reader.read_rule_keys(value, key);
        } else if (key == "severity") {
          read_severity_map(reader, value, key, config.rules.severity);
        } else if (key == "per-path") {
          if (!value.IsSequence()) {
            reader.fail(value.Mark(),
                        fmt::format("'per-path' must be a list of maps, not {}", describe(value)));
          }
          for (std::size_t i = 0; i < value.size(); ++i) {
            config.per_path.push_back(
                read_path_override(reader, value[i], fmt::format("per-path[{}]", i)));
          }
        } else if (key == "failure-threshold") {
          config.failure_threshold = reader.read_threshold(value, key, kThresholds);
        } else if (key == "no-fail") {
          config.no_fail = reader.read_bool(value, key);
        } else if (key == "no-color") {
          config.no_color = reader.read_bool(value, key);
        } else if (key == "format") {
          config.formats = read_formats(reader, value);
        } else if (key == "catalog") {
          config.catalog = read_catalog(reader, value);
        } else if (key == "trusted-registries") {
          config.trusted_registries = reader.read_strings(value, key);
        } else if (key == "disable-ignore-pragma") {
          config.disable_ignore_pragma = reader.read_bool(value, key);
        } else if (key == "label-schema") {
          read_label_schema(reader, value);
        } else {
          config.strict_labels = reader.read_bool(value, key);
        }
      });
}

// --- .hadolint.yaml ---------------------------------------------------------------------------

// hadolint's output formats and the dockvet format each becomes; the ones dockvet lacks are
// accepted and dropped. GitLab reads Code Climate's format, so gitlab_codeclimate maps there.
std::optional<std::string> dockvet_format_for(std::string_view hadolint_format) {
  std::string_view name = hadolint_format;
  if (name == "tty") name = "text";
  if (name == "gitlab_codeclimate") name = "codeclimate";
  const auto known = known_formats();
  if (std::find(known.begin(), known.end(), name) == known.end()) return std::nullopt;
  return std::string(name);
}

const std::vector<std::string_view> kHadolintFormats = {
    "tty", "json",   "checkstyle", "codeclimate", "gitlab_codeclimate",
    "gnu", "codacy", "sonarqube",  "sarif",       "junit"};

const std::vector<std::string_view> kHadolintKeys = {"ignored",
                                                     "override",
                                                     "failure-threshold",
                                                     "trustedRegistries",
                                                     "trusted-registries",
                                                     "label-schema",
                                                     "strict-labels",
                                                     "no-fail",
                                                     "no-color",
                                                     "disable-ignore-pragma",
                                                     "format",
                                                     "output-format",
                                                     "verbose"};

void read_hadolint_override(const Reader& reader, const YAML::Node& node) {
  reader.require_map(node, "override");
  reader.for_each_entry(
      node, "override", {"error", "warning", "info", "style"},
      [&](const std::string& level, const YAML::Node& value) {
        for (RuleKey& rule : reader.read_rule_keys(value, fmt::format("override.{}", level))) {
          reader.config().rules.severity.push_back({std::move(rule), severity_from_string(level)});
        }
      });
}

void read_hadolint(const Reader& reader, const YAML::Node& root) {
  Config& config = reader.config();
  reader.for_each_entry(
      root, "", kHadolintKeys, [&](const std::string& key, const YAML::Node& value) {
        if (key == "ignored") {
          config.rules.ignore = reader.read_rule_keys(value, key);
        } else if (key == "override") {
          read_hadolint_override(reader, value);
        } else if (key == "failure-threshold") {
          std::vector<std::string_view> allowed = kThresholds;
          allowed.push_back("ignore");
          config.failure_threshold = reader.read_threshold(value, key, allowed);
        } else if (key == "trustedRegistries" || key == "trusted-registries") {
          auto registries = reader.read_strings(value, key);
          if (!config.trusted_registries) config.trusted_registries.emplace();
          config.trusted_registries->insert(config.trusted_registries->end(), registries.begin(),
                                            registries.end());
        } else if (key == "label-schema") {
          read_label_schema(reader, value);
        } else if (key == "strict-labels") {
          config.strict_labels = reader.read_bool(value, key);
        } else if (key == "no-fail") {
          config.no_fail = reader.read_bool(value, key);
        } else if (key == "no-color") {
          config.no_color = reader.read_bool(value, key);
        } else if (key == "disable-ignore-pragma") {
          config.disable_ignore_pragma = reader.read_bool(value, key);
        } else if (key == "format" || key == "output-format") {
          const std::string format = reader.read_enum(value, key, kHadolintFormats);
          if (auto mapped = dockvet_format_for(format)) config.formats = {{*mapped, std::nullopt}};
        } else {
          reader.read_bool(value, key);  // `verbose`: validated, no use in dockvet
        }
      });
}

fs::path config_root(const std::string& path) {
  std::error_code ignored;
  fs::path directory = fs::absolute(fs::path(path), ignored).parent_path();
  return find_repo_root(directory).value_or(directory);
}

}  // namespace

Config parse_config(std::string_view yaml_text, const std::string& path, ConfigDialect dialect) {
  Config config;
  config.path = path;
  config.dialect = dialect;
  config.root = config_root(path);
  Reader reader(config.path, config);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& error) {
    reader.fail(error.mark, fmt::format("invalid YAML: {}", error.msg));
  }
  if (root.IsNull()) return config;  // an empty file says nothing
  if (!root.IsMap()) {
    reader.fail(root.Mark(),
                fmt::format("the configuration must be a map of keys, not {}", describe(root)));
  }
  try {
    if (dialect == ConfigDialect::hadolint) {
      read_hadolint(reader, root);
    } else {
      read_dockvet(reader, root);
    }
  } catch (const YAML::Exception& error) {
    reader.fail(error.mark, error.msg);
  }
  return config;
}

Config load_config(const fs::path& file) {
  const FileRead read = read_file(file.string());
  if (read.error != 0) {
    const char* reason = read.error == EISDIR ? "it is a directory" : std::strerror(read.error);
    throw ConfigError(
        fmt::format("{}: error: cannot read the configuration file: {}", file.string(), reason));
  }
  const bool hadolint = file.filename().string().find("hadolint") != std::string::npos;
  return parse_config(read.text, file.string(),
                      hadolint ? ConfigDialect::hadolint : ConfigDialect::dockvet);
}

std::optional<fs::path> find_repo_root(const fs::path& start_dir) {
  std::error_code ignored;
  for (fs::path dir = fs::absolute(start_dir, ignored);; dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ignored)) return dir;
    if (dir == dir.parent_path()) return std::nullopt;
  }
}

namespace {

std::optional<fs::path> search_up(const fs::path& start_dir,
                                  std::initializer_list<std::string_view> names) {
  std::error_code ignored;
  for (fs::path dir = fs::absolute(start_dir, ignored);; dir = dir.parent_path()) {
    for (std::string_view name : names) {
      const fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, ignored)) return candidate;
    }
    // The repository root is the last place a project's config can live.
    if (fs::exists(dir / ".git", ignored) || dir == dir.parent_path()) return std::nullopt;
  }
}

}  // namespace

std::optional<fs::path> find_config(const fs::path& start_dir) {
  if (auto own = search_up(start_dir, {".dockvet.yaml", ".dockvet.yml"})) return own;
  return search_up(start_dir, {".hadolint.yaml", ".hadolint.yml"});
}

}  // namespace dockvet::config
