#pragma once
// PLACEHOLDER owned by the shell front-end work: replaced by the real extraction.
#include <vector>

#include "core/check.h"
#include "core/shell_region.h"
#include "core/source.h"

namespace dockvet::shell {

/// The shell regions of a shell script, Makefile or Markdown file (not Dockerfiles).
std::vector<ShellRegion> find_regions(const SourceFile& file);
/// Parses one region with tree-sitter-bash and returns every simple command in it.
ShellScript parse_region(const SourceFile& file, const ShellRegion& region,
                         std::vector<FrontEndIssue>& issues);

}  // namespace dockvet::shell
