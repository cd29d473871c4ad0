// BK001 ConsistentInstructionCasing: `From` or a lone `copy` among upper-case instructions.
#include <cctype>
#include <string>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// The instructions BuildKit counts and judges: those of its build stages (FROM and what follows
// it), with an ONBUILD counted once under its own name. ARGs before the first FROM are not part
// of a stage, and an unknown keyword stops BuildKit before it lints.
bool judged(const dockerfile::Instruction& instruction) {
  return instruction.stage >= 0 && !instruction.onbuild &&
         instruction.keyword != dockerfile::Keyword::unknown;
}

}  // namespace

class ConsistentInstructionCasing final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK001",
        .name = "ConsistentInstructionCasing",
        .severity = Severity::warning,
        .summary = "Instructions should all be written in one casing, upper or lower",
        .rationale =
            "Instruction keywords are case-insensitive, but a file that mixes `RUN` and `run`, "
            "or writes `From`, reads as if the odd ones meant something else. BuildKit takes "
            "the casing most instructions use as the file's and warns about the others.",
        .bad_example =
            "FROM alpine:3.20\ncopy app.sh /usr/local/bin/\nRUN chmod +x "
            "/usr/local/bin/app.sh\n",
        .good_example =
            "FROM alpine:3.20\nCOPY app.sh /usr/local/bin/\nRUN chmod +x "
            "/usr/local/bin/app.sh\n",
        .fix = "Write the keyword in the casing of the rest of the file.",
        .fixes = FixAvailability::safe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& instructions = facts.dockerfile->instructions;
    int lower_count = 0, upper_count = 0;
    for (const auto& instruction : instructions) {
      if (!judged(instruction)) continue;
      if (instruction.name == lower(instruction.name)) {
        ++lower_count;
      } else if (instruction.name == upper(instruction.name)) {
        ++upper_count;
      }
    }
    // A tie goes to upper case, as in BuildKit.
    const bool majority_lower = lower_count > upper_count;
    for (const auto& instruction : instructions) {
      if (!judged(instruction)) continue;
      const std::string wanted = majority_lower ? lower(instruction.name) : upper(instruction.name);
      if (wanted == instruction.name) continue;
      findings.report(instruction.name_range,
                      "Command '" + instruction.name +
                          "' should match the case of the command majority (" +
                          (majority_lower ? "lowercase" : "uppercase") + ")",
                      Fix::replace("write " + wanted, instruction.name_range, wanted));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ConsistentInstructionCasing)
