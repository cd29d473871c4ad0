// DL4000: `MAINTAINER jane@example.com` — deprecated since Docker 1.13; a LABEL says it instead.
#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class MaintainerDeprecated final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL4000",
        .name = "maintainer-deprecated",
        .severity = Severity::error,
        .summary = "MAINTAINER is deprecated",
        .rationale =
            "MAINTAINER has been deprecated since Docker 1.13: it sets the image's `Author` "
            "field, which registries and tools no longer read. The OCI label "
            "`org.opencontainers.image.authors` carries the same information where scanners, "
            "registries and `docker inspect` show it, and BuildKit's checks warn about "
            "MAINTAINER (MaintainerDeprecated).",
        .bad_example = "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n",
        .good_example =
            "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe "
            "<jane@example.com>\"\n",
        .fix = "Replace it with `LABEL org.opencontainers.image.authors=\"…\"`.",
        .fixes = FixAvailability::safe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& instruction : dockerfile.instructions) {
      if (instruction.keyword != dockerfile::Keyword::maintainer) continue;
      // ONBUILD MAINTAINER is invalid anyway; the ONBUILD line itself is what to fix.
      if (instruction.onbuild) continue;
      findings.report(instruction.line_range,
                      "MAINTAINER is deprecated; write `LABEL "
                      "org.opencontainers.image.authors=\"…\"` instead",
                      bestpractice::maintainer_as_label(dockerfile, instruction));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::MaintainerDeprecated)
