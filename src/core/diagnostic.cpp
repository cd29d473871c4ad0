#include "core/diagnostic.h"

#include <tuple>

namespace dockvet {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
    case Severity::style: return "style";
  }
  return "warning";
}

std::optional<Severity> severity_from_string(std::string_view name) {
  std::string lower(name);
  for (auto& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (Severity s : {Severity::error, Severity::warning, Severity::info, Severity::style}) {
    if (to_string(s) == lower) return s;
  }
  return std::nullopt;
}

Fix Fix::replace(std::string description, ByteRange range, std::string replacement, bool safe) {
  Fix fix;
  fix.description = std::move(description);
  fix.edits.push_back({range, std::move(replacement), {}, {}});
  fix.safe = safe;
  return fix;
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.start, a.code, a.end, a.message) <
         std::tie(b.file, b.start, b.code, b.end, b.message);
}

std::string quotable(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  // Back up over continuation bytes (10xxxxxx) so that no character is split.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

}  // namespace dockvet
