#pragma once
// How a rule key the user typed (in a config, on the command line, in a pragma) names a check:
// by code, readable name or hadolint alias, in any case, or by a code prefix.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/check.h"

namespace dockvet::config {

bool iequals(std::string_view a, std::string_view b);
std::string lowercase(std::string_view text);

/// A full code, name or alias outranks any prefix.
inline constexpr std::size_t kExactMatch = 1000;

/// How specifically `key` names the check: kExactMatch for its code, name or an alias, the
/// prefix length for a prefix of its code or an alias, 0 when it does not name it.
std::size_t match_score(std::string_view key, const CheckMeta& meta);

/// Whether `key` is the check's code, name or an alias (pragmas take no prefixes).
inline bool names_check(std::string_view key, const CheckMeta& meta) {
  return match_score(key, meta) == kExactMatch;
}

}  // namespace dockvet::config
