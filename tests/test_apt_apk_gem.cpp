// The questions the apt-get, apk and gem rules share: subcommands behind options, apt's `-o`
// settings, cache mounts above a directory, and `rm` of a directory's contents.

#include <catch2/catch.hpp>
#include <set>

#include "bestpractice/apt_apk_gem.h"
#include "core/engine.h"
#include "dockerfile/dockerfile.h"
#include "test_shell_support.h"

using dockvet::shell_test::parse_text;
namespace bestpractice = dockvet::bestpractice;

namespace {

dockvet::CommandLine command_of(const std::string& text) {
  auto parsed = parse_text(text + "\n");
  REQUIRE(parsed.commands.size() == 1);
  return parsed.commands.front();
}

// The first RUN of a one-stage Dockerfile.
bool run_mounts_cache_over(const std::string& run, std::string_view path) {
  const dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile,
                                 "FROM debian:12.7\n" + run + "\n");
  const auto dockerfile = dockvet::dockerfile::parse(file);
  REQUIRE(dockerfile.instructions.size() == 2);
  return bestpractice::mounts_cache_over(dockerfile.instructions[1], path);
}

}  // namespace

TEST_CASE("the subcommand is the first operand, past options and their values", "[bestpractice]") {
  const auto install = command_of("apt-get -t bookworm-backports -o Opt=1 -y install curl");
  const auto* word = bestpractice::apt_get_subcommand(install, {"install"});
  REQUIRE(word != nullptr);
  CHECK(word->text() == "install");
  CHECK(bestpractice::apt_get_subcommand(install, {"update"}) == nullptr);
  CHECK(bestpractice::apt_get_subcommand(command_of("apt install curl"), {"install"}) == nullptr);
  CHECK(bestpractice::apk_subcommand(command_of("apk --no-cache -X https://r add jq"), {"add"}) !=
        nullptr);
}

TEST_CASE("apt's -o settings in every spelling, names without case", "[bestpractice]") {
  const auto command = command_of(
      "apt-get -o APT::Install-Recommends=0 -oAPT::Get::Assume-Yes=true "
      "--option=Dpkg::Use-Pty=0 --option Acquire::Retries=3 install x");
  const auto settings = bestpractice::apt_config_options(command);
  REQUIRE(settings.size() == 4);
  CHECK(settings[0] == std::pair<std::string, std::string>{"apt::install-recommends", "0"});
  CHECK(settings[1] == std::pair<std::string, std::string>{"apt::get::assume-yes", "true"});
  CHECK(settings[2].first == "dpkg::use-pty");
  CHECK(settings[3] == std::pair<std::string, std::string>{"acquire::retries", "3"});
  CHECK(bestpractice::apt_false("False"));
  CHECK(bestpractice::apt_false("off"));
  CHECK_FALSE(bestpractice::apt_false("true"));
  CHECK(bestpractice::apt_true("YES"));
}

TEST_CASE("a cache or tmpfs mount covers its target and everything below", "[bestpractice]") {
  constexpr std::string_view lists = "/var/lib/apt/lists";
  CHECK(run_mounts_cache_over("RUN --mount=type=cache,target=/var/lib/apt/lists x", lists));
  CHECK(run_mounts_cache_over("RUN --mount=type=tmpfs,dst=/var/lib/apt/ x", lists));
  CHECK(run_mounts_cache_over("RUN --mount=target=/var/lib,type=cache,sharing=locked x", lists));
  CHECK_FALSE(run_mounts_cache_over("RUN --mount=type=cache,target=/var/cache/apt x", lists));
  CHECK_FALSE(run_mounts_cache_over("RUN --mount=type=cache,target=/var/lib/apt/lists2 x", lists));
  // A bind mount (the default type) is read-only: nothing is written through it.
  CHECK_FALSE(run_mounts_cache_over("RUN --mount=target=/var/lib/apt/lists x", lists));
}

TEST_CASE("rm of a directory, its contents or a directory above it", "[bestpractice]") {
  constexpr std::string_view lists = "/var/lib/apt/lists";
  CHECK(bestpractice::removes_contents_of(command_of("rm -rf /var/lib/apt/lists/*"), lists));
  CHECK(bestpractice::removes_contents_of(command_of("rm -r -f /var/lib/apt/lists/"), lists));
  CHECK(bestpractice::removes_contents_of(command_of("/bin/rm -fr /var/lib/apt/*"), lists));
  CHECK_FALSE(
      bestpractice::removes_contents_of(command_of("rm -rf /var/lib/apt/lists/partial"), lists));
  CHECK_FALSE(bestpractice::removes_contents_of(command_of("rm -rf /var/cache/apt/*"), lists));
  CHECK_FALSE(bestpractice::removes_contents_of(command_of("ls /var/lib/apt/lists/*"), lists));
}

TEST_CASE(
    "each apt-get, apk and gem rule's bad example fires only that rule, its good example "
    "nothing",
    "[bestpractice]") {
  for (const std::string code :
       {"DL3008", "DL3009", "DL3014", "DL3015", "DL3018", "DL3019", "DL3027", "DL3028"}) {
    INFO(code);
    const dockvet::Check* check = dockvet::Registry::instance().find(code);
    REQUIRE(check != nullptr);
    auto codes = [](std::string_view text) {
      dockvet::SourceFile file("Dockerfile", dockvet::FileKind::dockerfile, std::string(text));
      std::set<std::string> out;
      for (const auto& d : dockvet::lint_source(file, dockvet::LintPolicy{}).diagnostics) {
        out.insert(d.code);
      }
      return out;
    };
    CHECK(codes(check->meta().bad_example) == std::set<std::string>{code});
    CHECK(codes(check->meta().good_example).empty());
  }
}
