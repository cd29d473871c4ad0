// DL3018: `apk add curl` — a package installed without a version.
#include "bestpractice/apt_apk_gem.h"
#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// apk takes a version constraint after the name (`curl=8.5.0-r0`, `curl~8.5`, `curl>=8`,
// `curl<9`) and installs a local `.apk` file as it is.
bool pinned_or_a_file(const Word& word) {
  const std::string text = word.text();
  if (text.find_first_of("=~<>") != std::string::npos) return true;
  if (text.ends_with(".apk")) return true;
  // A word built from a variable (`$PACKAGES`, `py3-${MODULE}`) may carry its own pin.
  return !word.known();
}

}  // namespace

class ApkAddPinVersions final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3018",
        .name = "apk-add-pin-versions",
        .severity = Severity::warning,
        .summary = "A package in `apk add` has no pinned version",
        .rationale =
            "Without a version, `apk add curl` installs whatever the Alpine mirror holds on the "
            "day of the build: two builds of the same Dockerfile can ship different software, "
            "and the layer cache hides which version an image really has. A constraint such as "
            "`curl=8.9.1-r2` or `curl~8.9` makes the build repeatable and a version change a "
            "visible edit.",
        .bad_example = "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
        .good_example = "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n",
        .fix =
            "Write each package with a version constraint: `name=version` for one build, "
            "`name~version` for a series (`apk policy name` shows what is available).",
        .differences =
            "Each unpinned package is reported at its own line and column, not once per RUN. A "
            "package word built from a variable (`$PACKAGES`) is not reported, since the "
            "variable may hold the pin; heredoc RUNs are checked like any other RUN.",
        .reads_every_run = true,
        .run_triggers = {"apk"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    const bestpractice::RunCommands commands(facts);
    for (const auto& ref : commands.all()) {
      const CommandLine& command = *ref.command;
      const Word* add = bestpractice::apk_subcommand(command, {"add"});
      if (add == nullptr) continue;
      for (const Word* package : shell::operands(command, bestpractice::kApkValueOptions)) {
        if (package == add || pinned_or_a_file(*package)) continue;
        const std::string name = package->text();
        findings.report(package->range, "`" + name +
                                            "` is installed without a version: pin it as `" + name +
                                            "=<version>` or `" + name + "~<version>`");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ApkAddPinVersions)
