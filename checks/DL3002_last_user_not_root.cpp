// DL3002: `USER root` as the last USER of an image that runs — the container runs as root.
#include <set>

#include "bestpractice/stage_images.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

using dockerfile::Dockerfile;
using dockerfile::Instruction;
using dockerfile::Keyword;

// `root`, `0`, or either with a group (`root:root`, `0:0`, `root:staff`): the user part decides.
// A user given by a variable is judged at build time, not here.
bool names_root(const dockerfile::Token& word) {
  if (word.raw.find('$') != std::string::npos) return false;
  const std::string& user = word.expanded;
  const std::string name = user.substr(0, user.find(':'));
  return name == "root" || name == "0";
}

// For each stage, the USER in effect at its end: its own last USER, else the one it inherits
// from the earlier stage it is built on; -1 when only the base image decides. One pass in file
// order, since a stage only builds on earlier ones.
std::vector<int> effective_users(const Dockerfile& dockerfile) {
  std::vector<int> users(dockerfile.stages.size(), -1);
  for (std::size_t i = 0; i < dockerfile.instructions.size(); ++i) {
    const Instruction& instruction = dockerfile.instructions[i];
    if (instruction.keyword == Keyword::user && !instruction.onbuild && instruction.stage >= 0 &&
        !instruction.words.empty()) {
      users[static_cast<std::size_t>(instruction.stage)] = static_cast<int>(i);
    }
  }
  for (std::size_t stage = 0; stage < users.size(); ++stage) {
    const int base = dockerfile.stages[stage].base_stage;
    if (users[stage] < 0 && base >= 0) users[stage] = users[static_cast<std::size_t>(base)];
  }
  return users;
}

}  // namespace

class LastUserNotRoot final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3002",
        .name = "last-user-not-root",
        .severity = Severity::warning,
        .summary = "The image's last USER is root, so its containers run as root",
        .rationale =
            "The last USER of an image is the user its containers run as. Unless the daemon remaps "
            "users, uid 0 in the container is uid 0 on the host's kernel: a bug or a "
            "compromise turns into full control of the container's files and, through a mounted "
            "socket, a "
            "writable host path or a kernel flaw, of the host. Switching to root for a few "
            "build steps is fine; switching back before the image is finished is what matters.",
        .bad_example =
            "FROM debian:12.7\nUSER root\nRUN apt-get update && apt-get install -y "
            "--no-install-recommends curl=7.88.1-10+deb12u7 && rm -rf /var/lib/apt/lists/*\n",
        .good_example =
            "FROM debian:12.7\nUSER root\nRUN apt-get update && apt-get install -y "
            "--no-install-recommends curl=7.88.1-10+deb12u7 && rm -rf /var/lib/apt/lists/*\n"
            "USER app\n",
        .fix =
            "End the stage with `USER` naming an unprivileged user (create it with "
            "`useradd`/`adduser` if the base image has none).",
        .differences =
            "hadolint reports the last root USER of every stage. dockvet reports only the "
            "stages whose image runs: the last stage and any stage no later stage builds on, "
            "copies from or mounts. A builder stage that is only read by `COPY --from` or "
            "built upon by a stage that switches user never becomes a container, and a root "
            "USER there is the normal way to install build tools. A stage that inherits root "
            "from the stage it is built on is reported at the USER line it inherits.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const Dockerfile& dockerfile = *facts.dockerfile;
    const std::vector<bool> outputs = bestpractice::output_stages(dockerfile);
    const std::vector<int> users = effective_users(dockerfile);
    std::set<int> reported;
    for (std::size_t stage = 0; stage < outputs.size(); ++stage) {
      if (!outputs[stage]) continue;
      const int user = users[stage];
      if (user < 0 || !reported.insert(user).second) continue;
      const Instruction& instruction = dockerfile.instructions[static_cast<std::size_t>(user)];
      const auto& word = instruction.words.front();
      if (!names_root(word)) continue;
      findings.report(word.range, message(facts, dockerfile, static_cast<int>(stage), instruction));
    }
  }

 private:
  static std::string message(const FileFacts& facts, const Dockerfile& dockerfile, int stage,
                             const Instruction& user) {
    const std::string head = "`USER " + user.words.front().expanded + "` ";
    const std::string advice = "; switch to an unprivileged user before the image ends";
    if (user.stage == stage) {
      return head + "is the last USER of this image, so its containers run as root" + advice;
    }
    const auto& from = dockerfile.instructions[static_cast<std::size_t>(
        dockerfile.stages[static_cast<std::size_t>(stage)].from_instruction)];
    const auto line = facts.file.lines.position(from.range.begin).line;
    return head + "is still in effect in the image of the stage on line " + std::to_string(line) +
           ", which builds on this one, so its containers run as root" + advice;
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LastUserNotRoot)
