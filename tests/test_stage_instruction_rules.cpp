// hadolint's instruction and stage rules (DL1001, DL3002, DL3006, DL3007, DL3025, DL3026,
// DL3057, DL4000, …): the cases the corpus cannot show (rules that are off by default or need
// settings) and exact spans, messages and fixes.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "bestpractice/stage_images.h"
#include "config/settings.h"
#include "core/engine.h"
#include "dockerfile/dockerfile.h"

namespace {

struct Found {
  std::string where;  // "line:col-line:col"
  std::string message;
  std::string fix;  // "replace with `TEXT`", or "" when there is no fix
};

// Lints `text` with only `code` selected (so off-by-default rules run) and the given trusted
// registries.
std::vector<Found> lint(const std::string& code, const std::string& text,
                        std::vector<std::string> trusted_registries = {}) {
  dockvet::config::Settings settings;
  dockvet::config::RuleSelection selection;
  selection.select.push_back({code, "test"});
  settings.rules = dockvet::config::RulePolicy({selection}, {}, 1);
  settings.trusted_registries = std::move(trusted_registries);
  dockvet::LintPolicy policy;
  policy.settings = &settings;
  dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile, text);
  std::vector<Found> out;
  for (const auto& d : dockvet::lint_source(file, policy).diagnostics) {
    if (d.code != code) continue;
    out.push_back({std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" +
                       std::to_string(d.end.line) + ":" + std::to_string(d.end.column),
                   d.message,
                   d.fix ? "replace with `" + d.fix->edits.at(0).replacement + "`" : ""});
  }
  return out;
}

std::vector<std::string> places(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const auto& f : found) out.push_back(f.where);
  return out;
}

using Places = std::vector<std::string>;

}  // namespace

TEST_CASE("DL1001 reports line ignore pragmas, hadolint's and dockvet's", "[stagerules]") {
  const auto found = lint("DL1001",
                          "FROM debian:12.7\n# hadolint ignore=DL3008,DL3015 # reason\nRUN a\n"
                          "#dockvet ignore=DV120 -- vendor image   \nRUN b\n");
  CHECK(places(found) == Places{"2:1-2:41", "4:1-4:38"});
  CHECK(found[0].message ==
        "this pragma switches a rule off for one line; fix the finding or move the exception "
        "to the configuration file");
  // File- and stage-wide pragmas, other pragmas and near misses are not inline ignores.
  CHECK(lint("DL1001",
             "# hadolint global ignore=DL3008\nFROM debian:12.7\n# hadolint stage ignore=DL3015\n"
             "# hadolint shell=powershell\n# hadolint ignore=\n# hadolint ignore=DL3008 because\n"
             "# hadolintignore=DL3008\nRUN a\n")
            .empty());
  // Off unless selected.
  dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile,
                           "FROM debian:12.7\n# hadolint ignore=DL3059\nRUN a\n");
  for (const auto& d : dockvet::lint_source(file, dockvet::LintPolicy{}).diagnostics) {
    CHECK(d.code != "DL1001");
  }
}

TEST_CASE("DL3057 reports the images that run without a HEALTHCHECK", "[stagerules]") {
  CHECK(places(lint("DL3057", "FROM nginx:1.27\nCOPY a /b\n")) == Places{"1:1-1:16"});
  CHECK(lint("DL3057", "FROM nginx:1.27\nHEALTHCHECK NONE\n").empty());
  // Inherited through FROM <stage>.
  CHECK(lint("DL3057", "FROM nginx:1.27 AS base\nHEALTHCHECK CMD [\"true\"]\nFROM base\n").empty());
  // A builder stage read only by COPY --from never runs; hadolint reports it.
  CHECK(lint("DL3057",
             "FROM golang:1.23 AS build\nRUN go build\nFROM nginx:1.27\nCOPY --from=build /a /b\n"
             "HEALTHCHECK CMD [\"true\"]\n")
            .empty());
  // A sibling's HEALTHCHECK is not inherited (hadolint counts it: both build on `base`).
  CHECK(places(lint("DL3057",
                    "FROM nginx:1.27 AS base\nFROM base AS one\nHEALTHCHECK NONE\n"
                    "FROM base AS two\n")) == Places{"4:1-4:17"});
  // An ONBUILD HEALTHCHECK belongs to the child image.
  CHECK(places(lint("DL3057", "FROM nginx:1.27\nONBUILD HEALTHCHECK NONE\n")) ==
        Places{"1:1-1:16"});
}

