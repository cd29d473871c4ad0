// The syntax trees of RUN bodies that the ShellCheck rules walk: file offsets on continued and
// heredoc lines, the shell's dialect per stage, and one parse per file however many checks ask.

#include <catch2/catch.hpp>

#include "catalog/catalog.h"
#include "shell/syntax_tree.h"
#include "test_dockerfile_support.h"

namespace {

using dockvet::FileFacts;
using dockvet::dockerfile::testing::Parsed;
using dockvet::shell::Dialect;
using dockvet::shell::run_syntax_trees;

FileFacts facts_of(const Parsed& parsed) {
  return FileFacts{*parsed.file, &parsed.df, {}, {},
                   {},           {},         {}, dockvet::catalog::Catalog::builtin(),
                   nullptr,      nullptr};
}

// The first node of `type` in the tree, in pre-order.
dockvet::shell::SyntaxNode first_of(const dockvet::shell::SyntaxTree& tree, std::string_view type) {
  for (std::size_t i = 0; i < tree.size(); ++i) {
    if (tree.node(i).type() == type) return tree.node(i);
  }
  return {};
}

}  // namespace

TEST_CASE("a RUN body's nodes point at the file on continued lines", "[shell_syntax]") {
  const Parsed parsed("FROM debian:12.7\nRUN echo a \\\n# dropped\n    && cp $src /srv\n");
  const FileFacts facts = facts_of(parsed);
  const auto& trees = run_syntax_trees(facts);
  REQUIRE(trees.size() == 1);
  const auto expansion = first_of(trees[0], "simple_expansion");
  REQUIRE(expansion);
  CHECK(parsed.where(expansion.range()) == "4:11-4:15");
  CHECK(expansion.text() == "$src");
  CHECK(expansion.parent().type() == "command");
  CHECK(expansion.field() == "argument");
  CHECK(trees[0].root().type() == "program");
  // The comment line BuildKit drops is not in the visible text of the whole body.
  CHECK(trees[0].root().text().find("dropped") == std::string::npos);
}

TEST_CASE("the RUN bodies are parsed once per file", "[shell_syntax]") {
  const Parsed parsed("FROM debian:12.7\nRUN echo $a\nRUN echo $b\n");
  const FileFacts facts = facts_of(parsed);
  const auto& first = run_syntax_trees(facts);
  const auto& second = run_syntax_trees(facts);
  CHECK(&first == &second);
  CHECK(first.size() == 2);
}

TEST_CASE("each RUN's dialect follows SHELL, stages and #! lines", "[shell_syntax]") {
  const Parsed parsed(
      "SHELL [\"/bin/bash\", \"-c\"]\n"  // before any FROM: belongs to no stage
      "FROM debian:12.7 AS base\n"
      "RUN echo one\n"
      "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
      "RUN echo two\n"
      "FROM base\n"
      "RUN echo three\n"
      "FROM debian:12.7\n"
      "RUN <<EOF\n#!/usr/bin/env bash\necho four\nEOF\n"
      "RUN <<EOF\necho five\nEOF\n");
  const FileFacts facts = facts_of(parsed);
  const auto& trees = run_syntax_trees(facts);
  REQUIRE(trees.size() == 5);
  CHECK(trees[0].dialect() == Dialect::sh);
  CHECK(trees[1].dialect() == Dialect::bash);
  CHECK(trees[2].dialect() == Dialect::bash);  // inherited from the stage it builds on
  CHECK(trees[3].dialect() == Dialect::bash);
  CHECK(trees[4].dialect() == Dialect::sh);
  const auto echo = first_of(trees[3], "command");
  REQUIRE(echo);
  CHECK(parsed.where(echo.range()) == "11:1-11:10");
}

TEST_CASE("a hadolint shell pragma names the shell of the RUNs after it", "[shell_syntax]") {
  const Parsed parsed(
      "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
      "RUN echo before\n"
      "# hadolint shell=powershell\n"
      "RUN Write-Host $env:PATH\n"
      "FROM debian:12.7\n"
      "SHELL [\"/bin/sh\", \"-c\"]\n"
      "RUN echo own shell\n"
      "# hadolint shell = bash\n"
      "FROM debian:12.7\n"
      "RUN echo bash\n");
  const FileFacts facts = facts_of(parsed);
  const auto& trees = run_syntax_trees(facts);
  REQUIRE(trees.size() == 3);
  CHECK(trees[0].instruction() == 1);
  CHECK(trees[1].instruction() == 5);
  CHECK(trees[1].dialect() == Dialect::sh);
  CHECK(trees[2].dialect() == Dialect::bash);
}
