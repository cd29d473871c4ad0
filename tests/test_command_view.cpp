// The command view the best-practice rules read: options as getopt reads them, operands with
// option values left out, prefixes and pipelines kept for the rules that judge them.

#include <catch2/catch.hpp>

#include "shell/command_view.h"
#include "test_shell_support.h"

using dockvet::shell_test::parse_text;
namespace shell = dockvet::shell;

namespace {

std::vector<std::string> operand_texts(const dockvet::CommandLine& command,
                                       std::initializer_list<std::string_view> takes_value = {}) {
  std::vector<std::string> out;
  for (const auto* word : shell::operands(command, takes_value)) out.push_back(word->text());
  return out;
}

}  // namespace

TEST_CASE("options are read as getopt reads them", "[command_view]") {
  auto parsed = parse_text("/usr/bin/apt-get -qy --no-install-recommends=1 install -- -x curl\n");
  REQUIRE(parsed.commands.size() == 1);
  const auto& command = parsed.commands[0];
  CHECK(shell::program_name(command) == "apt-get");
  CHECK(shell::has_option(command, {"-y"}));
  CHECK(shell::has_option(command, {"-q"}));
  CHECK(shell::has_option(command, {"--no-install-recommends"}));
  CHECK_FALSE(shell::has_option(command, {"-x"}));  // after "--" it is an operand
  CHECK(operand_texts(command) == std::vector<std::string>{"install", "-x", "curl"});
  CHECK(shell::has_subcommand(command, {"install"}));
}

TEST_CASE("an option's separate value is not an operand", "[command_view]") {
  auto parsed = parse_text("pip install -r requirements.txt flask\n");
  const auto& command = parsed.commands.at(0);
  CHECK(operand_texts(command) == std::vector<std::string>{"install", "requirements.txt", "flask"});
  CHECK(operand_texts(command, {"-r"}) == std::vector<std::string>{"install", "flask"});
  CHECK(shell::program_name(parse_text("$TOOL install x\n").commands.at(0)).empty());
}

TEST_CASE("peeled prefixes and pipelines stay visible", "[command_view]") {
  auto parsed = parse_text("sudo -u app env X=1 make | tee log > out.txt\nls\n");
  REQUIRE(parsed.commands.size() == 3);
  const auto& make = parsed.commands[0];
  CHECK(shell::program_name(make) == "make");
  REQUIRE(make.prefix.size() == 5);
  CHECK(make.prefix[0].text() == "sudo");
  CHECK(make.piped);
  CHECK(parsed.commands[1].piped);  // `tee log > out.txt`, a redirected pipeline stage
  CHECK_FALSE(parsed.commands[2].piped);
}
