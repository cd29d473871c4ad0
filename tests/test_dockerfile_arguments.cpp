// How each instruction's flags and arguments are split, with their spans.
#include <catch2/catch.hpp>

#include "test_dockerfile_support.h"

using dockvet::dockerfile::Form;
using dockvet::dockerfile::Keyword;
using dockvet::dockerfile::testing::Parsed;
using Codes = std::vector<std::string>;

TEST_CASE("RUN flags keep names, values and exact spans", "[dockerfile]") {
  const Parsed p(
      "FROM a\n"
      "RUN --mount=type=cache,target=/root/.cache \\\n"
      "    --network=none --security=insecure pip install -r req.txt\n");
  const auto& run = p.at(1);
  REQUIRE(run.flags.size() == 3);
  CHECK(run.flags[0].name == "mount");
  CHECK(run.flags[0].value == "type=cache,target=/root/.cache");
  CHECK(p.where(run.flags[0].range) == "2:5-2:43");
  CHECK(p.where(run.flags[0].name_range) == "2:5-2:12");
  CHECK(p.where(run.flags[0].value_range) == "2:13-2:43");
  CHECK(run.flags[1].name == "network");
  CHECK(p.where(run.flags[1].range) == "3:5-3:19");
  CHECK(run.flags[2].value == "insecure");
  CHECK(run.args == "pip install -r req.txt");
  CHECK(p.where(run.args_range) == "3:40-3:62");
  CHECK(run.form == Form::shell);
  CHECK(run.flag("network") == &run.flags[1]);
  CHECK(run.flag("device") == nullptr);
  CHECK(p.df.issues.empty());
}

TEST_CASE("COPY, ADD and FROM flags; quotes in flag values are removed", "[dockerfile]") {
  const Parsed p(
      "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
      "COPY --from=build --chown=app:app --chmod=0755 --link --parents --exclude=*.md "
      "./a ./b /dst/\n"
      "ADD --checksum=sha256:abc --keep-git-dir=true --chown=\"1000:1000\" "
      "https://example.com/x.git /src\n"
      "COPY -- --weird /dst\n");
  const auto& copy = p.at(1);
  REQUIRE(copy.flags.size() == 6);
  CHECK(copy.flags[3].name == "link");
  CHECK_FALSE(copy.flags[3].value.has_value());
  CHECK(p.slice(copy.flags[3].range) == "--link");
  CHECK(copy.flags[5].value == "*.md");
  REQUIRE(copy.words.size() == 3);
  CHECK(copy.words[2].raw == "/dst/");
  const auto& add = p.at(2);
  REQUIRE(add.flags.size() == 3);
  CHECK(add.flags[2].value == "1000:1000");
  CHECK(p.slice(add.flags[2].value_range) == "\"1000:1000\"");
  CHECK(add.flags[1].value == "true");
  // "--" ends the flags: what follows is an argument even if it looks like one.
  const auto& odd = p.at(3);
  CHECK(odd.flags.empty());
  REQUIRE(odd.words.size() == 2);
  CHECK(odd.words[0].raw == "--weird");
  CHECK(p.df.issues.empty());
}

TEST_CASE("unknown, valueless, non-boolean and repeated flags are kept and are DV014",
          "[dockerfile]") {
  const Parsed p(
      "FROM --platform linux/amd64 a\n"
      "COPY --from=a --from=b --link=maybe --frm=x s d\n"
      "RUN --mount=type=tmpfs,target=/t --mount=type=cache,target=/c true\n");
  // Without its "=", --platform takes no value and FROM is left with two words (DV013).
  CHECK(p.codes() == Codes{"DV014", "DV013", "DV014", "DV014", "DV014"});
  CHECK(p.df.issues[0].message == "Missing a value on flag: platform");
  CHECK(p.slice(p.df.issues[2].range) == "--from=b");
  CHECK(p.slice(p.df.issues[3].range) == "--link=maybe");
  CHECK(p.slice(p.df.issues[4].range) == "--frm=x");
  REQUIRE(p.at(1).flags.size() == 4);
  CHECK(p.at(1).flags[3].name == "frm");
  CHECK(p.at(0).words.size() == 2);
}

