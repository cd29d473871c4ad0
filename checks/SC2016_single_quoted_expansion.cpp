// SC2016: `RUN echo 'PATH=$HOME/bin' >> /etc/profile` — nothing expands in single quotes.
#include <algorithm>
#include <regex>

#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

using shell::SyntaxNode;

// Programs that take a script or a pattern of their own in single quotes, where `$` is meant
// for them, not for this shell (ShellCheck's list).
constexpr std::string_view own_language_programs[] = {
    "trap",  "sh",     "bash", "ksh",   "zsh",    "ssh",     "eval", "xprop",
    "alias", "sudo",   "doas", "run0",  "docker", "podman",  "oc",   "dpkg-query",
    "jq",    "rename", "rg",   "unset", "su",     "envsubst"};

SyntaxNode closest_command(SyntaxNode node) {
  for (SyntaxNode parent = node.parent(); parent; parent = parent.parent()) {
    if (parent.type() == "command") return parent;
  }
  return {};
}

// The program whose argument the string is: for `find -exec prog`, prog; for `git
// filter-branch`, that subcommand.
std::string program_of(const SyntaxNode& command) {
  std::string name = bestpractice::command_name(command);
  const auto arguments = bestpractice::command_arguments(command);
  if (name == "find") {
    for (std::size_t k = 0; k + 1 < arguments.size(); ++k) {
      const std::string text = arguments[k].text();
      if (text == "-exec" || text == "-execdir" || text == "-ok" || text == "-okdir") {
        std::string program = arguments[k + 1].text();
        return program.substr(program.rfind('/') == std::string::npos ? 0 : program.rfind('/') + 1);
      }
    }
  }
  if (name == "git" && !arguments.empty() && arguments[0].text() == "filter-branch") {
    return "git filter-branch";
  }
  return name;
}

bool meant_for_the_program(const std::string& program) {
  if (program.ends_with("awk") || program.starts_with("perl") || program == "git filter-branch") {
    return true;
  }
  return std::find(std::begin(own_language_programs), std::end(own_language_programs), program) !=
         std::end(own_language_programs);
}

// Prompt variables are set in single quotes on purpose: they expand when the prompt is shown.
bool assigns_a_prompt(SyntaxNode node) {
  SyntaxNode parent = node.parent();
  for (int depth = 0; parent && depth < 3; ++depth, parent = parent.parent()) {
    if (parent.type() != "variable_assignment") continue;
    const SyntaxNode name = parent.child("name");
    const std::string text = name ? name.text() : std::string{};
    return text == "PS1" || text == "PS2" || text == "PS3" || text == "PS4" ||
           text == "PROMPT_COMMAND";
  }
  return false;
}

// `echo '$basearch' > /etc/yum.repos.d/x.repo`, `{ echo ...; } >> ~/.bashrc`: text written to
// a file keeps its `$` for the program that reads the file.
bool writes_a_file(const SyntaxNode& command) {
  const std::string name = bestpractice::command_name(command);
  if (name != "echo" && name != "printf" && name != "cat") return false;
  for (SyntaxNode node = command, parent = command.parent(); parent;
       node = parent, parent = parent.parent()) {
    const std::string_view type = parent.type();
    if (type == "redirected_statement") {
      for (SyntaxNode child : parent.children(true)) {
        if (child.type() != "file_redirect") continue;
        for (SyntaxNode op = child.first_child(); op; op = op.next_sibling()) {
          if (!op.named() && (op.type() == ">" || op.type() == ">>" || op.type() == ">|")) {
            return true;
          }
        }
      }
      continue;
    }
    if (type == "pipeline") {
      // `echo '...' | tee -a file`
      SyntaxNode last;
      for (SyntaxNode child : parent.children(true)) last = child;
      return last && last.type() == "command" && bestpractice::command_name(last) == "tee";
    }
    if (type == "list" || type == "compound_statement" || type == "subshell") continue;
    return false;
  }
  return false;
}

