// BuildKit's build checks (BKxxx): the `# check=` directive and comments as the engine honours
// them, the pieces the checks share (.dockerignore patterns, EXPOSE ports, "did you mean"), and
// the spans and messages of the findings.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bestpractice/buildkit.h"
#include "config/settings.h"
#include "core/check.h"
#include "core/engine.h"
#include "dockerfile/check_options.h"
#include "dockerfile/dockerfile.h"
#include "dockerfile/dockerignore.h"

namespace {

struct Found {
  std::string code;
  std::uint32_t line;
  std::uint32_t column;
  dockvet::Severity severity;
  std::string message;
  std::string fix;  // the replacement, "" when none
};

std::vector<Found> lint(const std::string& text,
                        const dockvet::config::Settings* settings = nullptr,
                        const std::string& path = "Dockerfile") {
  dockvet::SourceFile file(path, dockvet::FileKind::dockerfile, text);
  dockvet::LintPolicy policy;
  policy.settings = settings;
  std::vector<Found> out;
  for (const auto& d : dockvet::lint_source(file, policy).diagnostics) {
    if (!d.code.starts_with("BK") && d.code != "DV010") continue;
    out.push_back({d.code, d.start.line, d.start.column, d.severity, d.message,
                   d.fix ? d.fix->edits.at(0).replacement : ""});
  }
  return out;
}

std::vector<std::string> codes(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const auto& f : found) out.push_back(f.code + "@" + std::to_string(f.line));
  return out;
}

}  // namespace

TEST_CASE("check options read as BuildKit's ParseLintOptions reads them", "[buildkit]") {
  using dockvet::dockerfile::parse_check_options;
  const auto skip = parse_check_options("skip=JSONArgsRecommended, FromAsCasing;error=true");
  REQUIRE(skip);
  CHECK(skip->skips("JSONArgsRecommended"));
  CHECK(skip->skips("FromAsCasing"));
  CHECK_FALSE(skip->skips("jsonargsrecommended"));  // BuildKit compares names exactly
  CHECK(skip->error);

  const auto all = parse_check_options(" skip=all ; experimental=all ");
  REQUIRE(all);
  CHECK(all->skips("UndefinedVar"));
  CHECK(all->enables_experimental("InvalidDefinitionDescription"));

  CHECK(parse_check_options("")->skip.empty());
  CHECK(parse_check_options("error=1")->error);
  CHECK_FALSE(parse_check_options("error=maybe"));
  CHECK_FALSE(parse_check_options("skip"));
  CHECK_FALSE(parse_check_options("warn=all"));
}

TEST_CASE("the check directive skips rules and makes findings errors", "[buildkit]") {
  const std::string body = "FROM scratch as base\ncopy Dockerfile .\nMAINTAINER me@example.org\n";
  SECTION("no directive: every BuildKit finding is a warning") {
    const auto found = lint(body);
    CHECK(codes(found) == std::vector<std::string>{"BK006@1", "BK001@2", "BK012@3"});
    for (const auto& f : found) CHECK(f.severity == dockvet::Severity::warning);
  }
  SECTION("skip names rules; error=true makes the rest errors") {
    const auto found =
        lint("# check=skip=ConsistentInstructionCasing,FromAsCasing;error=true\n" + body);
    REQUIRE(codes(found) == std::vector<std::string>{"BK012@4"});
    CHECK(found[0].severity == dockvet::Severity::error);
  }
  SECTION("skip=all silences every BuildKit rule") {
    CHECK(lint("#check=skip=all\n" + body).empty());
  }
  SECTION("an invalid value is reported, as BuildKit fails the build") {
    const auto found = lint("# check=skip=all;loud=true\n" + body);
    REQUIRE_FALSE(found.empty());
    CHECK(found[0].code == "DV010");
    CHECK(found[0].message.find("invalid check options") != std::string::npos);
  }
}

TEST_CASE("a check= comment above an instruction applies to it alone", "[buildkit]") {
  const auto found = lint(
      "FROM alpine:3.20\n"
      "# check=skip=LegacyKeyValueFormat // allowed here\n"
      "ENV A 1\n"
      "ENV B 2\n"
      "# check=error=true\n"
      "ENV C 3\n");
  REQUIRE(codes(found) == std::vector<std::string>{"BK011@4", "BK011@6"});
  // error= comes from the build's options only, as in BuildKit's WithMergedConfig.
  CHECK(found[1].severity == dockvet::Severity::warning);
}

