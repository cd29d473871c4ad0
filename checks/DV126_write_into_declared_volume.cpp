// DV126: a RUN writes under a path that an earlier VOLUME (or the base image) declared.
#include <algorithm>
#include <optional>
#include <set>

#include "core/check.h"
#include "docker/paths.h"
#include "dockerfile/dockerfile.h"
#include "stateful/dockerfile_state.h"
#include "stateful/dockerfile_writes.h"

namespace dockvet::checks {

namespace {

// Where a volume came from, for the message: "the VOLUME declared on line 4", or "a VOLUME of
// the base image postgres:17 (version 17)".
struct Origin {
  const LineIndex& lines;
  const stateful::StageChain& chain;

  std::string of(const stateful::VolumeInEffect& volume) const {
    if (volume.inherited()) return "a VOLUME of the base image " + stateful::describe_image(chain);
    return "the VOLUME declared on line " + std::to_string(lines.position(volume.declared_at).line);
  }
};

// The targets of the RUN's `--mount` flags: writes below them go to that mount, not the volume.
std::vector<std::string> mount_targets(const dockerfile::Instruction& run) {
  std::vector<std::string> out;
  for (const auto& flag : run.flags) {
    if (flag.name != "mount") continue;
    std::string_view rest = flag.expanded;
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const std::string_view field = rest.substr(0, comma);
      for (std::string_view key : {"target=", "dst=", "destination="}) {
        if (field.substr(0, key.size()) == key) out.emplace_back(field.substr(key.size()));
      }
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return out;
}

std::optional<std::string> absolute(const stateful::WrittenPath& written,
                                    const std::optional<std::string>& workdir) {
  if (!written.known || written.path.empty()) return std::nullopt;
  if (written.path.front() == '/') return written.path;
  if (!workdir || written.path.front() == '$' || written.path.front() == '~') return std::nullopt;
  std::string path = written.path;
  if (path.rfind("./", 0) == 0) path.erase(0, 2);
  return *workdir + "/" + path;
}

}  // namespace

class WriteIntoDeclaredVolume final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV126",
        .name = "write-into-declared-volume",
        .severity = Severity::warning,
        .summary = "A RUN writes under a path that is already a VOLUME",
        .rationale =
            "The Dockerfile reference's notes on VOLUME: when a build step changes data inside "
            "a volume after it has been declared, the legacy builder discards the change, while "
            "BuildKit keeps it. The classic builder ran each RUN in a container with a fresh "
            "volume at that path (moby/moby#39106), and Podman/Buildah offer the same "
            "behaviour as an option; COPY and ADD write straight into the layer and are kept by "
            "both. Under BuildKit the file survives only in the image: it seeds a new, empty "
            "volume on first start and is hidden by any volume that already holds data. "
            "Seeding a database this way (`RUN initdb`, stateful-images reference rule 25), or "
            "fixing ownership of a VOLUME inherited from the base image, therefore works on "
            "one builder, silently does nothing on another, and never reaches existing data.",
        .bad_example = "FROM postgres:17\nRUN mkdir -p /var/lib/postgresql/data/conf.d\n",
        .good_example = "FROM postgres:17\nCOPY init.sql /docker-entrypoint-initdb.d/\n",
        .fix =
            "Write the files before the VOLUME line, with COPY/ADD, or at container start "
            "(an entrypoint or init script) so that they reach a mounted volume too.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    std::vector<std::vector<const ShellScript*>> scripts_at(dockerfile.instructions.size());
    std::set<int> stages;
    for (const auto& script : facts.scripts) {
      if (script.instruction < 0) continue;
      const auto& run = dockerfile.instructions[static_cast<std::size_t>(script.instruction)];
      if (run.onbuild || run.stage < 0) continue;
      scripts_at[static_cast<std::size_t>(script.instruction)].push_back(&script);
      stages.insert(run.stage);
    }
    for (const int stage : stages) {
      const auto& chain = facts.stage_chains[static_cast<std::size_t>(stage)];
      stateful::VolumesInEffect state(chain);
      const Origin origin{facts.file.lines, chain};
      for (const int i : chain.instructions) {
        const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
        if (instruction.stage == stage && !state.volumes.empty()) {
          for (const ShellScript* script : scripts_at[static_cast<std::size_t>(i)]) {
            check_script(*script, instruction, state, origin, findings);
          }
        }
        state.apply(instruction);
      }
    }
  }

 private:
  static void check_script(const ShellScript& script, const dockerfile::Instruction& run,
                           const stateful::VolumesInEffect& state, const Origin& origin,
                           Findings& findings) {
    std::optional<std::string> workdir = state.workdir;
    const auto mounts = mount_targets(run);
    for (const auto& command : script.commands) {
      if (stateful::program_name(command) == "cd") workdir.reset();
      for (const auto& written : stateful::written_paths(command)) {
        const auto path = absolute(written, workdir);
        if (!path || std::any_of(mounts.begin(), mounts.end(), [&](const std::string& m) {
              return docker::covers_path(m, *path);
            })) {
          continue;
        }
        const auto volume =
            std::find_if(state.volumes.begin(), state.volumes.end(),
                         [&](const auto& v) { return docker::covers_path(v.path, *path); });
        if (volume == state.volumes.end()) continue;
        report(command, *path, *volume, origin, written.range, findings);
      }
    }
  }

  static void report(const CommandLine& command, const std::string& path,
                     const stateful::VolumeInEffect& volume, const Origin& origin, ByteRange range,
                     Findings& findings) {
    const std::string program = stateful::program_name(command);
    const std::string subject = program.empty() ? std::string("this command") : "`" + program + "`";
    const std::string where = docker::same_path(path, volume.path)
                                  ? " changes " + path + ", "
                                  : " writes " + path + " inside " + volume.path + ", ";
    std::string message =
        subject + where + origin.of(volume) +
        ": the classic builder discards the change, and BuildKit keeps it only in the image, "
        "where it seeds an empty volume on first start and never reaches a volume that already "
        "holds data; " +
        (volume.inherited() ? "an inherited VOLUME cannot be removed, so use COPY or do it at "
                              "container start"
                            : "do it before the VOLUME line, with COPY, or at container start");
    findings.report(range, std::move(message));
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::WriteIntoDeclaredVolume)
