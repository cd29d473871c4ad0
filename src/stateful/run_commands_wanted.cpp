#include "stateful/run_commands_wanted.h"

#include <algorithm>
#include <cctype>

#include "docker/flags.h"
#include "docker/paths.h"
#include "stateful/dockerfile_writes.h"

namespace dockvet::stateful {
namespace {

// The last component of a volume's path ("data" of "/srv/app/data/"): a RUN that writes under
// the volume names it, either in an absolute path or in a path relative to a WORKDIR above the
// volume. Empty for the root.
std::string last_component(const std::string& path) {
  const std::string normal = docker::normalize_container_path(path);
  return normal.substr(normal.find_last_of('/') + 1);
}

// True when `body` holds `program` where a command's first word could end: a container CLI
// called by name or path (`docker run`, `/usr/bin/podman`, `nerdctl.exe`), not a path or a
// name that only contains it (`/docker-entrypoint.d/`, `docker-compose`, `docker.sock`).
bool names_program(std::string_view body, std::string_view program) {
  const auto ends_word = [&](std::size_t at) {
    if (at == body.size()) return true;
    const unsigned char next = static_cast<unsigned char>(body[at]);
    return !std::isalnum(next) && next != '_' && next != '-' && next != '.' && next != '/';
  };
  for (auto at = body.find(program); at != std::string_view::npos;
       at = body.find(program, at + 1)) {
    std::size_t end = at + program.size();
    if (body.substr(end, 4) == ".exe") end += 4;
    if (ends_word(end)) return true;
  }
  return false;
}

}  // namespace

// What a RUN must name to be able to write into the volumes in effect where it stands. When
// the WORKDIR is inside a volume, any relative path does; DV126 compares Windows paths without
// case and with either separator, so those volumes want every body too.
RunCommandsWanted::VolumeNames RunCommandsWanted::names_of(const VolumesInEffect& state) {
  VolumeNames out;
  for (const auto& volume : state.volumes) {
    std::string name = last_component(volume.path);
    if (name.empty() || docker::is_windows_path(volume.path) ||
        (state.workdir && docker::covers_path(volume.path, *state.workdir))) {
      out.every_body = true;
    }
    out.names.push_back(std::move(name));
  }
  return out;
}

// DV126's walk: each stage's chain in order, taking in VOLUME and WORKDIR as it goes.
void RunCommandsWanted::find_volumes_in_effect(const dockerfile::Dockerfile& dockerfile,
                                               std::span<const StageChain> chains) {
  volumes_at_.assign(dockerfile.instructions.size(), -1);
  const bool any_volume =
      std::any_of(dockerfile.instructions.begin(), dockerfile.instructions.end(),
                  [](const auto& i) { return i.keyword == dockerfile::Keyword::volume; });
  for (std::size_t stage = 0; stage < dockerfile.stages.size(); ++stage) {
    const auto& chain = chains[stage];
    VolumesInEffect state(chain);
    if (state.volumes.empty() && !any_volume) continue;
    bool changed = true;  // since the last entry of volume_names_
    for (const int i : chain.instructions) {
      const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
      if (instruction.keyword == dockerfile::Keyword::run &&
          instruction.stage == static_cast<int>(stage) && !state.volumes.empty()) {
        if (changed) volume_names_.push_back(names_of(state));
        changed = false;
        volumes_at_[static_cast<std::size_t>(i)] = static_cast<int>(volume_names_.size()) - 1;
      }
      if (state.apply(instruction)) changed = true;
    }
  }
}

RunCommandsWanted::RunCommandsWanted(const dockerfile::Dockerfile& dockerfile,
                                     std::span<const StageChain> chains,
                                     const catalog::Catalog& catalog)
    : package_managers_(package_managers()), package_stems_(catalog.package_stems()) {
  find_volumes_in_effect(dockerfile, chains);
}

bool RunCommandsWanted::operator()(int instruction, std::string_view body) const {
  const auto names = [&](const std::vector<std::string>& needles) {
    return std::any_of(needles.begin(), needles.end(), [&](const std::string& needle) {
      return body.find(needle) != std::string_view::npos;
    });
  };
  if (instruction >= 0 && static_cast<std::size_t>(instruction) < volumes_at_.size()) {
    if (const int at = volumes_at_[static_cast<std::size_t>(instruction)]; at >= 0) {
      const auto& volumes = volume_names_[static_cast<std::size_t>(at)];
      if (volumes.every_body || names(volumes.names)) return true;
    }
  }
  // DV120 reads installs and removals of catalogued packages by a package manager.
  const auto clis = docker::container_cli_names();
  return std::any_of(clis.begin(), clis.end(),
                     [&](std::string_view cli) { return names_program(body, cli); }) ||
         (names(package_managers_) && names(package_stems_));
}

}  // namespace dockvet::stateful
