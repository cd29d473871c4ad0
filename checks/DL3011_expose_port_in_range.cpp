// DL3011: `EXPOSE 80000` — no TCP or UDP port is above 65535.
#include <charconv>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

constexpr unsigned long kHighestPort = 65535;

// The numbers of `port[/proto]` or `first-last[/proto]` that lie above the highest port; a part
// that is not a plain number (a variable, a typo) is another rule's business.
std::vector<std::string_view> ports_out_of_range(std::string_view spec) {
  spec = spec.substr(0, spec.find('/'));
  std::vector<std::string_view> out;
  while (true) {
    const auto dash = spec.find('-');
    const std::string_view number = spec.substr(0, dash);
    unsigned long value = 0;
    const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), value);
    const bool whole = error == std::errc{} && end == number.data() + number.size();
    if ((whole && value > kHighestPort) || error == std::errc::result_out_of_range) {
      out.push_back(number);
    }
    if (dash == std::string_view::npos) break;
    spec.remove_prefix(dash + 1);
  }
  return out;
}

}  // namespace

class ExposePortInRange final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3011",
        .name = "expose-port-in-range",
        .severity = Severity::error,
        .summary = "EXPOSE names a port above 65535",
        .rationale =
            "TCP and UDP ports are 16-bit numbers, 0 to 65535. A larger number is a typo, "
            "usually a digit too many, and nothing can listen on it: `docker run -P` fails to "
            "publish it and readers of the Dockerfile are told the wrong port.",
        .bad_example = "FROM nginx:1.27\nEXPOSE 80800\n",
        .good_example = "FROM nginx:1.27\nEXPOSE 8080\n",
        .fix = "Write the port the server listens on, between 0 and 65535.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.keyword != dockerfile::Keyword::expose || instruction.onbuild) continue;
      for (const auto& word : instruction.words) {
        if (!word.expanded_known) continue;
        const auto wrong = ports_out_of_range(word.expanded);
        if (wrong.empty()) continue;
        findings.report(word.range, "port " + std::string(wrong.front()) +
                                        " is out of range: ports go from 0 to 65535; expose "
                                        "the port the server listens on");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ExposePortInRange)
