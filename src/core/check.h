#pragma once
// The check interface: what a check declares about itself, what the engine hands it, and how it
// reports. One check lives in one file under checks/ and registers itself with
// DOCKVET_REGISTER_CHECK.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/source.h"
#include "core/word.h"

struct TSTree;  // tree-sitter's, kept in ShellScript

namespace dockvet {

namespace dockerfile {
struct Dockerfile;
}
namespace docker {
struct Invocation;
}
namespace catalog {
class Catalog;
}
namespace config {
struct Settings;
}
namespace stateful {
struct ServerRun;
struct StageChain;
}  // namespace stateful
namespace shell {
class RunSyntaxTrees;
}

/// Which fixes a check's findings may carry (Fix::safe), as its page tells users.
enum class FixAvailability {
  none,
  safe,            // every fix it offers is safe: `--fix` applies it
  unsafe,          // every fix changes what runs: `--unsafe-fixes` applies it
  safe_or_unsafe,  // safe where the result is certain, unsafe elsewhere
};

/// Everything a rule's page and the reporters need to know about a check.
struct CheckMeta {
  std::string_view code;  // stable id: DV0xx input/syntax, DV1xx data persistence, DLxxxx hadolint
  std::string_view name;  // stable readable id, kebab-case: "stateful-data-unmounted"
  Severity severity = Severity::warning;
  std::string_view summary;    // one sentence, no trailing period
  std::string_view rationale;  // why it matters ("Why is this bad?")
  std::string_view bad_example;
  std::string_view good_example;
  std::string_view fix;  // how to fix it, in words
  /// Where the rule deliberately answers otherwise than the tool its code comes from (hadolint,
  /// ShellCheck, BuildKit), and why; empty when it behaves the same.
  std::string_view differences = {};
  std::string_view example_language = "dockerfile";  // fence language of the examples
  std::vector<std::string_view> aliases = {};        // other codes users may type (hadolint's)
  bool data_loss = false;  // the finding means data can be lost (SARIF security-severity)
  /// The check reads the commands or the syntax of Dockerfile RUN bodies, not only those the
  /// stateful checks want (stateful::RunCommandsWanted): while it is enabled, the bodies it may
  /// judge (Check::may_judge_run) are parsed with tree-sitter.
  bool reads_every_run = false;
  /// With reads_every_run: a body can only give the check a finding when it holds one of these
  /// (RunBodyText::holds), so bodies holding none are not parsed for it; empty means any body.
  /// A trigger must hold for every body the check could report on, whatever its quoting. A
  /// check that answers Check::may_judge_run itself declares none.
  std::vector<std::string_view> run_triggers = {};
  /// Off unless a layer names the check itself (its code, name or alias, not a prefix) in a
  /// `select` or gives it a severity: hadolint's "ignore" default severity (DL1001, DL3057).
  bool off_by_default = false;
  /// The fixes its findings may carry; a test holds every fix seen in the corpus to it.
  FixAvailability fixes = FixAvailability::none;
};

/// An input or syntax problem a front end met. Front ends never abort: they record the problem,
/// model the rest, and the DV0xx check named by `code` reports it.
struct FrontEndIssue {
  std::string_view code;  // the DV0xx check that reports it
  ByteRange range;
  std::string message;
};

/// Shell commands found in one region of a file: a script, a Makefile recipe, a Markdown code
/// block, or one Dockerfile RUN body.
struct ShellScript {
  int instruction = -1;  // index into Dockerfile::instructions for a RUN body, else -1
  std::vector<CommandLine> commands;
  /// The tree-sitter-bash tree the commands came from and the ranges it was parsed over, kept
  /// so that checks reading the syntax itself (shell::run_syntax_trees) need no second parse;
  /// null when the region was not parsed.
  std::shared_ptr<const TSTree> tree;
  std::vector<ByteRange> parsed_ranges;
  /// The engine left the region unparsed because no enabled check can find anything in it
  /// (Check::may_judge_run): its syntax is not read either.
  bool skipped = false;
};

/// The front-end facts of one file, as the engine hands them to every check.
struct FileFacts {
  const SourceFile& file;
  const dockerfile::Dockerfile* dockerfile = nullptr;  // set when the file is a Dockerfile
  // Each stage's FROM chain with its base image looked up, by stage index: the DV12x checks all
  // read them, so they are built once per Dockerfile.
  std::span<const stateful::StageChain> stage_chains;
  std::span<const ShellScript> scripts;             // shell commands, in file order
  std::span<const docker::Invocation> invocations;  // docker/podman run|create|service create
  // The invocations that start a catalogued stateful server, analysed once per file because
  // every DV1xx run-line check reads them.
  std::span<const stateful::ServerRun> server_runs;
  std::span<const FrontEndIssue> issues;  // input and syntax problems
  const catalog::Catalog& catalog;
  /// The run's settings (trusted registries, label schema), or nullptr when linting with the
  /// defaults; checks read their options here and treat nullptr as "nothing configured".
  const config::Settings* settings = nullptr;
  /// The RUN bodies' syntax trees (shell::run_syntax_trees), parsed when a check first asks and
  /// shared by the checks after it: the checks of one file run one after another on one thread.
  mutable std::shared_ptr<const shell::RunSyntaxTrees> run_syntax_trees = nullptr;
};

/// Collects one check's findings on one file.
class Findings {
 public:
  Findings(const CheckMeta& meta, const SourceFile& file, std::vector<Diagnostic>& out)
      : meta_(meta), file_(file), out_(out) {}

