// Words, segments and prefixes of commands parsed by the shell front end.
#include <catch2/catch.hpp>

#include "test_shell_support.h"

using dockvet::ByteRange;
using dockvet::shell_test::describe;
using dockvet::shell_test::parse_text;
using dockvet::shell_test::programs;
using dockvet::shell_test::slice;
using dockvet::shell_test::texts;
using Strings = std::vector<std::string>;

TEST_CASE("a shell script is one region covering the file, byte order mark left out", "[shell]") {
  auto parsed = parse_text(
      "\xEF\xBB\xBF"
      "docker ps\n");
  REQUIRE(parsed.regions.size() == 1);
  REQUIRE(parsed.regions[0].ranges.size() == 1);
  CHECK(parsed.regions[0].ranges[0] == ByteRange{3, 13});
  REQUIRE(parsed.commands.size() == 1);
  CHECK(describe(parsed.commands[0].words[0]) == "L{docker}@3-9");
}

TEST_CASE("quotes are removed and escapes applied", "[shell]") {
  //                      0         1         2         3         4
  //                      0123456789012345678901234567890123456789012345
  auto parsed = parse_text("echo 'a b' \"c\\\"d\" e\\ f g\"h\"'i' \"\\q\" $'x\\ty'");
  REQUIRE(parsed.commands.size() == 1);
  const auto& words = parsed.commands[0].words;
  REQUIRE(words.size() == 7);
  CHECK(describe(words[1]) == "L{a b}@6-9");
  CHECK(words[1].range == ByteRange{5, 10});
  CHECK(describe(words[2]) == "L{c\"d}@12-16");
  CHECK(describe(words[3]) == "L{e f}@18-22");
  CHECK(describe(words[4]) == "L{ghi}@23-29");
  CHECK(words[4].range == ByteRange{23, 30});
  CHECK(describe(words[5]) == "L{\\q}@32-34");  // only $ ` " \ and newline escape in "…"
  CHECK(describe(words[6]) == "L{x\ty}@38-42");
  CHECK(words[6].known());
}

TEST_CASE("continued lines join words as bash reads them", "[shell]") {
  auto parsed = parse_text("docker run \\\n  -v a\\\nb:/data \"x\\\ny\" img\n");
  REQUIRE(parsed.commands.size() == 1);
  const auto& command = parsed.commands[0];
  CHECK(texts(command) == Strings{"docker", "run", "-v", "ab:/data", "xy", "img"});
  CHECK(describe(command.words[3]) == "L{ab:/data}@18-28");
  CHECK(command.words[3].range == ByteRange{18, 28});
  CHECK(command.range == ByteRange{0, 39});
}

TEST_CASE("expansions stay as non-literal segments with their source text", "[shell]") {
  //                       0         1         2         3         4         5         6
  //                       0123456789012345678901234567890123456789012345678901234567890123
  auto parsed = parse_text("docker run -v \"$PWD\"/data:/d -v ${DATA:-/srv}:/x $(pwd) `pwd` ~/y\n");
  REQUIRE(parsed.commands.size() == 3);
  const auto& words = parsed.commands[0].words;
  REQUIRE(words.size() == 9);
  CHECK(describe(words[3]) == "X{$PWD}@15-19 L{/data:/d}@20-28");
  CHECK(words[3].range == ByteRange{14, 28});
  CHECK_FALSE(words[3].known());
  CHECK(words[3].known_prefix().empty());
  CHECK(describe(words[5]) == "X{${DATA:-/srv}}@32-45 L{:/x}@45-48");
  CHECK(describe(words[6]) == "X{$(pwd)}@49-55");
  CHECK(describe(words[7]) == "X{`pwd`}@56-61");
  CHECK(describe(words[8]) == "X{~}@62-63 L{/y}@63-65");
  CHECK(programs(parsed) == Strings{"docker", "pwd", "pwd"});
}

