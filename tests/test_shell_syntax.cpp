// Syntax issues the shell front end records, and robustness on hostile input.
#include <catch2/catch.hpp>

#include "test_shell_support.h"

using dockvet::ByteRange;
using dockvet::FileKind;
using dockvet::shell_test::parse_text;
using dockvet::shell_test::programs;
using Strings = std::vector<std::string>;

TEST_CASE("an unterminated double or single quote is DV020 at the quote", "[shell]") {
  auto parsed = parse_text("docker ps\necho \"abc\ndocker run x\n");
  REQUIRE(parsed.issues.size() == 1);
  CHECK(parsed.issues[0].code == "DV020");
  CHECK(parsed.issues[0].range == ByteRange{15, 19});  // from the quote to the end of its line
  CHECK(programs(parsed) == Strings{"docker", "echo"});

  auto single = parse_text("echo 'abc\nls\n");
  REQUIRE(single.issues.size() == 1);
  CHECK(single.issues[0].code == "DV020");
  CHECK(single.issues[0].range == ByteRange{5, 9});

  auto backquote = parse_text("echo `ls\n");
  REQUIRE(backquote.issues.size() == 1);
  CHECK(backquote.issues[0].code == "DV020");
  CHECK(backquote.issues[0].range == ByteRange{5, 8});
}

TEST_CASE("an unclosed $( ${ or $(( is DV021 at the opener", "[shell]") {
  auto command = parse_text("echo $(ls\npwd\n");
  REQUIRE(command.issues.size() == 1);
  CHECK(command.issues[0].code == "DV021");
  CHECK(command.issues[0].range == ByteRange{5, 7});
  CHECK(programs(command) == Strings{"echo", "ls", "pwd"});  // the rest is still walked

  auto parameter = parse_text("echo ${x\n");
  REQUIRE(parameter.issues.size() == 1);
  CHECK(parameter.issues[0].code == "DV021");
  CHECK(parameter.issues[0].range == ByteRange{5, 7});

  auto arithmetic = parse_text("echo $((1+2)\n");
  REQUIRE(arithmetic.issues.size() == 1);
  CHECK(arithmetic.issues[0].range == ByteRange{5, 8});
}

TEST_CASE("a here-document without its delimiter line is DV022", "[shell]") {
  auto parsed = parse_text("cat > .env <<EOF\nA=1\nEOT\ndocker compose up\n");
  REQUIRE(parsed.issues.size() == 1);
  CHECK(parsed.issues[0].code == "DV022");
  CHECK(parsed.issues[0].range == ByteRange{11, 16});

  CHECK(parse_text("cat <<-EOF\n\tA=1\n\tEOF\n").issues.empty());
  // A shift in an arithmetic command is not a here-document, even when a real error follows.
  auto shifted = parse_text("(( x = y << 2 ))\necho \"open\n");
  REQUIRE(shifted.issues.size() == 1);
  CHECK(shifted.issues[0].code == "DV020");
  CHECK(parse_text("cat <<'EOF'\n$(\nEOF\n").issues.empty());
}

TEST_CASE("Makefile recipes report syntax issues at file offsets", "[shell]") {
  auto parsed = parse_text("run:\n\t@echo \"hi\n", FileKind::makefile);
  REQUIRE(parsed.issues.size() == 1);
  CHECK(parsed.issues[0].code == "DV020");
  CHECK(parsed.issues[0].range == ByteRange{12, 15});
  CHECK(parse_text("run:\n\techo $(subst \",,$(X)) $$(pwd)\n", FileKind::makefile).issues.empty());
}

TEST_CASE("hostile input never crashes", "[shell]") {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "$(";
  deep += "x";
  for (int i = 0; i < 20000; ++i) deep += ")";
  auto nested = parse_text("echo " + deep + "\n");
  CHECK_FALSE(nested.commands.empty());

  std::string parens(50000, '(');
  CHECK_NOTHROW(parse_text(parens + "x\n"));

  std::string binary("docker run \0\xff\xfe \"\x80\n", 18);
  auto odd = parse_text(binary + std::string(1000, '['));
  REQUIRE_FALSE(odd.commands.empty());
  CHECK(odd.commands[0].words[0].text() == "docker");

  auto long_line = parse_text("echo " + std::string(2'000'000, 'a') + "\n");
  REQUIRE(long_line.commands.size() == 1);
  CHECK(long_line.commands[0].words[1].text().size() == 2'000'000);

  for (FileKind kind : {FileKind::makefile, FileKind::markdown}) {
    CHECK_NOTHROW(parse_text("```\n\t$$(\\\n" + deep + "\n", kind));
  }
}
