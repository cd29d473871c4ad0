// [report] The XML formats (checkstyle, junit), parsed back by a strict little XML reader.
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "report/encoding.h"
#include "test_report_fixtures.h"

namespace dockvet::report::testing {
namespace {

class XmlReader {
 public:
  XmlReader(std::string_view text, std::string* error) : text_(text), error_(error) {}

  std::optional<XmlElement> document() {
    if (!characters_are_legal()) return std::nullopt;
    if (text_.starts_with("<?xml")) {
      const auto end = text_.find("?>");
      if (end == std::string_view::npos) return fail("unterminated XML declaration");
      at_ = end + 2;
    }
    skip_space();
    auto root = element();
    if (!root) return std::nullopt;
    skip_space();
    if (at_ != text_.size()) return fail("content after the root element");
    return root;
  }

 private:
  std::nullopt_t fail(std::string why) {
    if (error_ && error_->empty()) *error_ = why + " at byte " + std::to_string(at_);
    return std::nullopt;
  }

  bool characters_are_legal() {
    if (valid_utf8(text_) != text_) {
      fail("invalid UTF-8");
      return false;
    }
    for (std::size_t i = 0; i < text_.size(); ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      const bool control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
      const bool non_character = c == 0xEF && i + 2 < text_.size() && text_[i + 1] == '\xBF' &&
                                 (text_[i + 2] == '\xBE' || text_[i + 2] == '\xBF');
      if (control || non_character) {
        at_ = i;
        fail("a character XML 1.0 forbids");
        return false;
      }
    }
    return true;
  }

  void skip_space() {
    while (at_ < text_.size() &&
           std::string_view(" \t\r\n").find(text_[at_]) != std::string_view::npos)
      ++at_;
  }

  static bool name_char(char c, bool first) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || c == '_' || c == ':') return true;
    return !first && (std::isdigit(u) || c == '-' || c == '.');
  }

  std::optional<std::string> name() {
    const std::size_t start = at_;
    while (at_ < text_.size() && name_char(text_[at_], at_ == start)) ++at_;
    if (at_ == start) return fail("expected a name");
    return std::string(text_.substr(start, at_ - start));
  }

  /// Decodes character data up to `stop`, rejecting '<' and stray '&'.
  std::optional<std::string> character_data(char stop) {
    std::string out;
    while (at_ < text_.size() && text_[at_] != stop) {
      const char c = text_[at_];
      if (c == '<') return fail("'<' in character data");
      if (c != '&') {
        out += c;
        ++at_;
        continue;
      }
      const auto semi = text_.find(';', at_);
      if (semi == std::string_view::npos) return fail("unterminated entity");
      const std::string_view entity = text_.substr(at_ + 1, semi - at_ - 1);
      if (entity == "amp")
        out += '&';
      else if (entity == "lt")
        out += '<';
      else if (entity == "gt")
        out += '>';
      else if (entity == "quot")
        out += '"';
      else if (entity == "apos")
        out += '\'';
      else if (entity.starts_with('#')) {
        const bool hex = entity.size() > 1 && entity[1] == 'x';
        const long value =
            std::strtol(std::string(entity.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
        if (value != 9 && value != 10 && value != 13 && (value < 0x20 || value > 0x7E))
          return fail("character reference outside the tested range");
        out += static_cast<char>(value);
      } else {
        return fail("unknown entity");
      }
      at_ = semi + 1;
    }
    return out;
  }

  std::optional<XmlElement> element() {
    if (at_ >= text_.size() || text_[at_] != '<') return fail("expected '<'");
    ++at_;
    XmlElement e;
    auto n = name();
    if (!n) return std::nullopt;
    e.name = *n;
    for (;;) {
      skip_space();
      if (text_.substr(at_).starts_with("/>")) {
        at_ += 2;
        return e;
      }
      if (at_ < text_.size() && text_[at_] == '>') {
        ++at_;
        break;
      }
      auto attribute = name();
      if (!attribute) return std::nullopt;
      if (at_ + 1 >= text_.size() || text_[at_] != '=' || text_[at_ + 1] != '"')
        return fail("expected =\"");
      at_ += 2;
      auto value = character_data('"');
      if (!value || at_ >= text_.size()) return fail("unterminated attribute");
      ++at_;
      if (!e.attributes.emplace(*attribute, *value).second) return fail("duplicate attribute");
    }
    for (;;) {
      auto data = character_data('<');
      if (!data) return std::nullopt;
      e.text += *data;
      if (at_ >= text_.size()) return fail("unclosed element " + e.name);
      if (text_.substr(at_).starts_with("</")) {
        at_ += 2;
        auto closing = name();
        if (!closing || *closing != e.name) return fail("mismatched closing tag");
        skip_space();
        if (at_ >= text_.size() || text_[at_] != '>') return fail("expected '>'");
        ++at_;
        return e;
      }
      auto child = element();
      if (!child) return std::nullopt;
      e.children.push_back(std::move(*child));
    }
  }

  std::string_view text_;
  std::string* error_;
  std::size_t at_ = 0;
};

XmlElement parsed(const std::string& document) {
  std::string error;
  auto root = parse_xml(document, &error);
  INFO(document);
  INFO(error);
  REQUIRE(root);
  return *root;
}

/// xmllint, where it is installed, as a second and independent opinion.
void check_with_xmllint(const std::string& document) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) return;
  const auto path = std::filesystem::temp_directory_path() / "dockvet-test-report.xml";
  std::ofstream(path, std::ios::binary) << document;
  const std::string command = "xmllint --noout '" + path.string() + "' 2>/dev/null";
  INFO(document);
  CHECK(std::system(command.c_str()) == 0);
  std::filesystem::remove(path);
}

