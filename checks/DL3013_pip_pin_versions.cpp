// DL3013: `pip install flask` — a package installed without a version.
#include <algorithm>

#include "bestpractice/language_packages.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

using language_packages::kPipOptionsWithValue;

// `-r file`, `--requirement file`, `-rfile`, or the letter inside a cluster such as `-Ur file`.
// A short option that takes a value ends its cluster: in `-ihttps://corp/r` the `r` is the URL.
bool has_pip_option(const CommandLine& pip, char letter, std::string_view long_name) {
  static constexpr std::string_view kLettersWithValue = "rcetbifC";
  for (const auto& argument : shell::arguments(pip, kPipOptionsWithValue)) {
    if (!argument.option) continue;
    const std::string_view text = argument.text;
    if (text.starts_with("--")) {
      if (text.substr(0, text.find('=')) == long_name) return true;
      continue;
    }
    for (std::size_t i = 1; i < text.size(); ++i) {
      if (text[i] == letter) return true;
      if (kLettersWithValue.find(text[i]) != std::string_view::npos) break;
    }
  }
  return false;
}

bool is_vcs_url(std::string_view spec) {
  const auto scheme_end = spec.find("://");
  if (scheme_end == std::string_view::npos) return false;
  const std::string_view scheme = spec.substr(0, scheme_end);
  return scheme == "git" || scheme == "svn" || scheme.starts_with("git+") ||
         scheme.starts_with("hg+") || scheme.starts_with("svn+") || scheme.starts_with("bzr+");
}

// A VCS URL is pinned by `@ref` in its path: `git+https://host/org/repo.git@v1.2#egg=repo`. An
// `@` in the host part is a user name (`git+ssh://git@github.com/org/repo`), not a ref.
bool vcs_url_pinned(std::string_view url) {
  url = url.substr(0, url.find('#'));
  const auto host = url.find("://") + 3;
  const auto path = url.find('/', host);
  return path != std::string_view::npos && url.find('@', path) != std::string_view::npos;
}

bool has_version_specifier(std::string_view spec) {
  // "===" and "~=" contain "=="/"="; "<" and ">" cover "<=" and ">=".
  return spec.find("==") != std::string_view::npos || spec.find("!=") != std::string_view::npos ||
         spec.find("~=") != std::string_view::npos || spec.find('<') != std::string_view::npos ||
         spec.find('>') != std::string_view::npos;
}

// A wheel or source archive names one version of one project.
bool is_archive(std::string_view spec) {
  for (std::string_view suffix :
       {".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar", ".zip"}) {
    if (spec.ends_with(suffix)) return true;
  }
  return false;
}

// What pip installs is fixed by the requirement itself: a version specifier, a VCS ref, an
// archive, a local project, or a URL.
bool pinned(std::string_view spec) {
  const auto scheme = spec.find("://");
  const auto at = spec.find('@');
  if (scheme != std::string_view::npos && at != std::string_view::npos && at < scheme) {
    // A PEP 508 direct reference, `name @ url`: the URL decides.
    std::string_view url = spec.substr(at + 1);
    while (!url.empty() && url.front() == ' ') url.remove_prefix(1);
    return !is_vcs_url(url) || vcs_url_pinned(url);
  }
  if (is_vcs_url(spec)) return vcs_url_pinned(spec);
  if (has_version_specifier(spec) || is_archive(spec)) return true;
  return spec.starts_with('.') || spec.starts_with('~') || spec.find('/') != std::string_view::npos;
}

std::string message_for(const std::string& spec) {
  if (spec.find("://") != std::string::npos) {
    std::string with_ref = spec;
    with_ref.insert(std::min(spec.find('#'), spec.size()), "@<tag or commit>");
    return "`" + spec +
           "` installs the repository's default branch as it is at build time; add a ref (`" +
           with_ref + "`)";
  }
  return "`" + spec +
         "` is installed without a version, so each build takes the newest release; pin it (`" +
         spec + "==<version>`) or install from a requirements file";
}

}  // namespace

class PipPinVersions final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3013",
        .name = "pip-pin-versions",
        .severity = Severity::warning,
        .summary = "pip installs a package without a version",
        .rationale =
            "`pip install flask` takes whatever release is newest on the index the day the image "
            "is built. Two builds of the same Dockerfile then ship different code, a new major "
            "release can break the image without any change to it, and a rebuild cannot "
            "reproduce the image that was tested. A version specifier, a requirements or "
            "constraints file, a VCS URL with a ref, or a local archive makes the install "
            "repeatable.",
        .bad_example = "FROM python:3.12.7-slim\nRUN pip install --no-cache-dir flask\n",
        .good_example = "FROM python:3.12.7-slim\nRUN pip install --no-cache-dir flask==3.0.3\n",
        .fix =
            "Pin each package (`flask==3.0.3`), or install from a requirements file "
            "(`pip install -r requirements.txt`) or with a constraints file (`-c`).",
        .differences =
            "A local project with extras (`pip install .[dev]`) counts as local, as `.` does, "
            "and so do local archives other than .whl and .tar.gz (`.zip`, `.tgz`); hadolint "
            "reports both. A VCS URL counts as pinned only when its path names a ref "
            "(`repo.git@v1.2`): hadolint also takes the user name in "
            "`git+https://user@host/repo` for one. A word that holds a variable "
            "(`flask$FLASK_PIN`) is left alone, since the variable may carry the version. Each "
            "unpinned package is its own finding.",
        .reads_every_run = true,
        .run_triggers = {"pip*", "python*"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const language_packages::RunCommands commands(facts);
    for (const auto& [instruction, command] : commands.all()) {
      const auto install = language_packages::pip_install(*command);
      if (!install) continue;
      const CommandLine& pip = install->command;
      // The versions then come from the file, which the rule cannot see.
      if (has_pip_option(pip, 'r', "--requirement") || has_pip_option(pip, 'c', "--constraint")) {
        continue;
      }
      const auto packages = packages_of(*install);
      // `pip install . extra` installs the local project, whose metadata may pin the others.
      if (std::any_of(packages.begin(), packages.end(),
                      [](const Word* word) { return word->known() && word->text() == "."; })) {
        continue;
      }
      for (const Word* word : packages) {
        const auto text = language_packages::known_text(*word);
        if (!text || pinned(*text)) continue;
        findings.report(word->range, message_for(*text));
      }
    }
  }

 private:
  // The operands after `install`; for `pipx install --spec SPEC app`, the spec alone says what
  // is installed.
  static std::vector<const Word*> packages_of(const language_packages::PipInstall& install) {
    std::vector<const Word*> packages;
    bool after_install = false;
    for (const auto& argument : shell::arguments(install.command, kPipOptionsWithValue)) {
      if (argument.option) {
        if (install.tool == language_packages::PipTool::pipx && argument.text == "--spec" &&
            argument.value != nullptr) {
          return {argument.value};
        }
        continue;
      }
      if (after_install) packages.push_back(argument.word);
      after_install = true;
    }
    return packages;
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::PipPinVersions)
