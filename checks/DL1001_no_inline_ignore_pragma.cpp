// DL1001: `# hadolint ignore=DL3008` — an inline pragma hides a finding where no one reviews it.
#include <cctype>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

bool is_code_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
}

// Reads a line-scoped ignore pragma from a comment's text after the `#`: `hadolint
// ignore=CODE[,CODE...]` or `dockvet ignore=…`, optionally followed by a comment (or, for
// dockvet, a `-- reason`). The `global` and `stage` scopes are file-level decisions, not inline
// ignores of one line, and are not matched.
bool is_line_ignore_pragma(std::string_view body) {
  std::size_t at = 0;
  const auto skip_blanks = [&] {
    const std::size_t start = at;
    while (at < body.size() && is_blank(body[at])) ++at;
    return at - start;
  };
  const auto take = [&](std::string_view word) {
    if (!body.substr(at).starts_with(word)) return false;
    at += word.size();
    return true;
  };
  skip_blanks();
  const bool dockvet = take("dockvet");
  if (!dockvet && !take("hadolint")) return false;
  if (skip_blanks() == 0 || !take("ignore")) return false;
  skip_blanks();
  if (!take("=")) return false;
  do {
    skip_blanks();
    const std::size_t start = at;
    while (at < body.size() && is_code_char(body[at])) ++at;
    if (at == start) return false;
    skip_blanks();
  } while (take(","));
  const std::string_view rest = body.substr(at);
  return rest.empty() || rest.starts_with('#') || (dockvet && rest.starts_with("--"));
}

}  // namespace

class NoInlineIgnorePragma final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL1001",
        .name = "no-inline-ignore-pragma",
        .severity = Severity::info,
        .summary = "An inline ignore pragma silences a finding",
        .rationale =
            "An `ignore=` comment above one line switches a rule off where no one looks for "
            "it: the exception is scattered through the Dockerfiles instead of being decided "
            "once, in the configuration, where it is reviewed. Teams that want every exception "
            "in one place turn this rule on. Off by default, as in hadolint.",
        .bad_example =
            "FROM debian:12.7\n# hadolint ignore=DL3008\nRUN apt-get update && "
            "apt-get install -y --no-install-recommends curl\n",
        .good_example =
            "# .dockvet.yaml: ignore: [DL3008]\nFROM debian:12.7\nRUN apt-get "
            "update && apt-get install -y --no-install-recommends curl\n",
        .fix =
            "Fix the finding, or move the exception to the configuration file "
            "(`ignore`, or `per-path` for some files).",
        .differences =
            "dockvet's own line pragma (`# dockvet ignore=…`) is an inline ignore too and is "
            "reported as well; `global` and `stage` pragmas are not, as in hadolint.",
        .off_by_default = true,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const ByteRange& comment : facts.dockerfile->comments) {
      std::string_view text = facts.file.slice(comment);
      if (!text.starts_with('#') || !is_line_ignore_pragma(text.substr(1))) continue;
      std::size_t end = comment.end;
      while (end > comment.begin &&
             std::isspace(static_cast<unsigned char>(text[end - comment.begin - 1])) != 0) {
        --end;
      }
      findings.report({comment.begin, end},
                      "this pragma switches a rule off for one line; fix the finding or move "
                      "the exception to the configuration file");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::NoInlineIgnorePragma)
