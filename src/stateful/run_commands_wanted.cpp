#include "stateful/run_commands_wanted.h"

#include <algorithm>

#include "stateful/dockerfile_state.h"

namespace dockvet::stateful {
namespace {

// The literal text a package pattern starts with, up to its first glob ("postgresql-" of
// "postgresql-#"); a body that installs the package names it. Only quotes or escapes inside a
// package name (`post"gres"ql`), which no Dockerfile writes on purpose, would hide it.
std::string stem(std::string_view pattern) {
  return std::string(pattern.substr(0, pattern.find_first_of("*?#[")));
}

// For each instruction, whether a VOLUME is in effect there: inherited from the base image, or
// declared earlier in the stage chain (DV126's own reading).
std::vector<bool> volumes_in_effect(const dockerfile::Dockerfile& dockerfile,
                                    const catalog::Catalog& catalog) {
  std::vector<bool> active_at(dockerfile.instructions.size(), false);
  const bool any_volume =
      std::any_of(dockerfile.instructions.begin(), dockerfile.instructions.end(),
                  [](const auto& i) { return i.keyword == dockerfile::Keyword::volume; });
  for (std::size_t stage = 0; stage < dockerfile.stages.size(); ++stage) {
    const auto chain = stage_chain(dockerfile, static_cast<int>(stage), catalog);
    bool active = !chain.inherited_volumes().empty();
    if (!active && !any_volume) continue;
    for (const int i : chain_instructions(dockerfile, chain)) {
      const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
      if (active && instruction.stage == static_cast<int>(stage)) {
        active_at[static_cast<std::size_t>(i)] = true;
      }
      if (instruction.keyword == dockerfile::Keyword::volume) active = true;
    }
  }
  return active_at;
}

}  // namespace

RunCommandsWanted::RunCommandsWanted(const dockerfile::Dockerfile& dockerfile,
                                     const catalog::Catalog& catalog)
    : volume_active_(volumes_in_effect(dockerfile, catalog)),
      needles_{"docker", "podman", "nerdctl"} {
  for (const auto& entry : catalog.entries()) {
    for (const auto& package : entry.packages) {
      std::string name_stem = stem(package.pattern);
      if (name_stem.empty()) every_body_ = true;
      if (std::find(needles_.begin(), needles_.end(), name_stem) == needles_.end()) {
        needles_.push_back(std::move(name_stem));
      }
    }
  }
}

bool RunCommandsWanted::operator()(int instruction, std::string_view body) const {
  if (every_body_) return true;
  if (instruction >= 0 && static_cast<std::size_t>(instruction) < volume_active_.size() &&
      volume_active_[static_cast<std::size_t>(instruction)]) {
    return true;
  }
  return std::any_of(needles_.begin(), needles_.end(), [&](const std::string& needle) {
    return body.find(needle) != std::string_view::npos;
  });
}

}  // namespace dockvet::stateful
