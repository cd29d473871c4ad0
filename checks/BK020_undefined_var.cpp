// BK020 UndefinedVar: `COPY $APP_DIR/ /srv/` where no ARG or ENV defines APP_DIR.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "bestpractice/buildkit.h"
#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

using dockerfile::Keyword;

// What a stage knows about its variables: every name it has defined (ENV, ARG, inherited from
// the stage it builds on), and whether its base image may define more that dockvet cannot see.
struct Scope {
  std::set<std::string> names;
  bool image_env_unknown = false;
};

// BuildKit keeps these out of the environment and never reports them.
bool never_reported(std::string_view name) {
  return name == "BUILDKIT_SBOM_SCAN_CONTEXT" || name == "BUILDKIT_SBOM_SCAN_STAGE";
}

dockerfile::Token flag_token(const dockerfile::Flag& flag) {
  return dockerfile::Token{*flag.value, flag.expanded, flag.expanded_known, flag.value_range};
}

// The words BuildKit expands with reportUnmatchedVariables before it runs the instruction
// (instructions.SupportsSingleWordExpansion): ADD/COPY sources, destination, --chown, --chmod
// (and ADD's --checksum), RUN's --mount, ENV and LABEL keys and values, USER, VOLUME,
// STOPSIGNAL, WORKDIR. EXPOSE is expanded without the report; ARG defaults are judged one by
// one as the ARG declares them.
std::vector<dockerfile::Token> expanded_words(const dockerfile::Instruction& instruction) {
  std::vector<dockerfile::Token> words;
  switch (instruction.keyword) {
    case Keyword::add:
    case Keyword::copy:
      for (const auto& flag : instruction.flags) {
        if (!flag.value) continue;
        if (flag.name == "chown" || flag.name == "chmod" ||
            (flag.name == "checksum" && instruction.keyword == Keyword::add)) {
          words.push_back(flag_token(flag));
        }
      }
      for (const auto& word : instruction.words) {
        const bool heredoc = std::any_of(
            instruction.heredocs.begin(), instruction.heredocs.end(),
            [&](const dockerfile::Heredoc& h) { return h.word_range.begin == word.range.begin; });
        if (!heredoc) words.push_back(word);
      }
      break;
    case Keyword::run:
      for (const auto& flag : instruction.flags) {
        if (flag.name == "mount" && flag.value) words.push_back(flag_token(flag));
      }
      break;
    case Keyword::env:
    case Keyword::label:
      for (const auto& pair : instruction.pairs) {
        words.push_back(pair.key);
        if (pair.value) words.push_back(*pair.value);
      }
      break;
    case Keyword::user:
    case Keyword::volume:
    case Keyword::stopsignal:
    case Keyword::workdir: words = instruction.words; break;
    default: break;
  }
  return words;
}

}  // namespace

