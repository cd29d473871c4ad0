#include "targets.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "catalog/image_ref.h"
#include "compose/compose.h"
#include "config/config.h"
#include "config/glob.h"
#include "config/settings.h"
#include "core/engine.h"
#include "docker/invocation.h"
#include "docker/mounts.h"
#include "docker/paths.h"
#include "dockerfile/dockerfile.h"
#include "kubernetes/manifests.h"
#include "lsp/protocol.h"
#include "lsp/server.h"
#include "shell/shell.h"

namespace dockvet::fuzz {

namespace {

// A broken invariant is a bug the sanitizers cannot see; abort() makes libFuzzer keep the input.
[[noreturn]] void violated(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz invariant violated: %.*s (%.*s)\n", static_cast<int>(what.size()),
               what.data(), static_cast<int>(detail.size()), detail.data());
  std::abort();
}

void require(bool holds, std::string_view what, std::string_view detail = {}) {
  if (!holds) violated(what, detail);
}

std::string describe(ByteRange range, std::size_t size) {
  return "[" + std::to_string(range.begin) + ", " + std::to_string(range.end) + ") in " +
         std::to_string(size) + " bytes";
}

void check_range(ByteRange range, std::size_t size, std::string_view what) {
  if (range.begin > range.end || range.end > size) violated(what, describe(range, size));
}

void check_word(const Word& word, std::size_t size, std::string_view what) {
  check_range(word.range, size, what);
  for (const auto& segment : word.segments) check_range(segment.range, size, what);
}

void check_words(const std::vector<Word>& words, std::size_t size, std::string_view what) {
  for (const auto& word : words) check_word(word, size, what);
}

void check_issues(std::span<const FrontEndIssue> issues, std::size_t size) {
  for (const auto& issue : issues) {
    check_range(issue.range, size, "front-end issue range");
    require(!issue.code.empty() && !issue.message.empty(), "front-end issue without code or text");
  }
}

// Regions are parsed as tree-sitter included ranges, which must be sorted and disjoint.
void check_region(const ShellRegion& region, std::size_t size) {
  std::size_t previous_end = 0;
  for (const auto& range : region.ranges) {
    check_range(range, size, "shell region range");
    require(range.begin >= previous_end, "shell region ranges overlap or are unsorted",
            describe(range, size));
    previous_end = range.end;
  }
}

void check_mount(const docker::Mount& mount, std::size_t size) {
  check_range(mount.flag_range, size, "mount flag range");
  check_range(mount.value_range, size, "mount value range");
  if (mount.source) check_word(*mount.source, size, "mount source");
  if (mount.target) check_word(*mount.target, size, "mount target");
}

void check_option(const docker::Option& option, std::size_t size, std::size_t word_count) {
  check_range(option.flag_range, size, "option flag range");
  check_range(option.range, size, "option range");
  require(option.word_index < word_count, "option word index past the command");
  if (option.value) check_word(*option.value, size, "option value");
}

void check_invocation(const docker::Invocation& invocation, const CommandLine& command,
                      std::size_t size) {
  const std::size_t words = command.words.size();
  check_range(invocation.range, size, "invocation range");
  check_range(invocation.subcommand_range, size, "subcommand range");
  check_word(invocation.program, size, "program word");
  for (const auto& option : invocation.global_options) check_option(option, size, words);
  for (const auto& option : invocation.options) check_option(option, size, words);
  if (invocation.image) {
    check_word(*invocation.image, size, "image word");
    require(invocation.image_index < words, "image index past the command");
    (void)catalog::Catalog::builtin().lookup(catalog::parse_image_ref(*invocation.image));
  }
  check_words(invocation.command, size, "container command");
  for (const auto& mount : invocation.mounts) check_mount(mount, size);
  for (const auto& from : invocation.volumes_from) {
    check_word(from.container, size, "volumes-from container");
    check_range(from.range, size, "volumes-from range");
  }
  for (const auto& env : invocation.env) {
    check_range(env.range, size, "env range");
    if (env.value) check_word(*env.value, size, "env value");
  }
  for (const auto* word : {&invocation.entrypoint, &invocation.hostname, &invocation.name,
                           &invocation.replicas, &invocation.image_volume}) {
    if (*word) check_word(**word, size, "option word");
  }
}

void check_command(const CommandLine& command, std::string_view text) {
  check_range(command.range, text.size(), "command range");
  check_words(command.words, text.size(), "command word");
  check_words(command.output_files, text.size(), "output file word");
  if (auto invocation = docker::parse_invocation(command, text)) {
    check_invocation(*invocation, command, text.size());
  }
}

// Parses every region as the engine does and checks what comes back.
void parse_regions(const SourceFile& file, const std::vector<ShellRegion>& regions) {
  std::vector<FrontEndIssue> issues;
  for (const auto& region : regions) {
    check_region(region, file.text.size());
    const ShellScript script = shell::parse_region(file, region, issues);
    require(script.instruction == region.instruction, "script lost its instruction index");
    for (const auto& command : script.commands) check_command(command, file.text);
  }
  check_issues(issues, file.text.size());
}

void check_diagnostic(const Diagnostic& diagnostic, const SourceFile& file) {
  const std::size_t size = file.text.size();
  check_range(diagnostic.range, size, diagnostic.code);
  require(diagnostic.start <= diagnostic.end, "diagnostic ends before it starts", diagnostic.code);
  require(diagnostic.start == file.lines.position(diagnostic.range.begin),
          "diagnostic start is not its range's position", diagnostic.code);
  require(diagnostic.end.line <= file.lines.line_count(), "diagnostic ends past the last line",
          diagnostic.code);
  require(!diagnostic.message.empty(), "diagnostic without message", diagnostic.code);
  require(diagnostic.snippet.size() <= 256, "diagnostic snippet over 256 bytes", diagnostic.code);
  if (diagnostic.fix) {
    require(!diagnostic.fix->edits.empty(), "fix without edits", diagnostic.code);
    for (const Edit& edit : diagnostic.fix->edits) {
      check_range(edit.range, size, "fix range");
      require(edit.start <= edit.end, "fix ends before it starts", diagnostic.code);
    }
  }
}

// Lints through the engine with every check, unused-ignore reports included.
void lint_and_check(const SourceFile& file, const LintPolicy& policy) {
  const FileResult result = lint_source(file, policy);
  require(!result.error, "lint_source reported a read error", result.error.value_or(""));
  for (const auto& diagnostic : result.diagnostics) check_diagnostic(diagnostic, file);
  require(std::is_sorted(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less),
          "diagnostics are not sorted");
}

void lint_and_check(const SourceFile& file) {
  LintPolicy policy;
  policy.report_unused_ignores = true;
  lint_and_check(file, policy);
}

void check_token(const dockerfile::Token& token, std::size_t size, std::string_view what) {
  check_range(token.range, size, what);
}

void check_instruction(const dockerfile::Instruction& instruction, const dockerfile::Dockerfile& df,
                       std::size_t size) {
  const auto count = static_cast<int>(df.instructions.size());
  const auto stages = static_cast<int>(df.stages.size());
  check_range(instruction.name_range, size, "instruction name range");
  check_range(instruction.range, size, "instruction range");
  check_range(instruction.line_range, size, "instruction line range");
  check_range(instruction.args_range, size, "instruction args range");
  for (const auto& piece : instruction.pieces) check_range(piece, size, "instruction piece");
  for (const auto& flag : instruction.flags) {
    check_range(flag.range, size, "flag range");
    check_range(flag.name_range, size, "flag name range");
    check_range(flag.value_range, size, "flag value range");
  }
  for (const auto& word : instruction.words) check_token(word, size, "instruction word");
  if (instruction.subcommand) check_token(*instruction.subcommand, size, "subcommand");
  for (const auto& pair : instruction.pairs) {
    check_range(pair.range, size, "key-value range");
    check_token(pair.key, size, "key");
    if (pair.value) check_token(*pair.value, size, "value");
  }
  for (const auto& heredoc : instruction.heredocs) {
    check_range(heredoc.word_range, size, "heredoc word range");
    check_range(heredoc.body, size, "heredoc body");
    check_range(heredoc.terminator, size, "heredoc terminator");
  }
  require(instruction.stage >= -1 && instruction.stage < stages, "instruction stage index");
  require(instruction.trigger >= -1 && instruction.trigger < count, "ONBUILD trigger index");
  require(instruction.stage_ref >= -1 && instruction.stage_ref < stages, "stage reference index");
}

void check_dockerfile(const dockerfile::Dockerfile& df, std::size_t size) {
  for (const auto& directive : df.directives) {
    check_range(directive.range, size, "directive range");
    check_range(directive.name_range, size, "directive name range");
    check_range(directive.value_range, size, "directive value range");
  }
  for (const auto& instruction : df.instructions) check_instruction(instruction, df, size);
  const auto count = static_cast<int>(df.instructions.size());
  for (const auto& stage : df.stages) {
    require(stage.from_instruction >= 0 && stage.from_instruction < count, "stage FROM index");
    require(stage.last_instruction >= stage.from_instruction && stage.last_instruction < count,
            "stage last instruction index");
    require(stage.base_stage >= -1 && stage.base_stage < stage.index, "stage base index");
    check_token(stage.base, size, "stage base");
    if (stage.name_token) check_token(*stage.name_token, size, "stage name");
    if (stage.platform) check_token(*stage.platform, size, "stage platform");
  }
  for (const auto& comment : df.comments) check_range(comment, size, "comment range");
  check_issues(df.issues, size);
}

void extract_and_lint(std::string_view data, FileKind kind, const char* path) {
  const SourceFile file(path, kind, std::string(data));
  parse_regions(file, shell::find_regions(file));
  lint_and_check(file);
}

// --- docker CLI words ---------------------------------------------------------------------------

// One word of `line` (which starts at `offset` in the input): literal runs, and `$NAME`, `${…}`
// or `$(…)` runs as expansions, the way the shell front end hands them over.
Word make_word(std::string_view text, std::size_t offset) {
  Word word;
  word.range = {offset, offset + text.size()};
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = i;
    const bool expansion = text[i] == '$';
    if (expansion) {
      ++end;
      const char close = end < text.size() && text[end] == '{'   ? '}'
                         : end < text.size() && text[end] == '(' ? ')'
                                                                 : '\0';
      if (close) {
        const auto found = text.find(close, end);
        end = found == std::string_view::npos ? text.size() : found + 1;
      } else {
        while (end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
          ++end;
        }
      }
    } else {
      end = std::min(text.find('$', i + 1), text.size());
    }
    word.segments.push_back(
        {std::string(text.substr(i, end - i)), !expansion, {offset + i, offset + end}});
    i = end;
  }
  return word;
}

