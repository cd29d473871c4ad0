#pragma once
// The stateful-image catalog: which images keep durable data, where, and how users move it.
// It is data (checks/catalog/*.json, compiled in) that users extend and override from their
// config file with documents of the same shape. Facts cite ../shared/reference/stateful-images.md.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/image_ref.h"
#include "catalog/version.h"

namespace dockvet::catalog {

/// What kind of state an image keeps; `stateless` entries are control cases that must not fire.
enum class ImageClass { database, cache, broker, search, cms, ci, app, stateless };

std::string_view to_string(ImageClass image_class);
std::optional<ImageClass> image_class_from_string(std::string_view name);

/// One way to move a data path: an environment variable, a command argument, or a config-file
/// setting (which a linter cannot see, so a mounted config makes the path "unknown").
struct Knob {
  enum class Kind { env, arg, config };
  // How an arg knob carries its value: `option` is "--dbpath X" or "--dbpath=X", `prefix` is
  // glued on ("-Epath.data=/x"), `positional` is the first non-option word after the
  // subcommand named by the knob ("minio server /data").
  enum class Form { option, prefix, positional };
  Kind kind = Kind::env;
  Form form = Form::option;
  // "PGDATA", "--dbpath", "-Epath.data=", "server", "path.data"; an env name may end in '*'
  // for a family of variables ("REDMINE_DB_*").
  std::string name;
  std::string moves;  // the data path it replaces (a resolved entry of `data_paths`)
  std::string note;   // caveats: "install time only", "also accepts …"

  bool operator==(const Knob&) const = default;
};

/// The facts that hold for one range of versions (and optionally tag shapes) of an image.
/// In JSON, variant fields written at entry level are defaults for every variant (an entry
/// without "variants" is one variant for all versions); "notes" and "unverified" at entry
/// level belong to the entry.
struct Variant {
  std::string versions = "*";                // a VersionRange text
  std::vector<std::string> tags;             // tag globs ("*-rootless"); empty = any tag
  std::vector<std::string> data_paths;       // durable state with the defaults; may use {major}
  std::vector<std::string> volumes;          // VOLUMEs the image declares
  std::vector<std::string> secondary_paths;  // state worth keeping beside the data (config, logs)
  std::vector<std::string> wrong_paths;      // paths users mount by habit that hold no data here;
                                             // postgres 18 even refuses to start with one
  std::vector<std::string> unused_volumes;   // declared VOLUMEs the defaults never write to
  // Symlinks inside the image → where they land; apply by path prefix to both mount targets and
  // data paths before comparing (neo4j /var/lib/neo4j/data → /data).
  std::map<std::string, std::string> path_aliases;
  bool hostname_bound = false;  // the data subdirectory is named after the container hostname
  std::vector<Knob> knobs;
  std::string fix_mount;                // the docs' storage flag: "-v pgdata:/var/lib/postgresql"
  std::string volume_name;              // a suggested named volume: "pgdata"
  std::vector<std::string> notes;       // traps worth a message
  std::vector<std::string> unverified;  // facts that are leads, not verified (✗ in the source)
  std::string source;                   // "reference row 2"

  VersionRange range;  // parsed `versions`

  bool operator==(const Variant&) const = default;
};

/// An OS package that installs the server (for Dockerfiles that apt/apk/dnf/yum/zypper it).
struct Package {
  std::string pattern;    // glob: '*' any text, '#' one or more digits ("postgresql-#")
  std::string data_path;  // where the distribution's package keeps the data
  bool verified = false;  // the reference does not cover distribution packages

  bool operator==(const Package&) const = default;
};

/// Where an image keeps its users' login sessions with its defaults, for the scaled-service rule
/// DV115 (facts in docs/notes/session-stores.md). Only `files` and `memory` are per container.
struct Sessions {
  enum class Store { unknown, files, memory, database, cookie };
  Store store = Store::unknown;
  std::string path;  // files: the directory they are written to ("/tmp", "/sessions")
  // Environment variables that move them (to a shared store, or elsewhere): with any of them set,
  // the image's default no longer says where they are.
  std::vector<std::string> moved_by_env;
  // Configuration directories: a mount at or below one may hold a setting that moves them
  // (a php.ini under /usr/local/etc/php, odoo.conf in /etc/odoo).
  std::vector<std::string> moved_by_mount;
  // A runtime (tomcat, php): whether sessions exist at all is the application's choice.
  bool application_decides = false;
  std::string fix;     // how to share them, for messages: "set REDIS_HOST to a Redis service"
  std::string source;  // where the facts were read

  bool operator==(const Sessions&) const = default;
  /// True when every container keeps its own sessions with the defaults.
  bool per_container() const { return store == Store::files || store == Store::memory; }
};

std::string_view to_string(Sessions::Store store);

/// One image (with its aliases) and what it stores.
struct Entry {
  std::string name;                 // unique; a config entry with this name overrides this one
  std::vector<std::string> images;  // image names in any alias form; normalised to keys
  ImageClass image_class = ImageClass::app;
  std::string latest;                // version `latest` or no tag stands for ("18")
  std::string version_marker;        // read the version after this marker ("pg"), else leading
  std::vector<Variant> variants;     // first match wins
  std::vector<std::string> clients;  // commands that run a client, not the server
  // Arguments, or NAME=value settings given with -e, that make the image print something or
  // start no data-keeping process: memcached's "-h", teamspeak's "TS3SERVER_LICENSE=view",
  // plone's "ZEO_ADDRESS=*" (a ZEO client keeps its data in the ZEO server; `*` is any value).
  std::vector<std::string> help_args;
  std::vector<Package> packages;
  Sessions sessions;
  std::vector<std::string> notes;       // traps that hold for every variant
  std::vector<std::string> unverified;  // entry-wide leads (clients, packages, aliases)
  std::string verified = "yes";  // the reference's mark for the row(s): "yes", "partly", "no"
  std::string source;            // "reference rows 1-2"
  std::string origin;            // the document it came from: "builtin:postgres.json", a config