TEST_CASE("experimental InvalidDefinitionDescription runs only when turned on", "[buildkit]") {
  const std::string body = "# the version\nARG VERSION=1\nFROM alpine:3.20\n";
  CHECK(lint(body).empty());
  const auto on = lint("# check=experimental=InvalidDefinitionDescription\n" + body);
  REQUIRE(codes(on) == std::vector<std::string>{"BK009@3"});
  CHECK(on[0].message == "Comment for ARG should follow the format: `# VERSION <description>`");

  dockvet::config::CliSettings cli;
  cli.select = {"InvalidDefinitionDescription"};
  const auto settings = dockvet::config::resolve(cli, std::nullopt, dockvet::config::Environment());
  CHECK(codes(lint(body, &settings)) == std::vector<std::string>{"BK009@2"});

  // The user's own ignore wins over the file's experimental=.
  dockvet::config::CliSettings ignoring;
  ignoring.ignore = {"BK009"};
  const auto ignored =
      dockvet::config::resolve(ignoring, std::nullopt, dockvet::config::Environment());
  CHECK(lint("# check=experimental=InvalidDefinitionDescription\n" + body, &ignored).empty());
  const auto defaults = dockvet::config::resolve({}, std::nullopt, dockvet::config::Environment());
  CHECK(codes(lint("# check=experimental=all\n" + body, &defaults)) ==
        std::vector<std::string>{"BK009@3"});
}

TEST_CASE("BuildKit rule names select and ignore their rules", "[buildkit]") {
  const auto& registry = dockvet::Registry::instance();
  for (const char* name : {"JSONArgsRecommended", "MaintainerDeprecated", "UndefinedVar",
                           "CopyIgnoredFile", "WorkdirRelativePath"}) {
    const auto* check = registry.find(name);
    REQUIRE(check != nullptr);
    CHECK(check->meta().code.starts_with("BK"));
  }
  // hadolint's rule keeps its kebab-case name; the two families do not collide.
  CHECK(registry.find("maintainer-deprecated")->meta().code == "DL4000");

  dockvet::config::CliSettings cli;
  cli.ignore = {"JSONArgsRecommended"};
  const auto settings = dockvet::config::resolve(cli, std::nullopt, dockvet::config::Environment());
  CHECK(lint("FROM alpine:3.20\nCMD echo hi\n", &settings).empty());
  CHECK(codes(lint("FROM alpine:3.20\nCMD echo hi\n")) == std::vector<std::string>{"BK010@2"});
  CHECK(lint("FROM alpine:3.20\n# dockvet ignore=JSONArgsRecommended\nCMD echo hi\n").empty());
}

TEST_CASE(".dockerignore patterns match as BuildKit's pattern matcher does", "[buildkit]") {
  const dockvet::dockerfile::DockerIgnore ignore(
      "# comment\n\nnode_modules\n*/tmp/*\n/dist/\ndocs/**/*.md\n  *.env  \n[ab]c?.txt\n");
  CHECK(ignore.matches_or_parent_matches("node_modules"));
  CHECK(ignore.matches_or_parent_matches("node_modules/x/y.js"));  // a parent matches
  CHECK(ignore.matches_or_parent_matches("cache/tmp/file"));
  CHECK_FALSE(ignore.matches_or_parent_matches("tmp/file"));
  CHECK(ignore.matches_or_parent_matches("dist/index.html"));
  CHECK(ignore.matches_or_parent_matches("docs/a.md"));
  CHECK(ignore.matches_or_parent_matches("docs/x/y/a.md"));
  CHECK_FALSE(ignore.matches_or_parent_matches("docs/a.txt"));
  CHECK(ignore.matches_or_parent_matches("prod.env"));
  CHECK_FALSE(ignore.matches_or_parent_matches("config/prod.env"));  // * stays in one component
  CHECK(ignore.matches_or_parent_matches("ac1.txt"));
  CHECK_FALSE(ignore.matches_or_parent_matches("cc1.txt"));
  CHECK_FALSE(ignore.has_exclusions());

  const dockvet::dockerfile::DockerIgnore negated("**\n!Dockerfile\n");
  CHECK(negated.has_exclusions());
  CHECK_FALSE(negated.matches_or_parent_matches("Dockerfile"));
  CHECK(negated.matches_or_parent_matches("src/main.go"));

  CHECK(dockvet::dockerfile::clean_context_path("./a//b/../c/") == "a/c");
  CHECK(dockvet::dockerfile::clean_context_path("/") == ".");
}

TEST_CASE("CopyIgnoredFile reads the ignore file beside the Dockerfile", "[buildkit]") {
  const auto directory = std::filesystem::temp_directory_path() / "dockvet-bk002-test";
  std::filesystem::remove_all(directory);
  std::filesystem::create_directories(directory);
  const std::string dockerfile = (directory / "Dockerfile").string();
  const std::string text = "FROM alpine:3.20\nCOPY secrets.env /app/\nCOPY src /app/src\n";
  // No ignore file: nothing is ignored.
  CHECK(lint(text, nullptr, dockerfile).empty());
  { std::ofstream(directory / ".dockerignore") << "*.env\n"; }
  const auto found = lint(text, nullptr, dockerfile);
  REQUIRE(codes(found) == std::vector<std::string>{"BK002@2"});
  CHECK(found[0].column == 6);
  CHECK(found[0].message ==
        "Attempting to Copy file \"secrets.env\" that is excluded by .dockerignore");
  // An ignore file that cannot be read (here a directory) is no crash and ignores nothing.
  std::filesystem::remove(directory / ".dockerignore");
  std::filesystem::create_directories(directory / ".dockerignore");
  CHECK(lint(text, nullptr, dockerfile).empty());
  // Text read from stdin has no directory to look in.
  CHECK(lint(text, nullptr, "-").empty());
  std::filesystem::remove_all(directory);
}