TEST_CASE("exec form is a JSON string array; anything else is shell form", "[dockerfile]") {
  const Parsed p(
      "FROM a\n"
      "CMD [\"nginx\", \"-g\", \"daemon off;\"]\n"
      "ENTRYPOINT [ \"/bin/sh\" , \\\n"
      "  \"-c\" ]\n"
      "CMD ['single', 'quotes']\n"
      "CMD [\"unterminated\"\n"
      "RUN [\"a\\u00e9\\n\", \"\\\"q\\\"\"]\n"
      "CMD []\n"
      "CMD [\"a\"] trailing\n");
  const auto& cmd = p.at(1);
  CHECK(cmd.form == Form::exec);
  REQUIRE(cmd.words.size() == 3);
  CHECK(cmd.words[2].raw == "\"daemon off;\"");
  CHECK(cmd.words[2].expanded == "daemon off;");
  CHECK(p.where(cmd.words[2].range) == "2:21-2:34");
  const auto& entrypoint = p.at(2);
  CHECK(entrypoint.form == Form::exec);
  REQUIRE(entrypoint.words.size() == 2);
  CHECK(p.where(entrypoint.words[1].range) == "4:3-4:7");
  CHECK(p.at(3).form == Form::shell);
  CHECK(p.at(3).words[0].raw == "['single', 'quotes']");
  CHECK(p.at(4).form == Form::shell);
  CHECK(p.at(5).form == Form::exec);
  CHECK(p.at(5).words[0].expanded == "a\xC3\xA9\n");
  CHECK(p.at(5).words[1].expanded == "\"q\"");
  CHECK(p.at(6).form == Form::exec);
  CHECK(p.at(6).words.empty());
  CHECK(p.at(7).form == Form::shell);
  CHECK(p.df.issues.empty());
}

TEST_CASE("a JSON array with a non-string is DV013, as BuildKit rejects it", "[dockerfile]") {
  const Parsed p("FROM a\nCMD [\"sleep\", 10]\nSHELL /bin/bash -c\n");
  CHECK(p.codes() == Codes{"DV013", "DV013"});
  CHECK(p.slice(p.df.issues[0].range) == "[\"sleep\", 10]");
  CHECK(p.df.issues[1].message == "SHELL requires the arguments to be in JSON form");
}

TEST_CASE("HEALTHCHECK CMD and NONE", "[dockerfile]") {
  const Parsed p(
      "FROM a\n"
      "HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \\\n"
      "  CMD curl -f http://localhost/ || exit 1\n"
      "HEALTHCHECK CMD [\"pg_isready\", \"-U\", \"postgres\"]\n"
      "healthcheck none\n");
  const auto& shell = p.at(1);
  REQUIRE(shell.subcommand.has_value());
  CHECK(shell.subcommand->raw == "CMD");
  CHECK(p.where(shell.subcommand->range) == "3:3-3:6");
  CHECK(shell.form == Form::shell);
  REQUIRE(shell.words.size() == 1);
  CHECK(shell.words[0].raw == "curl -f http://localhost/ || exit 1");
  CHECK(shell.flags.size() == 4);
  CHECK(p.at(2).form == Form::exec);
  CHECK(p.at(2).words.size() == 3);
  CHECK(p.at(3).subcommand->raw == "none");
  CHECK(p.at(3).words.empty());
  CHECK(p.df.issues.empty());

  const Parsed bad("FROM a\nHEALTHCHECK NONE now\nHEALTHCHECK CURL x\nHEALTHCHECK CMD\n");
  CHECK(bad.codes() == Codes{"DV013", "DV013", "DV013"});
}

TEST_CASE("ENV and LABEL pairs, legacy ENV, ARG names and defaults", "[dockerfile]") {
  const Parsed p(
      "FROM a\n"
      "ENV PG_MAJOR=16 LANG=\"en_US.utf8\" \\\n"
      "    PATH=$PATH:/usr/lib/postgresql/$PG_MAJOR/bin\n"
      "ENV GOSU_VERSION 1.17 extra words\n"
      "LABEL org.opencontainers.image.title=\"My app\" version=1\n"
      "ARG UID=1000 GID NAME=\"a b\"\n");
  const auto& env = p.at(1);
  REQUIRE(env.pairs.size() == 3);
  CHECK(env.pairs[1].key.raw == "LANG");
  CHECK(env.pairs[1].value->raw == "\"en_US.utf8\"");
  CHECK(env.pairs[1].value->expanded == "en_US.utf8");
  CHECK(p.where(env.pairs[2].range) == "3:5-3:49");
  CHECK(p.where(env.pairs[2].key.range) == "3:5-3:9");
  const auto& legacy = p.at(2);
  REQUIRE(legacy.pairs.size() == 1);
  CHECK(legacy.pairs[0].legacy);
  CHECK(legacy.pairs[0].key.raw == "GOSU_VERSION");
  CHECK(legacy.pairs[0].value->raw == "1.17 extra words");
  CHECK(p.where(legacy.pairs[0].value->range) == "4:18-4:34");
  const auto& label = p.at(3);
  REQUIRE(label.pairs.size() == 2);
  CHECK(label.pairs[0].value->expanded == "My app");
  const auto& arg = p.at(4);
  REQUIRE(arg.pairs.size() == 3);
  CHECK(arg.pairs[0].value->raw == "1000");
  CHECK_FALSE(arg.pairs[1].value.has_value());
  CHECK(arg.pairs[2].value->expanded == "a b");
  CHECK(p.df.issues.empty());

  const Parsed bad("FROM a\nENV A=1 B\nENV ONLYKEY\nLABEL\n");
  CHECK(bad.codes() == Codes{"DV013", "DV013", "DV013"});
  CHECK(bad.slice(bad.df.issues[0].range) == "B");
}

