// DV031: a Helm template, which is not YAML until Helm renders it, was skipped.
#include "core/check.h"
#include "kubernetes/manifests.h"

namespace dockvet::checks {

class HelmTemplateNotLinted final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = kubernetes::helm_template_code,
        .name = "helm-template-not-linted",
        .severity = Severity::info,
        .summary = "A Helm template was skipped: it is not YAML until Helm renders it",
        .rationale =
            "A chart's templates mix Go template actions (`{{ if … }}`, `{{ .Values.x }}`) into "
            "the YAML, so what a container mounts depends on values dockvet cannot see, and "
            "the text often does not parse as YAML at all. Rather than guess, dockvet reads no "
            "container in such a file and says so once, at the first action, so that a file it "
            "skipped is not mistaken for one it found clean. The rendered output is plain "
            "Kubernetes YAML that dockvet reads fully.",
        .bad_example =
            "apiVersion: apps/v1\n"
            "kind: StatefulSet\n"
            "metadata:\n"
            "  name: {{ include \"db.fullname\" . }}\n"
            "spec:\n"
            "  template:\n"
            "    spec:\n"
            "      containers:\n"
            "        - name: db\n"
            "          image: \"postgres:{{ .Values.tag }}\"\n",
        .good_example =
            "# helm template my-release ./chart > rendered.yaml\n"
            "apiVersion: apps/v1\n"
            "kind: StatefulSet\n"
            "metadata:\n"
            "  name: my-release-db\n"
            "spec:\n"
            "  template:\n"
            "    spec:\n"
            "      containers:\n"
            "        - name: db\n"
            "          image: \"postgres:17\"\n",
        .fix =
            "Lint what Helm renders: `helm template RELEASE CHART | dockvet --kind kubernetes "
            "-`; to silence the note, ignore DV031 for the chart's folder in `.dockvet.yaml`.",
        .example_language = "yaml",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::HelmTemplateNotLinted)
