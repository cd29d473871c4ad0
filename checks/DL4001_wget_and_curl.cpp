// DL4001: one stage downloads with both wget and curl.
#include <map>
#include <string>
#include <utility>

#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

class WgetAndCurl final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL4001",
        .name = "wget-and-curl",
        .severity = Severity::warning,
        .summary = "A stage uses both wget and curl",
        .rationale =
            "wget and curl do the same job here. Using both means both (and their TLS and "
            "library dependencies) must be installed in the stage, which grows the image and "
            "its attack surface, and two tools with different defaults for redirects, retries "
            "and failure codes make the downloads behave differently.",
        .bad_example =
            "FROM debian:12.7\nRUN wget -q https://example.com/a.tgz \\\n"
            " && curl -fsSLO https://example.com/b.tgz\n",
        .good_example =
            "FROM debian:12.7\nRUN curl -fsSLO https://example.com/a.tgz \\\n"
            " && curl -fsSLO https://example.com/b.tgz\n",
        .fix = "Pick one of the two for every download in the stage.",
        .differences =
            "As in hadolint, each RUN that uses one of them once the stage has used both is "
            "reported once, at the first wget or curl that follows a use of the other. ONBUILD "
            "RUNs are counted apart from the "
            "stage's own RUNs (they run in another build). Exec-form RUN is not read.",
        .reads_every_run = true,
        .run_triggers = {"curl", "wget"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& instructions = facts.dockerfile->instructions;
    // The downloaders seen so far, by stage and ONBUILD-ness: bit 0 curl, bit 1 wget.
    std::map<std::pair<int, bool>, unsigned> seen;
    int reported_instruction = -1;
    for (const auto& run : shell::run_commands(facts)) {
      const std::string program = shell::program_name(*run.command);
      const unsigned tool = program == "curl" ? 1U : program == "wget" ? 2U : 0U;
      if (tool == 0) continue;
      const auto& instruction = instructions[static_cast<std::size_t>(run.instruction)];
      unsigned& tools = seen[{instruction.stage, instruction.onbuild}];
      tools |= tool;
      if (tools != 3U || reported_instruction == run.instruction) continue;
      reported_instruction = run.instruction;
      const std::string other = tool == 1U ? "wget" : "curl";
      findings.report(run.command->words.front().range, "this stage downloads with both " +
                                                            program + " and " + other +
                                                            "; use one of them for every download");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::WgetAndCurl)
