// DL3003: `RUN cd /app && make` — cd in a RUN where WORKDIR says it for every later step.
#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

class CdInsteadOfWorkdir final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3003",
        .name = "cd-instead-of-workdir",
        .severity = Severity::warning,
        .summary = "A RUN changes directory with cd instead of WORKDIR",
        .rationale =
            "A `cd` lasts only until its RUN step ends, so every later RUN, COPY, CMD and "
            "ENTRYPOINT still starts in the old directory. Readers (and the next person to "
            "split the RUN in two) easily miss that; WORKDIR states the directory once for "
            "all later instructions, creates it when it is missing, and shows in `docker "
            "inspect`.",
        .bad_example = "FROM golang:1.23\nCOPY . /src\nRUN cd /src && go build -o /bin/app .\n",
        .good_example = "FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\n",
        .fix =
            "Set the directory with a WORKDIR instruction before the RUN, or give the command "
            "the directory it works in (`make -C /src`, `tar -C /opt`).",
        .differences =
            "cd inside ONBUILD RUN is reported too (hadolint skips it). Exec-form RUN "
            "is not read.",
        .reads_every_run = true,
        .run_triggers = {"cd"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& run : shell::run_commands(facts)) {
      const CommandLine& command = *run.command;
      if (shell::program_name(command) != "cd") continue;
      findings.report(command.range,
                      "`cd` only lasts until this RUN ends; set the directory with WORKDIR");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::CdInsteadOfWorkdir)
