// DL3027: `apt install` in a RUN — apt is the interactive front end, apt-get the scripting one.
#include "bestpractice/apt_apk_gem.h"
#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

class NoApt final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3027",
        .name = "no-apt",
        .severity = Severity::warning,
        .summary = "A RUN uses `apt`, whose command line is made for people, not scripts",
        .rationale =
            "apt's manual says its interface may change between versions and that scripts "
            "should use apt-get and apt-cache, whose behaviour is kept stable. apt also prints "
            "'WARNING: apt does not have a stable CLI interface. Use with caution in scripts.' "
            "into every build log, shows progress bars meant for a terminal, and its defaults "
            "(such as keeping downloaded packages) differ from apt-get's.",
        .bad_example =
            "FROM debian:12.7\nRUN apt update \\\n && apt install -y --no-install-recommends "
            "curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\n",
        .good_example =
            "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y "
            "--no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\n",
        .fix = "Use `apt-get` (or `apt-cache` for searches and queries) instead of `apt`.",
        .differences = "Each `apt` command is reported at its own program word.",
        .reads_every_run = true,
        .run_triggers = {"apt"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    const bestpractice::RunCommands commands(facts);
    for (const auto& ref : commands.all()) {
      const CommandLine& command = *ref.command;
      if (shell::program_name(command) != "apt") continue;
      findings.report(command.words.front().range,
                      "`apt` has no stable command line for scripts; use `apt-get` or `apt-cache`");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::NoApt)