struct Hostile {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> files;
};

// A path and a message with markup characters, a control character, a NUL, invalid UTF-8 and
// U+FFFF (which XML forbids even though it is valid UTF-8).
Hostile hostile() {
  Hostile h;
  const std::string file = std::string("we<ird&\"> \x01", 11) + std::string("\0\xff", 2) + ".sh";
  const std::string message =
      std::string("a<&\">\x07", 6) + std::string("\0", 1) + "\xC3\x28\xEF\xBF\xBF tab\there\nnext";
  h.diagnostics.push_back(diagnostic(unmounted_meta(), file, {2, 3}, {2, 9}, message, "x"));
  h.files = {file, "clean.Dockerfile"};
  return h;
}

}  // namespace

std::optional<XmlElement> parse_xml(std::string_view document, std::string* error) {
  return XmlReader(document, error).document();
}

TEST_CASE("the test XML reader rejects what is not well-formed", "[report]") {
  std::string error;
  CHECK(parse_xml("<a b=\"1\"><c/></a>", &error));
  CHECK_FALSE(parse_xml("<a><b></a></b>", &error));
  CHECK_FALSE(parse_xml("<a b=\"<\"/>", &error));
  CHECK_FALSE(parse_xml("<a>&bogus;</a>", &error));
  CHECK_FALSE(parse_xml(std::string("<a>\x01</a>"), &error));
  CHECK_FALSE(parse_xml("<a>\xff</a>", &error));
  CHECK_FALSE(parse_xml("<a/><b/>", &error));
}

TEST_CASE("checkstyle lists every linted file and an error per finding", "[report]") {
  auto registry = test_registry();
  const auto diagnostics = sample_diagnostics();
  const std::vector<std::string> files = {"clean/Dockerfile", "docker/Dockerfile",
                                          "scripts/run dev.sh"};
  const ReportInput input = input_of(diagnostics, files, *registry);
  const std::string out = render("checkstyle", input);
  CHECK(out ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<checkstyle version=\"4.3\">\n"
        "  <file name=\"clean/Dockerfile\">\n"
        "  </file>\n"
        "  <file name=\"docker/Dockerfile\">\n"
        "    <error line=\"1\" column=\"6\" severity=\"warning\" message=\"FROM ubuntu names no "
        "tag\" source=\"dockvet.DV300\"/>\n"
        "  </file>\n"
        "  <file name=\"scripts/run dev.sh\">\n"
        "    <error line=\"3\" column=\"1\" severity=\"error\" message=\"postgres:17 keeps its "
        "data in /var/lib/postgresql/data, which this command mounts nowhere\" "
        "source=\"dockvet.DV101\"/>\n"
        "  </file>\n"
        "</checkstyle>\n");
  const XmlElement root = parsed(out);
  CHECK(root.name == "checkstyle");
  CHECK(root.all("file").size() == 3);
  check_with_xmllint(out);
}

