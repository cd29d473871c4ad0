// DV001 binary-input: a file that dockvet was asked to lint holds binary data.
#include "core/check.h"

namespace dockvet {
namespace {

class BinaryInput final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV001",
        .name = "binary-input",
        .severity = Severity::info,
        .summary = "A file named like a container definition holds binary data and was not linted",
        .rationale =
            "A NUL byte in the first 8000 bytes (git's own test for binary content) means the file "
            "is not text: Docker would refuse it as a Dockerfile and no shell would run it. "
            "dockvet says so instead of silently reporting nothing, so a corrupted or "
            "mis-named file does not pass as clean.",
        .bad_example = "Dockerfile containing the bytes of a gzip archive",
        .good_example = "FROM alpine:3.20\nRUN apk add --no-cache curl",
        .fix =
            "Restore the file's text, rename it so that dockvet's discovery skips it, or "
            "exclude it with an ignore in .dockvet.yaml.",
        .example_language = "text",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace
}  // namespace dockvet

DOCKVET_REGISTER_CHECK(dockvet::BinaryInput)
