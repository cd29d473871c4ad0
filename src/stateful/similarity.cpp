// Near-miss paths: component-wise comparison with a small, bounded edit distance.

#include "stateful/similarity.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/edit_distance.h"
#include "docker/paths.h"

namespace dockvet::stateful {

namespace {

std::vector<std::string> components(std::string_view path, bool fold) {
  std::string normalised = docker::normalize_container_path(path);
  if (fold) {
    std::transform(normalised.begin(), normalised.end(), normalised.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  }
  std::vector<std::string> parts;
  std::string part;
  for (char ch : normalised) {
    if (ch == '/') {
      if (!part.empty()) parts.push_back(std::move(part));
      part.clear();
    } else {
      part += ch;
    }
  }
  if (!part.empty()) parts.push_back(std::move(part));
  return parts;
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](unsigned char ch) { return std::isdigit(ch); });
}

/// The suffixes people add to a directory name to say "its data": `mysql-data`, `mongodb_db`.
/// Other suffixes name different directories (`/var/lib/mysql-files` is MySQL's import dir).
bool is_data_suffix(std::string_view suffix) {
  if (!suffix.empty() && (suffix.front() == '-' || suffix.front() == '_')) suffix.remove_prefix(1);
  return suffix == "data" || suffix == "db" || suffix == "dir" || suffix == "storage";
}

bool close_names(std::string_view a, std::string_view b) {
  if (all_digits(a) && all_digits(b)) return true;
  const std::size_t shorter = std::min(a.size(), b.size());
  if (shorter < 3) return false;
  if (shorter >= 4 && a.substr(0, shorter) == b.substr(0, shorter) &&
      is_data_suffix((a.size() > b.size() ? a : b).substr(shorter))) {
    return true;
  }
  return edit_distance(a, b) <= (shorter >= 5 ? 2u : 1u);
}

}  // namespace

bool is_near_miss(std::string_view mount, std::string_view data) {
  const bool fold = docker::is_windows_path(mount) || docker::is_windows_path(data);
  const auto left = components(mount, fold);
  const auto right = components(data, fold);
  if (left.size() != right.size() || left.empty()) return false;
  std::size_t differing = 0;
  bool close = false;
  for (std::size_t i = 0; i < left.size(); ++i) {
    if (left[i] == right[i]) continue;
    ++differing;
    close = close_names(left[i], right[i]);
  }
  return differing == 1 && close;
}

}  // namespace dockvet::stateful
