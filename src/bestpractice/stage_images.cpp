#include "bestpractice/stage_images.h"

namespace dockvet::bestpractice {

namespace {

using dockerfile::Keyword;

// The earlier stage a RUN --mount reads from, or -1.
int mounted_stage(const dockerfile::Dockerfile& dockerfile, const dockerfile::Instruction& run) {
  for (const auto& flag : run.flags) {
    if (flag.name != "mount" || !flag.value) continue;
    const auto source = mount_source(*flag.value);
    if (!source) continue;
    const dockerfile::Stage* stage = dockerfile.stage(*source);
    if (stage != nullptr && stage->index < run.stage) return stage->index;
  }
  return -1;
}

// Docker reads the first path component as a registry host when it could not be a Docker Hub
// namespace: it holds a dot or a port, or is `localhost`.
bool names_host(std::string_view component) {
  return component.find_first_of(".:") != std::string_view::npos || component == "localhost";
}

}  // namespace

std::vector<bool> output_stages(const dockerfile::Dockerfile& dockerfile) {
  std::vector<bool> consumed(dockerfile.stages.size(), false);
  for (const auto& stage : dockerfile.stages) {
    if (stage.base_stage >= 0) consumed[static_cast<std::size_t>(stage.base_stage)] = true;
  }
  for (const auto& instruction : dockerfile.instructions) {
    // A trigger's --from names a stage of the child's Dockerfile, not of this one.
    if (instruction.onbuild || instruction.stage < 0) continue;
    int source = -1;
    if (instruction.keyword == Keyword::copy || instruction.keyword == Keyword::add) {
      source = instruction.stage_ref;
    } else if (instruction.keyword == Keyword::run) {
      source = mounted_stage(dockerfile, instruction);
    }
    if (source >= 0) consumed[static_cast<std::size_t>(source)] = true;
  }
  std::vector<bool> outputs(dockerfile.stages.size(), false);
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    outputs[i] = i + 1 == outputs.size() || !consumed[i];
  }
  return outputs;
}

std::vector<Repeat> repeats_in_stage(const dockerfile::Dockerfile& dockerfile, Keyword keyword) {
  std::vector<Repeat> repeats;
  int previous = -1;
  int previous_stage = -1;
  for (std::size_t i = 0; i < dockerfile.instructions.size(); ++i) {
    const auto& instruction = dockerfile.instructions[i];
    if (instruction.keyword != keyword || instruction.onbuild) continue;
    const int index = static_cast<int>(i);
    if (previous >= 0 && previous_stage == instruction.stage) repeats.push_back({previous, index});
    previous = index;
    previous_stage = instruction.stage;
  }
  return repeats;
}

WrittenReference split_written_reference(std::string_view raw) {
  WrittenReference ref;
  for (const char c : raw) {
    if (c != '"' && c != '\'') ref.text += c;
  }
  ref.has_variable = ref.text.find('$') != std::string::npos;
  std::string_view rest = ref.text;
  if (const auto at = rest.find('@'); at != std::string_view::npos) {
    ref.digest = std::string(rest.substr(at + 1));
    rest = rest.substr(0, at);
  }
  const auto slash = rest.rfind('/');
  const std::size_t last_begin = slash == std::string_view::npos ? 0 : slash + 1;
  if (const auto colon = rest.rfind(':'); colon != std::string_view::npos && colon >= last_begin) {
    ref.tag = std::string(rest.substr(colon + 1));
    ref.tag_offset = colon + 1;
    rest = rest.substr(0, colon);
  }
  ref.name = std::string(rest);
  ref.last_component = std::string(rest.substr(last_begin));
  if (const auto first_slash = rest.find('/'); first_slash != std::string_view::npos) {
    const std::string_view first = rest.substr(0, first_slash);
    if (names_host(first)) ref.registry = std::string(first);
  }
  return ref;
}

std::optional<std::string> mount_source(std::string_view mount_value) {
  while (!mount_value.empty()) {
    const auto comma = mount_value.find(',');
    const std::string_view field = mount_value.substr(0, comma);
    if (field.starts_with("from=")) return std::string(field.substr(5));
    if (comma == std::string_view::npos) break;
    mount_value.remove_prefix(comma + 1);
  }
  return std::nullopt;
}

}  // namespace dockvet::bestpractice
