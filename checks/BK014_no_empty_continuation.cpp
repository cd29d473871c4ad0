// BK014 NoEmptyContinuation: an empty line inside a `\`-continued instruction.
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

bool blank(std::string_view line) {
  for (const char c : line) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  }
  return true;
}

}  // namespace

class NoEmptyContinuation final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK014",
        .name = "NoEmptyContinuation",
        .severity = Severity::warning,
        .summary = "Empty continuation lines will become errors in a future release",
        .rationale =
            "An empty line inside a continued instruction is skipped today, so the instruction "
            "goes on past it. That is easy to misread as the end of the instruction (a "
            "forgotten `\\` on the line before looks the same), and Docker has announced that "
            "such lines will become an error.",
        .bad_example =
            "FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y "
            "curl\n",
        .good_example =
            "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y "
            "curl\n",
        .fix = "Delete the empty line, or put a comment line there if it separates groups.",
        .differences =
            "BuildKit reports the instruction's last line; dockvet points at the first empty "
            "line itself. Like BuildKit, it reports one finding per instruction.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& lines = facts.file.lines;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.onbuild || instruction.pieces.size() < 2) continue;
      const std::uint32_t first = lines.position(instruction.line_range.begin).line;
      const std::uint32_t last =
          lines.position(instruction.pieces.back().begin).line;  // the last joined line
      for (std::uint32_t line = first + 1; line < last; ++line) {
        const ByteRange range{lines.line_start(line), lines.line_end(line)};
        if (!blank(facts.file.slice(range))) continue;
        findings.report({range.begin, range.begin}, "Empty continuation line");
        break;
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::NoEmptyContinuation)
