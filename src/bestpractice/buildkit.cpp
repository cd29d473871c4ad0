#include "bestpractice/buildkit.h"

#include <cctype>
#include <vector>

#include "core/edit_distance.h"

namespace dockvet::bestpractice {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

ExposedPort split_exposed_port(std::string_view word) {
  ExposedPort out;
  std::vector<std::string_view> parts;
  for (;;) {
    const std::size_t colon = word.find(':');
    parts.push_back(word.substr(0, colon));
    if (colon == std::string_view::npos) break;
    word.remove_prefix(colon + 1);
  }
  const std::size_t n = parts.size();
  std::string_view container = parts[n - 1];
  if (n >= 2) out.host_port = std::string(parts[n - 2]);
  for (std::size_t i = 0; i + 2 < n; ++i) {
    if (i > 0) out.ip += ':';
    out.ip += parts[i];
  }
  const std::size_t slash = container.find('/');
  out.port = std::string(container.substr(0, slash));
  if (slash != std::string_view::npos) out.proto = std::string(container.substr(slash + 1));
  const std::string proto = lower(out.proto);
  out.valid =
      !out.port.empty() && (proto.empty() || proto == "tcp" || proto == "udp" || proto == "sctp");
  return out;
}

std::string suggest_name(std::string_view name, std::span<const std::string> options,
                         bool case_sensitive) {
  const std::string wanted = case_sensitive ? std::string(name) : lower(name);
  std::string match;
  std::size_t best = 3;
  for (const std::string& option : options) {
    const std::string candidate = case_sensitive ? option : lower(option);
    if (candidate == wanted) return {};
    const std::size_t distance = edit_distance(wanted, candidate);
    if (distance < best) {
      best = distance;
      match = option;
    }
  }
  return match;
}

}  // namespace dockvet::bestpractice
