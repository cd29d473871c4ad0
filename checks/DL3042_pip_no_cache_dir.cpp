// DL3042: `pip install flask==3.0.3` without --no-cache-dir — pip's cache stays in the layer.
#include <algorithm>
#include <cctype>

#include "bestpractice/language_packages.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

using dockerfile::Dockerfile;
using dockerfile::Instruction;
using dockerfile::Keyword;

constexpr std::string_view kVariable = "PIP_NO_CACHE_DIR";

// The values hadolint and the docs use to turn the cache off. pip itself turns the cache off for
// any value it can read as a boolean, "0" and "false" included (a compatibility quirk of
// _handle_no_cache_dir); the rule still asks for a value that says what it does.
bool says_no_cache(std::string value) {
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return value == "1" || value == "true" || value == "on" || value == "yes" || value == "y" ||
         value == "t";
}

struct Setting {
  std::string value;
  bool known = true;
};

// The last `PIP_NO_CACHE_DIR=value` written in the RUN before the pip command: a leading
// assignment (`PIP_NO_CACHE_DIR=1 pip install`), `env PIP_NO_CACHE_DIR=1 pip`, or an earlier
// `export PIP_NO_CACHE_DIR=1 &&`.
std::optional<Setting> set_in_run(std::string_view before_pip) {
  std::optional<Setting> setting;
  for (std::size_t at = before_pip.find(kVariable); at != std::string_view::npos;
       at = before_pip.find(kVariable, at + 1)) {
    const char previous = at == 0 ? ' ' : before_pip[at - 1];
    const std::size_t equals = at + kVariable.size();
    if (std::isalnum(static_cast<unsigned char>(previous)) || previous == '_' ||
        equals >= before_pip.size() || before_pip[equals] != '=') {
      continue;
    }
    std::string value;
    for (std::size_t i = equals + 1; i < before_pip.size(); ++i) {
      const char c = before_pip[i];
      if (c == '"' || c == '\'') continue;
      if (std::isspace(static_cast<unsigned char>(c)) || c == ';' || c == '&' || c == '|') break;
      value += c;
    }
    setting = Setting{value, value.find('$') == std::string::npos};
  }
  return setting;
}

// The variable as ENV (or an ARG of the stage, which RUN sees in its environment too) leaves it
// for `run`: the stage's instructions before it, then the stages it builds on. A RUN of an
// ONBUILD trigger sees the image's ENVs, not the build's ARGs.
std::optional<Setting> set_in_stage(const Dockerfile& dockerfile, int run_index) {
  const Instruction& run = dockerfile.instructions[static_cast<std::size_t>(run_index)];
  int stage = run.stage;
  int last = run_index - 1;
  bool own_stage = true;
  while (true) {
    for (int i = last; i >= 0; --i) {
      const Instruction& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
      if (instruction.stage != stage) break;
      if (instruction.onbuild && !run.onbuild && own_stage) continue;
      const bool env = instruction.keyword == Keyword::env;
      const bool arg = instruction.keyword == Keyword::arg && own_stage && !run.onbuild;
      if (!env && !arg) continue;
      for (auto pair = instruction.pairs.rbegin(); pair != instruction.pairs.rend(); ++pair) {
        if (pair->key.expanded != kVariable || !pair->value) continue;
        return Setting{pair->value->expanded, pair->value->expanded_known};
      }
    }
    if (stage < 0) return std::nullopt;
    const int base = dockerfile.stages[static_cast<std::size_t>(stage)].base_stage;
    if (base < 0) return std::nullopt;
    stage = base;
    last = dockerfile.stages[static_cast<std::size_t>(base)].last_instruction;
    own_stage = false;
  }
}

// `--cache-dir DIR`, to tell a cache mount over DIR.
std::string cache_dir_of(const CommandLine& pip) {
  for (const auto& argument : shell::arguments(pip, language_packages::kPipOptionsWithValue)) {
    if (argument.text == "--cache-dir" && argument.value != nullptr) return argument.value->text();
    if (argument.text.starts_with("--cache-dir=")) return argument.text.substr(12);
  }
  return {};
}

}  // namespace

class PipNoCacheDir final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3042",
        .name = "pip-no-cache-dir",
        .severity = Severity::warning,
        .summary = "pip install keeps its cache in the image",
        .rationale =
            "pip keeps every downloaded file and every wheel it builds in its cache "
            "(~/.cache/pip, /root/.cache/pip as root). In a container build the cache is never "
            "used again, yet it stays in the layer and often adds tens or hundreds of megabytes "
            "to the image. `--no-cache-dir`, `PIP_NO_CACHE_DIR=1` (as ENV or for the command), "
            "or a BuildKit cache mount over the cache folder keeps it out. `PIP_NO_CACHE_DIR=0` "
            "or `=false` is reported too: pip turns the cache off for those values as well, for "
            "compatibility, but the line says the opposite of what it does.",
        .bad_example = "FROM python:3.12.7-slim\nRUN pip install flask==3.0.3\n",
        .good_example = "FROM python:3.12.7-slim\nRUN pip install --no-cache-dir flask==3.0.3\n",
        .fix =
            "Add `--no-cache-dir` to `pip install`, set `ENV PIP_NO_CACHE_DIR=1`, or mount a "
            "cache: `RUN --mount=type=cache,target=/root/.cache/pip pip install ...`.",
        .differences =
            "pip's cache is also kept out by `--no-cache` (pip accepts the abbreviation), an "
            "`ARG PIP_NO_CACHE_DIR=1` of the stage, and a cache mount over the folder named by "
            "`--cache-dir`. The last setting before the command wins: hadolint lets an ENV "
            "override a falsy value set in the RUN. Each pip command is its own finding.",
        .reads_every_run = true,
        .run_triggers = {"pip*", "python*"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const Dockerfile& dockerfile = *facts.dockerfile;
    const language_packages::RunCommands commands(facts);
    for (const auto& [index, command] : commands.all()) {
      const auto install = language_packages::pip_install(*command);
      // pipx installs into a virtual environment of its own with pip's cache turned off.
      if (!install || install->tool != language_packages::PipTool::pip) continue;
      const CommandLine& pip = install->command;
      if (shell::has_option(pip, {"--no-cache-dir", "--no-cache"})) continue;
      const Instruction& run = dockerfile.instructions[static_cast<std::size_t>(index)];
      if (language_packages::mounts_cache_over(run, {".cache/pip"}, cache_dir_of(pip))) continue;
      const std::size_t run_begin = run.range.begin;
      const std::size_t pip_begin = command->words.front().range.begin;
      std::optional<Setting> setting;
      if (pip_begin > run_begin) {
        setting = set_in_run(facts.file.slice({run_begin, pip_begin}));
      }
      if (!setting) setting = set_in_stage(dockerfile, index);
      if (setting && (!setting->known || says_no_cache(setting->value))) continue;

      const Word* subcommand =
          shell::operands(pip, language_packages::kPipOptionsWithValue).front();
      const ByteRange range{command->words.front().range.begin, subcommand->range.end};
      // pip ignores an empty value, so the cache is kept as if nothing were set.
      if (setting && !setting->value.empty()) {
        findings.report(range, "PIP_NO_CACHE_DIR=" + setting->value +
                                   " reads as keeping pip's cache (pip turns the cache off for "
                                   "any such value, against what the line says); add "
                                   "--no-cache-dir or set PIP_NO_CACHE_DIR=1");
      } else {
        findings.report(range,
                        "pip install keeps its downloads and built wheels in its cache, which "
                        "stays in the image; add --no-cache-dir");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::PipNoCacheDir)
