// The line level of the Dockerfile front end: directives, continuations, comments, heredocs and
// odd bytes.
#include <catch2/catch.hpp>

#include "test_dockerfile_support.h"

using dockvet::ByteRange;
using dockvet::dockerfile::Keyword;
using dockvet::dockerfile::testing::Parsed;
using Codes = std::vector<std::string>;

TEST_CASE("directives are read only in the block at the top", "[dockerfile]") {
  const Parsed p(
      "# syntax=docker/dockerfile:1.7\n"
      "#   ESCAPE = `  \n"
      "# check=skip=JSONArgsRecommended\n"
      "FROM alpine\n");
  REQUIRE(p.df.directives.size() == 3);
  CHECK(p.df.directives[0].name == "syntax");
  CHECK(p.df.directives[0].value == "docker/dockerfile:1.7");
  CHECK(p.where(p.df.directives[0].value_range) == "1:10-1:31");
  CHECK(p.df.directives[1].name == "escape");
  CHECK(p.df.directives[1].value == "`");
  CHECK(p.where(p.df.directives[1].name_range) == "2:5-2:11");
  CHECK(p.df.directives[2].value == "skip=JSONArgsRecommended");
  CHECK(p.df.escape == '`');
  CHECK(p.df.directive("check") != nullptr);
  CHECK(p.df.issues.empty());
  // All three are comments too.
  CHECK(p.df.comments.size() == 3);
}

TEST_CASE("a comment, a blank line or an unknown directive ends the directive block",
          "[dockerfile]") {
  CHECK(Parsed("# hello\n# escape=`\nFROM a\n").df.escape == '\\');
  CHECK(Parsed("\n# escape=`\nFROM a\n").df.escape == '\\');
  CHECK(Parsed("# foo=bar\n# escape=`\nFROM a\n").df.escape == '\\');
  CHECK(Parsed("FROM a\n# escape=`\n").df.directives.empty());
  // Leading whitespace before the "#" is allowed.
  CHECK(Parsed("  # escape=`\nFROM a\n").df.escape == '`');
}

TEST_CASE("a repeated directive or a bad escape is DV010", "[dockerfile]") {
  const Parsed twice("# escape=`\n# escape=\\\nFROM a\n");
  CHECK(twice.codes() == Codes{"DV010"});
  CHECK(twice.where(twice.df.issues[0].range) == "2:1-2:11");
  CHECK(twice.df.escape == '`');  // the first one counts

  const Parsed bad("# escape=^\nFROM a\n");
  CHECK(bad.codes() == Codes{"DV010"});
  CHECK(bad.slice(bad.df.issues[0].range) == "^");
  CHECK(bad.df.escape == '\\');
}

TEST_CASE("continued lines join, dropping comments, empty lines and escape", "[dockerfile]") {
  const Parsed p(
      "FROM alpine\n"
      "RUN apk add \\\n"
      "    # a comment inside the command\n"
      "\n"
      "   \t\n"
      "    curl \\   \n"
      "    jq\n"
      "CMD x\n");
  REQUIRE(p.df.instructions.size() == 3);
  const auto& run = p.at(1);
  CHECK(run.text == "RUN apk add     curl     jq");
  CHECK(run.args == "apk add     curl     jq");
  CHECK(p.where(run.line_range) == "2:1-7:7");
  REQUIRE(run.pieces.size() == 3);
  CHECK(p.slice(run.pieces[0]) == "RUN apk add ");
  CHECK(p.slice(run.pieces[1]) == "    curl ");
  CHECK(p.slice(run.pieces[2]) == "    jq");
  CHECK(p.where(run.words[0].range) == "2:5-7:7");
  CHECK(p.at(2).keyword == Keyword::cmd);
  CHECK(p.df.comments.size() == 1);
  CHECK(p.slice(p.df.comments[0]) == "# a comment inside the command");
  CHECK(p.df.issues.empty());
}

TEST_CASE("an empty line does not end a continued instruction", "[dockerfile]") {
  // BuildKit swallows the next instruction into the RUN; so does dockvet.
  const Parsed p("FROM a\nRUN echo \\\n\nCMD x\n");
  REQUIRE(p.df.instructions.size() == 2);
  CHECK(p.at(1).args == "echo CMD x");
}

