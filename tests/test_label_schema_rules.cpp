// The label-schema rules (hadolint's DL3049 to DL3058) read the configured label schema, which
// the corpus cannot set: their firing and silent cases are here, each with the exact place.

#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "config/settings.h"
#include "core/engine.h"

namespace {

struct Found {
  std::string code;
  std::uint32_t line;
  std::uint32_t column;
  std::string snippet;
};

// Lints `text` with `schema` (and strict labels when asked), keeping the findings of `code`.
std::vector<Found> lint(const std::string& code, const std::string& text,
                        const std::map<std::string, std::string>& schema, bool strict = false) {
  dockvet::config::Settings settings;
  settings.label_schema = schema;
  settings.strict_labels = strict;
  dockvet::LintPolicy policy;
  policy.settings = &settings;
  const dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile, text);
  std::vector<Found> out;
  for (const auto& d : dockvet::lint_source(file, policy).diagnostics) {
    if (d.code == code) out.push_back({d.code, d.start.line, d.start.column, d.snippet});
  }
  return out;
}

}  // namespace

TEST_CASE("DL3049 reports each stage that lacks a schema label, unless its chain has it",
          "[label-schema]") {
  const std::map<std::string, std::string> schema = {
      {"org.opencontainers.image.version", "semver"}};
  SECTION("a stage without the label, at its FROM") {
    const auto found = lint("DL3049", "FROM debian:12.7\nLABEL other=\"x\"\n", schema);
    REQUIRE(found.size() == 1);
    CHECK(found[0].line == 1);
    CHECK(found[0].snippet == "FROM debian:12.7");
  }
  SECTION("inherited from a stage it builds on, or set by a stage built on it") {
    const std::string text =
        "FROM debian:12.7 AS base\n"
        "LABEL org.opencontainers.image.version=\"1.0.0\"\n"
        "FROM base AS app\n"
        "FROM debian:12.7 AS tools\n"
        "FROM tools AS mid\n"
        "FROM mid AS final\n"
        "LABEL org.opencontainers.image.version=\"1.0.0\"\n";
    CHECK(lint("DL3049", text, schema).empty());
  }
  SECTION("a stage only copied from is a build stage") {
    const std::string text =
        "FROM golang:1.23 AS build\n"
        "FROM debian:12.7\n"
        "COPY --from=0 /go/bin/app /usr/local/bin/app\n"
        "LABEL org.opencontainers.image.version=\"1.0.0\"\n";
    CHECK(lint("DL3049", text, schema).empty());
  }
  SECTION("ONBUILD LABEL labels the derived images, not this one") {
    const auto found = lint(
        "DL3049", "FROM debian:12.7\nONBUILD LABEL org.opencontainers.image.version=\"1.0.0\"\n",
        schema);
    CHECK(found.size() == 1);
  }
  SECTION("silent without a schema") {
    CHECK(lint("DL3049", "FROM debian:12.7\n", {}).empty());
  }
}

TEST_CASE("DL3050 reports each label outside the schema in strict mode", "[label-schema]") {
  const std::map<std::string, std::string> schema = {{"maintainer", "email"}};
  const std::string text =
      "FROM debian:12.7\nLABEL maintainer=\"a@example.com\" build-host=\"ci\"\n";
  const auto found = lint("DL3050", text, schema, true);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 2);
  CHECK(found[0].column == 34);
  CHECK(found[0].snippet == "build-host");
  CHECK(lint("DL3050", text, schema, false).empty());
  CHECK(lint("DL3050", text, {}, true).empty());
}

TEST_CASE("DL3051 reports an empty schema label at its value", "[label-schema]") {
  const std::map<std::string, std::string> schema = {{"org.opencontainers.image.revision", "hash"}};
  const auto found = lint("DL3051",
                          "FROM debian:12.7\nARG GIT_SHA=\nARG UNKNOWN\n"
                          "LABEL org.opencontainers.image.revision=\"$GIT_SHA\"\n"
                          "LABEL org.opencontainers.image.revision=$UNKNOWN other=\"\"\n",
                          schema);
  REQUIRE(found.size() == 1);
  CHECK(found[0].line == 4);
  CHECK(found[0].column == 41);
}

namespace {

// The values `type` accepts and rejects, each judged by `code` alone.
void check_values(const std::string& code, const std::string& type,
                  const std::vector<std::string>& valid, const std::vector<std::string>& invalid) {
  const std::map<std::string, std::string> schema = {{"x.label", type}};
  for (const auto& value : valid) {
    INFO(code << " should accept " << value);
    CHECK(lint(code, "FROM debian:12.7\nLABEL x.label=\"" + value + "\"\n", schema).empty());
  }
  for (const auto& value : invalid) {
    INFO(code << " should reject " << value);
    const auto found = lint(code, "FROM debian:12.7\nLABEL x.label=\"" + value + "\"\n", schema);
    REQUIRE(found.size() == 1);
    CHECK(found[0].column == 15);
  }
  // Another label of any value, and a value the build cannot know, are not judged.
  CHECK(lint(code, "FROM debian:12.7\nARG V\nLABEL other=\"??\" x.label=$V\n", schema).empty());
}

}  // namespace

TEST_CASE("DL3052 to DL3058 judge each schema label's value by its type", "[label-schema]") {
  check_values("DL3052", "url",
               {"https://github.com/example/app", "http://[::1]:8080/x?y=1#top",
                "mailto:a@example.com", "https://example.com/a%20b"},
               {"github.com/example/app", "https://example.com/a b", "https://x/%zz",
                "/docs/index.html", "https://x/#a#b"});
  check_values(
      "DL3053", "rfc3339",
      {"2024-05-01T12:00:00Z", "2021-03-10T10:26:33.564595127+01:00", "2024-02-29t00:00:60z"},
      {"not-date", "2024-05-01", "2024-05-01T12:00:00", "2023-02-29T00:00:00Z",
       "2024-13-01T00:00:00Z", "01/05/2024 12:00"});
  check_values("DL3054", "spdx",
               {"Apache-2.0", "MIT OR Apache-2.0", "mit", "GPL-2.0+",
                "(MIT AND BSD-3-Clause) OR GPL-2.0-or-later WITH Classpath-exception-2.0",
                "LicenseRef-acme-1"},
               {"not-spdx", "Apache 2", "GPLv3", "MIT OR", "(MIT", "MIT WITH Apache-2.0"});
  check_values("DL3055", "hash",
               {"43c572f1272b6b3171dd1db9e41b7027128ce080", "43c572f", "43c572f127"},
               {"main", "HEAD", "43c572", "43C572F", "43c572f1272b6b3171dd1db9e41b7027128ce0801"});
  check_values("DL3056", "semver", {"2.0.1-rc1", "1.4.0", "1.0.0-alpha.1+build.001", "0.0.0"},
               {"v1.4.0", "1.4", "01.4.0", "1.4.0-", "1.4.0-01", "latest"});
  check_values(
      "DL3058", "email",
      {"platform@example.com", "Jane Doe <jane@example.com>", "a.b+tag@sub.example.org"},
      {"not-email", "platform team", "a@@example.com", "a..b@example.com", "https://example.com"});
}
