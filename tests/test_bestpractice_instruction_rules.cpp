// The helpers the instruction and stage rules share: variable references as BuildKit expands
// them, parts of words, base names and stage lineage.
#include <catch2/catch.hpp>

#include "bestpractice/instruction_rules.h"
#include "test_dockerfile_support.h"

using dockvet::bestpractice::variable_references;
using dockvet::dockerfile::testing::Parsed;

namespace {

std::vector<std::string> names(const dockvet::dockerfile::Token& word, char escape = '\\') {
  std::vector<std::string> out;
  for (const auto& reference : variable_references(word, escape)) {
    out.push_back(reference.name + "@" + std::to_string(reference.offset) + "+" +
                  std::to_string(reference.length));
  }
  return out;
}

}  // namespace

TEST_CASE("variable references are found as BuildKit expands them", "[bestpractice]") {
  const Parsed p(
      "FROM debian:12.7\n"
      "ENV A=\"$B/x\" C=${D:-/opt}/y E='$F' G=\\$H I=$J1_K.L M=$ N=${}\n");
  const auto& env = p.at(1);
  REQUIRE(env.pairs.size() == 7);
  CHECK(names(*env.pairs[0].value) == std::vector<std::string>{"B@1+2"});
  CHECK(names(*env.pairs[1].value) == std::vector<std::string>{"D@0+10"});
  CHECK(names(*env.pairs[2].value).empty());
  CHECK(names(*env.pairs[3].value).empty());
  CHECK(names(*env.pairs[4].value) == std::vector<std::string>{"J1_K@0+5"});
  CHECK(names(*env.pairs[5].value).empty());
  CHECK(names(*env.pairs[6].value).empty());
  // The part of a word on one line is exact.
  const auto& c = *env.pairs[1].value;
  CHECK(p.slice(dockvet::bestpractice::part_of(c, 0, 10)) == "${D:-/opt}");
}

TEST_CASE("a part of a word joined from continued lines falls back to the whole word",
          "[bestpractice]") {
  const Parsed p("FROM debian:12.7\nENV A=x\\\ny$B\n");
  const auto& value = *p.at(1).pairs[0].value;
  CHECK(dockvet::bestpractice::part_of(value, 2, 2) == value.range);
}

TEST_CASE("base names take either separator and drop quotes", "[bestpractice]") {
  using dockvet::bestpractice::base_name;
  CHECK(base_name("/usr/src/app.tar") == "app.tar");
  CHECK(base_name("\"C:\\Program Files\\foo.tar.gz\"") == "foo.tar.gz");
  CHECK(base_name("plain") == "plain");
  CHECK(base_name("dir/").empty());
}

TEST_CASE("a stage's lineage follows FROM <stage> back to an image", "[bestpractice]") {
  const Parsed p(
      "FROM debian:12.7 AS base\n"
      "FROM alpine:3.20 AS other\n"
      "FROM base AS middle\n"
      "FROM middle\n");
  CHECK(dockvet::bestpractice::stage_lineage(p.df, 3) == std::vector<int>{3, 2, 0});
  CHECK(dockvet::bestpractice::stage_lineage(p.df, 1) == std::vector<int>{1});
  CHECK(dockvet::bestpractice::stage_lineage(p.df, -1).empty());
}

TEST_CASE("words before the first FROM are read with BuildKit's quote removal", "[bestpractice]") {
  const Parsed p(
      "COPY a \"/usr/local/bin/b c\" 'd'\\\"e $HOME\n"
      "FROM debian:12.7\n"
      "ARG DIR\n"
      "COPY a \"$DIR\" /srv/\n");
  using dockvet::bestpractice::known_value;
  const auto& before = p.at(0);
  // BuildKit splits COPY's words at whitespace, quoted or not: "/usr/local/bin/b c" is two.
  REQUIRE(before.words.size() == 5);
  CHECK(known_value(before.words[1]) == "/usr/local/bin/b");
  CHECK(known_value(before.words[3]) == "d\"e");
  // No base image's environment applies before the first FROM: an unset variable is empty.
  CHECK(known_value(before.words[4]) == "");
  const auto& in_stage = p.at(3);
  CHECK_FALSE(known_value(in_stage.words[1]).has_value());
  CHECK(known_value(in_stage.words[2]) == "/srv/");
}
