// DL3026: `FROM random.example/debian:12` when the project trusts only some registries.
#include "bestpractice/stage_images.h"
#include "config/settings.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

using dockerfile::Dockerfile;
using dockerfile::Keyword;

// hadolint's patterns: `*` trusts every registry, `*.example.com` a suffix, `registry.*` a
// prefix, anything else one host exactly.
bool pattern_matches(std::string_view pattern, std::string_view registry) {
  if (pattern == "*") return true;
  if (pattern.starts_with('*')) return registry.ends_with(pattern.substr(1));
  if (pattern.ends_with('*')) return registry.starts_with(pattern.substr(0, pattern.size() - 1));
  return registry == pattern;
}

bool trusted(std::span<const std::string> patterns, std::string_view registry) {
  for (const auto& pattern : patterns) {
    if (pattern_matches(pattern, registry)) return true;
  }
  return false;
}

// The registry an image comes from, or nullopt when a variable hides it. An image named
// without a host comes from Docker Hub, which users trust as `docker.io` or `hub.docker.com`.
struct Origin {
  std::string registry;
  bool docker_hub = false;
};

std::optional<Origin> origin_of(const bestpractice::WrittenReference& ref) {
  if (ref.registry) {
    if (ref.registry->find('$') != std::string::npos) return std::nullopt;
    return Origin{*ref.registry, false};
  }
  // Without a host, a variable at the start may still supply one.
  if (ref.name.starts_with('$')) return std::nullopt;
  return Origin{"docker.io", true};
}

}  // namespace

class TrustedRegistry final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3026",
        .name = "trusted-registry",
        .severity = Severity::error,
        .summary = "An image comes from a registry the project does not trust",
        .rationale =
            "Every base image, `COPY --from` image and mounted image runs or ships code in the "
            "build. Projects that pull only from registries they control or vet (a company "
            "mirror, a scanned registry) list them in `trusted-registries`; an image from "
            "anywhere else bypasses that review, and a typo in a host name can pull an "
            "attacker's image. The rule does nothing until registries are configured.",
        .bad_example =
            "# trusted-registries: [registry.example.com]\nFROM "
            "quay.io/example/app:1.4\n",
        .good_example =
            "# trusted-registries: [registry.example.com]\nFROM "
            "registry.example.com/example/app:1.4\n",
        .fix =
            "Pull the image through a trusted registry (mirror it there first), or add the "
            "registry to `trusted-registries` in the configuration once it is vetted.",
        .differences =
            "hadolint reads `COPY --from=0` (a stage index) as a Docker Hub image, and an image "
            "whose registry is a variable (`FROM ${REGISTRY}/app:1`) as a Docker Hub image too; "
            "dockvet knows the first is a stage and does not guess the second. A variable "
            "with a known default (a global ARG) is expanded as the build expands it.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr || facts.settings == nullptr) return;
    const auto& patterns = facts.settings->trusted_registries;
    if (patterns.empty()) return;
    const Dockerfile& dockerfile = *facts.dockerfile;
    for (const auto& stage : dockerfile.stages) {
      if (stage.base_stage >= 0) continue;
      check_image(stage.base.expanded_known ? stage.base.expanded : stage.base.raw,
                  stage.base.range, patterns, findings);
    }
    for (const auto& instruction : dockerfile.instructions) {
      if (instruction.onbuild) continue;
      if (instruction.keyword == Keyword::copy || instruction.keyword == Keyword::add) {
        const auto* from = instruction.flag("from");
        if (from == nullptr || !from->value || instruction.stage_ref >= 0) continue;
        if (names_stage(dockerfile, from->expanded_known ? from->expanded : *from->value)) {
          continue;
        }
        check_image(from->expanded_known ? from->expanded : *from->value, from->value_range,
                    patterns, findings);
      } else if (instruction.keyword == Keyword::run) {
        for (const auto& flag : instruction.flags) {
          if (flag.name != "mount" || !flag.value) continue;
          const auto source = bestpractice::mount_source(*flag.value);
          if (!source || names_stage(dockerfile, *source)) continue;
          check_image(*source, flag.value_range, patterns, findings);
        }
      }
    }
  }

 private:
  // A stage name, an index, or `scratch`/`context`-like sources that are no image to pull.
  static bool names_stage(const Dockerfile& dockerfile, std::string_view source) {
    return dockerfile.stage(source) != nullptr || source == "scratch";
  }

  static void check_image(std::string_view text, ByteRange range,
                          std::span<const std::string> patterns, Findings& findings) {
    if (text.empty()) return;
    const auto ref = bestpractice::split_written_reference(text);
    if (ref.name == "scratch") return;
    const auto origin = origin_of(ref);
    if (!origin) return;
    if (trusted(patterns, origin->registry)) return;
    if (origin->docker_hub && trusted(patterns, "hub.docker.com")) return;
    const std::string where =
        origin->docker_hub ? "Docker Hub (docker.io)" : "registry " + origin->registry;
    findings.report(range, "`" + ref.text + "` comes from " + where +
                               ", which is not in trusted-registries; pull it from a trusted "
                               "registry or add that registry to the list");
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::TrustedRegistry)
