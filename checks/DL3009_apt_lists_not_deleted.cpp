// DL3009: `RUN apt-get update && apt-get install …` that leaves the package lists in the image.
#include <optional>
#include <set>

#include "bestpractice/apt_apk_gem.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

constexpr std::string_view kListsDirectory = "/var/lib/apt/lists";

// The subcommand word of `apt-get update`, `apt update` or `aptitude update`: these download
// the package lists into /var/lib/apt/lists.
const Word* list_update(const CommandLine& command) {
  const std::string program = shell::program_name(command);
  if (program != "apt-get" && program != "apt" && program != "aptitude") return nullptr;
  const auto words = shell::operands(command, bestpractice::kAptGetValueOptions);
  if (words.empty() || !words.front()->known() || words.front()->text() != "update") {
    return nullptr;
  }
  return words.front();
}

// `rm -rf /var/lib/apt/lists/*`, or `apt-get distclean` (apt 2.7 and later), which removes the
// lists but the signed Release files.
bool deletes_lists(const CommandLine& command) {
  if (bestpractice::removes_contents_of(command, kListsDirectory)) return true;
  const std::string program = shell::program_name(command);
  return (program == "apt-get" || program == "apt") &&
         shell::has_subcommand(command, {"distclean", "dist-clean"},
                               bestpractice::kAptGetValueOptions);
}

// Whether a command of a later RUN than the one ending at `after` runs apt on lists it did not
// download itself: an apt subcommand that reads them before any `update` of its RUN. Deleting
// the lists here would break that RUN, so the fix is not safe.
bool lists_read_later(const std::vector<bestpractice::RunCommandRef>& all, std::size_t after) {
  int updated_in = -1;
  for (std::size_t j = after + 1; j < all.size(); ++j) {
    const CommandLine& command = *all[j].command;
    const std::string program = shell::program_name(command);
    if (program != "apt-get" && program != "apt" && program != "aptitude") continue;
    if (list_update(command) != nullptr) {
      updated_in = all[j].instruction;
      continue;
    }
    if (updated_in == all[j].instruction) continue;
    if (!shell::has_subcommand(
            command,
            {"clean", "autoclean", "distclean", "dist-clean", "remove", "purge", "autoremove"},
            bestpractice::kAptGetValueOptions)) {
      return true;
    }
  }
  return false;
}

// The clean-up appended after the last command of the RUN, where that is certain: a shell-form
// RUN without heredocs whose last command ends its line, with nothing after it but blanks (no
// comment, `;`, `&`, closing quote or keyword that the appended text would land in or after).
std::optional<Fix> clean_up_fix(const FileFacts& facts, const dockerfile::Instruction& run,
                                const CommandLine& last, bool safe) {
  if (!run.is_shell_form() || !run.heredocs.empty()) return std::nullopt;
  const std::size_t end = last.range.end;
  if (end < run.args_range.begin || end > run.line_range.end) return std::nullopt;
  const std::string_view rest = facts.file.slice({end, run.line_range.end});
  if (rest.find_first_not_of(" \t\r") != std::string_view::npos) return std::nullopt;
  return Fix::replace("delete the lists at the end of the RUN", {end, end},
                      " && rm -rf /var/lib/apt/lists/*", safe);
}

// The stages whose layers end up in the image the build produces: the last stage and the stages
// it is built FROM. A stage that other stages only COPY --from leaves its layers behind.
std::set<int> shipped_stages(const dockerfile::Dockerfile& dockerfile) {
  std::set<int> shipped;
  int stage = static_cast<int>(dockerfile.stages.size()) - 1;
  while (stage >= 0 && shipped.insert(stage).second) {
    stage = dockerfile.stages[static_cast<std::size_t>(stage)].base_stage;
  }
  if (dockerfile.stages.empty()) shipped.insert(-1);  // a fragment without FROM
  return shipped;
}

}  // namespace

class AptListsNotDeleted final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3009",
        .name = "apt-lists-not-deleted",
        .severity = Severity::info,
        .summary = "A RUN downloads the apt package lists and leaves them in the image",
        .rationale =
            "`apt-get update` writes tens of megabytes of package indexes to "
            "/var/lib/apt/lists. They are only needed while installing; left in the layer they "
            "make every pull slower, and they go stale, so a later `apt-get install` in a "
            "derived image installs from outdated lists. Deleting them in a later RUN does not "
            "help: the layer that wrote them still ships.",
        .bad_example =
            "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y "
            "--no-install-recommends curl=7.88.1-10+deb12u8\n",
        .good_example =
            "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y "
            "--no-install-recommends curl=7.88.1-10+deb12u8 \\\n && rm -rf /var/lib/apt/lists/*\n",
        .fix =
            "End the same RUN with `rm -rf /var/lib/apt/lists/*`, or mount a cache over the "
            "lists (`RUN --mount=type=cache,target=/var/lib/apt/lists …`). The automatic fix "
            "appends ` && rm -rf /var/lib/apt/lists/*` to a shell-form RUN whose last command "
            "ends its line; it is unsafe when a later RUN runs apt on these lists without an "
            "update of its own.",
        .differences =
            "Only RUNs of the stages that make the final image are checked: the last stage and "
            "the stages it is built FROM, followed through every level (hadolint also checks a "
            "stage that is only the base of a stage that is itself only copied from). A cache or "
            "tmpfs mount at /var/lib/apt/lists or any directory above it is enough (hadolint "
            "wants /var/lib/apt together with /var/cache/apt). The clean-up must come after the "
            "last update of the RUN, and `rm` of /var/lib/apt/lists in any spelling or "
            "`apt-get distclean` counts. ONBUILD RUNs are always checked, as in hadolint: they "
            "run in images built from this one.",
        .reads_every_run = true,
        .run_triggers = {"apt-get", "apt", "aptitude"},
        .fixes = FixAvailability::safe_or_unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    const std::set<int> shipped = shipped_stages(dockerfile);
    const bestpractice::RunCommands commands(facts);
    const auto& all = commands.all();
    for (std::size_t i = 0; i < all.size();) {
      const int index = all[i].instruction;
      const CommandLine* update = nullptr;
      const Word* update_word = nullptr;
      const CommandLine* last = nullptr;  // the command that ends latest in the file
      for (; i < all.size() && all[i].instruction == index; ++i) {
        if (last == nullptr || all[i].command->range.end > last->range.end) last = all[i].command;
        if (const Word* word = list_update(*all[i].command)) {
          update = all[i].command;
          update_word = word;
        } else if (update != nullptr && deletes_lists(*all[i].command)) {
          update = nullptr;
        }
      }
      if (update == nullptr) continue;
      const auto& run = dockerfile.instructions[static_cast<std::size_t>(index)];
      if (!run.onbuild && !shipped.contains(run.stage)) continue;
      if (bestpractice::mounts_cache_over(run, kListsDirectory)) continue;
      findings.report(bestpractice::command_head(*update, *update_word),
                      "the package lists this update downloads stay in the image; delete them "
                      "at the end of the same RUN with `rm -rf /var/lib/apt/lists/*`",
                      clean_up_fix(facts, run, *last, !lists_read_later(all, i - 1)));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::AptListsNotDeleted)
