// Build stages and variable scopes: global ARGs (before the first FROM) are visible in FROM
// lines only; a stage sees the ARGs it re-declares, its own ENVs and the ENVs of the stage it is
// built on. Expansion happens in the instructions BuildKit expands, never in RUN, CMD or
// ENTRYPOINT.
#include <algorithm>
#include <array>
#include <cctype>

#include "dockerfile/parse_internal.h"

namespace dockvet::dockerfile {

namespace {

using lexing::Environment;

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The ARGs BuildKit defines in the global scope; their values depend on the build.
constexpr std::array<std::string_view, 11> kPlatformArgs{
    "BUILDPLATFORM", "BUILDOS",        "BUILDOSVERSION", "BUILDARCH",
    "BUILDVARIANT",  "TARGETPLATFORM", "TARGETOS",       "TARGETOSVERSION",
    "TARGETARCH",    "TARGETVARIANT",  "TARGETSTAGE"};

void expand(Token& token, char escape, const Environment& env) {
  const auto result = lexing::expand_word(token.raw, escape, env);
  token.expanded = result.text;
  token.expanded_known = result.known;
}

void expand(Flag& flag, char escape, const Environment& env) {
  if (!flag.value) return;
  const auto result = lexing::expand_word(*flag.value, escape, env);
  flag.expanded = result.text;
  flag.expanded_known = result.known;
}

std::optional<std::string> value_of(const Token& token) {
  if (!token.expanded_known) return std::nullopt;
  return token.expanded;
}

class StageResolver {
 public:
  explicit StageResolver(Dockerfile& dockerfile) : df_(dockerfile) {
    global_.undeclared_is_empty = true;
    for (auto name : kPlatformArgs) global_.values[std::string(name)] = std::nullopt;
    onbuild_.all_unknown = true;
  }

  void run() {
    for (std::size_t i = 0; i < df_.instructions.size(); ++i) visit(static_cast<int>(i));
    report_structure();
  }

 private:
  void issue(ByteRange range, std::string message) {
    df_.issues.push_back(FrontEndIssue{issue::missing_from, range, std::move(message)});
  }

  void visit(int index) {
    Instruction& instruction = df_.instructions[static_cast<std::size_t>(index)];
    const int current = static_cast<int>(df_.stages.size()) - 1;
    if (instruction.onbuild) {
      // A trigger runs in the build of a child image, where no variable here is known.
      instruction.stage = current;
      expand_arguments(instruction, onbuild_);
      return;
    }
    if (instruction.keyword == Keyword::from) return start_stage(index, instruction);
    if (current < 0) {
      if (instruction.keyword == Keyword::arg) {
        declare_args(instruction, global_, nullptr);
      } else if (!reported_before_from_ && instruction.keyword != Keyword::unknown) {
        reported_before_from_ = true;
        issue(instruction.name_range,
              "no build stage in current context: " + std::string(to_string(instruction.keyword)) +
                  " comes before the first FROM (only ARG may)");
      }
      // BuildKit stops here (DV015), but the checks still read such an instruction, as
      // hadolint does: expand it with the global ARGs so that quotes are removed as usual.
      if (instruction.keyword != Keyword::arg) expand_arguments(instruction, global_);
      return;
    }
    instruction.stage = current;
    df_.stages.back().last_instruction = index;
    expand_arguments(instruction, stage_env_);
    if (instruction.keyword == Keyword::arg) declare_args(instruction, stage_env_, &global_);
    if (instruction.keyword == Keyword::env) declare_env(instruction);
    resolve_copy_from(instruction, current);
  }

  void start_stage(int index, Instruction& from) {
    if (!df_.stages.empty()) stage_env_of_.push_back(stage_only_env_);
    Stage stage;
    stage.index = static_cast<int>(df_.stages.size());
    stage.from_instruction = index;
    stage.last_instruction = index;
    from.stage = stage.index;
    for (Flag& flag : from.flags) expand(flag, df_.escape, global_);
    if (const Flag* platform = from.flag("platform"); platform && platform->value) {
      stage.platform = Token{*platform->value, platform->expanded, platform->expanded_known,
                             platform->value_range};
    }
    if (!from.words.empty()) {
      expand(from.words[0], df_.escape, global_);
      stage.base = from.words[0];
    }
    if (from.words.size() == 3 && lower(from.words[1].raw) == "as") {
      stage.name_token = from.words[2];
      stage.name = lower(from.words[2].raw);
      check_duplicate_name(stage);
    }
    if (stage.base.expanded_known) {
      const Stage* base = df_.stage(stage.base.expanded);
      // Only a stage *name* refers to a stage in FROM; a number is an image name.
      if (base != nullptr && !base->name.empty() && base->name == lower(stage.base.expanded)) {
        stage.base_stage = base->index;
        from.stage_ref = base->index;
      }
    }
    stage_env_ = Environment{};
    stage_only_env_ = Environment{};
    if (stage.base_stage >= 0) {
      stage_only_env_ = stage_env_of_[static_cast<std::size_t>(stage.base_stage)];
      stage_env_ = stage_only_env_;
    }
    df_.stages.push_back(std::move(stage));
  }

