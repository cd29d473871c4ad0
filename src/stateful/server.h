#pragma once
// Whether a command line starts an image's server or runs something else in it (reference:
// shared/reference/stateful-images.md, rules 16-17), and the command-line signals that hide or
// switch off where the server writes.

#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "core/word.h"
#include "docker/invocation.h"

namespace dockvet::stateful {

/// True when the container runs the image's server: no `--help`, no `--entrypoint` override, and
/// a command that is empty, starts with an option (forwarded to the server), or names no client
/// or utility. An image whose server needs a subcommand (`minio server`) needs that word.
bool starts_server(const docker::Invocation& invocation, const catalog::Resolved& resolved,
                   const catalog::Catalog& catalog);

/// True when the arguments turn persistence off: redis' `--save ''` without `--appendonly yes`
/// (reference 1.8, redis), influxdb 3's `--object-store memory` (row 29).
bool persistence_switched_off(const std::vector<Word>& command);

/// True when an argument switches the server into a mode with another data directory that the
/// catalog's knobs do not model: mongod `--configsvr` writes to /data/configdb (reference row 15).
bool mode_moves_data(const std::vector<Word>& command);

/// True for a path that names a configuration file or directory (`/etc/mysql/conf.d`,
/// `/usr/local/etc/redis/redis.conf`), which may move the data directory invisibly (rule 13).
bool looks_like_config(std::string_view path);

}  // namespace dockvet::stateful
