// The pieces the pip, npm, yarn and go rules share: which commands run `pip install`, cache
// mounts over a package manager's cache folder, and which stages ship their layers.

#include <catch2/catch.hpp>

#include "bestpractice/language_packages.h"
#include "test_dockerfile_support.h"
#include "test_shell_support.h"

using dockvet::shell_test::parse_text;
namespace language_packages = dockvet::language_packages;

namespace {

// "pip" or "pipx" and pip's own words, or "-" when the command is not an install.
std::string pip_reading(const std::string& line) {
  auto parsed = parse_text(line + "\n");
  REQUIRE(parsed.commands.size() == 1);
  const auto install = language_packages::pip_install(parsed.commands[0]);
  if (!install) return "-";
  std::string out = install->tool == language_packages::PipTool::pip ? "pip:" : "pipx:";
  for (const auto& word : install->command.words) out += " " + word.text();
  return out;
}

}  // namespace

TEST_CASE("pip install is found behind every name pip runs under", "[language_packages]") {
  CHECK(pip_reading("pip install flask") == "pip: pip install flask");
  CHECK(pip_reading("/usr/local/bin/pip3.12 install -U flask") ==
        "pip: /usr/local/bin/pip3.12 install -U flask");
  CHECK(pip_reading("python3 -m pip install flask") == "pip: pip install flask");
  CHECK(pip_reading("python -u -mpip install flask") == "pip: -mpip install flask");
  CHECK(pip_reading("python3 -m pipx install black") == "pipx: pipx install black");
  CHECK(pip_reading("pipx install black") == "pipx: pipx install black");
  // General options before the subcommand, with their values.
  CHECK(pip_reading("pip --cache-dir /tmp/c install flask") ==
        "pip: pip --cache-dir /tmp/c install flask");
}

TEST_CASE("commands that are not pip install are left alone", "[language_packages]") {
  CHECK(pip_reading("pipenv install black") == "-");
  CHECK(pip_reading("pip-compile requirements.in") == "-");
  CHECK(pip_reading("pip uninstall -y flask") == "-");
  CHECK(pip_reading("pip download install") == "-");
  CHECK(pip_reading("python -c 'import pip' install") == "-");
  CHECK(pip_reading("python setup.py install") == "-");
  CHECK(pip_reading("python3 -m venv install") == "-");
}

TEST_CASE("a cache or tmpfs mount over a cache folder keeps the cache out", "[language_packages]") {
  const dockvet::dockerfile::testing::Parsed parsed(
      "FROM python:3.12.7-slim\n"
      "RUN --mount=type=cache,target=/root/.cache/pip pip install flask\n"
      "RUN --mount=type=tmpfs,dst=/root/.cache/pip pip install flask\n"
      "RUN --mount=type=bind,target=/root/.cache/pip pip install flask\n"
      "RUN --mount=type=cache,target=/pip pip install --cache-dir /pip flask\n"
      "RUN --mount=target=/root/.cache/pip,type=cache pip install flask\n");
  CHECK(language_packages::mounts_cache_over(parsed.at(1), {".cache/pip"}));
  CHECK(language_packages::mounts_cache_over(parsed.at(2), {".cache/pip"}));
  CHECK_FALSE(language_packages::mounts_cache_over(parsed.at(3), {".cache/pip"}));  // a bind mount
  CHECK_FALSE(language_packages::mounts_cache_over(parsed.at(4), {".cache/pip"}));
  CHECK(language_packages::mounts_cache_over(parsed.at(4), {".cache/pip"}, "/pip"));
  CHECK(language_packages::mounts_cache_over(parsed.at(5), {".cache/pip"}));
}

TEST_CASE("the last stage, the bases of other stages and triggers ship their layers",
          "[language_packages]") {
  const dockvet::dockerfile::testing::Parsed parsed(
      "FROM node:20.18.0 AS deps\n"   // 0
      "RUN yarn install\n"            // 1
      "FROM node:20.18.0 AS base\n"   // 2
      "RUN yarn install\n"            // 3
      "ONBUILD RUN yarn install\n"    // 4, 5
      "FROM base\n"                   // 6
      "COPY --from=deps /app /app\n"  // 7
      "RUN yarn install\n");          // 8
  const auto& df = parsed.df;
  CHECK_FALSE(language_packages::layers_ship(df, parsed.at(1)));  // only copied from
  CHECK(language_packages::layers_ship(df, parsed.at(3)));
  CHECK(parsed.at(5).onbuild);
  CHECK(language_packages::layers_ship(df, parsed.at(5)));
  CHECK(language_packages::layers_ship(df, parsed.at(8)));
}
