#pragma once
// dockvet's version, as `git describe` saw the source tree at build time. Defined in one
// generated file (cmake/version.cmake) that only the dockvet binary compiles, so a new commit
// recompiles that file and relinks, instead of rebuilding every file that could see a macro.

#include <string_view>

namespace dockvet {

/// The version users read: "0.2.0" for a release, "0.2.0-12-g60afd8d[-dirty]" between releases.
std::string_view version();

/// The same version in SemVer 2.0, as SARIF's semanticVersion needs: "0.2.0+12.g60afd8d".
std::string_view semantic_version();

}  // namespace dockvet