  void check_duplicate_name(const Stage& stage) {
    for (const Stage& earlier : df_.stages) {
      if (earlier.name == stage.name) {
        issue(stage.name_token->range, "duplicate stage name \"" + stage.name + "\"");
        return;
      }
    }
  }

  void expand_arguments(Instruction& instruction, const Environment& env) {
    const char escape = df_.escape;
    switch (instruction.keyword) {
      case Keyword::add:
      case Keyword::copy:
        for (Flag& flag : instruction.flags) expand(flag, escape, env);
        [[fallthrough]];
      case Keyword::expose:
      case Keyword::stopsignal:
      case Keyword::user:
      case Keyword::volume:
      case Keyword::workdir:
        for (Token& word : instruction.words) {
          if (instruction.form == Form::exec) {
            // The decoded JSON string is what BuildKit expands.
            Token decoded = word;
            decoded.raw = word.expanded;
            expand(decoded, escape, env);
            word.expanded = decoded.expanded;
            word.expanded_known = decoded.expanded_known;
          } else {
            expand(word, escape, env);
          }
        }
        break;
      case Keyword::env:
      case Keyword::label:
      case Keyword::arg:
        for (KeyValue& pair : instruction.pairs) {
          expand(pair.key, escape, env);
          if (pair.value) expand(*pair.value, escape, env);
        }
        break;
      default: break;
    }
  }

  // ARG name[=default]: a default wins; a bare name takes the global ARG's default if any.
  void declare_args(Instruction& instruction, Environment& env, const Environment* global) {
    if (global == nullptr) expand_arguments(instruction, env);
    for (const KeyValue& pair : instruction.pairs) {
      std::optional<std::string> value;
      if (pair.value) {
        value = value_of(*pair.value);
      } else if (global != nullptr) {
        const auto found = global->values.find(pair.key.expanded);
        if (found != global->values.end()) value = found->second;
      }
      env.values[pair.key.expanded] = value;
    }
  }

  void declare_env(const Instruction& instruction) {
    for (const KeyValue& pair : instruction.pairs) {
      const auto value = pair.value ? value_of(*pair.value) : std::optional<std::string>{};
      stage_env_.values[pair.key.expanded] = value;
      stage_only_env_.values[pair.key.expanded] = value;
    }
  }

  void resolve_copy_from(Instruction& instruction, int current) {
    if (instruction.keyword != Keyword::copy && instruction.keyword != Keyword::add) return;
    const Flag* from = instruction.flag("from");
    if (from == nullptr || !from->value || !from->expanded_known) return;
    const Stage* stage = df_.stage(from->expanded);
    if (stage != nullptr && stage->index < current) instruction.stage_ref = stage->index;
  }

  void report_structure() {
    if (df_.instructions.empty()) {
      issue(ByteRange{0, 0}, "file with no instructions: a Dockerfile needs at least a FROM");
    } else if (df_.stages.empty() && !reported_before_from_) {
      issue(df_.instructions.front().name_range,
            "the Dockerfile has no FROM, so it contains no build stage");
    }
  }

  Dockerfile& df_;
  Environment global_;
  Environment onbuild_;
  Environment stage_env_;       // ARGs and ENVs visible in the current stage
  Environment stage_only_env_;  // ENVs of the current stage, inherited by stages built on it
  std::vector<Environment> stage_env_of_;
  bool reported_before_from_ = false;
};

}  // namespace

std::span<const std::string_view> predefined_args() {
  return kPlatformArgs;
}

std::optional<std::string> expand_with_global_defaults(const Dockerfile& dockerfile,
                                                       std::string_view raw) {
  Environment env;
  env.undeclared_is_empty = true;
  for (auto name : kPlatformArgs) env.values[std::string(name)] = std::nullopt;
  for (const Instruction& instruction : dockerfile.instructions) {
    if (instruction.keyword == Keyword::from && !instruction.onbuild) break;
    if (instruction.keyword != Keyword::arg) continue;
    for (const KeyValue& pair : instruction.pairs) {
      if (pair.value) {
        const auto value = lexing::expand_word(pair.value->raw, dockerfile.escape, env);
        env.values[pair.key.expanded] =
            value.known ? std::optional<std::string>(value.text) : std::nullopt;
      } else if (std::find(kPlatformArgs.begin(), kPlatformArgs.end(), pair.key.expanded) ==
                 kPlatformArgs.end()) {
        env.values[pair.key.expanded] = std::string();
      }
    }
  }
  const auto result = lexing::expand_word(raw, dockerfile.escape, env);
  if (!result.known) return std::nullopt;
  return result.text;
}

void resolve_stages(Dockerfile& dockerfile) {
  StageResolver(dockerfile).run();
}

}  // namespace dockvet::dockerfile
