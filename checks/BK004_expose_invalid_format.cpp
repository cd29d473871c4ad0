// BK004 ExposeInvalidFormat: `EXPOSE 8080:80` or `EXPOSE 127.0.0.1:80:80` in a Dockerfile.
#include "bestpractice/buildkit.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class ExposeInvalidFormat final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK004",
        .name = "ExposeInvalidFormat",
        .severity = Severity::warning,
        .summary = "IP address and host-port mapping should not be used in EXPOSE instruction",
        .rationale =
            "EXPOSE documents which container ports the image listens on. Which host address "
            "and port they are published on is decided by whoever runs the container "
            "(`docker run -p`, a compose file); BuildKit ignores the host part here and will "
            "reject it in a future release.",
        .bad_example = "FROM nginx:1.27\nEXPOSE 8080:80\n",
        .good_example = "FROM nginx:1.27\nEXPOSE 80\n",
        .fix =
            "Keep only the container port (and protocol); publish it with `docker run -p "
            "8080:80`.",
        .differences = "A port whose value depends on an unknown ARG is not judged.",
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
        if (!port.valid || (port.ip.empty() && port.host_port.empty())) continue;
        findings.report(word.range,
                        "EXPOSE instruction should not define an IP address or host-port "
                        "mapping, found '" +
                            word.expanded + "'");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ExposeInvalidFormat)
