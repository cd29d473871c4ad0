// DL3047: `RUN wget https://…` with its default progress bar, which floods the build log.
#include <string>

#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// Whether wget was told how (or whether) to report progress: --progress, quiet, no-verbose, or
// its messages sent to a log file. `-nv` is one option (wget's -n takes a letter), so it is
// matched as a word, not read as the cluster -n -v.
bool progress_handled(const CommandLine& command) {
  if (shell::has_option(command, {"--progress", "-q", "--quiet", "--no-verbose", "-o",
                                  "--output-file", "-a", "--append-output"})) {
    return true;
  }
  for (const auto& argument : shell::arguments(command)) {
    if (argument.option && argument.text == "-nv") return true;
  }
  return false;
}

}  // namespace

class WgetWithoutProgress final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3047",
        .name = "wget-without-progress",
        .severity = Severity::info,
        .summary = "wget runs with its default progress output",
        .rationale =
            "Without a terminal wget falls back to its dot progress display, one line of dots "
            "per 50 KiB: downloading a 500 MB archive writes thousands of lines into the build "
            "log, which buries the output that matters and can exceed CI log limits.",
        .bad_example = "FROM debian:12.7\nRUN wget https://example.com/app.tar.gz\n",
        .good_example =
            "FROM debian:12.7\nRUN wget --progress=dot:giga https://example.com/app.tar.gz\n",
        .fix =
            "Add `--progress=dot:giga` (one dot per megabyte), or `-nv` or `-q` to print no "
            "progress at all.",
        .differences = "Exec-form RUN (`RUN [\"wget\", ...]`) is not read.",
        .reads_every_run = true,
        .run_triggers = {"wget"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& run : shell::run_commands(facts)) {
      const CommandLine& command = *run.command;
      if (shell::program_name(command) != "wget" || progress_handled(command)) continue;
      findings.report(command.words.front().range,
                      "wget prints a line of progress dots per 50 KiB into the build log; add "
                      "`--progress=dot:giga`, or `-nv` or `-q`");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::WgetWithoutProgress)
