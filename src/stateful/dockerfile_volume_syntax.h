#pragma once
// How a VOLUME word can go wrong on its own: a `host:container` pair, a relative path, or a
// single-quoted "JSON" array that BuildKit reads as plain words. Shared by DV123-DV125 so that
// one mistake is reported by one check.

#include <optional>
#include <string>
#include <string_view>

#include "dockerfile/dockerfile.h"

namespace dockvet::stateful {

/// For `/srv:/data`, `pgdata:/data` or `C:\host:C:\data`: the container path after the first
/// colon that is not a Windows drive letter, when it is absolute. nullopt for any other path.
std::optional<std::string> container_part(std::string_view path);

/// True when the VOLUME's arguments start like a JSON array that BuildKit could not read, so it
/// split them on whitespace instead.
bool is_broken_json_volume(const dockerfile::Instruction& volume);

/// True for a path that is neither absolute nor a Windows path.
bool is_relative_volume_path(std::string_view path);

/// The replacement text for `token` that declares `path` instead, in the token's own form
/// (quoted in a JSON array); nullopt when the token holds quotes, escapes or variables.
std::optional<std::string> replacement_for(const dockerfile::Instruction& volume,
                                           const dockerfile::Token& token, std::string_view path);

}  // namespace dockvet::stateful
