// DL3059: `RUN apt-get update` right after `RUN mkdir /app` — two layers where one would do.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// A RUN's flags, in an order that does not depend on how they were written.
std::vector<std::pair<std::string, std::string>> flag_set(const dockerfile::Instruction& run) {
  std::vector<std::pair<std::string, std::string>> flags;
  for (const auto& flag : run.flags) flags.emplace_back(flag.name, flag.value.value_or(""));
  std::sort(flags.begin(), flags.end());
  return flags;
}

}  // namespace

class ConsecutiveRuns final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3059",
        .name = "consecutive-runs",
        .severity = Severity::info,
        .summary = "A single-command RUN follows another single-command RUN",
        .rationale =
            "Every RUN adds a layer to the image and a step to the build. Two RUNs in a row "
            "that each run one command are usually one step split by accident: joined with "
            "`&&` they make one layer, and files the first creates and the second removes never "
            "reach the image. RUNs that already chain several commands, or that use different "
            "`--mount`, `--network` or `--security` flags, are left alone: they were split on "
            "purpose.",
        .bad_example = "FROM debian:12.7\nRUN useradd --create-home app\nRUN mkdir /srv/data\n",
        .good_example =
            "FROM debian:12.7\nRUN useradd --create-home app \\\n    && mkdir /srv/data\n",
        .fix = "Join the two commands with `&&` in one RUN.",
        .differences =
            "A RUN that runs a non-POSIX shell (after `SHELL [\"powershell\", …]`) is not "
            "counted, as its commands are not read; an exec-form RUN counts as one command.",
        .reads_every_run = true,
    };
    return meta;
  }

  // Only a RUN next to another plain RUN can be half of a pair; the rest need no parse.
  bool may_judge_run(const RunBodyText& body) const override {
    const auto& instructions = body.dockerfile().instructions;
    const auto at = static_cast<std::size_t>(body.instruction());
    if (at >= instructions.size() || !is_plain_run(instructions[at])) return false;
    return (at > 0 && is_plain_run(instructions[at - 1])) ||
           (at + 1 < instructions.size() && is_plain_run(instructions[at + 1]));
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    const std::vector<int> commands = command_counts(facts);
    for (std::size_t i = 1; i < dockerfile.instructions.size(); ++i) {
      const auto& run = dockerfile.instructions[i];
      const auto& previous = dockerfile.instructions[i - 1];
      if (!is_plain_run(run) || !is_plain_run(previous)) continue;
      if (commands[i] != 1 || commands[i - 1] != 1) continue;
      if (flag_set(run) != flag_set(previous)) continue;
      findings.report(run.line_range,
                      "this RUN runs one command right after the single-command RUN on line " +
                          std::to_string(bestpractice::line_of(dockerfile, previous)) +
                          ": join them with `&&` in one RUN");
    }
  }

 private:
  // Comments between two RUNs do not separate them; an ONBUILD RUN runs in another build.
  static bool is_plain_run(const dockerfile::Instruction& instruction) {
    return instruction.keyword == dockerfile::Keyword::run && !instruction.onbuild;
  }

  // How many simple commands each instruction runs (an exec-form RUN is one); 0 when its
  // commands are not read.
  static std::vector<int> command_counts(const FileFacts& facts) {
    const auto& instructions = facts.dockerfile->instructions;
    std::vector<int> counts(instructions.size(), 0);
    for (const auto& command : shell::run_commands(facts)) {
      if (command.instruction >= 0 &&
          static_cast<std::size_t>(command.instruction) < counts.size()) {
        ++counts[static_cast<std::size_t>(command.instruction)];
      }
    }
    return counts;
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ConsecutiveRuns)
