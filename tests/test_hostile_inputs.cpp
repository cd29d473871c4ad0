// Hostile input: files a linter meets by accident or by malice (empty, binary, huge, deeply
// nested, unterminated). Each is linted to the end, in memory and by the binary beside a good
// file whose finding must still be reported, and every report stays valid JSON and SARIF.

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "test_hostile_support.h"

using dockvet::FileKind;
using namespace dockvet::hostile;

namespace {

// Lints `text` as `name` beside the good neighbour with the binary and returns the JSON findings
// of the hostile file.
std::vector<nlohmann::json> binary_findings(const std::string& name, const std::string& text,
                                            bool sarif = true) {
  TempTree tree;
  write_good_neighbour(tree);
  tree.write(name, text);
  const auto report = lint_tree_with_binary(tree, 1, sarif);
  return json_findings_of(report, name);
}

}  // namespace

TEST_CASE("hostile: empty files and a BOM alone", "[hostile]") {
  for (const std::string text : {"", "\xEF\xBB\xBF"}) {
    INFO("text size " << text.size());
    const auto dockerfile = lint_text(FileKind::dockerfile, text);
    REQUIRE(dockerfile.size() == 1);
    CHECK(dockerfile[0].code == "DV015");
    CHECK(lint_text(FileKind::shell, text).empty());
    CHECK(lint_text(FileKind::markdown, text).empty());

    const auto found = binary_findings("hostile.Dockerfile", text);
    REQUIRE(found.size() == 1);
    CHECK(found[0]["code"] == "DV015");
    CHECK(binary_findings("hostile.sh", text).empty());
  }
}

TEST_CASE("hostile: CRLF line endings", "[hostile]") {
  const std::string dockerfile =
      "FROM alpine:3.20\r\nRUN apk add --no-cache \\\r\n    curl=8.9.1-r2\r\nFOO bar\r\nCMD "
      "[\"a\"]\r\n";
  const auto found = lint_text(FileKind::dockerfile, dockerfile);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == "DV011");
  CHECK(start_of(found[0]) == "4:1");
  CHECK(found[0].message == "unknown instruction: FOO");
  const auto binary = binary_findings("hostile.Dockerfile", dockerfile);
  REQUIRE(binary.size() == 1);
  CHECK(binary[0]["line"] == 4);

  const std::string script = "#!/bin/sh\r\nset -e\r\necho \"unclosed\r\n";
  const auto shell = lint_text(FileKind::shell, script);
  REQUIRE(shell.size() == 1);
  CHECK(shell[0].code == "DV020");
  CHECK(start_of(shell[0]) == "3:6");
  const auto shell_binary = binary_findings("hostile.sh", script);
  REQUIRE(shell_binary.size() == 1);
  CHECK(shell_binary[0]["code"] == "DV020");
}

TEST_CASE("hostile: binary data and NUL bytes", "[hostile]") {
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>((i * 131 + 7) % 256));
  const std::string nul_in_text = std::string("FROM alpine\nRUN echo a") + '\0' + "b\n";
  for (const auto& [kind, name] :
       {std::pair{FileKind::dockerfile, "hostile.Dockerfile"},
        std::pair{FileKind::shell, "hostile.sh"}, std::pair{FileKind::markdown, "hostile.md"}}) {
    for (const std::string& text : {binary, nul_in_text}) {
      INFO(name << " size " << text.size());
      const auto found = lint_text(kind, text);
      REQUIRE(found.size() == 1);
      CHECK(found[0].code == "DV001");
      CHECK(found[0].message == "this file holds binary data (a NUL byte), so it was not linted");
      const auto binary_found = binary_findings(name, text);
      REQUIRE(binary_found.size() == 1);
      CHECK(binary_found[0]["code"] == "DV001");
      CHECK(binary_found[0]["line"] == 1);
    }
  }
}

TEST_CASE("hostile: invalid UTF-8", "[hostile]") {
  const std::string bad = "\xC3\x28\xFF\xED\xA0\x80\xF8\x88\x80\x80\x80";
  const std::vector<std::tuple<FileKind, std::string, std::string, std::string>> cases = {
      {FileKind::dockerfile, "hostile.Dockerfile", "FROM alpine\nLABEL a=\"" + bad + "\"\n",
       "2:10"},
      {FileKind::shell, "hostile.sh", "#!/bin/sh\necho '" + bad + "'\n", "2:7"},
      {FileKind::markdown, "hostile.md", "# T\n\n```sh\necho " + bad + "\n```\n", "4:6"},
  };
  for (const auto& [kind, name, text, where] : cases) {
    INFO(name);
    const auto found = with_code(lint_text(kind, text), "DV002");
    REQUIRE(found.size() == 1);
    CHECK(start_of(found[0]) == where);
    // The report is valid JSON, so valid UTF-8, whatever bytes the input held.
    const auto binary_found = binary_findings(name, text);
    CHECK(std::count_if(binary_found.begin(), binary_found.end(),
                        [](const auto& finding) { return finding["code"] == "DV002"; }) == 1);
  }
}
