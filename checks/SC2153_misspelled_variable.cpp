// SC2153: `RUN echo "$PG_VERISON"` — an upper-case variable nothing sets, one letter away from
// one that is set.
#include <algorithm>
#include <cctype>

#include "bestpractice/shellcheck.h"
#include "core/check.h"
#include "core/edit_distance.h"

namespace dockvet::checks {

namespace {

// ShellCheck's closeness: the same name in another case counts as one edit.
std::size_t distance(const std::string& name, const std::string& candidate) {
  auto lower = [](std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
  };
  if (lower(name) == lower(candidate)) return 1;
  return edit_distance(name, candidate);
}

// The closest assigned name, when it is close enough to be the one meant.
std::optional<std::string> best_match(const std::string& name,
                                      const std::set<std::string, std::less<>>& assigned) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const std::string& candidate : assigned) {
    const std::size_t d = distance(name, candidate);
    if (!best || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  if (!best) return std::nullopt;
  const std::size_t length = best->size();
  if ((length > 3 && best_distance <= 1) || (length > 7 && best_distance <= 2)) return best;
  return std::nullopt;
}

}  // namespace

class MisspelledVariable final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2153",
        .name = "misspelled-variable",
        .severity = Severity::info,
        .summary = "An upper-case variable nothing sets is one typo away from one that is set",
        .rationale =
            "Upper-case variables usually come from the environment, so an unknown one is not "
            "an error by itself; but when the RUN or the Dockerfile sets one that differs by a "
            "letter or two (`$PG_VERISON` beside `ENV PG_VERSION`), the reference is almost "
            "surely a typo and expands to nothing. ShellCheck (whose code this is) reports it "
            "as info, with the same closeness rule.\n\nOn the Dockerfiles of 12 "
            "official-image repositories (the commits named on the SC2086 page; 253 "
            "Dockerfiles) it reports nothing.",
        .bad_example =
            "FROM debian:12.7\nENV APP_VERSION=1.2.3\nRUN echo \"$APP_VERSON\" > /VERSION\n",
        .good_example =
            "FROM debian:12.7\nENV APP_VERSION=1.2.3\nRUN echo \"$APP_VERSION\" > /VERSION\n",
        .fix = "Correct the name, or declare the variable with ARG or ENV.",
        .reads_every_run = true,
        .run_triggers = {"$"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      // ShellCheck reports only the syntax error of a script it cannot parse (DV020-DV022).
      if (tree.has_error()) continue;
      std::set<std::string, std::less<>> assigned;
      for (const auto& reference : bestpractice::unassigned_references(facts, tree, assigned)) {
        if (reference.names_script_variable()) continue;
        const auto match = best_match(reference.name, assigned);
        if (!match) continue;
        findings.report(reference.expansion.range(),
                        reference.name + " is never assigned; did you mean " + *match + "?");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::MisspelledVariable)
