// A rule's documentation page, generated from the check's metadata so that the docs, --explain
// and SARIF's help text cannot drift from the code. The outline follows ruff's rule pages.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "report/report.h"

namespace dockvet::report {
namespace {

/// A code fence longer than any run of backticks inside the example, so no example can end it.
std::string fence_for(std::string_view body) {
  std::size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

std::string fenced(std::string_view body, std::string_view language) {
  const std::string fence = fence_for(body);
  std::string text(body);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return fmt::format("{}{}\n{}\n{}\n", fence, language, text, fence);
}

std::string sentence(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out.back() != '.' && out.back() != '!' && out.back() != '?') out += '.';
  return out;
}

void section(std::string& page, std::string_view title, std::string_view body) {
  if (body.empty()) return;
  page += fmt::format("\n## {}\n\n{}", title, body);
  if (page.back() != '\n') page += '\n';
}

std::string_view fix_availability(FixAvailability fixes) {
  switch (fixes) {
    case FixAvailability::none: break;
    case FixAvailability::safe: return "safe: `dockvet --fix` applies it.";
    case FixAvailability::unsafe:
      return "unsafe, since it changes what runs: `dockvet --fix --unsafe-fixes` applies it.";
    case FixAvailability::safe_or_unsafe:
      return "safe where the result is certain (`dockvet --fix` applies it), unsafe elsewhere "
             "(`--unsafe-fixes`).";
  }
  return "";
}

}  // namespace

std::string rule_page(const CheckMeta& meta) {
  std::string page = fmt::format("# {}: {}\n\n{}\n", meta.code, meta.name, sentence(meta.summary));
  page += fmt::format("\nDefault severity: {}.", to_string(meta.severity));
  if (!meta.aliases.empty()) {
    std::vector<std::string> quoted;
    for (auto alias : meta.aliases) quoted.push_back(fmt::format("`{}`", alias));
    page += fmt::format(" Aliases: {}.", fmt::join(quoted, ", "));
  }
  if (meta.data_loss) page += " A finding means data can be lost.";
  page += '\n';
  section(page, "Why is this bad?", meta.rationale);
  if (!meta.bad_example.empty())
    section(page, "Example", fenced(meta.bad_example, meta.example_language));
  if (!meta.good_example.empty())
    section(page, "Use instead", fenced(meta.good_example, meta.example_language));
  std::string how = std::string(meta.fix);
  if (meta.fixes != FixAvailability::none) {
    how += fmt::format("{}Automatic fix: {}\n", how.empty() ? "" : "\n\n",
                       fix_availability(meta.fixes));
  }
  section(page, "How to fix", how);
  section(page, "Differences from the original rule", meta.differences);
  return page;
}

namespace {

constexpr RuleFamily kFamilies[] = {
    {"DV0", "Input and syntax"},
    {"DV1", "Data persistence"},
    {"DL", "Dockerfile best practices (hadolint's codes)"},
    {"SC", "Shell in RUN (ShellCheck's codes)"},
    {"BK", "BuildKit build checks"},
    {"", "Other"},
};

}  // namespace

std::span<const RuleFamily> rule_families() {
  return kFamilies;
}

const RuleFamily& rule_family(std::string_view code) {
  for (const RuleFamily& family : kFamilies) {
    if (code.starts_with(family.prefix)) return family;
  }
  return kFamilies[std::size(kFamilies) - 1];
}

std::string rule_index(std::span<const std::unique_ptr<Check>> checks) {
  std::string page =
      "# Rules\n\nEvery rule dockvet has, by family. Rules marked *off* run only when "
      "selected by their code or name (`--select DL3057`) or given a severity in the "
      "configuration, as hadolint's rules of severity `ignore` do.\n";
  for (const RuleFamily& family : kFamilies) {
    std::string rows;
    for (const auto& check : checks) {
      const CheckMeta& meta = check->meta();
      if (&rule_family(meta.code) != &family) continue;
      rows += fmt::format("| [{}]({}.md) | `{}` | {}{} | {} |\n", meta.code, meta.code, meta.name,
                          to_string(meta.severity), meta.off_by_default ? " (off)" : "",
                          sentence(meta.summary));
    }
    if (rows.empty()) continue;
    page += fmt::format(
        "\n## {}\n\n| code | name | severity | summary |\n| --- | --- | --- | --- |\n{}",
        family.title, rows);
  }
  return page;
}

}  // namespace dockvet::report
