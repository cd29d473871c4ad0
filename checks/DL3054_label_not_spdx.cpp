// DL3054: a label the label schema types `spdx` holds something that is not an SPDX licence
// identifier or expression.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "bestpractice/label_schema.h"
#include "core/check.h"

namespace dockvet::checks {

namespace {

// The licences most container images ship under, from the SPDX License List (deprecated ids
// such as GPL-2.0 included: they are still valid and still common). A compact list, not all of
// it: the rule page says so.
constexpr std::string_view kLicenses[] = {
    "0BSD",
    "AFL-3.0",
    "AGPL-1.0",
    "AGPL-3.0",
    "AGPL-3.0-only",
    "AGPL-3.0-or-later",
    "Apache-1.0",
    "Apache-1.1",
    "Apache-2.0",
    "APSL-2.0",
    "Artistic-1.0",
    "Artistic-2.0",
    "BlueOak-1.0.0",
    "BSD-1-Clause",
    "BSD-2-Clause",
    "BSD-2-Clause-Patent",
    "BSD-3-Clause",
    "BSD-3-Clause-Clear",
    "BSD-4-Clause",
    "BSL-1.0",
    "BUSL-1.1",
    "CC-BY-3.0",
    "CC-BY-4.0",
    "CC-BY-SA-3.0",
    "CC-BY-SA-4.0",
    "CC-BY-NC-4.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-ND-4.0",
    "CC0-1.0",
    "CDDL-1.0",
    "CDDL-1.1",
    "CECILL-2.1",
    "CPL-1.0",
    "EPL-1.0",
    "EPL-2.0",
    "EUPL-1.1",
    "EUPL-1.2",
    "GFDL-1.3",
    "GFDL-1.3-only",
    "GFDL-1.3-or-later",
    "GPL-1.0",
    "GPL-1.0-only",
    "GPL-1.0-or-later",
    "GPL-2.0",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "ISC",
    "LGPL-2.0",
    "LGPL-2.0-only",
    "LGPL-2.0-or-later",
    "LGPL-2.1",
    "LGPL-2.1-only",
    "LGPL-2.1-or-later",
    "LGPL-3.0",
    "LGPL-3.0-only",
    "LGPL-3.0-or-later",
    "LPPL-1.3c",
    "MIT",
    "MIT-0",
    "MPL-1.1",
    "MPL-2.0",
    "MPL-2.0-no-copyleft-exception",
    "MS-PL",
    "MS-RL",
    "NCSA",
    "ODbL-1.0",
    "OFL-1.1",
    "OpenSSL",
    "OSL-3.0",
    "PHP-3.01",
    "PostgreSQL",
    "Python-2.0",
    "Ruby",
    "SSPL-1.0",
    "Unicode-DFS-2016",
    "Unlicense",
    "UPL-1.0",
    "Vim",
    "W3C",
    "WTFPL",
    "X11",
    "Zlib",
    "ZPL-2.1",
};

constexpr std::string_view kExceptions[] = {"389-exception",
                                            "Autoconf-exception-3.0",
                                            "Bison-exception-2.2",
                                            "Classpath-exception-2.0",
                                            "Font-exception-2.0",
                                            "GCC-exception-2.0",
                                            "GCC-exception-3.1",
                                            "Libtool-exception",
                                            "Linux-syscall-note",
                                            "LLVM-exception",
                                            "OCaml-LGPL-linking-exception",
                                            "OpenJDK-assembly-exception-1.0",
                                            "Qt-GPL-exception-1.0",
                                            "Qt-LGPL-exception-1.1",
                                            "u-boot-exception-2.0",
                                            "WxWindows-exception-3.1"};

// SPDX matches identifiers without regard to case (SPDX spec, annex on license expressions).
bool same_id(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

template <std::size_t N>
bool listed(std::string_view id, const std::string_view (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list),
                     [&](std::string_view known) { return same_id(id, known); });
}

// idstring: letters, digits, `-` and `.`, at least one.
bool is_idstring(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
  });
}

bool is_license_ref(std::string_view token) {
  if (token.starts_with("DocumentRef-")) {
    const std::size_t colon = token.find(':');
    if (colon == std::string_view::npos || !is_idstring(token.substr(12, colon - 12))) {
      return false;
    }
    token.remove_prefix(colon + 1);
  }
  return token.starts_with("LicenseRef-") && is_idstring(token.substr(11));
}