TEST_CASE("DL3026 reports images from registries the settings do not trust", "[stagerules]") {
  const std::string dockerfile =
      "FROM quay.io/prometheus/node-exporter:v1.8.2 AS exporter\n"
      "FROM registry.example.com/team/base:1.4 AS base\n"
      "FROM golang:1.23 AS build\n"
      "RUN --mount=type=cache,from=registry.example.com/cache/go:1,target=/root/.cache \\\n"
      "    --mount=type=bind,from=exporter,target=/x go build\n"
      "FROM base\n"
      "COPY --from=exporter /bin/node_exporter /usr/local/bin/\n"
      "COPY --from=1 /a /b\n"
      "COPY --from=ghcr.io/example/tools:2.0 /usr/bin/tool /usr/local/bin/\n";
  // No registries configured: the rule has nothing to compare with.
  CHECK(lint("DL3026", dockerfile).empty());
  const auto found = lint("DL3026", dockerfile, {"registry.example.com"});
  CHECK(places(found) == Places{"1:6-1:45", "3:6-3:17", "9:13-9:38"});
  CHECK(found[0].message ==
        "`quay.io/prometheus/node-exporter:v1.8.2` comes from registry quay.io, which is not in "
        "trusted-registries; pull it from a trusted registry or add that registry to the list");
  CHECK(found[1].message ==
        "`golang:1.23` comes from Docker Hub (docker.io), which is not in trusted-registries; "
        "pull it from a trusted registry or add that registry to the list");
  // Docker Hub by either name, wildcards, and everything.
  CHECK(places(lint("DL3026", dockerfile, {"*.example.com", "docker.io", "quay.*", "ghcr.io"}))
            .empty());
  CHECK(places(lint("DL3026", "FROM golang:1.23\nFROM docker.io/library/alpine:3.20\n",
                    {"hub.docker.com"})) == Places{"2:6-2:35"});
  CHECK(lint("DL3026", dockerfile, {"*"}).empty());
  // The mount's source is checked too, and a registry hidden in a variable is not guessed.
  CHECK(places(lint("DL3026",
                    "ARG REGISTRY\nFROM scratch\nRUN "
                    "--mount=type=bind,from=evil.example.net/x:1,target=/x true\n"
                    "FROM ${REGISTRY}/app:1\n",
                    {"trusted.example.com"})) == Places{"3:13-3:58"});
}

TEST_CASE("DL3002 follows the user into the stages that run", "[stagerules]") {
  const auto found =
      lint("DL3002", "FROM debian:12.7 AS base\nUSER root\nFROM base AS app\nRUN true\n");
  REQUIRE(places(found) == Places{"2:6-2:10"});
  CHECK(found[0].message ==
        "`USER root` is still in effect in the image of the stage on line 3, which builds on "
        "this one, so its containers run as root; switch to an unprivileged user before the "
        "image ends");
  CHECK(lint("DL3002", "FROM debian:12.7\nUSER root\nUSER 10001\n").empty());
  CHECK(places(lint("DL3002", "FROM debian:12.7\nUSER \"root\"\n")) == Places{"2:6-2:12"});
  // A group alone does not make the user root; a root user with any group does.
  CHECK(lint("DL3002", "FROM debian:12.7\nUSER 10001:0\n").empty());
  CHECK(places(lint("DL3002", "FROM debian:12.7\nUSER root:staff\n")) == Places{"2:6-2:16"});
  // Both children inherit the same USER: one finding.
  CHECK(places(
            lint("DL3002", "FROM debian:12.7 AS base\nUSER 0\nFROM base AS a\nFROM base AS b\n")) ==
        Places{"2:6-2:7"});
}