TEST_CASE("tilde at word start and globs are expansions, quoted ones are not", "[shell]") {
  //                       0         1         2
  //                       012345678901234567890123456
  auto parsed = parse_text("ls ~/y a~b *.sql \"*\" [ab]c ? x{a,b} {1..3} {} \"{a,b}\"");
  REQUIRE(parsed.commands.size() == 1);
  const auto& words = parsed.commands[0].words;
  REQUIRE(words.size() == 11);
  CHECK(describe(words[7]) == "L{x}@29-30 X{{a,b}}@30-35");
  CHECK(describe(words[8]) == "X{{1..3}}@36-42");
  CHECK(describe(words[9]) == "L{{}}@43-45");
  CHECK(describe(words[10]) == "L{{a,b}}@47-52");
  CHECK(describe(words[1]) == "X{~}@3-4 L{/y}@4-6");
  CHECK(describe(words[2]) == "L{a~b}@7-10");
  CHECK(describe(words[3]) == "X{*}@11-12 L{.sql}@12-16");
  CHECK(describe(words[4]) == "L{*}@18-19");
  CHECK(describe(words[5]) == "X{[ab]}@21-25 L{c}@25-26");
  CHECK(describe(words[6]) == "X{?}@27-28");
}

TEST_CASE("known_prefix stops at the first expansion", "[shell]") {
  auto parsed = parse_text("docker run -v /srv/$NAME/data:/d x");
  REQUIRE(parsed.commands.size() == 1);
  const auto& word = parsed.commands[0].words[3];
  CHECK(word.known_prefix() == "/srv/");
  CHECK(word.text() == "/srv/$NAME/data:/d");
}

TEST_CASE("every prefix is peeled so words[0] is the real program", "[shell]") {
  const char* script =
      "X=1 Y=\"a b\" docker a\n"
      "sudo docker b\n"
      "sudo -E -u root --group=docker -- docker c\n"
      "sudo -iu admin docker d\n"
      "sudo HOME=/x docker e\n"
      "env -i -u PATH --chdir /tmp A=1 docker f\n"
      "env - docker g\n"
      "exec -a name docker h\n"
      "time -p docker i\n"
      "nohup docker j\n"
      "timeout -s KILL -k 5 30s docker k\n"
      "timeout 10 docker l\n"
      "command -p docker m\n"
      "nice -n 10 docker n\n"
      "nice -5 docker o\n"
      "stdbuf -oL -e 0 docker p\n"
      "doas -u root docker q\n"
      "sudo env X=1 nohup timeout 5 /usr/bin/docker r\n";
  auto parsed = parse_text(script);
  REQUIRE(parsed.commands.size() == 18);
  for (const auto& command : parsed.commands) {
    REQUIRE(command.words.size() == 2);
    CHECK(command.words[0].text().ends_with("docker"));
  }
  CHECK(parsed.commands[0].words[1].text() == "a");
  CHECK(slice(parsed, parsed.commands[0].range) == "X=1 Y=\"a b\" docker a");
  CHECK(slice(parsed, parsed.commands[2].range) == "sudo -E -u root --group=docker -- docker c");
  CHECK(parsed.commands[17].words[0].text() == "/usr/bin/docker");
  CHECK(parsed.commands[17].words[1].text() == "r");
}

TEST_CASE("a wrapper that runs nothing stays the program", "[shell]") {
  auto parsed = parse_text(
      "sudo -v\ncommand -v docker\nenv\ntime\nexec 3>&1\nsudo -l docker\n"
      "$SUDO docker x\n");
  CHECK(programs(parsed) == Strings{"sudo", "command", "env", "time", "exec", "sudo", "$SUDO"});
  CHECK(texts(parsed.commands[1]) == Strings{"command", "-v", "docker"});
}

TEST_CASE("commands are found in every compound construct, in file order", "[shell]") {
  const char* script =
      "a1 | a2 && a3 || a4; a5 &\n"
      "if b1; then b2; elif b3; then b4; else b5; fi\n"
      "for x in 1 2; do c1 \"$x\"; done\n"
      "for ((i=0;i<2;i++)); do c2; done\n"
      "while d1; do d2; done\n"
      "until d3; do d4; done\n"
      "case $x in a) e1;; *) e2;; esac\n"
      "( f1; f2 )\n"
      "{ f3; }\n"
      "g() { g1; }\n"
      "function h { h1; }\n"
      "i1 > out 2>&1\n"
      "j1 \"$(j2 | j3)\" `j4`\n"
      "! k1\n"
      "export L=$(l1)\n"
      "[ -f \"$(m1)\" ] && m2\n"
      "n1 <(n2) >(n3)\n"
      "echo $(( $(o1) + 1 ))\n";
  auto parsed = parse_text(script);
  CHECK(programs(parsed) == Strings{"a1", "a2", "a3", "a4", "a5", "b1",   "b2", "b3", "b4", "b5",
                                    "c1", "c2", "d1", "d2", "d3", "d4",   "e1", "e2", "f1", "f2",
                                    "f3", "g1", "h1", "i1", "j1", "j2",   "j3", "j4", "k1", "l1",
                                    "m1", "m2", "n1", "n2", "n3", "echo", "o1"});
}