bool is_operator(std::string_view token, std::string_view name) {
  return same_id(token, name);  // AND, and; OR, or; WITH, with
}

// Splits an expression into identifiers, operators and parentheses.
std::vector<std::string_view> tokens(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '(' || c == ')') {
      out.push_back(text.substr(i++, 1));
    } else {
      const std::size_t end = text.find_first_of(" \t()", i);
      out.push_back(text.substr(i, end == std::string_view::npos ? end : end - i));
      i = end == std::string_view::npos ? text.size() : end;
    }
  }
  return out;
}

// A recursive-descent reader of SPDX license expressions:
//   compound := term { (AND | OR) term }
//   term     := "(" compound ")" | simple [ WITH exception ]
//   simple   := license-id ["+"] | [DocumentRef-x:]LicenseRef-y
class ExpressionReader {
 public:
  explicit ExpressionReader(std::vector<std::string_view> tokens) : tokens_(std::move(tokens)) {}

  bool valid() { return compound(0) && at_ == tokens_.size(); }

 private:
  bool compound(int depth) {
    if (depth > 32 || !term(depth)) return false;
    while (at_ < tokens_.size() &&
           (is_operator(tokens_[at_], "AND") || is_operator(tokens_[at_], "OR"))) {
      ++at_;
      if (!term(depth)) return false;
    }
    return true;
  }

  bool term(int depth) {
    if (at_ >= tokens_.size()) return false;
    if (tokens_[at_] == "(") {
      ++at_;
      if (!compound(depth + 1) || at_ >= tokens_.size() || tokens_[at_] != ")") return false;
      ++at_;
      return true;
    }
    if (!simple(tokens_[at_++])) return false;
    if (at_ < tokens_.size() && is_operator(tokens_[at_], "WITH")) {
      ++at_;
      return at_ < tokens_.size() && listed(tokens_[at_++], kExceptions);
    }
    return true;
  }

  static bool simple(std::string_view token) {
    if (is_license_ref(token)) return true;
    if (token.ends_with('+')) token.remove_suffix(1);  // "or any later version"
    return listed(token, kLicenses);
  }

  std::vector<std::string_view> tokens_;
  std::size_t at_ = 0;
};

bool is_spdx_expression(std::string_view text) {
  return ExpressionReader(tokens(text)).valid();
}

}  // namespace

class LabelNotSpdx final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3054",
        .name = "label-not-spdx",
        .severity = Severity::warning,
        .summary = "A label the label schema types `spdx` is not an SPDX licence identifier",
        .rationale =
            "The OCI image spec asks for `org.opencontainers.image.licenses` as an SPDX "
            "licence expression, and licence scanners and SBOM tools match the value against "
            "the SPDX list. `Apache 2`, `GPLv3` or `BSD` match nothing, so the image counts as "
            "unlicensed or needs a human to look.",
        .bad_example =
            "# with label-schema: {org.opencontainers.image.licenses: spdx}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.licenses=\"Apache 2\"\n",
        .good_example =
            "# with label-schema: {org.opencontainers.image.licenses: spdx}\n"
            "FROM debian:12.7\nLABEL org.opencontainers.image.licenses=\"Apache-2.0\"\n",
        .fix =
            "Write the SPDX identifier (https://spdx.org/licenses/), or an SPDX expression "
            "such as `MIT OR Apache-2.0`.",
        .differences =
            "dockvet accepts SPDX expressions (`MIT OR Apache-2.0`, `GPL-2.0-or-later WITH "
            "Classpath-exception-2.0`, `GPL-2.0+`, `LicenseRef-acme`), as the OCI spec allows; "
            "hadolint accepts a single identifier only. dockvet knows a compact list of the "
            "common licence identifiers (about 90: the Apache, BSD, CC, GPL, LGPL, AGPL, MPL, "
            "EPL and EUPL families, MIT, ISC, Zlib, Unlicense, PostgreSQL and others) and 16 "
            "common exceptions, not the whole SPDX list: a rare but valid identifier outside "
            "it is reported, and can be written as a `LicenseRef-` or the finding suppressed. "
            "Values made of a variable whose value is unknown are not judged, and ONBUILD "
            "LABEL values are checked too.",
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    bestpractice::report_invalid_label_values(
        facts, findings,
        {"spdx", is_spdx_expression,
         "an SPDX licence identifier or expression, e.g. Apache-2.0 or MIT OR Apache-2.0"});
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::LabelNotSpdx)
