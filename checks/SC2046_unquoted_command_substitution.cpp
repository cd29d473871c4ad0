// SC2046: `chown $(id -u) /srv` — an unquoted command substitution is split and globbed.
#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

// The first program a substitution runs: `seq` and `pgrep` print lists meant to be split.
std::string substituted_program(const shell::SyntaxNode& substitution) {
  for (shell::SyntaxNode child : substitution.children(true)) {
    if (child.type() == "command") return bestpractice::command_name(child);
    if (child.type() == "pipeline" || child.type() == "list" ||
        child.type() == "redirected_statement") {
      shell::SyntaxNode first = child.first_child();
      while (first && first.type() != "command") first = first.first_child();
      return first ? bestpractice::command_name(first) : std::string{};
    }
  }
  return {};
}

// A literal argument without blanks or glob characters: `'--with-lto'`, `nss_wrapper`.
bool is_blank_free_literal(const shell::SyntaxNode& argument) {
  const std::string_view type = argument.type();
  std::string text;
  if (type == "word" || type == "raw_string") {
    text = argument.text();
  } else if (type == "string") {
    for (shell::SyntaxNode child : argument.children(true)) {
      if (child.type() != "string_content") return false;
      text += child.text();
    }
  } else {
    return false;
  }
  return text.find_first_of(" \t\n*?[") == std::string::npos;
}

// The command prints at most one blank-free word: a test (nothing), an echo or printf of one
// such literal, or a program that prints a number or an architecture name.
bool prints_one_word(const shell::SyntaxNode& command) {
  if (command.type() == "test_command") return true;
  const std::string name = bestpractice::command_name(command);
  const auto arguments = bestpractice::command_arguments(command);
  if (name == "test" || name == "[" || name == "true" || name == "false") return true;
  if (name == "nproc" || name == "getconf" || name == "arch" || name == "id" || name == "uname") {
    return true;
  }
  auto has_argument = [&](std::string_view wanted) {
    for (const auto& argument : arguments) {
      if (argument.text() == wanted) return true;
    }
    return false;
  };
  if (name == "dpkg") return has_argument("--print-architecture");
  if (name == "apk") return has_argument("--print-arch");
  if (name == "echo" || name == "printf") {
    std::size_t operands = 0;
    for (const auto& argument : arguments) {
      if (!is_blank_free_literal(argument)) return false;
      if (name == "echo" && operands == 0 && argument.text().starts_with('-')) continue;
      ++operands;
    }
    return operands <= 1;
  }
  return false;
}

// Every command the substitution runs (outside nested substitutions) prints at most one
// blank-free word, so splitting cannot break it up: `$(nproc)`, and the idiom that adds an
// option or nothing, `$(test "$arch" = riscv64 && echo '--without-jit')`.
bool output_is_one_word(const shell::SyntaxNode& substitution) {
  bool any = false;
  std::vector<shell::SyntaxNode> pending = substitution.children(true);
  while (!pending.empty()) {
    const shell::SyntaxNode node = pending.back();
    pending.pop_back();
    const std::string_view type = node.type();
    if (type == "command" || type == "test_command") {
      if (!prints_one_word(node)) return false;
      any = true;
      continue;
    }
    if (type == "list" || type == "redirected_statement" || type == "negated_command") {
      for (const auto& child : node.children(true)) pending.push_back(child);
      continue;
    }
    if (type == "comment" || type == "file_redirect") continue;
    return false;  // pipelines, loops, subshells: not worth guessing
  }
  return any;
}

bool is_empty(const shell::SyntaxNode& substitution) {
  for (shell::SyntaxNode child : substitution.children(true)) {
    if (child.type() != "comment") return false;
  }
  return true;
}

}  // namespace

class UnquotedCommandSubstitution final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2046",
        .name = "unquoted-command-substitution",
        .severity = Severity::warning,
        .summary = "A command substitution is used without double quotes",
        .rationale =
            "The output of an unquoted `$(...)` or backtick substitution is split on blanks "
            "and newlines and each piece is globbed, so a path with a space becomes two "
            "arguments and a `*` in the output expands to the files of the current "
            "directory. ShellCheck (whose code this is) reports it as a warning; lists that "
            "are meant to be split (`$(seq 1 4)`, `$(pgrep x)`) and `for` lists are left "
            "alone.\n\nOn the Dockerfiles of 12 official-image repositories (the commits "
            "named on the SC2086 page; 253 Dockerfiles) it reports nothing; ShellCheck's rule as "
            "it stands finds 66 there: 60 option-or-nothing idioms (`$(test \"$gnuArch\" = "
            "riscv64-linux-musl && echo --without-pcre-jit)`) and 6 `make -j$(getconf "
            "_NPROCESSORS_ONLN)`, which dockvet leaves alone (see Differences).",
        .bad_example = "FROM debian:12.7\nRUN rm -f $(find /tmp -name '*.log')\n",
        .good_example = "FROM debian:12.7\nRUN find /tmp -name '*.log' -delete\n",
        .fix =
            "Quote the substitution (`\"$(cmd)\"`); when the output is a list meant to be "
            "split, read it into separate words deliberately (`xargs`, `set --`, a loop).",
        .differences =
            "ShellCheck also reports substitutions whose output is one word without blanks "
            "whatever happens: a number or an architecture name (`$(nproc)`, `$(dpkg "
            "--print-architecture)`), or a literal option or nothing (`$(test \"$arch\" = "
            "riscv64 && echo '--without-jit')`, an idiom that must stay unquoted so that it "
            "can give no argument at all); dockvet does not.",
        .reads_every_run = true,
        .run_triggers = {"$(", "`"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      // ShellCheck reports only the syntax error of a script it cannot parse (DV020-DV022).
      if (tree.has_error()) continue;
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const shell::SyntaxNode node = tree.node(i);
        if (node.type() != "command_substitution" || is_empty(node)) continue;
        if (!bestpractice::is_split(node)) continue;
        const std::string program = substituted_program(node);
        if (program == "seq" || program == "pgrep" || output_is_one_word(node)) continue;
        findings.report(node.range(),
                        "the output of this substitution is split on blanks and globbed; "
                        "double-quote it");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UnquotedCommandSubstitution)
