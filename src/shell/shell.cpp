// PLACEHOLDER owned by the shell front-end work.
#include "shell/shell.h"

namespace dockvet::shell {
std::vector<ShellRegion> find_regions(const SourceFile&) { return {}; }
ShellScript parse_region(const SourceFile&, const ShellRegion& region, std::vector<FrontEndIssue>&) {
  return ShellScript{region.instruction, {}};
}
}  // namespace dockvet::shell
