// BK009 InvalidDefinitionDescription: a comment right above `ARG` or `FROM ... AS name` that does
// not start with the name it would describe.
#include <algorithm>
#include <string>
#include <vector>

#include "core/check.h"
#include "dockerfile/check_options.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

class InvalidDefinitionDescription final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK009",
        .name = "InvalidDefinitionDescription",
        .severity = Severity::warning,
        .summary =
            "Comment for build stage or argument should follow the format: `# <arg/stage "
            "name> <description>`",
        .rationale =
            "`docker build --call=outline` and `--call=targets` show the comment right above an "
            "ARG or a named FROM as its description when the comment starts with the ARG's or "
            "stage's name. A comment there that does not is either a description that tools "
            "will not find, or a remark that reads as one. BuildKit marks this check "
            "experimental, so it runs only when selected (`--select InvalidDefinitionDescription`) "
            "or turned on with `# check=experimental=InvalidDefinitionDescription`.",
        .bad_example = "# the version of the program\nARG VERSION=1\n",
        .good_example = "# VERSION is the version of the program\nARG VERSION=1\n",
        .fix =
            "Start the comment with the name it describes, or separate a remark from the "
            "instruction with a bare `#` line.",
        .differences =
            "As in BuildKit's parser (and unlike its documentation), an empty line between the "
            "comment and the instruction does not separate them; a bare `#` line does.",
        .off_by_default = true,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr || facts.dockerfile->comments.empty()) return;
    const auto& dockerfile = *facts.dockerfile;
    const auto comments = dockerfile::preceding_comments(dockerfile);
    for (std::size_t index = 0; index < dockerfile.instructions.size(); ++index) {
      const auto& instruction = dockerfile.instructions[index];
      if (comments[index].empty()) continue;
      std::vector<std::string> names;
      std::string_view kind;
      if (instruction.keyword == dockerfile::Keyword::arg) {
        kind = "ARG";
        for (const auto& pair : instruction.pairs) names.push_back(pair.key.expanded);
      } else if (instruction.keyword == dockerfile::Keyword::from && instruction.stage >= 0) {
        const auto& stage = dockerfile.stages[static_cast<std::size_t>(instruction.stage)];
        if (stage.from_instruction != static_cast<int>(index) || stage.name.empty()) continue;
        kind = "FROM";
        names.push_back(stage.name);
      } else {
        continue;
      }
      if (names.empty()) continue;
      const std::string_view last = comments[index].back();
      const std::string first_word(last.substr(0, last.find(' ')));
      if (std::find(names.begin(), names.end(), first_word) != names.end()) continue;
      const std::string example = names.size() > 1 ? "<arg_key>" : names.front();
      findings.report(instruction.line_range, "Comment for " + std::string(kind) +
                                                  " should follow the format: `# " + example +
                                                  " <description>`");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::InvalidDefinitionDescription)
