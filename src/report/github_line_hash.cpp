#include "report/github_line_hash.h"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <map>

#include "report/encoding.h"

namespace dockvet::report {
namespace {

constexpr std::size_t kBlockSize = 100;
constexpr std::uint64_t kBase = 37;
constexpr char16_t kEndOfFile = 0xFFFF;

/// The rolling hash over a window of kBlockSize units; a line's hash is taken when the window
/// has moved kBlockSize units past the line's first unit.
class LineHasher {
 public:
  LineHasher() {
    line_at_.fill(0);
    for (std::size_t i = 0; i < kBlockSize; ++i) first_power_ *= kBase;
  }

  void feed(char16_t unit) {
    if (unit == u' ' || unit == u'\t' || (previous_cr_ && unit == u'\n')) {
      previous_cr_ = false;
      return;
    }
    previous_cr_ = unit == u'\r';
    if (previous_cr_) unit = u'\n';
    if (line_at_[index_] != 0) emit();
    if (line_start_) {
      line_start_ = false;
      line_at_[index_] = ++line_;
    }
    if (unit == u'\n') line_start_ = true;
    roll(unit);
  }

  std::vector<std::string> finish() {
    feed(kEndOfFile);
    for (std::size_t i = 0; i < kBlockSize; ++i) {
      if (line_at_[index_] != 0) emit();
      roll(0);
    }
    return std::move(hashes_);
  }

 private:
  void roll(char16_t unit) {
    const std::uint64_t leaving = window_[index_];
    window_[index_] = unit;
    hash_ = kBase * hash_ + unit - first_power_ * leaving;
    index_ = (index_ + 1) % kBlockSize;
  }

  void emit() {
    const std::string hex = fmt::format("{:x}", hash_);
    const std::size_t line = line_at_[index_];
    if (hashes_.size() < line) hashes_.resize(line);
    hashes_[line - 1] = fmt::format("{}:{}", hex, ++seen_[hex]);
    line_at_[index_] = 0;
  }

  std::array<char16_t, kBlockSize> window_{};
  std::array<std::size_t, kBlockSize> line_at_{};  // 1-based line starting at each slot, or 0
  std::uint64_t hash_ = 0;
  std::uint64_t first_power_ = 1;
  std::size_t index_ = 0;
  std::size_t line_ = 0;
  bool line_start_ = true;
  bool previous_cr_ = false;
  std::map<std::string, int> seen_;
  std::vector<std::string> hashes_;
};

}  // namespace

std::vector<std::string> github_line_hashes(std::string_view text) {
  LineHasher hasher;
  for (char16_t unit : utf16_units(text)) hasher.feed(unit);
  return hasher.finish();
}

}  // namespace dockvet::report
