// DL3060: `yarn install` with no `yarn cache clean` after it — yarn's cache stays in the layer.
#include <algorithm>
#include <map>

#include "bestpractice/language_packages.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

const std::initializer_list<std::string_view> kYarnOptionsWithValue = {
    "--cache-folder",  "--modules-folder", "--cwd",      "--network-timeout",       "--mutex",
    "--global-folder", "--link-folder",    "--registry", "--preferred-cache-folder"};

// The folders yarn keeps its cache in: classic's ~/.cache/yarn (/usr/local/share/.cache/yarn as
// root) and Berry's project and global caches.
const std::initializer_list<std::string_view> kYarnCacheFolders = {".cache/yarn", ".yarn/cache",
                                                                   ".yarn/berry/cache"};

// `yarn install`, `yarn add`, `yarn global add`, and bare `yarn` (with options only), which is
// `yarn install`.
bool fills_cache(const CommandLine& command) {
  const auto words = shell::operands(command, kYarnOptionsWithValue);
  if (words.empty()) {
    return !shell::has_option(command, {"--version", "-v", "--help", "-h"});
  }
  if (!words.front()->known()) return false;
  const std::string first = words.front()->text();
  if (first == "install" || first == "add") return true;
  return first == "global" && words.size() > 1 && words[1]->known() && words[1]->text() == "add";
}

bool mentions_cache_folder(std::string_view text) {
  for (std::string_view folder : kYarnCacheFolders) {
    if (text.find(folder) != std::string_view::npos) return true;
  }
  return text.find("yarn cache dir") != std::string_view::npos;
}

// `yarn cache clean`, or `rm -rf` of the cache folder (`rm -rf "$(yarn cache dir)"`).
bool cleans_cache(const CommandLine& command) {
  const std::string program = shell::program_name(command);
  if (program == "rm") {
    const auto words = shell::operands(command);
    return std::any_of(words.begin(), words.end(),
                       [](const Word* word) { return mentions_cache_folder(word->text()); });
  }
  if (program != "yarn") return false;
  const auto words = shell::operands(command, kYarnOptionsWithValue);
  return words.size() >= 2 && words[0]->text() == "cache" && words[1]->text() == "clean";
}

std::string cache_folder_of(const CommandLine& yarn) {
  for (const auto& argument : shell::arguments(yarn, kYarnOptionsWithValue)) {
    if (argument.text == "--cache-folder" && argument.value != nullptr) {
      return argument.value->text();
    }
    if (argument.text.starts_with("--cache-folder=")) return argument.text.substr(15);
  }
  return {};
}

}  // namespace

class YarnCacheClean final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3060",
        .name = "yarn-cache-clean",
        .severity = Severity::info,
        .summary = "yarn install leaves its cache in the image",
        .rationale =
            "yarn keeps a copy of every package it downloads in its cache folder "
            "(/usr/local/share/.cache/yarn as root in the node images), next to the copy it puts "
            "in node_modules. Nothing reads the cache again once the image is built, but the "
            "layer keeps it, often doubling the size of the dependencies. `yarn cache clean` in "
            "the same RUN, or a BuildKit cache mount over the folder, keeps it out. The rule "
            "looks at the stages that ship: the last one, those another stage builds FROM, and "
            "ONBUILD triggers, which run in the image built on this one.",
        .bad_example =
            "FROM node:20.18.0-bookworm-slim\nWORKDIR /app\nCOPY package.json "
            "yarn.lock ./\nRUN yarn install --frozen-lockfile\n",
        .good_example =
            "FROM node:20.18.0-bookworm-slim\nWORKDIR /app\nCOPY package.json "
            "yarn.lock ./\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
        .fix =
            "Run `yarn cache clean` after the last `yarn install` of the same RUN, or mount a "
            "cache: `RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install`.",
        .differences =
            "Bare `yarn` (which installs), `yarn add` and `yarn global add` fill the cache as "
            "`yarn install` does and are read too; hadolint reads only `yarn install`. A "
            "`yarn cache clean` counts when it comes after the last install of the RUN, and "
            "`rm -rf` of the cache folder counts as a clean. Cache mounts over Berry's cache "
            "folders (.yarn/cache) and over a `--cache-folder` count too.",
        .reads_every_run = true,
        .run_triggers = {"yarn"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    // By RUN: its first install that no clean follows.
    std::map<int, const CommandLine*> uncleaned;
    const language_packages::RunCommands commands(facts);
    for (const auto& [index, command] : commands.all()) {
      if (cleans_cache(*command)) {
        uncleaned.erase(index);
        continue;
      }
      if (shell::program_name(*command) != "yarn" || !fills_cache(*command)) continue;
      const auto& run = dockerfile.instructions[static_cast<std::size_t>(index)];
      if (language_packages::mounts_cache_over(run, kYarnCacheFolders, cache_folder_of(*command))) {
        continue;
      }
      uncleaned.try_emplace(index, command);
    }
    for (const auto& [index, command] : uncleaned) {
      const auto& run = dockerfile.instructions[static_cast<std::size_t>(index)];
      if (!language_packages::layers_ship(dockerfile, run)) continue;
      findings.report(command->range,
                      "yarn leaves the packages it downloads in its cache, which stays in the "
                      "image; run `yarn cache clean` after it in the same RUN");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::YarnCacheClean)
