// DL3022: `COPY --from=build` where no earlier stage is named `build`.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class CopyFromUnknownStage final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3022",
        .name = "copy-from-unknown-stage",
        .severity = Severity::warning,
        .summary = "COPY --from names no earlier build stage",
        .rationale =
            "`COPY --from` takes a stage name, a stage number or an image. A name that matches "
            "no stage defined above is pulled as an image instead: a typo in a stage name, or "
            "a stage defined further down, makes the build fetch `docker.io/library/<name>` "
            "and fail, or worse, copy files from an unrelated public image of that name. A "
            "stage defined further down is read as an image by the classic builder and other "
            "tools (BuildKit orders stages itself, moby/buildkit#532). A stage number counts "
            "the FROMs above from 0; a higher one refers to no stage.",
        .bad_example =
            "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n\nFROM debian:12.7\n"
            "COPY --from=biuld /out/app /usr/local/bin/app\n",
        .good_example =
            "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n\nFROM debian:12.7\n"
            "COPY --from=build /out/app /usr/local/bin/app\n",
        .fix =
            "Name a stage defined above (`FROM … AS name`), or write the image with its tag "
            "(`--from=nginx:1.27`) when an image is meant.",
        .differences =
            "A reference with a `/` is taken for an image as well as one with a `:` "
            "(`--from=ghcr.io/org/tools`), and a `--from` whose value comes from a variable "
            "without a known value is not judged. A reference to the stage's own number is left "
            "to DL3023.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      // An ONBUILD COPY --from names a stage of the later build that triggers it.
      if (instruction.keyword != dockerfile::Keyword::copy || instruction.onbuild) continue;
      const dockerfile::Flag* from = instruction.flag("from");
      if (from == nullptr || !from->value || !from->expanded_known) continue;
      if (instruction.stage_ref >= 0 || names_image(from->expanded)) continue;
      if (names_current_stage(*facts.dockerfile, instruction, from->expanded)) continue;
      findings.report(from->value_range, message(*facts.dockerfile, from->expanded));
    }
  }

 private:
  static bool names_image(std::string_view reference) {
    return reference.find_first_of(":/@") != std::string_view::npos;
  }

  static bool is_number(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text) {
      if (c < '0' || c > '9') return false;
    }
    return true;
  }

  // `--from` naming the stage it stands in is DL3023's finding.
  static bool names_current_stage(const dockerfile::Dockerfile& dockerfile,
                                  const dockerfile::Instruction& copy, std::string_view reference) {
    if (copy.stage < 0) return false;
    const dockerfile::Stage* named = dockerfile.stage(reference);
    return named != nullptr && named->index == copy.stage;
  }

  static std::string message(const dockerfile::Dockerfile& dockerfile,
                             const std::string& reference) {
    if (dockerfile.stage(reference) != nullptr && !is_number(reference)) {
      return "the stage `" + reference +
             "` is defined further down, where only BuildKit finds it (other builders pull an "
             "image of that name): move the stage above this COPY";
    }
    if (is_number(reference)) {
      return "`--from=" + reference +
             "` refers to no earlier stage: stage numbers count the FROMs above, from 0";
    }
    return "no stage above is named `" + reference +
           "`, so it is pulled as an image: name an earlier stage, or give the image its tag";
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::CopyFromUnknownStage)
