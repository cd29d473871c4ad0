// The catalog facts and declarations a Dockerfile stage carries along its FROM chain.
#include "stateful/dockerfile_state.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "catalog/image_ref.h"
#include "docker/paths.h"

namespace dockvet::stateful {

namespace {

using dockerfile::Dockerfile;
using dockerfile::Instruction;
using dockerfile::Keyword;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `--mount=type=bind,from=build,target=/x` reads from stage `build`.
const dockerfile::Stage* mount_source(const Dockerfile& dockerfile,
                                      const dockerfile::RunMount& mount) {
  if (!mount.known || mount.from.empty()) return nullptr;
  return dockerfile.stage(mount.from);
}

std::set<int> referenced_stages(const Dockerfile& dockerfile) {
  std::set<int> referenced;
  for (const Instruction& instruction : dockerfile.instructions) {
    if (instruction.stage_ref >= 0 && instruction.stage_ref != instruction.stage) {
      referenced.insert(instruction.stage_ref);
    }
    for (const auto& mount : dockerfile::run_mounts(instruction)) {
      const auto* source = mount_source(dockerfile, mount);
      if (source != nullptr && source->index != instruction.stage) referenced.insert(source->index);
    }
  }
  return referenced;
}

bool is_absolute_directory(std::string_view value) {
  return !value.empty() && value.front() == '/' &&
         value.find_first_of(" \t,:;") == std::string_view::npos;
}

// Catalog knobs whose note says the value is not simply the new data directory: a file, a
// parent, a list of flags, a switch, or an effect limited to install time. Their ENV makes the
// path unknown rather than moved.
bool value_is_the_directory(const catalog::Knob& knob, const catalog::Resolved& image) {
  if (knob.name.find('*') != std::string::npos) return false;
  for (const auto& lead : image.unverified) {
    if (lead.find(knob.name) != std::string::npos) return false;
  }
  static constexpr std::array<std::string_view, 9> kOtherMeanings{
      "may hold", "file",     "parent",       "plugins", "install time",
      "switches", "optional", "repositories", "names"};
  const std::string note = lower(knob.note);
  return std::none_of(kOtherMeanings.begin(), kOtherMeanings.end(), [&](std::string_view marker) {
    return note.find(marker) != std::string::npos;
  });
}

}  // namespace

bool StageChain::layout_known() const {
  return image && image->entry != nullptr && image->variant != nullptr &&
         image->entry->image_class != catalog::ImageClass::stateless && !image->depends_on_tag;
}

std::vector<std::string> StageChain::inherited_volumes() const {
  return layout_known() ? image->volumes : std::vector<std::string>{};
}

std::vector<int> image_stages(const Dockerfile& dockerfile) {
  std::vector<int> out;
  const std::set<int> referenced = referenced_stages(dockerfile);
  for (const auto& stage : dockerfile.stages) {
    const bool last = stage.index + 1 == static_cast<int>(dockerfile.stages.size());
    if (last || !referenced.contains(stage.index)) out.push_back(stage.index);
  }
  return out;
}

StageChain stage_chain(const Dockerfile& dockerfile, int stage, const catalog::Catalog& catalog) {
  StageChain chain;
  std::set<int> seen;
  for (int current = stage; current >= 0 && seen.insert(current).second;) {
    chain.stages.insert(chain.stages.begin(), current);
    current = dockerfile.stages[static_cast<std::size_t>(current)].base_stage;
  }
  chain.root = &dockerfile.stages[static_cast<std::size_t>(chain.stages.front())];
  for (int index : chain.stages) {
    const auto& stage = dockerfile.stages[static_cast<std::size_t>(index)];
    for (int i = stage.from_instruction + 1; i <= stage.last_instruction; ++i) {
      const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
      if (!instruction.onbuild && instruction.keyword != Keyword::onbuild) {
        chain.instructions.push_back(i);
      }
    }
  }
  const auto& base = chain.root->base;
  if (base.expanded.empty()) return chain;
  const auto ref = catalog::parse_image_ref(base.expanded, base.expanded_known);
  chain.image_name_known = ref.name_known && ref.valid;
  if (chain.image_name_known) chain.image = catalog.lookup(ref);
  return chain;
}

std::vector<StageChain> stage_chains(const Dockerfile& dockerfile,
                                     const catalog::Catalog& catalog) {
  std::vector<StageChain> chains;
  chains.reserve(dockerfile.stages.size());
  for (std::size_t stage = 0; stage < dockerfile.stages.size(); ++stage) {
    chains.push_back(stage_chain(dockerfile, static_cast<int>(stage), catalog));
  }
  return chains;
}

VolumesInEffect::VolumesInEffect(const StageChain& chain) {
  for (auto& path : chain.inherited_volumes()) volumes.push_back({std::move(path)});
}

bool VolumesInEffect::apply(const dockerfile::Instruction& instruction) {
  if (instruction.keyword == Keyword::volume) {
    for (const auto& word : instruction.words) {
      if (word.expanded_known) volumes.push_back({word.expanded, word.range.begin});
    }
    return true;
  }
  if (instruction.keyword == Keyword::workdir) {
    if (!instruction.words.empty()) {
      const auto& word = instruction.words.front();
      const bool absolute =
          word.expanded_known && !word.expanded.empty() && word.expanded.front() == '/';
      workdir = absolute ? std::optional<std::string>(word.expanded) : std::nullopt;
    }
    return true;
  }
  return false;
}

std::vector<DeclaredVolume> chain_volumes(const Dockerfile& dockerfile, const StageChain& chain,
                                          int before) {
  std::vector<DeclaredVolume> out;
  for (int i : chain.instructions) {
    if (before >= 0 && i >= before) break;
    const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
    if (instruction.keyword != Keyword::volume) continue;
    for (const auto& word : instruction.words) {
      out.push_back(DeclaredVolume{word.expanded, word.expanded_known, i, &word});
    }
  }
  return out;
}

bool volume_covers(const std::vector<std::string>& inherited,
                   const std::vector<DeclaredVolume>& declared, const std::string& path) {
  for (const auto& volume : inherited) {
    if (docker::covers_path(volume, path)) return true;
  }
  for (const auto& volume : declared) {
    if (!volume.known || docker::covers_path(volume.path, path)) return true;
  }
  return false;
}

std::vector<DataPath> data_paths(const Dockerfile& dockerfile, const StageChain& chain) {
  std::vector<DataPath> out;
  if (!chain.layout_known()) return out;
  for (const auto& path : chain.image->data_paths) out.push_back(DataPath{path, path});
  for (int i : chain.instructions) {
    const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
    if (instruction.keyword != Keyword::env) continue;
    for (const auto& pair : instruction.pairs) {
      for (const auto& knob : chain.image->knobs) {
        if (knob.kind != catalog::Knob::Kind::env || knob.name != pair.key.expanded) continue;
        for (auto& data : out) {
          if (!docker::same_path(knob.moves, data.default_path)) continue;
          const bool readable = pair.value && pair.value->expanded_known &&
                                is_absolute_directory(pair.value->expanded) &&
                                value_is_the_directory(knob, *chain.image);
          data.known = readable;
          data.path = readable ? pair.value->expanded : data.default_path;
          data.relocated_by = readable ? &pair : nullptr;
          data.env_instruction = readable ? i : -1;
          if (readable && docker::same_path(data.path, data.default_path)) {
            data.relocated_by = nullptr;
            data.env_instruction = -1;
          }
        }
      }
    }
  }
  return out;
}

bool command_moves_data(const Dockerfile& dockerfile, const StageChain& chain) {
  if (!chain.image) return false;
  for (int i : chain.instructions) {
    const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
    if (instruction.keyword != Keyword::cmd && instruction.keyword != Keyword::entrypoint) continue;
    for (const auto& knob : chain.image->knobs) {
      if (knob.kind != catalog::Knob::Kind::arg || knob.name.empty()) continue;
      for (const auto& word : instruction.words) {
        if (word.expanded.find(knob.name) != std::string::npos) return true;
      }
    }
  }
  return false;
}

namespace {

// The program a CMD or ENTRYPOINT starts: the first exec-form element, or the first word of a
// shell form.
std::string program_of(const Instruction& instruction) {
  if (instruction.words.empty()) return {};
  const std::string& first = instruction.words.front().expanded;
  if (instruction.is_exec_form()) return first;
  const auto end = first.find_first_of(" \t");
  return first.substr(0, end);
}

}  // namespace

bool runs_client(const Dockerfile& dockerfile, const StageChain& chain,
                 const catalog::Catalog& catalog) {
  const Instruction* entrypoint = nullptr;
  const Instruction* cmd = nullptr;
  for (int i : chain.instructions) {
    const auto& instruction = dockerfile.instructions[static_cast<std::size_t>(i)];
    if (instruction.keyword == Keyword::entrypoint) {
      entrypoint = &instruction;
      cmd = nullptr;  // a new ENTRYPOINT resets the CMD inherited so far
    }
    if (instruction.keyword == Keyword::cmd) cmd = &instruction;
  }
  const Instruction* start = entrypoint != nullptr ? entrypoint : cmd;
  if (start == nullptr) return false;
  const std::string program = program_of(*start);
  const catalog::Entry* entry = chain.image ? chain.image->entry : nullptr;
  return !program.empty() && catalog.runs_client(entry, program);
}

std::string describe_image(const StageChain& chain) {
  std::string text = chain.root ? chain.root->base.expanded : std::string();
  if (chain.image && !chain.image->assumed_version.empty()) {
    // "18 (latest)" reads better inside parentheses as "18, latest".
    std::string version = chain.image->assumed_version;
    if (const auto open = version.find(" ("); open != std::string::npos) {
      version.replace(open, 2, ", ");
      if (version.back() == ')') version.pop_back();
    }
    text += " (version " + version + ")";
  }
  return text;
}

std::string join_paths(const std::vector<std::string>& paths) {
  std::string out;
  for (const auto& path : paths) out += (out.empty() ? "" : ", ") + path;
  return out;
}

std::string volume_line(const std::vector<std::string>& paths) {
  std::string out = "VOLUME";
  for (const auto& path : paths) out += " " + path;
  return out;
}

}  // namespace dockvet::stateful
