#include <catch2/catch.hpp>
#include <cstdio>
#include <regex>
#include <sstream>
#include <string>

#include "docker/flags.h"

using namespace dockvet::docker;

namespace {

// The output of a docker client command, or nullopt when docker is not installed.
std::optional<std::string> run_docker(const std::string& arguments) {
  const std::string command = "docker " + arguments + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return std::nullopt;
  std::string output;
  char buffer[4096];
  while (const auto read = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, read);
  const int status = pclose(pipe);
  if (status != 0 || output.find("Usage:") == std::string::npos) return std::nullopt;
  return output;
}

struct HelpFlag {
  std::string name;
  char short_name = 0;
  bool takes_value = false;
};

// Flag lines of docker's help: "  -v, --volume list   Bind mount a volume" (value: a type word
// follows the name) or "      --rm   Automatically remove" (boolean: two spaces follow).
std::vector<HelpFlag> help_flags(const std::string& help, const std::string& section) {
  static const std::regex line_pattern(
      R"(^ {2,6}(?:-(\w), )?--([a-z0-9-]+)( [a-z0-9-]+)?(?: {2,}|$))");
  std::vector<HelpFlag> flags;
  std::istringstream stream(help);
  std::string line;
  bool in_section = false;
  while (std::getline(stream, line)) {
    if (!line.empty() && line[0] != ' ') in_section = line.rfind(section, 0) == 0;
    std::smatch match;
    if (!in_section || !std::regex_search(line, match, line_pattern)) continue;
    HelpFlag flag;
    flag.name = match[2];
    flag.short_name = match[1].matched ? match[1].str()[0] : 0;
    flag.takes_value = match[3].matched;
    flags.push_back(flag);
  }
  return flags;
}

void check_table_against_help(std::span<const FlagSpec> table, const std::string& arguments,
                              const std::string& section) {
  const auto help = run_docker(arguments);
  if (!help) {
    SUCCEED("docker absent, skipped");
    return;
  }
  const auto flags = help_flags(*help, section);
  CHECK(flags.size() > 10);
  for (const auto& flag : flags) {
    INFO("docker " << arguments << ": --" << flag.name);
    const FlagSpec* spec = find_long_flag(table, flag.name);
    REQUIRE(spec != nullptr);
    CHECK(spec->takes_value == flag.takes_value);
    if (flag.short_name != 0) CHECK(spec->short_name == flag.short_name);
  }
}

}  // namespace

TEST_CASE("run flag table matches `docker run --help`", "[docker]") {
  check_table_against_help(subcommand_flags(Subcommand::run), "run --help", "Options:");
}

TEST_CASE("create flag table matches `docker create --help`", "[docker]") {
  check_table_against_help(subcommand_flags(Subcommand::create), "create --help", "Options:");
}

TEST_CASE("service create flag table matches `docker service create --help`", "[docker]") {
  check_table_against_help(subcommand_flags(Subcommand::service_create), "service create --help",
                           "Options:");
}

TEST_CASE("docker global flag table matches `docker --help`", "[docker]") {
  check_table_against_help(global_flags(Tool::docker), "--help", "Global Options:");
}

TEST_CASE("the help parser reads value and boolean flags", "[docker]") {
  const std::string help =
      "Options:\n"
      "  -v, --volume list                      Bind mount a volume\n"
      "      --rm                               Automatically remove the\n"
      "                                         --replicas)\n"
      "      --read-only\n";
  const auto flags = help_flags(help, "Options:");
  REQUIRE(flags.size() == 3);
  CHECK(flags[0].name == "volume");
  CHECK(flags[0].short_name == 'v');
  CHECK(flags[0].takes_value);
  CHECK(flags[1].name == "rm");
  CHECK_FALSE(flags[1].takes_value);
  CHECK(flags[2].name == "read-only");
}

TEST_CASE("flag lookups by long name and short letter", "[docker]") {
  const auto run = subcommand_flags(Subcommand::run);
  CHECK(find_short_flag(run, 'h')->name == "hostname");
  CHECK(find_short_flag(run, 'v')->takes_value);
  CHECK_FALSE(find_short_flag(run, 'd')->takes_value);
  CHECK(find_long_flag(run, "image-volume")->takes_value);  // podman
  CHECK_FALSE(find_long_flag(run, "tls-verify")->takes_value);
  CHECK(find_long_flag(run, "frobnicate") == nullptr);
  const auto service = subcommand_flags(Subcommand::service_create);
  CHECK(find_short_flag(service, 'h')->name == "help");
  CHECK(find_long_flag(service, "replicas")->takes_value);
  CHECK(find_long_flag(global_flags(Tool::podman), "root")->takes_value);
  CHECK_FALSE(find_short_flag(global_flags(Tool::podman), 'r')->takes_value);
  CHECK(find_short_flag(global_flags(Tool::nerdctl), 'n')->name == "namespace");
}

TEST_CASE("programs are recognised by base name", "[docker]") {
  CHECK(tool_from_program("docker") == Tool::docker);
  CHECK(tool_from_program("/usr/bin/docker") == Tool::docker);
  CHECK(tool_from_program("C:\\Program Files\\Docker\\docker.exe") == Tool::docker);
  CHECK(tool_from_program("podman") == Tool::podman);
  CHECK(tool_from_program("podman-remote") == Tool::podman);
  CHECK(tool_from_program("nerdctl") == Tool::nerdctl);
  CHECK_FALSE(tool_from_program("dockerd"));
  CHECK_FALSE(tool_from_program("docker-compose"));
  CHECK_FALSE(tool_from_program(""));
}