class UndefinedVar final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK020",
        .name = "UndefinedVar",
        .severity = Severity::warning,
        .summary = "Variables should be defined before their use",
        .rationale =
            "In ADD, COPY, ENV, LABEL, USER, VOLUME, WORKDIR, STOPSIGNAL and RUN --mount, a "
            "variable that no ARG or ENV has defined expands to nothing: `COPY $APP_DIR/ /srv/` "
            "copies the whole context, and a misspelt `$PAHT` empties PATH. A stage sees its own "
            "ARGs and ENVs, those of the stage it is built on, and its base image's ENV; a "
            "global ARG only after `ARG NAME` in the stage.",
        .bad_example = "FROM alpine:3.20\nARG APP_DIR=/srv/app\nENV PATH=$PAHT:$APP_DIR/bin\n",
        .good_example = "FROM alpine:3.20\nARG APP_DIR=/srv/app\nENV PATH=$PATH:$APP_DIR/bin\n",
        .fix = "Declare the variable with ARG or ENV before this line, or fix its spelling.",
        .differences =
            "dockvet does not pull base images, so it does not know the ENV of an image a stage "
            "is built from (BuildKit does). In such a stage it reports only what cannot come "
            "from the image: a variable used before the ARG or ENV that declares it later in "
            "the stage, and a near-miss (the \"did you mean\", within one character of its "
            "length) of a name this Dockerfile declares. In stages from `scratch`, and in stages "
            "built on those, it reports every "
            "undefined variable, as BuildKit does. PATH is always defined, as BuildKit sets it "
            "when the image does not.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    // Every name the file declares with ARG or ENV, for the "did you mean" of opaque stages.
    std::set<std::string> declared_in_file;
    for (const auto& instruction : dockerfile.instructions) {
      if (instruction.keyword != Keyword::arg && instruction.keyword != Keyword::env) continue;
      for (const auto& pair : instruction.pairs) declared_in_file.insert(pair.key.expanded);
    }
    std::vector<Scope> at_end(dockerfile.stages.size());
    for (const auto& stage : dockerfile.stages) {
      Scope scope;
      if (stage.base_stage >= 0) {
        scope = at_end[static_cast<std::size_t>(stage.base_stage)];
      } else {
        scope.image_env_unknown = !(stage.base.expanded_known && stage.base.expanded == "scratch");
      }
      scope.names.insert("PATH");
      for (int i = stage.from_instruction + 1; i <= stage.last_instruction; ++i) {
        const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
        if (instruction.onbuild) continue;
        for (const auto& word : expanded_words(instruction)) {
          check_word(word, dockerfile, stage, i, scope, declared_in_file, findings);
        }
        if (instruction.keyword == Keyword::arg) {
          for (const auto& pair : instruction.pairs) {
            if (pair.value) {
              check_word(*pair.value, dockerfile, stage, i, scope, declared_in_file, findings);
            }
            scope.names.insert(pair.key.expanded);
          }
        } else if (instruction.keyword == Keyword::env) {
          for (const auto& pair : instruction.pairs) scope.names.insert(pair.key.expanded);
        }
      }
      at_end[static_cast<std::size_t>(stage.index)] = std::move(scope);
    }
  }

 private:
  // Whether an ARG or ENV later in the stage than `index` declares `name`.
  static bool declared_later(const dockerfile::Dockerfile& dockerfile,
                             const dockerfile::Stage& stage, int index, const std::string& name) {
    for (int i = index + 1; i <= stage.last_instruction; ++i) {
      const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
      if (instruction.onbuild) continue;
      if (instruction.keyword != Keyword::arg && instruction.keyword != Keyword::env) continue;
      for (const auto& pair : instruction.pairs) {
        if (pair.key.expanded == name) return true;
      }
    }
    return false;
  }

  static void check_word(const dockerfile::Token& word, const dockerfile::Dockerfile& dockerfile,
                         const dockerfile::Stage& stage, int index, const Scope& scope,
                         const std::set<std::string>& declared_in_file, Findings& findings) {
    std::set<std::string> reported;
    for (const auto& reference : bestpractice::variable_references(word, dockerfile.escape)) {
      const std::string& name = reference.name;
      if (scope.names.count(name) || never_reported(name)) continue;
      if (!reported.insert(name).second) continue;
      const std::vector<std::string> options(scope.names.begin(), scope.names.end());
      std::string suggestion = bestpractice::suggest_name(name, options, true);
      if (scope.image_env_unknown) {
        // The base image may define the variable; report only what it cannot explain.
        // A misspelling keeps the length within one character: `$GOPATH` from a golang image
        // is no typo of PATH.
        const bool typo = !suggestion.empty() && declared_in_file.count(suggestion) > 0 &&
                          name.size() + 1 >= suggestion.size() &&
                          suggestion.size() + 1 >= name.size();
        if (!typo && !declared_later(dockerfile, stage, index, name)) continue;
      }
      std::string message = "Usage of undefined variable '$" + name + "'";
      if (!suggestion.empty()) message += " (did you mean $" + suggestion + "?)";
      findings.report(bestpractice::part_of(word, reference.offset, reference.length),
                      std::move(message));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UndefinedVar)
