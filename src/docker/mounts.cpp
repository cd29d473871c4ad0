#include "docker/mounts.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "docker/paths.h"
#include "docker/words.h"

namespace dockvet::docker {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

bool is_volume_name(std::string_view text) {
  if (text.empty() || !std::isalnum(static_cast<unsigned char>(text[0]))) return false;
  return std::all_of(text.begin(), text.end(), [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.' || ch == '-';
  });
}

bool has_drive_prefix(std::string_view text) {
  return text.size() >= 3 && std::isalpha(static_cast<unsigned char>(text[0])) && text[1] == ':' &&
         (text[2] == '\\' || text[2] == '/');
}

// A source that names a host path by its first characters.
bool looks_like_host_path(std::string_view text) {
  return starts_with(text, "/") || starts_with(text, "\\") || text == "." || text == ".." ||
         starts_with(text, "./") || starts_with(text, "../") || starts_with(text, ".\\") ||
         starts_with(text, "..\\") || text == "~" || starts_with(text, "~/") ||
         has_drive_prefix(text) || starts_with(lower(text), "%cd%");
}

MountKind classify_known_source(std::string_view text) {
  if (is_placeholder(text)) return MountKind::unknown;
  if (starts_with(text, "\\\\.\\pipe\\") || starts_with(text, "//./pipe/")) return MountKind::npipe;
  if (looks_like_host_path(text)) return MountKind::bind;
  if (is_volume_name(text)) return MountKind::named_volume;
  return MountKind::unknown;
}

// The default of `${VAR:-default}`, `${VAR-default}`, `${VAR:=default}`, if the expansion has one.
std::optional<std::string_view> expansion_default(std::string_view expansion) {
  if (!starts_with(expansion, "${") || expansion.back() != '}') return std::nullopt;
  const auto body = expansion.substr(2, expansion.size() - 3);
  const auto op = body.find_first_of(":-=");
  if (op == std::string_view::npos) return std::nullopt;
  auto rest = body.substr(op);
  if (starts_with(rest, ":-") || starts_with(rest, ":=")) return rest.substr(2);
  if (starts_with(rest, "-") || starts_with(rest, "=")) return rest.substr(1);
  return std::nullopt;
}

// Expansions that print the current or home directory, whatever the variable's spelling.
bool names_a_directory(std::string_view expansion) {
  static constexpr std::array kDirectories = {"$PWD", "${PWD}", "$HOME", "${HOME}", "~"};
  for (const auto* directory : kDirectories) {
    if (expansion == directory) return true;
  }
  return starts_with(expansion, "${PWD") || starts_with(expansion, "${HOME") ||
         starts_with(expansion, "$(") || starts_with(expansion, "`") || starts_with(expansion, "~");
}

MountKind classify_expanded_source(const Word& source, bool& low_confidence) {
  const auto prefix = source.known_prefix();
  if (!prefix.empty()) {
    if (looks_like_host_path(prefix)) return MountKind::bind;
    // `${PROJECT}_data` style names: the literal part is a volume name's start.
    if (is_volume_name(prefix)) return MountKind::named_volume;
    return MountKind::unknown;
  }
  const WordText text(source);
  if (text.find_literal('/') != std::string::npos || text.find_literal('\\') != std::string::npos) {
    return MountKind::bind;
  }
  const auto& first = source.segments.front().text;
  if (names_a_directory(first)) return MountKind::bind;
  if (const auto fallback = expansion_default(first)) {
    if (looks_like_host_path(*fallback)) return MountKind::bind;
  }
  low_confidence = true;
  return MountKind::host_or_volume;
}

// Colons that separate `SRC:DST:OPTS`: literal ones that are not a drive letter's.
std::vector<std::size_t> volume_separators(const WordText& text) {
  std::vector<std::size_t> colons;
  std::size_t part_start = 0;
  for (std::size_t i = 0; i < text.text.size(); ++i) {
    if (!text.is_literal(i) || text.text[i] != ':') continue;
    const bool drive = i == part_start + 1 && text.is_literal(part_start) &&
                       std::isalpha(static_cast<unsigned char>(text.text[part_start])) &&
                       i + 1 < text.text.size() &&
                       (text.text[i + 1] == '\\' || text.text[i + 1] == '/');
    if (drive) continue;
    colons.push_back(i);
    part_start = i + 1;
  }
  return colons;
}

bool is_volume_option(std::string_view option) {
  static constexpr std::array kOptions = {
      "ro",     "rw",      "z",         "Z",          "O",          "U",           "nocopy",
      "copy",   "cached",  "delegated", "consistent", "shared",     "rshared",     "slave",
      "rslave", "private", "rprivate",  "bind",       "rbind",      "dev",         "nodev",
      "exec",   "noexec",  "suid",      "nosuid",     "unbindable", "runbindable", "idmap"};
  for (const auto* known : kOptions) {
    if (option == known) return true;
  }
  return starts_with(option, "idmap=");
}

std::vector<std::string> split_options(const Word& word) {
  std::vector<std::string> options;
  for (const auto& piece : split_word(word, ',')) {
    auto text = piece.text();
    if (!text.empty()) options.push_back(std::move(text));
  }
  return options;
}

bool all_volume_options(const Word& word) {
  const auto options = split_options(word);
  return !options.empty() && word.known() &&
         std::all_of(options.begin(), options.end(),
                     [](const std::string& option) { return is_volume_option(option); });
}

void set_target(Mount& mount, Word target) {
  const auto text = target.text();
  mount.target_path = normalize_container_path(text);
  mount.target_known = !text.empty() && target.known() && !is_placeholder(text);
  mount.windows_target = is_windows_path(text);
  mount.target = std::move(target);
}

void apply_volume_options(Mount& mount) {
  for (const auto& option : mount.options) {
    if (option == "ro" || option == "readonly") mount.readonly = true;
    if (option == "O") mount.overlay = true;
  }
}

// Removes one pair of CSV double quotes around a field, a key or a value.
Word strip_csv_quotes(const Word& word) {
  const WordText text(word);
  const auto size = text.text.size();
  if (size >= 2 && text.is_literal(0) && text.text[0] == '"' && text.is_literal(size - 1) &&
      text.text[size - 1] == '"') {
    return slice_word(word, 1, size - 1);
  }
  return word;
}

// `--mount` fields: commas outside literal double quotes separate them.
std::vector<Word> csv_fields(const Word& value) {
  const WordText text(value);
  std::vector<Word> fields;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.text.size(); ++i) {
    if (i < text.text.size()) {
      if (!text.is_literal(i)) continue;
      if (text.text[i] == '"') quoted = !quoted;
      if (text.text[i] != ',' || quoted) continue;
    }
    if (i > start) fields.push_back(strip_csv_quotes(slice_word(value, start, i)));
    start = i + 1;
  }
  return fields;
}

