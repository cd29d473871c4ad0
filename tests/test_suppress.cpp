#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "config/suppress.h"
#include "core/engine.h"

using namespace dockvet;
using namespace dockvet::config;

namespace {

CheckMeta meta(std::string_view code, std::string_view name,
               std::vector<std::string_view> aliases = {}) {
  CheckMeta m;
  m.code = code;
  m.name = name;
  m.aliases = std::move(aliases);
  return m;
}

const CheckMeta kUnmounted = meta("DV101", "stateful-data-unmounted");
const CheckMeta kAnonymous = meta("DV102", "stateful-data-anonymous");
const CheckMeta kRootUser = meta("DV201", "last-user-root", {"DL3002"});
const CheckMeta kAptPin = meta("DL3008", "apt-pin-versions", {"DL3008"});
const CheckMeta kCopyFrom = meta("DL3021", "copy-multiple-args-dest", {"DL3021"});
const CheckMeta kExposePort = meta("DL3011", "expose-valid-port", {"DL3011"});

Diagnostic at(const CheckMeta& m, std::uint32_t line) {
  Diagnostic d;
  d.code = std::string(m.code);
  d.name = std::string(m.name);
  d.start = {line, 1};
  return d;
}

// The lines of 1..last on which a finding of `m` is suppressed.
std::vector<std::uint32_t> suppressed_lines(Suppressions& suppressions, const CheckMeta& m,
                                            std::uint32_t last) {
  std::vector<std::uint32_t> lines;
  for (std::uint32_t line = 1; line <= last; ++line) {
    if (suppressions.suppresses(at(m, line), m)) lines.push_back(line);
  }
  return lines;
}

std::vector<std::uint32_t> lines_for(FileKind kind, std::string text, const CheckMeta& m,
                                     SuppressionOptions options = {}) {
  SourceFile file("f", kind, std::move(text));
  Suppressions suppressions = parse_suppressions(file, options);
  return suppressed_lines(suppressions, m, file.lines.line_count());
}

using Lines = std::vector<std::uint32_t>;

}  // namespace

TEST_CASE("suppress: dockvet ignore covers the next line that is not a comment", "[config]") {
  const std::string text =
      "FROM postgres:17\n"
      "# dockvet ignore=DV101 -- the data lives on the host\n"
      "# syntax notes\n"
      "RUN echo one\n"
      "RUN echo two\n";
  CHECK(lines_for(FileKind::dockerfile, text, kUnmounted) == Lines{4});
  CHECK(lines_for(FileKind::dockerfile, text, kAnonymous).empty());
}

TEST_CASE("suppress: codes may be names, several, in any case", "[config]") {
  const std::string text =
      "#dockvet ignore = stateful-data-unmounted , dv102\ndocker run postgres\n";
  CHECK(lines_for(FileKind::shell, text, kUnmounted) == Lines{2});
  CHECK(lines_for(FileKind::shell, text, kAnonymous) == Lines{2});
  CHECK(lines_for(FileKind::shell, text, kRootUser).empty());
}

TEST_CASE("suppress: a trailing dockvet ignore covers its own line", "[config]") {
  const std::string text =
      "docker run -d postgres:17  # dockvet ignore=DV101\n"
      "docker run -d postgres:17\n";
  CHECK(lines_for(FileKind::shell, text, kUnmounted) == Lines{1});
}

TEST_CASE("suppress: dockvet global ignore covers the whole file", "[config]") {
  const std::string text = "docker run a\n# dockvet global ignore=DV102\ndocker run b\n";
  CHECK(lines_for(FileKind::shell, text, kAnonymous) == Lines{1, 2, 3, 4});
  CHECK(lines_for(FileKind::shell, text, kUnmounted).empty());
}

TEST_CASE("suppress: a # inside quotes or inside a word starts no comment", "[config]") {
  CHECK(lines_for(FileKind::shell, "echo \"# dockvet ignore=DV101\"; docker run postgres\n",
                  kUnmounted)
            .empty());
  CHECK(lines_for(FileKind::shell, "echo '# dockvet ignore=DV101' && docker run postgres\n",
                  kUnmounted)
            .empty());
  CHECK(lines_for(FileKind::shell, "echo a#dockvet ignore=DV101\ndocker run postgres\n", kUnmounted)
            .empty());
  CHECK(lines_for(FileKind::shell, "echo \"a\\\"b\" # dockvet ignore=DV101\n", kUnmounted) ==
        Lines{1});
}

TEST_CASE("suppress: Makefile recipes take trailing and own-line pragmas", "[config]") {
  const std::string text =
      "run:\n"
      "\t# dockvet ignore=DV101\n"
      "\tdocker run postgres\n"
      "\tdocker run mysql # dockvet ignore=DV102\n";
  CHECK(lines_for(FileKind::makefile, text, kUnmounted) == Lines{3});
  CHECK(lines_for(FileKind::makefile, text, kAnonymous) == Lines{4});
}

