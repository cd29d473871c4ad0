// The catalog compiler, run by the build: parses checks/catalog/*.json once, fails the build on
// any problem in them, and writes C++ that rebuilds the same Entry values without JSON, so that
// dockvet's start-up parses nothing (a 72 KB JSON parse was three quarters of linting one
// small file).
//
// Usage: dockvet_catalog_compiler OUT.cpp

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"

namespace {

using namespace dockvet::catalog;

// A C++ string literal with the exact bytes: octal escapes cannot run into the next character
// the way hex escapes do.
std::string literal(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte >= 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\%03o", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string literals(const std::vector<std::string>& texts) {
  std::string out = "{";
  for (std::size_t i = 0; i < texts.size(); ++i) out += (i ? ", " : "") + literal(texts[i]);
  return out + "}";
}

std::string_view kind_name(Knob::Kind kind) {
  switch (kind) {
    case Knob::Kind::env: return "Knob::Kind::env";
    case Knob::Kind::arg: return "Knob::Kind::arg";
    case Knob::Kind::config: return "Knob::Kind::config";
  }
  return "Knob::Kind::env";
}

std::string_view form_name(Knob::Form form) {
  switch (form) {
    case Knob::Form::option: return "Knob::Form::option";
    case Knob::Form::prefix: return "Knob::Form::prefix";
    case Knob::Form::positional: return "Knob::Form::positional";
  }
  return "Knob::Form::option";
}

void write_variant(std::ostream& out, const Variant& variant) {
  out << "  {\n    Variant& v = e.variants.emplace_back();\n";
  out << "    v.versions = " << literal(variant.versions) << ";\n";
  out << "    v.range = range(" << literal(variant.versions) << ");\n";
  out << "    v.tags = " << literals(variant.tags) << ";\n";
  out << "    v.data_paths = " << literals(variant.data_paths) << ";\n";
  out << "    v.volumes = " << literals(variant.volumes) << ";\n";
  out << "    v.secondary_paths = " << literals(variant.secondary_paths) << ";\n";
  out << "    v.wrong_paths = " << literals(variant.wrong_paths) << ";\n";
  out << "    v.unused_volumes = " << literals(variant.unused_volumes) << ";\n";
  for (const auto& [from, to] : variant.path_aliases) {
    out << "    v.path_aliases.emplace(" << literal(from) << ", " << literal(to) << ");\n";
  }
  out << "    v.hostname_bound = " << (variant.hostname_bound ? "true" : "false") << ";\n";
  for (const auto& knob : variant.knobs) {
    out << "    v.knobs.push_back({" << kind_name(knob.kind) << ", " << form_name(knob.form) << ", "
        << literal(knob.name) << ", " << literal(knob.moves) << ", " << literal(knob.note)
        << "});\n";
  }
  out << "    v.fix_mount = " << literal(variant.fix_mount) << ";\n";
  out << "    v.volume_name = " << literal(variant.volume_name) << ";\n";
  out << "    v.notes = " << literals(variant.notes) << ";\n";
  out << "    v.unverified = " << literals(variant.unverified) << ";\n";
  out << "    v.source = " << literal(variant.source) << ";\n  }\n";
}

// One function per entry keeps each function small for the optimiser.
void write_entry(std::ostream& out, const Entry& entry, std::size_t index) {
  out << "Entry entry_" << index << "() {\n  Entry e;\n";
  out << "  e.name = " << literal(entry.name) << ";\n";
  out << "  e.images = " << literals(entry.images) << ";\n";
  out << "  e.image_class = *image_class_from_string(" << literal(to_string(entry.image_class))
      << ");\n";
  out << "  e.latest = " << literal(entry.latest) << ";\n";
  out << "  e.version_marker = " << literal(entry.version_marker) << ";\n";
  for (const auto& variant : entry.variants) write_variant(out, variant);
  out << "  e.clients = " << literals(entry.clients) << ";\n";
  out << "  e.help_args = " << literals(entry.help_args) << ";\n";
  for (const auto& package : entry.packages) {
    out << "  e.packages.push_back({" << literal(package.pattern) << ", "
        << literal(package.data_path) << ", " << (package.verified ? "true" : "false") << "});\n";
  }
  if (entry.sessions.store != Sessions::Store::unknown) {
    const Sessions& sessions = entry.sessions;
    out << "  e.sessions.store = Sessions::Store::" << to_string(sessions.store) << ";\n";
    out << "  e.sessions.path = " << literal(sessions.path) << ";\n";
    out << "  e.sessions.moved_by_env = " << literals(sessions.moved_by_env) << ";\n";
    out << "  e.sessions.moved_by_mount = " << literals(sessions.moved_by_mount) << ";\n";
    out << "  e.sessions.application_decides = "
        << (sessions.application_decides ? "true" : "false") << ";\n";
    out << "  e.sessions.fix = " << literal(sessions.fix) << ";\n";
    out << "  e.sessions.source = " << literal(sessions.source) << ";\n";
  }
  out << "  e.notes = " << literals(entry.notes) << ";\n";
  out << "  e.unverified = " << literals(entry.unverified) << ";\n";
  out << "  e.verified = " << literal(entry.verified) << ";\n";
  out << "  e.source = " << literal(entry.source) << ";\n";
  out << "  e.origin = " << literal(entry.origin) << ";\n";
  out << "  return e;\n}\n\n";
}

std::string compile(const Catalog& catalog) {
  std::ostringstream out;
  out << "// Generated by dockvet_catalog_compiler from checks/catalog/*.json. Do not edit.\n"
         "#include \"catalog/catalog.h\"\n\n"
         "namespace dockvet::catalog {\nnamespace {\n\n"
         "// The compiler parsed every range, so this cannot fail.\n"
         "VersionRange range(std::string_view text) { return *VersionRange::parse(text); }\n\n";
  const auto& entries = catalog.entries();
  for (std::size_t i = 0; i < entries.size(); ++i) write_entry(out, entries[i], i);
  out << "}  // namespace\n\nCatalog compiled_builtin_catalog() {\n"
         "  std::vector<Entry> entries;\n  entries.reserve("
      << entries.size() << ");\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    out << "  entries.push_back(entry_" << i << "());\n";
  }
  out << "  return Catalog::from_compiled(std::move(entries), "
      << literals(catalog.client_commands()) << ",\n                               "
      << literals(catalog.help_args()) << ");\n}\n\n}  // namespace dockvet::catalog\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: dockvet_catalog_compiler OUT.cpp\n";
    return 2;
  }
  std::vector<CatalogError> errors;
  const Catalog catalog = Catalog::parse_builtin_documents(&errors);
  for (const auto& error : errors) {
    std::cerr << error.origin << ": " << (error.entry.empty() ? "" : error.entry + ": ")
              << error.message << "\n";
  }
  if (!errors.empty()) return 1;
  std::ofstream file(argv[1], std::ios::binary);
  file << compile(catalog);
  file.close();
  if (!file) {
    std::cerr << "dockvet_catalog_compiler: cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}
