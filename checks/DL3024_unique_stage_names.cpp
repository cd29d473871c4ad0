// DL3024: `FROM node:22 AS build` twice — a stage name must name one stage.
#include <unordered_map>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class UniqueStageNames final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3024",
        .name = "unique-stage-names",
        .severity = Severity::error,
        .summary = "Two build stages have the same name",
        .rationale =
            "`COPY --from=NAME`, `FROM NAME` and `--target NAME` must say which stage they "
            "mean. BuildKit refuses to build a Dockerfile whose stage names repeat, and older "
            "builders silently took one of them, so the files copied depended on the builder.",
        .bad_example =
            "FROM golang:1.23 AS build\nRUN go build -o /out/api ./cmd/api\n"
            "FROM node:22.11 AS build\nRUN npm ci\n",
        .good_example =
            "FROM golang:1.23 AS build-api\nRUN go build -o /out/api ./cmd/api\n"
            "FROM node:22.11 AS build-web\nRUN npm ci\n",
        .fix = "Rename one of the stages and update the `--from` and `FROM` lines that use it.",
        .differences =
            "Stage names are compared without regard to case, as BuildKit compares them "
            "(`AS Build` and `AS build` are the same stage).",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    std::unordered_map<std::string_view, const dockerfile::Token*> first_use;
    for (const auto& stage : facts.dockerfile->stages) {
      if (stage.name.empty() || !stage.name_token) continue;
      const auto [earlier, added] = first_use.emplace(stage.name, &*stage.name_token);
      if (added) continue;
      const auto line = facts.file.lines.position(earlier->second->range.begin).line;
      findings.report(stage.name_token->range, "stage name `" + stage.name_token->raw +
                                                   "` is already used by the stage on line " +
                                                   std::to_string(line) +
                                                   "; give each stage its own name");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UniqueStageNames)