TEST_CASE("EXPOSE words split as BuildKit's parsePort splits them", "[buildkit]") {
  using dockvet::bestpractice::split_exposed_port;
  const auto plain = split_exposed_port("8080/TCP");
  CHECK(plain.port == "8080");
  CHECK(plain.proto == "TCP");
  CHECK(plain.host_port.empty());
  CHECK(plain.valid);
  const auto mapped = split_exposed_port("127.0.0.1:80:80");
  CHECK(mapped.ip == "127.0.0.1");
  CHECK(mapped.host_port == "80");
  const auto v6 = split_exposed_port("[::1]:8080:8080");
  CHECK(v6.ip == "[::1]");
  CHECK(v6.host_port == "8080");
  CHECK_FALSE(split_exposed_port("80/http").valid);
}

TEST_CASE("did-you-mean follows BuildKit's suggest.Search", "[buildkit]") {
  using dockvet::bestpractice::suggest_name;
  const std::vector<std::string> options{"BUILDPLATFORM", "MY_ARCH", "PATH"};
  CHECK(suggest_name("BULIDPLATFORM", options, true) == "BUILDPLATFORM");
  CHECK(suggest_name("MYARCH", options, true) == "MY_ARCH");
  CHECK(suggest_name("PAHT", options, true) == "PATH");
  CHECK(suggest_name("VERSION", options, true).empty());
  CHECK(suggest_name("path", options, true).empty());   // too far apart when case counts
  CHECK(suggest_name("PATH", options, false).empty());  // an exact match suggests nothing
}

TEST_CASE("UndefinedVar knows stage scopes but not a base image's ENV", "[buildkit]") {
  const auto found = lint(
      "FROM scratch AS base\n"
      "ARG VERSION=1\n"
      "ENV APP=/app\n"
      "COPY $APP/$VERSION $DEST\n"
      "FROM base\n"
      "COPY $APP/$VERSION /x\n"
      "FROM golang:1.23.2\n"
      "WORKDIR $GOPATH/src\n"
      "ARG APP_NAME=api\n"
      "COPY $APP_NAM /x\n");
  REQUIRE(codes(found) == std::vector<std::string>{"BK020@4", "BK020@10"});
  CHECK(found[0].column == 20);
  CHECK(found[0].message == "Usage of undefined variable '$DEST'");
  CHECK(found[1].message == "Usage of undefined variable '$APP_NAM' (did you mean $APP_NAME?)");
}

TEST_CASE("each BuildKit rule's page examples show it firing and silent", "[buildkit]") {
  for (const auto& check : dockvet::Registry::instance().checks()) {
    const dockvet::CheckMeta& meta = check->meta();
    // CopyIgnoredFile needs a .dockerignore beside the file (see its own test above).
    if (!meta.code.starts_with("BK") || meta.code == "BK002") continue;
    INFO(meta.code);
    dockvet::config::CliSettings cli;
    cli.select = {std::string(meta.name)};
    const auto settings =
        dockvet::config::resolve(cli, std::nullopt, dockvet::config::Environment());
    const auto bad = lint(std::string(meta.bad_example), &settings);
    CHECK_FALSE(bad.empty());
    for (const auto& f : bad) CHECK(f.code == meta.code);
    CHECK(lint(std::string(meta.good_example), &settings).empty());
  }
}

TEST_CASE("LegacyKeyValueFormat offers key=value where the meaning is certain", "[buildkit]") {
  const auto found = lint(
      "FROM alpine:3.20\n"
      "ENV APP_HOME /srv/app\n"
      "LABEL description a small  api\n"
      "ENV GREETING \"hello world\"\n"
      "ENV LONG first \\\n  second\n");
  REQUIRE(codes(found) == std::vector<std::string>{"BK011@2", "BK011@3", "BK011@4", "BK011@5"});
  CHECK(found[0].fix == "APP_HOME=/srv/app");
  CHECK(found[1].fix == "description=\"a small  api\"");
  CHECK(found[2].fix.empty());  // quotes: the reader decides
  CHECK(found[3].fix.empty());  // continued over two lines
}

TEST_CASE("WorkdirRelativePath takes a drive letter as absolute", "[buildkit]") {
  CHECK(lint("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\go\n").empty());
  CHECK(codes(lint("FROM alpine:3.20\nWORKDIR app\nWORKDIR /srv\n")) ==
        std::vector<std::string>{"BK021@2"});
}

TEST_CASE("MaintainerDeprecated offers the label DL4000 offers", "[buildkit]") {
  const auto found = lint("FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n");
  REQUIRE(codes(found) == std::vector<std::string>{"BK012@2"});
  CHECK(found[0].fix == "LABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"");
}
