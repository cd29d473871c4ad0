// DL3058: a label the label schema types `email` holds something that is not an email address.
#include <cctype>
#include <string_view>

#include "bestpractice/label_schema.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

// RFC 5322 atext: letters, digits and !#$%&'*+-/=?^_`{|}~ (non-ASCII allowed, as RFC 6531 does).
bool is_atext(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return std::isalnum(byte) || byte >= 0x80 ||
         std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// dot-atom-text: atext runs joined by single dots.
bool is_dot_atom(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  if (text.find("..") != std::string_view::npos) return false;
  for (char c : text) {
    if (c != '.' && !is_atext(c)) return false;
  }
  return true;
}

// quoted-string without folding whitespace: "…" with backslash escapes.
bool is_quoted_string(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return false;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] == '\\') {
      if (++i + 1 >= text.size()) return false;
    } else if (text[i] == '"') {
      return false;
    }
  }
  return true;
}

bool is_domain(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    const std::string_view literal = text.substr(1, text.size() - 2);
    return !literal.empty() && literal.find_first_of("[]\\ ") == std::string_view::npos;
  }
  return text.size() <= 253 && is_dot_atom(text);
}

// RFC 5322 addr-spec: local-part "@" domain.
bool is_addr_spec(std::string_view text) {
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string_view local = text.substr(0, at);
  return local.size() <= 64 && (is_dot_atom(local) || is_quoted_string(local)) &&
         is_domain(text.substr(at + 1));
}

// An addr-spec, or a name-addr as the maintainer labels usually hold: `Jane Doe <jane@x.org>`.
bool is_email(std::string_view text) {
  if (is_addr_spec(text)) return true;
  const std::size_t open = text.rfind('<');
  if (open == std::string_view::npos || !text.ends_with('>')) return false;
  const std::string_view name = text.substr(0, open);
  if (!name.empty() && name.front() != '"' && name.find_first_of("<>@") != std::string_view::npos) {
    return false;
  }
  return is_addr_spec(text.substr(open + 1, text.size() - open - 2));
}

}  // namespace

class LabelNotEmail final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3058",
        .name = "label-not-email",
        .severity = Severity::warning,
        .summary = "A label the label schema types `email` is not an email address",
        .rationale =
            "A contact label typed `email` exists so that whoever finds a problem in the "
            "image (a scanner, an operator at 3 a.m.) can reach its owner. A team name, a "
            "Slack handle or a URL in its place reaches nobody.",
        .bad_example =
            "# with label-schema: {maintainer: email}\n"
            "FROM debian:12.7\nLABEL maintainer=\"platform team\"\n",
        .good_example =
            "# with label-schema: {maintainer: email}\n"
            "FROM debian:12.7\nLABEL maintainer=\"platform@example.com\"\n",
        .fix = "Write an email address, `name@example.com` or `Name <name@example.com>`.",
        .differences =
            "A name with the address in angle brackets (`Jane Doe <jane@example.com>`, an RFC "
            "5322 mailbox, the usual form of a maintainer label) is accepted; hadolint accepts "
            "only the bare address. Values made of a variable whose value is unknown are not "
            "judged, and ONBUILD LABEL values are checked too.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    bestpractice::report_invalid_label_values(
        facts, findings,
        {"email", is_email, "an email address such as name@example.com (RFC 5322)"});
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LabelNotEmail)
