// PLACEHOLDER owned by the docker CLI model work.
#include "docker/invocation.h"

namespace dockvet::docker {
std::optional<Invocation> parse_invocation(const CommandLine&) { return std::nullopt; }
}  // namespace dockvet::docker
