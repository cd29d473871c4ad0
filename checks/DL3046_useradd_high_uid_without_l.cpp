// DL3046: `useradd -u 1000000 app` without -l — the lastlog file grows to gigabytes.
#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "core/check.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// hadolint's threshold: a UID of six digits or more (100000 and up).
constexpr std::size_t kHighUidDigits = 6;

// The UID given with -u/--uid, in any of its spellings (`-u 1000`, `-u1000`, `--uid 1000`,
// `--uid=1000`), and the word that holds it.
struct UidOption {
  const Word* word = nullptr;
  std::string value;
};

std::optional<UidOption> uid_option(const CommandLine& command) {
  std::optional<UidOption> found;
  for (const auto& argument : shell::arguments(
           command,
           {"-u", "--uid",        "-g", "--gid",      "-G", "--groups",      "-c", "--comment",
            "-d", "--home-dir",   "-s", "--shell",    "-k", "--skel",        "-K", "--key",
            "-e", "--expiredate", "-f", "--inactive", "-p", "--password",    "-R", "--root",
            "-P", "--prefix",     "-b", "--base-dir", "-Z", "--selinux-user"})) {
    if (!argument.option) continue;
    const std::string& text = argument.text;
    std::optional<UidOption> candidate;
    if ((text == "-u" || text == "--uid") && argument.value != nullptr) {
      candidate = UidOption{argument.value, argument.value->text()};
    } else if (text.starts_with("--uid=")) {
      candidate = UidOption{argument.word, text.substr(6)};
    } else if (!text.starts_with("--") && text.starts_with("-u") && text.size() > 2) {
      candidate = UidOption{argument.word, text.substr(2)};
    }
    if (!candidate) continue;
    // The last -u wins, as getopt reads it; a UID the shell expands is not judged.
    found = candidate->word->known() ? candidate : std::nullopt;
  }
  return found;
}

bool is_high_uid(std::string_view value) {
  if (value.empty() || !std::all_of(value.begin(), value.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      })) {
    return false;
  }
  const std::size_t significant = value.find_first_not_of('0');
  return significant != std::string_view::npos && value.size() - significant >= kHighUidDigits;
}

}  // namespace

class UseraddHighUidWithoutL final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3046",
        .name = "useradd-high-uid-without-l",
        .severity = Severity::warning,
        .summary = "useradd with a high UID and without -l bloats the image",
        .rationale =
            "useradd records the new user in /var/log/lastlog and /var/log/faillog, sparse "
            "files indexed by UID. With a UID such as 1000000 the file's apparent size is "
            "hundreds of megabytes, and the image layer stores it in full because layers do "
            "not keep files sparse (moby/moby#5419). `-l` (`--no-log-init`) skips those "
            "files.",
        .bad_example = "FROM debian:12.7\nRUN useradd -u 1000000 app\n",
        .good_example = "FROM debian:12.7\nRUN useradd -l -u 1000000 app\n",
        .fix = "Add `-l` (`--no-log-init`) to the useradd command, or use a smaller UID.",
        .differences =
            "The UID is read in every spelling (`--uid 1000000`, `--uid=1000000`, "
            "`-u1000000`), and judged by its value: hadolint counts characters, so it reports "
            "`-u $APP_UID` and `-u 000123` but misses `--uid 1000000`. A UID from a variable "
            "whose value the shell sets is not judged. Exec-form RUN is not read.",
        .reads_every_run = true,
        .run_triggers = {"useradd"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& run : shell::run_commands(facts)) {
      const CommandLine& command = *run.command;
      if (shell::program_name(command) != "useradd") continue;
      if (shell::has_option(command, {"-l", "--no-log-init"})) continue;
      const auto uid = uid_option(command);
      if (!uid || !is_high_uid(uid->value)) continue;
      findings.report(uid->word->range, "UID " + uid->value +
                                            " makes useradd write a huge sparse lastlog into the "
                                            "layer; add `-l` (`--no-log-init`)");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::UseraddHighUidWithoutL)