TEST_CASE("suppress: a file kind without comments has no pragmas", "[config]") {
  CHECK(lines_for(FileKind::unknown, "# dockvet global ignore=DV101\n", kUnmounted).empty());
}

TEST_CASE("suppress: Markdown HTML comments cover the next code block", "[config]") {
  const std::string text =
      "# dockvet ignore=DV101\n"                      // 1: a heading, not a comment
      "docker run postgres\n"                         // 2
      "<!-- dockvet ignore=DV101 -- demo only -->\n"  // 3
      "\n"                                            // 4
      "```sh\n"                                       // 5
      "docker run postgres:17\n"                      // 6
      "docker run mysql:8\n"                          // 7
      "```\n"                                         // 8
      "docker run postgres\n"                         // 9
      "~~~~bash\n"                                    // 10
      "# dockvet ignore=DV102\n"                      // 11
      "docker run -d mongo\n"                         // 12
      "docker run -d redis # dockvet ignore=DV101\n"  // 13
      "~~~~\n"                                        // 14
      "<!-- dockvet ignore=DV102 -->\n"               // 15
      "Run `docker run mongo` first.\n";              // 16
  CHECK(lines_for(FileKind::markdown, text, kUnmounted) == Lines{5, 6, 7, 8, 13});
  CHECK(lines_for(FileKind::markdown, text, kAnonymous) == Lines{12, 16});
}

TEST_CASE("suppress: Markdown global ignore and an unclosed block", "[config]") {
  CHECK(lines_for(FileKind::markdown, "text\n<!-- dockvet global ignore=DV101 -->\nmore\n",
                  kUnmounted) == Lines{1, 2, 3, 4});
  CHECK(lines_for(FileKind::markdown, "<!-- dockvet ignore=DV101 -->\n```\nx\ny\n", kUnmounted) ==
        Lines{2, 3, 4, 5});
}

TEST_CASE("suppress: hadolint pragma forms from hadolint's own tests", "[config]") {
  const auto dockerfile = FileKind::dockerfile;
  CHECK(lines_for(dockerfile, "FROM ubuntu\n# hadolint ignore=DL3002\nUSER root\n", kRootUser) ==
        Lines{3});
  CHECK(lines_for(dockerfile, "FROM ubuntu\n# hadolint ignore=DL3002 \nUSER root\n", kRootUser) ==
        Lines{3});
  CHECK(lines_for(dockerfile, "FROM ubuntu\n# hadolint ignore=DL3002 # foobar\nUSER root\n",
                  kRootUser) == Lines{3});
  CHECK(lines_for(dockerfile, "FROM scratch\n# hadolint ignore=DL3001,DL3002\nUSER root\n",
                  kRootUser) == Lines{3});
  // The pragma covers only the very next line.
  CHECK(lines_for(dockerfile, "# hadolint ignore=DL3001,DL3002\nFROM ubuntu\nUSER root\n",
                  kRootUser) == Lines{2});
  CHECK(lines_for(dockerfile,
                  "FROM node as foo\n# hadolint ignore=DL3023, DL3021\nCOPY --from=foo bar baz .\n",
                  kCopyFrom) == Lines{3});
  CHECK(lines_for(dockerfile, "#hadolint   ignore=DL3002\nUSER root\n", kRootUser) == Lines{2});
  CHECK(lines_for(dockerfile, "# hadolint global ignore=DL3002\nFROM ubuntu\nUSER root\n",
                  kRootUser) == Lines{1, 2, 3, 4});
  CHECK(lines_for(dockerfile,
                  "# hadolint global ignore = DL3023 , DL3021\nFROM node as foo\nCOPY --from=foo "
                  "bar baz .\n",
                  kCopyFrom) == Lines{1, 2, 3, 4});
  // Not pragmas: a trailing comment, a second word, a missing list.
  CHECK(lines_for(dockerfile, "RUN true # hadolint ignore=DL3008\n", kAptPin).empty());
  CHECK(lines_for(dockerfile, "# hadolint please ignore=DL3002\nUSER root\n", kRootUser).empty());
  CHECK(lines_for(dockerfile, "# hadolint ignore=\nUSER root\n", kRootUser).empty());
  // Only Dockerfiles take hadolint pragmas.
  CHECK(lines_for(FileKind::shell, "# hadolint ignore=DL3002\nUSER root\n", kRootUser).empty());
}

