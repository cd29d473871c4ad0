// End-to-end tests of configuration, environment and pragmas through the dockvet binary: the
// engine must apply what the config and the pragmas say, and a broken config must stop the run.

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A scratch repository (it has a .git folder, where the config search stops).
class Repo {
 public:
  Repo() {
    root_ = fs::temp_directory_path() / ("dockvet-cfg-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(root_ / ".git");
  }
  ~Repo() {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((root_ / name).parent_path());
    std::ofstream(root_ / name, std::ios::binary) << text;
  }
  Run dockvet(const std::string& arguments, const std::string& environment = "") const {
    const fs::path err_file = root_ / ".stderr";
    const std::string command = "cd '" + root_.string() + "' && env NO_COLOR=1 " + environment +
                                " '" + DOCKVET_BINARY + "' " + arguments + " 2>'" +
                                err_file.string() + "'";
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) {
      run.out.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream err(err_file);
    run.err.assign(std::istreambuf_iterator<char>(err), {});
    return run;
  }

 private:
  fs::path root_;
};

// One DV002 (warning) on line 2 and one DV011 (error) on line 3.
const std::string kTwoFindings = "FROM alpine:3.20\nLABEL a=\"\xff\"\nFROBNICATE x\n";

}  // namespace

TEST_CASE("config ignore and severity overrides reach the output", "[cli][config]") {
  Repo repo;
  repo.write("Dockerfile", kTwoFindings);
  const Run plain = repo.dockvet("Dockerfile");
  CHECK(plain.exit_code == 1);
  CHECK(plain.out.find("[DV002]") != std::string::npos);
  CHECK(plain.out.find("Dockerfile:3:1: error:") != std::string::npos);

  repo.write(".dockvet.yaml", "ignore: [DV002]\nseverity:\n  DV011: info\n");
  const Run configured = repo.dockvet("Dockerfile");
  CHECK(configured.out == "Dockerfile:3:1: info: unknown instruction: FROBNICATE [DV011]\n");
  CHECK(configured.exit_code == 1);  // info is at the default threshold
  CHECK(repo.dockvet("--failure-threshold warning Dockerfile").exit_code == 0);
}

TEST_CASE("per-path overrides apply by glob", "[cli][config]") {
  Repo repo;
  repo.write("app/Dockerfile", kTwoFindings);
  repo.write("legacy/Dockerfile", kTwoFindings);
  repo.write(".dockvet.yaml", "per-path:\n  - paths: ['legacy/**']\n    ignore: [DV0]\n");
  const Run run = repo.dockvet(".");
  CHECK(run.out.find("app/Dockerfile:2:") != std::string::npos);
  CHECK(run.out.find("legacy/") == std::string::npos);
}

TEST_CASE("a broken config stops the run with exit 2 and names file, line and key",
          "[cli][config]") {
  Repo repo;
  repo.write("Dockerfile", kTwoFindings);
  repo.write(".dockvet.yaml", "select: [DV0]\nfailure-treshold: error\n");
  const Run unknown_key = repo.dockvet("Dockerfile");
  CHECK(unknown_key.exit_code == 2);
  CHECK(unknown_key.err.find(".dockvet.yaml:2:1: error: unknown key 'failure-treshold'") !=
        std::string::npos);
  CHECK(unknown_key.out.empty());

  repo.write(".dockvet.yaml", "ignore: [DV002\n");
  const Run syntax = repo.dockvet("Dockerfile");
  CHECK(syntax.exit_code == 2);
  CHECK(syntax.err.find(".dockvet.yaml:") != std::string::npos);

  repo.write(".dockvet.yaml", "failure-threshold: loud\n");
  const Run bad_value = repo.dockvet("Dockerfile");
  CHECK(bad_value.exit_code == 2);
  CHECK(bad_value.err.find("failure-threshold") != std::string::npos);
}

TEST_CASE("a .hadolint.yaml is read when there is no dockvet config", "[cli][config]") {
  Repo repo;
  repo.write("Dockerfile", kTwoFindings);
  repo.write(".hadolint.yaml", "ignored:\n  - DV011\nfailure-threshold: error\n");
  const Run run = repo.dockvet("Dockerfile");
  CHECK(run.out.find("[DV011]") == std::string::npos);
  CHECK(run.out.find("[DV002]") != std::string::npos);
  CHECK(run.exit_code == 0);  // only a warning is left, below the hadolint threshold
}

TEST_CASE("the command line beats the config, which beats the environment", "[cli][config]") {
  Repo repo;
  repo.write("Dockerfile", kTwoFindings);
  CHECK(repo.dockvet("Dockerfile", "DOCKVET_IGNORE=DV011").out.find("[DV011]") ==
        std::string::npos);
  repo.write(".dockvet.yaml", "failure-threshold: error\n");
  repo.write("Warn.Dockerfile", "FROM alpine:3.20\nLABEL a=\"\xff\"\n");
  CHECK(repo.dockvet("Warn.Dockerfile", "DOCKVET_FAILURE_THRESHOLD=warning").exit_code == 0);
  CHECK(repo.dockvet("--failure-threshold warning Warn.Dockerfile").exit_code == 1);
}

TEST_CASE("pragmas silence findings, and unused ones are reported on request", "[cli][config]") {
  Repo repo;
  repo.write("Dockerfile",
             "FROM alpine:3.20\n"
             "# dockvet ignore=DV002 -- the label is copied from a legacy system\n"
             "LABEL a=\"\xff\"\n"
             "# hadolint ignore=DV011\n"
             "FROBNICATE x\n"
             "# dockvet ignore=DV101\n"
             "RUN true\n");
  const Run silenced = repo.dockvet("Dockerfile");
  CHECK(silenced.out.empty());
  CHECK(silenced.exit_code == 0);
  const Run unused = repo.dockvet("--report-unused-ignores Dockerfile");
  CHECK(unused.out ==
        "Dockerfile:6:18: info: this ignore of DV101 suppresses no finding; remove it [DV003]\n");
  CHECK(unused.exit_code == 1);
}

TEST_CASE("catalog entries from the config extend the built-in catalog", "[cli][config]") {
  Repo repo;
  repo.write(".dockvet.yaml",
             "catalog:\n"
             "  - name: acme-ledger\n"
             "    images: [registry.acme.test/ledger]\n"
             "    class: database\n"
             "    data_paths: [/var/lib/ledger]\n"
             "    volume_name: ledger\n");
  repo.write("run.sh",
             "docker run -d registry.acme.test/ledger:2\n"
             "docker run -d -v ledger:/var/lib/ledger registry.acme.test/ledger:2\n");
  const Run run = repo.dockvet("--format gnu run.sh");
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("run.sh:1:15: error:") == 0);
  CHECK(run.out.find("/var/lib/ledger") != std::string::npos);
  CHECK(run.out.find("run.sh:2:") == std::string::npos);

  repo.write(".dockvet.yaml", "catalog:\n  - name: broken\n    class: spaceship\n");
  const Run broken = repo.dockvet("run.sh");
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("broken") != std::string::npos);
}
