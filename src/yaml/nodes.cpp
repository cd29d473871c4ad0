#include "yaml/nodes.h"

#include <yaml-cpp/depthguard.h>

#include <algorithm>

namespace dockvet::yaml {
namespace {

YAML::Node get(const YAML::Node& map, std::string_view key, int depth) {
  if (!map || !map.IsMap() || depth > 8) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& entry : map) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
  }
  for (const auto& entry : map) {
    if (!entry.first.IsScalar() || entry.first.Scalar() != "<<") continue;
    if (entry.second.IsMap()) return get(entry.second, key, depth + 1);
    if (entry.second.IsSequence()) {
      for (const auto& source : entry.second) {
        if (auto found = get(source, key, depth + 1)) return found;
      }
    }
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

}  // namespace

YAML::Node get(const YAML::Node& map, std::string_view key) {
  return get(map, key, 0);
}

ScalarSource scalar_source(std::string_view text, std::size_t pos, const std::string& value) {
  pos = std::min(pos, text.size());
  ScalarSource source{{pos, pos}, pos, false};
  if (pos >= text.size()) return source;
  const char first = text[pos];
  if (first == '"' || first == '\'') {
    std::size_t close = pos + 1;
    while (close < text.size()) {
      if (first == '"' && text[close] == '\\') {
        close += 2;
        continue;
      }
      if (text[close] == first) {
        if (first == '\'' && close + 1 < text.size() && text[close + 1] == '\'') {
          close += 2;
          continue;
        }
        break;
      }
      ++close;
    }
    close = std::min(close, text.size());
    source.range = {pos, std::min(close + 1, text.size())};
    source.content = pos + 1;
    source.exact = text.substr(pos + 1, value.size()) == value && pos + 1 + value.size() == close;
    return source;
  }
  if (text.substr(pos, value.size()) == value) {
    source.range = {pos, pos + value.size()};
    source.exact = true;
    return source;
  }
  std::size_t end = text.find('\n', pos);
  if (end == std::string_view::npos) end = text.size();
  while (end > pos && (text[end - 1] == ' ' || text[end - 1] == '\r')) --end;
  source.range = {pos, end};
  return source;
}

FrontEndIssue yaml_error(const SourceFile& file, const YAML::Exception& error,
                         std::uint32_t lines_before) {
  const std::size_t line_start = file.lines.line_start(
      lines_before + static_cast<std::uint32_t>(std::max(0, error.mark.line) + 1));
  std::size_t at = std::min(line_start + static_cast<std::size_t>(std::max(0, error.mark.column)),
                            file.text.size());
  // At the end of the file, point at the last line rather than past it.
  while (at > 0 && at >= file.text.size() - (file.text.ends_with('\n') ? 1 : 0)) --at;
  // yaml-cpp's nesting guard says only "bad file".
  const auto* deep = dynamic_cast<const YAML::DeepRecursion*>(&error);
  const std::string why = deep ? "it nests deeper than the YAML parser follows, " +
                                     std::to_string(deep->depth()) + " levels"
                               : error.msg;
  return {invalid_yaml_code,
          {at, std::min(at + 1, file.text.size())},
          "this is not valid YAML (" + why + "), so the file was not linted"};
}

}  // namespace dockvet::yaml
