#pragma once
// Shared fixtures of the [report] tests: a local registry of test-only rules (never registered
// globally), diagnostics built by hand, and a small XML reader that rejects what is not
// well-formed so the XML formats can be parsed back and asserted on.

#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/diagnostic.h"
#include "report/report.h"

namespace dockvet::report::testing {

class TestCheck : public Check {
 public:
  explicit TestCheck(CheckMeta meta) : meta_(std::move(meta)) {}
  const CheckMeta& meta() const override { return meta_; }
  void run(const FileFacts&, Findings&) const override {}

 private:
  CheckMeta meta_;
};

inline CheckMeta unmounted_meta() {
  CheckMeta m;
  m.code = "DV101";
  m.name = "stateful-data-unmounted";
  m.severity = Severity::error;
  m.summary = "A stateful image runs without its data directory on a volume";
  m.rationale = "The database writes into the container's writable layer, which goes away with it.";
  m.bad_example = "docker run -d postgres:17";
  m.good_example = "docker run -d -v pgdata:/var/lib/postgresql/data postgres:17";
  m.fix = "Mount a named volume or a host directory at the image's data directory.";
  m.example_language = "sh";
  m.data_loss = true;
  return m;
}

inline CheckMeta pin_tag_meta() {
  CheckMeta m;
  m.code = "DV300";
  m.name = "pin-base-image-tag";
  m.severity = Severity::warning;
  m.summary = "FROM names an image without a tag";
  m.rationale = "Without a tag every build may pick up a different base image.";
  m.bad_example = "FROM ubuntu";
  m.good_example = "FROM ubuntu:24.04";
  m.fix = "Name a tag or a digest.";
  m.aliases = {"DL3006"};
  return m;
}

inline CheckMeta quote_meta() {
  CheckMeta m;
  m.code = "DV020";
  m.name = "shell-unterminated-quote";
  m.severity = Severity::info;
  m.summary = "A quote in a shell command is never closed";
  m.rationale = "The shell reads the rest of the script as one string.";
  m.fix = "Close the quote.";
  return m;
}

/// A registry of the three test rules, registered out of order to prove the reporters see
/// them sorted.
inline std::unique_ptr<Registry> test_registry() {
  auto registry = std::make_unique<Registry>();
  registry->add(std::make_unique<TestCheck>(pin_tag_meta()));
  registry->add(std::make_unique<TestCheck>(unmounted_meta()));
  registry->add(std::make_unique<TestCheck>(quote_meta()));
  return registry;
}

inline Diagnostic diagnostic(const CheckMeta& meta, std::string file, Position start, Position end,
                             std::string message, std::string snippet) {
  Diagnostic d;
  d.code = std::string(meta.code);
  d.name = std::string(meta.name);
  d.severity = meta.severity;
  d.file = std::move(file);
  d.start = start;
  d.end = end;
  d.message = std::move(message);
  d.snippet = std::move(snippet);
  return d;
}

/// Two findings in one file (one with a fix) and one in another, sorted as the engine sorts.
inline std::vector<Diagnostic> sample_diagnostics() {
  std::vector<Diagnostic> out;
  out.push_back(diagnostic(pin_tag_meta(), "docker/Dockerfile", {1, 6}, {1, 12},
                           "FROM ubuntu names no tag", "ubuntu"));
  Diagnostic mount = diagnostic(unmounted_meta(), "scripts/run dev.sh", {3, 1}, {3, 26},
                                "postgres:17 keeps its data in /var/lib/postgresql/data, which "
                                "this command mounts nowhere",
                                "docker run -d postgres:17");
  Fix fix;
  fix.description = "mount a named volume at /var/lib/postgresql/data";
  fix.safe = false;
  fix.edits.push_back({{40, 40}, "-v pgdata:/var/lib/postgresql/data ", {3, 15}, {3, 15}});
  mount.fix = fix;
  out.push_back(mount);
  return out;
}

/// A report input with every field given, as -Wmissing-field-initializers wants.
inline ReportInput input_of(std::span<const Diagnostic> diagnostics,
                            std::span<const std::string> files, const Registry& registry) {
  return ReportInput{diagnostics, files, registry, "1.2.3", false, ""};
}

inline std::string render(std::string_view format, const ReportInput& input) {
  std::ostringstream out;
  write_report(format, input, out);
  return out.str();
}

/// One parsed XML element.
struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;  // the character data directly inside, entities decoded
  std::vector<XmlElement> children;

  std::vector<const XmlElement*> all(std::string_view child) const {
    std::vector<const XmlElement*> out;
    for (const auto& c : children) {
      if (c.name == child) out.push_back(&c);
    }
    return out;
  }
};

/// Parses a document that has an optional XML declaration and one root element (no comments,
/// CDATA, DTDs or processing instructions: the reporters write none). Returns nullopt, with the
/// reason in `error`, for anything that is not well-formed XML 1.0.
std::optional<XmlElement> parse_xml(std::string_view document, std::string* error);

}  // namespace dockvet::report::testing
