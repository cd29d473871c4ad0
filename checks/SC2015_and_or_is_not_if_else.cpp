// SC2015: `test -f x && make || echo failed >&2; exit 1` — `A && B || C` runs C when B fails too.
#include "bestpractice/shellcheck.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

using shell::SyntaxNode;

// The operator ("&&" or "||") of a `list` node, and its two sides.
struct Chain {
  SyntaxNode left;
  std::string_view op;
  SyntaxNode right;
};

std::optional<Chain> chain_of(const SyntaxNode& list) {
  if (!list || list.type() != "list") return std::nullopt;
  Chain chain;
  for (SyntaxNode child = list.first_child(); child; child = child.next_sibling()) {
    if (!child.named()) {
      chain.op = child.type();
    } else if (child.type() != "comment") {
      (chain.op.empty() ? chain.left : chain.right) = child;
    }
  }
  if (!chain.left || !chain.right) return std::nullopt;
  return chain;
}

// B is a test: `[ ]`, `[[ ]]` or `test` cannot fail for another reason than being false.
SyntaxNode unredirected(SyntaxNode node) {
  if (node.type() == "redirected_statement" && node.child("body")) return node.child("body");
  return node;
}

bool is_test(SyntaxNode node) {
  node = unredirected(node);
  if (node.type() == "test_command") return true;
  if (node.type() != "command") return false;
  const std::string name = bestpractice::command_name(node);
  return name == "test" || name == "[";
}

// C cannot do harm when it also runs after B failed: a message, an exit, `true`, an assignment.
bool is_harmless(SyntaxNode node) {
  node = unredirected(node);
  if (node.type() == "variable_assignment" || node.type() == "variable_assignments") return true;
  if (node.type() != "command") return false;
  if (!node.child("name")) return true;  // only assignments
  const std::string name = bestpractice::command_name(node);
  return name == "echo" || name == "exit" || name == "return" || name == "printf" ||
         name == "true" || name == ":";
}

bool in_condition(SyntaxNode node) {
  for (SyntaxNode child = node, parent = node.parent(); parent;
       child = parent, parent = parent.parent()) {
    if (child.field() == "condition") return true;
  }
  return false;
}

}  // namespace

class AndOrIsNotIfElse final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "SC2015",
        .name = "and-or-is-not-if-else",
        .severity = Severity::info,
        .summary = "`A && B || C` runs C also when B fails",
        .rationale =
            "`A && B || C` reads like if-then-else, but C runs whenever the `&&` chain "
            "fails: when A is false and also when A is true and B fails. In `[ -f x.tgz ] && "
            "tar -xzf x.tgz || curl -fsSLO $url` a corrupt archive triggers a second "
            "download, and the RUN's exit status hides the failure of B. ShellCheck (whose "
            "code this is) reports it as info unless B is a test or C only prints, exits or "
            "assigns.\n\nOn the Dockerfiles of 12 official-image repositories (the commits "
            "named on the SC2086 page; 253 Dockerfiles) it reports nothing.",
        .bad_example =
            "FROM debian:12.7\nRUN command -v make && make install || "
            "apt-get install -y --no-install-recommends make=4.3-4.1\n",
        .good_example =
            "FROM debian:12.7\nRUN if command -v make; then make install; else "
            "apt-get install -y --no-install-recommends make=4.3-4.1; fi\n",
        .fix = "Write `if A; then B; else C; fi`.",
        .reads_every_run = true,
        .run_triggers = {"||"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const shell::SyntaxTree& tree : shell::run_syntax_trees(facts)) {
      // ShellCheck reports only the syntax error of a script it cannot parse (DV020-DV022).
      if (tree.has_error()) continue;
      for (std::size_t i = 0; i < tree.size(); ++i) {
        const SyntaxNode node = tree.node(i);
        const auto outer = chain_of(node);
        if (!outer || outer->op != "||") continue;
        const auto inner = chain_of(outer->left);
        if (!inner || inner->op != "&&") continue;
        if (is_test(inner->right) || is_harmless(outer->right) || in_condition(node)) continue;
        findings.report(outer->left.range(),
                        "`A && B || C` is not if-then-else: C also runs when B fails; write "
                        "`if A; then B; else C; fi`");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::AndOrIsNotIfElse)
