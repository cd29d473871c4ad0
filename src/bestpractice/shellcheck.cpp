#include "bestpractice/shellcheck.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>

#include "dockerfile/dockerfile.h"

namespace dockvet::bestpractice {

using shell::SyntaxNode;

namespace {

// BuildKit passes these to every RUN without an ARG (hadolint declares them to ShellCheck).
constexpr std::string_view proxy_variables[] = {
    "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY",
    "ftp_proxy",  "NO_PROXY",   "no_proxy",    "ALL_PROXY",   "all_proxy"};

using Declaration =
    std::function<void(const dockerfile::Instruction&, const dockerfile::KeyValue&)>;

// Calls `visit` for every ARG and ENV pair a RUN's shell inherits, oldest first: those of the
// stages its stage builds on, then those of its own stage before `before`.
void visit_stage_declarations(const dockerfile::Dockerfile& dockerfile, int stage_index, int before,
                              bool onbuild, const Declaration& visit, int depth) {
  if (stage_index < 0 || depth > 64) return;
  const auto& stage = dockerfile.stages[static_cast<std::size_t>(stage_index)];
  visit_stage_declarations(dockerfile, stage.base_stage, INT32_MAX, false, visit, depth + 1);
  const int last = std::min(stage.last_instruction, before - 1);
  for (int i = stage.from_instruction + 1; i <= last; ++i) {
    const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
    if (instruction.onbuild && !onbuild) continue;
    if (instruction.keyword != dockerfile::Keyword::arg &&
        instruction.keyword != dockerfile::Keyword::env) {
      continue;
    }
    for (const auto& pair : instruction.pairs) visit(instruction, pair);
  }
}

void visit_declarations(const FileFacts& facts, int instruction, const Declaration& visit) {
  if (facts.dockerfile == nullptr || instruction < 0) return;
  const auto& dockerfile = *facts.dockerfile;
  const auto& run = dockerfile.instructions[static_cast<std::size_t>(instruction)];
  if (run.stage >= 0) {
    visit_stage_declarations(dockerfile, run.stage, instruction, run.onbuild, visit, 0);
    return;
  }
  // No FROM before the RUN (DV015 reports it): the ARGs and ENVs above it are all there is.
  for (int i = 0; i < instruction; ++i) {
    const auto& before = dockerfile.instructions[static_cast<std::size_t>(i)];
    if (before.keyword != dockerfile::Keyword::arg && before.keyword != dockerfile::Keyword::env) {
      continue;
    }
    for (const auto& pair : before.pairs) visit(before, pair);
  }
}

bool blank_free(std::string_view text) {
  return text.find_first_of(" \t\n*?[") == std::string_view::npos;
}

bool is_type(SyntaxNode node, std::string_view type) {
  return node && node.type() == type;
}

// The value node of an assignment is harmless unquoted: a literal with no blank or glob
// character, a number, or an arithmetic expansion.
bool clean_value(SyntaxNode value) {
  if (!value) return true;  // `a=`
  const std::string_view type = value.type();
  if (type == "number" || type == "arithmetic_expansion") return true;
  auto clean_text = blank_free;
  if (type == "word") return clean_text(value.text());
  if (type == "raw_string") return clean_text(value.text());
  if (type == "string") {
    for (SyntaxNode child : value.children(true)) {
      if (child.type() != "string_content" || !clean_text(child.text())) return false;
    }
    return true;
  }
  if (type == "concatenation") {
    for (SyntaxNode child : value.children(true)) {
      if (!clean_value(child)) return false;
    }
    return true;
  }
  return false;
}

}  // namespace

std::set<std::string, std::less<>> dockerfile_variables(const FileFacts& facts, int instruction) {
  std::set<std::string, std::less<>> out(std::begin(proxy_variables), std::end(proxy_variables));
  visit_declarations(facts, instruction,
                     [&](const dockerfile::Instruction&, const dockerfile::KeyValue& pair) {
                       out.insert(pair.key.expanded);
                     });
  return out;
}

std::set<std::string, std::less<>> blank_free_env_variables(const FileFacts& facts,
                                                            int instruction) {
  std::set<std::string, std::less<>> out;
  visit_declarations(
      facts, instruction,
      [&](const dockerfile::Instruction& declaring, const dockerfile::KeyValue& pair) {
        const bool fixed = declaring.keyword == dockerfile::Keyword::env && pair.value &&
                           pair.value->expanded_known && blank_free(pair.value->expanded);
        if (fixed) {
          out.insert(pair.key.expanded);
        } else {
          out.erase(pair.key.expanded);
        }
      });
  return out;
}

std::string expansion_name(SyntaxNode node) {
  if (!node || (node.type() != "simple_expansion" && node.type() != "expansion")) return {};
  for (SyntaxNode child : node.children(true)) {
    const std::string_view type = child.type();
    if (type == "variable_name" || type == "special_variable_name") return child.text();
    if (type == "subscript") {
      SyntaxNode name = child.child("name");
      return name ? name.text() : std::string{};
    }
  }
  // `$1` and `${10}` have no named child in some grammar versions: read the text.
  std::string text = node.text();
  std::size_t at = text.starts_with("${") ? 2 : 1;
  std::size_t end = at;
  while (end < text.size() &&
         (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
    ++end;
  }
  return text.substr(at, end - at);
}

bool is_split(SyntaxNode node) {
  for (SyntaxNode child = node, parent = node.parent(); parent;
       child = parent, parent = parent.parent()) {
    const std::string_view type = parent.type();
    if (type == "concatenation") continue;
    if (type == "command") return child.field() == "argument";
    if (type == "declaration_command" || type == "unset_command") return true;
    if (type == "test_command") {
      SyntaxNode opener = parent.first_child();
      return opener && opener.type() == "[";
    }
    // The operands of `[ ]` are nested in expressions.
    if (type == "binary_expression" || type == "unary_expression" ||
        type == "parenthesized_expression") {
      continue;
    }
    return false;  // quotes, expansions, assignments, case, arithmetic, redirections, for lists
  }
  return false;
}

std::map<std::string, bool, std::less<>> script_assignments(const shell::SyntaxTree& tree) {
  std::map<std::string, bool, std::less<>> out;
  auto assign = [&](const std::string& name, bool clean) {
    auto [it, inserted] = out.emplace(name, clean);
    if (!inserted) it->second = it->second && clean;
  };
  for (std::size_t i = 0; i < tree.size(); ++i) {
    SyntaxNode node = tree.node(i);
    const std::string_view type = node.type();
    if (type == "variable_assignment") {
      SyntaxNode name = node.child("name");
      if (is_type(name, "subscript")) name = name.child("name");
      if (!name) continue;
      SyntaxNode value = node.child("value");
      // `local a` or `export a` without a value gives nothing to split.
      assign(name.text(), clean_value(value));
    } else if (type == "for_statement") {
      SyntaxNode variable = node.child("variable");
      if (!variable) continue;
      bool clean = true;
      for (SyntaxNode child : node.children(true)) {
        if (child.field() == "value" && !clean_value(child)) clean = false;
      }
      assign(variable.text(), clean);
    } else if (type == "c_style_for_statement") {
      // `for ((i = 0; ...))` assigns numbers.
      for (SyntaxNode child : node.children(true)) {
        if (child.field() != "initializer") continue;
        SyntaxNode name = child.child("left");
        if (is_type(name, "variable_name")) assign(name.text(), true);
      }
    } else if (type == "declaration_command") {
      // `local a b`, `export a`: names without a value.
      for (SyntaxNode child : node.children(true)) {
        if (child.type() == "variable_name") assign(child.text(), true);
      }
    } else if (type == "command") {
      const std::string name = command_name(node);
      if (name == "read" || name == "getopts" || name == "mapfile" || name == "readarray") {
        const auto arguments = command_arguments(node);
        for (std::size_t k = 0; k < arguments.size(); ++k) {
          const std::string text = arguments[k].text();
          if (text.empty() || text.front() == '-') continue;
          // getopts' first operand is the option string, not a variable.
          if (name == "getopts" && k == 0) continue;
          assign(text, false);
        }
      }
    }
  }
  return out;
}

std::string command_name(SyntaxNode command) {
  SyntaxNode name = command.child("name");
  if (!name) return {};
  SyntaxNode word = name.first_child();
  if (!word || word.type() != "word") return {};
  std::string text = word.text();
  const std::size_t slash = text.rfind('/');
  return slash == std::string::npos ? text : text.substr(slash + 1);
}

std::vector<SyntaxNode> command_arguments(SyntaxNode command) {
  std::vector<SyntaxNode> out;
  for (SyntaxNode child = command.first_child(); child; child = child.next_sibling()) {
    if (child.field() == "argument") out.push_back(child);
  }
  return out;
}

namespace {

bool sets_errexit(const std::vector<std::string_view>& options) {
  for (std::size_t k = 0; k < options.size(); ++k) {
    const std::string_view option = options[k];
    if (option.size() > 1 && option[0] == '-' && option[1] != '-' &&
        option.find('e') != std::string_view::npos) {
      return true;
    }
    if (option == "-o" && k + 1 < options.size() && options[k + 1] == "errexit") return true;
  }
  return false;
}

// The SHELL in effect for `instruction` passes -e to the shell.
bool shell_sets_errexit(const dockerfile::Dockerfile& dockerfile, int instruction) {
  int stage = dockerfile.instructions[static_cast<std::size_t>(instruction)].stage;
  int before = instruction;
  for (int depth = 0; stage >= 0 && depth < 64; ++depth) {
    const auto& current = dockerfile.stages[static_cast<std::size_t>(stage)];
    for (int i = std::min(before, current.last_instruction + 1) - 1; i > current.from_instruction;
         --i) {
      const auto& shell = dockerfile.instructions[static_cast<std::size_t>(i)];
      if (shell.keyword != dockerfile::Keyword::shell || shell.onbuild || !shell.is_exec_form()) {
        continue;
      }
      std::vector<std::string_view> options;
      for (std::size_t k = 1; k < shell.words.size(); ++k) {
        if (shell.words[k].expanded == "-c") break;
        options.push_back(shell.words[k].expanded);
      }
      return sets_errexit(options);
    }
    stage = current.base_stage;
    before = INT32_MAX;
  }
  return false;
}

}  // namespace

bool errexit_in_effect(const FileFacts& facts, const shell::SyntaxTree& tree) {
  if (facts.dockerfile != nullptr && tree.instruction() >= 0 &&
      shell_sets_errexit(*facts.dockerfile, tree.instruction())) {
    return true;
  }
  for (std::size_t i = 0; i < tree.size(); ++i) {
    SyntaxNode node = tree.node(i);
    if (node.type() != "command" || command_name(node) != "set") continue;
    std::vector<std::string> texts;
    for (SyntaxNode argument : command_arguments(node)) texts.push_back(argument.text());
    std::vector<std::string_view> options(texts.begin(), texts.end());
    if (sets_errexit(options)) return true;
  }
  return false;
}

}  // namespace dockvet::bestpractice

namespace dockvet::bestpractice {

namespace {

// Variables bash sets at start-up that POSIX sh does not; a script may assign them itself.
// BASH_VERSION is left out: scripts read it to tell which shell runs them.
constexpr std::string_view bash_variables[] = {"OSTYPE",
                                               "MACHTYPE",
                                               "HOSTTYPE",
                                               "DIRSTACK",
                                               "EUID",
                                               "UID",
                                               "SHLVL",
                                               "PIPESTATUS",
                                               "SHELLOPTS",
                                               "BASH",
                                               "BASHOPTS",
                                               "BASHPID",
                                               "BASH_ALIASES",
                                               "BASH_ARGC",
                                               "BASH_ARGV",
                                               "BASH_ARGV0",
                                               "BASH_CMDS",
                                               "BASH_COMMAND",
                                               "BASH_EXECUTION_STRING",
                                               "BASH_LINENO",
                                               "BASH_LOADABLES_PATH",
                                               "BASH_REMATCH",
                                               "BASH_SOURCE",
                                               "BASH_SUBSHELL",
                                               "BASH_VERSINFO",
                                               "COMP_CWORD",
                                               "COMP_KEY",
                                               "COMP_LINE",
                                               "COMP_POINT",
                                               "COMP_TYPE",
                                               "COMP_WORDBREAKS",
                                               "COMP_WORDS",
                                               "COPROC",
                                               "FUNCNAME",
                                               "GROUPS",
                                               "HISTCMD",
                                               "MAPFILE"};

// The other variables the shell, the login or common tools set (ShellCheck's internal
// variables); with bash_variables, every variable ShellCheck takes as set.
constexpr std::string_view other_shell_variables[] = {"_",
                                                      "rest",
                                                      "REST",
                                                      "CDPATH",
                                                      "ENV",
                                                      "FCEDIT",
                                                      "HISTFILE",
                                                      "HISTSIZE",
                                                      "HOME",
                                                      "IFS",
                                                      "LANG",
                                                      "LC_ALL",
                                                      "LC_COLLATE",
                                                      "LC_CTYPE",
                                                      "LC_MESSAGES",
                                                      "LC_MONETARY",
                                                      "LC_NUMERIC",
                                                      "LC_TIME",
                                                      "MAIL",
                                                      "MAILCHECK",
                                                      "MAILPATH",
                                                      "OLDPWD",
                                                      "OPTARG",
                                                      "OPTIND",
                                                      "PATH",
                                                      "PWD",
                                                      "BASH_VERSION",
                                                      "EPOCHREALTIME",
                                                      "EPOCHSECONDS",
                                                      "HOSTNAME",
                                                      "RANDOM",
                                                      "READLINE_ARGUMENT",
                                                      "READLINE_LINE",
                                                      "READLINE_MARK",
                                                      "READLINE_POINT",
                                                      "REPLY",
                                                      "SECONDS",
                                                      "SRANDOM",
                                                      "BASH_COMPAT",
                                                      "BASH_ENV",
                                                      "BASH_XTRACEFD",
                                                      "CHILD_MAX",
                                                      "COLUMNS",
                                                      "COMPREPLY",
                                                      "EMACS",
                                                      "EXECIGNORE",
                                                      "FIGNORE",
                                                      "FUNCNEST",
                                                      "GLOBIGNORE",
                                                      "HISTCONTROL",
                                                      "HISTFILESIZE",
                                                      "HISTIGNORE",
                                                      "HISTTIMEFORMAT",
                                                      "HOSTFILE",
                                                      "IGNOREEOF",
                                                      "INPUTRC",
                                                      "INSIDE_EMACS",
                                                      "LINES",
                                                      "OPTERR",
                                                      "POSIXLY_CORRECT",
                                                      "PROMPT_COMMAND",
                                                      "PROMPT_DIRTRIM",
                                                      "PS0",
                                                      "PS1",
                                                      "PS2",
                                                      "PS3",
                                                      "PS4",
                                                      "SHELL",
                                                      "TIMEFORMAT",
                                                      "TMOUT",
                                                      "BASH_MONOSECONDS",
                                                      "BASH_TRAPSIG",
                                                      "GLOBSORT",
                                                      "auto_resume",
                                                      "histchars",
                                                      "USER",
                                                      "TZ",
                                                      "TERM",
                                                      "LOGNAME",
                                                      "LD_LIBRARY_PATH",
                                                      "LANGUAGE",
                                                      "DISPLAY",
                                                      "KRB5CCNAME",
                                                      "LINENO",
                                                      "PPID",
                                                      "TMPDIR",
                                                      "XAUTHORITY"};

bool is_variable_name(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

// `${a:-x}`, `${a-x}`, `${a:?}`, `${a?}`, `${a:=x}`, `${a=x}`, `${a:+x}`, `${a+x}`: the author
// expects the variable may be unset.
bool guarded(const shell::SyntaxNode& expansion, std::string_view name) {
  if (expansion.type() != "expansion") return false;
  const std::string text = expansion.text();
  std::size_t at = text.find(name);
  if (at == std::string::npos) return false;
  std::string_view rest = std::string_view(text).substr(at + name.size());
  if (rest.starts_with('[')) rest.remove_prefix(std::min(rest.size(), rest.find(']') + 1));
  if (rest.starts_with(':')) rest.remove_prefix(1);
  return rest.starts_with('-') || rest.starts_with('?') || rest.starts_with('=') ||
         rest.starts_with('+');
}

// Inside `${a:+...}` a reference is guarded by its parent.
bool inside_alternative(shell::SyntaxNode node) {
  for (shell::SyntaxNode parent = node.parent(); parent; parent = parent.parent()) {
    const std::string_view type = parent.type();
    // An alternative holds words; beyond the word, no `${a:+...}` can enclose the reference.
    if (type != "expansion" && type != "string" && type != "concatenation") break;
    if (type != "expansion") continue;
    const std::string text = parent.text();
    const std::size_t plus = text.find('+');
    if (plus != std::string::npos && plus < text.find(node.text())) return true;
  }
  return false;
}

}  // namespace

bool bash_sets(std::string_view name) {
  return std::find(std::begin(bash_variables), std::end(bash_variables), name) !=
         std::end(bash_variables);
}

bool UnassignedReference::names_script_variable() const {
  return std::any_of(name.begin(), name.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

std::vector<UnassignedReference> unassigned_references(
    const FileFacts& facts, const shell::SyntaxTree& tree,
    std::set<std::string, std::less<>>& assigned) {
  assigned = dockerfile_variables(facts, tree.instruction());
  for (const auto& [name, clean] : script_assignments(tree)) assigned.insert(name);
  // `printf -v name` and `${name:=x}` assign too.
  for (std::size_t i = 0; i < tree.size(); ++i) {
    const shell::SyntaxNode node = tree.node(i);
    if (node.type() == "expansion") {
      const std::string name = expansion_name(node);
      const std::string text = node.text();
      const std::size_t at = text.find(name);
      if (!name.empty() && at != std::string::npos) {
        std::string_view rest = std::string_view(text).substr(at + name.size());
        if (rest.starts_with(":=") || rest.starts_with('=')) assigned.insert(name);
      }
    } else if (node.type() == "command" && command_name(node) == "printf") {
      const auto arguments = command_arguments(node);
      for (std::size_t k = 0; k + 1 < arguments.size(); ++k) {
        if (arguments[k].text() == "-v") assigned.insert(arguments[k + 1].text());
      }
    }
  }
  std::vector<UnassignedReference> out;
  std::set<std::string, std::less<>> reported;
  for (std::size_t i = 0; i < tree.size(); ++i) {
    const shell::SyntaxNode node = tree.node(i);
    if (node.type() != "simple_expansion" && node.type() != "expansion") continue;
    std::string name = expansion_name(node);
    if (!is_variable_name(name) || assigned.contains(name) || reported.contains(name)) continue;
    if (bash_sets(name) ||
        std::find(std::begin(other_shell_variables), std::end(other_shell_variables), name) !=
            std::end(other_shell_variables)) {
      continue;
    }
    if (guarded(node, name) || inside_alternative(node)) continue;
    reported.insert(name);
    out.push_back({node, std::move(name)});
  }
  return out;
}

}  // namespace dockvet::bestpractice
