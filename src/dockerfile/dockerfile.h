#pragma once
// PLACEHOLDER owned by the Dockerfile front-end work: replaced by the real model.
#include <vector>

#include "core/check.h"
#include "core/shell_region.h"
#include "core/source.h"

namespace dockvet::dockerfile {

struct Dockerfile {
  std::vector<FrontEndIssue> issues;
};

Dockerfile parse(const SourceFile& file);
std::vector<ShellRegion> shell_regions(const Dockerfile& dockerfile);

}  // namespace dockvet::dockerfile