  bool operator==(const Entry&) const = default;
};

/// Why the reference's version was assumed.
enum class VersionBasis {
  tag,          // read from the tag
  latest,       // tag `latest`, or a tag without a version ("alpine", "lts")
  no_tag,       // no tag at all: Docker pulls `latest`
  unknown_tag,  // the tag holds a variable or placeholder
  digest_only,  // pinned by digest only: the version cannot be read
};

/// The result of a lookup: the entry and the facts for the version the reference resolves to.
struct Resolved {
  const Entry* entry = nullptr;
  const Variant* variant = nullptr;
  std::optional<Version> version;  // nullopt unless read from the tag or `latest`
  VersionBasis basis = VersionBasis::tag;
  std::string assumed_version;          // for messages: "18 (latest)", "17", "unknown (tag $TAG)"
  bool depends_on_tag = false;          // the tag leaves the version open and the versions disagree
  std::vector<std::string> data_paths;  // {major} resolved
  std::vector<std::string> volumes;
  std::vector<Knob> knobs;              // `moves` resolved
  std::vector<std::string> notes;       // the entry's notes, then the variant's
  std::vector<std::string> unverified;  // the entry's leads, then the variant's
  /// With depends_on_tag: the facts of every other variant the tag can select (their version is
  /// this one's when their range holds it, else unknown). What holds for this and all of them
  /// holds whatever version runs.
  std::vector<Resolved> alternatives;
};

/// A problem in a catalog document; the broken entry is skipped, the rest still merges.
struct CatalogError {
  std::string origin;   // "builtin:images.json", ".dockvet.yaml"
  std::string entry;    // the entry's name, or "#3" when it has none
  std::string message;  // "variants[1].versions: '>=x' is not a version range"
};

/// A searchable set of entries keyed by name and by image key.
class Catalog {
 public:
  /// The catalog compiled in from checks/catalog/*.json. The build turns the JSON into C++
  /// (src/catalog/compile_catalog.cpp), so that start-up parses no JSON; built once, safe from
  /// any thread.
  static const Catalog& builtin();
  /// The built-in catalog parsed from its JSON documents at run time: what the build compiles,
  /// and the base that a config's entries merge into field by field.
  static Catalog parse_builtin_documents(std::vector<CatalogError>* errors = nullptr);
  /// Problems met while parsing the built-in documents (empty unless the data is broken; the
  /// build fails then).
  static const std::vector<CatalogError>& builtin_errors();
  /// A catalog of entries built in code (the compiled built-in catalog). Merging into it first
  /// re-reads the built-in documents, which field-wise overrides need.
  static Catalog from_compiled(std::vector<Entry> entries, std::vector<std::string> client_commands,
                               std::vector<std::string> help_args);
  const std::vector<std::string>& client_commands() const { return client_commands_; }
  const std::vector<std::string>& help_args() const { return help_args_; }

  /// Merges a document `{"images": [entry…], "client_commands": […], "help_args": […]}`. An entry
  /// whose name exists replaces the fields it sets (arrays and objects as a whole); a new name is
  /// added. Returns the problems; never throws on bad input.
  std::vector<CatalogError> merge(const nlohmann::json& document, std::string_view origin);

  /// The entry for a reference and the facts for its version; nullopt when no entry has the
  /// reference's key or the name is unknown.
  std::optional<Resolved> lookup(const ImageRef& ref) const;
  /// The entry whose `images` contain `key` (ImageRef::key()), or nullptr.
  const Entry* find_image(std::string_view key) const;
  /// The entry by its name, or nullptr.
  const Entry* find(std::string_view name) const;
  /// The entry and package fact for an OS package name ("postgresql-16", "mysql-server=8.0*");
  /// version pins (`=…`, `~…`, `>=…`, `@…`) are ignored.
  std::optional<std::pair<const Entry*, const Package*>> find_package(
      std::string_view package) const;

  /// True when `command` (a path or a bare name) runs a client or a utility rather than the
  /// image's server: the entry's clients or the generic ones (bash, sh, cat, true, …).
  bool runs_client(const Entry* entry, std::string_view command) const;
  /// True when `argument` alone asks for help or a version (--help, --version, -?).
  bool is_help_argument(const Entry* entry, std::string_view argument) const;

  const std::vector<Entry>& entries() const { return entries_; }

  /// The literal text that every package pattern starts with, up to its first glob
  /// ("postgresql-" of "postgresql-#"), leaving out those that contain a shorter one: text that
  /// names none of these names no catalogued package, unless quotes split a name. Holds "" when
  /// some pattern starts with a glob.
  const std::vector<std::string>& package_stems() const { return package_stems_; }

 private:
  void reindex();
  std::vector<Entry> entries_;
  std::vector<nlohmann::json> raw_;  // each entry's merged document, for field-wise overrides
  std::map<std::string, std::size_t, std::less<>> by_name_;
  std::map<std::string, std::size_t, std::less<>> by_image_;
  bool compiled_ = false;  // built by from_compiled: raw_ is empty
  std::vector<std::string> client_commands_;
  std::vector<std::string> help_args_;
  std::vector<std::string> package_stems_;
};

/// The built-in catalog documents, file name and JSON text (generated by CMake).
std::vector<std::pair<std::string_view, std::string_view>> builtin_catalog_documents();

/// The built-in catalog as the build compiled it (generated by the catalog compiler).
Catalog compiled_builtin_catalog();

}  // namespace dockvet::catalog
