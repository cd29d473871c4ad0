// BK007 FromPlatformFlagConstDisallowed: `FROM --platform=linux/amd64 golang:1.23`.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

struct Platform {
  std::string os;
  std::string architecture;
};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// containerd's platforms.Parse and Normalize, as far as this rule needs them: the OS and the
// architecture of `os[/arch[/variant]]` or of a lone OS or architecture (the other part being the
// build machine's; dockvet assumes Linux). Nullopt where Parse fails.
std::optional<Platform> parse_platform(std::string_view text) {
  static constexpr std::array<std::string_view, 14> kOperatingSystems{
      "aix", "android", "darwin", "dragonfly", "freebsd", "hurd",    "illumos",
      "ios", "js",      "linux",  "nacl",      "netbsd",  "openbsd", "plan9"};
  static constexpr std::array<std::string_view, 4> kMoreOperatingSystems{"solaris", "windows",
                                                                         "zos", "macos"};
  static constexpr std::array<std::string_view, 23> kArchitectures{
      "386",     "amd64",   "amd64p32", "arm",    "armbe",   "arm64",    "arm64be", "ppc64",
      "ppc64le", "loong64", "mips",     "mipsle", "mips64",  "mips64le", "ppc",     "riscv",
      "riscv64", "s390",    "s390x",    "sparc",  "sparc64", "wasm",     "x86_64"};
  auto normalize_arch = [](std::string arch) {
    if (arch == "i386") return std::string("386");
    if (arch == "x86_64" || arch == "x86-64" || arch == "amd64") return std::string("amd64");
    if (arch == "aarch64" || arch == "arm64") return std::string("arm64");
    if (arch == "armhf" || arch == "armel") return std::string("arm");
    return arch;
  };
  auto known = [](const auto& list, std::string_view name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const std::size_t slash = text.find('/', start);
    parts.push_back(lower(text.substr(start, slash - start)));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  for (const auto& part : parts) {
    if (part.empty()) return std::nullopt;
    for (const char c : part) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-') {
        return std::nullopt;
      }
    }
  }
  if (parts.size() > 3) return std::nullopt;
  Platform platform;
  if (parts.size() == 1) {
    if (known(kOperatingSystems, parts[0]) || known(kMoreOperatingSystems, parts[0])) {
      platform.os = parts[0] == "macos" ? "darwin" : parts[0];
      platform.architecture = "amd64";
    } else if (known(kArchitectures, normalize_arch(parts[0])) || parts[0] == "aarch64" ||
               parts[0] == "i386" || parts[0] == "armhf" || parts[0] == "armel") {
      platform.os = "linux";
      platform.architecture = normalize_arch(parts[0]);
    } else {
      return std::nullopt;
    }
    return platform;
  }
  platform.os = parts[0] == "macos" ? "darwin" : parts[0];
  platform.architecture = normalize_arch(parts[1]);
  return platform;
}

}  // namespace

class FromPlatformFlagConstDisallowed final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK007",
        .name = "FromPlatformFlagConstDisallowed",
        .severity = Severity::warning,
        .summary = "FROM --platform flag should not use a constant value",
        .rationale =
            "`--platform=linux/amd64` pins the stage to one platform whatever the build "
            "targets, so a multi-platform build (or a build on an arm64 laptop) silently gets "
            "amd64 binaries in that stage, run under emulation. Use `$BUILDPLATFORM` or "
            "`$TARGETPLATFORM` so the stage follows the build. A stage whose name says which "
            "platform it is for (`AS build-amd64`) is taken to be deliberate.",
        .bad_example = "FROM --platform=linux/amd64 golang:1.23 AS build\n",
        .good_example = "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n",
        .fix =
            "Use `$BUILDPLATFORM` (for a stage that cross-compiles) or drop the flag; if the "
            "stage really is for one platform, name it after that platform.",
        .differences =
            "A one-word platform (`--platform=arm64`) is completed with Linux, or with amd64 "
            "for a lone OS, where BuildKit uses the build machine's own.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    for (const auto& stage : dockerfile.stages) {
      if (!stage.platform) continue;
      const dockerfile::Token& platform = *stage.platform;
      if (!bestpractice::variable_references(platform, dockerfile.escape).empty()) continue;
      if (!platform.expanded_known) continue;
      const auto parsed = parse_platform(platform.expanded);
      if (!parsed) continue;
      if (stage.name.find(parsed->os) != std::string::npos ||
          stage.name.find(parsed->architecture) != std::string::npos) {
        continue;
      }
      findings.report(platform.range, "FROM --platform flag should not use constant value \"" +
                                          platform.expanded + "\"");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::FromPlatformFlagConstDisallowed)
