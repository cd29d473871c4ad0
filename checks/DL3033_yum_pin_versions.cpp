// DL3033: `yum install name` without a version installs whatever the repositories hold that day.
#include "bestpractice/rpm.h"
#include "core/check.h"

namespace dockvet::checks {

class YumPinVersions final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3033",
        .name = "yum-pin-versions",
        .severity = Severity::warning,
        .summary = "yum installs a package without a version",
        .rationale =
            "Without a version yum installs the newest build the repositories offer on the day "
            "of the build. Two builds of the same Dockerfile then ship different software, a "
            "rebuild can pull in a release that breaks the image, and a bug cannot be traced "
            "to the package version that caused it. `name-version` (`name-version-release`, "
            "`name-epoch:version`) fixes what gets installed; a module install names its "
            "stream (`nodejs:20`).",
        .bad_example = "FROM centos:7\nRUN yum install -y tomcat && yum clean all\n",
        .good_example = "FROM centos:7\nRUN yum install -y tomcat-7.0.76 && yum clean all\n",
        .fix =
            "Name the version: `yum install -y tomcat-7.0.76`, or `yum module install -y "
            "nodejs:20` for a module.",
        .differences =
            "dockvet leaves alone what has no version to pin (groups `@name`, a word that is "
            "wholly a variable such as `$PACKAGES`) and option values (`--enablerepo epel`), "
            "which hadolint reads as packages; takes a bound (`'nodejs >= 20'`), a glob "
            "(`nodejs-20*`), a command "
            "substitution (`kernel-devel-$(uname -r)`) or a variable with a default "
            "(`${V:-1.2}`) as the version; and counts a variable the RUN assigns itself as "
            "defined.",
        .reads_every_run = true,
        .run_triggers = {"yum"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    using bestpractice::rpm::Pin;
    const bestpractice::rpm::RunCommands commands(facts);
    for (const auto& unpinned :
         bestpractice::rpm::unpinned_words(facts, commands, {bestpractice::rpm::Manager::yum})) {
      const std::string text = unpinned.word->text();
      std::string message;
      if (unpinned.module) {
        message = "module `" + text + "` has no stream; name it, e.g. `" + text + ":<stream>`";
      } else if (unpinned.pin == Pin::undefined_pin) {
        message = "`" + text +
                  "` takes its version from a variable that no ARG or ENV before this RUN "
                  "defines, so the version is empty; declare it or write the version";
      } else {
        message = "`" + text + "` has no version; pin it, e.g. `" + text + "-<version>`";
      }
      findings.report(unpinned.word->range, std::move(message));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::YumPinVersions)
