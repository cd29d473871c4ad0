#include <catch2/catch.hpp>
#include <cerrno>

#include "core/diagnostic.h"
#include "core/source.h"
#include "test_hostile_support.h"

using dockvet::LineIndex;
using dockvet::Position;

TEST_CASE("positions are 1-based lines and UTF-16 columns", "[core]") {
  const std::string text =
      "ab\nc\xC3\xA9"
      "d\n\xF0\x9F\x90\xB3x\n\xFFz";
  const LineIndex index(text);
  CHECK(index.line_count() == 4);
  CHECK(index.position(0) == Position{1, 1});
  CHECK(index.position(2) == Position{1, 3});  // the newline itself
  CHECK(index.position(3) == Position{2, 1});
  CHECK(index.position(6) == Position{2, 3});   // after c + é (2 bytes, 1 unit)
  CHECK(index.position(12) == Position{3, 3});  // after the whale: 4 bytes, 2 units
  CHECK(index.position(15) == Position{4, 2});  // an invalid byte counts one
  CHECK(index.position(text.size()) == Position{4, 3});
  CHECK(index.position(text.size() + 10) == Position{4, 3});
  CHECK(index.line_start(2) == 3);
  CHECK(index.line_end(2) == 7);
  CHECK(index.line_end(4) == text.size());
}

TEST_CASE("CRLF keeps the carriage return out of the next line", "[core]") {
  const std::string text = "FROM a\r\nRUN b\r\n";
  const LineIndex index(text);
  CHECK(index.position(8) == Position{2, 1});
  CHECK(index.position(12) == Position{2, 5});
}

TEST_CASE("quotable keeps short text and cuts long text on a character boundary", "[source]") {
  CHECK(dockvet::quotable("VOLUME /data") == "VOLUME /data");
  CHECK(dockvet::quotable(std::string(200, 'a')) == std::string(120, 'a') + "…");
  // "é" is two bytes; a cut inside it backs up to the character before.
  CHECK(dockvet::quotable("abé", 3) == "ab…");
  CHECK(dockvet::quotable("abé", 4) == "abé");
}

TEST_CASE("read_file reads every byte, or says why it could not", "[source]") {
  dockvet::hostile::TempTree tree;
  const std::string bytes = std::string("FROM alpine\r\n\0\xFF", 16) + std::string(100000, 'x');
  const auto whole = dockvet::read_file(tree.write("Dockerfile", bytes).string());
  CHECK(whole.error == 0);
  CHECK(whole.text == bytes);

  const auto empty = dockvet::read_file(tree.write("empty", "").string());
  CHECK(empty.error == 0);
  CHECK(empty.text.empty());

  CHECK(dockvet::read_file(tree.root.string()).error == EISDIR);
  CHECK(dockvet::read_file((tree.root / "missing").string()).error == ENOENT);

  // /proc files say their size is 0 and still have contents.
  const auto status = dockvet::read_file("/proc/self/status");
  CHECK(status.error == 0);
  CHECK(status.text.find("Name:") == 0);
}
