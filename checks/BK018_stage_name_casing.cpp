// BK018 StageNameCasing: `FROM node:22 AS Build`.
#include <cctype>
#include <string>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class StageNameCasing final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK018",
        .name = "StageNameCasing",
        .severity = Severity::warning,
        .summary = "Stage names should be lowercase",
        .rationale =
            "BuildKit lower-cases stage names before it compares them, so `AS Build`, "
            "`--from=build` and `--target BUILD` all mean one stage. Writing the name in lower "
            "case everywhere keeps the file honest about that, and keeps `grep` working.",
        .bad_example =
            "FROM golang:1.23 AS Build\nRUN go build -o /out/app .\nFROM alpine:3.20\n"
            "COPY --from=Build /out/app /usr/local/bin/\n",
        .good_example =
            "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n"
            "FROM alpine:3.20\nCOPY --from=build /out/app /usr/local/bin/\n",
        .fix = "Write the stage name in lower case (references to it may keep any case).",
        .fixes = FixAvailability::safe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& stage : facts.dockerfile->stages) {
      if (!stage.name_token) continue;
      const std::string& written = stage.name_token->raw;
      std::string lowered = written;
      for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lowered == written) continue;
      findings.report(
          stage.name_token->range, "Stage name '" + written + "' should be lowercase",
          Fix::replace("write the stage name in lower case", stage.name_token->range, lowered));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::StageNameCasing)
