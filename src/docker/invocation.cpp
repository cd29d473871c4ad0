#include "docker/invocation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <span>

#include "docker/words.h"

namespace dockvet::docker {

namespace {

using Words = std::vector<Word>;

// Dashes that docs print instead of "-" (en dash, em dash, minus sign), each 3 bytes in UTF-8.
constexpr std::array<std::string_view, 3> kTypoDashes = {"\xE2\x80\x93", "\xE2\x80\x94",
                                                         "\xE2\x88\x92"};

// Bytes of typo dashes (plus an ASCII dash right after one) that open `text`, or 0.
std::size_t typo_dash_prefix(std::string_view text) {
  for (const auto dash : kTypoDashes) {
    if (text.substr(0, dash.size()) != dash) continue;
    std::size_t length = dash.size();
    if (text.size() > length && text[length] == '-') return length + 1;
    for (const auto second : kTypoDashes) {
      if (text.substr(length, second.size()) == second) return length + second.size();
    }
    return length;
  }
  return 0;
}

bool is_flag_word(const Word& word) {
  const WordText text(word);
  if (text.text.size() >= 2 && text.is_literal(0) && text.text[0] == '-') return true;
  const auto typo = typo_dash_prefix(text.text);
  return typo > 0 && text.text.size() > typo;
}

bool is_end_of_options(const Word& word) {
  return word.known() && word.text() == "--";
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

// `...` or a usage placeholder such as `[OPTIONS]` or `<options>` standing where options go.
bool is_elided_options(const Word& word) {
  if (!word.known()) return false;
  const auto text = word.text();
  if (text == "..." || text == "\xE2\x80\xA6") return true;
  const bool bracketed = text.size() > 2 && ((text.front() == '[' && text.back() == ']') ||
                                             (text.front() == '<' && text.back() == '>'));
  return bracketed && upper(text).find("OPTION") != std::string::npos;
}

// `docker run $DOCKER_OPTS image`: an unquoted expansion that by its name holds options, not the
// image. Its words are invisible, so the invocation only records that unknown flags were there.
bool may_hold_options(const Word& word) {
  if (word.segments.size() != 1 || word.segments.front().literal) return false;
  const auto text = upper(word.segments.front().text);
  if (text == "$@" || text == "$*" || text == "${@}" || text == "${*}") return true;
  if (text.find("[@]") != std::string::npos || text.find("[*]") != std::string::npos) return true;
  for (const auto* hint : {"OPT", "ARG", "FLAG", "PARAM"}) {
    if (text.find(hint) != std::string::npos) return true;
  }
  return false;
}

ByteRange join(ByteRange first, ByteRange last) {
  return {first.begin, last.end};
}

// The options written in words[index] (and the value word after it, if one is consumed).
struct FlagRead {
  std::vector<Option> options;
  std::size_t next = 0;
};

class FlagReader {
 public:
  FlagReader(const Words& words, std::span<const FlagSpec> table) : words_(words), table_(table) {}

  FlagRead read(std::size_t index) const {
    const Word& word = words_[index];
    const WordText text(word);
    if (const auto typo = typo_dash_prefix(text.text); typo > 0) {
      return read_long(index, typo, /*dash_typo=*/true);
    }
    if (text.text.size() > 2 && text.text[1] == '-') return read_long(index, 2, false);
    if (reads_as_single_dash_long(text)) return read_long(index, 1, true);
    return read_short_group(index);
  }

 private:
  // `-name foo`, `-rm`: pre-1.0 docker spellings still found in old docs. Only when the first
  // letter is no short flag and the whole name is a long one.
  bool reads_as_single_dash_long(const WordText& text) const {
    if (text.text.size() < 3 || find_short_flag(table_, text.text[1])) return false;
    const auto equals = text.find_literal('=');
    const auto name = text.text.substr(1, equals == std::string::npos ? equals : equals - 1);
    return find_long_flag(table_, name) != nullptr;
  }

  FlagRead read_long(std::size_t index, std::size_t dashes, bool dash_typo) const {
    const Word& word = words_[index];
    const WordText text(word);
    const auto equals = text.find_literal('=', dashes);
    const auto name_end = equals == std::string::npos ? text.text.size() : equals;
    const std::string name = text.text.substr(dashes, name_end - dashes);
    // `–v` (typo dash before one letter) means the short flag.
    const FlagSpec* spec = dash_typo && name.size() == 1 ? find_short_flag(table_, name[0])
                                                         : find_long_flag(table_, name);
    Option option;
    option.name = spec ? std::string(spec->name) : name;
    option.spelling = text.text.substr(0, name_end);
    option.word_index = index;
    option.flag_range = slice_word(word, 0, name_end).range;
    option.known = spec != nullptr;
    option.dash_typo = dash_typo;
    FlagRead read;
    read.next = index + 1;
    if (equals != std::string::npos) {
      option.value = slice_word(word, equals + 1, text.text.size());
    } else if (spec && spec->takes_value) {
      take_next_word(option, read);
    }
    option.range = join(option.flag_range, option.value ? option.value->range : option.flag_range);
    if (equals != std::string::npos) option.range = word.range;
    read.options.push_back(std::move(option));
    return read;
  }

  void take_next_word(Option& option, FlagRead& read) const {
    if (read.next < words_.size()) {
      option.value = words_[read.next];
      ++read.next;
    } else {
      option.missing_value = true;
    }
  }

  // `-itd`, `-vx`, `-p8080:80`, `-e=X=1`, `-v x`: letters until one takes a value, which is the
  // rest of the word (after an optional `=`) or else the next word.
  FlagRead read_short_group(std::size_t index) const {
    const Word& word = words_[index];
    const WordText text(word);
    FlagRead read;
    read.next = index + 1;
    for (std::size_t i = 1; i < text.text.size(); ++i) {
      Option option;
      option.word_index = index;
      option.flag_range = slice_word(word, i == 1 ? 0 : i, i + 1).range;
      if (!text.is_literal(i)) {
        // `-$FLAGS`: letters we cannot read.
        option.name = text.text.substr(i);
        option.spelling = "-" + option.name;
        option.known = false;
        option.flag_range = slice_word(word, i, text.text.size()).range;
        option.range = option.flag_range;
        read.options.push_back(std::move(option));
        break;
      }
      const char letter = text.text[i];
      const FlagSpec* spec = find_short_flag(table_, letter);
      option.name = spec ? std::string(spec->name) : std::string(1, letter);
      option.spelling = std::string("-") + letter;
      option.known = spec != nullptr;
      const bool rest_is_value = i + 1 < text.text.size();
      const bool equals = rest_is_value && text.is_literal(i + 1) && text.text[i + 1] == '=';
      bool last = false;
      if (equals) {
        option.value = slice_word(word, i + 2, text.text.size());
        last = true;
      } else if (spec && spec->takes_value) {
        if (rest_is_value) {
          option.value = slice_word(word, i + 1, text.text.size());
        } else {
          take_next_word(option, read);
        }
        last = true;
      }
      option.range =
          join(option.flag_range, option.value ? option.value->range : option.flag_range);
      read.options.push_back(std::move(option));
      if (last) break;
    }
    return read;
  }

  const Words& words_;
  std::span<const FlagSpec> table_;
};

bool truthy(const Option& option) {
  if (!option.value) return true;
  const auto text = option.value->text();
  return !(text == "false" || text == "0" || text == "False" || text == "FALSE");
}

std::optional<Subcommand> subcommand_word(std::string_view first, std::string_view second,
                                          std::size_t& words_used) {
  words_used = 1;
  if (first == "run") return Subcommand::run;
  if (first == "create") return Subcommand::create;
  words_used = 2;
  if (first == "container" && second == "run") return Subcommand::run;
  if (first == "container" && second == "create") return Subcommand::create;
  if (first == "service" && second == "create") return Subcommand::service_create;
  return std::nullopt;
}

VolumesFrom parse_volumes_from(const Word& value) {
  VolumesFrom from;
  from.range = value.range;
  from.container = value;
  const WordText text(value);
  auto colon = std::string::npos;
  for (std::size_t i = text.text.size(); i-- > 0;) {
    if (text.is_literal(i) && text.text[i] == ':') {
      colon = i;
      break;
    }
  }
  if (colon != std::string::npos) {
    from.container = slice_word(value, 0, colon);
    from.mode = text.text.substr(colon + 1);
    from.readonly = from.mode == "ro";
  }
  return from;
}

EnvVar parse_env(const Word& value) {
  EnvVar env;
  env.range = value.range;
  const WordText text(value);
  const auto equals = text.find_literal('=');
  const auto name_end = equals == std::string::npos ? text.text.size() : equals;
  const Word name = slice_word(value, 0, name_end);
  env.name = name.text();
  env.name_known = name.known();
  if (equals == std::string::npos) {
    env.from_host = true;
  } else {
    env.value = slice_word(value, equals + 1, text.text.size());
  }
  return env;
}

void add_mount(Invocation& invocation, const Option& option, Mount (*parse)(const Word&)) {
  if (!option.value || option.value->text().empty()) return;
  Mount mount = parse(*option.value);
  mount.flag_range = option.flag_range;
  invocation.mounts.push_back(std::move(mount));
}

// Records what one option means for the container.
void apply_option(Invocation& invocation, const Option& option) {
  const std::string& name = option.name;
  if (!option.known) invocation.unknown_flags = true;
  if (option.dash_typo) invocation.dash_typos = true;
  if (name == "help") invocation.help_only = invocation.help_only || truthy(option);
  if (name == "env-file") invocation.env_file_present = true;
  if (name == "env-host") invocation.env_host = truthy(option);
  if (name == "rm") invocation.remove = truthy(option);
  if (name == "rmi" && truthy(option)) invocation.remove = true;  // podman: --rmi implies --rm
  if (name == "read-only") invocation.read_only = truthy(option);
  if (!option.value) return;
  const Word& value = *option.value;
  if (name == "volume") add_mount(invocation, option, parse_volume_spec);
  if (name == "mount") add_mount(invocation, option, parse_mount_spec);
  if (name == "tmpfs") add_mount(invocation, option, parse_tmpfs_spec);
  if (name == "volumes-from") invocation.volumes_from.push_back(parse_volumes_from(value));
  if (name == "env") invocation.env.push_back(parse_env(value));
  if (name == "entrypoint") invocation.entrypoint = value;
  if (name == "hostname") invocation.hostname = value;
  if (name == "name") invocation.name = value;
  if (name == "replicas") invocation.replicas = value;
  if (name == "image-volume") invocation.image_volume = value;
}

// Reads options from words[index] on; returns the index of the first positional word.
std::size_t read_options(const Words& words, std::size_t index, std::span<const FlagSpec> table,
                         std::vector<Option>& out) {
  const FlagReader reader(words, table);
  while (index < words.size() && is_flag_word(words[index]) && !is_end_of_options(words[index])) {
    auto read = reader.read(index);
    for (auto& option : read.options) out.push_back(std::move(option));
    index = read.next;
  }
  return index;
}

}  // namespace

const Option* Invocation::find_option(std::string_view long_name) const {
  for (auto it = options.rbegin(); it != options.rend(); ++it) {
    if (it->name == long_name) return &*it;
  }
  return nullptr;
}

const EnvVar* Invocation::find_env(std::string_view env_name) const {
  for (auto it = env.rbegin(); it != env.rend(); ++it) {
    if (it->name_known && it->name == env_name) return &*it;
  }
  return nullptr;
}

std::optional<long> Invocation::replica_count() const {
  if (!replicas || !replicas->known()) return std::nullopt;
  const std::string text = replicas->text();
  long count = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), count);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return count;
}

