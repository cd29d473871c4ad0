// DL3016: `npm install express` — a package installed without a version.
#include <algorithm>

#include "bestpractice/language_packages.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// npm's options that take their value as the next word; npm reads any other unknown option as
// a switch, so the word after it is a package.
const std::initializer_list<std::string_view> kNpmOptionsWithValue = {
    // where and how npm installs
    "--prefix", "--cache", "--userconfig", "--globalconfig", "--loglevel", "--omit", "--include",
    "--install-strategy", "--workspace", "-w", "--tag", "--before", "--location", "--otp",
    "--script-shell", "--save-prefix",
    // the registry and the network
    "--registry", "--proxy", "--https-proxy", "--cafile", "--fetch-retries", "--fetch-timeout",
    "--maxsockets"};

// `npm install` and the aliases npm accepts for it.
const std::initializer_list<std::string_view> kInstallCommands = {
    "install", "i",      "add",  "in",    "ins",    "inst",
    "insta",   "instal", "isnt", "isnta", "isntal", "isntall"};

bool starts_with_any(std::string_view text, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view prefix : prefixes) {
    if (text.starts_with(prefix)) return true;
  }
  return false;
}

bool ends_with_any(std::string_view text, std::initializer_list<std::string_view> suffixes) {
  for (std::string_view suffix : suffixes) {
    if (text.ends_with(suffix)) return true;
  }
  return false;
}

// What npm installs is fixed by the spec itself: `name@version` (or a range), a git URL or a
// hosted shorthand with `#ref`, a tarball (file or URL), or a local folder. `@latest` names
// whatever is newest.
bool pinned(std::string_view spec) {
  if (starts_with_any(spec, {"git://", "git+ssh://", "git+http://", "git+https://",
                             "github:", "gitlab:", "bitbucket:", "gist:"})) {
    return spec.find('#') != std::string_view::npos;
  }
  if (ends_with_any(spec, {".tar", ".tar.gz", ".tgz"})) return true;
  // npm reads any http(s) URL as a tarball's.
  if (spec == "." ||
      starts_with_any(spec, {"/", "./", "../", "~/", "file:", "http://", "https://"})) {
    return true;
  }
  const std::size_t name_end = spec.starts_with('@') ? spec.find('/') : 0;
  if (name_end == std::string_view::npos) return false;  // a bare `@scope`
  const std::size_t at = spec.find('@', name_end);
  if (at == std::string_view::npos) {
    // `org/repo` without a scope is a GitHub repository; `#ref` pins it.
    return !spec.starts_with('@') && spec.find('/') != std::string_view::npos &&
           spec.find('#') != std::string_view::npos;
  }
  const std::string_view version = spec.substr(at + 1);
  return !version.empty() && version != "latest";
}

std::string message_for(const std::string& spec) {
  if (spec.find("://") != std::string::npos || spec.find(':') != std::string::npos ||
      (spec.find('/') != std::string::npos && !spec.starts_with('@'))) {
    return "`" + spec +
           "` installs the repository's default branch as it is at build time; add a ref (`" +
           spec + "#<tag or commit>`)";
  }
  std::string name = spec;
  if (name.ends_with("@latest")) name.resize(name.size() - 7);
  return "`" + spec +
         "` is installed without a version, so each build takes whatever `latest` points to; "
         "pin it (`" +
         name + "@<version>`)";
}

}  // namespace

class NpmPinVersions final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3016",
        .name = "npm-pin-versions",
        .severity = Severity::warning,
        .summary = "npm installs a package without a version",
        .rationale =
            "`npm install express` resolves to the package's `latest` tag on the day the image "
            "is built, so two builds of the same Dockerfile can ship different code, and a new "
            "major release can break the image with no change to it. `npm install` or `npm ci` "
            "without packages reads the versions from package.json and the lockfile; a named "
            "package needs its version (`express@4.21.1`), a git URL its `#ref`.",
        .bad_example = "FROM node:20.18.0-bookworm-slim\nRUN npm install -g typescript\n",
        .good_example = "FROM node:20.18.0-bookworm-slim\nRUN npm install -g typescript@5.6.3\n",
        .fix =
            "Add the version to each package (`typescript@5.6.3`), or list the packages in "
            "package.json and install from the lockfile with `npm ci`.",
        .differences =
            "The aliases `npm i` and `npm add` are read as `npm install`; hadolint reads only "
            "`install`. `name@latest` counts as unpinned, since the tag moves with every "
            "release; hadolint takes any `@` as a pin. A GitHub shorthand with a ref "
            "(`org/repo#v1.2`) counts as pinned, and so does any http(s) URL, which npm fetches "
            "as a tarball whatever its suffix. Options that take a value (`--prefix DIR`) "
            "are read as npm reads them, so their value is not taken for a package. A word that "
            "holds a variable is left alone, since the variable may carry the version. Each "
            "unpinned package is its own finding.",
        .reads_every_run = true,
        .run_triggers = {"npm"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const language_packages::RunCommands commands(facts);
    for (const auto& [instruction, command] : commands.all()) {
      if (shell::program_name(*command) != "npm") continue;
      const auto words = shell::operands(*command, kNpmOptionsWithValue);
      if (words.empty() || !words.front()->known()) continue;
      const std::string subcommand = words.front()->text();
      if (std::find(kInstallCommands.begin(), kInstallCommands.end(), subcommand) ==
          kInstallCommands.end()) {
        continue;
      }
      for (std::size_t i = 1; i < words.size(); ++i) {
        const auto text = language_packages::known_text(*words[i]);
        if (!text || pinned(*text)) continue;
        findings.report(words[i]->range, message_for(*text));
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::NpmPinVersions)