TEST_CASE("DL3006 and DL3007 read the reference as written", "[stagerules]") {
  CHECK(lint("DL3006", "FROM build\nFROM build AS x\n").size() == 2);  // no stage named build
  CHECK(lint("DL3006", "FROM debian:12 AS Build\nFROM build\n").empty());
  CHECK(lint("DL3006", "FROM \"debian:12\"\n").empty());
  const auto latest = lint("DL3007", "FROM debian:latest\n");
  REQUIRE(places(latest) == Places{"1:13-1:19"});
  CHECK(latest[0].message ==
        "`debian:latest` follows `latest`, which moves with every release; pin the version you "
        "build against, e.g. `debian:<version>`");
  CHECK(places(lint("DL3007", "FROM \"debian:latest\"\n")) == Places{"1:6-1:21"});
}

TEST_CASE("DL4000 and DL3065 offer their fixes", "[stagerules]") {
  const auto maintainer = lint("DL4000", "FROM alpine:3.20\nMAINTAINER Jane \"JD\" Doe $HOME\n");
  REQUIRE(maintainer.size() == 1);
  CHECK(maintainer[0].where == "2:1-2:31");
  CHECK(maintainer[0].fix ==
        "replace with `LABEL org.opencontainers.image.authors=\"Jane \\\"JD\\\" Doe \\$HOME\"`");
  CHECK(lint("DL4000", "FROM alpine:3.20\nMAINTAINER Jane \\\n  Doe\n")[0].fix.empty());
  const auto platform = lint("DL3065", "FROM --platform=$TARGETPLATFORM  alpine:3.20\n");
  REQUIRE(platform.size() == 1);
  CHECK(platform[0].where == "1:6-1:32");
  CHECK(platform[0].fix == "replace with ``");  // removes the flag and the blanks after it
}

TEST_CASE("The stage helpers split references and find the images that run", "[stagerules]") {
  using dockvet::bestpractice::split_written_reference;
  const auto ref = split_written_reference("localhost:5000/team/app:1.4@sha256:abc");
  CHECK(ref.registry == "localhost:5000");
  CHECK(ref.name == "localhost:5000/team/app");
  CHECK(ref.last_component == "app");
  CHECK(ref.tag == "1.4");
  CHECK(ref.digest == "sha256:abc");
  const auto hub = split_written_reference("library/debian");
  CHECK_FALSE(hub.registry);
  CHECK_FALSE(hub.tag);

  dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile,
                           "FROM a:1 AS base\nFROM a:1 AS build\nFROM a:1 AS tool\n"
                           "FROM a:1 AS cache\nFROM base\nCOPY --from=build /a /b\n"
                           "RUN --mount=from=cache,target=/c true\n");
  const auto dockerfile = dockvet::dockerfile::parse(file);
  CHECK(dockvet::bestpractice::output_stages(dockerfile) ==
        std::vector<bool>{false, false, true, false, true});
}

TEST_CASE("DL3026 agrees with hadolint's cases outside the conformance data", "[stagerules]") {
  const std::string hub =
      "FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\n"
      "FROM docker.io/zemanlx/ubuntu:18.04 AS builder3\n";
  CHECK(lint("DL3026", hub, {"docker.io"}).empty());
  CHECK(lint("DL3026", hub, {"trusted.com"}).size() == 3);
  CHECK(lint("DL3026", "FROM scratch\n", {"x.com"}).empty());
  CHECK(
      lint("DL3026", "FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n", {"random.com"})
          .empty());
  CHECK(lint("DL3026", "FROM x.com/debian\n", {"*.random.com"}).size() == 1);
  CHECK(lint("DL3026", "FROM foo.random.com/debian\n", {"x.com", "*.random.com"}).empty());
  // Before any FROM, too: the file is broken, but the image would still be pulled.
  CHECK(lint("DL3026", "COPY --from=untrusted.com/repo/image:tag /foo /bar\n", {"trusted.com"})
            .size() == 1);
  CHECK(lint("DL3026", "COPY --from=trusted.com/repo/image:tag /foo /bar\n", {"trusted.com"})
            .empty());
  CHECK(lint("DL3026",
             "RUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n",
             {"trusted.com"})
            .size() == 1);
  CHECK(lint("DL3026",
             "RUN --mount=type=cache,from=trusted.com/repo/image:tag,target=/foo foobar\n",
             {"trusted.com"})
            .empty());
}
