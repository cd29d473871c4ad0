// SC2028: `echo 'a\nb'` — whether echo expands the escape depends on the shell.
#include <regex>

#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

using shell::SyntaxNode;

// The literal text of a quoted argument, or nothing when it holds an expansion: unquoted
// backslashes are removed by the shell before echo sees them.
std::optional<std::string> quoted_literal(const SyntaxNode& argument) {
  if (argument.type() == "raw_string") {
    const std::string text = argument.text();
    return text.size() >= 2 ? text.substr(1, text.size() - 2) : std::string{};
  }
  if (argument.type() != "string") return std::nullopt;
  std::string out;
  for (SyntaxNode child : argument.children(true)) {
    if (child.type() != "string_content") return std::nullopt;
    out += child.text();
  }
  return out;
}

bool has_e_option(const std::vector<SyntaxNode>& arguments) {
  for (const SyntaxNode& argument : arguments) {
    const std::string text = argument.text();
    if (text.size() < 2 || text[0] != '-') break;
    if (text.find('e') != std::string::npos) return true;
  }
  return false;
}

}  // namespace

class EchoEscapes final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2028",
        .name = "echo-escapes",
        .severity = Severity::info,
        .summary = "echo is given a backslash escape it may print as it is",
        .rationale =
            "bash's echo prints `\\n` and `\\t` as they are unless it is given `-e`, while "
            "dash (Debian's /bin/sh) expands them: a RUN that wrote a two-line file under "
            "/bin/sh writes one line with a literal `\\n` once a SHELL switches it to bash. "
            "`printf` behaves the same in every shell. ShellCheck (whose code this is) "
            "reports it as info.\n\nOn the Dockerfiles of 12 official-image repositories "
            "(the commits named on the SC2086 page; 253 Dockerfiles) it reports nothing, since "
            "all of them run under /bin/sh; reported under sh as ShellCheck does, it would find "
            "30, all in php's apache images writing their config with `echo '\\tSetHandler ...'` "
            "under dash, which expands the escapes as intended.",
        .bad_example =
            "FROM debian:12.7\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo 'listen 80;\\nlisten 443;' "
            "> /etc/ports\n",
        .good_example =
            "FROM debian:12.7\nSHELL [\"/bin/bash\", \"-c\"]\nRUN printf 'listen 80;\\nlisten "
            "443;\\n' > /etc/ports\n",
        .fix = "Use `printf` with the escapes in its format string.",
        .differences =
            "ShellCheck reports it under sh too; dockvet only where the shell is bash (a "
            "SHELL naming bash, or a heredoc script with a bash `#!` line), since the dash "
            "of Debian and Ubuntu does expand the escapes and busybox's behaviour depends on "
            "how it was built.",
        .reads_every_run = true,
        .run_triggers = {"echo"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    static const std::regex escape(R"(\\([rntabefv\\']|[0-7]{1,3}|x[0-9A-Fa-f]{1,2}))");
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      // ShellCheck reports only the syntax error of a script it cannot parse (DV020-DV022).
      if (tree.has_error()) continue;
      if (tree.dialect() != shell::Dialect::bash) continue;
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const SyntaxNode node = tree.node(i);
        if (node.type() != "command" || bestpractice::command_name(node) != "echo") continue;
        const auto arguments = bestpractice::command_arguments(node);
        if (has_e_option(arguments)) continue;
        for (const SyntaxNode& argument : arguments) {
          const auto literal = quoted_literal(argument);
          if (!literal || !std::regex_search(*literal, escape)) continue;
          findings.report(argument.range(),
                          "bash's echo prints this backslash escape as it is; use printf");
        }
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::EchoEscapes)
