#pragma once
// Container image references ("postgres:17", "docker.io/bitnami/mysql@sha256:…",
// "localhost:5000/app:1") split into their parts and normalised, so that every spelling of one
// Docker Hub image maps to one catalog key.

#include <string>
#include <string_view>

#include "core/word.h"

namespace dockvet::catalog {

/// One image reference as written, split and normalised. Docker Hub's host names
/// (`docker.io`, `index.docker.io`, `registry-1.docker.io`, none) become "docker.io" and a
/// single-component name gets the "library" namespace. Parts that came from an unresolved
/// variable or a docs placeholder (`$TAG`, `${IMAGE}`, `:tag`, `[version]`) keep their text but
/// are flagged unknown.
struct ImageRef {
  std::string text;        // the reference exactly as given
  std::string registry;    // "docker.io", "quay.io", "localhost:5000", …
  std::string namespace_;  // path between registry and repository: "library", "bitnamilegacy",
                           // "mssql" (mcr.microsoft.com/mssql/server), "" when there is none
  std::string repository;  // last path component: "postgres"
  std::string tag;         // "" when absent
  std::string digest;      // "sha256:…", "" when absent
  // Where the reference was rewritten to its Docker Hub original: the mirror host
  // ("mirror.gcr.io", "public.ecr.aws") or the architecture namespace ("arm64v8"); else "".
  std::string rewritten_from;

  bool valid = true;  // false: not a well-formed reference (uppercase path, empty part, …)
  std::string error;  // why it is invalid

  bool name_known = true;  // registry, namespace and repository are free of unknown parts
  bool tag_known = true;   // tag and digest are free of unknown parts (absent counts as known)

  /// True when the reference names a tag (known or not).
  bool has_tag() const { return !tag.empty(); }
  /// The full normalised name without tag or digest: "docker.io/library/postgres".
  std::string full_name() const;
  /// The catalog key: "postgres" for library images, "bitnami/mysql" for every bitnami*
  /// namespace, "namespace/repo" elsewhere on Docker Hub, "host/path" on other registries.
  std::string key() const;
};

/// Parses a reference whose text is fully known.
ImageRef parse_image_ref(std::string_view text);

/// Parses a reference that may hold unresolved parts. When `fully_known` is false the parts that
/// hold a `$`/backtick expansion are marked unknown; when none can be found in the text, both
/// name and tag are marked unknown.
ImageRef parse_image_ref(std::string_view text, bool fully_known);

/// Parses a shell word: its non-literal segments are the unknown parts.
ImageRef parse_image_ref(const Word& word);

}  // namespace dockvet::catalog
