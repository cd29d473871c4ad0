// Server or client: the rules 16-17 of the reference, driven by the catalog's client lists.

#include "stateful/server.h"

#include <algorithm>
#include <array>

namespace dockvet::stateful {

namespace {

/// The subcommand an image's server needs, from its positional argument knob ("server").
std::string_view required_subcommand(const catalog::Resolved& resolved) {
  for (const auto& knob : resolved.knobs) {
    if (knob.kind == catalog::Knob::Kind::arg && knob.form == catalog::Knob::Form::positional) {
      return knob.name;
    }
  }
  return {};
}

bool asks_for_help(const std::vector<Word>& command, const catalog::Resolved& resolved,
                   const catalog::Catalog& catalog) {
  return std::any_of(command.begin(), command.end(), [&](const Word& word) {
    return word.known() && catalog.is_help_argument(resolved.entry, word.text());
  });
}

bool word_is(const std::vector<Word>& command, std::size_t index, std::string_view text) {
  return index < command.size() && command[index].known() && command[index].text() == text;
}

}  // namespace

bool starts_server(const docker::Invocation& invocation, const catalog::Resolved& resolved,
                   const catalog::Catalog& catalog) {
  if (invocation.help_only || invocation.entrypoint) return false;
  const auto& command = invocation.command;
  if (asks_for_help(command, resolved, catalog)) return false;
  // Some images print something and exit when an environment variable says so
  // (teamspeak's TS3SERVER_LICENSE=view): the catalog lists the setting as a help argument.
  for (const auto& env : invocation.env) {
    if (env.name_known && env.value && env.value->known() &&
        catalog.is_help_argument(resolved.entry, env.name + "=" + env.value->text())) {
      return false;
    }
  }
  const std::string_view subcommand = required_subcommand(resolved);
  if (command.empty()) return subcommand.empty();
  const Word& first = command.front();
  if (!first.known()) return false;  // a command in a variable: we cannot tell
  const std::string program = first.text();
  if (!program.empty() && program.front() == '-') return subcommand.empty();
  if (catalog.runs_client(resolved.entry, program)) return false;
  if (subcommand.empty()) return true;
  // The minio entrypoint prefixes `minio` to any other first word (reference row 35).
  return word_is(command, 0, subcommand) || word_is(command, 1, subcommand);
}

bool persistence_switched_off(const std::vector<Word>& command) {
  bool saves_off = false;
  bool append_only = false;
  for (std::size_t i = 0; i < command.size(); ++i) {
    if (!command[i].known()) continue;
    const std::string text = command[i].text();
    const bool next_empty =
        i + 1 < command.size() && command[i + 1].known() && command[i + 1].text().empty();
    if ((text == "--save" && next_empty) || text == "--save=") saves_off = true;
    if (text == "--appendonly" && word_is(command, i + 1, "yes")) append_only = true;
    if (text == "--object-store=memory" ||
        (text == "--object-store" && word_is(command, i + 1, "memory"))) {
      return true;
    }
  }
  return saves_off && !append_only;
}

bool mode_moves_data(const std::vector<Word>& command) {
  return std::any_of(command.begin(), command.end(),
                     [](const Word& word) { return word.known() && word.text() == "--configsvr"; });
}

bool looks_like_config(std::string_view path) {
  static constexpr std::array<std::string_view, 10> extensions = {
      ".conf", ".cnf", ".cfg", ".ini", ".yml", ".yaml", ".xml", ".json", ".properties", ".toml"};
  for (const auto extension : extensions) {
    if (path.size() > extension.size() &&
        path.substr(path.size() - extension.size()) == extension) {
      return true;
    }
  }
  static constexpr std::array<std::string_view, 4> directories = {"/conf.d", "/conf", "/config",
                                                                  "/etc/"};
  return std::any_of(directories.begin(), directories.end(), [&](std::string_view dir) {
    const auto at = path.find(dir);
    if (at == std::string_view::npos) return false;
    const auto end = at + dir.size();
    return dir.back() == '/' || end == path.size() || path[end] == '/';
  });
}

}  // namespace dockvet::stateful
