// SC2154: `RUN echo "$version"` — a lower-case variable that nothing in the RUN or the
// Dockerfile sets.
#include <algorithm>
#include <cctype>

#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

class UnassignedVariable final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2154",
        .name = "unassigned-variable",
        .severity = Severity::warning,
        .summary = "A variable is read that neither the RUN nor an ARG or ENV sets",
        .rationale =
            "Each RUN starts a new shell: a variable assigned in an earlier RUN is gone, and "
            "one never declared with ARG or ENV expands to nothing, so `curl -o app.tgz "
            "\"$url\"` downloads nothing and `rm -rf \"$dir/\"*` empties /. ShellCheck (whose "
            "code this is) reports a lower-case variable that is read but never assigned as "
            "a warning; upper-case names are taken for the environment's (SC2153 catches "
            "their misspellings).\n\nOn the Dockerfiles of 12 official-image repositories "
            "(the commits named on the SC2086 page; 253 Dockerfiles) it reports nothing (2 more "
            "in mysql's Dockerfile.oracle, a jq template rather than a Dockerfile, which the count "
            "leaves out).",
        .bad_example = "FROM debian:12.7\nRUN version=1.2.3\nRUN echo \"$version\" > /VERSION\n",
        .good_example = "FROM debian:12.7\nARG version=1.2.3\nRUN echo \"$version\" > /VERSION\n",
        .fix = "Declare the variable with ARG or ENV, or assign it in the same RUN.",
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
        if (!reference.names_script_variable()) continue;
        findings.report(reference.expansion.range(),
                        reference.name +
                            " is read but never assigned in this RUN, nor by an ARG or ENV of "
                            "its stage; declare it with ARG or ENV or assign it first");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UnassignedVariable)
