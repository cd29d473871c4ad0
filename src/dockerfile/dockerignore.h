#pragma once
// A build context's `.dockerignore` (or `<Dockerfile>.dockerignore`) as BuildKit reads it
// (moby/patternmatcher and moby's dockerignore reader): one pattern a line, `#` comments and
// blank lines skipped, a leading `!` re-includes, paths cleaned and taken relative to the
// context root. `*` and `?` stay within one path component, `**` spans any number of them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dockvet::dockerfile {

struct IgnorePattern {
  std::string text;  // cleaned, without `!` and without a leading "/"
  bool exclusion = false;
};

class DockerIgnore {
 public:
  explicit DockerIgnore(std::string_view contents);
  const std::vector<IgnorePattern>& patterns() const { return patterns_; }
  /// Whether some pattern is an exclusion (`!keep.txt`).
  bool has_exclusions() const;
  /// BuildKit's MatchesOrParentMatches: the last pattern that matches `path` (cleaned, relative to
  /// the context) or one of its parent directories decides; false when none matches.
  bool matches_or_parent_matches(std::string_view path) const;

 private:
  std::vector<IgnorePattern> patterns_;
};

/// The ignore file that applies to the Dockerfile at `dockerfile_path` when its directory is the
/// build context: `<name>.dockerignore` beside it, else `.dockerignore`. Nullopt when neither can
/// be read (missing, unreadable, a directory): then nothing is ignored.
std::optional<DockerIgnore> read_docker_ignore(const std::string& dockerfile_path);

/// Go's path.Clean for a context-relative path, with a leading "/" dropped: "./a//b/../c" is
/// "a/c", "" and "/" are ".".
std::string clean_context_path(std::string_view path);

}  // namespace dockvet::dockerfile
