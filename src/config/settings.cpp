#include "config/settings.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "config/glob.h"
#include "config/matching.h"

extern char** environ;

namespace dockvet::config {

namespace fs = std::filesystem;

Environment Environment::from_process() {
  std::map<std::string, std::string> variables;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos) continue;
    variables.emplace(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
  }
  return Environment(std::move(variables));
}

std::optional<std::string> Environment::get(const std::string& name) const {
  const auto found = variables_.find(name);
  if (found == variables_.end() || found->second.empty()) return std::nullopt;
  return found->second;
}

// --- Rule decisions ---------------------------------------------------------------------------

namespace {

std::size_t best_score(const std::vector<RuleKey>& keys, const CheckMeta& meta) {
  std::size_t best = 0;
  for (const RuleKey& key : keys) best = std::max(best, match_score(key.text, meta));
  return best;
}

// The most specific severity override of one layer, if any names the check; nullopt inside
// means "off".
std::optional<std::optional<Severity>> severity_override(const RuleSelection& layer,
                                                         const CheckMeta& meta) {
  std::optional<std::optional<Severity>> chosen;
  std::size_t chosen_score = 0;
  for (const SeverityOverride& entry : layer.severity) {
    const std::size_t score = match_score(entry.rule.text, meta);
    if (score > 0 && score >= chosen_score) {
      chosen = entry.severity;
      chosen_score = score;
    }
  }
  return chosen;
}

bool layer_enables(const RuleSelection& layer, const CheckMeta& meta, bool enabled) {
  const std::size_t selected = best_score(layer.select, meta);
  const std::size_t ignored = best_score(layer.ignore, meta);
  if (selected > 0 || ignored > 0) return selected > ignored;
  return layer.select.empty() ? enabled : false;
}

}  // namespace

RulePolicy::RulePolicy(std::vector<RuleSelection> layers, std::vector<PathOverride> path_layers,
                       std::size_t path_layers_after)
    : layers_(std::move(layers)),
      path_layers_(std::move(path_layers)),
      path_layers_after_(std::min(path_layers_after, layers_.size())) {}

FileRules RulePolicy::for_file(std::string_view path) const {
  FileRules rules;
  for (std::size_t i = 0; i < path_layers_after_; ++i) rules.layers_.push_back(&layers_[i]);
  for (const PathOverride& entry : path_layers_) {
    const bool matches =
        std::any_of(entry.paths.begin(), entry.paths.end(),
                    [&](const std::string& glob) { return glob_match(glob, path); });
    if (matches) rules.layers_.push_back(&entry.rules);
  }
  for (std::size_t i = path_layers_after_; i < layers_.size(); ++i) {
    rules.layers_.push_back(&layers_[i]);
  }
  return rules;
}

std::optional<Severity> FileRules::apply(const CheckMeta& meta, Severity reported) const {
  bool on = !meta.off_by_default;
  std::optional<Severity> severity = reported;
  for (const RuleSelection* layer : layers_) {
    if (meta.off_by_default) {
      // Only a layer that names the check itself turns it on; `select: [DL]` does not.
      const bool named = best_score(layer->select, meta) == kExactMatch;
      on = named ? layer_enables(*layer, meta, on) : (on && layer_enables(*layer, meta, on));
    } else {
      on = layer_enables(*layer, meta, on);
    }
    if (auto chosen = severity_override(*layer, meta)) {
      severity = *chosen;
      if (meta.off_by_default && *chosen) on = true;
    }
  }
  if (!on) return std::nullopt;
  return severity;
}

std::vector<std::string> RulePolicy::unknown_rule_keys(const Registry& registry) const {
  std::vector<std::string> messages;
  auto check_key = [&](const RuleKey& key) {
    for (const auto& check : registry.checks()) {
      if (match_score(key.text, check->meta()) > 0) return;
    }
    messages.push_back(fmt::format("{}: warning: '{}' matches no check", key.origin, key.text));
  };
  auto check_layer = [&](const RuleSelection& layer) {
    for (const RuleKey& key : layer.select) check_key(key);
    for (const RuleKey& key : layer.ignore) check_key(key);
    for (const SeverityOverride& entry : layer.severity) check_key(entry.rule);
  };
  for (const RuleSelection& layer : layers_) check_layer(layer);
  for (const PathOverride& entry : path_layers_) check_layer(entry.rules);
  return messages;
}

// --- Settings ---------------------------------------------------------------------------------

bool Settings::reaches_failure_threshold(Severity severity) const {
  if (failure_threshold == FailureThreshold::none) return false;
  return static_cast<int>(severity) <= static_cast<int>(failure_threshold);
}

bool Settings::should_fail(std::span<const Diagnostic> kept) const {
  if (no_fail) return false;
  return std::any_of(kept.begin(), kept.end(), [&](const Diagnostic& diagnostic) {
    return reaches_failure_threshold(diagnostic.severity);
  });
}

std::string Settings::relative_path(std::string_view file) const {
  fs::path path{std::string(file)};
  std::error_code ignored;
  if (path.is_relative()) path = fs::current_path(ignored) / path;
  const fs::path relative = path.lexically_normal().lexically_relative(root.lexically_normal());
  if (relative.empty() || *relative.begin() == "..")
    return fs::path(std::string(file)).generic_string();
  return relative.generic_string();
}

// --- Layering ---------------------------------------------------------------------------------

namespace {

[[noreturn]] void bad_variable(std::string_view name, std::string_view message) {
  throw ConfigError(fmt::format("{}: error: {}", name, message));
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = text.substr(start, comma - start);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front())))
      item.remove_prefix(1);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back())))
      item.remove_suffix(1);
    if (!item.empty()) items.emplace_back(item);
    start = comma + 1;
  }
  return items;
}

