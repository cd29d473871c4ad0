#include "fix/fixer.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <set>
#include <tuple>

namespace dockvet::fix {

bool applies(const Fix& fix, const FixPolicy& policy) {
  return !fix.edits.empty() && (fix.safe || policy.unsafe);
}

namespace {

bool overlap(ByteRange a, ByteRange b) {
  if (!a.empty() && !b.empty()) return a.begin < b.end && b.begin < a.end;
  // An insertion at the same offset as another, or at the edge of a replaced range, conflicts
  // too: which text comes first would be a guess.
  return a.begin <= b.end && b.begin <= a.end;
}

}  // namespace

Applied apply_fixes(std::string_view text, std::span<const Fix* const> fixes) {
  std::vector<const Edit*> edits;
  Applied out;
  for (std::size_t i = 0; i < fixes.size(); ++i) {
    const std::vector<Edit>& mine = fixes[i]->edits;
    bool fits = !mine.empty();
    for (std::size_t k = 0; fits && k < mine.size(); ++k) {
      const ByteRange range = mine[k].range;
      if (range.begin > range.end || range.end > text.size()) fits = false;
      for (const Edit* taken : edits) fits = fits && !overlap(taken->range, range);
      for (std::size_t other = 0; other < k; ++other) {
        fits = fits && !overlap(mine[other].range, range);
      }
    }
    if (!fits) continue;
    out.taken.push_back(i);
    for (const Edit& edit : mine) edits.push_back(&edit);
  }
  std::sort(edits.begin(), edits.end(), [](const Edit* a, const Edit* b) {
    return std::tie(a->range.begin, a->range.end) < std::tie(b->range.begin, b->range.end);
  });
  std::size_t at = 0;
  for (const Edit* edit : edits) {
    out.text.append(text.substr(at, edit->range.begin - at));
    out.text.append(edit->replacement);
    at = edit->range.end;
  }
  out.text.append(text.substr(at));
  return out;
}

namespace {

// Where an offset of the text before `edits` lands after them: shifted by what the edits
// before it added or removed, or at the start of the replacement of an edit that covers it.
std::size_t moved(std::size_t offset, const std::vector<const Edit*>& edits) {
  std::ptrdiff_t shift = 0;
  for (const Edit* edit : edits) {
    if (edit->range.end <= offset) {
      shift += static_cast<std::ptrdiff_t>(edit->replacement.size()) -
               static_cast<std::ptrdiff_t>(edit->range.size());
    } else if (edit->range.begin < offset && offset < edit->range.end) {
      return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(edit->range.begin) + shift);
    }
  }
  return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) + shift);
}

// The findings of `after` that `before` did not have. A finding is the same one when its code
// matches and it starts on the line the old one moved to, or failing that when its message or
// the text it covers is the same (a fix may move a finding within its line, or rename what a
// message quotes).
std::vector<const Diagnostic*> introduced(const std::vector<Diagnostic>& before,
                                          const std::vector<Diagnostic>& after,
                                          const std::vector<const Edit*>& edits,
                                          const SourceFile& fixed) {
  std::map<std::tuple<std::string, std::uint32_t>, int> by_line;
  std::map<std::tuple<std::string, std::string>, int> by_message, by_text;
  for (const Diagnostic& d : before) {
    ++by_line[{d.code, fixed.lines.position(moved(d.range.begin, edits)).line}];
    ++by_message[{d.code, d.message}];
    ++by_text[{d.code, d.snippet}];
  }
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : after) {
    if (int& left = by_line[{d.code, d.start.line}]; left > 0) {
      --left;
    } else if (int& same_message = by_message[{d.code, d.message}]; same_message > 0) {
      --same_message;
    } else if (int& same_text = by_text[{d.code, d.snippet}]; same_text > 0) {
      --same_text;
    } else {
      out.push_back(&d);
    }
  }
  return out;
}

std::map<std::string, int> count_by_code(const std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, int> out;
  for (const Diagnostic& d : diagnostics) ++out[d.code];
  return out;
}

// Whether no rule has more findings in `now` than in `original`.
bool no_more_than(const std::map<std::string, int>& original, const std::vector<Diagnostic>& now) {
  for (const auto& [code, count] : count_by_code(now)) {
    const auto was = original.find(code);
    if (count > (was == original.end() ? 0 : was->second)) return false;
  }
  return true;
}

// Whether every code some of `fixed` came from has fewer findings after than before: a fix that
// leaves its finding in place would otherwise apply again on every pass.
bool removes_its_findings(const std::vector<const Diagnostic*>& fixed,
                          const std::vector<Diagnostic>& before,
                          const std::vector<Diagnostic>& after) {
  const auto old = count_by_code(before);
  const auto now = count_by_code(after);
  for (const Diagnostic* d : fixed) {
    const auto was = old.find(d->code);
    const auto is = now.find(d->code);
    const int count_now = is == now.end() ? 0 : is->second;
    if (was == old.end() || count_now >= was->second) return false;
  }
  return true;
}

