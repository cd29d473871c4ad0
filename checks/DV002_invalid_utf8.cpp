// DV002 invalid-utf8: the file is not valid UTF-8.
#include "core/check.h"

namespace dockvet {
namespace {

class InvalidUtf8 final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV002",
        .name = "invalid-utf8",
        .severity = Severity::warning,
        .summary = "The file holds bytes that are not valid UTF-8",
        .rationale =
            "BuildKit, shells and most editors read container definitions as UTF-8. A stray "
            "Latin-1 byte or a truncated multi-byte character turns into a replacement character "
            "or a parse error in some of them, often inside a path or a password. dockvet lints "
            "the rest of the file and points at the first bad byte.",
        .bad_example = "LABEL maintainer=\"Ren\\xe9\"   # a Latin-1 byte",
        .good_example = "LABEL maintainer=\"René\"      # saved as UTF-8",
        .fix = "Re-save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`).",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace
}  // namespace dockvet

DOCKVET_REGISTER_CHECK(dockvet::InvalidUtf8)
