// DV030: a compose file or Kubernetes manifest that is not valid YAML.
#include "core/check.h"
#include "yaml/nodes.h"

namespace dockvet::checks {

class InvalidYaml final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = yaml::invalid_yaml_code,
        .name = "invalid-yaml",
        .severity = Severity::error,
        .summary = "A compose file or Kubernetes manifest is not valid YAML",
        .rationale =
            "`docker compose` and `kubectl` refuse a file they cannot parse, and dockvet cannot "
            "see the services or containers in it either, so none of its storage is checked. The "
            "finding points at "
            "where the YAML parser stopped; the other files are still linted.",
        .bad_example =
            "services:\n"
            "  db:\n"
            "    image: postgres:17\n"
            "    volumes: [pgdata:/var/lib/postgresql/data\n",
        .good_example =
            "services:\n"
            "  db:\n"
            "    image: postgres:17\n"
            "    volumes: [pgdata:/var/lib/postgresql/data]\n"
            "volumes:\n"
            "  pgdata:\n",
        .fix =
            "Correct the YAML where the message points; `docker compose config` or `kubectl "
            "apply --dry-run=client -f FILE` shows it too.",
        .example_language = "yaml",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::InvalidYaml)
