// DV012 unterminated-heredoc: the Dockerfile front end met syntax that BuildKit rejects.
#include "core/check.h"

namespace dockvet {
namespace {

class UnterminatedHeredoc final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV012",
        .name = "unterminated-heredoc",
        .severity = Severity::error,
        .summary = "A heredoc opened in RUN, COPY or ADD is never closed by its delimiter line",
        .rationale =
            "BuildKit reads every line after `<<EOF` as the heredoc's body until a line that is "
            "exactly the delimiter (after leading tabs for `<<-`). Without it the build fails, and "
            "the lines meant as instructions would have become part of the script. dockvet reports "
            "it and reads the following lines as instructions.",
        .bad_example = "FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF \nCMD [\"sh\"]",
        .good_example = "FROM alpine:3.20\nRUN <<EOF\napk add --no-cache curl\nEOF\nCMD [\"sh\"]",
        .fix = "Add a line holding exactly the delimiter (no spaces around it) after the body.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    report_front_end_issues(meta().code, facts, findings);
  }
};

}  // namespace
}  // namespace dockvet

DOCKVET_REGISTER_CHECK(dockvet::UnterminatedHeredoc)
