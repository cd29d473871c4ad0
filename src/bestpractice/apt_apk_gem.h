#pragma once
// What the package-manager rules (hadolint's DL3008, DL3009, DL3014, DL3015, DL3018, DL3019,
// DL3027, DL3028) ask of a Dockerfile's RUN commands: which apt-get or apk subcommand a command
// runs, which of its words are packages, and whether a RUN mounts a cache over a directory.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/word.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::bestpractice {

/// Every command of every RUN, exec-form RUNs included (shell::RunCommandList).
using RunCommands = shell::RunCommandList;
using RunCommandRef = shell::RunCommand;

/// apt-get's options that take their value as the next word (`-t bookworm`, `-o Opt=v`).
inline const std::initializer_list<std::string_view> kAptGetValueOptions = {
    // apt-get(8), OPTIONS
    "-o",
    "--option",
    "-c",
    "--config-file",
    "-t",
    "--target-release",
    "--default-release",
    "-a",
    "--host-architecture",
    "-P",
    "--build-profiles",
    "--solver"};

/// apk's options that take their value as the next word (`--virtual .deps`, `-X URL`).
inline const std::initializer_list<std::string_view> kApkValueOptions = {
    // apk(8), global and `add` options
    "-t",
    "--virtual",
    "-X",
    "--repository",
    "-p",
    "--root",
    "--arch",
    "--keys-dir",
    "--cache-dir",
    "--repositories-file",
    "--cache-max-age",
    "--timeout",
    "--wait"};

/// The operand that names the subcommand of an apt-get command (`install` in `apt-get -y
/// install x`), when the command is `program` and its subcommand is one of `subcommands`.
const Word* apt_get_subcommand(const CommandLine& command,
                               std::initializer_list<std::string_view> subcommands);
/// The same for `apk` (`add` in `apk --no-cache add x`).
const Word* apk_subcommand(const CommandLine& command,
                           std::initializer_list<std::string_view> subcommands);

/// From the program word to `last` (the subcommand): where a rule about a whole invocation
/// points, `apt-get -q install` rather than the long list of packages after it.
ByteRange command_head(const CommandLine& command, const Word& last);

/// The `-o NAME=VALUE` (`--option`, `-oNAME=VALUE`) settings an apt-get command passes, with
/// NAME lower-cased as apt compares configuration names without case.
std::vector<std::pair<std::string, std::string>> apt_config_options(const CommandLine& command);

/// Whether an apt configuration value is one apt reads as false (`false`, `0`, `no`, `off`).
bool apt_false(std::string_view value);
/// Whether it is one apt reads as true (`true`, `1`, `yes`, `on`).
bool apt_true(std::string_view value);

/// Whether the RUN has a cache or tmpfs mount (`--mount=type=cache,target=…`) whose target is
/// `path` or a directory above it: whatever the command writes there stays out of the layer.
bool mounts_cache_over(const dockerfile::Instruction& run, std::string_view path);

/// A fix that writes ` OPTION` right after the subcommand word (`install` becomes `install
/// --no-install-recommends`), or nothing where the place is not certain: an exec-form RUN (its
/// words are JSON strings) or a word not written in the file as it reads (quoted, continued over
/// lines, an expansion).
std::optional<Fix> insert_after_word(const FileFacts& facts, const RunCommandRef& ref,
                                     const Word& word, std::string_view option, bool safe);

/// Whether `command` is an `rm` that removes `directory` or what is inside it
/// (`rm -rf /var/lib/apt/lists/*`, `rm -r /var/cache/apk`).
bool removes_contents_of(const CommandLine& command, std::string_view directory);

}  // namespace dockvet::bestpractice
