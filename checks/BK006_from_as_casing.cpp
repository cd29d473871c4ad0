// BK006 FromAsCasing: `FROM node:22 as build` (or `from node:22 AS build`).
#include <cctype>
#include <string>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

std::string recased(std::string_view text, bool to_upper) {
  std::string out(text);
  for (char& c : out) {
    const auto byte = static_cast<unsigned char>(c);
    c = static_cast<char>(to_upper ? std::toupper(byte) : std::tolower(byte));
  }
  return out;
}

}  // namespace

class FromAsCasing final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK006",
        .name = "FromAsCasing",
        .severity = Severity::warning,
        .summary = "The 'as' keyword should match the case of the 'from' keyword",
        .rationale =
            "`FROM image as name` mixes two casings in one instruction; the keywords are "
            "case-insensitive, so the mix only makes the line harder to scan. BuildKit wants "
            "`AS` with `FROM` and `as` with `from`.",
        .bad_example = "FROM golang:1.23 as build\n",
        .good_example = "FROM golang:1.23 AS build\n",
        .fix = "Write `AS` in the casing of `FROM`.",
        .differences =
            "Like BuildKit, a `From` written in mixed case is left to ConsistentInstructionCasing "
            "(BK001) and not judged here.",
        .fixes = FixAvailability::safe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.keyword != dockerfile::Keyword::from || instruction.onbuild) continue;
      if (instruction.words.size() < 3) continue;
      const std::string& from = instruction.name;
      const bool from_lower = from == recased(from, false);
      const bool from_upper = from == recased(from, true);
      if (!from_lower && !from_upper) continue;
      const dockerfile::Token& as = instruction.words[1];
      const std::string wanted = recased(as.raw, from_upper);
      if (wanted == as.raw) continue;
      findings.report(as.range, "'" + as.raw + "' and '" + from + "' keywords' casing do not match",
                      Fix::replace("write " + wanted, as.range, wanted));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::FromAsCasing)
