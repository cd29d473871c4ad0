// DL3057: an image without HEALTHCHECK — Docker only knows whether its process is alive.
#include "bestpractice/stage_images.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

using dockerfile::Dockerfile;

// For each stage, whether it or a stage it is built on declares a HEALTHCHECK (NONE counts: it
// is a decision). One pass in file order, since a stage only builds on earlier ones.
std::vector<bool> declares_healthcheck(const Dockerfile& dockerfile) {
  std::vector<bool> declared(dockerfile.stages.size(), false);
  for (const auto& instruction : dockerfile.instructions) {
    if (instruction.keyword == dockerfile::Keyword::healthcheck && !instruction.onbuild &&
        instruction.stage >= 0) {
      declared[static_cast<std::size_t>(instruction.stage)] = true;
    }
  }
  for (std::size_t stage = 0; stage < declared.size(); ++stage) {
    const int base = dockerfile.stages[stage].base_stage;
    if (base >= 0 && declared[static_cast<std::size_t>(base)]) declared[stage] = true;
  }
  return declared;
}

}  // namespace

class HealthcheckPresent final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3057",
        .name = "healthcheck-present",
        .severity = Severity::info,
        .summary = "The image declares no HEALTHCHECK",
        .rationale =
            "Without a health check Docker only knows whether the container's process is "
            "running, not whether it answers. A server that hangs, deadlocks or loses its "
            "database stays `running`: Swarm and `docker compose` with `depends_on: "
            "condition: service_healthy` keep sending it work or wait forever. Off by default, "
            "as in hadolint: Kubernetes ignores HEALTHCHECK and uses its own probes, and many "
            "base images already declare one.",
        .bad_example = "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n",
        .good_example =
            "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n"
            "HEALTHCHECK CMD [\"curl\", \"-fsS\", \"http://localhost/\"]\n",
        .fix =
            "Add `HEALTHCHECK CMD` with a command that fails when the service does not "
            "answer, or `HEALTHCHECK NONE` to state that the image has none on purpose.",
        .differences =
            "hadolint reports every stage that has no HEALTHCHECK and is not related to one "
            "through `FROM <stage>`, builder stages read only by `COPY --from` included. "
            "dockvet reports only the stages whose image runs (the last stage, and stages no "
            "later stage builds on, copies from or mounts), and counts a HEALTHCHECK only when "
            "the stage declares or inherits it.",
        .off_by_default = true,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const Dockerfile& dockerfile = *facts.dockerfile;
    const std::vector<bool> outputs = bestpractice::output_stages(dockerfile);
    const std::vector<bool> declared = declares_healthcheck(dockerfile);
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      if (!outputs[i] || declared[i]) continue;
      const auto& from =
          dockerfile.instructions[static_cast<std::size_t>(dockerfile.stages[i].from_instruction)];
      findings.report(from.line_range,
                      "this image declares no HEALTHCHECK, so Docker cannot tell a hung "
                      "service from a healthy one; add `HEALTHCHECK CMD …` (or `HEALTHCHECK "
                      "NONE` to opt out)");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::HealthcheckPresent)
