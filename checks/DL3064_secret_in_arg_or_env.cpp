// DL3064: `ARG NPM_TOKEN`, `ENV DB_PASSWORD=…` — a secret kept in the image's config or history.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

// hadolint's list of well-known credential variables.
constexpr std::array<std::string_view, 48> kKnownSecretNames = {"ACCESS_TOKEN",
                                                                "APPLICATION_KEY",
                                                                "APP_SECRET",
                                                                "AUTH_TOKEN",
                                                                "AWS_ACCESS_KEY_ID",
                                                                "AWS_SECRET_ACCESS_KEY",
                                                                "BITTREX_API_KEY",
                                                                "BITTREX_API_SECRET",
                                                                "CF_PASSWORD",
                                                                "CF_USERNAME",
                                                                "CIRCLE_TOKEN",
                                                                "CI_DEPLOY_PASSWORD",
                                                                "CI_DEPLOY_USER",
                                                                "DOCKERHUB_PASSWORD",
                                                                "DOCKER_EMAIL",
                                                                "DOCKER_PASSWORD",
                                                                "DOCKER_USERNAME",
                                                                "FACEBOOK_ACCESS_TOKEN",
                                                                "FACEBOOK_APP_ID",
                                                                "FACEBOOK_APP_SECRET",
                                                                "FIREBASE_API_TOKEN",
                                                                "FIREBASE_TOKEN",
                                                                "FOSSA_API_KEY",
                                                                "GH_ENTERPRISE_TOKEN",
                                                                "GH_TOKEN",
                                                                "GITHUB_ENTERPRISE_TOKEN",
                                                                "GITHUB_TOKEN",
                                                                "HEROKU_API_KEY",
                                                                "HEROKU_API_USER",
                                                                "NPM_AUTH_TOKEN",
                                                                "NPM_TOKEN",
                                                                "OKTA_AUTHN_GROUPID",
                                                                "OKTA_CLIENT_ORGURL",
                                                                "OKTA_CLIENT_TOKEN",
                                                                "OKTA_OAUTH2_CLIENTID",
                                                                "OKTA_OAUTH2_CLIENTSECRET",
                                                                "OPENAI_API_KEY",
                                                                "OS_PASSWORD",
                                                                "OS_USERNAME",
                                                                "POSTGRES_PASSWORD",
                                                                "SLACK_TOKEN",
                                                                "STRIPE_API_KEY",
                                                                "STRIPE_DEVICE_NAME",
                                                                "TRAVIS_OS_NAME",
                                                                "TRAVIS_SECURE_ENV_VARS",
                                                                "TRAVIS_SUDO",
                                                                "VAULT_CLIENT_KEY",
                                                                "VAULT_TOKEN"};

// Words that mark a secret in any variable name, lower case. A match must not run on into a
// longer word (`TOKENIZERS_PARALLELISM`, `SECRETARY` are not secrets).
constexpr std::array<std::string_view, 6> kSecretWords = {"api_key",     "client_key", "password",
                                                          "private_key", "secret",     "token"};

// A name that holds where a secret is, not the secret (`POSTGRES_PASSWORD_FILE`, the official
// images' way to read a Docker secret).
constexpr std::array<std::string_view, 4> kLocationSuffixes = {"_file", "_path", "_dir",
                                                               "_location"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains_word(std::string_view name, std::string_view word) {
  for (std::size_t at = name.find(word); at != std::string_view::npos;
       at = name.find(word, at + 1)) {
    std::size_t end = at + word.size();
    if (end < name.size() && name[end] == 's') ++end;  // plurals: SECRETS, TOKENS
    if (end == name.size() || !std::isalpha(static_cast<unsigned char>(name[end]))) return true;
  }
  return false;
}

bool is_secret_name(std::string_view name) {
  std::string upper(name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (std::find(kKnownSecretNames.begin(), kKnownSecretNames.end(), upper) !=
      kKnownSecretNames.end()) {
    return true;
  }
  const std::string lowered = lower(name);
  if (std::any_of(kLocationSuffixes.begin(), kLocationSuffixes.end(),
                  [&](std::string_view suffix) { return lowered.ends_with(suffix); })) {
    return false;
  }
  return std::any_of(kSecretWords.begin(), kSecretWords.end(),
                     [&](std::string_view word) { return contains_word(lowered, word); });
}

}  // namespace

class SecretInArgOrEnv final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3064",
        .name = "secret-in-arg-or-env",
        .severity = Severity::warning,
        .summary = "ARG or ENV holds what looks like a secret",
        .rationale =
            "ENV values are stored in the image's configuration, and ARG values that a RUN "
            "uses are recorded in its history: anyone who can pull the image reads them with "
            "`docker inspect` or `docker history`, in every registry and cache the image passes "
            "through. A token or password given this way leaks with the image.",
        .bad_example = "FROM node:22.11\nARG NPM_TOKEN\nRUN NPM_TOKEN=$NPM_TOKEN npm ci\n",
        .good_example =
            "FROM node:22.11\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n",
        .fix =
            "Pass the secret to the RUN that needs it with `RUN --mount=type=secret`, and give "
            "the container its runtime secrets when it starts (environment, secret files).",
        .differences =
            "A marker such as `token` or `secret` must not run on into a longer word "
            "(`TOKENIZERS_PARALLELISM` and `SECRETARY` are not secrets; `AUTHTOKEN` and "
            "`API_TOKENS` are), and a name ending in `_FILE`, `_PATH`, `_DIR` or `_LOCATION` "
            "says where a secret is kept, not what it is (`POSTGRES_PASSWORD_FILE`). `username` "
            "and `private` on their own do not mark a secret (`ARG USERNAME=vscode`, "
            "`PRIVATE_REGISTRY`), but `private_key` does; the well-known names hadolint lists all "
            "still count.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.keyword != dockerfile::Keyword::arg &&
          instruction.keyword != dockerfile::Keyword::env) {
        continue;
      }
      const std::string keyword(dockerfile::to_string(instruction.keyword));
      for (const auto& pair : instruction.pairs) {
        if (!is_secret_name(pair.key.expanded)) continue;
        findings.report(pair.key.range, "`" + pair.key.expanded + "` looks like a secret, and " +
                                            keyword +
                                            " values stay readable in the image: pass it with `RUN "
                                            "--mount=type=secret` instead");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::SecretInArgOrEnv)
