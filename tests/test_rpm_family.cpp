// The RPM-family reader behind DL3030-DL3041: which manager and action a command runs, with
// aliases resolved and option values kept out of the operands, and when a RUN's cache counts as
// cleaned.

#include <catch2/catch.hpp>

#include "bestpractice/rpm.h"
#include "test_shell_support.h"

using dockvet::shell_test::parse_text;
namespace rpm = dockvet::bestpractice::rpm;

namespace {

// A parsed command with its manager reading; the reading points into `parsed`, whose heap
// buffers stay put when the pair is moved.
struct Read {
  dockvet::shell_test::Parsed parsed;
  rpm::ManagerCommand command;
};

Read read_text(const std::string& text) {
  Read out{parse_text(text + "\n"), {}};
  REQUIRE(out.parsed.commands.size() == 1);
  auto command = rpm::read_manager_command(out.parsed.commands.front());
  REQUIRE(command.has_value());
  out.command = std::move(*command);
  return out;
}

std::vector<std::string> operand_texts(const rpm::ManagerCommand& command) {
  std::vector<std::string> out;
  for (const auto* word : command.operands) out.push_back(word->text());
  return out;
}

}  // namespace

TEST_CASE("aliases resolve to the action they stand for", "[rpm]") {
  CHECK(read_text("dnf in -y curl").command.action == "install");
  CHECK(read_text("yum localinstall -y /tmp/a-1.rpm").command.action == "install");
  CHECK(read_text("dnf up-min").command.action == "upgrade-minimal");
  CHECK(read_text("yum groupinstall -y 'Development Tools'").command.action == "group install");
  CHECK(read_text("microdnf module install -y nodejs:20").command.action == "module install");
  CHECK(read_text("zypper dup").command.action == "dist-upgrade");
  CHECK(read_text("zypper cc -a").command.action == "clean");
  CHECK(read_text("/usr/bin/dnf5 install -y git").command.manager == rpm::Manager::dnf);
  CHECK_FALSE(rpm::read_manager_command(parse_text("notdnf install x\n").commands.at(0)));
}

TEST_CASE("an option's value is neither the action nor a package", "[rpm]") {
  const auto dnf = read_text("dnf --enablerepo epel -y install --exclude kernel htop-3.3.0");
  CHECK(dnf.command.action == "install");
  CHECK(operand_texts(dnf.command) == std::vector<std::string>{"htop-3.3.0"});
  // zypper's -D is --reposd-dir before the action and --dry-run after it.
  const auto zypper = read_text("zypper -D /etc/repos install -D -r oss curl=8.6.0");
  CHECK(zypper.command.action == "install");
  CHECK(operand_texts(zypper.command) == std::vector<std::string>{"curl=8.6.0"});
}

TEST_CASE("yes comes from -y, --assumeyes, a cluster or --setopt", "[rpm]") {
  CHECK(rpm::assumes_yes(read_text("yum -qy install a-1").command));
  CHECK(rpm::assumes_yes(read_text("dnf install --assumeyes a-1").command));
  CHECK(rpm::assumes_yes(read_text("dnf --setopt=assumeyes=True install a-1").command));
  CHECK(rpm::assumes_yes(read_text("dnf --setopt assumeyes=1 install a-1").command));
  CHECK_FALSE(
      rpm::assumes_yes(read_text("dnf --setopt=install_weak_deps=False install a-1").command));
}

TEST_CASE("a removal of the cache directory, its contents or a parent cleans it", "[rpm]") {
  const auto removes = [](const std::string& text) {
    auto parsed = parse_text(text + "\n");
    return rpm::removes_any_of(parsed.commands.at(0), rpm::kYumDnfCaches);
  };
  CHECK(removes("rm -rf /var/cache/yum/*"));
  CHECK(removes("rm -rf /var/cache/libdnf5*"));
  CHECK(removes("rm -rf /var/cache"));
  CHECK_FALSE(removes("rm -rf /tmp/build"));
  CHECK_FALSE(removes("rm -rf /var/cache/apt"));
}
