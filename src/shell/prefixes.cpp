// Peeling the wrapper commands that run another program, so that words[0] is the real program.
// Each wrapper's option table follows its manual: options that take a separate value must
// consume it, or the value would be mistaken for the program.
#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "shell/shell.h"

namespace dockvet::shell {
namespace {

/// How one wrapper reads its own arguments.
struct WrapperSyntax {
  std::string_view name;
  std::string_view short_with_value;  // letters whose value may follow as the next word
  std::span<const std::string_view> long_with_value;
  bool takes_assignments = false;      // `env X=1 prog`, `sudo X=1 prog`
  int positional_before_program = 0;   // `timeout 5 prog`
  bool numeric_short_options = false;  // `nice -10 prog`
  std::string_view stops_peeling;      // options that mean "do not run a program" (`command -v`)
};

constexpr std::string_view sudo_long[] = {
    "--user", "--group",      "--close-from", "--chdir",           "--prompt",      "--role",
    "--type", "--other-user", "--chroot",     "--command-timeout", "--login-class", "--auth-type"};
constexpr std::string_view env_long[] = {"--unset", "--chdir", "--split-string"};
constexpr std::string_view timeout_long[] = {"--signal", "--kill-after"};
constexpr std::string_view nice_long[] = {"--adjustment"};
constexpr std::string_view stdbuf_long[] = {"--input", "--output", "--error"};
constexpr std::string_view no_long[] = {"--"};

// sudo's getopt string is "+Aa:BbC:c:D:Eeg:Hh::iKklNnPp:R:r:SsT:t:U:u:Vv": -h takes its value
// only when attached, so a separate word after -h is the program.
constexpr WrapperSyntax wrappers[] = {
    {"sudo", "aCcDgpRrTtUu", sudo_long, true, 0, false, "eKlVv"},
    {"doas", "Cu", no_long, false, 0, false, ""},
    {"env", "uCSP", env_long, true, 0, false, ""},
    {"exec", "a", no_long, false, 0, false, ""},
    {"time", "", no_long, false, 0, false, ""},
    {"nohup", "", no_long, false, 0, false, ""},
    {"timeout", "sk", timeout_long, false, 1, false, ""},
    {"command", "", no_long, false, 0, false, "vV"},
    {"nice", "n", nice_long, false, 0, true, ""},
    {"stdbuf", "ioe", stdbuf_long, false, 0, false, ""},
};

std::string_view basename(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

const WrapperSyntax* find_wrapper(std::string_view name) {
  for (const auto& wrapper : wrappers) {
    if (wrapper.name == basename(name)) return &wrapper;
  }
  return nullptr;
}

bool is_assignment(std::string_view text) {
  auto eq = text.find('=');
  if (eq == 0 || eq == std::string_view::npos) return false;
  if (!(std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_')) return false;
  return std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(eq), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

bool is_number(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

/// Skips one wrapper's options, assignments and leading operands starting at `i` (the word after
/// the wrapper's name). Returns the index of the program, or nullopt when there is none or an
/// option means the wrapper runs nothing.
std::optional<std::size_t> skip_wrapper_arguments(const WrapperSyntax& wrapper,
                                                  std::span<const Word> words, std::size_t i) {
  int positional = wrapper.positional_before_program;
  bool options_done = false;
  while (i < words.size()) {
    if (!words[i].known()) return positional == 0 ? std::optional(i) : std::nullopt;
    const std::string text = words[i].text();
    if (!options_done && text == "--") {
      options_done = true;
      ++i;
      continue;
    }
    if (!options_done && text.size() > 1 && text[0] == '-' && text.rfind("--", 0) == 0) {
      bool separate_value =
          text.find('=') == std::string::npos &&
          std::find(wrapper.long_with_value.begin(), wrapper.long_with_value.end(), text) !=
              wrapper.long_with_value.end();
      i += separate_value ? 2 : 1;
      continue;
    }
    if (!options_done && text.size() > 1 && text[0] == '-') {
      if (wrapper.numeric_short_options && is_number(text.substr(1))) {
        ++i;
        continue;
      }
      bool value_in_next_word = false;
      for (std::size_t k = 1; k < text.size(); ++k) {
        if (wrapper.stops_peeling.find(text[k]) != std::string_view::npos) return std::nullopt;
        if (wrapper.short_with_value.find(text[k]) != std::string_view::npos) {
          value_in_next_word = k + 1 == text.size();
          break;  // the rest of the cluster is the value
        }
      }
      i += value_in_next_word ? 2 : 1;
      continue;
    }
    if (wrapper.name == "env" && text == "-") {  // `env -` is `env -i`
      ++i;
      continue;
    }
    if (wrapper.takes_assignments && is_assignment(text)) {
      ++i;
      continue;
    }
    if (positional > 0) {
      --positional;
      options_done = true;
      ++i;
      continue;
    }
    return i;
  }
  return std::nullopt;
}

}  // namespace

std::size_t prefix_length(std::span<const Word> words) {
  std::size_t program = 0;
  while (program < words.size() && words[program].known()) {
    const WrapperSyntax* wrapper = find_wrapper(words[program].text());
    if (wrapper == nullptr) break;
    auto next = skip_wrapper_arguments(*wrapper, words, program + 1);
    if (!next) break;  // the wrapper runs nothing here: it is the program
    program = *next;
  }
  return program;
}

}  // namespace dockvet::shell
