// SC2155: `export dir="$(mktemp -d)"` — export succeeds, so a failing mktemp goes unnoticed.
#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

using shell::SyntaxNode;

// The value's own command substitutions, unquoted or inside double quotes (not those nested in
// another substitution, whose status is that substitution's business).
bool has_substitution(const SyntaxNode& value) {
  const std::string_view type = value.type();
  if (type == "command_substitution") return true;
  if (type == "string" || type == "concatenation") {
    for (SyntaxNode child : value.children(true)) {
      if (has_substitution(child)) return true;
    }
  }
  return false;
}

}  // namespace

class DeclareAndAssignSeparately final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2155",
        .name = "declare-and-assign-separately",
        .severity = Severity::warning,
        .summary = "export, local or readonly masks the exit status of the command it assigns",
        .rationale =
            "`export x=\"$(cmd)\"` returns export's status, which is 0, not cmd's: under "
            "`set -e` or in an `&&` chain a failing cmd no longer stops the RUN, and the "
            "build goes on with an empty value. ShellCheck (whose code this is) reports it as "
            "a warning.\n\nOn the Dockerfiles of 12 official-image repositories (the commits "
            "named on the SC2086 page; 253 Dockerfiles) it reports 164 findings, every one `export "
            "GNUPGHOME=\"$(mktemp -d)\"` under `set -eux`: should mktemp fail, export hides it, "
            "GNUPGHOME is empty and gpg leaves its keyring in /root/.gnupg, in the image.",
        .bad_example =
            "FROM debian:12.7\nRUN set -eu; export GNUPGHOME=\"$(mktemp -d)\"; gpg --list-keys\n",
        .good_example =
            "FROM debian:12.7\nRUN set -eu; GNUPGHOME=\"$(mktemp -d)\"; export "
            "GNUPGHOME; gpg --list-keys\n",
        .fix = "Assign first, then export (`x=\"$(cmd)\"; export x`).",
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
        const SyntaxNode node = tree.node(i);
        if (node.type() != "declaration_command") continue;
        for (SyntaxNode child : node.children(true)) {
          if (child.type() != "variable_assignment") continue;
          const SyntaxNode value = child.child("value");
          if (!value || !has_substitution(value)) continue;
          SyntaxNode keyword = node.first_child();
          const std::string declared = keyword ? keyword.text() : std::string("export");
          findings.report(child.range(),
                          declared +
                              " returns its own status and hides the substitution's; "
                              "assign first, then " +
                              declared + " the variable");
        }
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::DeclareAndAssignSeparately)
