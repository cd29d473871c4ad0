#pragma once
// Compose files (compose.yaml, docker-compose.yml, …) read the way `docker compose config` reads
// them: each service's image, storage, environment, command and replica count, with `${VAR}`
// interpolation from the `.env` beside the file, YAML anchors and merge keys (`<<: *base`),
// `extends` within the file and across files, top-level `include`, and the Dockerfile a
// `build:` service is built from.
//
// Each service becomes a docker::Invocation (origin compose), so the stateful analysis and the
// DV1xx checks read it as they read a `docker run` line; every Word points at the YAML scalar
// it came from, so findings name the service's `image:` line and the volume entry itself.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/check.h"
#include "core/source.h"
#include "docker/invocation.h"
#include "stateful/built_images.h"

namespace dockvet::compose {

/// The code of the issue for an `extends` or `include` that names a file or service that
/// cannot be read, or goes round in a circle.
inline constexpr std::string_view unresolved_reference_code = "DV032";

/// Variables for interpolation: the `.env` file's, and with --compose-env the process's.
using Environment = std::map<std::string, std::string, std::less<>>;

/// What a compose file declares.
struct Project {
  std::vector<docker::Invocation> services;  // in file order; only services with an image or build
  std::vector<std::string> service_names;    // parallel to `services`
  // Images the file builds (`build:`), by the base their Dockerfile's last stage starts FROM.
  std::vector<stateful::BuiltImage> built;
  // Each service's lines, first (its key) to last, 1-based: a pragma above a service covers it.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> service_lines;
};

/// Reads a compose file. A YAML error becomes one issue with its position; a document that is
/// YAML but has no `services` map gives an empty project. `directory` is where `.env`,
/// `build.context` and relative paths are resolved (the file's own directory; empty for stdin,
/// where nothing beside the file is read).
Project read_compose(const SourceFile& file, const Environment& environment,
                     std::vector<FrontEndIssue>& issues, const std::string& directory);

/// The variables of a `.env` file: `KEY=VALUE` lines, `export KEY=VALUE`, `#` comments, single
/// and double quotes (double quotes understand \n, \", \\).
Environment parse_env_file(std::string_view text);

/// One piece of an interpolated value: literal text, or a variable that stays unknown.
struct Piece {
  std::string text;        // the value, or for an unknown variable its source ("${TAG}")
  bool literal = true;     // false for an unset variable without a default
  std::size_t source = 0;  // offset in the input where the piece's source begins
  std::size_t source_end = 0;
};
/// Compose's interpolation: `$$` is `$`; `$VAR` and `${VAR}`; `${VAR:-default}` and
/// `${VAR-default}`; `${VAR:+alt}` and `${VAR+alt}`; `${VAR:?err}` and `${VAR?err}` (unset
/// leaves it unknown). Defaults may themselves hold variables.
std::vector<Piece> interpolate(std::string_view text, const Environment& environment);

}  // namespace dockvet::compose
