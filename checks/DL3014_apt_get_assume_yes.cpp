// DL3014: `apt-get install curl` without `-y` — the build stops at apt-get's question.
#include <string>

#include "bestpractice/apt_apk_gem.h"
#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// apt-get answers its own question when told to (`-y`, `--yes`, `--assume-yes`,
// `-o APT::Get::Assume-Yes=true`) and at quiet level 2 or more (`-qq`, `-q -q`, `-q=2`,
// `--quiet --quiet`), which its manual says implies -y.
bool answers_yes(const CommandLine& command) {
  int quiet_level = 0;
  for (const auto& argument : shell::arguments(command, bestpractice::kAptGetValueOptions)) {
    if (!argument.option) continue;
    const std::string& text = argument.text;
    if (text == "--yes" || text == "--assume-yes") return true;
    if (text == "--quiet") {
      ++quiet_level;
    } else if (text.starts_with("--quiet=") || text.starts_with("-q=")) {
      const std::string level = text.substr(text.find('=') + 1);
      if (!level.empty() && level.find_first_not_of("0123456789") == std::string::npos) {
        quiet_level += std::stoi(level.substr(0, 3));
      }
    } else if (!text.starts_with("--")) {
      for (std::size_t i = 1; i < text.size(); ++i) {
        // The rest of a cluster after an option that takes a value is that value (`-tbookworm`).
        if (std::string_view("otcaP").find(text[i]) != std::string_view::npos) break;
        if (text[i] == 'y') return true;
        if (text[i] == 'q') ++quiet_level;
      }
    }
  }
  if (quiet_level >= 2) return true;
  for (const auto& [name, value] : bestpractice::apt_config_options(command)) {
    if (name == "apt::get::assume-yes" && bestpractice::apt_true(value)) return true;
  }
  return false;
}

}  // namespace

class AptGetAssumeYes final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3014",
        .name = "apt-get-assume-yes",
        .severity = Severity::warning,
        .summary = "`apt-get install` runs without `-y`",
        .rationale =
            "Unless told otherwise, `apt-get install` asks 'Do you want to continue? [Y/n]' "
            "whenever it installs more than the packages named. A build has no one to answer: "
            "apt-get reads end of input, prints 'Abort.' and fails the RUN, often only after a "
            "base image update adds a dependency.",
        .bad_example =
            "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install --no-install-recommends "
            "curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\n",
        .good_example =
            "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y "
            "--no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\n",
        .fix = "Add `-y` (or `--yes`) to the `apt-get install` command.",
        .differences =
            "Besides hadolint's `-y`, `--yes`, `--assume-yes` and quiet level 2, dockvet takes "
            "`-o APT::Get::Assume-Yes=true` and quiet levels above 2 (`-qqq`, `-q=3`) as "
            "answering, as apt-get does, and points at `apt-get … install` rather than the whole "
            "RUN.",
        .reads_every_run = true,
        .run_triggers = {"apt-get"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    const bestpractice::RunCommands commands(facts);
    for (const auto& ref : commands.all()) {
      const CommandLine& command = *ref.command;
      const Word* install = bestpractice::apt_get_subcommand(command, {"install"});
      if (install == nullptr || answers_yes(command)) continue;
      findings.report(bestpractice::command_head(command, *install),
                      "`apt-get install` without `-y` stops at its confirmation question and "
                      "aborts the build; add `-y`");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::AptGetAssumeYes)
