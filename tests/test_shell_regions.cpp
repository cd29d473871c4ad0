// Where the shell front end finds shell code in Makefiles and Markdown.
#include <catch2/catch.hpp>

#include "test_shell_support.h"

using dockvet::ByteRange;
using dockvet::FileKind;
using dockvet::shell_test::describe;
using dockvet::shell_test::parse_text;
using dockvet::shell_test::programs;
using dockvet::shell_test::slice;
using dockvet::shell_test::texts;
using Strings = std::vector<std::string>;
using Ranges = std::vector<ByteRange>;

TEST_CASE("Makefile: recipe lines are regions without tab and @-+ prefixes", "[shell]") {
  //                0                   1                   2
  //                0123456789 0 1234567890 1 2 3 456789012345 6
  std::string mk = "run: build\n\t@echo hi\n\t-@ docker rm db\n";
  auto parsed = parse_text(mk, FileKind::makefile);
  REQUIRE(parsed.regions.size() == 2);
  CHECK(parsed.regions[0].ranges == Ranges{{13, 20}});
  CHECK(parsed.regions[1].ranges == Ranges{{25, 37}});
  CHECK(programs(parsed) == Strings{"echo", "docker"});
  CHECK(slice(parsed, parsed.commands[1].range) == "docker rm db");
}

TEST_CASE("Makefile: directives, assignments and comments are not recipes", "[shell]") {
  std::string mk =
      "IMAGE := app\n"
      "X = docker no1\n"
      "Y ?= a:b\n"
      "# docker no2\n"
      "include other.mk\n"
      "define TEMPLATE\n"
      "\tdocker no3\n"
      "endef\n"
      "\tdocker no4\n"
      "all: ; docker yes1\n"
      "\n"
      "# a comment between recipe lines\n"
      "ifeq ($(CI),1)\n"
      "\tdocker yes2\n"
      "endif\n"
      "target: VAR = value\n"
      "\tdocker no5\n"
      "build: src\n"
      "\tdocker yes3\n";
  auto parsed = parse_text(mk, FileKind::makefile);
  CHECK(texts(parsed.commands[0]) == Strings{"docker", "yes1"});
  CHECK(programs(parsed) == Strings{"docker", "docker", "docker"});
  REQUIRE(parsed.commands.size() == 3);
  CHECK(parsed.commands[1].words[1].text() == "yes2");
  CHECK(parsed.commands[2].words[1].text() == "yes3");
}

TEST_CASE("Makefile: continued recipe lines are one region, next line's tab left out", "[shell]") {
  std::string mk = "up:\n\tdocker run \\\n\t  -v data:/d \\\n\tredis\n";
  auto parsed = parse_text(mk, FileKind::makefile);
  REQUIRE(parsed.regions.size() == 1);
  CHECK(parsed.regions[0].ranges == Ranges{{5, 18}, {19, 34}, {35, 40}});
  REQUIRE(parsed.commands.size() == 1);
  CHECK(texts(parsed.commands[0]) == Strings{"docker", "run", "-v", "data:/d", "redis"});
  CHECK(parsed.commands[0].words[4].range == ByteRange{35, 40});
}

TEST_CASE("Makefile: $(VAR) stays an expansion and $$ is the shell's $", "[shell]") {
  std::string mk = "run:\n\t$(DOCKER) run -v $$HOME/d:/d $(IMAGE) $$(id -u)\n";
  auto parsed = parse_text(mk, FileKind::makefile);
  REQUIRE(parsed.commands.size() == 2);  // `$(DOCKER)` and `$(IMAGE)` are make's, not commands
  const auto& words = parsed.commands[0].words;
  REQUIRE(words.size() == 6);
  CHECK(describe(words[0]) == "X{$(DOCKER)}@6-15");
  CHECK(describe(words[3]) == "X{$HOME}@23-29 L{/d:/d}@29-34");
  CHECK(words[3].range == ByteRange{23, 34});
  CHECK(describe(words[4]) == "X{$(IMAGE)}@35-43");
  CHECK(describe(words[5]) == "X{$(id -u)}@44-53");
  CHECK(texts(parsed.commands[1]) == Strings{"id", "-u"});
}

TEST_CASE("Markdown: shell-like fences are regions, other languages are not", "[shell]") {
  std::string md =
      "# Setup\n"
      "```bash\n"
      "docker volume create pg\n"
      "```\n"
      "~~~~ sh\n"
      "docker one\n"
      "~~~~\n"
      "```python\n"
      "docker = 1\n"
      "```\n"
      "```\n"
      "docker two\n"
      "```\n"
      "```` zsh title=\"x\"\n"
      "docker three\n"
      "````\n"
      "````shell\n"
      "```\n"
      "docker four\n"
      "````\n";
  auto parsed = parse_text(md, FileKind::markdown);
  CHECK(parsed.regions.size() == 5);
  REQUIRE(parsed.commands.size() == 5);
  CHECK(texts(parsed.commands[0]) == Strings{"docker", "volume", "create", "pg"});
  CHECK(slice(parsed, parsed.commands[0].range) == "docker volume create pg");
  CHECK(parsed.commands[0].range.begin == 16);
  CHECK(parsed.commands[1].words[1].text() == "one");
  CHECK(parsed.commands[2].words[1].text() == "two");
  CHECK(parsed.commands[3].words[1].text() == "three");
  CHECK(parsed.commands[4].words[1].text() == "four");
}