TEST_CASE("checkstyle stays well-formed whatever bytes the input holds", "[report]") {
  auto registry = test_registry();
  const Hostile h = hostile();
  const ReportInput input = input_of(h.diagnostics, h.files, *registry);
  const std::string out = render("checkstyle", input);
  const XmlElement root = parsed(out);
  const auto files = root.all("file");
  REQUIRE(files.size() == 2);
  CHECK(files[0]->attributes.at("name") == "clean.Dockerfile");
  // The control characters and NUL are dropped, the invalid byte becomes U+FFFD.
  CHECK(files[1]->attributes.at("name") == "we<ird&\"> \xEF\xBF\xBD.sh");
  const auto errors = files[1]->all("error");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0]->attributes.at("message") == "a<&\">\xEF\xBF\xBD( tab\there\nnext");
  CHECK(errors[0]->attributes.at("severity") == "error");
  CHECK(errors[0]->attributes.at("line") == "2");
  CHECK(errors[0]->attributes.at("column") == "3");
  check_with_xmllint(out);
}

TEST_CASE("junit has a testcase per linted file and a failure listing each file's findings",
          "[report]") {
  auto registry = test_registry();
  auto diagnostics = sample_diagnostics();
  diagnostics.push_back(diagnostic(quote_meta(), "scripts/run dev.sh", {7, 9}, {7, 10},
                                   "the quote opened here is never closed", "'"));
  const std::vector<std::string> files = {"clean/Dockerfile", "docker/Dockerfile",
                                          "scripts/run dev.sh"};
  const ReportInput input = input_of(diagnostics, files, *registry);
  const std::string out = render("junit", input);
  const XmlElement root = parsed(out);
  CHECK(root.name == "testsuite");
  CHECK(root.attributes.at("tests") == "3");
  CHECK(root.attributes.at("failures") == "2");
  const auto cases = root.all("testcase");
  REQUIRE(cases.size() == 3);
  CHECK(cases[0]->attributes.at("name") == "clean/Dockerfile");
  CHECK(cases[0]->children.empty());
  CHECK(cases[1]->all("failure").size() == 1);
  CHECK(cases[1]->all("failure")[0]->attributes.at("message") == "1 finding");
  const auto failure = cases[2]->all("failure");
  REQUIRE(failure.size() == 1);
  CHECK(failure[0]->attributes.at("message") == "2 findings");
  CHECK(failure[0]->text ==
        "scripts/run dev.sh:3:1: error: postgres:17 keeps its data in "
        "/var/lib/postgresql/data, which this command mounts nowhere [DV101]\n"
        "scripts/run dev.sh:7:9: info: the quote opened here is never closed [DV020]\n");
  check_with_xmllint(out);
}

TEST_CASE("junit stays well-formed whatever bytes the input holds", "[report]") {
  auto registry = test_registry();
  const Hostile h = hostile();
  const ReportInput input = input_of(h.diagnostics, h.files, *registry);
  const std::string out = render("junit", input);
  const XmlElement root = parsed(out);
  const auto cases = root.all("testcase");
  REQUIRE(cases.size() == 2);
  CHECK(cases[1]->attributes.at("name") == "we<ird&\"> \xEF\xBF\xBD.sh");
  const auto failure = cases[1]->all("failure");
  REQUIRE(failure.size() == 1);
  // The failure text is the text format's line: control characters are spelled out.
  CHECK(failure[0]->text ==
        "we<ird&\"> \\x01\\x00\xEF\xBF\xBD.sh:2:3: error: a<&\">\\x07\\x00\xEF\xBF\xBD("
        " tab\\there\\nnext [DV101]\n");
  check_with_xmllint(out);
}

}  // namespace dockvet::report::testing
