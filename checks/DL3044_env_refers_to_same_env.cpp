// DL3044: `ENV DIR=/opt/app BIN=$DIR/bin` — $DIR is not the value set a moment before.
#include <set>
#include <string>
#include <vector>

#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class EnvRefersToSameEnv final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3044",
        .name = "env-refers-to-same-env",
        .severity = Severity::error,
        .summary = "ENV refers to a variable that the same ENV sets earlier",
        .rationale =
            "Docker expands every value of one ENV instruction with the variables as they were "
            "before it. In `ENV DIR=/opt/app BIN=$DIR/bin`, `$DIR` is not `/opt/app` but "
            "whatever DIR was before, usually nothing, so BIN becomes `/bin`, and the image "
            "quietly runs or writes somewhere else than intended.",
        .bad_example = "FROM debian:12.7\nENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin\n",
        .good_example = "FROM debian:12.7\nENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin\n",
        .fix = "Set the variable in an ENV of its own before the one that refers to it.",
        .differences =
            "Only a reference to a variable set earlier in the same ENV is reported: one to a "
            "variable set later (`ENV A=$B B=1`) reads the earlier value, as it would in two "
            "separate ENVs. References are found as BuildKit expands them (`${VAR:-default}` "
            "counts; an escaped or single-quoted `$` does not). A variable counts as defined "
            "before when an ARG or ENV of the same stage, or of a stage it builds on, sets it; "
            "ARGs before the first FROM do not count, as a stage cannot see them without "
            "declaring them again.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    // The variables each stage has defined by its end, for the stages built on it.
    std::vector<std::set<std::string>> defined_by_stage(dockerfile.stages.size());
    std::set<std::string> defined;
    int stage = -1;
    for (const auto& instruction : dockerfile.instructions) {
      if (instruction.stage != stage) {
        if (stage >= 0) defined_by_stage[static_cast<std::size_t>(stage)] = defined;
        stage = instruction.stage;
        defined = inherited(dockerfile, stage, defined_by_stage);
      }
      if (instruction.onbuild) continue;
      if (instruction.keyword == dockerfile::Keyword::env) {
        check_env(instruction, defined, dockerfile.escape, findings);
      }
      if (instruction.keyword == dockerfile::Keyword::env ||
          (instruction.keyword == dockerfile::Keyword::arg && stage >= 0)) {
        for (const auto& pair : instruction.pairs) defined.insert(pair.key.expanded);
      }
    }
  }

 private:
  static std::set<std::string> inherited(const dockerfile::Dockerfile& dockerfile, int stage,
                                         const std::vector<std::set<std::string>>& by_stage) {
    if (stage < 0) return {};
    const int base = dockerfile.stages[static_cast<std::size_t>(stage)].base_stage;
    if (base < 0 || base >= stage) return {};
    return by_stage[static_cast<std::size_t>(base)];
  }

  static void check_env(const dockerfile::Instruction& env, const std::set<std::string>& defined,
                        char escape, Findings& findings) {
    for (std::size_t j = 1; j < env.pairs.size(); ++j) {
      const auto& value = env.pairs[j].value;
      if (!value) continue;
      for (const auto& reference : bestpractice::variable_references(*value, escape)) {
        if (defined.contains(reference.name) || !set_before(env, j, reference.name)) continue;
        findings.report(bestpractice::part_of(*value, reference.offset, reference.length),
                        "`" + value->raw.substr(reference.offset, reference.length) + "` reads " +
                            reference.name +
                            " as it was before this ENV, not the value this ENV gives it: set " +
                            reference.name + " in an ENV of its own first");
      }
    }
  }

  static bool set_before(const dockerfile::Instruction& env, std::size_t pair,
                         const std::string& name) {
    for (std::size_t k = 0; k < pair; ++k) {
      if (env.pairs[k].key.expanded == name) return true;
    }
    return false;
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::EnvRefersToSameEnv)