TEST_CASE("suppress: hadolint stage ignore lasts until the next FROM", "[config]") {
  const std::string text =
      "# hadolint stage ignore=DL3011\n"  // 1
      "FROM ubuntu\n"                     // 2
      "EXPOSE 80000\n"                    // 3
      "from debian AS two\n"              // 4
      "EXPOSE 90000\n"                    // 5
      "# hadolint stage ignore=DL3011\n"  // 6
      "EXPOSE 99999\n"                    // 7
      "FROM alpine\n"                     // 8
      "EXPOSE 1\n";                       // 9
  CHECK(lines_for(FileKind::dockerfile, text, kExposePort) == Lines{2, 3, 7});
}

TEST_CASE("suppress: a line pragma covers a whole continued instruction", "[config]") {
  const std::string text =
      "FROM debian\n"                   // 1
      "# hadolint ignore=DL3008\n"      // 2
      "RUN apt-get update && \\\n"      // 3
      "    apt-get install -y curl\n"   // 4
      "RUN apt-get install -y wget\n"   // 5
      "# dockvet ignore=DV101\n"        // 6
      "RUN docker run \\\n"             // 7
      "    postgres\n"                  // 8
      "RUN x \\\n"                      // 9
      "  y  # dockvet ignore=DV102\n";  // 10
  SuppressionOptions continued;
  continued.logical_line_of = [](std::uint32_t line) -> std::uint32_t {
    if (line == 4) return 3;
    if (line == 8) return 7;
    if (line == 10) return 9;
    return line;
  };
  CHECK(lines_for(FileKind::dockerfile, text, kAptPin, continued) == Lines{3, 4});
  CHECK(lines_for(FileKind::dockerfile, text, kUnmounted, continued) == Lines{7, 8});
  CHECK(lines_for(FileKind::dockerfile, text, kAnonymous, continued) == Lines{9, 10});
  // Without the caller's logical lines each line stands alone.
  CHECK(lines_for(FileKind::dockerfile, text, kAptPin) == Lines{3});
  CHECK(lines_for(FileKind::dockerfile, text, kAnonymous) == Lines{10});
}

TEST_CASE("suppress: disable-ignore-pragma turns hadolint pragmas off, not dockvet's", "[config]") {
  SuppressionOptions options;
  options.hadolint_pragmas = false;
  const std::string text =
      "# hadolint global ignore=DL3002\n# dockvet ignore=DL3002\nUSER root\nUSER root\n";
  CHECK(lines_for(FileKind::dockerfile, text, kRootUser, options) == Lines{3});
  CHECK(lines_for(FileKind::dockerfile, text, kRootUser) == Lines{1, 2, 3, 4, 5});
}

TEST_CASE("suppress: CRLF line ends", "[config]") {
  CHECK(lines_for(FileKind::dockerfile, "FROM a\r\n# hadolint ignore=DL3002\r\nUSER root\r\n",
                  kRootUser) == Lines{3});
  CHECK(lines_for(FileKind::markdown, "<!-- dockvet ignore=DV101 -->\r\n```\r\nx\r\n```\r\ny\r\n",
                  kUnmounted) == Lines{2, 3, 4});
}

TEST_CASE("suppress: unused ignores come back with the exact span of each code", "[config]") {
  struct Fake : Check {
    explicit Fake(CheckMeta m) : m_(std::move(m)) {}
    const CheckMeta& meta() const override { return m_; }
    void run(const FileFacts&, Findings&) const override {}
    CheckMeta m_;
  };
  Registry registry;
  registry.add(std::make_unique<Fake>(kRootUser));
  registry.add(std::make_unique<Fake>(kAptPin));

  const std::string text =
      "FROM x\n"                                  // 1, offsets 0-6
      "# dockvet ignore=DV101,DV102 -- why\n"     // 2, offsets 7-42
      "RUN y\n"                                   // 3, offsets 43-48
      "# hadolint ignore=DL3002,SC2086,DL3008\n"  // 4, offsets 49-87
      "USER root\n";                              // 5
  SourceFile file("Dockerfile", FileKind::dockerfile, text);
  Suppressions suppressions = parse_suppressions(file);
  REQUIRE(suppressions.suppresses(at(kUnmounted, 3), kUnmounted));
  REQUIRE(suppressions.suppresses(at(kRootUser, 5), kRootUser));

  const auto unused = suppressions.unused(registry);
  REQUIRE(unused.size() == 2);
  CHECK(unused[0].text == "DV102");
  CHECK(unused[0].range == ByteRange{30, 35});
  CHECK(file.slice(unused[0].range) == "DV102");
  CHECK(unused[0].pragma == ByteRange{7, 42});
  CHECK(unused[0].syntax == PragmaSyntax::dockvet);
  // SC2086 names no dockvet check, so it is not reported; DL3008 does and is.
  CHECK(unused[1].text == "DL3008");
  CHECK(file.slice(unused[1].range) == "DL3008");
  CHECK(unused[1].range == ByteRange{81, 87});
  CHECK(file.slice(unused[1].pragma) == "# hadolint ignore=DL3002,SC2086,DL3008");
  CHECK(unused[1].syntax == PragmaSyntax::hadolint);
}