  /// Reports a finding over `range` with the check's default severity (or `severity`).
  void report(ByteRange range, std::string message, std::optional<Fix> fix = std::nullopt,
              std::optional<Severity> severity = std::nullopt);

 private:
  const CheckMeta& meta_;
  const SourceFile& file_;
  std::vector<Diagnostic>& out_;
};

/// The text of one Dockerfile RUN body as the shell sees it (line continuations removed), before
/// any parse: what a check looks at to say whether the body's commands could concern it.
class RunBodyText {
 public:
  RunBodyText(const dockerfile::Dockerfile& dockerfile, int instruction, std::string_view text)
      : dockerfile_(dockerfile), instruction_(instruction), text_(text) {}
  const dockerfile::Dockerfile& dockerfile() const { return dockerfile_; }
  int instruction() const { return instruction_; }
  std::string_view text() const { return text_; }
  /// Whether the body holds `trigger`. A trigger made of letters, digits and `-_.+` is a program
  /// name: it matches a word of the body, or a word's last path component (`/usr/bin/apt-get`),
  /// whatever quotes surround it; with a final `*` ("pip*") it matches words it begins. Any
  /// other trigger (`$`, `||`, `[[`) matches anywhere in the text.
  bool holds(std::string_view trigger) const;

 private:
  const dockerfile::Dockerfile& dockerfile_;
  int instruction_;
  std::string_view text_;
};

class Check;

/// The RUN triggers of several checks together, matched against a body in one pass with an
/// early exit: how the engine asks every enabled check at once whether to parse a body.
class RunTriggerSet {
 public:
  /// Adds a check that reads RUN bodies (meta().reads_every_run); one without run_triggers is
  /// asked itself (Check::may_judge_run).
  void add(const Check& check);
  /// Sorts what the checks added; call once after the last add, before any may_be_judged.
  void seal();
  /// Whether any added check may judge the body: the same answer as asking each in turn.
  bool may_be_judged(const RunBodyText& body) const;

 private:
  std::vector<std::string_view> symbols_;   // matched anywhere
  std::vector<std::string_view> prefixes_;  // "pip" of "pip*"
  std::vector<std::string_view> words_;     // sorted program names
  std::vector<const Check*> asked_;
};

class Check {
 public:
  virtual ~Check() = default;
  virtual const CheckMeta& meta() const = 0;
  /// Looks at the facts of one file and reports. Must be thread-safe: one instance serves every
  /// thread, so a check keeps no mutable state.
  virtual void run(const FileFacts& facts, Findings& findings) const = 0;
  /// Whether a RUN body's commands could give this check a finding: the engine parses a body
  /// only when some enabled check says yes, and tree-sitter is most of a lint's time. By default
  /// reads meta().reads_every_run and meta().run_triggers; a check whose question is not about
  /// words (DL3059: is the RUN next to another?) answers it itself.
  virtual bool may_judge_run(const RunBodyText& body) const;
};

/// Reports, with their own ranges and messages, the front-end issues recorded under `code`: the
/// whole logic of a DV0xx check whose facts a front end or the engine finds.
void report_front_end_issues(std::string_view code, const FileFacts& facts, Findings& findings);

/// Every check linked into the program, sorted by code.
class Registry {
 public:
  static Registry& instance();
  bool add(std::unique_ptr<Check> check);
  std::span<const std::unique_ptr<Check>> checks() const;
  /// Finds a check by code, name or alias (case-insensitive); nullptr when none matches.
  const Check* find(std::string_view code_name_or_alias) const;

 private:
  mutable std::vector<std::unique_ptr<Check>> checks_;
  mutable bool sorted_ = false;
};

}  // namespace dockvet

#define DOCKVET_CONCAT_INNER(a, b) a##b
#define DOCKVET_CONCAT(a, b) DOCKVET_CONCAT_INNER(a, b)
/// Registers a check type at start-up. Use once, at namespace scope, in the check's own file.
#define DOCKVET_REGISTER_CHECK(Type)                                  \
  namespace {                                                         \
  [[maybe_unused]] const bool DOCKVET_CONCAT(registered_, __LINE__) = \
      ::dockvet::Registry::instance().add(std::make_unique<Type>());  \
  }