std::optional<bool> parse_bool(std::string_view text) {
  const auto value = lower(text);
  if (value.empty() || value == "true" || value == "1") return true;
  if (value == "false" || value == "0") return false;
  return std::nullopt;
}

MountKind mount_type_kind(const std::optional<Word>& type) {
  if (!type) return MountKind::named_volume;  // refined by the caller: volume type
  if (!type->known()) return MountKind::unknown;
  const auto name = lower(type->text());
  if (name == "volume") return MountKind::named_volume;
  if (name == "bind") return MountKind::bind;
  if (name == "tmpfs" || name == "ramfs") return MountKind::tmpfs;
  if (name == "image") return MountKind::image;
  if (name == "npipe") return MountKind::npipe;
  if (name == "cluster") return MountKind::cluster;
  if (name == "devpts" || name == "glob" || name == "artifact") return MountKind::other;
  return MountKind::unknown;
}

}  // namespace

std::string_view to_string(MountKind kind) {
  switch (kind) {
    case MountKind::named_volume: return "named volume";
    case MountKind::bind: return "bind mount";
    case MountKind::anonymous_volume: return "anonymous volume";
    case MountKind::host_or_volume: return "host path or named volume";
    case MountKind::tmpfs: return "tmpfs";
    case MountKind::image: return "image mount";
    case MountKind::npipe: return "named pipe";
    case MountKind::cluster: return "cluster volume";
    case MountKind::other: return "special mount";
    case MountKind::unknown: return "unknown mount";
  }
  return "unknown mount";
}

bool is_placeholder(std::string_view text) {
  if (text.find("...") != std::string_view::npos) return true;
  if (text.find("\xE2\x80\xA6") != std::string_view::npos) return true;  // U+2026 ellipsis
  return text.size() >= 2 && text.front() == '<' && text.back() == '>';
}

