// BK005 ExposeProtoCasing: `EXPOSE 53/UDP`.
#include <cctype>

#include "bestpractice/buildkit.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class ExposeProtoCasing final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK005",
        .name = "ExposeProtoCasing",
        .severity = Severity::warning,
        .summary = "Protocol in EXPOSE instruction should be lowercase",
        .rationale =
            "Docker lower-cases the protocol of an exposed port (`53/UDP` becomes `53/udp`), so "
            "upper case only makes the line differ from what `docker inspect` and compose "
            "files show.",
        .bad_example = "FROM alpine:3.20\nEXPOSE 53/UDP\n",
        .good_example = "FROM alpine:3.20\nEXPOSE 53/udp\n",
        .fix = "Write the protocol in lower case.",
        .differences = "A port whose value depends on an unknown ARG is not judged.",
        .fixes = FixAvailability::safe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.keyword != dockerfile::Keyword::expose || instruction.onbuild) continue;
      for (const auto& word : instruction.words) {
        if (!word.expanded_known) continue;
        const auto port = bestpractice::split_exposed_port(word.expanded);
        if (!port.valid) continue;
        std::string lowered = port.proto;
        for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lowered == port.proto) continue;
        std::optional<Fix> fix;
        if (word.raw == word.expanded) {
          fix = Fix::replace("write the protocol in lower case", word.range,
                             word.raw.substr(0, word.raw.size() - port.proto.size()) + lowered);
        }
        findings.report(
            word.range,
            "Defined protocol '" + word.expanded + "' in EXPOSE instruction should be lowercase",
            std::move(fix));
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ExposeProtoCasing)
