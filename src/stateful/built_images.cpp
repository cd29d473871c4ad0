#include "stateful/built_images.h"

#include <optional>
#include <string_view>

#include "catalog/image_ref.h"
#include "docker/flags.h"
#include "dockerfile/dockerfile.h"
#include "shell/regions.h"

namespace dockvet::stateful {
namespace {

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
  // The Dockerfile front end, so that continued lines, the escape directive, heredocs and
  // global ARGs in FROM read as BuildKit reads them.
  const SourceFile file("Dockerfile", FileKind::dockerfile, std::string(text));
  const dockerfile::Dockerfile model = dockerfile::parse(file);
  if (model.stages.empty()) return std::nullopt;
  const dockerfile::Stage& last = model.stages.back();
  const dockerfile::Stage* root = &last;
  while (root->base_stage >= 0) root = &model.stages[static_cast<std::size_t>(root->base_stage)];
  if (root->base.expanded.empty()) return std::nullopt;
  LastStage stage{root->base.expanded, {}, false};
  for (int i = last.from_instruction + 1; i <= last.last_instruction; ++i) {
    const auto& instruction = model.instructions[static_cast<std::size_t>(i)];
    switch (instruction.keyword) {
      case dockerfile::Keyword::volume:
      case dockerfile::Keyword::cmd:
      case dockerfile::Keyword::entrypoint: stage.changes_storage_or_command = true; break;
      case dockerfile::Keyword::env:
      case dockerfile::Keyword::arg:
        for (const auto& pair : instruction.pairs) stage.variables.push_back(pair.key.raw);
        break;
      default: break;
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
