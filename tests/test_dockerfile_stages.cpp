// Stages, stage references, ARG/ENV scopes and variable expansion.
#include <catch2/catch.hpp>

#include "test_dockerfile_support.h"

using dockvet::dockerfile::testing::Parsed;
using Codes = std::vector<std::string>;

TEST_CASE("stages have indices, lower-cased names, bases and platforms", "[dockerfile]") {
  const Parsed p(
      "ARG GO=1.22\n"
      "FROM --platform=$BUILDPLATFORM golang:${GO} AS Builder\n"
      "RUN go build\n"
      "FROM scratch\n"
      "COPY --from=BUILDER /out /app\n"
      "COPY --from=0 /a /b\n"
      "COPY --from=nginx:1.27 /etc/nginx /etc/nginx\n"
      "FROM builder AS test\n");
  REQUIRE(p.df.stages.size() == 3);
  const auto& builder = p.df.stages[0];
  CHECK(builder.name == "builder");
  CHECK(builder.name_token->raw == "Builder");
  CHECK(builder.base.raw == "golang:${GO}");
  CHECK(builder.base.expanded == "golang:1.22");
  CHECK(builder.base.expanded_known);
  REQUIRE(builder.platform.has_value());
  CHECK(builder.platform->raw == "$BUILDPLATFORM");
  CHECK_FALSE(builder.platform->expanded_known);
  CHECK(builder.from_instruction == 1);
  CHECK(builder.last_instruction == 2);
  CHECK(p.df.stages[1].name.empty());
  CHECK(p.df.stages[1].last_instruction == 6);
  CHECK(p.at(4).stage_ref == 0);
  CHECK(p.at(5).stage_ref == 0);
  CHECK(p.at(6).stage_ref == -1);
  CHECK(p.df.stages[2].base_stage == 0);
  CHECK(p.at(7).stage_ref == 0);
  CHECK(p.at(0).stage == -1);
  CHECK(p.at(3).stage == 1);
  CHECK(p.df.stage("Builder") == &p.df.stages[0]);
  CHECK(p.df.stage("2") == &p.df.stages[2]);
  CHECK(p.df.stage("nope") == nullptr);
  CHECK(p.df.issues.empty());
}

TEST_CASE("stage structure errors are DV015", "[dockerfile]") {
  const Parsed before("ENV A=1\nFROM a\n");
  CHECK(before.codes() == Codes{"DV015"});
  CHECK(before.where(before.df.issues[0].range) == "1:1-1:4");
  const Parsed only_args("ARG A=1\n");
  CHECK(only_args.codes() == Codes{"DV015"});
  const Parsed twice("FROM a AS x\nFROM b AS X\n");
  CHECK(twice.codes() == Codes{"DV015"});
  CHECK(twice.slice(twice.df.issues[0].range) == "X");
  const Parsed comments_only("# just a comment\n\n");
  CHECK(comments_only.codes() == Codes{"DV015"});
}

TEST_CASE("global ARGs reach FROM but a stage sees only ARGs it re-declares", "[dockerfile]") {
  const Parsed p(
      "ARG VERSION=3.20\n"
      "ARG UNSET\n"
      "FROM alpine:${VERSION}\n"
      "WORKDIR /v/${VERSION}\n"
      "ARG VERSION\n"
      "WORKDIR /v/${VERSION}\n"
      "FROM alpine:${UNSET:-3.19}\n"
      "FROM alpine${NEVER_DECLARED}\n");
  CHECK(p.df.stages[0].base.expanded == "alpine:3.20");
  // Not re-declared yet: the base image might define VERSION, so the value is unknown.
  CHECK(p.at(3).words[0].expanded == "/v/${VERSION}");
  CHECK_FALSE(p.at(3).words[0].expanded_known);
  CHECK(p.at(5).words[0].expanded == "/v/3.20");
  CHECK(p.at(5).words[0].expanded_known);
  // An ARG without default may be set by --build-arg: unknown, not empty.
  CHECK_FALSE(p.df.stages[1].base.expanded_known);
  // Declared nowhere in the global scope: BuildKit expands it to nothing.
  CHECK(p.df.stages[2].base.expanded == "alpine");
  CHECK(p.df.stages[2].base.expanded_known);
}