bool Invocation::env_partly_unknown() const {
  if (env_file_present || env_host) return true;
  return std::any_of(env.begin(), env.end(), [](const EnvVar& var) { return !var.name_known; });
}

std::optional<Invocation> parse_invocation(const CommandLine& command, std::string_view file_text) {
  // Only commands that name a container CLI pay for the alignment.
  if (command.words.empty() || !command.words.front().known() ||
      !tool_from_program(command.words.front().text())) {
    return std::nullopt;
  }
  CommandLine aligned;
  aligned.range = command.range;
  aligned.words.reserve(command.words.size());
  for (const auto& word : command.words) aligned.words.push_back(align_word(word, file_text));
  return parse_invocation(aligned);
}

std::optional<Invocation> parse_invocation(const CommandLine& command) {
  const Words& words = command.words;
  if (words.empty() || !words.front().known()) return std::nullopt;
  const auto tool = tool_from_program(words.front().text());
  if (!tool) return std::nullopt;

  Invocation invocation;
  invocation.tool = *tool;
  invocation.range = command.range;
  invocation.program = words.front();

  std::size_t index = read_options(words, 1, global_flags(*tool), invocation.global_options);
  if (index >= words.size() || !words[index].known()) return std::nullopt;
  const std::string first = words[index].text();
  const std::string second =
      index + 1 < words.size() && words[index + 1].known() ? words[index + 1].text() : "";
  std::size_t used = 0;
  const auto subcommand = subcommand_word(first, second, used);
  if (!subcommand) return std::nullopt;
  invocation.subcommand = *subcommand;
  invocation.subcommand_range = join(words[index].range, words[index + used - 1].range);
  index += used;

  for (const auto& option : invocation.global_options) {
    if (option.name == "help") invocation.help_only = true;
  }

  const auto table = subcommand_flags(*subcommand);
  for (;;) {
    index = read_options(words, index, table, invocation.options);
    if (index >= words.size()) break;
    if (is_end_of_options(words[index])) {
      ++index;
      break;
    }
    if (is_elided_options(words[index])) {
      invocation.elided_options = true;
      ++index;
      continue;
    }
    if (may_hold_options(words[index])) {
      invocation.unknown_flags = true;
      ++index;
      continue;
    }
    break;
  }
  for (const auto& option : invocation.options) apply_option(invocation, option);

  if (index < words.size()) {
    invocation.image = words[index];
    invocation.image_index = index;
    invocation.command.assign(words.begin() + static_cast<std::ptrdiff_t>(index) + 1, words.end());
  }
  return invocation;
}

}  // namespace dockvet::docker
