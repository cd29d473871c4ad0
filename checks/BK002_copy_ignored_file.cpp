// BK002 CopyIgnoredFile: `COPY config.json /app/` while `.dockerignore` leaves config.json out
// of the build context.
#include <optional>

#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "dockerfile/dockerignore.h"

namespace dockvet::checks {

namespace {

bool is_remote(std::string_view source) {
  return source.starts_with("http://") || source.starts_with("https://") ||
         source.starts_with("git@") || source.starts_with("git://");
}

// Whether the word is one of the instruction's heredocs (`COPY <<EOF /etc/motd`), whose content
// comes from the Dockerfile, not from the context.
bool is_heredoc(const dockerfile::Instruction& instruction, const dockerfile::Token& word) {
  for (const auto& heredoc : instruction.heredocs) {
    if (heredoc.word_range.begin == word.range.begin) return true;
  }
  return false;
}

}  // namespace

class CopyIgnoredFile final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK002",
        .name = "CopyIgnoredFile",
        .severity = Severity::warning,
        .summary = "Attempting to Copy file that is excluded by .dockerignore",
        .rationale =
            "Files that `.dockerignore` matches are not sent to the builder, so a COPY or ADD "
            "of one fails with \"not found\" (or, with a wildcard, silently copies less). "
            "dockvet reads `<Dockerfile>.dockerignore` beside the Dockerfile, else "
            "`.dockerignore`, taking the Dockerfile's directory as the build context.",
        .bad_example = "# .dockerignore holds: *.env\nFROM node:22\nCOPY prod.env /app/.env\n",
        .good_example =
            "# .dockerignore holds: *.env\nFROM node:22\n"
            "RUN --mount=type=secret,id=env,target=/app/.env npm run build\n",
        .fix = "Remove the source from the COPY, or stop ignoring it in `.dockerignore`.",
        .differences =
            "The build context is assumed to be the Dockerfile's directory (what `docker build "
            ".` beside it uses); BuildKit knows the real one. As in BuildKit, an ignore file "
            "with `!` exclusions is not judged (a file inside an ignored directory may be "
            "re-included), and `.` or `/` is reported only when a pattern is `*`, `**` or "
            "`**/*`. Sources that depend on an ARG without a default are not judged.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    if (facts.file.path.empty() || facts.file.path == "-") return;
    std::optional<dockerfile::DockerIgnore> ignore;
    bool read = false;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.onbuild || instruction.stage < 0) continue;
      const bool is_add = instruction.keyword == dockerfile::Keyword::add;
      if (!is_add && instruction.keyword != dockerfile::Keyword::copy) continue;
      if (instruction.flag("from") != nullptr || instruction.words.size() < 2) continue;
      if (!read) {
        // Read only for a file that copies from the context, and once.
        ignore = dockerfile::read_docker_ignore(facts.file.path);
        read = true;
      }
      if (!ignore || ignore->has_exclusions()) return;
      for (std::size_t i = 0; i + 1 < instruction.words.size(); ++i) {
        const auto& word = instruction.words[i];
        if (!word.expanded_known || is_heredoc(instruction, word) || is_remote(word.expanded)) {
          continue;
        }
        const std::string source = dockerfile::clean_context_path(word.expanded);
        if (source == "." && !root_ignored(*ignore)) continue;
        if (!ignore->matches_or_parent_matches(source)) continue;
        findings.report(word.range, std::string("Attempting to ") + (is_add ? "Add" : "Copy") +
                                        " file \"" + source +
                                        "\" that is excluded by .dockerignore");
      }
    }
  }

 private:
  // "." names the whole context; BuildKit reports it only when every entry is ignored.
  static bool root_ignored(const dockerfile::DockerIgnore& ignore) {
    for (const auto& pattern : ignore.patterns()) {
      if (pattern.exclusion) continue;
      if (pattern.text == "*" || pattern.text == "**" || pattern.text == "**/*") return true;
    }
    return false;
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::CopyIgnoredFile)
