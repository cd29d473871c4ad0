// DL3019: `apk add` without `--no-cache` — the package index stays in the image.
#include "bestpractice/apt_apk_gem.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

constexpr std::string_view kApkCache = "/var/cache/apk";

}  // namespace

class ApkAddNoCache final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3019",
        .name = "apk-add-no-cache",
        .severity = Severity::info,
        .summary = "`apk add` runs without `--no-cache`",
        .rationale =
            "Without `--no-cache`, apk downloads the repository indexes into /var/cache/apk and "
            "leaves them in the layer: a few megabytes per image that nothing at run time reads, "
            "and that go stale. `--no-cache` fetches the index for this command only, which also "
            "makes a separate `apk update` unnecessary.",
        .bad_example = "FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\n",
        .good_example = "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n",
        .fix =
            "Add `--no-cache` to `apk add` (and drop `apk update` or `-U`), or mount a cache at "
            "/var/cache/apk (`RUN --mount=type=cache,target=/var/cache/apk …`). The automatic "
            "fix adds `--no-cache`; it is unsafe when a later RUN runs apk without fetching the "
            "index itself, since that RUN may have relied on the index this one left.",
        .differences =
            "A RUN that deletes /var/cache/apk (`rm -rf /var/cache/apk/*`) after its `apk add` "
            "is not reported, since the index does not reach the layer; a cache or tmpfs mount "
            "counts only when it covers /var/cache/apk (hadolint takes any mount target that "
            "contains the text). Findings point at `apk … add`, not the whole RUN.",
        .reads_every_run = true,
        .run_triggers = {"apk"},
        .fixes = FixAvailability::safe_or_unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& instructions = facts.dockerfile->instructions;
    const bestpractice::RunCommands commands(facts);
    const auto& all = commands.all();
    for (std::size_t i = 0; i < all.size(); ++i) {
      const CommandLine& command = *all[i].command;
      const Word* add = bestpractice::apk_subcommand(command, {"add"});
      if (add == nullptr || shell::has_option(command, {"--no-cache"})) continue;
      const auto& run = instructions[static_cast<std::size_t>(all[i].instruction)];
      if (bestpractice::mounts_cache_over(run, kApkCache) || cleaned_later(all, i)) continue;
      findings.report(bestpractice::command_head(command, *add),
                      "`apk add` leaves the package index in /var/cache/apk; add `--no-cache`",
                      bestpractice::insert_after_word(facts, all[i], *add, "--no-cache",
                                                      !index_read_later(all, i)));
    }
  }

 private:
  // Whether an apk command after the one at `add` may read the index this one leaves behind: it
  // neither fetches its own (`--no-cache`, `-U`, an `apk update` before it in its RUN) nor is
  // `apk update` itself. Then `--no-cache` here could break the build, so the fix is unsafe.
  // Once `--fix` has given the later command its own `--no-cache`, this one becomes safe.
  static bool index_read_later(const std::vector<bestpractice::RunCommandRef>& all,
                               std::size_t add) {
    int updated_in = -1;
    for (std::size_t j = add + 1; j < all.size(); ++j) {
      const CommandLine& command = *all[j].command;
      if (shell::program_name(command) != "apk") continue;
      if (bestpractice::apk_subcommand(command, {"update"}) != nullptr) {
        updated_in = all[j].instruction;
        continue;
      }
      if (updated_in == all[j].instruction) continue;
      if (!shell::has_option(command, {"--no-cache", "-U", "--update-cache"})) return true;
    }
    return false;
  }

  // A later command of the same RUN deletes the cache, so the layer does not keep it.
  static bool cleaned_later(const std::vector<bestpractice::RunCommandRef>& all, std::size_t add) {
    for (std::size_t j = add + 1; j < all.size() && all[j].instruction == all[add].instruction;
         ++j) {
      if (bestpractice::removes_contents_of(*all[j].command, kApkCache)) return true;
    }
    return false;
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::ApkAddNoCache)
