// DL3052: a label the label schema types `url` holds something that is not an absolute URL.
#include <cctype>
#include <string_view>

#include "bestpractice/label_schema.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool is_scheme_character(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

// The characters RFC 3986 allows in a URI outside percent-encodings: unreserved, gen-delims
// (`[` and `]` only around an IP literal, checked by the caller) and sub-delims.
bool is_uri_character(char c) {
  if (std::isalnum(static_cast<unsigned char>(c))) return true;
  return std::string_view("-._~:/?#[]@!$&'()*+,;=").find(c) != std::string_view::npos;
}

// An absolute URI as RFC 3986 defines it: a scheme, a colon, and a body of URI characters with
// well-formed percent-encodings, at most one `#`, and brackets only around the host.
bool is_absolute_url(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  const std::string_view scheme = text.substr(0, colon);
  if (!std::isalpha(static_cast<unsigned char>(scheme.front()))) return false;
  for (char c : scheme) {
    if (!is_scheme_character(c)) return false;
  }
  const std::string_view body = text.substr(colon + 1);
  if (body.empty()) return false;
  int fragments = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '%') {
      if (i + 2 >= body.size() || !is_hex(body[i + 1]) || !is_hex(body[i + 2])) return false;
      i += 2;
      continue;
    }
    if (!is_uri_character(c)) return false;
    if (c == '#' && ++fragments > 1) return false;
  }
  const std::size_t open = body.find('[');
  const std::size_t close = body.find(']');
  if (open == std::string_view::npos && close == std::string_view::npos) return true;
  // `[v6]` may only stand as the host of an authority: `//[::1]:8080/`.
  if (!body.starts_with("//") || open == std::string_view::npos || close < open) return false;
  const std::size_t authority_end = body.find_first_of("/?#", 2);
  if (close >= authority_end) return false;
  return body.find('[', open + 1) == std::string_view::npos &&
         body.find(']', close + 1) == std::string_view::npos;
}

}  // namespace

class LabelNotUrl final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3052",
        .name = "label-not-url",
        .severity = Severity::warning,
        .summary = "A label the label schema types `url` is not a valid URL",
        .rationale =
            "Labels such as `org.opencontainers.image.source` and `.url` are read by machines: "
            "GitHub links a package to its repository through `image.source`, and scanners "
            "follow `image.documentation`. A relative path, a bare host name or a URL with a "
            "space in it is not a link any of them can follow.",
        .bad_example =
            "# with label-schema: {org.opencontainers.image.source: url}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.source=\"github.com/"
            "example/app\"\n",
        .good_example =
            "# with label-schema: {org.opencontainers.image.source: url}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.source=\"https://"
            "github.com/example/app\"\n",
        .fix =
            "Write an absolute URL with its scheme, percent-encoding spaces and other "
            "characters URLs do not allow.",
        .differences =
            "Values made of a variable whose value is unknown are not judged (hadolint judges "
            "the text `$SOURCE_URL`), and ONBUILD LABEL values are checked too. The URL test "
            "is RFC 3986's absolute-URI grammar, as in hadolint; IP literals in brackets are "
            "only checked for their place, not their address.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    bestpractice::report_invalid_label_values(
        facts, findings,
        {"url", is_absolute_url, "an absolute URL with a scheme, e.g. https://example.com/app"});
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LabelNotUrl)
