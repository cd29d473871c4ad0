// Fixes: each rule's fix round-trips (the text before, the text after, and the rule silent on
// the result), the fixer applies what does not overlap and never introduces a finding, the
// diff is what --fix writes, and the CLI's --fix, --diff and --unsafe-fixes on real files.

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "core/check.h"
#include "core/engine.h"
#include "fix/fixer.h"

namespace fs = std::filesystem;
using dockvet::Diagnostic;
using dockvet::FileKind;
using dockvet::Fix;
using dockvet::FixAvailability;
using dockvet::LintPolicy;
using dockvet::Registry;
using dockvet::SourceFile;

namespace {

std::vector<Diagnostic> lint(const std::string& text, FileKind kind = FileKind::dockerfile) {
  const SourceFile file("Dockerfile", kind, text);
  return dockvet::lint_source(file, LintPolicy{}).diagnostics;
}

std::vector<Diagnostic> of_code(const std::vector<Diagnostic>& all, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : all) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

struct RoundTrip {
  std::string code;
  std::string before;
  std::string after;
  bool safe;
  FileKind kind = FileKind::dockerfile;
};

// Applies the fixes of `code`'s findings alone and returns the text.
std::string fixed_by(const RoundTrip& trip) {
  const auto found = of_code(lint(trip.before, trip.kind), trip.code);
  REQUIRE_FALSE(found.empty());
  std::vector<const Fix*> fixes;
  for (const Diagnostic& d : found) {
    REQUIRE(d.fix);
    CHECK(d.fix->safe == trip.safe);
    fixes.push_back(&*d.fix);
  }
  return dockvet::fix::apply_fixes(trip.before, fixes).text;
}

}  // namespace

TEST_CASE("every fix round-trips: before, after, and its rule is silent on the result", "[fix]") {
  const std::vector<RoundTrip> trips = {
      {"DL3020", "FROM nginx:1.27\nADD nginx.conf /etc/nginx/nginx.conf\n",
       "FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n", true},
      {"DL3015", "FROM debian:12.7\nRUN apt-get install -y curl=7.88.1-10+deb12u8\n",
       "FROM debian:12.7\nRUN apt-get install --no-install-recommends -y curl=7.88.1-10+deb12u8\n",
       false},
      {"DL3019", "FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\n",
       "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n", true},
      {"DL3019", "FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\nRUN apk upgrade\n",
       "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\nRUN apk upgrade\n", false},
      {"DL3009",
       "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends "
       "curl=7.88.1-10+deb12u8\n",
       "FROM debian:12.7\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends "
       "curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n",
       true},
      {"DL3009",
       "FROM debian:12.7\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends "
       "curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n",
       "FROM debian:12.7\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nRUN apt-get install "
       "-y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*\n",
       false},
      {"DL4000", "FROM debian:12.7\nMAINTAINER Jane Doe <jane@example.com>\n",
       "FROM debian:12.7\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n",
       true},
      {"BK001", "FROM debian:12.7\nRUN true\nrun true\nWORKDIR /app\n",
       "FROM debian:12.7\nRUN true\nRUN true\nWORKDIR /app\n", true},
      {"BK011", "FROM debian:12.7\nENV PATH /opt/bin:/usr/bin\n",
       "FROM debian:12.7\nENV PATH=/opt/bin:/usr/bin\n", true},
      {"BK018", "FROM debian:12.7 AS Build\n", "FROM debian:12.7 AS build\n", true},
      {"DV120", "FROM debian:12.7\nRUN apt-get install -y postgresql\n",
       "FROM debian:12.7\nRUN apt-get install -y postgresql\nVOLUME /var/lib/postgresql\n", false},
      {"DV101", "docker run -d elasticsearch:8.15.0\n",
       "docker run -d -v esdata:/usr/share/elasticsearch/data elasticsearch:8.15.0\n", false,
       FileKind::shell},
      {"DV102", "docker run -d postgres:17\n",
       "docker run -d -v pgdata:/var/lib/postgresql/data postgres:17\n", false, FileKind::shell},
      {"DV102", "docker run -d -v /var/lib/postgresql/data postgres:17\n",
       "docker run -d -v pgdata:/var/lib/postgresql/data postgres:17\n", false, FileKind::shell},
  };
  for (const RoundTrip& trip : trips) {
    INFO(trip.code << " on:\n" << trip.before);
    const std::string after = fixed_by(trip);
    CHECK(after == trip.after);
    CHECK(of_code(lint(after, trip.kind), trip.code).empty());
  }
}

