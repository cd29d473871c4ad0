#include "core/check.h"

#include <algorithm>
#include <cctype>

namespace dockvet {

void Findings::report(ByteRange range, std::string message, std::optional<Fix> fix,
                      std::optional<Severity> severity) {
  Diagnostic d;
  d.code = std::string(meta_.code);
  d.name = std::string(meta_.name);
  d.severity = severity.value_or(meta_.severity);
  d.file = file_.path;
  range.end = std::max(range.begin, std::min(range.end, file_.text.size()));
  range.begin = std::min(range.begin, range.end);
  d.range = range;
  d.start = file_.lines.position(range.begin);
  d.end = file_.lines.position(range.end);
  d.message = std::move(message);
  constexpr std::size_t kSnippetLimit = 256;
  d.snippet =
      std::string(file_.slice({range.begin, std::min(range.end, range.begin + kSnippetLimit)}));
  if (fix) {
    fix->start = file_.lines.position(fix->range.begin);
    fix->end = file_.lines.position(fix->range.end);
    d.fix = std::move(fix);
  }
  out_.push_back(std::move(d));
}

void report_front_end_issues(std::string_view code, const FileFacts& facts, Findings& findings) {
  for (const auto& issue : facts.issues) {
    if (issue.code == code) findings.report(issue.range, issue.message);
  }
}

Registry& Registry::instance() {
  static Registry registry;
  return registry;
}

bool Registry::add(std::unique_ptr<Check> check) {
  checks_.push_back(std::move(check));
  sorted_ = false;
  return true;
}

std::span<const std::unique_ptr<Check>> Registry::checks() const {
  if (!sorted_) {
    std::sort(checks_.begin(), checks_.end(),
              [](const auto& a, const auto& b) { return a->meta().code < b->meta().code; });
    sorted_ = true;
  }
  return checks_;
}

namespace {
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}
}  // namespace

const Check* Registry::find(std::string_view key) const {
  for (const auto& check : checks()) {
    const CheckMeta& meta = check->meta();
    if (iequals(meta.code, key) || iequals(meta.name, key)) return check.get();
    for (auto alias : meta.aliases) {
      if (iequals(alias, key)) return check.get();
    }
  }
  return nullptr;
}

}  // namespace dockvet
