#include "stateful/built_images.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>

#include "catalog/image_ref.h"
#include "docker/flags.h"
#include "shell/regions.h"

namespace dockvet::stateful {
namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> split_words(std::string_view line) {
  std::vector<std::string> words;
  std::istringstream in{std::string(line)};
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

/// The `-t`/`--tag` names of a `docker build` / `docker image build` / `docker buildx build`.
std::vector<std::string> build_tags(const CommandLine& command) {
  const auto& words = command.words;
  if (words.empty() || !words[0].known() || !docker::tool_from_program(words[0].text())) return {};
  std::size_t index = 1;
  while (index < words.size() && words[index].known() && words[index].text() != "build") {
    const std::string text = words[index].text();
    if (text != "image" && text != "buildx" && text != "builder") return {};
    ++index;
  }
  if (index >= words.size()) return {};
  // Only a build of the current directory with its default Dockerfile is taken to build the
  // Dockerfile shown above it; `-f` or another context may build anything.
  if (!words.back().known() || words.back().text() != ".") return {};
  std::vector<std::string> tags;
  for (++index; index < words.size(); ++index) {
    if (!words[index].known()) continue;
    const std::string text = words[index].text();
    if ((text == "-t" || text == "--tag") && index + 1 < words.size() && words[index + 1].known()) {
      tags.push_back(words[++index].text());
    } else if (text == "-f" || text == "--file" || text.starts_with("--file=") ||
               (text.starts_with("-f") && text.size() > 2)) {
      return {};
    } else if (text.starts_with("--tag=")) {
      tags.push_back(text.substr(6));
    } else if (text.starts_with("-t") && text.size() > 2) {
      tags.push_back(text.substr(text[2] == '=' ? 3 : 2));
    }
  }
  return tags;
}

}  // namespace

std::optional<LastStage> read_last_stage(std::string_view text) {
  std::map<std::string, std::string> stage_bases;  // lowercased alias → base
  std::optional<LastStage> stage;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    const auto words = split_words(text.substr(at, end - at));
    at = end + 1;
    if (words.empty() || words[0].starts_with("#")) continue;
    const std::string instruction = upper(words[0]);
    if (instruction == "FROM") {
      std::size_t image = 1;
      while (image < words.size() && words[image].starts_with("--")) ++image;
      if (image >= words.size()) return std::nullopt;
      std::string base = words[image];
      std::string lowered = base;
      std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (auto known = stage_bases.find(lowered); known != stage_bases.end()) base = known->second;
      stage = LastStage{base, {}, false};
      if (image + 2 < words.size() && upper(words[image + 1]) == "AS") {
        std::string alias = words[image + 2];
        std::transform(alias.begin(), alias.end(), alias.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        stage_bases[alias] = base;
      }
      continue;
    }
    if (!stage) continue;
    if (instruction == "VOLUME" || instruction == "CMD" || instruction == "ENTRYPOINT") {
      stage->changes_storage_or_command = true;
    } else if ((instruction == "ENV" || instruction == "ARG") && words.size() > 1) {
      for (std::size_t i = 1; i < words.size(); ++i) {
        std::string name = words[i].substr(0, words[i].find('='));
        if (!name.empty()) stage->variables.push_back(name);
        if (words[i].find('=') == std::string::npos) break;  // legacy `ENV NAME value`
      }
    }
  }
  return stage;
}

std::vector<BuiltImage> built_images(const SourceFile& file, std::span<const ShellScript> scripts) {
  std::vector<BuiltImage> built;
  if (file.kind != FileKind::markdown) return built;
  std::vector<shell::ShownDockerfile> shown;
  bool shown_read = false;
  for (const auto& script : scripts) {
    for (const auto& command : script.commands) {
      const auto tags = build_tags(command);
      if (tags.empty()) continue;
      if (!shown_read) {
        shown = shell::markdown_dockerfiles(file.text);
        shown_read = true;
      }
      const shell::ShownDockerfile* nearest = nullptr;
      for (const auto& dockerfile : shown) {
        if (dockerfile.end <= command.range.begin) nearest = &dockerfile;
      }
      if (!nearest) continue;
      const auto stage = read_last_stage(nearest->text);
      if (!stage || stage->changes_storage_or_command) continue;
      for (const auto& tag : tags) {
        const catalog::ImageRef ref = catalog::parse_image_ref(tag);
        if (!ref.name_known || !ref.valid) continue;
        built.push_back({ref.key(), stage->base, stage->variables});
      }
    }
  }
  return built;
}

}  // namespace dockvet::stateful
