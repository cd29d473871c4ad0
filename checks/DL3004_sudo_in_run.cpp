// DL3004: `RUN sudo apt-get install …` — sudo in a build, which runs as root or as USER already.
#include <string>
#include <string_view>

#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

bool is_sudo(const Word& word) {
  if (!word.known()) return false;
  const std::string text = word.text();
  if (text.find('=') != std::string::npos) return false;  // `env TOOL=/usr/bin/sudo`
  const std::size_t slash = text.rfind('/');
  return std::string_view(text).substr(slash == std::string::npos ? 0 : slash + 1) == "sudo";
}

}  // namespace

class SudoInRun final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3004",
        .name = "sudo-in-run",
        .severity = Severity::error,
        .summary = "A RUN uses sudo",
        .rationale =
            "A RUN step already runs as root, or as the user a USER instruction chose. sudo "
            "adds a setuid binary and its configuration to the image, its TTY and PAM "
            "handling behave unpredictably without a terminal, and it changes the "
            "environment the command sees (`env_reset` drops PATH additions and proxies). "
            "In the running container it lets a process that should be unprivileged become "
            "root.",
        .bad_example = "FROM debian:12.7\nUSER app\nRUN sudo apt-get update\n",
        .good_example =
            "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y "
            "--no-install-recommends"
            " curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\nUSER app\n",
        .fix =
            "Run the privileged steps before switching USER (or switch back with `USER "
            "root`); to drop privileges at run time, use gosu or su-exec in the entrypoint.",
        .differences = "Exec-form RUN (`RUN [\"sudo\", ...]`) is not read.",
        .reads_every_run = true,
        .run_triggers = {"sudo"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& run : shell::run_commands(facts)) {
      const CommandLine& command = *run.command;
      for (const Word& word : command.prefix) {
        if (is_sudo(word)) report(word, findings);
      }
      if (!command.words.empty() && is_sudo(command.words.front())) {
        report(command.words.front(), findings);
      }
    }
  }

 private:
  static void report(const Word& sudo, Findings& findings) {
    findings.report(sudo.range,
                    "do not use sudo in a build: run the step as root before USER, or use gosu "
                    "to drop privileges at run time");
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::SudoInRun)
