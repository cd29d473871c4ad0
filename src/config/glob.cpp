#include "config/glob.h"

#include <vector>

namespace dockvet::config {

namespace {

std::vector<std::string_view> split_components(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) parts.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

// One component against one pattern component holding `*` and `?` (never "/"): backtracking
// over the last `*` keeps this linear in practice.
bool component_match(std::string_view pattern, std::string_view name) {
  std::size_t p = 0, n = 0;
  std::size_t star = std::string_view::npos, resume = 0;
  while (n < name.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
      ++p;
      ++n;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = n;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

using Parts = std::vector<std::string_view>;

// Whether pattern components [pi..] match path components [ni..] or a leading run of them: a
// directory pattern covers what lies below it.
bool parts_match(const Parts& pattern, std::size_t pi, const Parts& path, std::size_t ni) {
  if (pi == pattern.size()) return true;
  if (pattern[pi] == "**") {
    for (std::size_t skip = ni; skip <= path.size(); ++skip) {
      if (parts_match(pattern, pi + 1, path, skip)) return true;
    }
    return false;
  }
  if (ni == path.size()) return false;
  return component_match(pattern[pi], path[ni]) && parts_match(pattern, pi + 1, path, ni + 1);
}

std::string_view strip_leading_root(std::string_view text) {
  while (text.starts_with("./")) text.remove_prefix(2);
  while (text.starts_with('/')) text.remove_prefix(1);
  return text;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  pattern = strip_leading_root(pattern);
  path = strip_leading_root(path);
  if (pattern.empty()) return false;
  const Parts path_parts = split_components(path);
  if (pattern.find('/') == std::string_view::npos) {
    for (std::string_view part : path_parts) {
      if (pattern == "**" || component_match(pattern, part)) return true;
    }
    return false;
  }
  return parts_match(split_components(pattern), 0, path_parts, 0);
}

}  // namespace dockvet::config
