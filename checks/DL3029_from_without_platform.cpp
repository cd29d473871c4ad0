// DL3029: `FROM --platform=linux/amd64 node:22` — a fixed platform defeats multi-platform builds.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class FromWithoutPlatform final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3029",
        .name = "from-without-platform",
        .severity = Severity::warning,
        .summary = "FROM pins a platform with --platform",
        .rationale =
            "A fixed `--platform` makes the stage use that platform's image whatever the "
            "build targets: `docker buildx build --platform linux/arm64` then ships amd64 binaries "
            "in the "
            "arm64 image, which fail with `exec format error` or run slowly under emulation, "
            "and a single-platform build on an arm64 machine emulates amd64 for every step. The "
            "build's `--platform` option is the place to "
            "choose platforms; in a Dockerfile, `$BUILDPLATFORM` (for cross-compiling "
            "stages) and `$TARGETPLATFORM` follow it.",
        .bad_example = "FROM --platform=linux/amd64 node:22.11\n",
        .good_example =
            "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n"
            "FROM node:22.11\n",
        .fix =
            "Drop the flag and pass `--platform` to `docker build`, or use "
            "`$BUILDPLATFORM` for a stage that cross-compiles.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.keyword != dockerfile::Keyword::from || instruction.onbuild) continue;
      const auto* platform = instruction.flag("platform");
      if (platform == nullptr) continue;
      const std::string value = platform->value.value_or("");
      // The build's own platform variables follow `docker build --platform`.
      if (value.find("BUILDPLATFORM") != std::string::npos ||
          value.find("TARGETPLATFORM") != std::string::npos) {
        continue;
      }
      findings.report(platform->range,
                      "`" + std::string(facts.file.slice(platform->range)) +
                          "` fixes the stage's platform whatever the build targets; drop it and "
                          "choose platforms with `docker build --platform`, or use "
                          "$BUILDPLATFORM for a cross-compiling stage");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::FromWithoutPlatform)
