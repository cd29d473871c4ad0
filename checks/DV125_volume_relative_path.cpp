// DV125: `VOLUME data` — a relative VOLUME path is not resolved against WORKDIR.
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "stateful/dockerfile_volume_syntax.h"

namespace dockvet::checks {

namespace {

// The stage's last WORKDIR before `index`, when it is a known absolute path.
std::optional<std::string> workdir_before(const dockerfile::Dockerfile& dockerfile, int index) {
  const auto& volume = dockerfile.instructions[static_cast<std::size_t>(index)];
  for (int i = index - 1; i >= 0; --i) {
    const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
    if (instruction.stage != volume.stage || instruction.keyword == dockerfile::Keyword::from) {
      break;
    }
    if (instruction.keyword != dockerfile::Keyword::workdir || instruction.onbuild) continue;
    if (instruction.words.empty() || !instruction.words.front().expanded_known) return std::nullopt;
    const std::string& dir = instruction.words.front().expanded;
    if (dir.empty() || dir.front() != '/') return std::nullopt;
    return dir;
  }
  return std::nullopt;
}

std::string join(std::string dir, std::string_view relative) {
  if (relative.substr(0, 2) == "./") relative.remove_prefix(2);
  if (dir.back() != '/') dir += '/';
  return dir + std::string(relative);
}

}  // namespace

class VolumeRelativePath final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV125",
        .name = "volume-relative-path",
        .severity = Severity::warning,
        .summary = "A VOLUME path is relative",
        .rationale =
            "Neither builder resolves a relative VOLUME path: BuildKit and the classic builder "
            "both store the word as written in the image config (dispatchVolume in "
            "moby/buildkit and moby/moby), WORKDIR notwithstanding. What happens at `docker "
            "run` depends on the engine: older engines mounted `VOLUME ./data` at /data, "
            "relative to the root (docker-library/elasticsearch#87), while runc rejects "
            "relative mount destinations ('mount destination data not absolute', "
            "apache/datafusion#465; moby/moby#46093 tracks it). The volume either lands "
            "somewhere the server does not write, or the container does not start.",
        .bad_example = "FROM node:22\nWORKDIR /app\nVOLUME uploads\n",
        .good_example = "FROM node:22\nWORKDIR /app\nVOLUME /app/uploads\n",
        .fix = "Write the absolute container path.",
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (std::size_t i = 0; i < dockerfile.instructions.size(); ++i) {
      const auto& instruction = dockerfile.instructions[i];
      if (instruction.keyword != dockerfile::Keyword::volume) continue;
      if (stateful::is_broken_json_volume(instruction)) continue;
      for (const auto& word : instruction.words) {
        if (!word.expanded_known || !stateful::is_relative_volume_path(word.expanded)) continue;
        if (stateful::container_part(word.expanded)) continue;
        report(dockerfile, static_cast<int>(i), word, findings);
      }
    }
  }

 private:
  static void report(const dockerfile::Dockerfile& dockerfile, int index,
                     const dockerfile::Token& word, Findings& findings) {
    const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(index)];
    std::string message =
        "`" + word.expanded +
        "` is a relative VOLUME path: the builders store it as written, not under WORKDIR, and "
        "at run time Docker either mounts it relative to / or refuses to start the container";
    std::optional<Fix> fix;
    if (const auto dir = workdir_before(dockerfile, index)) {
      const std::string absolute = join(*dir, word.expanded);
      message += "; write the absolute path, e.g. " + absolute;
      if (auto text = stateful::replacement_for(instruction, word, absolute)) {
        fix = Fix::replace_unsafe("declare " + absolute, word.range, *text);
      }
    } else {
      message += "; write the absolute path";
    }
    findings.report(word.range, std::move(message), std::move(fix));
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::VolumeRelativePath)
