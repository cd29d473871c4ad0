// BK003 DuplicateStageName: two stages named `AS build`.
#include <set>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class DuplicateStageName final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK003",
        .name = "DuplicateStageName",
        .severity = Severity::warning,
        .summary = "Stage names should be unique",
        .rationale =
            "`COPY --from=NAME`, `FROM NAME` and `--target NAME` must say which stage they mean. "
            "With two stages of one name the reader cannot tell, and BuildKit refuses the "
            "build. Stage names are compared without regard to case. (DL3024 is hadolint's rule "
            "for the same mistake.)",
        .bad_example =
            "FROM golang:1.23 AS build\nRUN go build ./...\nFROM node:22 AS build\n"
            "RUN npm ci\n",
        .good_example =
            "FROM golang:1.23 AS build-api\nRUN go build ./...\n"
            "FROM node:22 AS build-web\nRUN npm ci\n",
        .fix = "Rename one of the stages and the `--from` and `FROM` lines that use it.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    std::set<std::string_view> seen;
    for (const auto& stage : facts.dockerfile->stages) {
      if (stage.name.empty() || !stage.name_token) continue;
      if (seen.insert(stage.name).second) continue;
      findings.report(stage.name_token->range,
                      "Duplicate stage name \"" + stage.name + "\", stage names should be unique");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::DuplicateStageName)
