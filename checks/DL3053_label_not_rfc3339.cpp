// DL3053: a label the label schema types `rfc3339` holds something that is not an RFC 3339
// date-time.
#include <cctype>
#include <optional>
#include <string_view>

#include "bestpractice/label_schema.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

// The number in `digits` characters at `at`, or nothing when one of them is not a digit.
std::optional<int> number_at(std::string_view text, std::size_t at, std::size_t digits) {
  if (at + digits > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + digits; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

// RFC 3339 section 5.6: full-date "T" partial-time time-offset, e.g. 2024-05-01T12:00:00Z or
// 2021-03-10T10:26:33.564595127+01:00. The separator and the Z may be lower case (5.6's note).
bool is_rfc3339_date_time(std::string_view text) {
  const auto year = number_at(text, 0, 4);
  const auto month = number_at(text, 5, 2);
  const auto day = number_at(text, 8, 2);
  const auto hour = number_at(text, 11, 2);
  const auto minute = number_at(text, 14, 2);
  const auto second = number_at(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second) return false;
  if (text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != 't')) return false;
  if (text[13] != ':' || text[16] != ':') return false;
  if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month)) return false;
  if (*hour > 23 || *minute > 59 || *second > 60) return false;  // 60: a leap second
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    const std::size_t digits_start = ++at;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at]))) ++at;
    if (at == digits_start) return false;
  }
  const std::string_view offset = text.substr(at);
  if (offset == "Z" || offset == "z") return true;
  if (offset.size() != 6 || (offset[0] != '+' && offset[0] != '-') || offset[3] != ':') {
    return false;
  }
  const auto offset_hour = number_at(offset, 1, 2);
  const auto offset_minute = number_at(offset, 4, 2);
  return offset_hour && offset_minute && *offset_hour <= 23 && *offset_minute <= 59;
}

}  // namespace

class LabelNotRfc3339 final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3053",
        .name = "label-not-rfc3339",
        .severity = Severity::warning,
        .summary = "A label the label schema types `rfc3339` is not an RFC 3339 date-time",
        .rationale =
            "The OCI image spec defines `org.opencontainers.image.created` as an RFC 3339 "
            "date-time, and tools that sort or expire images by it parse it as one. A local "
            "date such as `01/05/2024` or the output of plain `date` is ambiguous or "
            "unparseable for them.",
        .bad_example =
            "# with label-schema: {org.opencontainers.image.created: rfc3339}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.created=\"01/05/2024\"\n",
        .good_example =
            "# with label-schema: {org.opencontainers.image.created: rfc3339}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.created=\"2024-05-01T12:00:00Z\"\n",
        .fix = "Write the date-time with a time zone, e.g. from `date -u +%Y-%m-%dT%H:%M:%SZ`.",
        .differences =
            "Values made of a variable whose value is unknown are not judged (hadolint judges "
            "the text `$BUILD_DATE`), and ONBUILD LABEL values are checked too.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    bestpractice::report_invalid_label_values(
        facts, findings,
        {"rfc3339", is_rfc3339_date_time,
         "an RFC 3339 date-time with a time zone, e.g. 2024-05-01T12:00:00Z"});
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LabelNotRfc3339)
