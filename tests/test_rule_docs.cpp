// Every rule documents itself completely, and the committed pages in docs/rules/ are exactly what
// its metadata generates (regenerate with `cmake --build build --target docs`).

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/check.h"
#include "report/report.h"

TEST_CASE("every rule has complete metadata and a unique code and name", "[docs]") {
  std::set<std::string_view> codes;
  std::set<std::string_view> names;
  for (const auto& check : dockvet::Registry::instance().checks()) {
    const dockvet::CheckMeta& meta = check->meta();
    INFO(meta.code);
    CHECK(codes.insert(meta.code).second);
    CHECK(names.insert(meta.name).second);
    CHECK(meta.code.size() >= 5);
    CHECK(meta.name.find(' ') == std::string_view::npos);
    CHECK_FALSE(meta.summary.empty());
    CHECK_FALSE(meta.rationale.empty());
    CHECK_FALSE(meta.bad_example.empty());
    CHECK_FALSE(meta.good_example.empty());
    CHECK_FALSE(meta.fix.empty());
  }
  CHECK(codes.size() > 10);
}

TEST_CASE("docs/rules holds the page each rule's metadata generates", "[docs]") {
  const auto directory = std::filesystem::path(DOCKVET_SOURCE_DIR) / "docs" / "rules";
  std::set<std::string> expected_files;
  for (const auto& check : dockvet::Registry::instance().checks()) {
    const std::string name = std::string(check->meta().code) + ".md";
    expected_files.insert(name);
    std::ifstream in(directory / name, std::ios::binary);
    INFO("docs/rules/" << name << " is missing or stale: run `cmake --build build --target docs`");
    REQUIRE(in.good());
    const std::string committed((std::istreambuf_iterator<char>(in)), {});
    CHECK(committed == dockvet::report::rule_page(check->meta()));
  }
  {
    expected_files.insert("README.md");
    std::ifstream in(directory / "README.md", std::ios::binary);
    INFO("docs/rules/README.md is missing or stale: run `cmake --build build --target docs`");
    REQUIRE(in.good());
    const std::string committed((std::istreambuf_iterator<char>(in)), {});
    CHECK(committed == dockvet::report::rule_index(dockvet::Registry::instance().checks()));
  }
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    INFO("docs/rules/" << entry.path().filename().string() << " documents no rule");
    CHECK(expected_files.count(entry.path().filename().string()) == 1);
  }
}
