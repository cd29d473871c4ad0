// shell_regions(): the bytes of each shell-form RUN that bash should parse.
#include <catch2/catch.hpp>

#include "test_dockerfile_support.h"

using dockvet::ByteRange;
using dockvet::dockerfile::shell_regions;
using dockvet::dockerfile::testing::Parsed;
using Texts = std::vector<std::string>;

TEST_CASE("a continued RUN is one region without its comment lines", "[dockerfile]") {
  const Parsed p(
      "FROM debian\n"
      "RUN --mount=type=cache,target=/var/cache/apt apt-get update \\\n"
      "    # refresh first\n"
      "    && apt-get install -y \\\n"
      "\n"
      "       curl\n");
  const auto regions = shell_regions(p.df);
  REQUIRE(regions.size() == 1);
  CHECK(regions[0].instruction == 1);
  CHECK(p.region_texts() == Texts{"apt-get update     && apt-get install -y        curl"});
  REQUIRE(regions[0].ranges.size() == 3);
  CHECK(p.where(regions[0].ranges[0]) == "2:46-2:61");
  CHECK(p.where(regions[0].ranges[1]) == "4:1-4:27");
  CHECK(p.where(regions[0].ranges[2]) == "6:1-6:12");
}

TEST_CASE("exec-form RUN, CMD and empty RUN give no region; ONBUILD RUN does", "[dockerfile]") {
  const Parsed p(
      "FROM a\n"
      "RUN [\"apt-get\", \"update\"]\n"
      "CMD echo hi\n"
      "ONBUILD RUN make install\n"
      "RUN echo done\n");
  const auto regions = shell_regions(p.df);
  REQUIRE(regions.size() == 2);
  CHECK(regions[0].instruction == 4);
  CHECK(regions[1].instruction == 5);
  CHECK(p.region_texts() == Texts{"make install", "echo done"});
}

TEST_CASE("a RUN that is only a heredoc gives its body as the script", "[dockerfile]") {
  const Parsed p(
      "FROM a\n"
      "RUN <<EOF\n"
      "set -eux\n"
      "apt-get update\n"
      "EOF\n"
      "RUN <<EOF\n"
      "#!/usr/bin/env python3\n"
      "print('hi')\n"
      "EOF\n"
      "RUN <<EOF\n"
      "#!/bin/bash\n"
      "echo bash\n"
      "EOF\n");
  const auto regions = shell_regions(p.df);
  REQUIRE(regions.size() == 2);
  CHECK(regions[0].instruction == 1);
  CHECK(p.where(regions[0].ranges[0]) == "3:1-5:1");
  CHECK(regions[1].instruction == 3);
  CHECK(p.region_texts() == Texts{"set -eux\napt-get update\n", "#!/bin/bash\necho bash\n"});
}

TEST_CASE("a heredoc fed to a command is passed to bash with its delimiter", "[dockerfile]") {
  const Parsed p(
      "FROM a\n"
      "RUN cat <<'CONF' > /etc/app.conf && \\\n"
      "    chmod 600 /etc/app.conf\n"
      "listen=$PORT\n"
      "CONF\n"
      "USER app\n");
  CHECK(p.region_texts() ==
        Texts{"cat <<'CONF' > /etc/app.conf &&     chmod 600 /etc/app.conf\nlisten=$PORT\nCONF\n"});
}

TEST_CASE("CRLF and a backtick escape: bash sees the joined line", "[dockerfile]") {
  const Parsed crlf("FROM a\r\nRUN echo a \\\r\n  && echo b\r\n");
  CHECK(crlf.region_texts() == Texts{"echo a   && echo b"});
  const Parsed crlf_heredoc("FROM a\r\nRUN cat <<EOF\r\nx\r\nEOF\r\n");
  CHECK(crlf_heredoc.region_texts() == Texts{"cat <<EOF\nx\nEOF\n"});
}

TEST_CASE("RUNs for a non-POSIX shell give no region", "[dockerfile]") {
  // A backtick escape marks a Windows image, whose default shell is cmd.
  const Parsed windows("# escape=`\nFROM a\nRUN dir C:\\ `\n  /s\n");
  CHECK(windows.region_texts().empty());
  const Parsed bash_on_windows(
      "# escape=`\nFROM a\nSHELL [\"bash\", \"-c\"]\nRUN echo `\n  $(date) `\n  done\n");
  CHECK(bash_on_windows.region_texts() == Texts{"echo   $(date)   done"});
  const Parsed powershell(
      "FROM a AS base\n"
      "RUN echo posix\n"
      "SHELL [\"pwsh\", \"-Command\"]\n"
      "RUN Write-Host hi\n"
      "FROM base\n"
      "RUN Write-Host inherited\n"
      "FROM b\n"
      "RUN echo fresh\n");
  CHECK(powershell.region_texts() == Texts{"echo posix", "echo fresh"});
}
