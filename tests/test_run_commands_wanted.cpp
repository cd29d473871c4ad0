// Which RUN bodies the engine parses: only those any check reads commands from, and those
// with a syntax problem. Skipping the rest must never cost a finding.
#include <catch2/catch.hpp>

#include "catalog/catalog.h"
#include "core/engine.h"
#include "stateful/run_commands_wanted.h"
#include "test_dockerfile_support.h"

using dockvet::catalog::Catalog;
using dockvet::dockerfile::testing::Parsed;
using dockvet::stateful::RunCommandsWanted;

namespace {

// Whether the body of RUN `instruction` (default: the last instruction) is wanted with text
// `body`.
bool wanted(const std::string& dockerfile, std::string_view body, int instruction = -1) {
  const Parsed parsed(dockerfile);
  if (instruction < 0) instruction = static_cast<int>(parsed.df.instructions.size()) - 1;
  return RunCommandsWanted(parsed.df, Catalog::builtin())(instruction, body);
}

std::vector<std::string> codes_of(const std::string& dockerfile) {
  const dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile, dockerfile);
  std::vector<std::string> codes;
  for (const auto& d : dockvet::lint_source(file, {}).diagnostics) codes.push_back(d.code);
  return codes;
}

}  // namespace

TEST_CASE("a RUN body of tools on a base without volumes is not wanted", "[run-filter]") {
  const std::string dockerfile = "FROM debian:bookworm\nRUN true\n";
  CHECK_FALSE(wanted(dockerfile, "apt-get update && apt-get install -y curl ca-certificates"));
  CHECK_FALSE(wanted(dockerfile, "make -j4 && make install"));
}

TEST_CASE("a RUN body that names a container CLI or a catalogued package is wanted",
          "[run-filter]") {
  const std::string dockerfile = "FROM debian:bookworm\nRUN true\n";
  CHECK(wanted(dockerfile, "docker run -d postgres:17"));
  CHECK(wanted(dockerfile, "podman run -d mysql:8.4"));
  CHECK(wanted(dockerfile, "apt-get install -y postgresql-15"));
  CHECK(wanted(dockerfile, "apk add --no-cache mariadb"));
}

TEST_CASE("every RUN body is wanted where a VOLUME is in effect", "[run-filter]") {
  CHECK(wanted("FROM debian:bookworm\nVOLUME /srv/data\nRUN true\n", "touch /srv/data/x"));
  // A VOLUME of the stage a stage is built on is in effect too.
  CHECK(wanted("FROM debian:bookworm AS base\nVOLUME /srv\nFROM base\nRUN true\n", "touch /srv/x"));
  // postgres:17 declares VOLUME /var/lib/postgresql/data (stateful-images reference).
  CHECK(wanted("FROM postgres:17\nRUN true\n", "chown -R 999 /var/lib/postgresql/data"));
}

TEST_CASE("a RUN before the VOLUME, or in a stage without it, is not wanted for it",
          "[run-filter]") {
  CHECK_FALSE(wanted("FROM debian:bookworm\nRUN true\nVOLUME /srv/data\n", "touch /srv/data/x", 1));
  CHECK_FALSE(
      wanted("FROM debian:bookworm\nVOLUME /srv\nFROM alpine:3.20\nRUN true\n", "touch /srv/x"));
}

TEST_CASE("a RUN body that is skipped still reports its syntax problems", "[run-filter]") {
  CHECK(codes_of("FROM debian:bookworm\nRUN echo \"unterminated\n") ==
        std::vector<std::string>{"DV020"});
  CHECK(codes_of("FROM debian:bookworm\nRUN echo $(date\n") == std::vector<std::string>{"DV021"});
}

TEST_CASE("the findings that read RUN commands still fire", "[run-filter]") {
  CHECK(
      codes_of("FROM debian:bookworm\nRUN apt-get update && apt-get install -y postgresql-15\n") ==
      std::vector<std::string>{"DV120"});
  CHECK(codes_of("FROM debian:bookworm\nVOLUME /srv/data\nRUN touch /srv/data/seed\n") ==
        std::vector<std::string>{"DV126"});
}
