#pragma once
// Path globs for `per-path` config entries, matched against repo-relative paths with "/" as the
// separator.
//
// `*` matches any run of characters within one path component, `?` one character other than
// "/", and `**` any number of whole components (`a/**/b` matches `a/b` and `a/x/y/b`; a trailing
// `/**` matches everything below). A pattern without "/" is matched against every component, so
// `*.md` finds Markdown at any depth and `vendor` anything under a `vendor` directory. A pattern
// with "/" is anchored at the repository root and also matches every file below a directory it
// names, so `docs` and `docs/**` both cover `docs/a/b.md`. A leading "./" or "/" is ignored.

#include <string_view>

namespace dockvet::config {

bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace dockvet::config