bool Mount::persistent() const {
  if (overlay) return false;
  return kind == MountKind::named_volume || kind == MountKind::bind ||
         kind == MountKind::host_or_volume;
}

MountKind classify_volume_source(const Word& source, bool& low_confidence) {
  if (source.segments.empty() || source.text().empty()) {
    low_confidence = true;
    return MountKind::unknown;
  }
  if (source.known()) return classify_known_source(source.text());
  return classify_expanded_source(source, low_confidence);
}

Mount parse_volume_spec(const Word& value) {
  Mount mount;
  mount.syntax = MountSyntax::volume_flag;
  mount.value_range = value.range;
  const WordText text(value);
  const auto colons = volume_separators(text);
  const auto size = text.text.size();
  const auto part = [&](std::size_t index) {
    const std::size_t begin = index == 0 ? 0 : colons[index - 1] + 1;
    const std::size_t end = index < colons.size() ? colons[index] : size;
    return slice_word(value, begin, end);
  };
  const auto rest_after = [&](std::size_t index) {
    return slice_word(value, colons[index] + 1, size);
  };

  if (colons.empty()) {
    mount.kind = MountKind::anonymous_volume;
    set_target(mount, value);
  } else if (colons.size() == 1 && all_volume_options(part(1)) &&
             looks_like_host_path(part(0).known_prefix())) {
    // `/data:ro`: Docker rejects a mode without a source; read it as the anonymous volume meant.
    mount.kind = MountKind::anonymous_volume;
    set_target(mount, part(0));
    mount.options = split_options(part(1));
  } else {
    Word source = part(0);
    mount.kind = classify_volume_source(source, mount.low_confidence);
    mount.source_known = source.known() && !source.text().empty() && !is_placeholder(source.text());
    mount.source = std::move(source);
    set_target(mount, part(1));
    if (colons.size() >= 2) mount.options = split_options(rest_after(1));
  }
  if (!mount.target_known && mount.target && mount.target->text().empty()) {
    mount.kind = mount.kind == MountKind::anonymous_volume ? MountKind::unknown : mount.kind;
  }
  apply_volume_options(mount);
  return mount;
}

Mount parse_mount_spec(const Word& value) {
  Mount mount;
  mount.syntax = MountSyntax::mount_flag;
  mount.value_range = value.range;
  std::optional<Word> type;
  for (const auto& field : csv_fields(value)) {
    const WordText text(field);
    const auto equals = text.find_literal('=');
    const auto key = lower(strip_csv_quotes(slice_word(field, 0, equals)).text());
    const std::optional<Word> field_value = equals == std::string::npos
                                                ? std::nullopt
                                                : std::optional<Word>(strip_csv_quotes(slice_word(
                                                      field, equals + 1, text.text.size())));
    if (key == "type" && field_value) {
      type = field_value;
    } else if ((key == "source" || key == "src") && field_value) {
      mount.source = field_value;
    } else if ((key == "target" || key == "destination" || key == "dst") && field_value) {
      set_target(mount, *field_value);
    } else if (key == "readonly" || key == "ro") {
      mount.readonly = parse_bool(field_value ? field_value->text() : "").value_or(true);
    } else {
      mount.options.push_back(field.text());
    }
  }
  mount.kind = mount_type_kind(type);
  if (mount.source) {
    const auto source_text = mount.source->text();
    mount.source_known =
        mount.source->known() && !source_text.empty() && !is_placeholder(source_text);
    if (mount.source->known() && is_placeholder(source_text)) mount.kind = MountKind::unknown;
  }
  if (mount.kind == MountKind::named_volume && (!mount.source || mount.source->text().empty())) {
    mount.kind = MountKind::anonymous_volume;
    mount.source.reset();
  }
  return mount;
}

Mount parse_tmpfs_spec(const Word& value) {
  Mount mount;
  mount.syntax = MountSyntax::tmpfs_flag;
  mount.kind = MountKind::tmpfs;
  mount.value_range = value.range;
  const WordText text(value);
  const auto colon = text.find_literal(':');
  if (colon == std::string::npos) {
    set_target(mount, value);
  } else {
    set_target(mount, slice_word(value, 0, colon));
    mount.options = split_options(slice_word(value, colon + 1, text.text.size()));
  }
  apply_volume_options(mount);
  return mount;
}

}  // namespace dockvet::docker
