#include "dockerfile/dockerignore.h"

#include <algorithm>
#include <filesystem>

#include "core/source.h"

namespace dockvet::dockerfile {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> out;
  for (;;) {
    const std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return out;
    path.remove_prefix(slash + 1);
  }
}

// One `[...]` class at pattern[at] (just after '['); sets `end` past the ']'. Nullopt when the
// class is malformed, which never matches.
std::optional<bool> class_matches(std::string_view pattern, std::size_t at, char c,
                                  std::size_t& end) {
  bool negate = false;
  if (at < pattern.size() && (pattern[at] == '^' || pattern[at] == '!')) {
    negate = true;
    ++at;
  }
  bool matched = false;
  bool first = true;
  while (at < pattern.size() && (first || pattern[at] != ']')) {
    first = false;
    char low = pattern[at];
    if (low == '\\' && at + 1 < pattern.size()) low = pattern[++at];
    ++at;
    char high = low;
    if (at + 1 < pattern.size() && pattern[at] == '-' && pattern[at + 1] != ']') {
      high = pattern[at + 1];
      if (high == '\\' && at + 2 < pattern.size()) high = pattern[++at + 1];
      at += 2;
    }
    if (c >= low && c <= high) matched = true;
  }
  if (at >= pattern.size()) return std::nullopt;
  end = at + 1;
  return matched != negate;
}

// filepath.Match for one path component (no '/' on either side).
bool component_matches(std::string_view pattern, std::string_view name) {
  std::size_t p = 0, n = 0;
  std::size_t star_p = std::string_view::npos, star_n = 0;
  while (n < name.size()) {
    if (p < pattern.size()) {
      const char c = pattern[p];
      if (c == '*') {
        while (p < pattern.size() && pattern[p] == '*') ++p;
        star_p = p;
        star_n = n;
        continue;
      }
      if (c == '?') {
        ++p, ++n;
        continue;
      }
      if (c == '[') {
        std::size_t end = 0;
        const auto matched = class_matches(pattern, p + 1, name[n], end);
        if (matched && *matched) {
          p = end, ++n;
          continue;
        }
      } else {
        char literal = c;
        std::size_t width = 1;
        if (c == '\\' && p + 1 < pattern.size()) literal = pattern[p + 1], width = 2;
        if (literal == name[n]) {
          p += width, ++n;
          continue;
        }
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p;
    n = ++star_n;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Whether the pattern's components from `pi` match the path's from `ni`; a "**" component
// matches any number of path components, none included.
bool components_match(const std::vector<std::string_view>& pattern, std::size_t pi,
                      const std::vector<std::string_view>& path, std::size_t ni) {
  while (pi < pattern.size()) {
    if (pattern[pi] == "**") {
      for (std::size_t skip = ni; skip <= path.size(); ++skip) {
        if (components_match(pattern, pi + 1, path, skip)) return true;
      }
      return false;
    }
    if (ni >= path.size() || !component_matches(pattern[pi], path[ni])) return false;
    ++pi, ++ni;
  }
  return ni == path.size();
}

bool pattern_matches(std::string_view pattern, std::string_view path) {
  return components_match(components(pattern), 0, components(path), 0);
}

}  // namespace

std::string clean_context_path(std::string_view path) {
  std::vector<std::string_view> kept;
  for (const auto part : components(path)) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!kept.empty()) kept.pop_back();
      continue;
    }
    kept.push_back(part);
  }
  if (kept.empty()) return ".";
  std::string out;
  for (const auto part : kept) {
    if (!out.empty()) out += '/';
    out += part;
  }
  return out;
}

DockerIgnore::DockerIgnore(std::string_view contents) {
  while (!contents.empty()) {
    const std::size_t newline = contents.find('\n');
    std::string_view line = contents.substr(0, newline);
    contents =
        newline == std::string_view::npos ? std::string_view{} : contents.substr(newline + 1);
    if (!line.empty() && line.front() == '#') continue;
    line = trim(line);
    if (line.empty()) continue;
    IgnorePattern pattern;
    if (line.front() == '!') {
      pattern.exclusion = true;
      line = trim(line.substr(1));
      if (line.empty()) continue;
    }
    pattern.text = clean_context_path(line);
    patterns_.push_back(std::move(pattern));
  }
}

bool DockerIgnore::has_exclusions() const {
  return std::any_of(patterns_.begin(), patterns_.end(),
                     [](const IgnorePattern& p) { return p.exclusion; });
}

bool DockerIgnore::matches_or_parent_matches(std::string_view path) const {
  const std::string file = clean_context_path(path);
  const auto parts = components(file);
  bool matched = false;
  for (const IgnorePattern& pattern : patterns_) {
    bool match = pattern_matches(pattern.text, file);
    // A pattern that names a directory also covers what is in it.
    for (std::size_t depth = 1; !match && depth < parts.size(); ++depth) {
      std::string parent;
      for (std::size_t i = 0; i < depth; ++i) {
        if (i) parent += '/';
        parent += parts[i];
      }
      match = pattern_matches(pattern.text, parent);
    }
    if (match) matched = !pattern.exclusion;
  }
  return matched;
}

std::optional<DockerIgnore> read_docker_ignore(const std::string& dockerfile_path) {
  const std::filesystem::path dockerfile(dockerfile_path);
  const std::filesystem::path directory = dockerfile.parent_path();
  for (const std::filesystem::path& candidate :
       {directory / (dockerfile.filename().string() + ".dockerignore"),
        directory / ".dockerignore"}) {
    const FileRead read = read_file(candidate.string());
    if (read.error == 0) return DockerIgnore(read.text);
  }
  return std::nullopt;
}

}  // namespace dockvet::dockerfile
