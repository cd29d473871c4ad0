// SC3028: `RUN echo $RANDOM` — under /bin/sh (dash on Debian) bash's special variables are
// unset.
#include <algorithm>

#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

// Variables bash computes on every read: POSIX sh has them only if the script sets them.
constexpr std::string_view dynamic_variables[] = {
    "BASH_MONOSECONDS", "EPOCHREALTIME", "EPOCHSECONDS", "RANDOM", "SECONDS", "SRANDOM"};

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view name) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

}  // namespace

class BashVariableInSh final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC3028",
        .name = "bash-variable-in-sh",
        .severity = Severity::warning,
        .summary = "A RUN under /bin/sh reads a variable only bash sets",
        .rationale =
            "A RUN without a SHELL instruction runs under `/bin/sh -c`, which is dash on "
            "Debian and Ubuntu and busybox ash on Alpine. They do not set bash's variables, "
            "so `$RANDOM` and `$SECONDS` expand to nothing and `$UID` or `$HOSTTYPE` are "
            "empty unless the environment happens to hold them. ShellCheck (whose code this "
            "is; SC2039 before 0.7.2) reports each as a warning when the shell is sh.\n\nOn "
            "the Dockerfiles of 12 official-image repositories (the commits named on the "
            "SC2086 page; 253 Dockerfiles) it reports nothing.",
        .bad_example = "FROM debian:12.7\nRUN echo \"$RANDOM\" > /seed\n",
        .good_example = "FROM debian:12.7\nRUN od -An -N2 -tu2 /dev/urandom | tr -d ' ' > /seed\n",
        .fix =
            "Compute the value with a POSIX tool, or set `SHELL [\"/bin/bash\", \"-c\"]` "
            "before the RUN.",
        .aliases = {"SC2039"},
        .reads_every_run = true,
        .run_triggers = {"$"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      // ShellCheck reports only the syntax error of a script it cannot parse (DV020-DV022).
      if (tree.has_error()) continue;
      if (tree.dialect() != shell::Dialect::sh) continue;
      std::optional<std::set<std::string, std::less<>>> assigned;
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const shell::SyntaxNode node = tree.node(i);
        if (node.type() != "simple_expansion" && node.type() != "expansion") continue;
        const std::string name = bestpractice::expansion_name(node);
        const bool dynamic = listed(dynamic_variables, name);
        if (!dynamic && !bestpractice::bash_sets(name)) continue;
        if (!dynamic) {
          if (!assigned) {
            assigned.emplace(bestpractice::dockerfile_variables(facts, tree.instruction()));
            for (const auto& [variable, clean] : bestpractice::script_assignments(tree)) {
              assigned->insert(variable);
            }
          }
          if (assigned->contains(name)) continue;
        }
        findings.report(node.range(), "In POSIX sh, " + name +
                                          " is undefined; compute it another way or run the "
                                          "RUN under bash with SHELL");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::BashVariableInSh)
