// DL3037: `zypper install name` without a version installs whatever the repositories hold that
// day.
#include "bestpractice/rpm.h"
#include "core/check.h"

namespace dockvet::checks {

class ZypperPinVersions final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3037",
        .name = "zypper-pin-versions",
        .severity = Severity::warning,
        .summary = "zypper installs a package without a version",
        .rationale =
            "Without a version zypper installs the newest build the repositories offer on the "
            "day of the build. Two builds of the same Dockerfile then ship different software, "
            "a rebuild can pull in a release that breaks the image, and a bug cannot be traced "
            "to the package version that caused it. `name=version` (or a bound such as "
            "`name>=version`, quoted or escaped for the shell) fixes what gets installed.",
        .bad_example = "FROM opensuse/leap:15.6\nRUN zypper install -y tomcat && zypper clean\n",
        .good_example =
            "FROM opensuse/leap:15.6\nRUN zypper install -y tomcat=9.0.89 && zypper clean\n",
        .fix = "Name the version: `zypper install -y tomcat=9.0.89`.",
        .differences =
            "dockvet also takes `name-version` (which zypper resolves as well) as a pin, "
            "leaves alone patterns, patches and products (`-t pattern`, `pattern:name`), a "
            "word that is wholly a variable (`$PACKAGES`) and option values (`--repo oss`), "
            "which hadolint reads as packages.",
        .reads_every_run = true,
        .run_triggers = {"zypper"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    using bestpractice::rpm::Pin;
    const bestpractice::rpm::RunCommands commands(facts);
    for (const auto& unpinned :
         bestpractice::rpm::unpinned_words(facts, commands, {bestpractice::rpm::Manager::zypper})) {
      const std::string text = unpinned.word->text();
      std::string message;
      if (unpinned.pin == Pin::undefined_pin) {
        message = "`" + text +
                  "` takes its version from a variable that no ARG or ENV before this RUN "
                  "defines, so the version is empty; declare it or write the version";
      } else {
        message = "`" + text + "` has no version; pin it, e.g. `" + text + "=<version>`";
      }
      findings.report(unpinned.word->range, std::move(message));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ZypperPinVersions)
