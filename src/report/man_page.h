#pragma once
// dockvet(1), the manual page: written by the binary itself (`--write-man-page FILE`) at build
// time, so its options are the parser's and its rules are the registry's, and neither can drift.

#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"

namespace dockvet::report {

/// One command-line option as the manual lists it.
struct ManOption {
  std::vector<std::string> names;  // "-f", "--format"
  std::string value_name;          // "FORMAT"; empty for a flag
  std::string description;
};

/// The whole page in roff (man(7) macros): synopsis, options, exit status, files, environment
/// and every registered rule with its code, name, default severity and summary.
std::string man_page(std::string_view version, const std::vector<ManOption>& options,
                     const Registry& registry);

}  // namespace dockvet::report
