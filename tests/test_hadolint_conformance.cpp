// Conformance with hadolint's own rule tests: ../shared/conformance/hadolint-cases.jsonl holds
// them as data (rule, Dockerfile, catches or passes). Every case runs through the engine in this
// one process, the agreement per rule is printed, and the test fails on any disagreement that is
// not listed below with its reason. A listed disagreement that stops disagreeing fails too, so
// the list cannot go stale.

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "config/settings.h"
#include "core/check.h"
#include "core/engine.h"

namespace {

const char* const kCasesPath = DOCKVET_SOURCE_DIR "/../shared/conformance/hadolint-cases.jsonl";

struct Case {
  std::string rule;
  std::string dockerfile;
  bool catches = false;
  std::string variant;
  nlohmann::json config;
  std::optional<int> count;
  int line = 0;  // in the JSONL file
};

// Cases where dockvet deliberately answers otherwise than hadolint, by rule and the case's
// Dockerfile text, each with the reason (also written on the rule's page).
struct Disagreement {
  std::string_view rule;
  std::string_view dockerfile;
  std::string_view reason;
};
const std::vector<Disagreement> kDisagreements = {};

// Rules with cases that dockvet does not implement yet: listed, never silently skipped.
const std::set<std::string_view> kNotYetImplemented = {};

std::vector<Case> read_cases(std::ifstream& in) {
  std::vector<Case> cases;
  std::string text;
  int line = 0;
  while (std::getline(in, text)) {
    ++line;
    if (text.empty()) continue;
    const auto json = nlohmann::json::parse(text);
    Case item;
    item.rule = json.at("rule").get<std::string>();
    item.dockerfile = json.at("dockerfile").get<std::string>();
    item.catches = json.at("expect").get<std::string>() == "catches";
    item.variant = json.value("variant", "plain");
    item.config = json.value("config", nlohmann::json::object());
    if (json.contains("count")) item.count = json.at("count").get<int>();
    item.line = line;
    cases.push_back(std::move(item));
  }
  return cases;
}

// hadolint's tests turn the rule under test on with the case's settings; `ignored` does not
// apply to them (the rule is called directly), inline pragmas do.
dockvet::config::Settings settings_for(const Case& item) {
  dockvet::config::Settings settings;
  // The rule under test runs even when it is off by default; "SC*" means every ShellCheck rule.
  dockvet::config::RuleSelection selection;
  selection.select.push_back({item.rule == "SC*" ? "SC" : item.rule, "conformance case"});
  settings.rules = dockvet::config::RulePolicy({selection}, {}, 1);
  const auto& config = item.config;
  if (config.contains("label-schema")) {
    for (const auto& [label, type] : config.at("label-schema").items()) {
      settings.label_schema[label] = type.get<std::string>();
    }
  }
  if (config.contains("strict-labels")) settings.strict_labels = config.at("strict-labels");
  if (config.contains("trustedRegistries")) {
    settings.trusted_registries = config.at("trustedRegistries").get<std::vector<std::string>>();
  }
  return settings;
}

// A rule code of the cases exists in dockvet; "SC*" stands for any ShellCheck code.
bool implemented(const std::string& rule) {
  if (rule != "SC*") return dockvet::Registry::instance().find(rule) != nullptr;
  for (const auto& check : dockvet::Registry::instance().checks()) {
    if (check->meta().code.starts_with("SC")) return true;
  }
  return false;
}

bool is_rule_of(const dockvet::Diagnostic& diagnostic, const std::string& rule,
                const dockvet::Check* check) {
  if (rule == "SC*") return diagnostic.code.starts_with("SC");
  return check != nullptr && diagnostic.code == check->meta().code;
}

const Disagreement* listed(const Case& item) {
  for (const auto& disagreement : kDisagreements) {
    if (disagreement.rule == item.rule && disagreement.dockerfile == item.dockerfile) {
      return &disagreement;
    }
  }
  return nullptr;
}

std::string describe(const dockvet::Diagnostic& diagnostic) {
  return fmt::format("{} {}:{}-{}:{} {}\n", diagnostic.code, diagnostic.start.line,
                     diagnostic.start.column, diagnostic.end.line, diagnostic.end.column,
                     diagnostic.message);
}

struct Tally {
  int cases = 0;
  int agree = 0;
  int listed = 0;
};

}  // namespace

