#include "config/matching.h"

#include <algorithm>
#include <cctype>

namespace dockvet::config {

namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), lower);
  return out;
}

std::size_t match_score(std::string_view key, const CheckMeta& meta) {
  if (key.empty()) return 0;
  if (iequals(key, meta.code) || iequals(key, meta.name)) return kExactMatch;
  std::size_t score = istarts_with(meta.code, key) ? key.size() : 0;
  for (std::string_view alias : meta.aliases) {
    if (iequals(key, alias)) return kExactMatch;
    if (istarts_with(alias, key)) score = std::max(score, key.size());
  }
  return score;
}

}  // namespace dockvet::config
