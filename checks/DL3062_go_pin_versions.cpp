// DL3062: `go install example.com/tool` — a module fetched at whatever version is newest.
#include <algorithm>

#include "bestpractice/language_packages.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// The build flags of go install, get and run that take their value as the next word. Go's flag
// package reads `-flag` and `--flag` alike and stops at the first word that is not a flag.
constexpr std::string_view kGoFlagsWithValue[] = {
    "asmflags", "buildmode", "C",          "compiler", "covermode",
    "coverpkg", "exec",      "gccgoflags", "gcflags",  "installsuffix",
    "ldflags",  "mod",       "modfile",    "o",        "overlay",
    "p",        "pgo",       "pkgdir",     "tags",     "toolexec"};

bool takes_value(std::string_view flag) {
  while (flag.starts_with('-')) flag.remove_prefix(1);
  if (flag.find('=') != std::string_view::npos) return false;
  return std::find(std::begin(kGoFlagsWithValue), std::end(kGoFlagsWithValue), flag) !=
         std::end(kGoFlagsWithValue);
}

// The package words of `go install|get|run ...`: every one for install and get, the first for
// run (the words after it are the program's arguments).
std::vector<const Word*> packages_of(const CommandLine& go, std::string_view subcommand) {
  std::vector<const Word*> packages;
  std::size_t i = 2;
  for (; i < go.words.size(); ++i) {
    const std::string text = go.words[i].text();
    if (text == "--") {
      ++i;
      break;
    }
    if (!text.starts_with('-') || text == "-") break;
    if (takes_value(text)) ++i;
  }
  for (; i < go.words.size(); ++i) {
    packages.push_back(&go.words[i]);
    if (subcommand == "run") break;
  }
  return packages;
}

bool is_local(std::string_view package) {
  return package.starts_with('.') || package.starts_with('/') || package.ends_with(".go");
}

// `@latest`, `@upgrade` and `@patch` are queries that move with every release; `@none` (go get's
// removal of a dependency) installs nothing.
bool pinned(std::string_view package) {
  const auto at = package.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string_view version = package.substr(at + 1);
  return !version.empty() && version != "latest" && version != "upgrade" && version != "patch";
}

}  // namespace

class GoPinVersions final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3062",
        .name = "go-pin-versions",
        .severity = Severity::warning,
        .summary = "go install, get or run fetches a module without a version",
        .rationale =
            "`go install example.com/tool` outside a module, `go get example.com/lib` and "
            "`go run example.com/tool@latest` resolve the module to its newest release on the "
            "day the image is built. Two builds of the same Dockerfile then ship different "
            "code, and a new release can break the build with no change to it. A version "
            "(`@v1.2.3`) or a commit makes the build repeatable; packages of the local module "
            "(`.`, `./cmd/app`) come from the build context and need none.",
        .bad_example =
            "FROM golang:1.23.2-bookworm\nRUN go install "
            "golang.org/x/tools/gopls@latest\n",
        .good_example =
            "FROM golang:1.23.2-bookworm\nRUN go install "
            "golang.org/x/tools/gopls@v0.16.2\n",
        .fix = "Add the version to the package path: `go install example.com/tool@v1.2.3`.",
        .differences =
            "Every go command of a RUN is read: hadolint reads only the `go run` commands of a "
            "RUN that has one. `.go` files (`go run main.go`) are local, and the flags that take "
            "a value (`-tags netgo`, `-o /bin/app`) are read as go reads them, so their value "
            "is not taken for a package. `@upgrade` and `@patch` count as unpinned, like "
            "`@latest`; `go get pkg@none`, which removes a dependency, is not reported. Each "
            "unpinned package is its own finding.",
        .reads_every_run = true,
        .run_triggers = {"go"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const language_packages::RunCommands commands(facts);
    for (const auto& [instruction, command] : commands.all()) {
      if (shell::program_name(*command) != "go" || command->words.size() < 2) continue;
      const auto subcommand = language_packages::known_text(command->words[1]);
      if (!subcommand ||
          (*subcommand != "install" && *subcommand != "get" && *subcommand != "run")) {
        continue;
      }
      for (const Word* word : packages_of(*command, *subcommand)) {
        const auto package = language_packages::known_text(*word);
        if (!package || is_local(*package) || pinned(*package)) continue;
        findings.report(word->range, message_for(*package, *subcommand));
      }
    }
  }

 private:
  static std::string message_for(const std::string& package, std::string_view subcommand) {
    const auto at = package.rfind('@');
    const std::string path = at == std::string::npos ? package : package.substr(0, at);
    return "`" + package + "` makes go " + std::string(subcommand) +
           " take the module's newest release at build time; pin it (`" + path + "@v<version>`)";
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::GoPinVersions)
