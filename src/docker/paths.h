#pragma once
// Container-side paths as the mount rules compare them: `/var/lib/mysql/`, `/var//lib/./mysql`
// and `/var/lib/mysql` are one path; Windows container paths (`C:\data\db`) compare without case
// and with `\` equal to `/`.

#include <string>
#include <string_view>

namespace dockvet::docker {

/// True for a Windows path: a drive letter (`C:\x`, `c:/x`) or any backslash.
bool is_windows_path(std::string_view path);

/// Strips trailing separators (the root stays), collapses `//` and `/./`; a Windows path gets
/// `/` for `\`. Case is kept: compare with the functions below.
std::string normalize_container_path(std::string_view path);

/// How path `a` relates to path `b`.
enum class PathRelation { unrelated, equal, ancestor, descendant };

/// `ancestor` when `a` contains `b` (`/var/lib` and `/var/lib/mysql`), `descendant` when `b`
/// contains `a`. Both sides are normalised first; Windows paths ignore case.
PathRelation relate_paths(std::string_view a, std::string_view b);

bool same_path(std::string_view a, std::string_view b);
/// True when `ancestor` strictly contains `path`.
bool is_ancestor_path(std::string_view ancestor, std::string_view path);
/// True when `ancestor` equals or contains `path`: a mount at `ancestor` covers `path`.
bool covers_path(std::string_view ancestor, std::string_view path);

}  // namespace dockvet::docker
