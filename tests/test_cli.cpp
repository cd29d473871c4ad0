// End-to-end tests of the dockvet binary: exit codes, formats and error messages as a user or a
// CI job sees them.

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Outcome {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs dockvet with `arguments` (already shell-quoted) in `directory`.
Outcome run_dockvet(const std::string& arguments, const fs::path& directory = fs::current_path()) {
  const fs::path err_file =
      fs::temp_directory_path() / ("dockvet-cli-err-" + std::to_string(::getpid()));
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
    root = fs::temp_directory_path() / ("dockvet-cli-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(root);
  }
  ~Scratch() {
    std::error_code ec;
    fs::permissions(root / "locked.Dockerfile", fs::perms::owner_all, ec);
    fs::remove_all(root, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((root / name).parent_path());
    std::ofstream(root / name, std::ios::binary) << text;
  }
};

}  // namespace

TEST_CASE("option --version and --help exit 0, a bad option exits 2", "[cli]") {
  const auto version = run_dockvet("--version");
  CHECK(version.exit_code == 0);
  CHECK(version.out.find("dockvet ") == 0);
  const auto help = run_dockvet("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--format") != std::string::npos);
  const auto bad = run_dockvet("--no-such-option");
  CHECK(bad.exit_code == 2);
  const auto bad_value = run_dockvet("--format yaml .");
  CHECK(bad_value.exit_code == 2);
  CHECK(bad_value.err.find("unknown format 'yaml'") != std::string::npos);
}

TEST_CASE("option --list-rules and --explain come from the rules' metadata", "[cli]") {
  const auto list = run_dockvet("--list-rules");
  CHECK(list.exit_code == 0);
  CHECK(list.out.find("DV002    invalid-utf8") != std::string::npos);
  const auto page = run_dockvet("--explain dv002");
  CHECK(page.exit_code == 0);
  CHECK(page.out.find("invalid-utf8") != std::string::npos);
  CHECK(page.out.find("iconv") != std::string::npos);
  const auto unknown = run_dockvet("--explain DV999");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("DV999") != std::string::npos);
}

TEST_CASE("exit codes: 0 clean, 1 findings, 2 unreadable input while the rest is linted", "[cli]") {
  Scratch scratch;
  scratch.write("clean/Dockerfile", "FROM alpine:3.20\n");
  scratch.write("dirty/Dockerfile", "FROM alpine:3.20\nLABEL a=\"\xff\"\n");
  CHECK(run_dockvet("clean", scratch.root).exit_code == 0);

  const auto dirty = run_dockvet("dirty", scratch.root);
  CHECK(dirty.exit_code == 1);
  CHECK(dirty.out ==
        "dirty/Dockerfile:2:10: warning: invalid UTF-8 byte; dockvet reads on, but "
        "tools that decode the file as UTF-8 will fail here [DV002]\n");
  CHECK(run_dockvet("--no-fail dirty", scratch.root).exit_code == 0);
  CHECK(run_dockvet("--failure-threshold error dirty", scratch.root).exit_code == 0);
  CHECK(run_dockvet("--failure-threshold warning dirty", scratch.root).exit_code == 1);

  const auto missing = run_dockvet("missing.Dockerfile dirty", scratch.root);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("missing.Dockerfile") != std::string::npos);
  CHECK(missing.out.find("dirty/Dockerfile:2:10") != std::string::npos);

  if (::geteuid() != 0) {  // root reads any file, so only a normal user can test this
    scratch.write("locked.Dockerfile", "FROM alpine\n");
    fs::permissions(scratch.root / "locked.Dockerfile", fs::perms::none);
    const auto locked = run_dockvet("locked.Dockerfile dirty", scratch.root);
    CHECK(locked.exit_code == 2);
    CHECK(locked.err.find("locked.Dockerfile: cannot read file") != std::string::npos);
  }
  fs::create_directories(scratch.root / "dir.Dockerfile");
  const auto directory_named = run_dockvet("dir.Dockerfile/ dirty", scratch.root);
  CHECK(directory_named.exit_code == 1);  // a directory is walked, not read as a file
}

TEST_CASE("json output is one array with hadolint's fields and exact positions", "[cli]") {
  Scratch scratch;
  scratch.write("Dockerfile", "FROM alpine:3.20\nLABEL a=\"\xff\"\n");
  const auto result = run_dockvet("--format json Dockerfile", scratch.root);
  CHECK(result.exit_code == 1);
  const auto report = nlohmann::json::parse(result.out);
  REQUIRE(report.is_array());
  REQUIRE(report.size() == 1);
  const auto& finding = report[0];
  CHECK(finding["file"] == "Dockerfile");
  CHECK(finding["line"] == 2);
  CHECK(finding["column"] == 10);
  CHECK(finding["end_line"] == 2);
  CHECK(finding["end_column"] == 11);
  CHECK(finding["level"] == "warning");
  CHECK(finding["code"] == "DV002");
  CHECK(finding["message"].get<std::string>().find("invalid UTF-8") == 0);
}

