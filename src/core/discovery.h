#pragma once
// Finding the files to lint: walking directories, recognising file kinds by name and content.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace dockvet {

/// A file to lint and the front end that reads it.
struct LintTarget {
  std::string path;
  FileKind kind = FileKind::unknown;
};

struct DiscoveryResult {
  std::vector<LintTarget> targets;  // sorted by path, no duplicates
  std::vector<std::string> errors;  // "PATH: reason" for paths that could not be used
};

/// The kind a file name implies, or unknown (e.g. "Dockerfile.dev" -> dockerfile).
FileKind kind_from_name(std::string_view filename);

/// The kind of a file whose name says nothing, guessed from its first bytes: a shell shebang
/// makes a script, top-level `apiVersion:` and `kind:` keys a Kubernetes manifest, a first
/// instruction such as FROM or ARG a Dockerfile. Unknown otherwise.
FileKind kind_from_content(std::string_view head);

/// Expands `paths` (files and directories) into the files to lint. Directories are walked in
/// byte order of names, skipping VCS and vendor folders and never following a symlinked
/// directory; in them only recognised files are taken. A file named here is always linted: its
/// kind is `forced_kind` when given, else guessed from name then content, else shell.
DiscoveryResult discover(const std::vector<std::string>& paths,
                         std::optional<FileKind> forced_kind = std::nullopt);

}  // namespace dockvet
