// DL3043: `ONBUILD FROM …`, `ONBUILD MAINTAINER …` or `ONBUILD ONBUILD …`, which Docker refuses.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class OnbuildForbiddenTrigger final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3043",
        .name = "onbuild-forbidden-trigger",
        .severity = Severity::error,
        .summary = "ONBUILD triggers ONBUILD, FROM or MAINTAINER",
        .rationale =
            "An ONBUILD trigger runs as the first step of a later build that starts FROM this "
            "image. Docker does not allow the trigger to be another ONBUILD, a FROM or a "
            "MAINTAINER: the builder rejects the instruction (\"Chaining ONBUILD via `ONBUILD "
            "ONBUILD` isn't allowed\", \"FROM isn't allowed as an ONBUILD trigger\"), so the "
            "Dockerfile does not build.",
        .bad_example = "FROM node:22.11\nONBUILD FROM node:22.11-slim\n",
        .good_example = "FROM node:22.11\nONBUILD COPY package.json /app/\n",
        .fix =
            "Remove the trigger. A derived image picks its own base with its FROM, and "
            "`LABEL org.opencontainers.image.authors=…` replaces MAINTAINER.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& instructions = facts.dockerfile->instructions;
    for (const auto& onbuild : instructions) {
      if (onbuild.keyword != dockerfile::Keyword::onbuild || onbuild.trigger < 0) continue;
      const auto& trigger = instructions[static_cast<std::size_t>(onbuild.trigger)];
      if (!forbidden(trigger.keyword)) continue;
      findings.report(trigger.name_range, "ONBUILD cannot trigger " +
                                              std::string(dockerfile::to_string(trigger.keyword)) +
                                              ": Docker rejects it; remove the trigger");
    }
  }

 private:
  static bool forbidden(dockerfile::Keyword keyword) {
    return keyword == dockerfile::Keyword::onbuild || keyword == dockerfile::Keyword::from ||
           keyword == dockerfile::Keyword::maintainer;
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::OnbuildForbiddenTrigger)