TEST_CASE("standard input is linted under --stdin-filename", "[cli]") {
  Scratch scratch;
  scratch.write("input", "FROM alpine:3.20\nLABEL a=\"\xff\"\n");
  const auto result = run_dockvet("--stdin-filename app/Dockerfile - < input", scratch.root);
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("app/Dockerfile:2:10: warning:") == 0);
}

TEST_CASE("output order does not depend on the number of threads", "[cli]") {
  Scratch scratch;
  for (int i = 0; i < 40; ++i) {
    scratch.write("d" + std::to_string(i % 7) + "/f" + std::to_string(i) + ".Dockerfile",
                  "FROM alpine:3.20\nLABEL a=\"\xff\"\nLABEL b=\"\xfe\"\n");
  }
  const auto one = run_dockvet("-j 1 --format json .", scratch.root);
  const auto many = run_dockvet("-j 8 --format json .", scratch.root);
  CHECK(one.exit_code == 1);
  CHECK(one.out == many.out);
  CHECK(nlohmann::json::parse(one.out).size() == 40);
}

TEST_CASE("compose files: .env beside them, --compose-env, --kind compose", "[cli]") {
  Scratch scratch;
  // A mount whose source comes from a variable: a bind when set, unknown when not.
  const std::string compose =
      "services:\n"
      "  db:\n"
      "    image: postgres:${PG_TAG:-17}\n"
      "    volumes:\n"
      "      - ${PG_DATA}:/var/lib/postgresql/data\n";
  scratch.write("app/compose.yaml", compose);
  scratch.write("app/.env", "PG_TAG=18\n");
  // .env says 18: the old data path is wrong there (DV107), whatever PG_DATA is.
  const auto with_dot_env = run_dockvet("--format gnu app", scratch.root);
  CHECK(with_dot_env.exit_code == 1);
  CHECK(with_dot_env.out.find("postgres:18 (version 18)") != std::string::npos);
  CHECK(with_dot_env.out.find("[DV107]") != std::string::npos);

  // The process environment is read only with --compose-env, and then wins over .env: on 16
  // the mount from ${PG_DATA} may well be right, so nothing is said.
  ::setenv("PG_TAG", "16", 1);
  const auto ignored = run_dockvet("--format gnu app", scratch.root);
  const auto from_shell = run_dockvet("--compose-env --format gnu app", scratch.root);
  ::unsetenv("PG_TAG");
  CHECK(ignored.out == with_dot_env.out);
  CHECK(from_shell.exit_code == 0);
  CHECK(from_shell.out.empty());

  scratch.write("stack.yml", "services:\n  es:\n    image: elasticsearch:8.15.0\n");
  const auto forced = run_dockvet("--kind compose --format gnu stack.yml", scratch.root);
  CHECK(forced.exit_code == 1);
  CHECK(forced.out.find("stack.yml:3:12: error:") == 0);
  CHECK(forced.out.find("[DV101]") != std::string::npos);
}

TEST_CASE("options --select and --ignore take comma lists as well as repeats", "[cli]") {
  Scratch scratch;
  scratch.write("Dockerfile",
                "FROM debian:12.7\nRUN apt-get update && apt-get install -y curl\nRUN cd /tmp\n");
  auto codes = [&](const std::string& arguments) {
    std::string out = run_dockvet("--format gnu " + arguments + " Dockerfile", scratch.root).out;
    std::vector<std::string> found;  // the `[CODE]` that ends each line
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
      const std::size_t at = line.rfind('[');
      if (at != std::string::npos && line.ends_with(']')) {
        found.push_back(line.substr(at + 1, line.size() - at - 2));
      }
    }
    std::sort(found.begin(), found.end());
    return found;
  };
  const std::vector<std::string> two = {"DL3003", "DL3008"};
  CHECK(codes("--select DL3008,DL3003") == two);
  CHECK(codes("--select DL3008 --select DL3003") == two);
  const auto without = codes("--ignore DL3008,DL3003");
  CHECK(std::find(without.begin(), without.end(), "DL3008") == without.end());
  CHECK(std::find(without.begin(), without.end(), "DL3003") == without.end());
  CHECK_FALSE(without.empty());
}
