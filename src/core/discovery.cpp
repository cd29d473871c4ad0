#include "core/discovery.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>

#include "kubernetes/manifests.h"

namespace fs = std::filesystem;

namespace dockvet {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Folders that hold someone else's code or tool state, never the project's own definitions.
constexpr std::array<std::string_view, 14> kSkippedDirectories = {
    ".git",        ".hg",          ".svn",
    ".bzr",        "_darcs",       "CVS",
    ".jj",         "node_modules", "bower_components",
    "vendor",      ".venv",        "venv",
    "__pycache__", ".tox"};

bool skipped_directory(std::string_view name) {
  return std::find(kSkippedDirectories.begin(), kSkippedDirectories.end(), name) !=
         kSkippedDirectories.end();
}

std::string read_head(const fs::path& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  std::string head(limit, '\0');
  in.read(head.data(), static_cast<std::streamsize>(limit));
  head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
}

bool shell_shebang(std::string_view head) {
  if (!starts_with(head, "#!")) return false;
  std::string_view line = head.substr(
      2, head.find('\n') == std::string_view::npos ? std::string_view::npos : head.find('\n') - 2);
  // "#!/bin/sh", "#!/usr/bin/env bash", "#!/usr/bin/env -S bash -e"
  std::size_t i = 0;
  std::vector<std::string_view> words;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  for (auto word : words) {
    std::string_view base =
        word.substr(word.rfind('/') == std::string_view::npos ? 0 : word.rfind('/') + 1);
    if (base == "env" || starts_with(base, "-")) continue;
    return base == "sh" || base == "bash" || base == "zsh" || base == "ksh" || base == "dash" ||
           base == "mksh" || base == "ash";
  }
  return false;
}

bool is_yaml_name(std::string_view name) {
  const std::string lowered = lower(name);
  return ends_with(lowered, ".yaml") || ends_with(lowered, ".yml");
}

}  // namespace

FileKind kind_from_name(std::string_view filename) {
  const std::string name = lower(filename);
  if (name == "dockerfile" || name == "containerfile" || starts_with(name, "dockerfile.") ||
      starts_with(name, "containerfile.") || ends_with(name, ".dockerfile") ||
      ends_with(name, ".containerfile")) {
    return FileKind::dockerfile;
  }
  if (ends_with(name, ".sh") || ends_with(name, ".bash")) return FileKind::shell;
  if (filename == "Makefile" || filename == "makefile" || filename == "GNUmakefile" ||
      ends_with(name, ".mk")) {
    return FileKind::makefile;
  }
  if (ends_with(name, ".md") || ends_with(name, ".markdown")) return FileKind::markdown;
  // compose.yaml, compose.yml, docker-compose.yml, docker-compose.prod.yaml, compose.dev.yml
  if ((ends_with(name, ".yml") || ends_with(name, ".yaml")) &&
      (starts_with(name, "compose.") || starts_with(name, "docker-compose."))) {
    return FileKind::compose;
  }
  return FileKind::unknown;
}

