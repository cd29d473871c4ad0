// DL3001: `RUN service nginx start`, `RUN ssh host`, `RUN vim file` — commands that make no sense
// while building an image.
#include <string>
#include <string_view>

#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// What each command would do in a build, and so why it has no place there.
struct PointlessCommand {
  std::string_view program;
  std::string_view reason;
};

constexpr PointlessCommand kPointless[] = {
    {"free", "shows the build container's memory, which the image does not keep"},
    {"ifconfig",
     "inspects or changes the build container's network, which the image does not "
     "keep"},
    {"kill", "signals a process, and a build has none but its own"},
    {"mount", "needs privileges a build does not have, and its mounts do not reach the image"},
    {"ps", "lists the build's own processes, which the image does not keep"},
    {"service", "starts or stops a service in a build step, which ends right after it"},
    {"shutdown", "cannot power off anything from inside a build container"},
    {"ssh", "makes the image depend on another machine's state at build time"},
    {"top", "is interactive and never ends in a build"},
    {"vim", "is an interactive editor and waits for a terminal a build does not have"},
};

const PointlessCommand* pointless(std::string_view program) {
  for (const auto& command : kPointless) {
    if (command.program == program) return &command;
  }
  return nullptr;
}

// `kill $pid`, `kill $!`, `kill %1`: the build stops a process it started itself (a server run
// in the background to load a schema), which is a sound way to end that RUN step.
bool stops_own_background_job(const CommandLine& command) {
  for (const Word* operand : shell::operands(command, {"-s", "-n"})) {
    if (!operand->known() || operand->text().starts_with('%')) return true;
  }
  return false;
}

}  // namespace

class CommandPointlessInContainer final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3001",
        .name = "command-pointless-in-container",
        .severity = Severity::info,
        .summary = "A RUN command makes no sense in a container build",
        .rationale =
            "A RUN step runs once, non-interactively, in a throw-away container, and only its "
            "file-system changes are kept. Interactive programs (`vim`, `top`) wait for a "
            "terminal that is not there; `service x start`, `mount` or `ifconfig` change "
            "state that is gone when the step ends; `ssh`, `ps`, `free` and `shutdown` act "
            "on a machine the image never sees. Such a line either hangs the build, fails, or "
            "does nothing, and it misleads whoever reads the Dockerfile.",
        .bad_example = "FROM debian:12.7\nRUN service nginx start\n",
        .good_example = "FROM nginx:1.27\nCMD [\"nginx\", \"-g\", \"daemon off;\"]\n",
        .fix =
            "Remove the command; start services with CMD or ENTRYPOINT, change files with "
            "sed or COPY, fetch files with COPY, ADD or RUN --mount.",
        .differences =
            "`ifconfig` is reported too: hadolint's message names it but its list leaves it "
            "out. `kill` with a process id from a variable (`kill $pid`, `kill $!`) or a job "
            "(`kill %1`) is not reported: it stops a server the same RUN started in the "
            "background, a common way to initialise a database at build time. Exec-form RUN "
            "(`RUN [\"service\", ...]`) is not read.",
        .reads_every_run = true,
        .run_triggers = {"free", "ifconfig", "kill", "mount", "ps", "service", "shutdown", "ssh",
                         "top", "vim"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& run : shell::run_commands(facts)) {
      const CommandLine& command = *run.command;
      const std::string program = shell::program_name(command);
      const PointlessCommand* found = pointless(program);
      if (found == nullptr) continue;
      if (program == "kill" && stops_own_background_job(command)) continue;
      findings.report(command.words.front().range, "`" + program + "` " +
                                                       std::string(found->reason) +
                                                       "; remove it from the RUN instruction");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::CommandPointlessInContainer)