std::vector<RuleKey> env_rule_keys(const Environment& env, const std::string& name) {
  std::vector<RuleKey> keys;
  if (auto value = env.get(name)) {
    for (std::string& item : split_list(*value)) keys.push_back({std::move(item), name});
  }
  return keys;
}

std::vector<RuleKey> cli_rule_keys(const std::vector<std::string>& items, std::string_view flag) {
  std::vector<RuleKey> keys;
  for (const std::string& item : items) keys.push_back({item, std::string(flag)});
  return keys;
}

std::optional<bool> env_bool(const Environment& env, const std::string& name) {
  const auto value = env.get(name);
  if (!value) return std::nullopt;
  const std::string text = lowercase(*value);
  if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
  if (text == "0" || text == "false" || text == "no" || text == "off") return false;
  bad_variable(name, fmt::format("must be true or false (1/0, yes/no, on/off), not '{}'", *value));
}

std::optional<FailureThreshold> env_threshold(const Environment& env) {
  const std::string name = "DOCKVET_FAILURE_THRESHOLD";
  const auto value = env.get(name);
  if (!value) return std::nullopt;
  if (auto threshold = failure_threshold_from_string(*value)) return threshold;
  bad_variable(name,
               fmt::format("must be one of error, warning, info, style, none, not '{}'", *value));
}

// DOCKVET_FORMAT is a comma list of NAME or NAME=FILE.
std::vector<OutputSpec> env_formats(const Environment& env) {
  const std::string name = "DOCKVET_FORMAT";
  std::vector<OutputSpec> specs;
  const auto value = env.get(name);
  if (!value) return specs;
  for (const std::string& item : split_list(*value)) {
    auto spec = parse_output_spec(item);
    if (!spec) {
      bad_variable(name,
                   fmt::format("unknown format '{}'; known formats: {}",
                               item.substr(0, item.find('=')), fmt::join(known_formats(), ", ")));
    }
    specs.push_back(std::move(*spec));
  }
  return specs;
}

// The first of the layers, highest precedence first, that has a value.
template <typename T>
std::optional<T> first_of(std::optional<T> cli, std::optional<T> config, std::optional<T> env) {
  if (cli) return cli;
  if (config) return config;
  return env;
}

template <typename T>
std::optional<std::vector<T>> non_empty(std::vector<T> values) {
  if (values.empty()) return std::nullopt;
  return values;
}

fs::path default_root() {
  std::error_code ignored;
  const fs::path here = fs::current_path(ignored);
  return find_repo_root(here).value_or(here);
}

}  // namespace

std::optional<OutputSpec> parse_output_spec(std::string_view text) {
  const std::size_t equals = text.find('=');
  OutputSpec spec{lowercase(text.substr(0, equals)), std::nullopt};
  if (equals != std::string_view::npos) spec.output = std::string(text.substr(equals + 1));
  const auto known = known_formats();
  if (std::find(known.begin(), known.end(), spec.format) == known.end()) return std::nullopt;
  return spec;
}

std::optional<Config> load_selected_config(const CliSettings& cli, const Environment& env,
                                           const fs::path& start_dir) {
  if (cli.config_path) return load_config(*cli.config_path);
  if (auto named = env.get("DOCKVET_CONFIG")) return load_config(*named);
  if (auto found = find_config(start_dir)) return load_config(*found);
  return std::nullopt;
}

Settings resolve(const CliSettings& cli, const std::optional<Config>& config,
                 const Environment& env) {
  const Config empty;
  const Config& file = config ? *config : empty;
  Settings settings;

  RuleSelection env_rules{
      env_rule_keys(env, "DOCKVET_SELECT"), env_rule_keys(env, "DOCKVET_IGNORE"), {}};
  RuleSelection cli_rules{
      cli_rule_keys(cli.select, "--select"), cli_rule_keys(cli.ignore, "--ignore"), {}};
  settings.rules =
      RulePolicy({std::move(env_rules), file.rules, std::move(cli_rules)}, file.per_path,
                 /*path_layers_after=*/2);

  settings.failure_threshold =
      first_of(cli.failure_threshold, file.failure_threshold, env_threshold(env))
          .value_or(FailureThreshold::info);
  settings.no_fail =
      first_of(cli.no_fail, file.no_fail, env_bool(env, "DOCKVET_NO_FAIL")).value_or(false);
  // NO_COLOR (no-color.org) disables colour whenever it is set to anything.
  const std::optional<bool> env_no_color =
      env.get("NO_COLOR") ? std::optional<bool>(true) : env_bool(env, "DOCKVET_NO_COLOR");
  settings.no_color = first_of(cli.no_color, file.no_color, env_no_color).value_or(false);
  settings.disable_ignore_pragma = first_of(cli.disable_ignore_pragma, file.disable_ignore_pragma,
                                            env_bool(env, "DOCKVET_DISABLE_IGNORE_PRAGMA"))
                                       .value_or(false);
  if (auto formats = first_of(non_empty(cli.formats), file.formats, non_empty(env_formats(env)))) {
    settings.formats = std::move(*formats);
  }
  std::vector<std::string> env_registries;
  if (auto value = env.get("DOCKVET_TRUSTED_REGISTRIES")) env_registries = split_list(*value);
  settings.trusted_registries = first_of(non_empty(cli.trusted_registries), file.trusted_registries,
                                         non_empty(std::move(env_registries)))
                                    .value_or(std::vector<std::string>{});
  settings.label_schema = file.label_schema;
  settings.strict_labels = file.strict_labels.value_or(false);
  settings.catalog = file.catalog;
  if (config) settings.config_path = config->path;
  settings.root = config ? config->root : default_root();
  return settings;
}

}  // namespace dockvet::config
