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
            "Whether `echo` turns `\\n` or `\\t` into a newline or a tab depends on the "
            "shell: dash (Debian's /bin/sh) does, bash and busybox ash (Alpine) do not "
            "without `-e`. The same RUN writes a different file when the base image or the "
            "SHELL changes. `printf` behaves the same everywhere. ShellCheck (whose code this "
            "is) reports it as info.\n\nOn the Dockerfiles of 12 docker-library repositories "
            "(the commits named on the SC2086 page; 254 Dockerfiles) it finds COUNT_SC2028.",
        .bad_example = "FROM debian:12.7\nRUN echo 'listen 80;\\nlisten 443;' > /etc/ports\n",
        .good_example = "FROM debian:12.7\nRUN printf 'listen 80;\\nlisten 443;\\n' > /etc/ports\n",
        .fix = "Use `printf` with the escapes in its format string.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    static const std::regex escape(R"(\\([rntabefv\\']|[0-7]{1,3}|x[0-9A-Fa-f]{1,2}))");
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const SyntaxNode node = tree.node(i);
        if (node.type() != "command" || bestpractice::command_name(node) != "echo") continue;
        const auto arguments = bestpractice::command_arguments(node);
        if (has_e_option(arguments)) continue;
        for (const SyntaxNode& argument : arguments) {
          const auto literal = quoted_literal(argument);
          if (!literal || !std::regex_search(*literal, escape)) continue;
          findings.report(argument.range(),
                          "echo prints this backslash escape as it is in bash and busybox "
                          "but expands it in dash; use printf");
        }
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::EchoEscapes)