std::set<std::string, std::less<>> known_variables(const FileFacts& facts,
                                                   const shell::SyntaxTree& tree) {
  auto known = bestpractice::dockerfile_variables(facts, tree.instruction());
  for (const auto& [name, clean] : bestpractice::script_assignments(tree)) known.insert(name);
  return known;
}

bool names_a_known_variable(const std::string& text,
                            const std::set<std::string, std::less<>>& known) {
  static const std::regex reference(R"(\$\{?([A-Za-z_][A-Za-z0-9_]*))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), reference);
       it != std::sregex_iterator(); ++it) {
    if (known.contains((*it)[1].str())) return true;
  }
  return false;
}

}  // namespace

class SingleQuotedExpansion final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2016",
        .name = "single-quoted-expansion",
        .severity = Severity::info,
        .summary = "A `$` expression sits in single quotes, where it does not expand",
        .rationale =
            "Single quotes keep every character as it is, so `echo 'version: $VERSION'` "
            "prints the dollar sign and the name, not the value. When the text is meant for "
            "another program (awk, perl, jq, sed, `sh -c`, `docker exec`), that is right and "
            "this rule stays silent; elsewhere it is usually a quoting mistake. ShellCheck "
            "(whose code this is) reports it as info.\n\nOn the Dockerfiles of 12 "
            "official-image repositories (the commits named on the SC2086 page; 253 "
            "Dockerfiles) it reports nothing; ShellCheck's rule finds 6 there, all `$basearch` in "
            "the yum repository files mysql writes with echo (see Differences).",
        .bad_example =
            "FROM debian:12.7\nARG VERSION=1.2.3\nRUN echo 'version: $VERSION' > "
            "/VERSION\n",
        .good_example =
            "FROM debian:12.7\nARG VERSION=1.2.3\nRUN echo \"version: $VERSION\" > "
            "/VERSION\n",
        .fix =
            "Use double quotes around the expression, or escape the `$` in double quotes "
            "when the text must stay literal.",
        .differences =
            "ShellCheck also reports `$` in single quotes that echo, printf or cat write to a "
            "file, naming no ARG, ENV or variable of the RUN (`echo 'baseurl=.../$basearch/' > "
            "/etc/yum.repos.d/x.repo`, `>> ~/.bashrc`, "
            "`| tee`), where the `$` is meant for the program that reads the file, and the "
            "scripts of `su -c` and `envsubst`; dockvet does not.",
        .reads_every_run = true,
        .run_triggers = {"$", "`"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    static const std::regex expression(R"(\$[{(0-9a-zA-Z_]|`[^`]+`)");
    static const std::regex sed_command(R"(\$[{dpsaic]($|[^a-zA-Z]))");
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      // ShellCheck reports only the syntax error of a script it cannot parse (DV020-DV022).
      if (tree.has_error()) continue;
      std::optional<std::set<std::string, std::less<>>> known;
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const SyntaxNode node = tree.node(i);
        if (node.type() != "raw_string") continue;
        const std::string text = node.text();
        if (!std::regex_search(text, expression)) continue;
        const SyntaxNode command = closest_command(node);
        if (command && writes_a_file(command)) {
          // Written to a file, `$x` is for the file's reader unless it names a variable this
          // RUN knows: `echo 'version=$VERSION' > /VERSION` beside `ARG VERSION` is a slip.
          if (!known) known = known_variables(facts, tree);
          if (!names_a_known_variable(text, *known)) continue;
        }
        const std::string program = command ? program_of(command) : std::string{};
        if (program == "sed" ? std::regex_search(text, sed_command)
                             : meant_for_the_program(program) || assigns_a_prompt(node)) {
          continue;
        }
        findings.report(node.range(),
                        "nothing expands inside single quotes; use double quotes if the `$` "
                        "expression is meant to expand");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::SingleQuotedExpansion)
