#include "catalog/version.h"

#include <fmt/format.h>

#include <cctype>

namespace dockvet::catalog {
namespace {

bool is_digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// Reads "8.0.36" or "19beta3" from the start of `text`; `end` receives where it stopped.
std::optional<Version> read_version(std::string_view text, std::size_t& end) {
  Version version;
  std::size_t i = 0;
  while (i < text.size() && is_digit(text[i])) {
    int number = 0;
    std::size_t digits = 0;
    while (i < text.size() && is_digit(text[i])) {
      if (digits < 9) number = number * 10 + (text[i] - '0');
      ++digits;
      ++i;
    }
    version.numbers.push_back(number);
    if (i + 1 < text.size() && text[i] == '.' && is_digit(text[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  if (version.numbers.empty()) return std::nullopt;
  // Pre-release labels are the only letters a version may carry ("19beta3", "4.0.0-rc1" is
  // left to the suffix rule because '-' ends the version).
  for (std::string_view label : {"alpha", "beta", "rc"}) {
    if (text.substr(i, label.size()) == label) {
      std::size_t j = i + label.size();
      while (j < text.size() && is_digit(text[j])) ++j;
      version.prerelease = std::string(text.substr(i, j - i));
      i = j;
      break;
    }
  }
  version.text = std::string(text.substr(0, i));
  end = i;
  return version;
}

bool ends_version(std::string_view text, std::size_t end) {
  return end == text.size() || text[end] == '-' || text[end] == '_';
}

}  // namespace

std::optional<Version> leading_version(std::string_view tag) {
  std::size_t end = 0;
  auto version = read_version(tag, end);
  if (!version || !ends_version(tag, end)) return std::nullopt;
  return version;
}

std::optional<Version> marked_version(std::string_view tag, std::string_view marker) {
  if (marker.empty()) return std::nullopt;
  for (std::size_t at = tag.find(marker); at != std::string_view::npos;
       at = tag.find(marker, at + 1)) {
    if (at != 0 && tag[at - 1] != '-') continue;
    auto rest = tag.substr(at + marker.size());
    if (auto version = leading_version(rest)) return version;
  }
  return std::nullopt;
}

std::optional<Version> parse_version(std::string_view text) {
  std::size_t end = 0;
  auto version = read_version(text, end);
  if (!version || end != text.size()) return std::nullopt;
  return version;
}

int compare_prefix(const Version& version, const Version& bound) {
  for (std::size_t i = 0; i < bound.numbers.size(); ++i) {
    int have = i < version.numbers.size() ? version.numbers[i] : 0;
    if (have != bound.numbers[i]) return have < bound.numbers[i] ? -1 : 1;
  }
  return 0;
}

std::optional<VersionRange> VersionRange::parse(std::string_view text, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<VersionRange> {
    if (error) *error = fmt::format("'{}' is not a version range: {}", text, why);
    return std::nullopt;
  };
  VersionRange range;
  range.text_ = std::string(text);
  std::size_t i = 0;
  bool any = false;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    std::size_t end = text.find(' ', i);
    auto item = text.substr(i, end == std::string_view::npos ? text.size() - i : end - i);
    i = end == std::string_view::npos ? text.size() : end;
    any = true;
    if (item == "*") continue;
    using Op = Bound::Op;
    Op op = Op::equal;
    for (auto [prefix, prefix_op] : {std::pair{std::string_view(">="), Op::greater_equal},
                                     {"<=", Op::less_equal},
                                     {">", Op::greater},
                                     {"<", Op::less},
                                     {"=", Op::equal}}) {
      if (item.substr(0, prefix.size()) == prefix) {
        op = prefix_op;
        item.remove_prefix(prefix.size());
        break;
      }
    }
    std::size_t dash = item.find('-');
    if (op == Op::equal && dash != std::string_view::npos) {
      auto low = parse_version(item.substr(0, dash));
      auto high = parse_version(item.substr(dash + 1));
      if (!low || !high) return fail("expected LOW-HIGH");
      range.bounds_.push_back({Op::greater_equal, *low});
      range.bounds_.push_back({Op::less_equal, *high});
      continue;
    }
    auto version = parse_version(item);
    if (!version) return fail(fmt::format("'{}' is not a version", item));
    range.bounds_.push_back({op, *version});
  }
  if (!any) return fail("it is empty (use \"*\" for every version)");
  return range;
}

bool VersionRange::contains(const Version& version) const {
  for (const auto& bound : bounds_) {
    int order = compare_prefix(version, bound.version);
    bool ok = false;
    switch (bound.op) {
      case Bound::Op::less: ok = order < 0; break;
      case Bound::Op::less_equal: ok = order <= 0; break;
      case Bound::Op::equal: ok = order == 0; break;
      case Bound::Op::greater_equal: ok = order >= 0; break;
      case Bound::Op::greater: ok = order > 0; break;
    }
    if (!ok) return false;
  }
  return true;
}

}  // namespace dockvet::catalog