TEST_CASE("ENV values expand with the environment before the instruction", "[dockerfile]") {
  const Parsed p(
      "FROM a\n"
      "ENV A=one\n"
      "ENV A=two B=$A C=${A}-x\n"
      "ENV D=${A:-d} E=${MISSING:-e} F=${A:+alt} G=${EMPTY:+alt} H=${MISSING-dash}\n"
      "ARG EMPTY=\n"
      "ENV I=${EMPTY:-colon} J=${EMPTY-nocolon} K='$A' L=\"$A\" M=\\$A\n"
      "ENV N=$MISSING\n"
      "RUN echo $A\n");
  const auto& second = p.at(2);
  CHECK(second.pairs[1].value->expanded == "one");
  CHECK(second.pairs[2].value->expanded == "one-x");
  const auto& third = p.at(3);
  CHECK(third.pairs[0].value->expanded == "two");
  // MISSING may come from the base image, so a default on it is not known either.
  CHECK_FALSE(third.pairs[1].value->expanded_known);
  CHECK(third.pairs[1].value->expanded == "${MISSING:-e}");
  CHECK(third.pairs[2].value->expanded == "alt");
  CHECK_FALSE(third.pairs[3].value->expanded_known);
  const auto& fifth = p.at(5);
  CHECK(fifth.pairs[0].value->expanded == "colon");
  CHECK(fifth.pairs[1].value->expanded == "");
  CHECK(fifth.pairs[1].value->expanded_known);
  CHECK(fifth.pairs[2].value->expanded == "$A");
  CHECK(fifth.pairs[3].value->expanded == "two");
  CHECK(fifth.pairs[4].value->expanded == "$A");
  CHECK_FALSE(p.at(6).pairs[0].value->expanded_known);
  // RUN is never expanded by BuildKit: the shell does it.
  CHECK(p.at(7).words[0].expanded == "echo $A");
  CHECK(p.at(7).words[0].expanded_known);
}

TEST_CASE("a stage built on another inherits its ENV, not its ARGs", "[dockerfile]") {
  const Parsed p(
      "FROM a AS base\n"
      "ENV DATA=/var/lib/app\n"
      "ARG MODE=prod\n"
      "FROM base\n"
      "VOLUME $DATA\n"
      "USER ${MODE}\n");
  CHECK(p.at(4).words[0].expanded == "/var/lib/app");
  CHECK(p.at(4).words[0].expanded_known);
  CHECK_FALSE(p.at(5).words[0].expanded_known);
}

TEST_CASE("COPY, EXPOSE, LABEL and flags expand; ONBUILD triggers stay unknown", "[dockerfile]") {
  const Parsed p(
      "FROM a\n"
      "ARG PORT=8080 USER_ID=1000 SRC=app\n"
      "EXPOSE $PORT\n"
      "COPY --chown=${USER_ID} ${SRC}/ \"/srv/${SRC}\"\n"
      "LABEL port=$PORT\n"
      "ONBUILD COPY ${SRC} /x\n"
      "ONBUILD COPY plain /y\n");
  CHECK(p.at(2).words[0].expanded == "8080");
  CHECK(p.at(3).flags[0].expanded == "1000");
  CHECK(p.at(3).words[0].expanded == "app/");
  CHECK(p.at(3).words[1].expanded == "/srv/app");
  CHECK(p.at(4).pairs[0].value->expanded == "8080");
  CHECK_FALSE(p.at(6).words[0].expanded_known);
  CHECK(p.at(6).words[0].expanded == "${SRC}");
  CHECK(p.at(8).words[0].expanded_known);
}

TEST_CASE("instructions before the first FROM expand with the global ARGs", "[dockerfile]") {
  // BuildKit rejects them (DV015), but checks still read their values with quotes removed.
  const Parsed p(
      "ARG VERSION=1.4.2\n"
      "LABEL version=\"$VERSION\" hash=\"43c572f\"\n"
      "COPY bla.sh \"blubb.sh\"\n");
  REQUIRE(p.at(1).pairs.size() == 2);
  CHECK(p.at(1).pairs[0].value->expanded == "1.4.2");
  CHECK(p.at(1).pairs[1].value->expanded == "43c572f");
  REQUIRE(p.at(2).words.size() == 2);
  CHECK(p.at(2).words[1].expanded == "blubb.sh");
  CHECK(p.at(1).stage == -1);
}
