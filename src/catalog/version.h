#pragma once
// Versions read from image tags ("16-alpine" → 16, "19beta3" → 19 pre-release, "2.17.2-pg16" →
// 16 when the entry reads the "pg" number) and the version ranges catalog entries use.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dockvet::catalog {

/// A dotted numeric version with an optional pre-release label ("beta3").
struct Version {
  std::vector<int> numbers;  // {8, 0, 36}
  std::string prerelease;    // "beta3", "rc1", "" for a release
  std::string text;          // "8.0.36", "19beta3"

  int major() const { return numbers.empty() ? 0 : numbers.front(); }
};

/// The leading version of a tag: digits and dots, then an optional alpha/beta/rc label, ended by
/// the tag's end or '-', '_' ("16-alpine", "8.0.36-debian", "2026.06.0", "19beta3").
/// nullopt when the tag does not start with a version ("alpine", "latest", "lts").
std::optional<Version> leading_version(std::string_view tag);

/// The version after `marker` in a tag: marker "pg" reads 16 from "2.17.2-pg16" and
/// "latest-pg16". The marker must start the tag or follow a '-'.
std::optional<Version> marked_version(std::string_view tag, std::string_view marker);

/// Parses "8.0.36" or "19beta3"; nullopt unless the whole text is a version.
std::optional<Version> parse_version(std::string_view text);

/// Compares on the components both sides have, so 17.2 equals bound 17 ("17.x").
int compare_prefix(const Version& version, const Version& bound);

/// A set of versions written as space-separated bounds: "*", ">=18", "<=17", ">=2 <3", "=8.4",
/// "14-17" (inclusive, prefix-wise). Pre-releases belong to their numbers: 19beta3 is >= 19.
class VersionRange {
 public:
  /// nullopt when the text is not a range; `error` then says why.
  static std::optional<VersionRange> parse(std::string_view text, std::string* error = nullptr);
  bool contains(const Version& version) const;
  const std::string& text() const { return text_; }
  // The text determines the bounds.
  friend bool operator==(const VersionRange& a, const VersionRange& b) {
    return a.text_ == b.text_;
  }

 private:
  struct Bound {
    enum class Op { less, less_equal, equal, greater_equal, greater } op;
    Version version;
  };
  std::vector<Bound> bounds_;
  std::string text_;
};

}  // namespace dockvet::catalog
