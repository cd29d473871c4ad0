// DV010 invalid-parser-directive: the Dockerfile front end met syntax that BuildKit rejects.
#include "core/check.h"

namespace dockvet {
namespace {

class InvalidParserDirective final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV010",
        .name = "invalid-parser-directive",
        .severity = Severity::error,
        .summary =
            "A parser directive at the top of the Dockerfile is repeated or has an invalid value",
        .rationale =
            "BuildKit reads `# syntax=`, `# escape=` and `# check=` only in the directive block at "
            "the top of the file, accepts each once, and accepts only a backslash or a backtick as "
            "the escape character. Anything else makes `docker build` fail before the first "
            "instruction runs.",
        .bad_example = "# escape=^\nFROM alpine:3.20",
        .good_example = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022",
        .fix = "Use each directive once, and set `escape` to `\\` or a backtick.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace
}  // namespace dockvet

DOCKVET_REGISTER_CHECK(dockvet::InvalidParserDirective)