FileKind kind_from_content(std::string_view head) {
  if (shell_shebang(head)) return FileKind::shell;
  if (kubernetes::looks_like_manifest(head)) return FileKind::kubernetes;
  // A Dockerfile's first instruction (after comments, directives and blank lines) is FROM, ARG
  // or a parser directive; nothing else starts that way.
  std::size_t pos = 0;
  if (starts_with(head, "\xEF\xBB\xBF")) pos = 3;
  while (pos < head.size()) {
    std::size_t end = head.find('\n', pos);
    std::string_view line =
        head.substr(pos, end == std::string_view::npos ? head.size() - pos : end - pos);
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') {
      std::string word = lower(line.substr(first, line.find_first_of(" \t", first) - first));
      if (word == "from" || word == "arg") return FileKind::dockerfile;
      return FileKind::unknown;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return FileKind::unknown;
}

namespace {

class Walker {
 public:
  explicit Walker(DiscoveryResult& result) : result_(result) {}

  void add_named_file(const fs::path& path, std::optional<FileKind> forced) {
    FileKind kind = forced.value_or(kind_from_name(path.filename().string()));
    if (kind == FileKind::unknown) kind = kind_from_content(read_head(path, 4096));
    if (kind == FileKind::unknown) kind = FileKind::shell;
    add(path.string(), kind);
  }

  void walk(const fs::path& root) {
    std::error_code ec;
    const fs::path canonical_root = fs::weakly_canonical(root, ec);
    walk_directory(root, canonical_root);
  }

 private:
  void add(std::string path, FileKind kind) {
    // "./Dockerfile" and "a/../Dockerfile" are reported the way users write them: "Dockerfile".
    if (has_dot_or_empty_component(path)) path = fs::path(path).lexically_normal().string();
    if (seen_.insert(path).second) result_.targets.push_back({std::move(path), kind});
  }

  void walk_directory(const fs::path& directory, const fs::path& canonical_root) {
    std::error_code ec;
    std::vector<std::pair<std::string, fs::directory_entry>> entries;  // by file name
    for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
      entries.emplace_back(it->path().filename().string(), *it);
    }
    if (ec) {
      result_.errors.push_back(directory.string() + ": cannot read directory: " + ec.message());
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [name, entry] : entries) {
      std::error_code status_ec;
      const bool is_link = entry.is_symlink(status_ec);
      if (entry.is_directory(status_ec)) {
        // A symlinked directory may lead out of the tree or into a loop: never follow it.
        if (is_link || skipped_directory(name)) continue;
        walk_directory(entry.path(), canonical_root);
        continue;
      }
      if (!entry.is_regular_file(status_ec)) continue;
      if (is_link && !inside(entry.path(), canonical_root)) continue;
      FileKind kind = kind_from_name(name);
      if (kind == FileKind::unknown && entry.path().extension().empty()) {
        if (shell_shebang(read_head(entry.path(), 256))) kind = FileKind::shell;
      }
      // Any YAML file may be a Kubernetes manifest; one that is neither that nor a compose file
      // (CI configuration, Helm values, …) is left out without a word.
      if (kind == FileKind::unknown && is_yaml_name(name) &&
          kubernetes::looks_like_manifest(read_head(entry.path(), 4096))) {
        kind = FileKind::kubernetes;
      }
      if (kind != FileKind::unknown) add(entry.path().string(), kind);
    }
  }

  // True when a component of `path` is ".", ".." or empty ("a//b"), which lexically_normal
  // would change; the paths a directory walk builds rarely have one.
  static bool has_dot_or_empty_component(std::string_view path) {
    std::size_t begin = 0;
    while (begin <= path.size()) {
      const std::size_t end = std::min(path.find('/', begin), path.size());
      const std::string_view component = path.substr(begin, end - begin);
      const bool last = end == path.size();
      // A trailing "/" leaves an empty last component that lexically_normal keeps.
      if ((component.empty() && !last && begin != 0) || component == "." || component == "..") {
        return true;
      }
      begin = end + 1;
    }
    return false;
  }

  static bool inside(const fs::path& path, const fs::path& canonical_root) {
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(path, ec);
    if (ec) return false;
    auto [root_end, unused] =
        std::mismatch(canonical_root.begin(), canonical_root.end(), target.begin(), target.end());
    return root_end == canonical_root.end();
  }

  DiscoveryResult& result_;
  std::set<std::string> seen_;
};

}  // namespace

DiscoveryResult discover(const std::vector<std::string>& paths,
                         std::optional<FileKind> forced_kind) {
  DiscoveryResult result;
  Walker walker(result);
  for (const auto& path_text : paths) {
    const fs::path path(path_text);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      result.errors.push_back(path_text + ": no such file or directory");
    } else if (fs::is_directory(status)) {
      walker.walk(path);
    } else {
      walker.add_named_file(path, forced_kind);
    }
  }
  std::sort(result.targets.begin(), result.targets.end(),
            [](const LintTarget& a, const LintTarget& b) { return a.path < b.path; });
  return result;
}

}  // namespace dockvet
