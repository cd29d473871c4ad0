// Which RUN bodies the engine parses: only those any check reads commands from, and those
// with a syntax problem. Skipping the rest must never cost a finding.
#include <catch2/catch.hpp>
#include <filesystem>

#include "catalog/catalog.h"
#include "core/discovery.h"
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
  const auto chains = dockvet::stateful::stage_chains(parsed.df, Catalog::builtin());
  return RunCommandsWanted(parsed.df, chains, Catalog::builtin())(instruction, body);
}

// The DV findings: the filter serves the stateful and input checks, and the best-practice rules
// that read every RUN body have their own tests.
std::vector<std::string> codes_of(const std::string& dockerfile) {
  const dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile, dockerfile);
  std::vector<std::string> codes;
  for (const auto& d : dockvet::lint_source(file, {}).diagnostics) {
    if (d.code.starts_with("DV")) codes.push_back(d.code);
  }
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

TEST_CASE("a RUN body wants a container CLI as a program, not inside a path", "[run-filter]") {
  const std::string dockerfile = "FROM debian:bookworm\nRUN true\n";
  CHECK(wanted(dockerfile, "sudo /usr/local/bin/docker run -d mysql:8.4"));
  CHECK(wanted(dockerfile, "\"docker\" run -d mysql:8.4"));
  CHECK(wanted(dockerfile, "podman-remote run -d mysql:8.4"));
  CHECK(wanted(dockerfile, "nerdctl.exe run -d mysql:8.4"));
  CHECK(wanted(dockerfile, "set -e; docker\\\n  run -d mysql:8.4"));
  CHECK(wanted(dockerfile, "command -v docker"));
  CHECK_FALSE(wanted(dockerfile, "for f in /docker-entrypoint.d/*.sh; do . \"$f\"; done"));
  CHECK_FALSE(wanted(dockerfile, "docker-compose version && mkdir -p /etc/docker/"));
  CHECK_FALSE(wanted(dockerfile, "ls -l /var/run/docker.sock"));
}

TEST_CASE("a RUN body that names a catalogued package but no package manager is not wanted",
          "[run-filter]") {
  const std::string dockerfile = "FROM debian:bookworm\nRUN true\n";
  CHECK_FALSE(wanted(dockerfile, "sed -i 's/^#port/port/' /usr/share/postgresql/postgresql.conf"));
  CHECK_FALSE(wanted(dockerfile, "redis-cli --version"));
  // A removal is read too: DV120 keeps only the packages that stay installed.
  CHECK(wanted(dockerfile, "apt-get purge -y postgresql-15"));
  CHECK(wanted(dockerfile, "/usr/bin/microdnf install -y mariadb-server"));
}

TEST_CASE("where a VOLUME is in effect, a RUN body that names it is wanted", "[run-filter]") {
  CHECK(wanted("FROM debian:bookworm\nVOLUME /srv/data\nRUN true\n", "touch /srv/data/x"));
  // A VOLUME of the stage a stage is built on is in effect too.
  CHECK(wanted("FROM debian:bookworm AS base\nVOLUME /srv\nFROM base\nRUN true\n", "touch /srv/x"));
  // postgres:17 declares VOLUME /var/lib/postgresql/data (stateful-images reference).
  CHECK(wanted("FROM postgres:17\nRUN true\n", "chown -R 999 /var/lib/postgresql/data"));
  // A path relative to a WORKDIR above the volume names the volume's last component.
  CHECK(wanted("FROM debian:bookworm\nWORKDIR /srv\nVOLUME /srv/data/\nRUN true\n",
               "mkdir -p ./data/cache"));
}

TEST_CASE("where a VOLUME is in effect, a RUN body that cannot reach it is not wanted",
          "[run-filter]") {
  CHECK_FALSE(wanted("FROM debian:bookworm\nVOLUME /srv/data\nRUN true\n",
                     "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"));
  CHECK_FALSE(wanted("FROM postgres:17\nRUN true\n", "localedef -i de_DE -f UTF-8 de_DE.UTF-8"));
  // A WORKDIR beside the volume: a relative path cannot name a file inside it.
  CHECK_FALSE(wanted("FROM debian:bookworm\nVOLUME /srv/data\nWORKDIR /app\nRUN true\n",
                     "touch ready && make build"));
}