TEST_CASE("fixes are left out where the edit is not certain", "[fix]") {
  const std::vector<std::pair<std::string, std::string>> uncertain = {
      // Exec form: the words are JSON strings.
      {"DL3015", "FROM debian:12.7\nRUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n"},
      {"DL3019", "FROM alpine:3.20\nRUN [\"apk\", \"add\", \"curl\"]\n"},
      // A trailing comment, a `;`, a heredoc, a closing quote: no certain end to append to.
      {"DL3009", "FROM debian:12.7\nRUN apt-get update && apt-get install -y x # note\n"},
      {"DL3009", "FROM debian:12.7\nRUN apt-get update && apt-get install -y x;\n"},
      {"DL3009", "FROM debian:12.7\nRUN <<EOF\napt-get update\napt-get install -y x\nEOF\n"},
      {"DL3009", "FROM debian:12.7\nRUN if true; then apt-get update; fi\n"},
  };
  for (const auto& [code, text] : uncertain) {
    INFO(code << " on:\n" << text);
    const auto found = of_code(lint(text), code);
    REQUIRE(found.size() == 1);
    CHECK_FALSE(found[0].fix);
  }
}

TEST_CASE("a check's findings carry only the fixes its metadata announces", "[fix]") {
  // Every fix the corpus draws out, held to its rule's FixAvailability, so that rule pages
  // cannot promise a safe fix the rule does not give, or hide one it gives.
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(DOCKVET_SOURCE_DIR) / "corpus")) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    const auto targets = dockvet::discover({entry.path().string()}, std::nullopt).targets;
    for (const auto& target : targets) {
      for (const Diagnostic& d : dockvet::lint_target(target, LintPolicy{}).diagnostics) {
        if (!d.fix) continue;
        const dockvet::Check* check = Registry::instance().find(d.code);
        REQUIRE(check != nullptr);
        INFO(d.code << " at " << d.file << ":" << d.start.line);
        const FixAvailability fixes = check->meta().fixes;
        CHECK(fixes != FixAvailability::none);
        if (fixes == FixAvailability::safe) CHECK(d.fix->safe);
        if (fixes == FixAvailability::unsafe) CHECK_FALSE(d.fix->safe);
        CHECK_FALSE(d.fix->edits.empty());
      }
    }
  }
}

TEST_CASE("apply_fixes takes each fix whole and leaves out those that overlap", "[fix]") {
  Fix first = Fix::replace("a", {0, 3}, "ABC");
  Fix overlapping = Fix::replace("b", {2, 5}, "xx");
  Fix same_insertion_a = Fix::replace("c", {6, 6}, "1");
  Fix same_insertion_b = Fix::replace("d", {6, 6}, "2");
  Fix two_edits;
  two_edits.edits = {{{8, 9}, "H", {}, {}}, {{4, 4}, "-", {}, {}}};
  const std::vector<const Fix*> fixes = {&first, &overlapping, &same_insertion_a, &same_insertion_b,
                                         &two_edits};
  const auto applied = dockvet::fix::apply_fixes("abcdefghi", fixes);
  CHECK(applied.taken == std::vector<std::size_t>{0, 2, 4});
  CHECK(applied.text == "ABCd-ef1ghH");
}

TEST_CASE("fix_source applies what overlapped in a later pass and reports what is left", "[fix]") {
  // BK001 (casing) and DL4000 (MAINTAINER) both edit the `maintainer` keyword: the first pass
  // takes one, the second the other.
  const SourceFile file("Dockerfile", FileKind::dockerfile,
                        "FROM debian:12.7\nmaintainer jane@example.com\nRUN true\nRUN true\n");
  const auto fixed = dockvet::fix::fix_source(file, LintPolicy{}, {});
  CHECK(fixed.text ==
        "FROM debian:12.7\nLABEL org.opencontainers.image.authors=\"jane@example.com\"\nRUN "
        "true\nRUN true\n");
  CHECK(fixed.converged);
  CHECK(fixed.fixes >= 1);
  for (const Diagnostic& d : fixed.remaining) CHECK_FALSE((d.fix && d.fix->safe));
}

TEST_CASE("fix_source leaves unsafe fixes alone unless asked", "[fix]") {
  const SourceFile file("run.sh", FileKind::shell, "docker run -d postgres:17\n");
  CHECK(dockvet::fix::fix_source(file, LintPolicy{}, {}).text == file.text);
  const auto fixed = dockvet::fix::fix_source(file, LintPolicy{}, {true, false});
  CHECK(fixed.text == "docker run -d -v pgdata:/var/lib/postgresql/data postgres:17\n");
  CHECK(of_code(fixed.remaining, "DV101").empty());
}

