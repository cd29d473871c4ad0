#include "stateful/run_commands_wanted.h"

#include <algorithm>
#include <cctype>

#include "stateful/dockerfile_state.h"

namespace dockvet::stateful {
namespace {

// The letters and digits a package pattern starts with ("postgresql" of "postgresql-#"). A
// name can only be split by quotes or escapes inside this stem (`post"gres"ql`), which no
// Dockerfile does on purpose; a pattern that starts with a glob has no stem.
std::string stem(std::string_view pattern) {
  std::size_t end = 0;
  while (end < pattern.size() && std::isalnum(static_cast<unsigned char>(pattern[end]))) ++end;
  return std::string(pattern.substr(0, end));
}

bool volume_may_be_in_effect(const dockerfile::Dockerfile& dockerfile,
                             const catalog::Catalog& catalog) {
  for (const auto& instruction : dockerfile.instructions) {
    if (instruction.keyword == dockerfile::Keyword::volume) return true;
  }
  for (std::size_t stage = 0; stage < dockerfile.stages.size(); ++stage) {
    if (!stage_chain(dockerfile, static_cast<int>(stage), catalog).inherited_volumes().empty()) {
      return true;
    }
  }
  return false;
}

}  // namespace

RunCommandsWanted::RunCommandsWanted(const dockerfile::Dockerfile& dockerfile,
                                     const catalog::Catalog& catalog)
    : every_body_(volume_may_be_in_effect(dockerfile, catalog)),
      needles_{"docker", "podman", "nerdctl"} {
  if (every_body_) return;
  for (const auto& entry : catalog.entries()) {
    for (const auto& package : entry.packages) {
      std::string name_stem = stem(package.pattern);
      if (name_stem.empty()) {
        every_body_ = true;
        return;
      }
      if (std::find(needles_.begin(), needles_.end(), name_stem) == needles_.end()) {
        needles_.push_back(std::move(name_stem));
      }
    }
  }
}

bool RunCommandsWanted::operator()(std::string_view body) const {
  if (every_body_) return true;
  return std::any_of(needles_.begin(), needles_.end(), [&](const std::string& needle) {
    return body.find(needle) != std::string_view::npos;
  });
}

}  // namespace dockvet::stateful
