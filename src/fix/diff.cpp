// The unified diff `--diff` prints: lines compared whole (their newline included), a longest
// common subsequence between the first and the last differing line, 3 lines of context.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "fix/fixer.h"

namespace dockvet::fix {

namespace {

constexpr std::size_t kContext = 3;
// Above this many cells the middle of the two texts is shown as deleted and inserted whole: the
// diff stays right, only longer, and the table stays small.
constexpr std::size_t kMaxTableCells = std::size_t{4} << 20;

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::size_t length = newline == std::string_view::npos ? text.size() : newline + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

struct Op {
  char kind;         // ' ', '-', '+'
  std::size_t line;  // index into the old lines (' ', '-') or the new ones ('+')
};

std::vector<Op> middle_ops(const std::vector<std::string_view>& a, std::size_t a_begin,
                           std::size_t a_end, const std::vector<std::string_view>& b,
                           std::size_t b_begin, std::size_t b_end) {
  const std::size_t n = a_end - a_begin, m = b_end - b_begin;
  std::vector<Op> ops;
  if (n * m > kMaxTableCells) {
    for (std::size_t i = a_begin; i < a_end; ++i) ops.push_back({'-', i});
    for (std::size_t j = b_begin; j < b_end; ++j) ops.push_back({'+', j});
    return ops;
  }
  // common[i][j]: the longest common subsequence of a[i..] and b[j..].
  std::vector<std::uint32_t> common((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return common[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      at(i, j) = a[a_begin + i] == b[b_begin + j] ? at(i + 1, j + 1) + 1
                                                  : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[a_begin + i] == b[b_begin + j]) {
      ops.push_back({' ', a_begin + i});
      ++i, ++j;
    } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
      ops.push_back({'+', b_begin + j++});
    } else {
      ops.push_back({'-', a_begin + i++});
    }
  }
  // Deletions before insertions within each changed block, as diff(1) prints them.
  for (std::size_t k = 0; k < ops.size();) {
    if (ops[k].kind == ' ') {
      ++k;
      continue;
    }
    std::size_t end = k;
    while (end < ops.size() && ops[end].kind != ' ') ++end;
    std::stable_partition(ops.begin() + static_cast<std::ptrdiff_t>(k),
                          ops.begin() + static_cast<std::ptrdiff_t>(end),
                          [](const Op& op) { return op.kind == '-'; });
    k = end;
  }
  return ops;
}

void print_line(std::string& out, char kind, std::string_view line) {
  out += kind;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range_of(std::size_t first, std::size_t count) {
  // A hunk that holds no line of one side names the line before it there.
  return fmt::format("{},{}", count == 0 ? first : first + 1, count);
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return "";
  const auto a = lines_of(before);
  const auto b = lines_of(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  std::vector<Op> ops;
  for (std::size_t i = 0; i < prefix; ++i) ops.push_back({' ', i});
  for (const Op& op : middle_ops(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix)) {
    ops.push_back(op);
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) ops.push_back({' ', i});

  std::string out = fmt::format("--- {}\n+++ {}\n", path, path);
  // Old and new line numbers before each op.
  std::vector<std::size_t> old_before(ops.size() + 1), new_before(ops.size() + 1);
  for (std::size_t k = 0; k < ops.size(); ++k) {
    old_before[k + 1] = old_before[k] + (ops[k].kind != '+');
    new_before[k + 1] = new_before[k] + (ops[k].kind != '-');
  }
  for (std::size_t k = 0; k < ops.size();) {
    if (ops[k].kind == ' ') {
      ++k;
      continue;
    }
    // A hunk: from kContext lines before this change to kContext after the last change that
    // is within 2 * kContext equal lines of the one before it.
    const std::size_t start = k > kContext ? k - kContext : 0;
    std::size_t last = k;
    for (std::size_t next = k + 1; next < ops.size(); ++next) {
      if (ops[next].kind == ' ') continue;
      if (next - last > 2 * kContext + 1) break;
      last = next;
    }
    const std::size_t end = std::min(ops.size(), last + 1 + kContext);
    out += fmt::format("@@ -{} +{} @@\n",
                       range_of(old_before[start], old_before[end] - old_before[start]),
                       range_of(new_before[start], new_before[end] - new_before[start]));
    for (std::size_t h = start; h < end; ++h) {
      print_line(out, ops[h].kind, ops[h].kind == '+' ? b[ops[h].line] : a[ops[h].line]);
    }
    k = end;
  }
  return out;
}

}  // namespace dockvet::fix