TEST_CASE("a backtick escape continues lines and a backslash is literal", "[dockerfile]") {
  const Parsed p(
      "# escape=`\n"
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
      "RUN powershell -Command `\n"
      "    Write-Host C:\\path\\\n"
      "COPY C:\\src\\ C:\\app\\\n");
  REQUIRE(p.df.instructions.size() == 3);
  CHECK(p.at(1).args == "powershell -Command     Write-Host C:\\path\\");
  CHECK(p.at(2).words.size() == 2);
  CHECK(p.at(2).words[1].raw == "C:\\app\\");
}

TEST_CASE("instruction names are case-insensitive and unknown ones are DV011", "[dockerfile]") {
  const Parsed p("from alpine\nRun echo hi\nmaintainer me\nFOO bar\nCOPPY a b\n");
  REQUIRE(p.df.instructions.size() == 5);
  CHECK(p.at(0).keyword == Keyword::from);
  CHECK(p.at(1).keyword == Keyword::run);
  CHECK(p.at(1).name == "Run");
  CHECK(p.at(2).keyword == Keyword::maintainer);
  CHECK(p.at(3).keyword == Keyword::unknown);
  CHECK(p.at(3).args == "bar");
  CHECK(p.codes() == Codes{"DV011", "DV011"});
  CHECK(p.where(p.df.issues[0].range) == "4:1-4:4");
  CHECK(p.where(p.df.issues[1].range) == "5:1-5:6");
}

TEST_CASE("a heredoc body is kept with exact ranges", "[dockerfile]") {
  const Parsed p(
      "FROM alpine\n"
      "RUN <<EOF\n"
      "set -e\n"
      "# not a Dockerfile comment\n"
      "apk add curl\n"
      "EOF\n"
      "CMD [\"sh\"]\n");
  REQUIRE(p.df.instructions.size() == 3);
  const auto& run = p.at(1);
  REQUIRE(run.heredocs.size() == 1);
  const auto& doc = run.heredocs[0];
  CHECK(doc.name == "EOF");
  CHECK(doc.expand);
  CHECK_FALSE(doc.chomp);
  CHECK(doc.terminated);
  CHECK(p.slice(doc.word_range) == "<<EOF");
  CHECK(p.where(doc.body) == "3:1-6:1");
  CHECK(doc.content == "set -e\n# not a Dockerfile comment\napk add curl\n");
  CHECK(p.where(doc.terminator) == "6:1-6:4");
  CHECK(p.where(run.range) == "2:1-6:4");
  CHECK(p.where(run.line_range) == "2:1-2:10");
  CHECK(p.df.comments.empty());
  CHECK(p.df.issues.empty());
}

TEST_CASE("heredoc variants: chomp, quoted, descriptors, several on a line, COPY", "[dockerfile]") {
  const Parsed p(
      "FROM alpine\n"
      "RUN <<-'END' 3<<\"two\" python3\n"
      "\tprint(1)\n"
      "\tEND\n"
      "x\n"
      "two\n"
      "COPY <<conf /etc/app.conf\n"
      "key=$VALUE\n"
      "conf\n"
      "RUN echo '<<NOT' cat<<NOT2 x\n");
  REQUIRE(p.df.instructions.size() == 4);
  const auto& run = p.at(1);
  REQUIRE(run.heredocs.size() == 2);
  CHECK(run.heredocs[0].name == "END");
  CHECK(run.heredocs[0].chomp);
  CHECK_FALSE(run.heredocs[0].expand);
  CHECK(p.where(run.heredocs[0].terminator) == "4:1-4:5");
  CHECK(run.heredocs[1].name == "two");
  CHECK(run.heredocs[1].descriptor == 3);
  CHECK_FALSE(run.heredocs[1].expand);
  CHECK(run.heredocs[1].content == "x\n");
  const auto& copy = p.at(2);
  REQUIRE(copy.heredocs.size() == 1);
  CHECK(copy.heredocs[0].content == "key=$VALUE\n");
  REQUIRE(copy.words.size() == 2);
  CHECK(copy.words[0].raw == "<<conf");
  CHECK(copy.words[1].raw == "/etc/app.conf");
  // Quoted or glued "<<" is no heredoc.
  CHECK(p.at(3).heredocs.empty());
  CHECK(p.df.issues.empty());
}

