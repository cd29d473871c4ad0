// DL4006: `RUN curl … | tar x` under a shell without pipefail — a failed download goes unnoticed.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

using dockerfile::Dockerfile;
using dockerfile::Instruction;

// What the shell of a RUN step does with a failing pipeline stage.
enum class PipeShell {
  hides_failures,  // POSIX shell without pipefail: the pipeline's status is its last stage's
  pipefail,        // a POSIX shell told `-o pipefail`
  not_posix,       // PowerShell, cmd or another interpreter: not this rule's business
};

std::string base_program(std::string text) {
  const std::size_t slash = text.find_last_of("/\\");
  if (slash != std::string::npos) text.erase(0, slash + 1);
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (text.ends_with(".exe")) text.resize(text.size() - 4);
  return text;
}

bool is_posix_shell(std::string_view program) {
  for (std::string_view shell : {"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"}) {
    if (program == shell) return true;
  }
  return false;
}

// `-o pipefail`, also inside a cluster such as `-euxo pipefail` (`-o` takes the next word).
bool sets_pipefail(const std::vector<std::string>& words) {
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& option = words[i - 1];
    if (words[i] == "pipefail" && option.size() > 1 && option[0] == '-' && option[1] != '-' &&
        option.back() == 'o') {
      return true;
    }
  }
  return false;
}

// The shell a SHELL instruction sets, judged for pipefail; `current` when the instruction is
// not a readable exec form.
PipeShell shell_of(const Instruction& shell, PipeShell current) {
  if (!shell.is_exec_form() || shell.words.empty()) return current;
  std::vector<std::string> words;
  for (const auto& word : shell.words) words.push_back(word.expanded);
  std::size_t program = 0;
  if (base_program(words[0]) == "env" && words.size() > 1) program = 1;  // /usr/bin/env bash
  if (!is_posix_shell(base_program(words[program]))) return PipeShell::not_posix;
  return sets_pipefail(words) ? PipeShell::pipefail : PipeShell::hides_failures;
}

// `set -o pipefail` (or `set -euo pipefail`) run by the same RUN before `offset`.
bool pipefail_set_before(const std::vector<const CommandLine*>& commands, std::size_t offset) {
  for (const CommandLine* command : commands) {
    if (command->range.begin >= offset || shell::program_name(*command) != "set") continue;
    std::vector<std::string> words;
    for (const Word& word : command->words) words.push_back(word.text());
    if (sets_pipefail(words)) return true;
  }
  return false;
}

// The first pipeline of the RUN that pipefail does not cover: from its first stage through the
// stages that follow it with only a `|` between them.
std::optional<ByteRange> unguarded_pipeline(const SourceFile& file,
                                            const std::vector<const CommandLine*>& commands) {
  for (std::size_t i = 0; i < commands.size(); ++i) {
    if (!commands[i]->piped || pipefail_set_before(commands, commands[i]->range.begin)) continue;
    ByteRange range = commands[i]->range;
    for (std::size_t next = i + 1; next < commands.size() && commands[next]->piped; ++next) {
      if (commands[next]->range.begin < range.end) break;
      std::string gap(file.slice({range.end, commands[next]->range.begin}));
      std::erase_if(
          gap, [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == '\\'; });
      if (gap != "|" && gap != "|&") break;
      range.end = commands[next]->range.end;
    }
    return range;
  }
  return std::nullopt;
}

}  // namespace

class PipeWithoutPipefail final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL4006",
        .name = "pipe-without-pipefail",
        .severity = Severity::warning,
        .summary = "A RUN with a pipe runs in a shell without pipefail",
        .rationale =
            "A POSIX shell gives a pipeline the exit status of its last command. In `RUN curl "
            "-fsSL https://example.com/install.sh | sh` or `RUN wget -O - URL | tar xz`, a "
            "failed download hands an empty stream to the last command, which may well "
            "succeed, so the build goes on and ships an image without the software. With "
            "`-o pipefail` the step fails when any stage fails.",
        .bad_example =
            "FROM debian:12.7\nRUN wget -qO- https://example.com/app.tgz | tar -xz -C "
            "/opt\n",
        .good_example =
            "FROM debian:12.7\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
            "RUN wget -qO- https://example.com/app.tgz | tar -xz -C /opt\n",
        .fix =
            "Add `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before the RUN (on "
            "Alpine, `/bin/ash`), or start the RUN with `set -o pipefail &&`.",
        .differences =
            "A RUN that runs `set -o pipefail` (or `set -euo pipefail`) before its pipe is not "
            "reported, and a SHELL with `-o pipefail` counts for any POSIX shell (sh, dash, "
            "ksh and busybox too; a shell without the option fails the build loudly). A stage "
            "built on an earlier stage inherits that stage's SHELL, as Docker does; hadolint "
            "starts every stage afresh. Any interpreter that is not a POSIX shell (PowerShell, "
            "cmd, python) is exempt, not only those hadolint lists, however its path is "
            "written. ONBUILD RUN is not judged: the SHELL of the image that triggers it "
            "decides, as in hadolint.",
        .reads_every_run = true,
        .run_triggers = {"|"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const Dockerfile& dockerfile = *facts.dockerfile;
    std::map<int, std::vector<const CommandLine*>> commands_by_run;
    const shell::RunCommandList run_commands(facts);  // owns the exec-form commands
    for (const auto& run : run_commands) {
      commands_by_run[run.instruction].push_back(run.command);
    }
    if (commands_by_run.empty()) return;

    std::vector<PipeShell> shell_at_end(dockerfile.stages.size(), PipeShell::hides_failures);
    for (const auto& stage : dockerfile.stages) {
      PipeShell shell = stage.base_stage >= 0
                            ? shell_at_end[static_cast<std::size_t>(stage.base_stage)]
                            : PipeShell::hides_failures;
      for (int i = stage.from_instruction; i <= stage.last_instruction; ++i) {
        const Instruction& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
        if (instruction.onbuild) continue;
        if (instruction.keyword == dockerfile::Keyword::shell) {
          shell = shell_of(instruction, shell);
          continue;
        }
        if (instruction.keyword != dockerfile::Keyword::run || shell != PipeShell::hides_failures) {
          continue;
        }
        const auto commands = commands_by_run.find(i);
        if (commands == commands_by_run.end()) continue;
        if (auto pipeline = unguarded_pipeline(*facts.dockerfile->source, commands->second)) {
          findings.report(*pipeline,
                          "this pipeline's exit status is its last command's, so a failure "
                          "before the `|` goes unnoticed; set `SHELL [\"/bin/bash\", \"-o\", "
                          "\"pipefail\", \"-c\"]` or start the RUN with `set -o pipefail &&`");
        }
      }
      shell_at_end[static_cast<std::size_t>(stage.index)] = shell;
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::PipeWithoutPipefail)