std::vector<CommandLine> split_commands(std::string_view data) {
  std::vector<CommandLine> commands;
  CommandLine command;
  command.range.begin = 0;
  std::size_t i = 0;
  const auto finish = [&](std::size_t end) {
    command.range.end = end;
    if (!command.words.empty()) commands.push_back(std::move(command));
    command = CommandLine{};
    command.range.begin = end;
  };
  while (i < data.size()) {
    if (data[i] == '\n') {
      finish(i);
      ++i;
      command.range.begin = i;
      continue;
    }
    if (data[i] == ' ' || data[i] == '\t' || data[i] == '\r') {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < data.size() && data[end] != ' ' && data[end] != '\t' && data[end] != '\r' &&
           data[end] != '\n') {
      ++end;
    }
    command.words.push_back(make_word(data.substr(i, end - i), i));
    i = end;
  }
  finish(data.size());
  return commands;
}

void check_image_ref(const catalog::ImageRef& ref) {
  require(ref.valid || !ref.error.empty(), "invalid image reference without a reason", ref.text);
  (void)ref.key();
  (void)ref.full_name();
  (void)catalog::Catalog::builtin().lookup(ref);
}

void fuzz_word(const Word& word, const Word* previous, std::size_t size) {
  check_mount(docker::parse_volume_spec(word), size);
  check_mount(docker::parse_mount_spec(word), size);
  check_mount(docker::parse_tmpfs_spec(word), size);
  check_image_ref(catalog::parse_image_ref(word));
  const std::string text = word.text();
  check_image_ref(catalog::parse_image_ref(text));
  const std::string normal = docker::normalize_container_path(text);
  require(docker::same_path(text, normal), "a path differs from its normal form", text);
  const auto& catalog = catalog::Catalog::builtin();
  (void)catalog.find_package(text);
  (void)catalog.runs_client(nullptr, text);
  if (previous) {
    const std::string other = previous->text();
    const auto forward = docker::relate_paths(text, other);
    const auto backward = docker::relate_paths(other, text);
    using docker::PathRelation;
    const bool symmetric =
        (forward == PathRelation::ancestor) == (backward == PathRelation::descendant) &&
        (forward == PathRelation::equal) == (backward == PathRelation::equal);
    require(symmetric, "relate_paths is not symmetric", text + " | " + other);
  }
}