TEST_CASE("Markdown: console prompts are left out and output lines skipped", "[shell]") {
  std::string md =
      "```console\n"
      "$ docker run -d \\\n"
      "    -v pg:/data postgres:17\n"
      "3f2a1c\n"
      "# docker volume ls\n"
      "DRIVER    VOLUME NAME\n"
      "```\n";
  auto parsed = parse_text(md, FileKind::markdown);
  REQUIRE(parsed.regions.size() == 2);
  CHECK(parsed.regions[0].ranges == Ranges{{13, 57}});
  REQUIRE(parsed.commands.size() == 2);
  CHECK(texts(parsed.commands[0]) ==
        Strings{"docker", "run", "-d", "-v", "pg:/data", "postgres:17"});
  CHECK(parsed.commands[0].range == ByteRange{13, 56});
  CHECK(texts(parsed.commands[1]) == Strings{"docker", "volume", "ls"});
  CHECK(parsed.commands[1].range.begin == 66);
}

TEST_CASE("Markdown: a plain block whose lines start with $ is a transcript", "[shell]") {
  std::string md = "```sh\n$ docker ps\nCONTAINER ID\n# a comment\n$ docker images\n```\n";
  auto parsed = parse_text(md, FileKind::markdown);
  CHECK(programs(parsed) == Strings{"docker", "docker"});
  REQUIRE(parsed.commands.size() == 2);
  CHECK(parsed.commands[0].range == ByteRange{8, 17});
  CHECK(texts(parsed.commands[1]) == Strings{"docker", "images"});
}

TEST_CASE("Markdown: fences inside lists and indented code blocks", "[shell]") {
  std::string md =
      "1. Start the database:\n"
      "\n"
      "   ```bash\n"
      "   docker run mysql:8\n"
      "   ```\n"
      "\n"
      "Text after the list.\n"
      "\n"
      "    docker run redis\n"
      "    docker ps\n"
      "\n"
      "A paragraph\n"
      "    continued, not code\n";
  auto parsed = parse_text(md, FileKind::markdown);
  REQUIRE(parsed.commands.size() == 3);
  CHECK(texts(parsed.commands[0]) == Strings{"docker", "run", "mysql:8"});
  CHECK(slice(parsed, parsed.commands[0].range) == "docker run mysql:8");
  CHECK(texts(parsed.commands[1]) == Strings{"docker", "run", "redis"});
  CHECK(texts(parsed.commands[2]) == Strings{"docker", "ps"});
}

TEST_CASE("Markdown: syntax problems are never reported", "[shell]") {
  std::string md = "```sh\necho \"unterminated <your-password>\n```\n";
  auto parsed = parse_text(md, FileKind::markdown);
  CHECK(parsed.regions.size() == 1);
  CHECK(parsed.issues.empty());
}

TEST_CASE("Markdown: a console block without prompts lists bare container commands", "[shell]") {
  std::string md =
      "```console\n"
      "docker run -d --name db \\\n"
      "\t-v pg:/data postgres:17\n"
      "Unable to find image 'postgres:17' locally\n"
      "sudo docker ps\n"
      "echo not a container command\n"
      "```\n";
  auto parsed = parse_text(md, FileKind::markdown);
  REQUIRE(parsed.commands.size() == 2);
  CHECK(texts(parsed.commands[0]) ==
        Strings{"docker", "run", "-d", "--name", "db", "-v", "pg:/data", "postgres:17"});
  CHECK(slice(parsed, parsed.commands[0].words.back().range) == "postgres:17");
  CHECK(texts(parsed.commands[1]) == Strings{"docker", "ps"});  // the shell front end drops sudo
}

TEST_CASE("Markdown: text blocks give only their container commands", "[shell]") {
  std::string md =
      "```text\n"
      "Run it with:\n"
      "docker run -d mongo:tag\n"
      "user@host:~$ podman run -d redis\n"
      "```\n"
      "```yaml\n"
      "docker: run\n"
      "```\n";
  auto parsed = parse_text(md, FileKind::markdown);
  CHECK(programs(parsed) == Strings{"docker", "podman"});
  REQUIRE(parsed.commands.size() == 2);
  CHECK(texts(parsed.commands[1]) == Strings{"podman", "run", "-d", "redis"});
}

