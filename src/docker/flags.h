#pragma once
// The option tables of the container CLIs dockvet models: which flags `docker|podman|nerdctl`
// accept before the subcommand and after `run`/`create`/`service create`, and which of them take
// a value. Knowing the value-taking flags is what locates the image word exactly.

#include <optional>
#include <span>
#include <string_view>

namespace dockvet::docker {

/// The program that was run.
enum class Tool { docker, podman, nerdctl };

/// The container-creating subcommand. `container run` is `run`, `container create` is `create`.
enum class Subcommand { run, create, service_create };

std::string_view to_string(Tool tool);
std::string_view to_string(Subcommand subcommand);

/// One flag: its long name without dashes, its one-letter short form (0 if none), and whether it
/// takes a value (`--name x`, `-v x`, `-vx`) or is a boolean (`--rm`, `-d`, or `--rm=false`).
struct FlagSpec {
  std::string_view name;
  char short_name = 0;
  bool takes_value = false;
};

/// Flags of `run`/`create` (docker's, plus podman's and nerdctl's extras) or of `service create`.
std::span<const FlagSpec> subcommand_flags(Subcommand subcommand);
/// Options a tool accepts before its subcommand (`-H`, `--context`, podman's `--root`, ...).
std::span<const FlagSpec> global_flags(Tool tool);

/// Looks a flag up by long name (no dashes) or short letter in `table`.
const FlagSpec* find_long_flag(std::span<const FlagSpec> table, std::string_view name);
const FlagSpec* find_short_flag(std::span<const FlagSpec> table, char letter);

/// Recognises the program word's text: `docker`, `/usr/bin/podman`, `nerdctl.exe`, ...
std::optional<Tool> tool_from_program(std::string_view program);

/// The program names tool_from_program knows, without directory or `.exe`.
std::span<const std::string_view> container_cli_names();

}  // namespace dockvet::docker