// --- config -------------------------------------------------------------------------------------

// Paths that per-path globs are matched against: nested, dotted, and the usual file names.
constexpr std::array<std::string_view, 5> kRepoPaths = {"Dockerfile", "docker/db/Dockerfile.prod",
                                                        "scripts/deploy.sh", "docs/a/b/c/README.md",
                                                        ".github/workflows/ci/Makefile"};

constexpr std::string_view kSampleDockerfile =
    "# hadolint ignore=DL3008\nFROM postgres:17 AS db\nRUN apt-get update && apt-get install -y "
    "curl\nVOLUME /data\nFROM db\nCMD [\"postgres\"]\n";
constexpr std::string_view kSampleScript =
    "docker run --rm -v pgdata:/var/lib/postgresql postgres:18\n"
    "podman run -d mysql:8 --datadir=/srv\n";

void check_globs(const config::Config& config) {
  for (const auto& override : config.per_path) {
    for (const auto& pattern : override.paths) {
      for (const auto path : kRepoPaths) (void)config::glob_match(pattern, path);
    }
  }
}

// The catalog a run uses when the config adds entries, built as the CLI builds it.
std::optional<catalog::Catalog> merged_catalog(const config::Settings& settings) {
  if (settings.catalog.empty()) return std::nullopt;
  catalog::Catalog merged = catalog::Catalog::builtin();
  const nlohmann::json document =
      settings.catalog.is_array() ? nlohmann::json{{"images", settings.catalog}} : settings.catalog;
  for (const auto& error : merged.merge(document, "fuzz")) {
    require(!error.message.empty(), "catalog error without a message", error.entry);
  }
  return merged;
}

