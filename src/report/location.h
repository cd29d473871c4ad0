#pragma once
// How reports name a file for consumers that match findings to a repository (SARIF, GitLab,
// SonarQube): relative to the source root, '/'-separated, normalised, and stable across runs.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace dockvet::report {

/// A file as a repository-relative path when it lies under the source root, or else as a
/// normalised absolute path.
struct RepoPath {
  std::string path;
  bool relative = true;
};

RepoPath repo_path(std::string_view file, std::string_view source_root);

/// A SARIF artifact URI: a percent-encoded relative reference, or a file:// URI when the file
/// lies outside the source root.
std::string artifact_uri(const RepoPath& path);

/// Fingerprints that survive unrelated edits: a hash of the code, the repo path, the message and
/// the source under the finding (whitespace removed, so re-indenting does not change it), never
/// the line number. Findings that hash alike are told apart by their order: the value is
/// "<hash>:<n>" for the n-th (1-based) such finding.
std::vector<std::string> stable_fingerprints(std::span<const Diagnostic> diagnostics,
                                             std::string_view source_root);

/// 32 lowercase hex digits derived from `data`: stable across platforms and releases.
std::string stable_hash(std::string_view data);

}  // namespace dockvet::report
