#pragma once
// How far apart two spellings are, for "did you mean" hints and near-miss mount paths.

#include <cstddef>
#include <string_view>

namespace dockvet {

/// Levenshtein distance: the fewest single-byte insertions, deletions and substitutions that turn
/// `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace dockvet
