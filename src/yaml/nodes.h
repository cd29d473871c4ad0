#pragma once
// What the YAML front ends (compose files, Kubernetes manifests) share on top of yaml-cpp: merge
// keys, where a scalar's text sits in the file, and a YAML error as a finding.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/check.h"
#include "core/source.h"

namespace dockvet::yaml {

/// The code of the finding for a YAML syntax error (the DV030 check reports it).
inline constexpr std::string_view invalid_yaml_code = "DV030";

/// The value under `key` of a map, following merge keys (`<<: *base`, `<<: [*a, *b]`), which
/// yaml-cpp does not apply: the map's own keys win over merged ones, earlier merge sources over
/// later ones. An Undefined node when there is none, never an invalid one (unlike `[]`).
YAML::Node get(const YAML::Node& map, std::string_view key);

/// Where a scalar's text sits in the file: the whole scalar (its quotes included) and, when
/// those bytes spell the value exactly, where its content begins.
struct ScalarSource {
  ByteRange range;
  std::size_t content = 0;
  bool exact = false;
};
/// The source of the scalar `value` whose node starts at byte `pos` of `text`.
ScalarSource scalar_source(std::string_view text, std::size_t pos, const std::string& value);

/// A YAML error as a DV030 issue, at the parser's position; `lines_before` is where the parsed
/// text starts in the file (for one document of several).
FrontEndIssue yaml_error(const SourceFile& file, const YAML::Exception& error,
                         std::uint32_t lines_before = 0);

}  // namespace dockvet::yaml