TEST_CASE("FROM, EXPOSE, VOLUME, USER, WORKDIR, STOPSIGNAL, COPY words", "[dockerfile]") {
  const Parsed p(
      "FROM ubuntu:24.04 as Base\n"
      "EXPOSE 80/tcp  443 \t8080-8090/udp\n"
      "VOLUME [\"/var/lib/mysql\", \"/logs\"]\n"
      "VOLUME /data /cache\n"
      "USER 999:999\n"
      "WORKDIR /srv/my app\n"
      "STOPSIGNAL SIGQUIT\n"
      "COPY [\"src dir/\", \"/app/\"]\n");
  REQUIRE(p.at(0).words.size() == 3);
  CHECK(p.at(0).words[2].raw == "Base");
  REQUIRE(p.at(1).words.size() == 3);
  CHECK(p.where(p.at(1).words[2].range) == "2:21-2:34");
  CHECK(p.at(2).form == Form::exec);
  CHECK(p.at(2).words[0].expanded == "/var/lib/mysql");
  CHECK(p.at(3).form == Form::none);
  REQUIRE(p.at(3).words.size() == 2);
  CHECK(p.at(3).words[1].raw == "/cache");
  CHECK(p.at(5).words.size() == 1);
  CHECK(p.at(5).words[0].raw == "/srv/my app");
  CHECK(p.at(6).words[0].raw == "SIGQUIT");
  CHECK(p.at(7).words[0].expanded == "src dir/");
  CHECK(p.df.issues.empty());
}

TEST_CASE("argument count errors are DV013", "[dockerfile]") {
  const Parsed p(
      "FROM a b\n"
      "FROM a AS 1st\n"
      "COPY onlyone\n"
      "WORKDIR\n"
      "VOLUME [\"\"]\n"
      "EXPOSE\n");
  CHECK(p.codes() == Codes{"DV013", "DV013", "DV013", "DV013", "DV013", "DV013"});
  CHECK(p.df.issues[0].message == "FROM requires either one or three arguments");
  CHECK(p.slice(p.df.issues[1].range) == "1st");
  CHECK(p.df.issues[3].message == "WORKDIR requires exactly one argument");
}

TEST_CASE("ONBUILD wraps a trigger modelled as the next instruction", "[dockerfile]") {
  const Parsed p(
      "FROM a\n"
      "ONBUILD RUN --mount=type=cache,target=/c make \\\n"
      "  install\n"
      "onbuild copy . /app\n"
      "ONBUILD ONBUILD RUN x\n"
      "ONBUILD FROM b\n");
  REQUIRE(p.df.instructions.size() == 9);
  const auto& onbuild = p.at(1);
  CHECK(onbuild.keyword == Keyword::onbuild);
  CHECK(onbuild.trigger == 2);
  CHECK_FALSE(onbuild.onbuild);
  const auto& run = p.at(2);
  CHECK(run.onbuild);
  CHECK(run.keyword == Keyword::run);
  CHECK(p.where(run.name_range) == "2:9-2:12");
  CHECK(p.where(run.line_range) == "2:9-3:10");
  REQUIRE(run.flags.size() == 1);
  CHECK(run.args == "make   install");
  CHECK(p.slice(run.pieces[0]) == "RUN --mount=type=cache,target=/c make ");
  CHECK(p.at(4).keyword == Keyword::copy);
  CHECK(p.at(4).words.size() == 2);
  CHECK(p.codes() == Codes{"DV013", "DV013"});
  CHECK(p.df.issues[0].message == "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
  CHECK(p.df.issues[1].message == "FROM isn't allowed as an ONBUILD trigger");
}
