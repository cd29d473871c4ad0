#pragma once
// What a build command writes to and what it installs: the file system destinations of common
// commands (mkdir, cp, tar -C, git clone, curl -o, initdb -D, redirections…) and the packages of
// apt, apk, dnf/yum/microdnf and zypper. Shared by DV120 and DV126.

#include <string>
#include <vector>

#include "core/word.h"

namespace dockvet::stateful {

/// A path a command creates or changes.
struct WrittenPath {
  std::string path;  // the word's value (after the '=' of a glued `--pgdata=/x`)
  bool known = true;
  ByteRange range;  // the word in the file
};

/// The paths `command` creates or changes, redirection targets included.
std::vector<WrittenPath> written_paths(const CommandLine& command);

/// One package named on an install or remove command line.
struct PackageWord {
  const Word* word = nullptr;
  std::string group;  // apk's `--virtual NAME` group the package joins, else empty
};

/// The package words of an install command (`apt-get install`, `apk add`, `dnf install`, …).
std::vector<PackageWord> installed_packages(const CommandLine& command);

/// The names a remove command drops (`apt-get purge`, `apk del`, `dnf remove`, …): packages and
/// apk virtual groups.
std::vector<std::string> removed_packages(const CommandLine& command);

/// The programs whose install and remove commands the two functions above read: "apt-get",
/// "apk", "dnf", … A command line can install a package only if it names one of them.
const std::vector<std::string>& package_managers();

/// The command's program without its directory ("apt-get" for "/usr/bin/apt-get").
std::string program_name(const CommandLine& command);

}  // namespace dockvet::stateful
