// DL3015: `apt-get install` without `--no-install-recommends` — recommended packages come too.
#include "bestpractice/apt_apk_gem.h"
#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// apt-get reads `--no-install-recommends`, `--install-recommends=no` and
// `-o APT::Install-Recommends=false` (or 0, no, off) as the same setting.
bool skips_recommends(const CommandLine& command) {
  for (const auto& argument : shell::arguments(command, bestpractice::kAptGetValueOptions)) {
    if (!argument.option) continue;
    if (argument.text == "--no-install-recommends") return true;
    if (argument.text.starts_with("--install-recommends=") &&
        bestpractice::apt_false(argument.text.substr(21))) {
      return true;
    }
  }
  for (const auto& [name, value] : bestpractice::apt_config_options(command)) {
    if (name == "apt::install-recommends" && bestpractice::apt_false(value)) return true;
  }
  return false;
}

}  // namespace

class AptGetNoInstallRecommends final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3015",
        .name = "apt-get-no-install-recommends",
        .severity = Severity::info,
        .summary = "`apt-get install` runs without `--no-install-recommends`",
        .rationale =
            "Debian and Ubuntu install a package's Recommends along with it by default: "
            "`apt-get install python3` also brings a compiler toolchain's worth of packages the "
            "image never uses. They make the image larger and slower to pull, and every one of "
            "them is more code for scanners to flag and attackers to use.",
        .bad_example =
            "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y "
            "curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\n",
        .good_example =
            "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y "
            "--no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\n",
        .fix =
            "Add `--no-install-recommends` and install the recommended packages you need by "
            "name. The automatic fix only adds the option, so it is unsafe: a package the image "
            "needs may have come only as a recommendation (`curl` without `ca-certificates` "
            "cannot fetch https URLs).",
        .differences =
            "hadolint accepts `-o APT::Install-Recommends=false` only when written exactly so; "
            "dockvet also takes `=0`, `=no`, `=off`, the name in any case, `-oAPT::…` and "
            "`--option`, and `--install-recommends=no`, as apt-get does. Findings point at "
            "`apt-get … install`, not the whole RUN.",
        .reads_every_run = true,
        .run_triggers = {"apt-get"},
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    const bestpractice::RunCommands commands(facts);
    for (const auto& ref : commands.all()) {
      const CommandLine& command = *ref.command;
      const Word* install = bestpractice::apt_get_subcommand(command, {"install"});
      if (install == nullptr || skips_recommends(command)) continue;
      // Unsafe: a package the image needs may come only as a recommendation (libcurl4
      // recommends ca-certificates, without which curl fails on every https URL).
      findings.report(
          bestpractice::command_head(command, *install),
          "`apt-get install` also installs the packages' recommendations; add "
          "`--no-install-recommends`",
          bestpractice::insert_after_word(facts, ref, *install, "--no-install-recommends", false));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::AptGetNoInstallRecommends)
