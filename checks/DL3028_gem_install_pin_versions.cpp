// DL3028: `gem install bundler` — a gem installed without a version.
#include <algorithm>
#include <string>
#include <vector>

#include "bestpractice/apt_apk_gem.h"
#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// `gem install` options that take the next word as their value.
constexpr std::string_view kValueOptions =
    "-v --version -i --install-dir -n --bindir --platform -s --source -p --http-proxy -P "
    "--trust-policy --build-root -g --file --config-file -B --bulk-threshold "
    "--target-rbconfig";

// `gem install` options that take no value. An option in neither list is not one gem knows;
// like hadolint, the word after it is taken for its value rather than for a gem.
constexpr std::string_view kFlagOptions =
    "-N --no-document --document --no-ri --no-rdoc -f --force --no-force -w --wrappers "
    "--no-wrappers -E --env-shebang --no-env-shebang -l --local -r --remote -b --both "
    "--clear-sources --ignore-dependencies --conservative --minimal-deps --development "
    "--development-all --user-install --no-user-install --prerelease --pre --no-prerelease "
    "--default --explain --lock --no-lock --suggestions --no-suggestions "
    "--post-install-message --no-post-install-message --vendor --format-executable "
    "--no-format-executable -q --quiet -V --verbose --no-verbose --silent --backtrace "
    "--debug --norc -u --update-sources --no-update-sources --no-http-proxy";

// Whether `name` is one of the space-separated `names`.
bool listed(std::string_view name, std::string_view names) {
  while (!names.empty()) {
    const std::size_t space = std::min(names.find(' '), names.size());
    if (names.substr(0, space) == name) return true;
    names.remove_prefix(std::min(space + 1, names.size()));
  }
  return false;
}

// The gem operands of `gem install|i`, or nothing when the command is not one or gives
// `-v`/`--version`, which applies to the gems it installs. Words after `--` go to the gems'
// build scripts.
std::vector<const Word*> unversioned_gem_operands(const CommandLine& command) {
  if (shell::program_name(command) != "gem") return {};
  std::vector<const Word*> gems;
  bool install = false;
  for (std::size_t i = 1; i < command.words.size(); ++i) {
    const Word& word = command.words[i];
    const std::string text = word.text();
    if (text == "--") break;
    if (text.size() > 1 && text.front() == '-') {
      const std::string name = text.substr(0, text.find('='));
      if (name == "-v" || name == "--version" || (text.starts_with("-v") && text.size() > 2)) {
        return {};
      }
      const bool glued = text.find('=') != std::string::npos;
      if (!glued && !listed(name, kFlagOptions) && i + 1 < command.words.size() &&
          (listed(name, kValueOptions) || !command.words[i + 1].text().starts_with("-"))) {
        ++i;
      }
      continue;
    }
    if (!install) {
      if (!word.known() || (text != "install" && text != "i")) return {};
      install = true;
      continue;
    }
    gems.push_back(&word);
  }
  return gems;
}

// `bundler:2.5.6` or `bundler:'~> 2.5'` pins; a `.gem` file is installed as it is.
bool pinned_or_a_file(const Word& word) {
  const std::string text = word.text();
  if (text.find(':') != std::string::npos || text.ends_with(".gem")) return true;
  // A word built from a variable (`$GEMS`, `rails:${RAILS_VERSION}`) may carry its own pin.
  return !word.known();
}

}  // namespace

class GemInstallPinVersions final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3028",
        .name = "gem-install-pin-versions",
        .severity = Severity::warning,
        .summary = "A gem in `gem install` has no pinned version",
        .rationale =
            "Without a version, `gem install bundler` installs the newest release on the day of "
            "the build: two builds of the same Dockerfile can ship different gems, and a new "
            "major release (Bundler 1 to 2 was one) can break the build or the application "
            "without any change to the Dockerfile.",
        .bad_example = "FROM ruby:3.3.5\nRUN gem install bundler\n",
        .good_example = "FROM ruby:3.3.5\nRUN gem install bundler:2.5.21\n",
        .fix =
            "Write each gem as `name:version` (or give `-v version` for a single gem); "
            "`name:'~> 2.5'` allows patch releases.",
        .differences =
            "Each unpinned gem is reported at its own line and column, not once per RUN. hadolint "
            "takes the word after every option for its value, so it misses `gem install "
            "--no-document rails`; dockvet knows which of gem's options take a value. A local "
            "`.gem` file and a gem word built from a variable are not reported.",
        .reads_every_run = true,
        .run_triggers = {"gem"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    const bestpractice::RunCommands commands(facts);
    for (const auto& ref : commands.all()) {
      for (const Word* gem : unversioned_gem_operands(*ref.command)) {
        if (pinned_or_a_file(*gem)) continue;
        const std::string name = gem->text();
        findings.report(gem->range, "`" + name + "` is installed without a version: pin it as `" +
                                        name + ":<version>`");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::GemInstallPinVersions)
