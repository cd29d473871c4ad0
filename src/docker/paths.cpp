#include "docker/paths.h"

#include <cctype>

namespace dockvet::docker {

namespace {

bool has_drive_letter(std::string_view path) {
  return path.size() >= 2 && std::isalpha(static_cast<unsigned char>(path[0])) && path[1] == ':' &&
         (path.size() == 2 || path[2] == '\\' || path[2] == '/');
}

std::string fold_case(std::string text) {
  for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

}  // namespace

bool is_windows_path(std::string_view path) {
  return has_drive_letter(path) || path.find('\\') != std::string_view::npos;
}

std::string normalize_container_path(std::string_view path) {
  std::string unified(path);
  if (is_windows_path(path)) {
    for (auto& ch : unified) {
      if (ch == '\\') ch = '/';
    }
  }
  std::string out;
  out.reserve(unified.size());
  for (std::size_t i = 0; i < unified.size(); ++i) {
    const char ch = unified[i];
    if (ch == '/' && !out.empty() && out.back() == '/') continue;
    // "/./" collapses to "/" (a trailing "/." too).
    if (ch == '.' && !out.empty() && out.back() == '/' &&
        (i + 1 == unified.size() || unified[i + 1] == '/')) {
      continue;
    }
    out += ch;
  }
  while (out.size() > 1 && out.back() == '/') {
    if (out.size() == 3 && has_drive_letter(out)) break;  // "C:/" is a root
    out.pop_back();
  }
  return out;
}

PathRelation relate_paths(std::string_view a, std::string_view b) {
  std::string left = normalize_container_path(a);
  std::string right = normalize_container_path(b);
  if (is_windows_path(a) || is_windows_path(b)) {
    left = fold_case(std::move(left));
    right = fold_case(std::move(right));
  }
  if (left == right) return PathRelation::equal;
  const auto contains = [](const std::string& outer, const std::string& inner) {
    if (inner.size() <= outer.size() || inner.compare(0, outer.size(), outer) != 0) return false;
    return outer.back() == '/' || inner[outer.size()] == '/';
  };
  if (!left.empty() && contains(left, right)) return PathRelation::ancestor;
  if (!right.empty() && contains(right, left)) return PathRelation::descendant;
  return PathRelation::unrelated;
}

bool same_path(std::string_view a, std::string_view b) {
  return relate_paths(a, b) == PathRelation::equal;
}

bool is_ancestor_path(std::string_view ancestor, std::string_view path) {
  return relate_paths(ancestor, path) == PathRelation::ancestor;
}

bool covers_path(std::string_view ancestor, std::string_view path) {
  const auto relation = relate_paths(ancestor, path);
  return relation == PathRelation::equal || relation == PathRelation::ancestor;
}

}  // namespace dockvet::docker
