// DL3066: `USER app` — a name that only the image's /etc/passwd can turn into a uid.
#include <algorithm>
#include <array>
#include <string>

#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

// The built-in accounts of Windows images, which have no numeric ids at all.
constexpr std::array<std::string_view, 2> kWindowsAccounts = {"ContainerUser",
                                                              "ContainerAdministrator"};

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

class UserNotNumeric final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3066",
        .name = "user-not-numeric",
        .severity = Severity::info,
        .summary = "USER names a user instead of giving a numeric uid",
        .rationale =
            "A user name means something only inside the image's /etc/passwd. Kubernetes cannot "
            "check `runAsNonRoot` against it and refuses to start the container (\"image has "
            "non-numeric user, cannot verify user is non-root\"), and volumes, file ownership "
            "and security policies on the host see uids, not names. A numeric uid is "
            "understood the same way everywhere.",
        .bad_example = "FROM node:22.11\nUSER node\n",
        .good_example = "FROM node:22.11\nUSER 1000:1000\n",
        .fix =
            "Write the uid (and gid) the name stands for, e.g. `USER 1000:1000`; `id -u name` "
            "in the image prints it.",
        .differences =
            "A USER whose value comes from a variable is never judged (hadolint judges those "
            "not declared by an ARG), and Windows' ContainerUser and ContainerAdministrator "
            "accounts, which have no numeric id, pass.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& instruction : dockerfile.instructions) {
      // An ONBUILD USER belongs to the later build that triggers it.
      if (instruction.keyword != dockerfile::Keyword::user || instruction.onbuild ||
          instruction.words.empty()) {
        continue;
      }
      const dockerfile::Token& word = instruction.words.front();
      if (bestpractice::expands_variable(word, dockerfile.escape)) continue;
      const auto value = bestpractice::known_value(word);
      if (!value) continue;
      const std::string user = value->substr(0, value->find(':'));
      if (user.empty() || all_digits(user)) continue;
      if (std::find(kWindowsAccounts.begin(), kWindowsAccounts.end(), user) !=
          kWindowsAccounts.end()) {
        continue;
      }
      const ByteRange range =
          word.raw.starts_with(user) ? bestpractice::part_of(word, 0, user.size()) : word.range;
      findings.report(range, "`" + user +
                                 "` is a user name, which Kubernetes and the host cannot map to "
                                 "a uid: write the numeric uid instead");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UserNotNumeric)
