// BK012 MaintainerDeprecated: `MAINTAINER jane@example.com` is BuildKit-deprecated; a LABEL
// carries the author.
#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class BuildKitMaintainerDeprecated final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK012",
        .name = "MaintainerDeprecated",
        .severity = Severity::warning,
        .summary =
            "The MAINTAINER instruction is deprecated; use a label to name the image's "
            "author",
        .rationale =
            "MAINTAINER sets the image's legacy `Author` field, which registries and tools no "
            "longer show. `docker build --check` warns about it; the OCI label "
            "`org.opencontainers.image.authors` says the same where scanners, registries and "
            "`docker inspect` read it. (DL4000 is hadolint's rule for the same mistake; both "
            "run, as they do for a team that uses hadolint and `docker build --check`.)",
        .bad_example = "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n",
        .good_example =
            "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"jane@example.com\"\n",
        .fix = "Replace it with `LABEL org.opencontainers.image.authors=\"…\"`.",
        .fixes = FixAvailability::safe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      // BuildKit lints an ONBUILD trigger only in the build that runs it.
      if (instruction.keyword != dockerfile::Keyword::maintainer || instruction.onbuild) continue;
      findings.report(instruction.line_range,
                      "Maintainer instruction is deprecated in favor of using label",
                      bestpractice::maintainer_as_label(*facts.dockerfile, instruction));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::BuildKitMaintainerDeprecated)
