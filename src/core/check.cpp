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
    for (Edit& edit : fix->edits) {
      edit.range.end = std::min(edit.range.end, file_.text.size());
      edit.range.begin = std::min(edit.range.begin, edit.range.end);
      edit.start = file_.lines.position(edit.range.begin);
      edit.end = file_.lines.position(edit.range.end);
    }
    d.fix = std::move(fix);
  }
  out_.push_back(std::move(d));
}

void report_front_end_issues(std::string_view code, const FileFacts& facts, Findings& findings) {
  for (const auto& issue : facts.issues) {
    if (issue.code == code) findings.report(issue.range, issue.message);
  }
}

namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '.' ||
         c == '+';
}

bool is_program_name(std::string_view trigger) {
  if (trigger.ends_with('*')) trigger.remove_suffix(1);
  return !trigger.empty() && std::all_of(trigger.begin(), trigger.end(), is_name_char);
}

// Calls `found` with each word of `text` that could name a program, until it returns true. A
// word runs over name characters, slashes, quotes and backslashes; blanks, `=`, `$`, `;`, `|`
// and braces end it. Quotes and backslashes are dropped as the shell drops them and only the
// last path component counts, so `"apt-get"`, `sh -c 'apt-get …'`, `apt"-get"` and
// `/usr/bin/apt-get` all give `apt-get`.
template <typename Found>
bool any_program_word(std::string_view text, Found&& found) {
  auto in_word = [](char c) {
    return is_name_char(c) || c == '/' || c == '\'' || c == '"' || c == '\\';
  };
  std::string unquoted;
  for (std::size_t at = 0; at < text.size();) {
    if (!in_word(text[at])) {
      ++at;
      continue;
    }
    std::size_t end = at;
    while (end < text.size() && in_word(text[end])) ++end;
    std::string_view word = text.substr(at, end - at);
    at = end;
    if (word.find_first_of("'\"\\") != std::string_view::npos) {
      unquoted.clear();
      for (const char c : word) {
        if (c != '\'' && c != '"' && c != '\\') unquoted += c;
      }
      word = unquoted;
    }
    if (const std::size_t slash = word.rfind('/'); slash != std::string_view::npos) {
      word.remove_prefix(slash + 1);
    }
    if (!word.empty() && found(word)) return true;
  }
  return false;
}

}  // namespace

bool RunBodyText::holds(std::string_view trigger) const {
  if (!is_program_name(trigger)) return text_.find(trigger) != std::string_view::npos;
  if (trigger.ends_with('*')) {
    trigger.remove_suffix(1);
    return any_program_word(text_,
                            [trigger](std::string_view word) { return word.starts_with(trigger); });
  }
  return any_program_word(text_, [trigger](std::string_view word) { return word == trigger; });
}

void RunTriggerSet::add(const Check& check) {
  const CheckMeta& info = check.meta();
  if (!info.reads_every_run) return;
  if (info.run_triggers.empty()) {
    asked_.push_back(&check);
    return;
  }
  for (std::string_view trigger : info.run_triggers) {
    if (!is_program_name(trigger)) {
      symbols_.push_back(trigger);
    } else if (trigger.ends_with('*')) {
      prefixes_.push_back(trigger.substr(0, trigger.size() - 1));
    } else {
      words_.push_back(trigger);
    }
  }
}

void RunTriggerSet::seal() {
  for (auto* list : {&symbols_, &prefixes_, &words_}) {
    std::sort(list->begin(), list->end());
    list->erase(std::unique(list->begin(), list->end()), list->end());
  }
}

bool RunTriggerSet::may_be_judged(const RunBodyText& body) const {
  const std::string_view text = body.text();
  for (std::string_view symbol : symbols_) {
    if (text.find(symbol) != std::string_view::npos) return true;
  }
  if ((!words_.empty() || !prefixes_.empty()) &&
      any_program_word(text, [this](std::string_view word) {
        if (std::binary_search(words_.begin(), words_.end(), word)) return true;
        return std::any_of(prefixes_.begin(), prefixes_.end(),
                           [word](std::string_view prefix) { return word.starts_with(prefix); });
      })) {
    return true;
  }
  return std::any_of(asked_.begin(), asked_.end(),
                     [&body](const Check* check) { return check->may_judge_run(body); });
}

bool Check::may_judge_run(const RunBodyText& body) const {
  const CheckMeta& info = meta();
  if (!info.reads_every_run) return false;
  if (info.run_triggers.empty()) return true;
  return std::any_of(info.run_triggers.begin(), info.run_triggers.end(),
                     [&body](std::string_view trigger) { return body.holds(trigger); });
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
