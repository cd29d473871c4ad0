// DL3048: `LABEL Com.Example..Version=1` — a label key outside Docker's key conventions.
#include <optional>
#include <string>

#include "bestpractice/label_schema.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_key_character(char c) {
  return is_lower_alnum(c) || c == '.' || c == '-' || c == '_' || c == '/';
}

// Why `key` breaks Docker's label key conventions, or nothing when it keeps them.
std::optional<std::string> key_problem(std::string_view key) {
  if (key.empty()) return "is empty";
  if (key.front() < 'a' || key.front() > 'z') return "does not start with a lower-case letter";
  if (!is_lower_alnum(key.back())) return "does not end with a lower-case letter or a digit";
  for (char c : key) {
    if (!is_key_character(c)) {
      return "holds `" + std::string(1, c) +
             "`; keys use lower-case letters, digits, `.`, `-`, `_` and `/`";
    }
  }
  if (key.find("..") != std::string_view::npos || key.find("--") != std::string_view::npos) {
    return "repeats a separator (`..` or `--`)";
  }
  for (std::string_view reserved : {"com.docker.", "io.docker.", "org.dockerproject."}) {
    if (key.starts_with(reserved)) {
      return "is in the `" + std::string(reserved.substr(0, reserved.size() - 1)) +
             "` namespace, which Docker reserves for itself";
    }
  }
  return std::nullopt;
}

}  // namespace

class LabelKeyInvalid final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3048",
        .name = "label-key-invalid",
        .severity = Severity::style,
        .summary = "A label key breaks Docker's key conventions",
        .rationale =
            "Docker's object-label guidelines ask for keys that begin with a lower-case letter, "
            "end with a lower-case letter or digit, use only lower-case alphanumerics, `.`, `-` "
            "(and, by hadolint's reading, `_` and `/`), never repeat a separator, and stay out "
            "of the `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces, which "
            "Docker reserves. Tools that filter images by label (`docker images --filter "
            "label=...`, registries, scanners) match keys exactly, so `Version` and `version` "
            "are two labels, and a key in a reserved namespace may collide with one Docker "
            "sets.",
        .bad_example = "FROM debian:12.7\nLABEL Org.Example..Version=\"1.4.2\"\n",
        .good_example = "FROM debian:12.7\nLABEL org.example.version=\"1.4.2\"\n",
        .fix =
            "Rename the key in reverse-DNS style, lower case, e.g. "
            "`org.opencontainers.image.version`.",
        .differences =
            "Keys that hold a variable whose value is unknown (`LABEL ${VENDOR}.version=1`) "
            "are not judged, and ONBUILD LABEL keys are checked too (hadolint skips them): "
            "they become the labels of every image built from this one.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    for (const auto& entry : bestpractice::label_entries(facts)) {
      const auto& key = entry.pair->key;
      if (!key.expanded_known) continue;
      if (auto problem = key_problem(key.expanded)) {
        findings.report(key.range, "label key `" + key.expanded + "` " + *problem +
                                       "; use a lower-case reverse-DNS key such as "
                                       "`org.opencontainers.image.version`");
      }
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LabelKeyInvalid)
