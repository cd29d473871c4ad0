// Hostile input by size and depth: a 20 MB line, hundreds of thousands of lines, instructions
// and findings, and nesting far deeper than any real file. Each must finish with valid output;
// how fast is measured in bench/, not here. The sizes keep a Release run to seconds per case.

#include <catch2/catch.hpp>
#include <string>

#include "test_hostile_support.h"

using dockvet::FileKind;
using namespace dockvet::hostile;

namespace {

std::string repeat(const std::string& piece, std::size_t count) {
  std::string out;
  out.reserve(piece.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += piece;
  return out;
}

std::vector<nlohmann::json> binary_findings(const std::string& name, const std::string& text,
                                            bool sarif = true) {
  TempTree tree;
  write_good_neighbour(tree);
  tree.write(name, text);
  const auto report = lint_tree_with_binary(tree, 1, sarif);
  return json_findings_of(report, name);
}

constexpr std::size_t kLongLine = 20 * 1024 * 1024;

}  // namespace

TEST_CASE("hostile: a 20 MB line", "[hostile]") {
  const std::string dockerfile =
      "FROM alpine:3.20\nRUN echo " + std::string(kLongLine, 'a') + "\nFOO bar\n";
  const auto found = lint_text(FileKind::dockerfile, dockerfile);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV011");
  CHECK(start_of(found[0]) == "3:1");
  const auto binary = binary_findings("hostile.Dockerfile", dockerfile);
  REQUIRE(binary.size() == 1);
  CHECK(binary[0]["line"] == 3);

  const std::string script = "#!/bin/sh\necho " + std::string(kLongLine, 'a') + " 'open\n";
  const auto shell = lint_text(FileKind::shell, script);
  REQUIRE(shell.size() == 1);
  CHECK(shell[0].code == "DV020");
  CHECK(start_of(shell[0]) == "2:" + std::to_string(kLongLine + 7));
}

TEST_CASE("hostile: 500k continuation lines", "[hostile]") {
  const std::size_t lines = 500000;
  const std::string dockerfile =
      "FROM alpine:3.20\nRUN true" + repeat(" \\\n  && true", lines) + "\nFOO bar\n";
  const auto found = lint_text(FileKind::dockerfile, dockerfile);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV011");
  CHECK(start_of(found[0]) == std::to_string(lines + 3) + ":1");
  const auto binary = binary_findings("hostile.Dockerfile", dockerfile);
  REQUIRE(binary.size() == 1);
  CHECK(binary[0]["line"] == lines + 3);
}

TEST_CASE("hostile: 500k instructions", "[hostile]") {
  const std::size_t count = 500000;
  const std::string dockerfile = "FROM alpine:3.20\n" + repeat("ENV A=b\n", count) + "FOO bar\n";
  const auto found = lint_text(FileKind::dockerfile, dockerfile);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV011");
  CHECK(start_of(found[0]) == std::to_string(count + 2) + ":1");
  const auto binary = binary_findings("hostile.Dockerfile", dockerfile);
  REQUIRE(binary.size() == 1);
}

TEST_CASE("hostile: 200k findings in one file", "[hostile]") {
  const std::size_t count = 200000;
  const std::string dockerfile = "FROM alpine:3.20\n" + repeat("FOO bar\n", count);
  const auto found = lint_text(FileKind::dockerfile, dockerfile);
  REQUIRE(found.size() == count);
  CHECK(start_of(found.front()) == "2:1");
  CHECK(start_of(found.back()) == std::to_string(count + 1) + ":1");
  // SARIF of 200k results only repeats what the JSON run shows; JSON must parse and count.
  const auto binary = binary_findings("hostile.Dockerfile", dockerfile, false);
  REQUIRE(binary.size() == count);
  CHECK(binary.back()["line"] == count + 1);
}

TEST_CASE("hostile: 20k nested command substitutions", "[hostile]") {
  const std::size_t depth = 20000;
  const std::string nested = repeat("$(echo ", depth) + "x" + repeat(")", depth);
  const std::string script = "#!/bin/sh\necho " + nested + "\ndocker run -d postgres:17\n";
  const auto shell = lint_text(FileKind::shell, script);
  // The postgres line after the nesting is still read: its data sits in an anonymous volume.
  REQUIRE(with_code(shell, "DV102").size() == 1);
  CHECK(start_of(with_code(shell, "DV102")[0]) == "3:15");
  const auto shell_binary = binary_findings("hostile.sh", script);
  CHECK(shell_binary.size() == shell.size());

  const std::string unclosed = "#!/bin/sh\necho " + repeat("$(", depth) + "\n";
  const auto unclosed_found = lint_text(FileKind::shell, unclosed);
  REQUIRE(unclosed_found.size() == 1);
  CHECK(unclosed_found[0].code == "DV021");
  CHECK(start_of(unclosed_found[0]) == "2:6");
  CHECK(binary_findings("unclosed.sh", unclosed).size() == 1);

  const std::string dockerfile = "FROM alpine:3.20\nRUN echo " + nested + "\nFOO bar\n";
  const auto found = lint_text(FileKind::dockerfile, dockerfile);
  REQUIRE(with_code(found, "DV011").size() == 1);
  CHECK(start_of(with_code(found, "DV011")[0]) == "3:1");
  binary_findings("hostile.Dockerfile", dockerfile);
}

TEST_CASE("hostile: a [ nested 100k deep in exec-form CMD and VOLUME", "[hostile]") {
  const std::size_t depth = 100000;
  const std::string balanced = repeat("[", depth) + repeat("]", depth);
  const std::string open = repeat("[", depth);
  for (const std::string keyword : {"CMD", "VOLUME"}) {
    for (const std::string& argument : {balanced, open}) {
      INFO(keyword << " " << (argument == open ? "unclosed" : "balanced"));
      const std::string dockerfile =
          "FROM alpine:3.20\n" + keyword + " " + argument + "\nFOO bar\n";
      const auto found = lint_text(FileKind::dockerfile, dockerfile);
      REQUIRE(with_code(found, "DV011").size() == 1);
      CHECK(start_of(with_code(found, "DV011")[0]) == "3:1");
      const auto binary = binary_findings("hostile.Dockerfile", dockerfile);
      CHECK(binary.size() == found.size());
    }
  }
}

// DV120 and DV126 once walked the stage's instructions for every RUN: minutes for 50k RUNs.
TEST_CASE("hostile: 50k RUN instructions", "[hostile]") {
  const std::size_t count = 50000;
  const std::string dockerfile = "FROM alpine:3.20\n" + repeat("RUN true\n", count) + "FOO bar\n";
  const auto found = lint_text(FileKind::dockerfile, dockerfile);
  const auto unknown = with_code(found, "DV011");
  REQUIRE(unknown.size() == 1);
  CHECK(start_of(unknown[0]) == std::to_string(count + 2) + ":1");
  // Every RUN but the first follows a single-command RUN (DL3059), in one pass too.
  CHECK(with_code(found, "DL3059").size() == count - 1);
  CHECK(found.size() == count);
}

TEST_CASE("hostile: 20k RUNs that each write into a declared VOLUME", "[hostile]") {
  const std::size_t count = 20000;
  const std::string dockerfile =
      "FROM alpine:3.20\nVOLUME /data\n" + repeat("RUN touch /data/seed\n", count);
  const auto all = lint_text(FileKind::dockerfile, dockerfile);
  CHECK(with_code(all, "DL3059").size() == count - 1);
  const auto found = with_code(all, "DV126");
  REQUIRE(found.size() == count);
  CHECK(all.size() == 2 * count - 1);
  CHECK(start_of(found.front()) == "3:11");
  CHECK(start_of(found.back()) == std::to_string(count + 2) + ":11");
}

TEST_CASE("hostile: 50k heredocs that are never terminated", "[hostile]") {
  // Each heredoc searches the rest of the file for its terminator; past twice the file's
  // lines the search goes through an index of lines, so this stays linear.
  const std::size_t count = 50000;
  const std::string dockerfile = "FROM alpine:3.20\n" + repeat("RUN <<EOF\n", count);
  const auto found = lint_text(FileKind::dockerfile, dockerfile);
  REQUIRE(found.size() == count);
  CHECK(found.front().code == "DV012");
  CHECK(start_of(found.front()) == "2:5");
  CHECK(start_of(found.back()) == std::to_string(count + 1) + ":5");
}

TEST_CASE("hostile: heredocs found by reading lines and by the index agree", "[hostile]") {
  // Ten unterminated heredocs use up the line reads; the terminated ones after them are found
  // through the index, and each ends at its own terminator, not a later one.
  const std::string dockerfile = "FROM alpine:3.20\n" + repeat("RUN <<NEVER\n", 10) +
                                 repeat("RUN <<EOF\necho a\nEOF\n", 3) + "FOO bar\n";
  auto found = lint_text(FileKind::dockerfile, dockerfile);
  // The three one-command heredoc RUNs in a row are DL3059's; here only the syntax counts.
  CHECK(with_code(found, "DL3059").size() == 2);
  std::erase_if(found, [](const auto& d) { return d.code == "DL3059"; });
  REQUIRE(found.size() == 11);
  CHECK(found[9].code == "DV012");
  CHECK(start_of(found[9]) == "11:5");
  CHECK(found[10].code == "DV011");
  CHECK(start_of(found[10]) == "21:1");
}