TEST_CASE("dockvet agrees with hadolint's own rule tests", "[conformance]") {
  std::ifstream in(kCasesPath);
  if (!in) {
    // Like the SARIF validator test: the data sits beside the checkout, not in it.
    WARN("skipped: " << kCasesPath << " is missing");
    return;
  }
  const std::vector<Case> cases = read_cases(in);
  REQUIRE(cases.size() > 500);

  std::map<std::string, Tally> tallies;
  std::vector<std::string> unexplained;
  std::vector<std::string> stale;
  std::vector<std::string> skipping_differs;
  for (const Case& item : cases) {
    const dockvet::Check* check =
        item.rule == "SC*" ? nullptr : dockvet::Registry::instance().find(item.rule);
    Tally& tally = tallies[item.rule];
    ++tally.cases;
    if (!implemented(item.rule)) continue;  // counted as missing below

    const dockvet::config::Settings settings = settings_for(item);
    dockvet::LintPolicy policy;
    policy.settings = &settings;
    const dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile, item.dockerfile);
    int found = 0;
    std::string codes;
    std::string findings;
    for (const auto& diagnostic : dockvet::lint_source(file, policy).diagnostics) {
      codes += " " + diagnostic.code;
      findings += describe(diagnostic);
      if (is_rule_of(diagnostic, item.rule, check)) ++found;
    }
    // The engine leaves unparsed the RUN bodies no enabled rule can judge (Check::may_judge_run);
    // parsing every body must not change a single finding.
    policy.parse_every_run_body = true;
    std::string findings_parsing_all;
    for (const auto& diagnostic : dockvet::lint_source(file, policy).diagnostics) {
      findings_parsing_all += describe(diagnostic);
    }
    if (findings != findings_parsing_all) {
      skipping_differs.push_back("line " + std::to_string(item.line) + ": skipping bodies gives\n" +
                                 findings + "parsing all gives\n" + findings_parsing_all +
                                 item.dockerfile);
    }
    const bool agrees = item.catches ? (item.count ? found == *item.count : found > 0) : found == 0;
    const Disagreement* known = listed(item);
    if (agrees) ++tally.agree;
    if (known) ++tally.listed;
    if (!agrees && !known) {
      unexplained.push_back("line " + std::to_string(item.line) + ": " + item.rule + " should " +
                            (item.catches ? "catch" : "pass") + " (found " + std::to_string(found) +
                            "; codes:" + codes + ")\n" + item.dockerfile);
    }
    if (agrees && known) {
      stale.push_back("line " + std::to_string(item.line) + ": " + item.rule +
                      " now agrees; remove it from kDisagreements");
    }
  }

  std::string table = fmt::format("{:<8} {:>5} {:>5} {:>6} {:>9}\n", "rule", "cases", "agree",
                                  "listed", "agreement");
  std::vector<std::string> below_target;
  std::vector<std::string> missing;
  for (const auto& [rule, tally] : tallies) {
    if (!implemented(rule)) {
      table +=
          fmt::format("{:<8} {:>5} {:>5} {:>6} {:>9}\n", rule, tally.cases, "-", "-", "missing");
      if (!kNotYetImplemented.contains(rule)) missing.push_back(rule);
      continue;
    }
    const double agreement = 100.0 * tally.agree / tally.cases;
    table += fmt::format("{:<8} {:>5} {:>5} {:>6} {:>8.1f}%\n", rule, tally.cases, tally.agree,
                         tally.listed, agreement);
    if (agreement < 97.0) below_target.push_back(fmt::format("{} ({:.1f}%)", rule, agreement));
  }
  INFO(table);
  for (const auto& rule : kNotYetImplemented) {
    INFO(rule << " is implemented now: take it off kNotYetImplemented");
    CHECK_FALSE(implemented(std::string(rule)));
  }
  CHECK(missing.empty());
  for (const auto& message : stale) FAIL_CHECK(message);
  for (const auto& message : unexplained) FAIL_CHECK(message);
  for (const auto& message : skipping_differs) FAIL_CHECK(message);
  // 97% per rule, counting the listed disagreements against it: a list cannot buy conformance.
  CHECK(below_target.empty());
  WARN(table);
}
