// BK017 SecretsUsedInArgOrEnv: `ARG GITHUB_TOKEN`, `ENV DB_PASSWORD=...`.
#include <array>
#include <cctype>
#include <string>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

// BuildKit's patterns `(?i)(?:_|^)(?:word)(?:_|$)`: a word that is one of the name's
// underscore-separated parts.
constexpr std::array<std::string_view, 10> kSecretWords{
    "apikey",   "auth",  "credential", "credentials", "key",
    "password", "pword", "passwd",     "secret",      "token"};
constexpr std::array<std::string_view, 3> kAllowedWords{"public", "file", "version"};

template <std::size_t N>
bool has_part(std::string_view name, const std::array<std::string_view, N>& words) {
  for (;;) {
    const std::size_t underscore = name.find('_');
    std::string part(name.substr(0, underscore));
    for (char& c : part) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto word : words) {
      if (part == word) return true;
    }
    if (underscore == std::string_view::npos) return false;
    name.remove_prefix(underscore + 1);
  }
}

}  // namespace

class SecretsUsedInArgOrEnv final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "BK017",
        .name = "SecretsUsedInArgOrEnv",
        .severity = Severity::warning,
        .summary = "Sensitive data should not be used in the ARG or ENV commands",
        .rationale =
            "An ENV value is stored in the image's configuration and an ARG value in its build "
            "history: anyone who can pull the image can read them with `docker history` or "
            "`docker inspect`. Secrets belong in build secrets (`RUN --mount=type=secret`) or "
            "in the container's environment at run time. The rule goes by the variable's name: "
            "one of its `_`-separated parts is apikey, auth, credential(s), key, password, "
            "pword, passwd, secret or token, and none is public, file or version. (DL3064 is "
            "dockvet's hadolint-family rule for the same mistake.)",
        .bad_example =
            "FROM node:22\nARG NPM_TOKEN\nRUN echo \"//registry.npmjs.org/:_authToken="
            "$NPM_TOKEN\" > ~/.npmrc && npm ci\n",
        .good_example =
            "FROM node:22\nRUN --mount=type=secret,id=npm_token \\\n"
            "    NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n",
        .fix = "Pass the secret with `--secret` and read it in `RUN --mount=type=secret`.",
        .differences =
            "As in BuildKit, an ARG before the first FROM is not judged: BuildKit checks the "
            "ARGs a stage declares (where a global one is used, it is declared again).",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.onbuild || instruction.stage < 0) continue;
      if (instruction.keyword != dockerfile::Keyword::arg &&
          instruction.keyword != dockerfile::Keyword::env) {
        continue;
      }
      const std::string_view kind = instruction.keyword == dockerfile::Keyword::arg ? "ARG" : "ENV";
      for (const auto& pair : instruction.pairs) {
        const std::string& name = pair.key.expanded;
        if (!has_part(name, kSecretWords) || has_part(name, kAllowedWords)) continue;
        findings.report(pair.key.range, "Do not use ARG or ENV instructions for sensitive data (" +
                                            std::string(kind) + " \"" + name + "\")");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::SecretsUsedInArgOrEnv)
