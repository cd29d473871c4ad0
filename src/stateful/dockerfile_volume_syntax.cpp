// Shapes of VOLUME words that BuildKit accepts but that do not declare what the author meant.
#include "stateful/dockerfile_volume_syntax.h"

#include <cctype>

#include "docker/paths.h"

namespace dockvet::stateful {

namespace {

bool drive_at(std::string_view path, std::size_t i) {
  if (i + 1 >= path.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(path[i])) || path[i + 1] != ':') return false;
  return i + 2 == path.size() || path[i + 2] == '\\' || path[i + 2] == '/';
}

bool is_absolute(std::string_view path) {
  return (!path.empty() && path.front() == '/') || drive_at(path, 0);
}

}  // namespace

std::optional<std::string> container_part(std::string_view path) {
  const std::size_t from = drive_at(path, 0) ? 2 : 0;
  const auto colon = path.find(':', from);
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view rest = path.substr(colon + 1);
  const std::size_t rest_from = drive_at(rest, 0) ? 2 : 0;
  rest = rest.substr(0, rest.find(':', rest_from));
  if (!is_absolute(rest)) return std::nullopt;
  return std::string(rest);
}

bool is_broken_json_volume(const dockerfile::Instruction& volume) {
  return volume.keyword == dockerfile::Keyword::volume && !volume.is_exec_form() &&
         !volume.args.empty() && volume.args.front() == '[';
}

bool is_relative_volume_path(std::string_view path) {
  // `C:data` is what `VOLUME C:\data` becomes when `\` is the escape character: a Windows path.
  const bool drive =
      path.size() >= 2 && std::isalpha(static_cast<unsigned char>(path[0])) && path[1] == ':';
  return !path.empty() && path.front() != '/' && !drive && !docker::is_windows_path(path);
}

std::optional<std::string> replacement_for(const dockerfile::Instruction& volume,
                                           const dockerfile::Token& token, std::string_view path) {
  if (!token.expanded_known) return std::nullopt;
  if (volume.is_exec_form()) {
    if (token.raw != "\"" + token.expanded + "\"") return std::nullopt;
    if (path.find_first_of("\"\\") != std::string_view::npos) return std::nullopt;
    return "\"" + std::string(path) + "\"";
  }
  if (token.raw != token.expanded) return std::nullopt;
  if (path.find_first_of(" \t'\"\\$") != std::string_view::npos) return std::nullopt;
  return std::string(path);
}

}  // namespace dockvet::stateful