TEST_CASE("unified_diff: hunks with context, merged when close, and no final newline", "[fix]") {
  CHECK(dockvet::fix::unified_diff("f", "same\n", "same\n").empty());
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    after += (i == 2 || i == 5 ? "x" : std::to_string(i)) + "\n";
  }
  after += "21\n";
  CHECK(dockvet::fix::unified_diff("f", before, after) ==
        "--- f\n+++ f\n"
        "@@ -1,8 +1,8 @@\n 1\n-2\n+x\n 3\n 4\n-5\n+x\n 6\n 7\n 8\n"
        "@@ -18,3 +18,4 @@\n 18\n 19\n 20\n+21\n");
  CHECK(dockvet::fix::unified_diff("f", "a", "b\n") ==
        "--- f\n+++ f\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n");
  CHECK(dockvet::fix::unified_diff("f", "", "a\n") == "--- f\n+++ f\n@@ -0,0 +1,1 @@\n+a\n");
}

namespace {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

Outcome run_dockvet(const std::string& arguments, const fs::path& directory) {
  const fs::path err_file =
      fs::temp_directory_path() / ("dockvet-fix-err-" + std::to_string(::getpid()));
  const std::string command = "cd '" + directory.string() + "' && NO_COLOR=1 '" + DOCKVET_BINARY +
                              "' " + arguments + " 2>'" + err_file.string() + "'";
  Outcome outcome;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    outcome.out.append(buffer, n);
  const int status = ::pclose(pipe);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  outcome.err.assign(std::istreambuf_iterator<char>(err), {});
  fs::remove(err_file);
  return outcome;
}

struct Scratch {
  fs::path root;
  Scratch() {
    root = fs::temp_directory_path() / ("dockvet-fix-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(root);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((root / name).parent_path());
    std::ofstream(root / name, std::ios::binary) << text;
  }
  std::string read(const std::string& name) const {
    std::ifstream in(root / name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
};

const std::string kFixable = "FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\n";
const std::string kFixed = "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n";

}  // namespace

TEST_CASE("--fix writes the safe fixes, keeps the mode, and exits on what is left", "[fix]") {
  Scratch scratch;
  scratch.write("Dockerfile", kFixable);
  scratch.write("other/Dockerfile", kFixable);
  fs::permissions(scratch.root / "Dockerfile", fs::perms(0640));
  const Outcome outcome = run_dockvet("--fix Dockerfile", scratch.root);
  CHECK(outcome.exit_code == 0);
  CHECK(scratch.read("Dockerfile") == kFixed);
  CHECK(outcome.err.find("applied 1 fix to 1 file") != std::string::npos);
  CHECK(fs::status(scratch.root / "Dockerfile").permissions() == fs::perms(0640));
  // Never a file it was not asked to lint, and no temporary file left behind.
  CHECK(scratch.read("other/Dockerfile") == kFixable);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(scratch.root)) ++entries;
  CHECK(entries == 2);

  // An unsafe fix stays until asked for; the finding it would fix keeps the exit code 1.
  scratch.write("run.sh", "docker run -d postgres:17\n");
  CHECK(run_dockvet("--fix run.sh", scratch.root).exit_code == 1);
  CHECK(scratch.read("run.sh") == "docker run -d postgres:17\n");
  CHECK(run_dockvet("--fix --unsafe-fixes run.sh", scratch.root).exit_code == 0);
  CHECK(scratch.read("run.sh") == "docker run -d -v pgdata:/var/lib/postgresql/data postgres:17\n");
}

TEST_CASE("--fix through a symlink fixes the file it points to and keeps the link", "[fix]") {
  Scratch scratch;
  scratch.write("real/Dockerfile", kFixable);
  fs::create_symlink("real/Dockerfile", scratch.root / "Dockerfile");
  CHECK(run_dockvet("--fix Dockerfile", scratch.root).exit_code == 0);
  CHECK(fs::is_symlink(scratch.root / "Dockerfile"));
  CHECK(scratch.read("real/Dockerfile") == kFixed);
}

TEST_CASE("--fix on a clean file changes nothing and exits 0", "[fix]") {
  Scratch scratch;
  scratch.write("Dockerfile", kFixed);
  const auto before = fs::last_write_time(scratch.root / "Dockerfile");
  const Outcome outcome = run_dockvet("--fix Dockerfile", scratch.root);
  CHECK(outcome.exit_code == 0);
  CHECK(outcome.out.empty());
  CHECK(scratch.read("Dockerfile") == kFixed);
  CHECK(fs::last_write_time(scratch.root / "Dockerfile") == before);
  CHECK(run_dockvet("--diff Dockerfile", scratch.root).exit_code == 0);
}

TEST_CASE("--fix on a read-only file says so, changes nothing, and fixes the others", "[fix]") {
  Scratch scratch;
  scratch.write("locked/Dockerfile", kFixable);
  scratch.write("open/Dockerfile", kFixable);
  fs::permissions(scratch.root / "locked/Dockerfile", fs::perms(0444));
  const Outcome outcome = run_dockvet("--fix locked/Dockerfile open/Dockerfile", scratch.root);
  CHECK(outcome.exit_code == 2);
  CHECK(outcome.err.find("locked/Dockerfile: not fixed: the file is read-only") !=
        std::string::npos);
  CHECK(scratch.read("locked/Dockerfile") == kFixable);
  CHECK(scratch.read("open/Dockerfile") == kFixed);
  // Its findings are still reported.
  CHECK(outcome.out.find("locked/Dockerfile:2") != std::string::npos);
}

TEST_CASE("write_fixed refuses a file that changed since it was read", "[fix]") {
  Scratch scratch;
  scratch.write("Dockerfile", kFixable);
  const std::string path = (scratch.root / "Dockerfile").string();
  const auto read = dockvet::fix::snapshot(path);
  REQUIRE(read.error == 0);
  scratch.write("Dockerfile", kFixable + "# edited meanwhile\n");
  const auto error = dockvet::fix::write_fixed(path, read, kFixed);
  REQUIRE(error);
  CHECK(error->find("changed since dockvet read it") != std::string::npos);
  CHECK(scratch.read("Dockerfile") == kFixable + "# edited meanwhile\n");
  // Unchanged, it writes.
  const auto again = dockvet::fix::snapshot(path);
  CHECK_FALSE(dockvet::fix::write_fixed(path, again, kFixed));
  CHECK(scratch.read("Dockerfile") == kFixed);
}

TEST_CASE("--diff prints what --fix would write and writes nothing", "[fix]") {
  Scratch scratch;
  scratch.write("Dockerfile", kFixable);
  const Outcome outcome = run_dockvet("--diff Dockerfile", scratch.root);
  CHECK(outcome.exit_code == 1);
  CHECK(outcome.out ==
        "--- Dockerfile\n+++ Dockerfile\n@@ -1,2 +1,2 @@\n FROM alpine:3.20\n-RUN apk add "
        "curl=8.9.1-r2\n+RUN apk add --no-cache curl=8.9.1-r2\n");
  CHECK(scratch.read("Dockerfile") == kFixable);
  CHECK(run_dockvet("--unsafe-fixes Dockerfile", scratch.root).exit_code == 2);
  // Standard input: --fix prints the fixed text.
  const Outcome piped =
      run_dockvet("--fix --stdin-filename Dockerfile - < Dockerfile", scratch.root);
  CHECK(piped.out == kFixed);
}

TEST_CASE("--fix on a copy of the corpus leaves no safe fix, and --diff showed its edits",
          "[fix]") {
  Scratch scratch;
  fs::copy(fs::path(DOCKVET_SOURCE_DIR) / "corpus", scratch.root / "corpus",
           fs::copy_options::recursive);
  const fs::path original = scratch.root / "original";
  fs::copy(scratch.root / "corpus", original, fs::copy_options::recursive);
  const Outcome diff = run_dockvet("--diff corpus", scratch.root);
  REQUIRE(diff.exit_code == 1);
  const Outcome fixed = run_dockvet("--fix --format json corpus", scratch.root);
  INFO(fixed.err);
  REQUIRE(fixed.exit_code != 2);
  // The diff --diff printed is the diff between the corpus and what --fix wrote.
  std::string expected;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(scratch.root / "corpus")) {
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), scratch.root));
  }
  std::size_t changed = 0;
  for (const auto& file : files) {
    std::ifstream a(original / fs::relative(file, "corpus"), std::ios::binary);
    std::ifstream b(scratch.root / file, std::ios::binary);
    const std::string before(std::istreambuf_iterator<char>(a), {});
    const std::string after(std::istreambuf_iterator<char>(b), {});
    const std::string one = dockvet::fix::unified_diff(file.string(), before, after);
    if (!one.empty()) {
      ++changed;
      CHECK(diff.out.find(one) != std::string::npos);
      expected += one;
    }
  }
  CHECK(changed > 10);
  CHECK(diff.out.size() == expected.size());
  // What is left carries no safe fix.
  for (const auto& finding : nlohmann::json::parse(fixed.out)) {
    INFO(finding.dump());
    CHECK_FALSE((finding.contains("fix") && finding["fix"]["safe"] == true));
  }
}
