// Reading write destinations and package names off command lines. Options that take a value in
// the next word are listed per program so that their values are not mistaken for operands.
#include "stateful/dockerfile_writes.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

namespace dockvet::stateful {

namespace {

using Options = std::vector<std::string_view>;

bool listed(const Options& options, std::string_view word) {
  return std::find(options.begin(), options.end(), word) != options.end();
}

/// A command's words split into operands and option values.
struct Parsed {
  std::vector<const Word*> operands;
  // Each option with the word holding its value (glued `--x=v` and `-xv` forms give the same
  // word, whose text then carries the option too).
  std::vector<std::pair<std::string, const Word*>> values;
  std::vector<std::string> flags;  // every option word's text

  const Word* value(const Options& names) const {
    const Word* found = nullptr;
    for (const auto& [name, word] : values) {
      if (listed(names, name)) found = word;
    }
    return found;
  }
  bool has_flag(std::string_view name) const {
    return std::find(flags.begin(), flags.end(), name) != flags.end();
  }
};

// Splits words[first..] into operands and options; `takes_value` lists the options whose value
// is the next word (or follows '=' in a long option).
Parsed parse(const CommandLine& command, std::size_t first, const Options& takes_value) {
  Parsed parsed;
  bool options_end = false;
  const auto& words = command.words;
  for (std::size_t i = first; i < words.size(); ++i) {
    const std::string text = words[i].text();
    if (options_end || text.size() < 2 || text.front() != '-') {
      parsed.operands.push_back(&words[i]);
      continue;
    }
    if (text == "--") {
      options_end = true;
      continue;
    }
    const auto eq = text.find('=');
    const std::string name = text.substr(0, text.rfind("--", 0) == 0 ? eq : std::string::npos);
    parsed.flags.push_back(name);
    if (!listed(takes_value, name)) continue;
    if (eq != std::string::npos && text.rfind("--", 0) == 0) {
      parsed.values.emplace_back(name, &words[i]);
    } else if (i + 1 < words.size()) {
      parsed.values.emplace_back(name, &words[++i]);
    }
  }
  return parsed;
}

void add(std::vector<const Word*>& out, const Word* word) {
  if (word != nullptr) out.push_back(word);
}

void add_all(std::vector<const Word*>& out, const std::vector<const Word*>& words,
             std::size_t skip = 0) {
  for (std::size_t i = skip; i < words.size(); ++i) out.push_back(words[i]);
}

// cp, mv, install and ln write to their last operand unless a target directory is given.
void copy_destination(const Parsed& parsed, std::vector<const Word*>& out) {
  if (const Word* target = parsed.value({"-t", "--target-directory"})) {
    out.push_back(target);
  } else if (parsed.operands.size() >= 2) {
    out.push_back(parsed.operands.back());
  }
}

bool tar_extracts(const CommandLine& command) {
  for (std::size_t i = 1; i < command.words.size(); ++i) {
    const std::string text = command.words[i].text();
    if (text == "--extract" || text == "--get") return true;
    const bool short_options = text.size() > 1 && text[0] == '-' && text[1] != '-';
    const bool old_style = i == 1 && !text.empty() && text[0] != '-';
    if ((short_options || old_style) && text.find('x') != std::string::npos) return true;
  }
  return false;
}

void writes_of(const CommandLine& command, const std::string& program,
               std::vector<const Word*>& out) {
  if (program == "mkdir" || program == "touch") {
    add_all(out, parse(command, 1, {"-m", "--mode"}).operands);
  } else if (program == "chown" || program == "chmod" || program == "chgrp") {
    add_all(out, parse(command, 1, {}).operands, 1);
  } else if (program == "cp" || program == "mv" || program == "ln") {
    copy_destination(parse(command, 1, {"-t", "--target-directory", "-S", "--suffix"}), out);
  } else if (program == "install") {
    const auto parsed = parse(command, 1,
                              {"-t", "--target-directory", "-m", "--mode", "-o", "--owner", "-g",
                               "--group", "-S", "--suffix"});
    if (parsed.has_flag("-d") || parsed.has_flag("--directory")) {
      add_all(out, parsed.operands);
    } else {
      copy_destination(parsed, out);
    }
  } else if (program == "tar") {
    if (tar_extracts(command))
      add(out,
          parse(command, 1, {"-C", "--directory", "-f", "--file"}).value({"-C", "--directory"}));
  } else if (program == "unzip") {
    add(out, parse(command, 1, {"-d"}).value({"-d"}));
  } else if (program == "git") {
    if (command.words.size() < 2 || command.words[1].text() != "clone") return;
    const auto parsed =
        parse(command, 2,
              {"-b", "--branch", "--depth", "-o", "--origin", "-c", "--config", "--reference",
               "--separate-git-dir", "-j", "--jobs", "--template", "-u", "--upload-pack",
               "--shallow-since", "--shallow-exclude", "--filter"});
    if (parsed.operands.size() >= 2) out.push_back(parsed.operands[1]);
  } else if (program == "curl") {
    add(out,
        parse(command, 1,
              {"-o", "--output", "--output-dir", "-H", "--header", "-d", "--data", "-u", "--user",
               "-X", "--request", "-A", "--user-agent", "-e", "--referer", "-w", "--write-out"})
            .value({"-o", "--output", "--output-dir"}));
  } else if (program == "wget") {
    add(out, parse(command, 1, {"-O", "--output-document", "-P", "--directory-prefix"})
                 .value({"-O", "--output-document", "-P", "--directory-prefix"}));
  } else if (program == "initdb") {
    const auto parsed = parse(command, 1,
                              {"-D", "--pgdata", "-U", "--username", "-E", "--encoding", "-A",
                               "--auth", "--locale", "-X", "--waldir", "--pwfile"});
    if (const Word* dir = parsed.value({"-D", "--pgdata"})) {
      out.push_back(dir);
    } else if (!parsed.operands.empty()) {
      out.push_back(parsed.operands.front());
    }
  } else if (program == "sed") {
    const auto parsed = parse(command, 1, {"-e", "--expression", "-f", "--file"});
    const bool in_place = std::any_of(parsed.flags.begin(), parsed.flags.end(), [](const auto& f) {
      return f.rfind("-i", 0) == 0 || f == "--in-place";
    });
    if (!in_place) return;
    const bool script_in_option = parsed.value({"-e", "--expression", "-f", "--file"}) != nullptr;
    add_all(out, parsed.operands, script_in_option ? 0 : 1);
  }
}

enum class Manager { none, apt, apk, rpm, zypper };

struct ManagerName {
  std::string_view program;
  Manager manager;
};

constexpr std::array<ManagerName, 9> manager_names{{
    {"apt-get", Manager::apt},
    {"apt", Manager::apt},
    {"aptitude", Manager::apt},
    {"apk", Manager::apk},
    {"dnf", Manager::rpm},
    {"yum", Manager::rpm},
    {"microdnf", Manager::rpm},
    {"tdnf", Manager::rpm},
    {"zypper", Manager::zypper},
}};

Manager manager_of(const std::string& program) {
  for (const auto& name : manager_names) {
    if (name.program == program) return name.manager;
  }
  return Manager::none;
}

Options value_options(Manager manager) {
  switch (manager) {
    case Manager::apt:
      return {"-o",           "-t", "-c", "--option", "--target-release", "--default-release",
              "--config-file"};
    case Manager::apk:
      return {"-X",     "--repository", "-t",          "--virtual",  "-p",
              "--root", "--arch",       "--cache-dir", "--keys-dir", "--repositories-file"};
    case Manager::rpm:
      return {"-c",           "--config",      "--installroot", "--releasever",
              "--enablerepo", "--disablerepo", "--repo",        "--repoid",
              "-x",           "--exclude",     "--setopt",      "-d",
              "-e",           "--forcearch"};
    case Manager::zypper: return {"-r", "--repo", "-R", "--root", "--from", "-t", "--type"};
    case Manager::none: break;
  }
  return {};
}

bool is_subcommand(Manager manager, std::string_view word, bool install) {
  switch (manager) {
    case Manager::apt: return install ? word == "install" : (word == "remove" || word == "purge");
    case Manager::apk: return install ? word == "add" : word == "del";
    case Manager::rpm: return install ? word == "install" : (word == "remove" || word == "erase");
    case Manager::zypper:
      return install ? (word == "install" || word == "in") : (word == "remove" || word == "rm");
    case Manager::none: break;
  }
  return false;
}

// The parsed operands after the install or remove subcommand, or nullopt for another command.
std::optional<Parsed> package_operands(const CommandLine& command, bool install) {
  const Manager manager = manager_of(program_name(command));
  if (manager == Manager::none) return std::nullopt;
  const Parsed all = parse(command, 1, value_options(manager));
  if (all.operands.empty() || !all.operands.front()->known() ||
      !is_subcommand(manager, all.operands.front()->text(), install)) {
    return std::nullopt;
  }
  Parsed rest = all;
  rest.operands.erase(rest.operands.begin());
  return rest;
}

}  // namespace

const std::vector<std::string>& package_managers() {
  static const std::vector<std::string> programs = [] {
    std::vector<std::string> out;
    for (const auto& name : manager_names) out.emplace_back(name.program);
    return out;
  }();
  return programs;
}

std::string program_name(const CommandLine& command) {
  if (command.words.empty() || !command.words.front().known()) return {};
  const std::string text = command.words.front().text();
  const auto slash = text.rfind('/');
  return slash == std::string::npos ? text : text.substr(slash + 1);
}

std::vector<WrittenPath> written_paths(const CommandLine& command) {
  std::vector<const Word*> words;
  const std::string program = program_name(command);
  if (!program.empty()) writes_of(command, program, words);
  for (const Word& file : command.output_files) words.push_back(&file);
  std::vector<WrittenPath> out;
  for (const Word* word : words) {
    std::string text = word->text();
    // Operands never start with '-', so such a word is a glued `--option=value`.
    if (!text.empty() && text.front() == '-') {
      const auto eq = text.find('=');
      if (eq == std::string::npos) continue;
      text = text.substr(eq + 1);
    }
    out.push_back(WrittenPath{std::move(text), word->known(), word->range});
  }
  return out;
}

std::vector<PackageWord> installed_packages(const CommandLine& command) {
  std::vector<PackageWord> out;
  const auto parsed = package_operands(command, true);
  if (!parsed) return out;
  std::string group;
  if (const Word* virtual_name = parsed->value({"-t", "--virtual"});
      virtual_name != nullptr && program_name(command) == "apk") {
    group = virtual_name->text();
    if (auto eq = group.find('='); group.rfind("--", 0) == 0 && eq != std::string::npos) {
      group = group.substr(eq + 1);
    }
  }
  for (const Word* word : parsed->operands) {
    if (word->known()) out.push_back(PackageWord{word, group});
  }
  return out;
}

std::vector<std::string> removed_packages(const CommandLine& command) {
  std::vector<std::string> out;
  const auto parsed = package_operands(command, false);
  if (!parsed) return out;
  for (const Word* word : parsed->operands) {
    if (word->known()) out.push_back(word->text());
  }
  return out;
}

}  // namespace dockvet::stateful
