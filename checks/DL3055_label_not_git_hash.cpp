// DL3055: a label the label schema types `hash` holds something that is not a git commit hash.
#include <algorithm>
#include <string_view>

#include "bestpractice/label_schema.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

// A full commit id (40 hex digits, or 64 in a SHA-256 repository) or an abbreviation of one:
// git abbreviates to 7 digits at least, and to more as a repository grows.
bool is_git_hash(std::string_view text) {
  const bool hex = std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
  return hex && ((text.size() >= 7 && text.size() <= 40) || text.size() == 64);
}

}  // namespace

class LabelNotGitHash final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3055",
        .name = "label-not-git-hash",
        .severity = Severity::warning,
        .summary = "A label the label schema types `hash` is not a git commit hash",
        .rationale =
            "A revision label (`org.opencontainers.image.revision`) exists so that anyone can "
            "go from an image back to the exact commit it was built from. A branch name, a tag "
            "or `HEAD` moves on, so the label stops pointing at the code that is in the image.",
        .bad_example =
            "# with label-schema: {org.opencontainers.image.revision: hash}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.revision=\"main\"\n",
        .good_example =
            "# with label-schema: {org.opencontainers.image.revision: hash}\n"
            "FROM debian:12.7\n"
            "LABEL "
            "org.opencontainers.image.revision=\"43c572f1272b6b3171dd1db9e41b7027128ce080\"\n",
        .fix =
            "Pass the commit id at build time, e.g. `--build-arg GIT_SHA=$(git rev-parse "
            "HEAD)`, and label with it.",
        .differences =
            "Abbreviated hashes of 7 to 40 lower-case hex digits and 64-digit SHA-256 commit "
            "ids are accepted; hadolint accepts exactly 7 or 40 digits, though git abbreviates "
            "to more than 7 in large repositories. Values made of a variable whose value is "
            "unknown are not judged, and ONBUILD LABEL values are checked too.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    bestpractice::report_invalid_label_values(
        facts, findings,
        {"hash", is_git_hash,
         "a git commit hash: 40 lower-case hex digits (or an abbreviation of 7 or more)"});
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LabelNotGitHash)