TEST_CASE("Markdown: PowerShell backticks and cmd carets continue a command", "[shell]") {
  std::string md =
      "```powershell\n"
      "PS C:\\> docker run -d `\n"
      "  -v ${PWD}/data:/data/db `\n"
      "  mongo:8\n"
      "Get-ChildItem\n"
      "```\n"
      "```cmd\n"
      "C:\\work> docker run -d ^\n"
      "  -v %cd%\\data:/var/lib/mysql ^\n"
      "  mysql:8.4\n"
      "```\n";
  auto parsed = parse_text(md, FileKind::markdown);
  REQUIRE(parsed.commands.size() == 2);
  CHECK(texts(parsed.commands[0]) ==
        Strings{"docker", "run", "-d", "-v", "${PWD}/data:/data/db", "mongo:8"});
  CHECK(slice(parsed, parsed.commands[0].words.back().range) == "mongo:8");
  // Read by bash rules, the backslash escapes the `d`; the mount model still sees a %cd% bind.
  CHECK(texts(parsed.commands[1]) ==
        Strings{"docker", "run", "-d", "-v", "%cd%data:/var/lib/mysql", "mysql:8.4"});
}

TEST_CASE("Markdown: slips in continued commands do not cut them short", "[shell]") {
  std::string md =
      "```console\n"
      "$ docker run -d \\  \n"
      "\n"
      "    -v pg:/var/lib/postgresql \\\n"
      "\tpostgres:18\n"
      "```\n"
      "```sh\n"
      "docker run -d \\ \n"
      "\n"
      "  -v my:/var/lib/mysql mysql:8.4\n"
      "```\n";
  auto parsed = parse_text(md, FileKind::markdown);
  REQUIRE(parsed.commands.size() == 2);
  CHECK(texts(parsed.commands[0]) ==
        Strings{"docker", "run", "-d", "-v", "pg:/var/lib/postgresql", "postgres:18"});
  CHECK(texts(parsed.commands[1]) ==
        Strings{"docker", "run", "-d", "-v", "my:/var/lib/mysql", "mysql:8.4"});
}

TEST_CASE("Markdown: code blocks inside block quotes and quoted list items", "[shell]") {
  std::string md =
      ">     docker run -d mongo\n"
      "\n"
      "> **Note**\n"
      "> ```console\n"
      "> $ docker run -d \\\n"
      ">     mariadb:11\n"
      "> ```\n"
      "\n"
      "> 1. Start it:\n"
      ">\n"
      ">    ```bash\n"
      ">    docker run -d redis\n"
      ">    ```\n";
  auto parsed = parse_text(md, FileKind::markdown);
  REQUIRE(parsed.commands.size() == 3);
  CHECK(texts(parsed.commands[0]) == Strings{"docker", "run", "-d", "mongo"});
  CHECK(texts(parsed.commands[1]) == Strings{"docker", "run", "-d", "mariadb:11"});
  CHECK(slice(parsed, parsed.commands[1].words.back().range) == "mariadb:11");
  CHECK(texts(parsed.commands[2]) == Strings{"docker", "run", "-d", "redis"});
}

TEST_CASE("Markdown: a fence in a block quote ends with the quote", "[shell]") {
  std::string md =
      "> ```sh\n"
      "> docker run -d redis\n"
      "Outside the quote: docker run -d mongo\n"
      "```sh\n"
      "docker run -d mysql\n"
      "```\n";
  auto parsed = parse_text(md, FileKind::markdown);
  CHECK(programs(parsed) == Strings{"docker", "docker"});
  REQUIRE(parsed.commands.size() == 2);
  CHECK(texts(parsed.commands[1]) == Strings{"docker", "run", "-d", "mysql"});
}

TEST_CASE("Markdown: docs placeholders are words, not redirects", "[shell]") {
  std::string md =
      "```console\n"
      "$ docker run <OPTIONS> -d nextcloud\n"
      "$ docker run -d -v <my data dir>:/var/lib/mysql mysql:<version>\n"
      "$ cat <<EOF > out.txt\n"
      "$ sort < in.txt > out.txt\n"
      "```\n";
  auto parsed = parse_text(md, FileKind::markdown);
  REQUIRE(parsed.commands.size() == 4);
  CHECK(texts(parsed.commands[0]) == Strings{"docker", "run", "-d", "nextcloud"});
  CHECK(texts(parsed.commands[1]) ==
        Strings{"docker", "run", "-d", "-v", "mydatadir:/var/lib/mysql", "mysql:version"});
  // The word starts at its first byte the shell sees, after the left-out bracket.
  CHECK(slice(parsed, parsed.commands[1].words[4].range) == "my data dir>:/var/lib/mysql");
  CHECK(texts(parsed.commands[2]) == Strings{"cat"});
  CHECK(texts(parsed.commands[3]) == Strings{"sort"});
}