TEST_CASE("every RUN body is wanted where a relative path may land in a volume", "[run-filter]") {
  // The WORKDIR is the volume, or inside it: `touch x` writes into it.
  CHECK(wanted("FROM debian:bookworm\nVOLUME /srv/data\nWORKDIR /srv/data\nRUN true\n", "touch x"));
  CHECK(wanted("FROM debian:bookworm\nWORKDIR /srv/data/cache\nVOLUME /srv/data\nRUN true\n",
               "touch x"));
  // A volume at the root holds every path.
  CHECK(wanted("FROM debian:bookworm\nVOLUME /\nRUN true\n", "touch /etc/x"));
  // Windows paths compare without case and with either separator.
  CHECK(wanted("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nVOLUME C:/Data\nRUN true\n",
               "echo x > c:/DATA/x"));
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

namespace {

dockvet::LintPolicy parsing_every_body(bool every) {
  dockvet::LintPolicy policy;
  policy.parse_every_run_body = every;
  return policy;
}

std::vector<dockvet::Diagnostic> lint_all_bodies(const dockvet::SourceFile& file, bool every) {
  return dockvet::lint_source(file, parsing_every_body(every)).diagnostics;
}

std::string describe(const std::vector<dockvet::Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += d.code + " " + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) +
           " " + d.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("skipping RUN bodies gives the same findings on every corpus Dockerfile",
          "[run-filter]") {
  const auto corpus = std::filesystem::path(DOCKVET_SOURCE_DIR) / "corpus";
  int dockerfiles = 0;
  for (const auto& target : dockvet::discover({corpus.string()}).targets) {
    if (target.kind != dockvet::FileKind::dockerfile) continue;
    INFO(target.path);
    const auto skipping = dockvet::lint_target(target, parsing_every_body(false));
    const auto parsing_all = dockvet::lint_target(target, parsing_every_body(true));
    REQUIRE_FALSE(skipping.error);
    CHECK(describe(skipping.diagnostics) == describe(parsing_all.diagnostics));
    ++dockerfiles;
  }
  CHECK(dockerfiles > 20);
}

TEST_CASE("skipping RUN bodies keeps DV120's and DV126's findings", "[run-filter]") {
  const std::string dockerfile =
      "FROM postgres:17 AS db\n"
      "RUN apt-get update && apt-get install -y curl\n"
      "WORKDIR /var/lib/postgresql\n"
      "RUN mkdir -p data/conf.d && touch /tmp/ok\n"
      "VOLUME /srv/uploads\n"
      "WORKDIR /srv/uploads/tmp\n"
      "RUN touch seed\n"
      "FROM db\n"
      "WORKDIR /\n"
      "RUN cp /etc/hosts srv/uploads/hosts && cd /tmp && touch x\n"
      "FROM debian:bookworm AS tools\n"
      "RUN apt-get update && apt-get install -y postgresql-15 redis-server\n"
      "RUN sed -i s/a/b/ /etc/postgresql/15/main/postgresql.conf && apt-get purge -y "
      "redis-server\n";
  const dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile, dockerfile);
  const auto skipped = lint_all_bodies(file, false);
  CHECK(describe(skipped) == describe(lint_all_bodies(file, true)));
  std::vector<std::string> found;
  for (const auto& d : skipped) {
    if (d.code == "DV120" || d.code == "DV126") {
      found.push_back(d.code + ":" + std::to_string(d.start.line) + ":" + d.snippet);
    }
  }
  // redis-server is purged again, so only postgresql-15 stays installed.
  CHECK(found == std::vector<std::string>{"DV126:4:data/conf.d", "DV126:7:seed",
                                          "DV126:10:srv/uploads/hosts", "DV120:12:postgresql-15"});
}

namespace {

bool body_holds(std::string_view text, std::string_view trigger) {
  const Parsed parsed("FROM debian:bookworm\nRUN true\n");
  return dockvet::RunBodyText(parsed.df, 1, text).holds(trigger);
}

// Whether the enabled checks (all by default) would have the engine parse the body of RUN
// `instruction`, judged by the checks' own triggers.
bool some_check_judges(const std::string& dockerfile, int instruction, std::string_view body,
                       std::string_view only_code = {}) {
  const Parsed parsed(dockerfile);
  const dockvet::RunBodyText text(parsed.df, instruction, body);
  for (const auto& check : dockvet::Registry::instance().checks()) {
    if (!only_code.empty() && check->meta().code != only_code) continue;
    if (check->may_judge_run(text)) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a program-name trigger matches whole words, through paths and quotes", "[run-filter]") {
  CHECK(body_holds("apt-get update && apt-get install -y curl", "apt-get"));
  CHECK(body_holds("/usr/bin/apt-get install -y curl", "apt-get"));
  CHECK(body_holds("sh -c 'apt-get install -y curl'", "apt-get"));
  CHECK(body_holds("\"apt-get\" install -y curl", "apt-get"));
  CHECK(body_holds("apt\"-get\" install -y curl", "apt-get"));
  CHECK(body_holds("sudo\tapt-get install -y curl", "sudo"));
  CHECK_FALSE(body_holds("apt-get install -y curl", "apt"));
  CHECK_FALSE(body_holds("cp /opt/apt-get.conf /etc/", "apt-get"));
  CHECK_FALSE(body_holds("echo installing", "install-sh"));
  CHECK_FALSE(body_holds("make && make install", "cd"));
}

TEST_CASE("a trigger ending in * matches the words it begins", "[run-filter]") {
  CHECK(body_holds("pip3.12 install flask==3.0.3", "pip*"));
  CHECK(body_holds("python3 -m pip install flask==3.0.3", "pip*"));
  CHECK(body_holds("dnf5 install -y nginx", "dnf*"));
  CHECK_FALSE(body_holds("npm ci && node build.js", "pip*"));
}

TEST_CASE("a trigger of symbols matches anywhere in the text", "[run-filter]") {
  CHECK(body_holds("echo $HOME", "$"));
  CHECK(body_holds("x=$(date)", "$("));
  CHECK(body_holds("curl -fsSL https://x | sh", "|"));
  CHECK(body_holds("[[ -f a ]] || touch a", "[["));
  CHECK_FALSE(body_holds("echo home", "$"));
  CHECK_FALSE(body_holds("test -f a || touch a", "[["));
}

TEST_CASE("the engine parses a body only when some enabled check may judge it", "[run-filter]") {
  const std::string dockerfile = "FROM debian:bookworm\nRUN true\n";
  CHECK(some_check_judges(dockerfile, 1, "apt-get install -y curl"));
  CHECK(some_check_judges(dockerfile, 1, "echo \"$HOME\""));
  CHECK(some_check_judges(dockerfile, 1, "make | tee log"));
  CHECK_FALSE(some_check_judges(dockerfile, 1, "make -j4 && make install"));
  CHECK_FALSE(some_check_judges(dockerfile, 1, "mkdir -p /srv/app && chmod 755 /srv/app"));
}

TEST_CASE("DL3059 reads a single RUN's commands only when another RUN is next to it",
          "[run-filter]") {
  const std::string lone = "FROM debian:bookworm\nRUN make\nWORKDIR /src\nRUN make install\n";
  CHECK_FALSE(some_check_judges(lone, 1, "make", "DL3059"));
  CHECK_FALSE(some_check_judges(lone, 3, "make install", "DL3059"));
  const std::string pair = "FROM debian:bookworm\nRUN make\nRUN make install\nUSER app\n";
  CHECK(some_check_judges(pair, 1, "make", "DL3059"));
  CHECK(some_check_judges(pair, 2, "make install", "DL3059"));
  const std::string onbuild = "FROM debian:bookworm\nONBUILD RUN make\nRUN make install\n";
  CHECK_FALSE(some_check_judges(onbuild, 2, "make install", "DL3059"));
}

TEST_CASE("the engine's trigger set answers as asking every check in turn", "[run-filter]") {
  dockvet::RunTriggerSet every_check;
  for (const auto& check : dockvet::Registry::instance().checks()) every_check.add(*check);
  every_check.seal();
  const std::string dockerfile =
      "FROM debian:bookworm\nRUN true\nRUN make\nWORKDIR /src\nRUN make install\n";
  const Parsed parsed(dockerfile);
  for (const int instruction : {1, 2, 4}) {
    for (const std::string_view body :
         {"apt-get install -y curl", "echo \"$HOME\"", "make | tee log", "make -j4", "ls *.c",
          "pip3.12 install flask", "sh -c 'yum install -y nginx'", "[[ -f a ]]", "cd /src",
          "mkdir -p /srv && chmod 755 /srv", "true", "\"/usr/bin/apk\" add curl"}) {
      INFO(instruction << ": " << body);
      const dockvet::RunBodyText text(parsed.df, instruction, body);
      bool asked_in_turn = false;
      for (const auto& check : dockvet::Registry::instance().checks()) {
        asked_in_turn = asked_in_turn || check->may_judge_run(text);
      }
      CHECK(every_check.may_be_judged(text) == asked_in_turn);
    }
  }
}
