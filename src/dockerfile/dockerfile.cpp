// PLACEHOLDER owned by the Dockerfile front-end work: replaced by the real parser.
#include "dockerfile/dockerfile.h"

namespace dockvet::dockerfile {
Dockerfile parse(const SourceFile&) { return {}; }
std::vector<ShellRegion> shell_regions(const Dockerfile&) { return {}; }
}  // namespace dockvet::dockerfile
