// The DV12x Dockerfile data-persistence checks, one input per case with exact spans and messages.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/check.h"
#include "core/engine.h"

namespace {

struct Found {
  std::string where;  // "line:col-line:col"
  std::string message;
  std::string fix;  // the replacement text, "" when none
};

std::vector<Found> lint(const std::string& code, const std::string& text) {
  dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile, text);
  std::vector<Found> out;
  for (const auto& d : dockvet::lint_source(file, dockvet::LintPolicy{}).diagnostics) {
    if (d.code != code) continue;
    out.push_back({std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" +
                       std::to_string(d.end.line) + ":" + std::to_string(d.end.column),
                   d.message, d.fix ? d.fix->edits.at(0).replacement : ""});
  }
  return out;
}

}  // namespace

TEST_CASE("DV120 reports a database package installed without a VOLUME", "[dfchecks]") {
  const auto found = lint("DV120",
                          "FROM debian:bookworm\nRUN apt-get update \\\n && apt-get install -y "
                          "--no-install-recommends postgresql-15 curl\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == "3:48-3:61");
  CHECK(found[0].message ==
        "`postgresql-15` (installed with apt-get) runs postgres, which keeps its data in "
        "/var/lib/postgresql (the package's usual data directory); no VOLUME in this image holds "
        "it, so the data stays in the container's writable layer and is lost with the "
        "container; add `VOLUME /var/lib/postgresql` and mount a named volume there");
  CHECK(found[0].fix == "\nVOLUME /var/lib/postgresql");
}

TEST_CASE("DV120 follows apk groups, VOLUMEs below the data path and build stages", "[dfchecks]") {
  const auto apk = lint("DV120",
                        "FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps mariadb && apk "
                        "del .deps\nRUN apk add postgresql16\n");
  REQUIRE(apk.size() == 1);
  CHECK(apk[0].where == "3:13-3:25");
  CHECK(lint("DV120",
             "FROM debian:bookworm\nRUN apt-get install -y postgresql-15\nVOLUME "
             "/var/lib/postgresql/15/main\n")
            .empty());
  CHECK(lint("DV120",
             "FROM golang:1.22 AS build\nRUN apt-get install -y redis-server\nFROM alpine:3.20\n"
             "COPY --from=build /x /x\n")
            .empty());
  CHECK(lint("DV120", "FROM debian:bookworm\nRUN apt-get install -y postgresql-client curl\n")
            .empty());
  CHECK(lint("DV120", "FROM mysql:8.4\nRUN microdnf install -y mysql-server\n").empty());
}

TEST_CASE("DV121 reports a stateful base image without a VOLUME over its data", "[dfchecks]") {
  const auto found =
      lint("DV121", "FROM grafana/grafana:11.2.0\nCOPY provisioning/ /etc/grafana/provisioning/\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == "1:6-1:28");
  CHECK(found[0].message ==
        "grafana/grafana:11.2.0 (version 11.2.0) keeps its data in /var/lib/grafana; the image "
        "declares no VOLUME and this Dockerfile declares none, so the data stays in the "
        "container's writable layer and is lost when the container is removed; add `VOLUME "
        "/var/lib/grafana`");
  CHECK(found[0].fix == "\nVOLUME /var/lib/grafana");

  const auto kafka = lint("DV121", "FROM apache/kafka:3.9.0\n");
  REQUIRE(kafka.size() == 1);
  CHECK(kafka[0].message.find("declares VOLUMEs (/etc/kafka/secrets, /var/lib/kafka/data, "
                              "/mnt/shared/config) but none over its data") != std::string::npos);
}

TEST_CASE("DV121 stays quiet when a VOLUME holds the data or the image is unknown", "[dfchecks]") {
  CHECK(lint("DV121", "FROM grafana/grafana:11.2.0\nVOLUME /var/lib/grafana\n").empty());
  CHECK(lint("DV121", "FROM grafana/grafana-oss\nENV GF_PATHS_DATA=/data/grafana\nVOLUME /data\n")
            .empty());
  CHECK(lint("DV121", "ARG IMAGE\nFROM $IMAGE\n").empty());
  CHECK(lint("DV121", "FROM nginx:1.27\n").empty());
  CHECK(lint("DV121", "FROM postgres:17\n").empty());
  CHECK(lint("DV121", "FROM elasticsearch:8.15.0\nCMD [\"elasticsearch\", \"-Epath.data=/x\"]\n")
            .empty());
  CHECK(lint("DV121", "FROM mcr.microsoft.com/mssql/server:2022-latest\nENTRYPOINT [\"bash\"]\n")
            .empty());
  CHECK(lint("DV121",
             "FROM mcr.microsoft.com/mssql/server:2022-latest\nCMD [\"bash\"]\n"
             "ENTRYPOINT [\"/opt/mssql/bin/sqlservr\"]\n")
            .size() == 1);
}

TEST_CASE("DV122 reports an ENV that moves the data out of the inherited VOLUME", "[dfchecks]") {
  const auto found = lint("DV122", "FROM postgres:17\nENV PGDATA=/srv/pg\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == "2:12-2:19");
  CHECK(found[0].message ==
        "PGDATA=/srv/pg moves the data of postgres:17 (version 17) from "
        "/var/lib/postgresql/data, which a VOLUME holds, to /srv/pg, which no VOLUME holds: the "
        "data lands in the container's writable layer (inherited VOLUMEs cannot be removed); "
        "keep PGDATA under /var/lib/postgresql/data or add `VOLUME /srv/pg`");
  CHECK(found[0].fix == "\nVOLUME /srv/pg");
  CHECK(lint("DV122", "FROM postgres:17\nENV PGDATA=/var/lib/postgresql/data/pgdata\n").empty());
  CHECK(lint("DV122", "FROM postgres:17\nENV PGDATA=/srv/pg\nVOLUME /srv/pg\n").empty());
  CHECK(lint("DV122", "FROM postgres:$PG\nENV PGDATA=/srv/pg\n").empty());
}

TEST_CASE("DV123 reports a host path in VOLUME but not a Windows drive", "[dfchecks]") {
  const auto found =
      lint("DV123", "FROM alpine:3.20\nVOLUME /srv/data:/data\nVOLUME [\"pgdata:/var/lib/x\"]\n");
  REQUIRE(found.size() == 2);
  CHECK(found[0].where == "2:8-2:23");
  CHECK(found[0].message ==
        "`/srv/data:/data` is not a host mount: a Dockerfile VOLUME cannot name a host path or "
        "volume, so this declares an anonymous volume at the literal container path "
        "`/srv/data:/data` and none at /data; declare `VOLUME /data` and give the source at run "
        "time (`-v /srv/data:/data`)");
  CHECK(found[0].fix == "/data");
  CHECK(found[1].where == "3:9-3:28");
  CHECK(found[1].fix == "\"/var/lib/x\"");
  CHECK(lint("DV123",
             "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nVOLUME C:\\data "
             "D:\n")
            .empty());
}

TEST_CASE("DV124 reports a single-quoted VOLUME array", "[dfchecks]") {
  const auto found = lint("DV124", "FROM redis:7.4\nVOLUME ['/data', '/backup']\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == "2:8-2:28");
  CHECK(found[0].message ==
        "JSON strings need double quotes, so BuildKit reads `['/data', '/backup']` as plain "
        "words and declares the literal path(s) `[/data,`, `/backup]` instead of the ones inside "
        "the brackets; write [\"/data\", \"/backup\"]");
  CHECK(found[0].fix == "[\"/data\", \"/backup\"]");
  const auto bare = lint("DV124", "FROM redis:7.4\nVOLUME [/data]\n");
  REQUIRE(bare.size() == 1);
  CHECK(bare[0].fix.empty());
  CHECK(lint("DV124", "FROM redis:7.4\nVOLUME [\"/data\", \"/backup\"]\n").empty());
}

TEST_CASE("DV125 reports a relative VOLUME path", "[dfchecks]") {
  const auto found = lint("DV125", "FROM node:22\nWORKDIR /app\nVOLUME uploads /cache\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == "3:8-3:15");
  CHECK(found[0].message ==
        "`uploads` is a relative VOLUME path: the builders store it as written, not under "
        "WORKDIR, and at run time Docker either mounts it relative to / or refuses to start the "
        "container; write the absolute path, e.g. /app/uploads");
  CHECK(found[0].fix == "/app/uploads");
  const auto no_workdir = lint("DV125", "FROM node:22\nVOLUME data\n");
  REQUIRE(no_workdir.size() == 1);
  CHECK(no_workdir[0].fix.empty());
  CHECK(lint("DV125", "FROM node:22\nVOLUME C:\\data /srv $DATA\nVOLUME ['x']\n").empty());
}

TEST_CASE("DV126 reports RUN writes under an earlier or inherited VOLUME", "[dfchecks]") {
  const auto found = lint("DV126",
                          "FROM busybox\nVOLUME /data\nRUN mkdir -p /data/cache && chown -R 1000 "
                          "/data\nWORKDIR /data\nRUN touch stamp && cd /tmp && touch other\n");
  REQUIRE(found.size() == 3);
  CHECK(found[0].where == "3:14-3:25");
  CHECK(found[0].message ==
        "`mkdir` writes /data/cache inside /data, the VOLUME declared on line 2: the classic "
        "builder discards the change, and BuildKit keeps it only in the image, where it seeds an "
        "empty volume on first start and never reaches a volume that already holds data; do it "
        "before the VOLUME line, with COPY, or at container start");
  CHECK(found[1].where == "3:43-3:48");
  CHECK(found[1].message.rfind("`chown` changes /data, the VOLUME declared on line 2: ", 0) == 0);
  CHECK(found[2].where == "5:11-5:16");

  const auto inherited =
      lint("DV126",
           "FROM postgres:17\nRUN initdb -D /var/lib/postgresql/data\nRUN echo x "
           "> /var/lib/postgresql/data/extra.conf\n");
  REQUIRE(inherited.size() == 2);
  CHECK(inherited[0].where == "2:15-2:39");
  CHECK(inherited[0].message.find("a VOLUME of the base image postgres:17 (version 17): ") !=
        std::string::npos);
  CHECK(inherited[0].message.find("an inherited VOLUME cannot be removed") != std::string::npos);
  CHECK(inherited[1].where == "3:14-3:49");
  CHECK(lint("DV126", "FROM busybox\nRUN mkdir -p /data/cache\nVOLUME /data\nCOPY seed/ /data/\n")
            .empty());
  CHECK(lint("DV126", "FROM busybox\nVOLUME /data\nRUN cp /data/a /tmp/b && tar -cf x.tar /data\n")
            .empty());
  CHECK(lint("DV126",
             "FROM busybox\nVOLUME /data\nRUN --mount=type=cache,target=/data/cache touch "
             "/data/cache/x\n")
            .empty());
}

TEST_CASE("DV127 reports a VOLUME at postgres 18's old data path", "[dfchecks]") {
  const auto found = lint("DV127", "FROM postgres\nVOLUME /var/lib/postgresql/data\n");
  REQUIRE(found.size() == 1);
  CHECK(found[0].where == "2:8-2:32");
  CHECK(found[0].message ==
        "postgres (version 18, latest) keeps its data in /var/lib/postgresql/18/docker, not in "
        "/var/lib/postgresql/data: this VOLUME holds no data, and an anonymous volume there is a "
        "mount, so the entrypoint refuses to initialise; declare `VOLUME /var/lib/postgresql` "
        "instead, or pin the image to a version that uses /var/lib/postgresql/data");
  CHECK(found[0].fix == "/var/lib/postgresql");
  CHECK(lint("DV127", "FROM postgres:17\nVOLUME /var/lib/postgresql/data\n").empty());
  CHECK(lint("DV127",
             "FROM postgres:18\nENV PGDATA=/var/lib/postgresql/data\nVOLUME "
             "/var/lib/postgresql/data\n")
            .empty());
}

// Among the DV checks: the examples show a data-loss mistake, not best practice.
TEST_CASE("each DV12x check's bad example fires only that check, its good example nothing",
          "[dfchecks]") {
  for (const std::string code :
       {"DV120", "DV121", "DV122", "DV123", "DV124", "DV125", "DV126", "DV127"}) {
    INFO(code);
    const dockvet::Check* check = dockvet::Registry::instance().find(code);
    REQUIRE(check != nullptr);
    const auto& meta = check->meta();
    CHECK(meta.example_language == "dockerfile");
    auto codes = [](std::string_view text) {
      dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile, std::string(text));
      std::vector<std::string> out;
      for (const auto& d : dockvet::lint_source(file, dockvet::LintPolicy{}).diagnostics) {
        if (d.code.starts_with("DV")) out.push_back(d.code);
      }
      return out;
    };
    CHECK(codes(meta.bad_example) == std::vector<std::string>{code});
    CHECK(codes(meta.good_example).empty());
  }
}

TEST_CASE("DV120 and DV121 judge the stages that end up as images", "[dfchecks]") {
  CHECK(lint("DV120",
             "FROM debian:bookworm AS db\nRUN apt-get install -y redis-server\nFROM alpine:3.20\n"
             "RUN --mount=type=bind,from=db,target=/db true\n")
            .empty());
  const auto target = lint("DV120",
                           "FROM debian:bookworm AS db\nRUN zypper --non-interactive install "
                           "rabbitmq-server\nFROM alpine:3.20 AS app\nRUN true\n");
  REQUIRE(target.size() == 1);
  CHECK(target[0].where == "2:38-2:53");
  CHECK(lint("DV120",
             "FROM fedora:40\nRUN yum install -y mysql-server && yum remove -y "
             "mysql-server\n")
            .empty());

  const auto relocated = lint("DV121",
                              "FROM grafana/grafana:11.2.0 AS base\nENV "
                              "GF_PATHS_DATA=/srv/grafana\nFROM base AS dev\nRUN true\nFROM base "
                              "AS prod\nRUN true\n");
  REQUIRE(relocated.size() == 1);
  CHECK(relocated[0].where == "1:6-1:28");
  CHECK(relocated[0].message.find("keeps its data in /var/lib/grafana (moved to /srv/grafana by "
                                  "ENV GF_PATHS_DATA)") != std::string::npos);
  CHECK(relocated[0].fix == "\nVOLUME /srv/grafana");
  const auto drupal = lint("DV121", "FROM drupal:11.3-apache\n");
  REQUIRE(drupal.size() == 1);
  CHECK(drupal[0].fix ==
        "\nVOLUME /var/www/html/modules /var/www/html/profiles /var/www/html/themes "
        "/var/www/html/sites");
  CHECK(lint("DV121", "FROM timescale/timescaledb:latest\n").empty());
}

TEST_CASE("DV126 reads the destination of common write commands", "[dfchecks]") {
  const auto found = lint("DV126",
                          "FROM busybox\nVOLUME /d\n"
                          "RUN git clone --depth 1 https://x/r.git /d/r\n"
                          "RUN curl -fsSL -o /d/a.tgz https://x/a.tgz\n"
                          "RUN wget -O /d/b https://x/b\n"
                          "RUN tar -xzf /tmp/a.tgz -C /d/src\n"
                          "RUN ln -s /opt/app /d/app\n"
                          "RUN sed -i 's/a/b/' /d/conf /etc/other\n"
                          "RUN install -d -m 0750 /d/logs\n"
                          "RUN cp -t /d/bin /tmp/tool\n"
                          "RUN initdb --pgdata=/d/pg\n");
  std::vector<std::string> where;
  for (const auto& f : found) where.push_back(f.where);
  CHECK(where == std::vector<std::string>{"3:41-3:45", "4:19-4:27", "5:13-5:17", "6:28-6:34",
                                          "7:20-7:26", "8:21-8:28", "9:24-9:31", "10:11-10:17",
                                          "11:12-11:26"});
  CHECK(lint("DV126",
             "FROM busybox\nVOLUME /d\nRUN git clone https://x/r.git && curl -o /tmp/x "
             "https://x && tar -cf /tmp/d.tar /d && sed 's/a/b/' /d/conf\n")
            .empty());
}