TEST_CASE("an exec-form RUN has no heredoc", "[dockerfile]") {
  const Parsed p("FROM a\nRUN [\"cat\", \"<<EOF\"]\nEOF\n");
  CHECK(p.at(1).heredocs.empty());
  CHECK(p.codes() == Codes{"DV011"});  // the EOF line is read as an instruction
}

TEST_CASE("an unterminated heredoc is DV012 and the rest is still modelled", "[dockerfile]") {
  const Parsed p(
      "FROM alpine\n"
      "RUN <<EOF\n"
      "USER app\n"
      "EOF \n");
  CHECK(p.codes() == Codes{"DV012", "DV011"});
  CHECK(p.where(p.df.issues[0].range) == "2:5-2:10");
  REQUIRE(p.df.instructions.size() == 4);
  CHECK_FALSE(p.at(1).heredocs[0].terminated);
  CHECK(p.at(1).heredocs[0].body.empty());
  CHECK(p.at(2).keyword == Keyword::user);
}

TEST_CASE("CRLF, a BOM, NUL bytes and invalid UTF-8 keep positions exact", "[dockerfile]") {
  const Parsed crlf("\xEF\xBB\xBF# escape=`\r\nFROM alpine\r\nRUN echo `\r\n  hi\r\n");
  CHECK(crlf.df.has_bom);
  CHECK(crlf.df.escape == '`');
  REQUIRE(crlf.df.instructions.size() == 2);
  CHECK(crlf.at(1).args == "echo   hi");
  CHECK(crlf.where(crlf.at(1).line_range) == "3:1-4:5");
  CHECK(crlf.at(0).words[0].raw == "alpine");

  using namespace std::string_literals;
  const Parsed bytes("FROM a\nRUN echo \xFF\xFE \0 x\nUSER \xC3\xA9t\xC3\xA9\n"s);
  REQUIRE(bytes.df.instructions.size() == 3);
  CHECK(bytes.at(1).args == "echo \xFF\xFE \0 x"s);
  REQUIRE(bytes.at(2).words.size() == 1);
  CHECK(bytes.where(bytes.at(2).words[0].range) == "3:6-3:9");
  CHECK(bytes.df.issues.empty());

  const Parsed empty("");
  CHECK(empty.codes() == Codes{"DV015"});
  const Parsed no_newline("FROM a\nRUN x \\");
  CHECK(no_newline.at(1).args == "x");
}

TEST_CASE("shapes seen in official images parse without issues", "[dockerfile]") {
  const Parsed p(
      "FROM php:8.3-fpm-alpine\n"
      "ENV \\\n"
      "    COMPOSER_ALLOW_SUPERUSER=\"1\" \\\n"
      "    COMPOSER_HOME=\"/tmp/composer\"\n"
      "ENV BUILD_DEPS \\\n"
      "\t\tautoconf \\\n"
      " #   make \\\n"
      "\t\tre2c\n"
      "RUN set -eux; \\\n"
      "\t\\\n"
      "\t{ echo '[client]'; echo 'port=3306'; } > /etc/my.cnf; \\\n"
      "# a comment at column one between continued lines\n"
      "\tapk add --no-cache $BUILD_DEPS\n"
      "COPY --from=composer:2 /usr/bin/composer /usr/bin/composer\n");
  REQUIRE(p.df.instructions.size() == 5);
  const auto& env = p.at(1);
  REQUIRE(env.pairs.size() == 2);
  CHECK(env.pairs[0].key.raw == "COMPOSER_ALLOW_SUPERUSER");
  CHECK(env.pairs[1].value->expanded == "/tmp/composer");
  CHECK(p.where(env.pairs[0].range) == "3:5-3:33");
  const auto& legacy = p.at(2);
  REQUIRE(legacy.pairs.size() == 1);
  CHECK(legacy.pairs[0].legacy);
  CHECK(legacy.pairs[0].value->raw == "autoconf \t\tre2c");
  CHECK(p.at(3).args ==
        "set -eux; \t\t{ echo '[client]'; echo 'port=3306'; } > /etc/my.cnf; \tapk add "
        "--no-cache $BUILD_DEPS");
  CHECK(p.at(4).stage_ref == -1);  // an image, not a stage
  CHECK(p.df.comments.size() == 2);
  CHECK(p.df.issues.empty());
}
