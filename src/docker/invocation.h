#pragma once
// PLACEHOLDER owned by the docker CLI model work.
#include <optional>

#include "core/word.h"

namespace dockvet::docker {

struct Invocation {
  ByteRange range;
};

/// Recognises `docker|podman|nerdctl run|create|container run|container create|service create`.
std::optional<Invocation> parse_invocation(const CommandLine& command);

}  // namespace dockvet::docker
