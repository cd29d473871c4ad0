#pragma once
// The conservative similarity test behind "mount next to the data path" (DV105): a mount that
// differs from the data path in one component, and there only by a typo or a suffix.

#include <string_view>

namespace dockvet::stateful {

/// True when `mount` and `data` have the same depth and differ in exactly one component whose
/// two spellings are close: at most one (short names) or two edits apart, one the other plus a
/// data suffix (`mysql`/`mysql-data`), or two version numbers (`17`/`18`).
bool is_near_miss(std::string_view mount, std::string_view data);

}  // namespace dockvet::stateful
