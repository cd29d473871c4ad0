// DL3056: a label the label schema types `semver` holds something that is not a semantic
// version.
#include <cctype>
#include <string_view>

#include "bestpractice/label_schema.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

bool is_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// A numeric identifier: digits without a leading zero, or "0".
bool is_number(std::string_view text) {
  return is_digits(text) && (text.size() == 1 || text.front() != '0');
}

// Dot-separated identifiers of [0-9A-Za-z-], none empty; numeric ones without leading zeros
// when `numbers_strict` (pre-release identifiers; build metadata allows "001").
bool are_identifiers(std::string_view text, bool numbers_strict) {
  while (true) {
    const std::size_t dot = text.find('.');
    const std::string_view part = text.substr(0, dot);
    if (part.empty()) return false;
    for (char c : part) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    }
    if (numbers_strict && is_digits(part) && !is_number(part)) return false;
    if (dot == std::string_view::npos) return true;
    text.remove_prefix(dot + 1);
  }
}

// Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH[-pre.release][+build.metadata].
bool is_semver(std::string_view text) {
  const std::size_t plus = text.find('+');
  if (plus != std::string_view::npos) {
    if (!are_identifiers(text.substr(plus + 1), false)) return false;
    text = text.substr(0, plus);
  }
  const std::size_t dash = text.find('-');
  if (dash != std::string_view::npos) {
    if (!are_identifiers(text.substr(dash + 1), true)) return false;
    text = text.substr(0, dash);
  }
  for (int part = 0; part < 3; ++part) {
    const std::size_t dot = text.find('.');
    if ((part < 2) == (dot == std::string_view::npos)) return false;
    if (!is_number(text.substr(0, dot))) return false;
    if (dot != std::string_view::npos) text.remove_prefix(dot + 1);
  }
  return true;
}

}  // namespace

class LabelNotSemver final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3056",
        .name = "label-not-semver",
        .severity = Severity::warning,
        .summary = "A label the label schema types `semver` is not a semantic version",
        .rationale =
            "A version label typed `semver` promises MAJOR.MINOR.PATCH, so that tools can "
            "compare and sort image versions. `v1.2`, `1.2` or `latest` cannot be compared "
            "that way.",
        .bad_example =
            "# with label-schema: {org.opencontainers.image.version: semver}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.version=\"v1.4\"\n",
        .good_example =
            "# with label-schema: {org.opencontainers.image.version: semver}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.version=\"1.4.0\"\n",
        .fix =
            "Write the version as MAJOR.MINOR.PATCH, with an optional `-prerelease` and "
            "`+build` part (https://semver.org).",
        .differences =
            "Values made of a variable whose value is unknown are not judged (hadolint judges "
            "the text `$VERSION`), and ONBUILD LABEL values are checked too.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    bestpractice::report_invalid_label_values(
        facts, findings,
        {"semver", is_semver, "a semantic version such as 1.4.0 or 2.0.1-rc1 (no leading `v`)"});
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LabelNotSemver)