// What identifies a fix across passes, whose offsets shift as other fixes apply: its rule, its
// edits' replacements and the text they replace, and the line it starts on.
std::string fix_identity(const Diagnostic& d, std::string_view text) {
  std::string id = d.code;
  for (const Edit& edit : d.fix->edits) {
    id += '\0';
    id += edit.replacement;
    id += '\0';
    id += text.substr(edit.range.begin, edit.range.size());
  }
  const std::size_t begin = d.fix->edits.front().range.begin;
  const std::size_t line_begin = text.rfind('\n', begin == 0 ? 0 : begin - 1);
  const std::size_t from = line_begin == std::string_view::npos || begin == 0 ? 0 : line_begin + 1;
  const std::size_t line_end = text.find('\n', begin);
  id += '\0';
  id += text.substr(from, (line_end == std::string_view::npos ? text.size() : line_end) - from);
  return id;
}

}  // namespace

FixedText fix_source(const SourceFile& file, const LintPolicy& policy, const FixPolicy& fixing) {
  FixedText out;
  out.text = file.text;
  out.remaining = lint_source(file, policy).diagnostics;
  const auto original_counts = count_by_code(out.remaining);
  // The last state with no rule holding more findings than the original: a pass may introduce
  // a finding that a later pass fixes (writing `From` as FROM makes `As` inconsistent), and if
  // the passes end before that, the file goes back to this state.
  FixedText last_good = out;
  std::set<std::string> rejected;  // fixes that introduced a finding or kept their own
  for (int pass = 0;; ++pass) {
    std::vector<const Diagnostic*> candidates;
    for (const Diagnostic& d : out.remaining) {
      if (d.fix && applies(*d.fix, fixing) && !rejected.contains(fix_identity(d, out.text))) {
        candidates.push_back(&d);
      }
    }
    if (candidates.empty()) break;
    if (pass == kMaxPasses) {
      out.converged = false;
      break;
    }
    // Tries `chosen` together; keeps the result when it removes the findings it fixes and
    // every finding it introduces has a fix of its own for the next pass.
    auto attempt = [&](const std::vector<const Diagnostic*>& chosen) -> bool {
      std::vector<const Fix*> fixes;
      for (const Diagnostic* d : chosen) fixes.push_back(&*d->fix);
      Applied applied = apply_fixes(out.text, fixes);
      if (applied.taken.empty() || applied.text == out.text) return false;
      std::vector<const Diagnostic*> taken;
      std::vector<const Edit*> edits;
      for (std::size_t index : applied.taken) {
        taken.push_back(chosen[index]);
        for (const Edit& edit : chosen[index]->fix->edits) edits.push_back(&edit);
      }
      std::sort(edits.begin(), edits.end(),
                [](const Edit* a, const Edit* b) { return a->range.begin < b->range.begin; });
      const SourceFile next(file.path, file.kind, applied.text);
      FileResult linted = lint_source(next, policy);
      if (!removes_its_findings(taken, out.remaining, linted.diagnostics)) return false;
      for (const Diagnostic* added : introduced(out.remaining, linted.diagnostics, edits, next)) {
        if (!added->fix || !applies(*added->fix, fixing)) return false;
      }
      out.fixes += taken.size();
      out.text = std::move(applied.text);
      out.remaining = std::move(linted.diagnostics);
      return true;
    };
    bool progressed = attempt(candidates);
    if (!progressed) {
      // Together they broke something: find, one at a time, the fixes that do, and apply the
      // first that does not. The next pass takes up the others again.
      std::vector<std::string> identities;
      for (const Diagnostic* d : candidates) identities.push_back(fix_identity(*d, out.text));
      for (std::size_t i = 0; i < candidates.size() && !progressed; ++i) {
        if (attempt({candidates[i]})) {
          progressed = true;
        } else {
          rejected.insert(identities[i]);
        }
      }
    }
    if (!progressed) break;
    if (no_more_than(original_counts, out.remaining)) last_good = out;
  }
  if (out.text != last_good.text) {
    const bool converged = out.converged;
    out = std::move(last_good);
    out.converged = converged;
  }
  return out;
}

FileResult fix_target(const LintTarget& target, const LintPolicy& policy, const FixPolicy& fixing) {
  FileResult result;
  result.path = target.path;
  Snapshot read = snapshot(target.path);
  if (read.error != 0) {
    // The same wording as a lint's read failure.
    return lint_target(target, policy);
  }
  try {
    const SourceFile file(target.path, target.kind, read.text);
    FixedText fixed = fix_source(file, policy, fixing);
    if (fixed.text == read.text) {
      result.diagnostics = std::move(fixed.remaining);
      return result;
    }
    if (fixing.write) {
      if (auto error = write_fixed(target.path, read, fixed.text)) {
        result.fix_error = target.path + ": not fixed: " + *error;
        result.diagnostics = lint_source(file, policy).diagnostics;
        return result;
      }
    }
    result.diagnostics = std::move(fixed.remaining);
    result.fixed =
        FileFixes{std::move(read.text), std::move(fixed.text), fixed.fixes, fixed.converged};
  } catch (const std::exception& error) {
    result.error = target.path + ": internal error while fixing: " + error.what();
  }
  return result;
}

}  // namespace dockvet::fix
