// BK019 UndefinedArgInFrom: `FROM node:${NODE_VERSION}` with no global `ARG NODE_VERSION`.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "bestpractice/buildkit.h"
#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class UndefinedArgInFrom final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK019",
        .name = "UndefinedArgInFrom",
        .severity = Severity::warning,
        .summary = "FROM command must use declared ARGs",
        .rationale =
            "A FROM line sees only the ARGs declared before the first FROM (and the predefined "
            "platform ARGs such as BUILDPLATFORM and TARGETARCH). A variable that is not "
            "declared there expands to nothing: `FROM node:${NODE_VERSION}` silently becomes "
            "`FROM node:`, and a misspelt `$BUILDPLATFROM` an empty platform.",
        .bad_example = "FROM node:${NODE_VERSION}-alpine\n",
        .good_example = "ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\n",
        .fix = "Declare the ARG before the first FROM (with a default), or fix its spelling.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    std::vector<std::string> declared;
    for (const auto name : dockerfile::predefined_args()) declared.emplace_back(name);
    for (const auto& instruction : dockerfile.instructions) {
      if (instruction.keyword == dockerfile::Keyword::from) break;
      if (instruction.keyword != dockerfile::Keyword::arg) continue;
      for (const auto& pair : instruction.pairs) declared.push_back(pair.key.expanded);
    }
    std::sort(declared.begin(), declared.end());
    for (const auto& stage : dockerfile.stages) {
      check_word(stage.base, dockerfile.escape, declared, findings);
      if (stage.platform) check_word(*stage.platform, dockerfile.escape, declared, findings);
    }
  }

 private:
  static void check_word(const dockerfile::Token& word, char escape,
                         const std::vector<std::string>& declared, Findings& findings) {
    std::set<std::string> reported;
    for (const auto& reference : bestpractice::variable_references(word, escape)) {
      if (std::binary_search(declared.begin(), declared.end(), reference.name)) continue;
      if (!reported.insert(reference.name).second) continue;
      std::string message = "FROM argument '" + reference.name + "' is not declared";
      const std::string suggestion = bestpractice::suggest_name(reference.name, declared, true);
      if (!suggestion.empty()) message += " (did you mean " + suggestion + "?)";
      findings.report(bestpractice::part_of(word, reference.offset, reference.length),
                      std::move(message));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UndefinedArgInFrom)
