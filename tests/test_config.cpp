#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "config/config.h"
#include "config/glob.h"
#include "config/settings.h"

namespace fs = std::filesystem;
using namespace dockvet;
using namespace dockvet::config;

namespace {

const std::string kData = std::string(DOCKVET_SOURCE_DIR) + "/tests/data/config/";

std::string error_of(std::string_view yaml, ConfigDialect dialect = ConfigDialect::dockvet) {
  try {
    parse_config(yaml, "cfg.yaml", dialect);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "no error";
}

std::string load_error(const std::string& path) {
  try {
    load_config(path);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "no error";
}

CheckMeta meta(std::string_view code, std::string_view name, Severity severity,
               std::vector<std::string_view> aliases = {}) {
  CheckMeta m;
  m.code = code;
  m.name = name;
  m.severity = severity;
  m.aliases = std::move(aliases);
  return m;
}

Diagnostic finding(const CheckMeta& m) {
  Diagnostic d;
  d.code = std::string(m.code);
  d.name = std::string(m.name);
  d.severity = m.severity;
  return d;
}

const CheckMeta kUnmounted = meta("DV101", "stateful-data-unmounted", Severity::error);
const CheckMeta kAnonymous = meta("DV102", "stateful-data-anonymous", Severity::warning);
const CheckMeta kAptPin = meta("DL3008", "apt-pin-versions", Severity::warning, {"DL3008"});
const CheckMeta kLatest = meta("DL3007", "no-latest-tag", Severity::warning, {"DL3007"});
const CheckMeta kRootUser = meta("DV201", "last-user-root", Severity::warning, {"DL3002"});

Environment env_of(const std::string& name, const std::string& value) {
  return Environment(std::map<std::string, std::string>{{name, value}});
}

// A unique empty directory under the system's temporary directory.
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("dockvet-cfg-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& file, std::string_view text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

}  // namespace

// --- Globs ------------------------------------------------------------------------------------

TEST_CASE("glob: * and ? stay inside one path component", "[config]") {
  CHECK(glob_match("docs/*.md", "docs/install.md"));
  CHECK_FALSE(glob_match("docs/*.md", "docs/guide/install.md"));
  CHECK(glob_match("docs/?.md", "docs/a.md"));
  CHECK_FALSE(glob_match("docs/?.md", "docs/ab.md"));
  CHECK_FALSE(glob_match("docs?x.md", "docs/x.md"));
  CHECK(glob_match("src/*", "src/Dockerfile"));
  CHECK_FALSE(glob_match("src/*.md", "src/Dockerfile"));
}

TEST_CASE("glob: ** spans any number of components, including none", "[config]") {
  CHECK(glob_match("docs/**/*.md", "docs/a.md"));
  CHECK(glob_match("docs/**/*.md", "docs/x/y/a.md"));
  CHECK_FALSE(glob_match("docs/**/*.md", "other/docs/a.md"));
  CHECK(glob_match("**/Dockerfile", "Dockerfile"));
  CHECK(glob_match("**/Dockerfile", "services/api/Dockerfile"));
  CHECK(glob_match("docs/**", "docs/a/b/c.md"));
  CHECK(glob_match("a/**/b/**/c", "a/x/b/y/z/c"));
  CHECK_FALSE(glob_match("a/**/b/**/c", "a/x/y/z/c"));
}

TEST_CASE("glob: anchored patterns cover what lies below a matching directory", "[config]") {
  CHECK(glob_match("docs", "docs/a/b.md"));
  CHECK(glob_match("docs/guide", "docs/guide/a.md"));
  CHECK_FALSE(glob_match("docs/guide", "docs/guidebook/a.md"));
  CHECK(glob_match("./docs/*.md", "docs/a.md"));
  CHECK(glob_match("/docs/*.md", "./docs/a.md"));
  CHECK_FALSE(glob_match("", "docs/a.md"));
}

TEST_CASE("glob: a pattern without a slash matches any component", "[config]") {
  CHECK(glob_match("*.md", "README.md"));
  CHECK(glob_match("*.md", "docs/deep/x.md"));
  CHECK(glob_match("vendor", "third/vendor/lib/Dockerfile"));
  CHECK(glob_match("Dockerfile.*", "svc/Dockerfile.prod"));
  CHECK_FALSE(glob_match("Dockerfile.*", "svc/Dockerfile"));
  CHECK_FALSE(glob_match("*.md", "docs/x.mdx"));
}

// --- Reading .dockvet.yaml --------------------------------------------------------------------

TEST_CASE("config: every .dockvet.yaml key is read", "[config]") {
  const Config config = load_config(kData + "full.dockvet.yaml");
  CHECK(config.dialect == ConfigDialect::dockvet);
  REQUIRE(config.rules.select.size() == 2);
  CHECK(config.rules.select[0].text == "DV1");
  CHECK(config.rules.select[0].origin == kData + "full.dockvet.yaml:1:10");
  CHECK(config.rules.select[1].text == "DL30");
  REQUIRE(config.rules.ignore.size() == 2);
  CHECK(config.rules.ignore[1].text == "stateful-data-anonymous");
  CHECK(config.rules.ignore[1].origin == kData + "full.dockvet.yaml:4:5");
  REQUIRE(config.rules.severity.size() == 2);
  CHECK(config.rules.severity[0].rule.text == "DV101");
  CHECK(config.rules.severity[0].severity == Severity::error);
  CHECK(config.rules.severity[1].rule.text == "DL3007");
  CHECK_FALSE(config.rules.severity[1].severity.has_value());
  REQUIRE(config.per_path.size() == 2);
  CHECK(config.per_path[0].paths == std::vector<std::string>{"docs/**", "*.md"});
  CHECK(config.per_path[0].rules.ignore[0].text == "DV1");
  CHECK(config.per_path[1].paths == std::vector<std::string>{"tests/fixtures/**"});
  CHECK(config.per_path[1].rules.select[0].text == "DV102");
  CHECK(config.per_path[1].rules.severity[0].severity == Severity::info);
  CHECK(config.failure_threshold == FailureThreshold::warning);
  CHECK(config.no_fail == false);
  CHECK_FALSE(config.no_color.has_value());
  REQUIRE(config.formats.has_value());
  CHECK(*config.formats ==
        std::vector<OutputSpec>{{"text", std::nullopt}, {"sarif", "dockvet.sarif"}});
  CHECK(config.trusted_registries == std::vector<std::string>{"registry.example.com", "ghcr.io"});
  CHECK(config.disable_ignore_pragma == true);
  CHECK(config.catalog == nlohmann::json::parse(R"([
    {"name": "acme/ledger", "data": "/srv/ledger", "versions": [1, 2.5, "3"], "stateful": "yes"},
    {"names": ["acme/queue", "acme/queue-ha"], "data": null}])"));
  // The fixture lives inside this repository, whose root holds per-path globs.
  CHECK(config.root == fs::path(DOCKVET_SOURCE_DIR).lexically_normal());
}

TEST_CASE("config: an empty file and a single format string", "[config]") {
  const Config empty = parse_config("", "cfg.yaml", ConfigDialect::dockvet);
  CHECK(empty.rules.empty());
  CHECK_FALSE(empty.formats.has_value());
  CHECK(empty.catalog == nlohmann::json::array());
  const Config one = parse_config("format: json\n", "cfg.yaml", ConfigDialect::dockvet);
  CHECK(*one.formats == std::vector<OutputSpec>{{"json", std::nullopt}});
}

TEST_CASE("config: broken .dockvet.yaml files name file, line, column and key", "[config]") {
  CHECK(load_error(kData + "unknown-key.dockvet.yaml") ==
        kData +
            "unknown-key.dockvet.yaml:4:1: error: unknown key 'ignroe' (did you mean 'ignore'?); "
            "valid keys are select, ignore, severity, per-path, failure-threshold, no-fail, "
            "no-color, format, catalog, trusted-registries, disable-ignore-pragma, label-schema, "
            "strict-labels");
  CHECK(load_error(kData + "bad-per-path.dockvet.yaml") ==
        kData +
            "bad-per-path.dockvet.yaml:6:12: error: 'per-path[1].severity.DV1' must be one of "
            "error, warning, info, style, off, not 'loud'");
  CHECK(error_of("select: DV101\n") ==
        "cfg.yaml:1:9: error: 'select' must be a list of strings, not 'DV101'");
  CHECK(error_of("ignore:\n  - DV101\n  - {code: DV102}\n") ==
        "cfg.yaml:3:5: error: 'ignore' must be a list of strings; this item is a map");
  CHECK(error_of("failure-threshold: fatal\n") ==
        "cfg.yaml:1:20: error: 'failure-threshold' must be one of error, warning, info, style, "
        "none, not 'fatal'");
  CHECK(error_of("no-fail: maybe\n") ==
        "cfg.yaml:1:10: error: 'no-fail' must be true or false, not 'maybe'");
  CHECK(error_of("severity: [DV101]\n") ==
        "cfg.yaml:1:11: error: 'severity' must be a map, not a list");
  CHECK(error_of("per-path:\n  - paths: [docs]\n    ignor: [DV101]\n") ==
        "cfg.yaml:3:5: error: unknown key 'ignor' in 'per-path[0]' (did you mean 'ignore'?); "
        "valid keys are paths, ignore, select, severity");
  CHECK(error_of("per-path:\n  - ignore: [DV101]\n") ==
        "cfg.yaml:2:5: error: 'per-path[0]' has no 'paths'");
  CHECK(error_of("per-path: {paths: [docs]}\n") ==
        "cfg.yaml:1:11: error: 'per-path' must be a list of maps, not a map");
  CHECK(error_of("format: [text, xml]\n") ==
        "cfg.yaml:1:16: error: 'format[1]' must be one of text, json, gnu, sarif, checkstyle, "
        "codeclimate, junit, sonarqube, not 'xml'");
  CHECK(error_of("format:\n  - output: x.json\n") ==
        "cfg.yaml:2:5: error: 'format[0]' has no 'format'");
  CHECK(error_of("catalog:\n  - name: acme/db\n  - image: acme/other\n") ==
        "cfg.yaml:3:5: error: 'catalog[1]' has neither 'name' nor 'names'");
  CHECK(error_of("catalog: {name: acme/db}\n") ==
        "cfg.yaml:1:10: error: 'catalog' must be a list of image entries, not a map");
  CHECK(error_of("select: [DV1]\nselect: [DV2]\n") ==
        "cfg.yaml:2:1: error: duplicate key 'select'");
  CHECK(error_of("- DV101\n") ==
        "cfg.yaml:1:1: error: the configuration must be a map of keys, not a list");
  CHECK(error_of("trusted-registries: x\nfromat: json\n") ==
        "cfg.yaml:1:21: error: 'trusted-registries' must be a list of strings, not 'x'");
  CHECK(error_of("colour: true\n") ==
        "cfg.yaml:1:1: error: unknown key 'colour'; valid keys are select, ignore, severity, "
        "per-path, failure-threshold, no-fail, no-color, format, catalog, trusted-registries, "
        "disable-ignore-pragma, label-schema, strict-labels");
}

TEST_CASE("config: YAML syntax errors and unreadable files", "[config]") {
  CHECK(error_of("select: [DV1\nignore: []\n") ==
        "cfg.yaml:2:7: error: invalid YAML: end of sequence flow not found");
  CHECK(error_of("select:\n  - DV1\n bad: indent\n") ==
        "cfg.yaml:3:2: error: invalid YAML: end of map not found");
  CHECK(load_error(kData + "does-not-exist.yaml") ==
        kData +
            "does-not-exist.yaml: error: cannot read the configuration file: No such file or "
            "directory");
  CHECK(load_error(kData) ==
        kData + ": error: cannot read the configuration file: it is a directory");
}

// --- Reading .hadolint.yaml -------------------------------------------------------------------

TEST_CASE("config: .hadolint.yaml keys map onto dockvet's", "[config]") {
  const Config config = load_config(kData + ".hadolint.yaml");
  CHECK(config.dialect == ConfigDialect::hadolint);
  CHECK(config.failure_threshold == FailureThreshold::style);
  CHECK(*config.formats == std::vector<OutputSpec>{{"text", std::nullopt}});
  REQUIRE(config.rules.ignore.size() == 2);
  CHECK(config.rules.ignore[0].text == "DL3003");
  CHECK(config.rules.ignore[1].text == "SC2086");
  REQUIRE(config.rules.severity.size() == 2);
  CHECK(config.rules.severity[0].rule.text == "DL3001");
  CHECK(config.rules.severity[0].severity == Severity::error);
  CHECK(config.rules.severity[0].rule.origin == kData + ".hadolint.yaml:9:7");
  CHECK(config.rules.severity[1].rule.text == "DL3032");
  CHECK(config.rules.severity[1].severity == Severity::info);
  CHECK(config.trusted_registries == std::vector<std::string>{"docker.io", "my-company.com:5000"});
  CHECK(config.label_schema ==
        std::map<std::string, std::string>{{"author", "text"}, {"contact", "email"}});
  CHECK(config.strict_labels == true);
  CHECK(config.no_color == true);
  CHECK(config.no_fail == true);
  CHECK(config.disable_ignore_pragma == false);
}

TEST_CASE("config: hadolint spellings and formats dockvet lacks", "[config]") {
  const auto hadolint = ConfigDialect::hadolint;
  CHECK(parse_config("failure-threshold: ignore\n", "h.yaml", hadolint).failure_threshold ==
        FailureThreshold::none);
  CHECK_FALSE(parse_config("format: codacy\n", "h.yaml", hadolint).formats.has_value());
  CHECK(*parse_config("format: gitlab_codeclimate\n", "h.yaml", hadolint).formats ==
        std::vector<OutputSpec>{{"codeclimate", std::nullopt}});
  CHECK(*parse_config("output-format: sarif\n", "h.yaml", hadolint).formats ==
        std::vector<OutputSpec>{{"sarif", std::nullopt}});
  CHECK(*parse_config("trusted-registries: [a.io]\n", "h.yaml", hadolint).trusted_registries ==
        std::vector<std::string>{"a.io"});
  CHECK(error_of("override:\n  fatal: [DL3001]\n", hadolint) ==
        "cfg.yaml:2:3: error: unknown key 'fatal' in 'override'; valid keys are error, warning, "
        "info, style");
  CHECK(error_of("ignore:\n  - DL3001\n", hadolint) ==
        "cfg.yaml:1:1: error: unknown key 'ignore' (did you mean 'ignored'?); valid keys are "
        "ignored, override, failure-threshold, trustedRegistries, trusted-registries, "
        "label-schema, strict-labels, no-fail, no-color, disable-ignore-pragma, format, "
        "output-format, verbose");
  CHECK(error_of("label-schema:\n  author: name\n", hadolint) ==
        "cfg.yaml:2:11: error: 'label-schema.author' must be one of email, hash, text, rfc3339, "
        "semver, spdx, url, not 'name'");
  CHECK(error_of("format: html\n", hadolint) ==
        "cfg.yaml:1:9: error: 'format' must be one of tty, json, checkstyle, codeclimate, "
        "gitlab_codeclimate, gnu, codacy, sonarqube, sarif, junit, not 'html'");
}

// --- Finding the file -------------------------------------------------------------------------

TEST_CASE("config: the search runs up to the repository root and prefers .dockvet.yaml",
          "[config]") {
  const fs::path outer = fresh_dir("search");
  const fs::path repo = outer / "repo";
  const fs::path deep = repo / "services" / "api";
  fs::create_directories(deep);
  fs::create_directories(repo / ".git");
  write(outer / ".dockvet.yaml", "select: [DV1]\n");  // beyond the repository root: never read

  CHECK(find_repo_root(deep) == repo);
  CHECK_FALSE(find_config(deep).has_value());

  write(repo / ".hadolint.yml", "ignored: [DL3008]\n");
  CHECK(find_config(deep) == repo / ".hadolint.yml");

  write(repo / "services" / ".dockvet.yml", "ignore: [DV101]\n");
  CHECK(find_config(deep) == repo / "services" / ".dockvet.yml");
  // A .dockvet.yaml anywhere up to the root wins over a nearer .hadolint.yaml.
  write(deep / ".hadolint.yaml", "ignored: [DL3009]\n");
  CHECK(find_config(deep) == repo / "services" / ".dockvet.yml");

  const Config found = load_config(*find_config(deep));
  CHECK(found.root == repo);
  fs::remove_all(outer);
}

TEST_CASE("config: --config, then DOCKVET_CONFIG, then the search", "[config]") {
  const fs::path dir = fresh_dir("select");
  fs::create_directories(dir / ".git");
  write(dir / ".dockvet.yaml", "ignore: [DV101]\n");
  write(dir / "cli.yaml", "ignore: [DV102]\n");
  write(dir / "env.yaml", "ignore: [DV103]\n");
  const Environment env = env_of("DOCKVET_CONFIG", (dir / "env.yaml").string());

  CliSettings cli;
  cli.config_path = (dir / "cli.yaml").string();
  CHECK(load_selected_config(cli, env, dir)->rules.ignore[0].text == "DV102");
  CHECK(load_selected_config({}, env, dir)->rules.ignore[0].text == "DV103");
  CHECK(load_selected_config({}, Environment(), dir)->rules.ignore[0].text == "DV101");
  fs::remove(dir / ".dockvet.yaml");
  CHECK_FALSE(load_selected_config({}, Environment(), dir).has_value());
  cli.config_path = (dir / "missing.yaml").string();
  CHECK_THROWS_AS(load_selected_config(cli, env, dir), ConfigError);
  fs::remove_all(dir);
}

// --- Layering ---------------------------------------------------------------------------------

TEST_CASE("settings: defaults without any source", "[config]") {
  const Settings settings = resolve({}, std::nullopt, Environment());
  CHECK(settings.failure_threshold == FailureThreshold::info);
  CHECK_FALSE(settings.no_fail);
  CHECK_FALSE(settings.no_color);
  CHECK_FALSE(settings.disable_ignore_pragma);
  CHECK(settings.formats == std::vector<OutputSpec>{{"text", std::nullopt}});
  CHECK(settings.trusted_registries.empty());
  CHECK_FALSE(settings.config_path.has_value());
}

TEST_CASE("settings: the command line beats the config, which beats the environment", "[config]") {
  const Environment env({{"DOCKVET_FAILURE_THRESHOLD", "style"},
                         {"DOCKVET_NO_FAIL", "yes"},
                         {"DOCKVET_FORMAT", "json,sarif=out.sarif"},
                         {"DOCKVET_TRUSTED_REGISTRIES", "env.io, other.io"}});
  const Config config = parse_config(
      "failure-threshold: error\nformat: gnu\nno-fail: false\ntrusted-registries: [cfg.io]\n",
      "cfg.yaml", ConfigDialect::dockvet);
  CliSettings cli;

  const Settings env_only = resolve(cli, std::nullopt, env);
  CHECK(env_only.failure_threshold == FailureThreshold::style);
  CHECK(env_only.no_fail);
  CHECK(env_only.formats ==
        std::vector<OutputSpec>{{"json", std::nullopt}, {"sarif", "out.sarif"}});
  CHECK(env_only.trusted_registries == std::vector<std::string>{"env.io", "other.io"});

  const Settings with_config = resolve(cli, config, env);
  CHECK(with_config.failure_threshold == FailureThreshold::error);
  CHECK_FALSE(with_config.no_fail);
  CHECK(with_config.formats == std::vector<OutputSpec>{{"gnu", std::nullopt}});
  CHECK(with_config.trusted_registries == std::vector<std::string>{"cfg.io"});
  CHECK(with_config.config_path == "cfg.yaml");

  cli.failure_threshold = FailureThreshold::warning;
  cli.no_fail = true;
  cli.formats = {{"text", std::nullopt}};
  cli.trusted_registries = {"cli.io"};
  const Settings with_cli = resolve(cli, config, env);
  CHECK(with_cli.failure_threshold == FailureThreshold::warning);
  CHECK(with_cli.no_fail);
  CHECK(with_cli.formats == std::vector<OutputSpec>{{"text", std::nullopt}});
  CHECK(with_cli.trusted_registries == std::vector<std::string>{"cli.io"});
}

TEST_CASE("settings: --format values name a known format and an optional file", "[config]") {
  CHECK(parse_output_spec("sarif=out/dockvet.sarif") == OutputSpec{"sarif", "out/dockvet.sarif"});
  CHECK(parse_output_spec("JSON") == OutputSpec{"json", std::nullopt});
  CHECK_FALSE(parse_output_spec("xml=out.xml").has_value());
  CHECK_FALSE(parse_output_spec("").has_value());
}

TEST_CASE("settings: NO_COLOR and DOCKVET_NO_COLOR", "[config]") {
  CHECK(resolve({}, std::nullopt, env_of("NO_COLOR", "1")).no_color);
  CHECK_FALSE(resolve({}, std::nullopt, env_of("NO_COLOR", "")).no_color);
  CHECK(resolve({}, std::nullopt, env_of("DOCKVET_NO_COLOR", "true")).no_color);
  const Config colour = parse_config("no-color: false\n", "c.yaml", ConfigDialect::dockvet);
  CHECK_FALSE(resolve({}, colour, env_of("NO_COLOR", "1")).no_color);
}

TEST_CASE("settings: malformed environment variables are named", "[config]") {
  auto error_for = [](std::string name, std::string value) -> std::string {
    try {
      resolve({}, std::nullopt, env_of(name, value));
    } catch (const ConfigError& error) {
      return error.what();
    }
    return "no error";
  };
  CHECK(error_for("DOCKVET_FAILURE_THRESHOLD", "fatal") ==
        "DOCKVET_FAILURE_THRESHOLD: error: must be one of error, warning, info, style, none, not "
        "'fatal'");
  CHECK(error_for("DOCKVET_NO_FAIL", "sometimes") ==
        "DOCKVET_NO_FAIL: error: must be true or false (1/0, yes/no, on/off), not 'sometimes'");
  CHECK(error_for("DOCKVET_FORMAT", "json,xml") ==
        "DOCKVET_FORMAT: error: unknown format 'xml'; known formats: text, json, gnu, sarif, "
        "checkstyle, codeclimate, junit, sonarqube");
}

// --- Rule decisions ---------------------------------------------------------------------------

TEST_CASE("rules: select and ignore by code, prefix, name and alias", "[config]") {
  const Config config =
      parse_config("select: [DV1, DL30]\nignore: [stateful-data-anonymous, DL3008]\n", "c.yaml",
                   ConfigDialect::dockvet);
  const Settings settings = resolve({}, config, Environment());
  const RulePolicy& rules = settings.rules;
  CHECK(rules.enabled(kUnmounted, "Dockerfile"));
  CHECK_FALSE(rules.enabled(kAnonymous, "Dockerfile"));  // by name
  CHECK_FALSE(rules.enabled(kAptPin, "Dockerfile"));     // exact beats the DL30 prefix
  CHECK(rules.enabled(kLatest, "Dockerfile"));
  CHECK(rules.enabled(kRootUser, "Dockerfile"));  // DL30 selects DV201 by its alias DL3002
  CHECK(rules.decide(finding(kUnmounted), kUnmounted, "Dockerfile") == Severity::error);
  CHECK_FALSE(rules.decide(finding(kAnonymous), kAnonymous, "Dockerfile").has_value());
}

TEST_CASE("rules: a rule off by default runs only when named or given a severity", "[config]") {
  CheckMeta healthcheck = meta("DL3057", "healthcheck-missing", Severity::info);
  healthcheck.off_by_default = true;
  const auto policy = [](std::string_view yaml, ConfigDialect dialect = ConfigDialect::dockvet) {
    return resolve({}, parse_config(yaml, "c.yaml", dialect), Environment()).rules;
  };
  CHECK_FALSE(policy("ignore: [DV101]\n").enabled(healthcheck, "Dockerfile"));
  CHECK_FALSE(
      policy("select: [DL]\n").enabled(healthcheck, "Dockerfile"));  // a prefix is not enough
  CHECK(policy("select: [DL, DL3057]\n").enabled(healthcheck, "Dockerfile"));
  CHECK(policy("select: [healthcheck-missing]\n").enabled(healthcheck, "Dockerfile"));
  CHECK_FALSE(policy("select: [DL3057]\nignore: [DL3057]\n").enabled(healthcheck, "Dockerfile"));
  const RulePolicy overridden = policy("override:\n  warning: [DL3057]\n", ConfigDialect::hadolint);
  CHECK(overridden.enabled(healthcheck, "Dockerfile"));
  CHECK(overridden.decide(finding(healthcheck), healthcheck, "Dockerfile") == Severity::warning);
  CHECK_FALSE(RulePolicy().enabled(healthcheck, "Dockerfile"));
}

TEST_CASE("rules: the more specific key wins within a layer", "[config]") {
  const auto policy = [](std::string_view yaml) {
    return resolve({}, parse_config(yaml, "c.yaml", ConfigDialect::dockvet), Environment()).rules;
  };
  CHECK_FALSE(policy("select: [DV1]\nignore: [DV10]\n").enabled(kUnmounted, "x"));
  CHECK(policy("select: [DV101]\nignore: [DV1]\n").enabled(kUnmounted, "x"));
  CHECK_FALSE(policy("select: [DV101]\nignore: [dv101]\n").enabled(kUnmounted, "x"));  // tie
  CHECK(policy("ignore: [DL3002]\n").enabled(kAptPin, "x"));
  CHECK_FALSE(policy("ignore: [DL3002]\n").enabled(kRootUser, "x"));  // hadolint alias
  CHECK_FALSE(policy("ignore: [DL300]\n").enabled(kRootUser, "x"));   // alias prefix
}

TEST_CASE("rules: severity overrides and off", "[config]") {
  const RulePolicy rules =
      resolve({},
              parse_config("severity:\n  DV1: info\n  DV101: style\n  DL3007: off\n"
                           "  apt-pin-versions: error\n",
                           "c.yaml", ConfigDialect::dockvet),
              Environment())
          .rules;
  CHECK(rules.decide(finding(kUnmounted), kUnmounted, "x") == Severity::style);
  CHECK(rules.decide(finding(kAnonymous), kAnonymous, "x") == Severity::info);
  CHECK(rules.decide(finding(kAptPin), kAptPin, "x") == Severity::error);
  CHECK_FALSE(rules.decide(finding(kLatest), kLatest, "x").has_value());
  CHECK_FALSE(rules.enabled(kLatest, "x"));
  // A check may report below its default; without an override that severity stays.
  Diagnostic quieter = finding(kRootUser);
  quieter.severity = Severity::info;
  CHECK(rules.decide(quieter, kRootUser, "x") == Severity::info);
}

TEST_CASE("rules: per-path entries apply where their globs match, in order", "[config]") {
  const Config config = load_config(kData + "full.dockvet.yaml");
  const RulePolicy& rules = resolve({}, config, Environment()).rules;
  CHECK(rules.enabled(kUnmounted, "services/Dockerfile"));
  CHECK_FALSE(rules.enabled(kUnmounted, "docs/guide/Dockerfile"));
  CHECK_FALSE(rules.enabled(kUnmounted, "README.md"));
  // tests/fixtures selects only DV102 and lifts the top-level ignore of it.
  CHECK(rules.decide(finding(kAnonymous), kAnonymous, "tests/fixtures/a.sh") == Severity::info);
  CHECK_FALSE(rules.enabled(kAnonymous, "services/run.sh"));
  CHECK_FALSE(rules.enabled(kUnmounted, "tests/fixtures/a.sh"));
  CHECK(rules.decide(finding(kUnmounted), kUnmounted, "services/run.sh") == Severity::error);
  // The engine holds one FileRules per file: the globs are matched once.
  const FileRules fixture = rules.for_file("tests/fixtures/deep/run.sh");
  CHECK(fixture.enabled(kAnonymous));
  CHECK_FALSE(fixture.enabled(kUnmounted));
  CHECK(fixture.decide(finding(kAnonymous), kAnonymous) == Severity::info);
}

TEST_CASE("rules: the command line has the last word, the environment the first", "[config]") {
  const Config config =
      parse_config("ignore: [DV101]\nselect: [DV1, DL3008]\n", "c.yaml", ConfigDialect::dockvet);
  const Environment env({{"DOCKVET_IGNORE", "DV102, DL3007"}, {"DOCKVET_SELECT", "DV2"}});
  CliSettings cli;

  const RulePolicy env_only = resolve(cli, std::nullopt, env).rules;
  CHECK(env_only.enabled(kRootUser, "x"));
  CHECK_FALSE(env_only.enabled(kUnmounted, "x"));

  const RulePolicy from_config = resolve(cli, config, env).rules;
  CHECK_FALSE(from_config.enabled(kUnmounted, "x"));
  CHECK(from_config.enabled(kAnonymous, "x"));       // the config's select beats the env ignore
  CHECK_FALSE(from_config.enabled(kRootUser, "x"));  // the config's select replaces DV2
  CHECK(from_config.enabled(kAptPin, "x"));
  CHECK_FALSE(from_config.enabled(kLatest, "x"));

  const Config ignore_only = parse_config("ignore: [DV101]\n", "c.yaml", ConfigDialect::dockvet);
  const RulePolicy env_stands = resolve(cli, ignore_only, env).rules;
  CHECK_FALSE(env_stands.enabled(kAnonymous, "x"));  // DV2 selected, DV102 ignored by env
  CHECK(env_stands.enabled(kRootUser, "x"));
  CHECK_FALSE(env_stands.enabled(kUnmounted, "x"));

  cli.ignore = {"DL3007"};
  cli.select = {"DV101", "DL3007", "DL3008"};
  const RulePolicy with_cli = resolve(cli, config, env).rules;
  CHECK(with_cli.enabled(kUnmounted, "x"));  // --select beats the config's ignore
  CHECK(with_cli.enabled(kAptPin, "x"));
  CHECK_FALSE(with_cli.enabled(kLatest, "x"));  // a tie between --select and --ignore
  CHECK_FALSE(with_cli.enabled(kAnonymous, "x"));
}

TEST_CASE("rules: .hadolint.yaml ignored and override resolve through aliases", "[config]") {
  const Config config = parse_config("ignored: [DL3002]\noverride:\n  error: [DL3008]\n", "h.yaml",
                                     ConfigDialect::hadolint);
  const RulePolicy rules = resolve({}, config, Environment()).rules;
  CHECK_FALSE(rules.enabled(kRootUser, "Dockerfile"));
  CHECK(rules.decide(finding(kAptPin), kAptPin, "Dockerfile") == Severity::error);
  CHECK(rules.decide(finding(kLatest), kLatest, "Dockerfile") == Severity::warning);
}

TEST_CASE("rules: keys that match no registered check are reported with their origin", "[config]") {
  struct Fake : Check {
    explicit Fake(CheckMeta m) : m_(std::move(m)) {}
    const CheckMeta& meta() const override { return m_; }
    void run(const FileFacts&, Findings&) const override {}
    CheckMeta m_;
  };
  Registry registry;
  registry.add(std::make_unique<Fake>(kUnmounted));
  registry.add(std::make_unique<Fake>(kAptPin));
  const Config config = parse_config("ignore: [DV1, DV9]\nseverity:\n  DL3009: error\n", "c.yaml",
                                     ConfigDialect::dockvet);
  CliSettings cli;
  cli.ignore = {"nonsense", "apt-pin-versions"};
  const auto messages = resolve(cli, config, Environment()).rules.unknown_rule_keys(registry);
  CHECK(messages == std::vector<std::string>{"c.yaml:1:15: warning: 'DV9' matches no check",
                                             "c.yaml:3:3: warning: 'DL3009' matches no check",
                                             "--ignore: warning: 'nonsense' matches no check"});
}

// --- Exit decision and paths ------------------------------------------------------------------

TEST_CASE("settings: the failure threshold and no-fail decide the exit", "[config]") {
  Settings settings;
  settings.failure_threshold = FailureThreshold::warning;
  CHECK(settings.reaches_failure_threshold(Severity::error));
  CHECK(settings.reaches_failure_threshold(Severity::warning));
  CHECK_FALSE(settings.reaches_failure_threshold(Severity::info));
  std::vector<Diagnostic> kept(2);
  kept[0].severity = Severity::style;
  kept[1].severity = Severity::info;
  CHECK_FALSE(settings.should_fail(kept));
  kept[1].severity = Severity::warning;
  CHECK(settings.should_fail(kept));
  settings.no_fail = true;
  CHECK_FALSE(settings.should_fail(kept));
  settings.no_fail = false;
  settings.failure_threshold = FailureThreshold::none;
  CHECK_FALSE(settings.reaches_failure_threshold(Severity::error));
  settings.failure_threshold = FailureThreshold::style;
  CHECK(settings.reaches_failure_threshold(Severity::style));
}

TEST_CASE("settings: paths relative to the repository root", "[config]") {
  Settings settings;
  settings.root = "/work/repo";
  CHECK(settings.relative_path("/work/repo/docs/a.md") == "docs/a.md");
  CHECK(settings.relative_path("/work/repo/./x/../Dockerfile") == "Dockerfile");
  CHECK(settings.relative_path("/elsewhere/Dockerfile") == "/elsewhere/Dockerfile");
  settings.root = fs::current_path();
  CHECK(settings.relative_path("sub/Dockerfile") == "sub/Dockerfile");
}