TEST_CASE("redirections are not words", "[shell]") {
  auto parsed = parse_text("docker logs db > log.txt 2>&1 <<< in\n");
  REQUIRE(parsed.commands.size() == 1);
  CHECK(texts(parsed.commands[0]) == Strings{"docker", "logs", "db"});
}

TEST_CASE("a here-document given to a shell is parsed as a script", "[shell]") {
  const char* script =
      "ssh deploy@host <<'EOF'\n"
      "docker run -d redis\n"
      "EOF\n"
      "cat > notes.txt <<EOF\n"
      "docker run ignored $(date)\n"
      "EOF\n"
      "sudo bash -s <<-EOF\n"
      "\tdocker volume create pg\n"
      "\tEOF\n";
  auto parsed = parse_text(script);
  CHECK(programs(parsed) == Strings{"ssh", "docker", "cat", "date", "bash", "docker"});
  CHECK(texts(parsed.commands[1]) == Strings{"docker", "run", "-d", "redis"});
  CHECK(slice(parsed, parsed.commands[1].range) == "docker run -d redis");
  CHECK(slice(parsed, parsed.commands[5].words[2].range) == "create");
}

TEST_CASE("a valid script gives no syntax issue", "[shell]") {
  const char* script =
      "#!/bin/sh\n"
      "set -eu\n"
      "x=$(case \"$1\" in a) echo 'q';; *) echo \"r\";; esac)\n"
      "echo \"${x:-\"a b\"}\" $(( (1 + 2) * 3 )) <<< \"s\" '#' \\\" ${#x} ${x//\\//_}\n"
      "cat <<-EOF\n\tbody \"unbalanced ' quote\n\tEOF\n"
      "arr=(a b); echo \"${arr[@]}\" `echo \\`id\\``\n"
      "# a comment with an ' apostrophe\n";
  auto parsed = parse_text(script);
  CHECK(parsed.issues.empty());
}

TEST_CASE("output redirections to files are recorded, descriptor duplications are not", "[shell]") {
  //                       0         1         2         3         4         5
  //                       012345678901234567890123456789012345678901234567890123456
  auto parsed = parse_text(
      "a > \"$OUT\"/log 2>&1 >>b.txt &> c >| d >&2 3>&- >& e < in\n"
      "cat <<EOF > notes.txt\nx\nEOF\n{ f; } > g\n");
  REQUIRE(parsed.commands.size() == 3);
  const auto& files = parsed.commands[0].output_files;
  REQUIRE(files.size() == 5);
  CHECK(describe(files[0]) == "X{$OUT}@5-9 L{/log}@10-14");
  CHECK(files[1].text() == "b.txt");
  CHECK(files[2].text() == "c");
  CHECK(files[3].text() == "d");
  CHECK(files[4].text() == "e");
  REQUIRE(parsed.commands[1].output_files.size() == 1);
  CHECK(parsed.commands[1].output_files[0].text() == "notes.txt");
  CHECK(parsed.commands[2].output_files.empty());  // the group's redirection is not f's own
}

TEST_CASE("the DV02x checks are registered with complete metadata", "[shell]") {
  for (const char* code : {"DV020", "DV021", "DV022"}) {
    const dockvet::Check* check = dockvet::Registry::instance().find(code);
    REQUIRE(check != nullptr);
    const auto& meta = check->meta();
    CHECK(meta.severity == dockvet::Severity::error);
    CHECK(meta.example_language == "sh");
    CHECK_FALSE(meta.name.empty());
    CHECK_FALSE(meta.summary.empty());
    CHECK_FALSE(meta.rationale.empty());
    CHECK_FALSE(meta.bad_example.empty());
    CHECK_FALSE(meta.good_example.empty());
    CHECK_FALSE(meta.fix.empty());
    // The bad example really produces the issue, the good one does not.
    auto bad = parse_text(std::string(meta.bad_example));
    REQUIRE(bad.issues.size() == 1);
    CHECK(bad.issues[0].code == meta.code);
    CHECK(parse_text(std::string(meta.good_example)).issues.empty());
  }
}
