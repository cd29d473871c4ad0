// DV032: a compose file's `extends` or `include` names a file or service that cannot be read,
// or goes round in a circle.
#include "compose/compose.h"
#include "core/check.h"

namespace dockvet::checks {

class ComposeReferenceUnresolved final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = compose::unresolved_reference_code,
        .name = "compose-reference-unresolved",
        .severity = Severity::error,
        .summary =
            "A compose file's `extends` or `include` names a file or service that cannot be "
            "read, or goes round in a circle",
        .rationale =
            "`extends: {file: common.yml, service: base}` takes a service's settings from "
            "another file, and a top-level `include` adds another file's services to the "
            "project; both paths are relative to the file that names them. When that file is "
            "missing, unreadable or not YAML, when it has no such service, or when the "
            "references lead back to where they started, `docker compose` refuses to run the "
            "project. dockvet says so at the reference, and checks what it can read: a service "
            "whose base it could not read is judged on its own settings only, with any "
            "finding that depends on the missing part left out.",
        .bad_example =
            "services:\n"
            "  web:\n"
            "    extends:\n"
            "      file: common-services.yml\n"
            "      service: webapp\n",
        .good_example =
            "services:\n"
            "  web:\n"
            "    image: nginx:1.27\n",
        .fix =
            "Name a file that exists beside the compose file (paths are relative to it) and a "
            "service it defines, and break any circle of extends or includes.",
        .example_language = "yaml",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ComposeReferenceUnresolved)
