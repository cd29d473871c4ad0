#include "catalog/catalog.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <stdexcept>

namespace dockvet::catalog {
namespace {

using nlohmann::json;

// A malformed field; caught per entry so one broken entry never stops the others.
struct FieldError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr std::array<std::pair<std::string_view, ImageClass>, 8> kClassNames = {{
    {"database", ImageClass::database},
    {"cache", ImageClass::cache},
    {"broker", ImageClass::broker},
    {"search", ImageClass::search},
    {"cms", ImageClass::cms},
    {"ci", ImageClass::ci},
    {"app", ImageClass::app},
    {"stateless", ImageClass::stateless},
}};

// Fields a variant may carry; at entry level they are defaults for every variant.
const std::set<std::string, std::less<>> kVariantFields = {
    "versions",    "tags",           "data_paths",   "volumes",        "secondary_paths",
    "wrong_paths", "unused_volumes", "path_aliases", "hostname_bound", "knobs",
    "fix_mount",   "volume_name",    "notes",        "unverified",     "source"};
const std::set<std::string, std::less<>> kEntryOnlyFields = {
    "name",    "images",    "class",    "latest",   "version_marker", "variants",
    "clients", "help_args", "packages", "verified", "sessions"};

std::string describe(const json& value) {
  switch (value.type()) {
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    default: return "a number";
  }
}

std::string read_string(const json& object, std::string_view field, std::string fallback = "") {
  auto it = object.find(field);
  if (it == object.end()) return fallback;
  if (!it->is_string()) {
    throw FieldError(std::string(field) + ": expected a string, found " + describe(*it));
  }
  return it->get<std::string>();
}

std::vector<std::string> read_strings(const json& object, std::string_view field) {
  auto it = object.find(field);
  if (it == object.end()) return {};
  if (!it->is_array()) {
    throw FieldError(std::string(field) + ": expected an array of strings, found " + describe(*it));
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& item = (*it)[i];
    if (!item.is_string()) {
      throw FieldError(std::string(field) + "[" + std::to_string(i) +
                       "]: expected a string, found " + describe(item));
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

void reject_unknown_fields(const json& object, std::string_view where,
                           std::initializer_list<const std::set<std::string, std::less<>>*> known) {
  for (const auto& [key, value] : object.items()) {
    // A named reference: clang 14 cannot capture a structured binding in a lambda.
    const std::string& name = key;
    bool found = std::any_of(known.begin(), known.end(),
                             [&](const auto* fields) { return fields->count(name) != 0; });
    if (!found) throw FieldError(std::string(where) + "unknown field '" + key + "'");
  }
}

std::string normalise_path(std::string path) {
  // Trailing slashes and doubled ones do not change the path (reference rule 6).
  std::string out;
  for (char c : path) {
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    out.push_back(c);
  }
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

std::vector<std::string> read_paths(const json& object, std::string_view field) {
  auto paths = read_strings(object, field);
  for (auto& path : paths) {
    if (path.empty()) throw FieldError(std::string(field) + ": a path is empty");
    path = normalise_path(path);
  }
  return paths;
}

Knob read_knob(const json& object, const std::vector<std::string>& data_paths) {
  if (!object.is_object()) throw FieldError("expected an object, found " + describe(object));
  static const std::set<std::string, std::less<>> fields = {"env",  "arg",   "config",
                                                            "form", "moves", "note"};
  reject_unknown_fields(object, "", {&fields});
  Knob knob;
  int kinds = 0;
  for (auto [field, kind] : {std::pair{std::string_view("env"), Knob::Kind::env},
                             {"arg", Knob::Kind::arg},
                             {"config", Knob::Kind::config}}) {
    if (object.contains(field)) {
      knob.kind = kind;
      knob.name = read_string(object, field);
      ++kinds;
    }
  }
  if (kinds != 1) throw FieldError("needs exactly one of 'env', 'arg', 'config'");
  if (knob.name.empty()) throw FieldError("the knob's name is empty");
  std::string form = read_string(object, "form", "option");
  if (form == "option") {
    knob.form = Knob::Form::option;
  } else if (form == "prefix") {
    knob.form = Knob::Form::prefix;
  } else if (form == "positional") {
    knob.form = Knob::Form::positional;
  } else {
    throw FieldError("form: '" + form + "' is not one of option, prefix, positional");
  }
  knob.moves =
      normalise_path(read_string(object, "moves", data_paths.empty() ? "" : data_paths[0]));
  knob.note = read_string(object, "note");
  return knob;
}

Variant read_variant(const json& object) {
  Variant variant;
  variant.versions = read_string(object, "versions", "*");
  std::string why;
  auto range = VersionRange::parse(variant.versions, &why);
  if (!range) throw FieldError("versions: " + why);
  variant.range = *range;
  variant.tags = read_strings(object, "tags");
  variant.data_paths = read_paths(object, "data_paths");
  variant.volumes = read_paths(object, "volumes");
  variant.secondary_paths = read_paths(object, "secondary_paths");
  variant.wrong_paths = read_paths(object, "wrong_paths");
  variant.unused_volumes = read_paths(object, "unused_volumes");
  if (auto it = object.find("hostname_bound"); it != object.end()) {
    if (!it->is_boolean()) throw FieldError("hostname_bound: expected true or false");
    variant.hostname_bound = it->get<bool>();
  }
  if (auto it = object.find("path_aliases"); it != object.end()) {
    if (!it->is_object()) {
      throw FieldError("path_aliases: expected an object {\"/symlink\": \"/target\"}, found " +
                       describe(*it));
    }
    for (const auto& [from, to] : it->items()) {
      if (!to.is_string()) throw FieldError("path_aliases." + from + ": expected a string");
      variant.path_aliases[normalise_path(from)] = normalise_path(to.get<std::string>());
    }
  }
  if (auto it = object.find("knobs"); it != object.end()) {
    if (!it->is_array()) throw FieldError("knobs: expected an array, found " + describe(*it));
    for (std::size_t i = 0; i < it->size(); ++i) {
      try {
        variant.knobs.push_back(read_knob((*it)[i], variant.data_paths));
      } catch (const FieldError& error) {
        throw FieldError("knobs[" + std::to_string(i) + "]: " + error.what());
      }
    }
  }
  variant.fix_mount = read_string(object, "fix_mount");
  variant.volume_name = read_string(object, "volume_name");
  variant.notes = read_strings(object, "notes");
  variant.unverified = read_strings(object, "unverified");
  variant.source = read_string(object, "source");
  return variant;
}

// The entry-level variant fields are defaults that each variant may override.
json variant_document(const json& entry, const json& variant) {
  json merged = json::object();
  for (const auto& [key, value] : entry.items()) {
    if (kVariantFields.count(key) != 0 && key != "notes" && key != "unverified") {
      merged[key] = value;
    }
  }
  for (const auto& [key, value] : variant.items()) merged[key] = value;
  return merged;
}

Package read_package(const json& object) {
  if (!object.is_object()) throw FieldError("expected an object, found " + describe(object));
  static const std::set<std::string, std::less<>> fields = {"pattern", "data_path", "verified"};
  reject_unknown_fields(object, "", {&fields});
  Package package;
  package.pattern = read_string(object, "pattern");
  if (package.pattern.empty()) throw FieldError("pattern: missing or empty");
  package.data_path = normalise_path(read_string(object, "data_path"));
  if (auto it = object.find("verified"); it != object.end()) {
    if (!it->is_boolean()) throw FieldError("verified: expected true or false");
    package.verified = it->get<bool>();
  }
  return package;
}

constexpr std::array<std::pair<std::string_view, Sessions::Store>, 4> kSessionStores = {{
    {"files", Sessions::Store::files},
    {"memory", Sessions::Store::memory},
    {"database", Sessions::Store::database},
    {"cookie", Sessions::Store::cookie},
}};

Sessions read_sessions(const json& object) {
  if (!object.is_object()) throw FieldError("expected an object, found " + describe(object));
  static const std::set<std::string, std::less<>> fields = {
      "store", "path", "moved_by_env", "moved_by_mount", "application_decides", "fix", "source"};
  reject_unknown_fields(object, "", {&fields});
  Sessions sessions;
  const std::string store = read_string(object, "store");
  const auto found = std::find_if(kSessionStores.begin(), kSessionStores.end(),
                                  [&](const auto& known) { return known.first == store; });
  if (found == kSessionStores.end()) {
    throw FieldError("store: '" + store + "' is not one of files, memory, database, cookie");
  }
  sessions.store = found->second;
  sessions.path = normalise_path(read_string(object, "path"));
  if (sessions.store == Sessions::Store::files && sessions.path.empty()) {
    throw FieldError("path: files need the directory they are written to");
  }
  if (sessions.store != Sessions::Store::files && !sessions.path.empty()) {
    throw FieldError("path: only a files store has one");
  }
  sessions.moved_by_env = read_strings(object, "moved_by_env");
  sessions.moved_by_mount = read_paths(object, "moved_by_mount");
  if (auto it = object.find("application_decides"); it != object.end()) {
    if (!it->is_boolean()) throw FieldError("application_decides: expected true or false");
    sessions.application_decides = it->get<bool>();
  }
  sessions.fix = read_string(object, "fix");
  sessions.source = read_string(object, "source");
  if (sessions.source.empty()) throw FieldError("source: where the facts were read is needed");
  return sessions;
}

Entry read_entry(const json& object) {
  if (!object.is_object()) throw FieldError("expected an object, found " + describe(object));
  reject_unknown_fields(object, "", {&kVariantFields, &kEntryOnlyFields});
  Entry entry;
  entry.name = read_string(object, "name");
  for (const auto& image : read_strings(object, "images")) {
    ImageRef ref = parse_image_ref(image);
    if (!ref.valid || ref.has_tag() || !ref.digest.empty()) {
      throw FieldError("images: '" + image + "' is not an image name without tag" +
                       (ref.valid ? "" : " (" + ref.error + ")"));
    }
    entry.images.push_back(ref.key());
  }
  if (entry.images.empty()) throw FieldError("images: at least one image name is needed");
  std::string class_name = read_string(object, "class");
  auto image_class = image_class_from_string(class_name);
  if (!image_class) {
    throw FieldError("class: '" + class_name +
                     "' is not one of database, cache, broker, search, cms, ci, app, stateless");
  }
  entry.image_class = *image_class;
  entry.latest = read_string(object, "latest");
  if (!entry.latest.empty() && !parse_version(entry.latest)) {
    throw FieldError("latest: '" + entry.latest + "' is not a version");
  }
  entry.version_marker = read_string(object, "version_marker");
  if (auto it = object.find("variants"); it != object.end()) {
    if (!it->is_array() || it->empty()) {
      throw FieldError("variants: expected a non-empty array, found " + describe(*it));
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& item = (*it)[i];
      try {
        if (!item.is_object()) throw FieldError("expected an object, found " + describe(item));
        reject_unknown_fields(item, "", {&kVariantFields});
        entry.variants.push_back(read_variant(variant_document(object, item)));
      } catch (const FieldError& error) {
        throw FieldError("variants[" + std::to_string(i) + "]: " + error.what());
      }
    }
  } else {
    entry.variants.push_back(read_variant(variant_document(object, json::object())));
  }
  entry.clients = read_strings(object, "clients");
  entry.help_args = read_strings(object, "help_args");
  if (auto it = object.find("packages"); it != object.end()) {
    if (!it->is_array()) throw FieldError("packages: expected an array, found " + describe(*it));
    for (std::size_t i = 0; i < it->size(); ++i) {
      try {
        entry.packages.push_back(read_package((*it)[i]));
      } catch (const FieldError& error) {
        throw FieldError("packages[" + std::to_string(i) + "]: " + error.what());
      }
    }
  }
  if (auto it = object.find("sessions"); it != object.end()) {
    try {
      entry.sessions = read_sessions(*it);
    } catch (const FieldError& error) {
      throw FieldError(std::string("sessions: ") + error.what());
    }
  }
  entry.notes = read_strings(object, "notes");
  entry.unverified = read_strings(object, "unverified");
  entry.verified = read_string(object, "verified", "yes");
  if (entry.verified != "yes" && entry.verified != "partly" && entry.verified != "no") {
    throw FieldError("verified: '" + entry.verified + "' is not one of yes, partly, no");
  }
  entry.source = read_string(object, "source");
  return entry;
}

// Glob for tags and package names: '*' any text, '?' one character, '#' one or more digits.
bool glob_match(std::string_view pattern, std::string_view text) {
  if (pattern.empty()) return text.empty();
  char head = pattern.front();
  if (head == '*') {
    for (std::size_t skip = 0; skip <= text.size(); ++skip) {
      if (glob_match(pattern.substr(1), text.substr(skip))) return true;
    }
    return false;
  }
  if (head == '#') {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) {
      ++digits;
      if (glob_match(pattern.substr(1), text.substr(digits))) return true;
    }
    return false;
  }
  if (text.empty()) return false;
  if (head != '?' && head != text.front()) return false;
  return glob_match(pattern.substr(1), text.substr(1));
}

bool tags_match(const Variant& variant, std::string_view tag) {
  if (variant.tags.empty()) return true;
  return std::any_of(variant.tags.begin(), variant.tags.end(),
                     [&](const std::string& pattern) { return glob_match(pattern, tag); });
}

std::string substitute_major(std::string path, const std::optional<Version>& version) {
  auto at = path.find("{major}");
  if (at != std::string::npos && version) {
    path.replace(at, 7, std::to_string(version->major()));
  }
  return path;
}

// The variants a tag can select. A tag glob names a flavour (`*-nouveau`, `*windowsservercore*`)
// that a tag must spell out, so an unknown tag (nullopt) selects among the versions of the
// default flavours only, and among all variants when every variant is a flavour.
std::vector<const Variant*> selectable_variants(const Entry& entry,
                                                std::optional<std::string_view> tag) {
  std::vector<const Variant*> out;
  for (const auto& variant : entry.variants) {
    if (tag ? tags_match(variant, *tag) : variant.tags.empty()) out.push_back(&variant);
  }
  if (out.empty() && !tag) {
    for (const auto& variant : entry.variants) out.push_back(&variant);
  }
  return out;
}

// Whether `variants` disagree on where data lives, or leave its path to the major version.
bool variants_differ(const std::vector<const Variant*>& variants) {
  for (const auto* variant : variants) {
    for (const auto& path : variant->data_paths) {
      if (path.find("{major}") != std::string::npos) return true;
    }
    if (variant->data_paths != variants.front()->data_paths ||
        variant->volumes != variants.front()->volumes) {
      return true;
    }
  }
  return false;
}

const Variant& choose_variant(const Entry& entry, std::string_view tag,
                              const std::optional<Version>& version) {
  for (const auto& variant : entry.variants) {
    if (tags_match(variant, tag) && (!version || variant.range.contains(*version))) return variant;
  }
  for (const auto& variant : entry.variants) {
    if (tags_match(variant, tag)) return variant;
  }
  return entry.variants.front();
}

// Without a version, the variant that stands for the image: the one for every version ("*"),
// else the first the tag can select.
const Variant& versionless_variant(const std::vector<const Variant*>& variants) {
  for (const auto* variant : variants) {
    if (variant->range.text() == "*") return *variant;
  }
  return *variants.front();
}

// Copies the facts of `variant` at `version` ({major} resolved) into `resolved`.
void take_facts(const Entry& entry, const Variant& variant, Resolved& resolved) {
  resolved.variant = &variant;
  resolved.data_paths.clear();
  for (const auto& path : variant.data_paths) {
    resolved.data_paths.push_back(substitute_major(path, resolved.version));
  }
  resolved.volumes = variant.volumes;
  resolved.notes = entry.notes;
  resolved.notes.insert(resolved.notes.end(), variant.notes.begin(), variant.notes.end());
  resolved.unverified = entry.unverified;
  resolved.unverified.insert(resolved.unverified.end(), variant.unverified.begin(),
                             variant.unverified.end());
  resolved.knobs.clear();
  for (Knob knob : variant.knobs) {
    knob.moves = substitute_major(knob.moves, resolved.version);
    resolved.knobs.push_back(std::move(knob));
  }
}

std::string basename(std::string_view command) {
  auto slash = command.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? command : command.substr(slash + 1));
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

std::string_view to_string(ImageClass image_class) {
  for (auto [name, value] : kClassNames) {
    if (value == image_class) return name;
  }
  return "app";
}

std::string_view to_string(Sessions::Store store) {
  for (auto [name, value] : kSessionStores) {
    if (value == store) return name;
  }
  return "unknown";
}

std::optional<ImageClass> image_class_from_string(std::string_view name) {
  for (auto [known, value] : kClassNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

Catalog Catalog::parse_builtin_documents(std::vector<CatalogError>* errors) {
  Catalog catalog;
  std::vector<CatalogError> found;
  for (auto [file, text] : builtin_catalog_documents()) {
    std::string origin = "builtin:" + std::string(file);
    json document = json::parse(text.begin(), text.end(), nullptr, false);
    if (document.is_discarded()) {
      found.push_back({origin, "", "not valid JSON"});
      continue;
    }
    auto merge_errors = catalog.merge(document, origin);
    found.insert(found.end(), merge_errors.begin(), merge_errors.end());
  }
  if (errors) *errors = std::move(found);
  return catalog;
}

const std::vector<CatalogError>& Catalog::builtin_errors() {
  // Function-local static: C++ guarantees one thread-safe initialisation.
  static const std::vector<CatalogError> errors = [] {
    std::vector<CatalogError> found;
    parse_builtin_documents(&found);
    return found;
  }();
  return errors;
}

Catalog Catalog::from_compiled(std::vector<Entry> entries, std::vector<std::string> client_commands,
                               std::vector<std::string> help_args) {
  Catalog catalog;
  catalog.entries_ = std::move(entries);
  catalog.client_commands_ = std::move(client_commands);
  catalog.help_args_ = std::move(help_args);
  catalog.compiled_ = true;
  catalog.reindex();
  return catalog;
}

std::vector<CatalogError> Catalog::merge(const json& document, std::string_view origin) {
  // An override replaces fields of the entry's document, which a compiled catalog no longer
  // has; the built-in documents are its source, so it becomes their parse.
  if (compiled_) *this = parse_builtin_documents();
  std::vector<CatalogError> errors;
  auto report = [&](std::string entry, std::string message) {
    errors.push_back({std::string(origin), std::move(entry), std::move(message)});
  };
  if (!document.is_object()) {
    report("", "the catalog document must be an object with an \"images\" array, found " +
                   describe(document));
    return errors;
  }
  static const std::set<std::string, std::less<>> top_fields = {"images", "client_commands",
                                                                "help_args", "$comment"};
  for (const auto& [key, value] : document.items()) {
    if (top_fields.count(key) == 0) report("", "unknown top-level field '" + key + "'");
  }
  for (auto [field, list] : {std::pair{std::string_view("client_commands"), &client_commands_},
                             {"help_args", &help_args_}}) {
    try {
      for (auto& value : read_strings(document, field)) {
        if (!contains(*list, value)) list->push_back(std::move(value));
      }
    } catch (const FieldError& error) {
      report("", error.what());
    }
  }
  auto images = document.find("images");
  if (images != document.end() && !images->is_array()) {
    report("", "images: expected an array of entries, found " + describe(*images));
    return errors;
  }
  if (images == document.end()) return errors;
  for (std::size_t i = 0; i < images->size(); ++i) {
    const json& item = (*images)[i];
    std::string label = "#" + std::to_string(i + 1);
    if (item.is_object() && item.contains("name") && item["name"].is_string()) {
      label = item["name"].get<std::string>();
    }
    if (!item.is_object() || !item.contains("name") || !item["name"].is_string() ||
        item["name"].get<std::string>().empty()) {
      report(label, "every entry needs a non-empty \"name\" string");
      continue;
    }
    auto existing = by_name_.find(label);
    json merged = existing == by_name_.end() ? item : raw_[existing->second];
    if (existing != by_name_.end()) {
      for (const auto& [key, value] : item.items()) merged[key] = value;
    }
    try {
      Entry entry = read_entry(merged);
      entry.origin = std::string(origin);
      if (existing == by_name_.end()) {
        by_name_.emplace(entry.name, entries_.size());
        entries_.push_back(std::move(entry));
        raw_.push_back(std::move(merged));
      } else {
        entries_[existing->second] = std::move(entry);
        raw_[existing->second] = std::move(merged);
      }
    } catch (const FieldError& error) {
      report(label, error.what());
    } catch (const json::exception& error) {
      report(label, error.what());
    }
  }
  reindex();
  return errors;
}

void Catalog::reindex() {
  by_name_.clear();
  by_image_.clear();
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    by_name_[entries_[i].name] = i;
    // A later entry claims an image key from an earlier one, so user entries win.
    for (const auto& image : entries_[i].images) by_image_[image] = i;
  }
  package_stems_.clear();
  std::vector<std::string> stems;
  for (const auto& entry : entries_) {
    for (const auto& package : entry.packages) {
      stems.push_back(package.pattern.substr(0, package.pattern.find_first_of("*?#[")));
    }
  }
  // Shortest first, so that "redis-server" finds "redis" already kept.
  std::sort(stems.begin(), stems.end(),
            [](const std::string& a, const std::string& b) { return a.size() < b.size(); });
  for (auto& stem : stems) {
    const bool covered =
        std::any_of(package_stems_.begin(), package_stems_.end(),
                    [&](const std::string& kept) { return stem.find(kept) != std::string::npos; });
    if (!covered) package_stems_.push_back(std::move(stem));
  }
}

const Entry* Catalog::find(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &entries_[it->second];
}

const Entry* Catalog::find_image(std::string_view key) const {
  auto it = by_image_.find(key);
  return it == by_image_.end() ? nullptr : &entries_[it->second];
}

std::optional<Resolved> Catalog::lookup(const ImageRef& ref) const {
  if (!ref.name_known || !ref.valid) return std::nullopt;
  const Entry* entry = find_image(ref.key());
  if (!entry) return std::nullopt;

  Resolved resolved;
  resolved.entry = entry;
  auto latest = parse_version(entry->latest);
  auto latest_text = [&](std::string_view why) {
    return entry->latest.empty() ? std::string(why) : entry->latest + " (" + std::string(why) + ")";
  };
  if (!ref.tag_known || (ref.tag.empty() && !ref.digest.empty())) {
    resolved.basis = ref.tag_known ? VersionBasis::digest_only : VersionBasis::unknown_tag;
    resolved.assumed_version = ref.tag_known     ? "unknown (pinned by digest " + ref.digest + ")"
                               : ref.tag.empty() ? "unknown (digest " + ref.digest + ")"
                                                 : "unknown (tag " + ref.tag + ")";
    resolved.version = latest;
  } else if (ref.tag.empty()) {
    resolved.basis = VersionBasis::no_tag;
    resolved.version = latest;
    resolved.assumed_version = latest_text("latest");
  } else {
    auto version = entry->version_marker.empty() ? leading_version(ref.tag)
                                                 : marked_version(ref.tag, entry->version_marker);
    if (version) {
      resolved.basis = VersionBasis::tag;
      resolved.version = version;
      resolved.assumed_version = version->text;
    } else {
      resolved.basis = VersionBasis::latest;
      resolved.version = latest;
      resolved.assumed_version =
          latest_text(ref.tag == "latest" ? "latest" : "tag " + ref.tag + " follows latest");
    }
  }
  const std::optional<std::string_view> tag =
      ref.tag_known ? std::optional<std::string_view>(ref.tag) : std::nullopt;
  const auto selectable = selectable_variants(*entry, tag);
  if (selectable.empty()) {
    take_facts(*entry, choose_variant(*entry, ref.tag, resolved.version), resolved);
    return resolved;
  }
  // A version read from the tag picks one variant. Without one (an unknown tag, or no version
  // in the tag and no `latest` in the entry) every variant the tag can select may run.
  const bool version_from_tag = resolved.basis == VersionBasis::tag;
  const bool version_open = !version_from_tag && (!ref.tag_known || !resolved.version ||
                                                  resolved.basis == VersionBasis::digest_only);
  resolved.depends_on_tag = version_open && variants_differ(selectable);
  const Variant* chosen = nullptr;
  for (const auto* variant : selectable) {
    if (resolved.version && variant->range.contains(*resolved.version)) {
      chosen = variant;
      break;
    }
  }
  if (!chosen) chosen = resolved.version ? selectable.front() : &versionless_variant(selectable);
  take_facts(*entry, *chosen, resolved);
  if (!resolved.depends_on_tag) return resolved;
  for (const auto* variant : selectable) {
    if (variant == chosen) continue;
    Resolved other = resolved;
    other.version = resolved.version && variant->range.contains(*resolved.version)
                        ? resolved.version
                        : std::nullopt;
    take_facts(*entry, *variant, other);
    resolved.alternatives.push_back(std::move(other));
  }
  return resolved;
}

std::optional<std::pair<const Entry*, const Package*>> Catalog::find_package(
    std::string_view package) const {
  // apt pins with '=', apk with '=', '~', '>' or '<', dnf with '-<version>' (not stripped:
  // ambiguous with names), Homebrew-style '@'.
  auto cut = package.find_first_of("=~<>@");
  auto name = package.substr(0, cut);
  if (auto arch = name.find(':'); arch != std::string_view::npos) name = name.substr(0, arch);
  for (const auto& entry : entries_) {
    for (const auto& candidate : entry.packages) {
      if (glob_match(candidate.pattern, name)) return std::pair{&entry, &candidate};
    }
  }
  return std::nullopt;
}

bool Catalog::runs_client(const Entry* entry, std::string_view command) const {
  std::string name = basename(command);
  if (name.empty()) return false;
  if (entry && (contains(entry->clients, name) || contains(entry->clients, command))) return true;
  return contains(client_commands_, name);
}

bool Catalog::is_help_argument(const Entry* entry, std::string_view argument) const {
  // "ZEO_ADDRESS=*" stands for any value of the setting.
  auto matches = [&](const std::string& pattern) {
    if (pattern.size() > 1 && pattern.ends_with("=*")) {
      return argument.starts_with(std::string_view(pattern).substr(0, pattern.size() - 1));
    }
    return pattern == argument;
  };
  if (entry && std::any_of(entry->help_args.begin(), entry->help_args.end(), matches)) return true;
  return std::any_of(help_args_.begin(), help_args_.end(), matches);
}

}  // namespace dockvet::catalog