void apply_config(const config::Config& config) {
  config::Settings settings;
  try {
    settings = config::resolve(config::CliSettings{}, config, config::Environment{});
  } catch (const config::ConfigError&) {
    return;
  }
  check_globs(config);
  (void)settings.rules.unknown_rule_keys(Registry::instance());
  for (const auto path : kRepoPaths) {
    const auto rules = settings.rules.for_file(path);
    for (const auto& check : Registry::instance().checks()) (void)rules.enabled(check->meta());
  }
  const auto catalog = merged_catalog(settings);
  LintPolicy policy;
  policy.settings = &settings;
  policy.catalog = catalog ? &*catalog : nullptr;
  policy.report_unused_ignores = true;
  lint_and_check(
      SourceFile("docker/db/Dockerfile", FileKind::dockerfile, std::string(kSampleDockerfile)),
      policy);
  lint_and_check(SourceFile("scripts/deploy.sh", FileKind::shell, std::string(kSampleScript)),
                 policy);
}

}  // namespace

void fuzz_dockerfile(std::string_view data) {
  // A directory that does not exist: CopyIgnoredFile looks for a .dockerignore beside the file,
  // and the fuzzer's working directory must not decide what it finds.
  const SourceFile file("/nonexistent/fuzz/fuzz.Dockerfile", FileKind::dockerfile,
                        std::string(data));
  const dockerfile::Dockerfile model = dockerfile::parse(file);
  require(model.source == &file, "the model does not point at its file");
  check_dockerfile(model, file.text.size());
  parse_regions(file, dockerfile::shell_regions(model));
  lint_and_check(file);
}

void fuzz_shell_extraction(std::string_view data) {
  extract_and_lint(data, FileKind::shell, "fuzz.sh");
  extract_and_lint(data, FileKind::makefile, "Makefile");
}

void fuzz_markdown(std::string_view data) {
  extract_and_lint(data, FileKind::markdown, "fuzz.md");
}

void fuzz_compose(std::string_view data) {
  // A path under a directory that does not exist: no `.env` or Dockerfile is read from disk.
  const SourceFile file("/nonexistent/fuzz/compose.yaml", FileKind::compose, std::string(data));
  std::vector<FrontEndIssue> issues;
  const auto project = compose::read_compose(file, {{"SET", "value"}}, issues, "");
  for (const auto& issue : issues) check_range(issue.range, data.size(), "compose issue");
  require(project.services.size() == project.service_names.size(), "a service without its name",
          "");
  for (const auto& service : project.services) {
    require(service.image.has_value(), "a service without an image", "");
    check_range(service.image->range, data.size(), "compose image");
    for (const auto& mount : service.mounts) {
      check_range(mount.value_range, data.size(), "compose volume");
      if (mount.target) check_range(mount.target->range, data.size(), "compose volume target");
    }
    for (const auto& env : service.env) check_range(env.range, data.size(), "compose env");
    if (service.replicas) check_range(service.replicas->range, data.size(), "compose replicas");
    if (service.every_node) check_range(*service.every_node, data.size(), "compose global mode");
    for (const auto& word : service.command)
      check_range(word.range, data.size(), "compose command");
  }
  compose::interpolate(data, {{"SET", "value"}});
  lint_and_check(file);
}

