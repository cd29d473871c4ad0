// DL3000: `WORKDIR app` — a relative WORKDIR depends on every WORKDIR before it.
#include <cctype>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

std::string without_quotes(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != '"' && c != '\'') out += c;
  }
  return out;
}

// `C:\app` or `C:/app`: absolute on a Windows image.
bool is_windows_absolute(std::string_view path) {
  return path.size() >= 2 && std::isalpha(static_cast<unsigned char>(path[0])) != 0 &&
         path[1] == ':';
}

// Judged as written: a path that starts with a variable is the variable's business (a build
// argument or the base image's ENV may make it absolute), as in hadolint.
bool may_be_absolute(std::string_view path) {
  return path.starts_with('/') || path.starts_with('$') || is_windows_absolute(path);
}

}  // namespace

class WorkdirAbsolutePath final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3000",
        .name = "workdir-absolute-path",
        .severity = Severity::error,
        .summary = "WORKDIR is a relative path",
        .rationale =
            "A relative WORKDIR is resolved against the WORKDIR before it, which may be set "
            "many lines up, in another stage this one builds on, or in the base image. Moving "
            "one instruction, or a base image changing its own WORKDIR, silently moves every "
            "later COPY, RUN and the container's working directory. An absolute path says "
            "where the files go on its own.",
        .bad_example = "FROM node:22.11\nWORKDIR app\nCOPY . .\n",
        .good_example = "FROM node:22.11\nWORKDIR /usr/src/app\nCOPY . .\n",
        .fix = "Write the full path from the root (`/usr/src/app`, or `C:\\app` on Windows).",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      // hadolint leaves ONBUILD triggers alone; they run in another Dockerfile's context.
      if (instruction.keyword != dockerfile::Keyword::workdir || instruction.onbuild) continue;
      if (instruction.words.empty()) continue;
      const auto& word = instruction.words.front();
      const std::string path = without_quotes(word.raw);
      if (path.empty() || may_be_absolute(path)) continue;
      findings.report(word.range, "WORKDIR `" + path +
                                      "` is relative, so it depends on the WORKDIR before it; "
                                      "write an absolute path");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::WorkdirAbsolutePath)
