#include "report/location.h"

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <map>

#include "report/encoding.h"

namespace dockvet::report {
namespace fs = std::filesystem;
namespace {

bool climbs_out(const fs::path& relative) {
  return !relative.empty() && *relative.begin() == "..";
}

std::string without_dot_prefix(fs::path path) {
  std::string text = path.generic_string();
  while (text.starts_with("./")) text.erase(0, 2);
  if (text == ".") text.clear();
  return text;
}

std::uint64_t fnv1a(std::string_view data, std::uint64_t basis) {
  std::uint64_t hash = basis;
  for (char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// FNV-1a mixes its last bytes poorly; splitmix64's finaliser spreads them over all bits.
std::uint64_t finalise(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::string without_whitespace(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') out += c;
  }
  return out;
}

/// The root as an absolute, normalised directory without a trailing separator; the current
/// directory when none is given. Empty when even that cannot be known.
fs::path absolute_root(std::string_view source_root) {
  std::error_code error;
  fs::path root =
      source_root.empty() ? fs::current_path(error) : fs::absolute(std::string(source_root), error);
  if (error) return {};
  root = root.lexically_normal();
  if (!root.has_filename() && root.has_relative_path()) root = root.parent_path();
  return root;
}

}  // namespace

RepoPath repo_path(std::string_view file, std::string_view source_root) {
  const fs::path normal = fs::path(std::string(file)).lexically_normal();
  if (normal.is_relative()) {
    if (!climbs_out(normal)) return {without_dot_prefix(normal), true};
    const fs::path root = absolute_root(source_root);
    if (root.empty()) return {normal.generic_string(), true};
    return {(root / normal).lexically_normal().generic_string(), false};
  }
  if (!source_root.empty()) {
    const fs::path root = absolute_root(source_root);
    const fs::path relative = root.empty() ? fs::path() : normal.lexically_relative(root);
    if (!relative.empty() && !climbs_out(relative)) return {without_dot_prefix(relative), true};
  }
  return {normal.generic_string(), false};
}

std::string artifact_uri(const RepoPath& path) {
  if (path.relative) return percent_encode_path(path.path);
  return "file://" + percent_encode_path(path.path);
}

std::string stable_hash(std::string_view data) {
  return fmt::format("{:016x}{:016x}", finalise(fnv1a(data, 0xcbf29ce484222325ULL)),
                     finalise(fnv1a(data, 0x84222325cbf29ce4ULL)));
}

std::vector<std::string> stable_fingerprints(std::span<const Diagnostic> diagnostics,
                                             std::string_view source_root) {
  std::vector<std::string> out;
  out.reserve(diagnostics.size());
  std::map<std::string, int> seen;
  for (const Diagnostic& d : diagnostics) {
    std::string key = d.code;
    key += '\0';
    key += repo_path(d.file, source_root).path;
    key += '\0';
    key += d.message;
    key += '\0';
    key += without_whitespace(d.snippet);
    const std::string hash = stable_hash(key);
    out.push_back(fmt::format("{}:{}", hash, ++seen[hash]));
  }
  return out;
}

}  // namespace dockvet::report