void fuzz_kubernetes(std::string_view data) {
  // A path outside any chart: the Helm check of the path reads nothing from disk.
  const SourceFile file("/nonexistent/fuzz/manifest.yaml", FileKind::kubernetes, std::string(data));
  std::vector<FrontEndIssue> issues;
  const auto manifests = kubernetes::read_manifests(file, issues);
  for (const auto& issue : issues) check_range(issue.range, data.size(), "kubernetes issue");
  require(manifests.containers.size() == manifests.container_names.size() &&
              manifests.containers.size() == manifests.container_lines.size(),
          "a container without its name or lines", "");
  for (const auto& container : manifests.containers) {
    require(container.image.has_value(), "a container without an image", "");
    check_range(container.image->range, data.size(), "kubernetes image");
    for (const auto& mount : container.mounts) {
      check_range(mount.value_range, data.size(), "kubernetes volumeMount");
      if (mount.target) check_range(mount.target->range, data.size(), "kubernetes mountPath");
    }
    for (const auto& env : container.env) check_range(env.range, data.size(), "kubernetes env");
    if (container.replicas) {
      check_range(container.replicas->range, data.size(), "kubernetes replicas");
    }
    if (container.every_node) {
      check_range(*container.every_node, data.size(), "kubernetes DaemonSet kind");
    }
    for (const auto& word : container.command)
      check_range(word.range, data.size(), "kubernetes args");
  }
  for (const auto& [first, last] : manifests.container_lines) {
    require(first >= 1 && first <= last, "container lines out of order", "");
  }
  kubernetes::looks_like_manifest(data);
  lint_and_check(file);
}

void fuzz_lsp(std::string_view data) {
  // Read as a client's stream with a pause after every message, so each change is linted and
  // code actions see fresh findings.
  lsp::MemorySource input(data);
  lsp::StringSink output;
  const lsp::ServerOptions options{std::nullopt, "fuzz"};
  const int exit_code = lsp::serve(input, output, options);
  require(exit_code == 0 || exit_code == 1, "an LSP exit code other than 0 or 1");
  // Whatever came in, every byte that went out is a frame holding a JSON-RPC 2.0 object.
  lsp::MemorySource replies(output.text);
  lsp::FrameReader reader(replies);
  for (;;) {
    const lsp::Frame frame = reader.next();
    if (frame.status == lsp::Frame::Status::end) break;
    require(frame.status == lsp::Frame::Status::message, "the server wrote a malformed frame",
            frame.error);
    const auto message = nlohmann::json::parse(frame.body, nullptr, false);
    require(message.is_object() && message.value("jsonrpc", "") == "2.0",
            "the server wrote something other than a JSON-RPC object", frame.body);
  }
}

void fuzz_docker_cli(std::string_view data) {
  for (const auto& command : split_commands(data)) {
    check_command(command, data);
    const Word* previous = nullptr;
    for (const auto& word : command.words) {
      fuzz_word(word, previous, data.size());
      previous = &word;
    }
  }
}

void fuzz_config(std::string_view data) {
  for (const auto dialect : {config::ConfigDialect::dockvet, config::ConfigDialect::hadolint}) {
    std::optional<config::Config> config;
    try {
      config = config::parse_config(data, "/nonexistent/fuzz/.dockvet.yaml", dialect);
    } catch (const config::ConfigError&) {
      continue;  // a rejected config is the loader doing its job
    }
    apply_config(*config);
  }
}

std::span<const Target> targets() {
  static constexpr std::array<Target, 8> kTargets = {{
      {"docker_cli", fuzz_docker_cli},
      {"config", fuzz_config},
      {"markdown", fuzz_markdown},
      {"dockerfile", fuzz_dockerfile},
      {"shell_extraction", fuzz_shell_extraction},
      {"compose", fuzz_compose},
      {"kubernetes", fuzz_kubernetes},
      {"lsp", fuzz_lsp},
  }};
  return kTargets;
}

}  // namespace dockvet::fuzz
