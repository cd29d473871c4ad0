// DL3008: `apt-get install curl` — a package installed without a version.
#include "bestpractice/apt_apk_gem.h"
#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// A word apt-get installs at a known version or from a chosen file or release: `curl=8.5.0-2`,
// `curl=${CURL_VERSION}`, `./tool.deb`, `curl/bookworm-backports`; `curl-` removes a package.
bool pinned_or_not_a_package_name(const Word& word) {
  const std::string text = word.text();
  if (text.find('=') != std::string::npos || text.find('/') != std::string::npos) return true;
  if (text.ends_with(".deb") || text.ends_with('-')) return true;
  // A word built from a variable (`$PACKAGES`, `python${PY}`) may carry its own pin.
  return !word.known();
}

}  // namespace

class AptGetPinVersions final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3008",
        .name = "apt-get-pin-versions",
        .severity = Severity::warning,
        .summary = "A package in `apt-get install` has no pinned version",
        .rationale =
            "Without a version, `apt-get install curl` installs whatever the mirror holds on the "
            "day of the build: two builds of the same Dockerfile can ship different software, a "
            "rebuild can pull in a breaking change, and the layer cache hides which version an "
            "image really has. Pinning `curl=<version>` makes the build repeatable and makes a "
            "version change a visible edit.",
        .bad_example =
            "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y "
            "--no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*\n",
        .good_example =
            "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y "
            "--no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\n",
        .fix =
            "Write each package as `name=version` (`apt-cache policy name` shows the candidate "
            "version); a trailing `*` (`curl=7.88.*`) pins a series.",
        .differences =
            "Each unpinned package is reported at its own line and column, not once per RUN. A "
            "package word built from a variable (`$PACKAGES`, `python${PY_VERSION}`) is not "
            "reported, since the variable may hold the pin; `pkg=${VERSION}` counts as pinned, "
            "as in hadolint. Heredoc RUNs are checked like any other RUN, and `pkg-` (which "
            "tells apt-get to remove the package) is not a package to pin.",
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
      if (install == nullptr) continue;
      for (const Word* package : shell::operands(command, bestpractice::kAptGetValueOptions)) {
        if (package == install || pinned_or_not_a_package_name(*package)) continue;
        const std::string name = package->text();
        findings.report(
            package->range,
            "`" + name + "` is installed without a version: pin it as `" + name + "=<version>`");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::AptGetPinVersions)