TEST_CASE("suppress: a Markdown pragma's span runs from <!-- to -->", "[config]") {
  SourceFile file("README.md", FileKind::markdown, "  <!-- dockvet ignore=DV101 -->  \ntext\n");
  const Suppressions suppressions = parse_suppressions(file);
  const auto unused = suppressions.unused();
  REQUIRE(unused.size() == 1);
  CHECK(file.slice(unused[0].pragma) == "<!-- dockvet ignore=DV101 -->");
  CHECK(unused[0].range == ByteRange{22, 27});
}

TEST_CASE("suppress: a comment that starts like a dockvet pragma but is not one", "[config]") {
  SourceFile file("run.sh", FileKind::shell,
                  "# dockvet ignore DV101\ndocker run x # dockvet ignroe=DV101\n# dockvetting\n");
  const Suppressions suppressions = parse_suppressions(file);
  CHECK(suppressions.pragmas().empty());
  REQUIRE(suppressions.malformed().size() == 2);
  CHECK(file.slice(suppressions.malformed()[0].range) == "# dockvet ignore DV101");
  CHECK(file.slice(suppressions.malformed()[1].range) == "# dockvet ignroe=DV101");
  CHECK(suppressions.malformed()[0].message ==
        "not a dockvet pragma: expected `dockvet [global] ignore=CODE[,CODE...] [-- reason]`");
}

TEST_CASE("suppress: only a file that names dockvet or hadolint is scanned for pragmas",
          "[config]") {
  const SourceFile dockvet_pragma("Dockerfile", FileKind::dockerfile,
                                  "FROM debian\n# dockvet ignore=DV101\n");
  CHECK(parse_suppressions(dockvet_pragma).pragmas().size() == 1);
  const SourceFile hadolint_pragma("Dockerfile", FileKind::dockerfile,
                                   "# hadolint ignore=DL3008\nFROM debian\n");
  CHECK(parse_suppressions(hadolint_pragma).pragmas().size() == 1);
  // A file without either word has no pragma, even a malformed one, to report.
  const SourceFile file("Dockerfile", FileKind::dockerfile, "FROM debian\n# ignore=DV101\n");
  const Suppressions none = parse_suppressions(file);
  CHECK(none.malformed().empty());
  CHECK(none.unused().empty());
}

TEST_CASE("suppress: the engine maps a continued Dockerfile instruction to its first line",
          "[config]") {
  // DV120 reports the package word on line 4, a continuation of the RUN on line 3; the pragma
  // above line 3 covers it only through the engine's map of logical lines.
  const std::string text =
      "FROM debian:bookworm\n"
      "# dockvet ignore=DV120\n"
      "RUN apt-get install -y --no-install-recommends \\\n"
      "    postgresql-15=15.8-0+deb12u1\n";
  const SourceFile file("Dockerfile", FileKind::dockerfile, text);
  CHECK(dockvet::lint_source(file, {}).diagnostics.empty());
  const SourceFile unsuppressed("Dockerfile", FileKind::dockerfile,
                                "FROM debian:bookworm\n" + text.substr(text.find("RUN")));
  const auto found = dockvet::lint_source(unsuppressed, {}).diagnostics;
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV120");
  CHECK(found[0].start.line == 3);
}

TEST_CASE("suppress: the engine maps a continued shell command to its first line", "[config]") {
  // DV102 reports the image on line 5, the last line of the `docker run` that starts on line 3;
  // the pragma above line 3 covers it, as ShellCheck's directive covers the next command.
  const std::string command =
      "docker run -d \\\n"
      "  --name db \\\n"
      "  postgres:17\n";
  const SourceFile suppressed("start.sh", FileKind::shell,
                              "#!/bin/sh\n# dockvet ignore=DV102\n" + command);
  CHECK(dockvet::lint_source(suppressed, {}).diagnostics.empty());
  const SourceFile unsuppressed("start.sh", FileKind::shell, "#!/bin/sh\necho ok\n" + command);
  const auto found = dockvet::lint_source(unsuppressed, {}).diagnostics;
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV102");
  CHECK(found[0].start.line == 5);
  // A pragma covers the command after it, not the next one too.
  const SourceFile next_command("start.sh", FileKind::shell,
                                "#!/bin/sh\n# dockvet ignore=DV102\necho ok\n" + command);
  CHECK(dockvet::lint_source(next_command, {}).diagnostics.size() == 1);
}
