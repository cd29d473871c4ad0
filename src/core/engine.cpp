#include "core/engine.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

#include "catalog/catalog.h"
#include "compose/compose.h"
#include "config/settings.h"
#include "config/suppress.h"
#include "docker/invocation.h"
#include "dockerfile/check_options.h"
#include "dockerfile/dockerfile.h"
#include "kubernetes/manifests.h"
#include "shell/shell.h"
#include "stateful/analysis.h"
#include "stateful/dockerfile_state.h"
#include "stateful/run_commands_wanted.h"

namespace dockvet {

namespace {

// Codes of the input checks whose facts the engine itself finds (checks/DV00*.cpp).
constexpr std::string_view kBinaryInputCode = "DV001";
constexpr std::string_view kInvalidUtf8Code = "DV002";
constexpr std::string_view kUnusedIgnoreCode = "DV003";
constexpr std::string_view kMalformedPragmaCode = "DV004";

// Git's heuristic: a NUL byte in the first 8000 bytes means binary.
bool looks_binary(std::string_view text) {
  return std::memchr(text.data(), '\0', std::min<std::size_t>(text.size(), 8000)) != nullptr;
}

// Offset of the first byte that is not part of well-formed UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned min = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2, min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4, min = 0x10000;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    unsigned code = lead & (0x7Fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return i;
      code = (code << 6) | (next & 0x3Fu);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

// The front-end facts of one file; FileFacts views into it.
struct Facts {
  std::optional<dockerfile::Dockerfile> dockerfile;
  std::vector<stateful::StageChain> stage_chains;
  std::vector<ShellScript> scripts;
  std::vector<docker::Invocation> invocations;
  std::vector<stateful::BuiltImage> built;  // images a compose file builds
  // Lines that pragmas treat as one: a compose service's block.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> blocks;
  std::vector<FrontEndIssue> issues;
};

void read_shell(const SourceFile& file, const std::vector<ShellRegion>& regions, Facts& facts,
                const shell::CommandsWanted& wanted = {}) {
  for (const auto& region : regions) {
    facts.scripts.push_back(shell::parse_region(file, region, facts.issues, wanted));
    for (const auto& command : facts.scripts.back().commands) {
      if (auto invocation = docker::parse_invocation(command, file.text)) {
        facts.invocations.push_back(std::move(*invocation));
      }
    }
  }
}

Facts build_facts(const SourceFile& file, const catalog::Catalog& catalog, const LintPolicy& policy,
                  const config::FileRules* rules) {
  // The enabled checks that read RUN bodies beyond what the stateful checks want.
  RunTriggerSet run_readers;
  if (!policy.parse_every_run_body && file.kind == FileKind::dockerfile) {
    static const std::vector<const Check*> reading_checks = [] {
      std::vector<const Check*> out;
      for (const auto& check : Registry::instance().checks()) {
        if (check->meta().reads_every_run) out.push_back(check.get());
      }
      return out;
    }();
    for (const Check* check : reading_checks) {
      const CheckMeta& meta = check->meta();
      if (rules ? rules->enabled(meta) : !meta.off_by_default) run_readers.add(*check);
    }
    run_readers.seal();
  }
  Facts facts;
  if (looks_binary(file.text)) {
    // Binary content has no definitions to model; one finding says why it was not linted.
    facts.issues.push_back({kBinaryInputCode,
                            {0, 0},
                            "this file holds binary data (a NUL byte), so it was not linted"});
    return facts;
  }
  if (const auto bad = first_invalid_utf8(file.text); bad != std::string_view::npos) {
    facts.issues.push_back({kInvalidUtf8Code,
                            {bad, bad + 1},
                            "invalid UTF-8 byte; dockvet reads on, but tools that decode the "
                            "file as UTF-8 will fail here"});
  }
  switch (file.kind) {
    case FileKind::dockerfile: {
      facts.dockerfile = dockerfile::parse(file);
      facts.issues.insert(facts.issues.end(), facts.dockerfile->issues.begin(),
                          facts.dockerfile->issues.end());
      facts.stage_chains = stateful::stage_chains(*facts.dockerfile, catalog);
      shell::CommandsWanted wanted;
      if (!policy.parse_every_run_body) {
        const dockerfile::Dockerfile& dockerfile = *facts.dockerfile;
        wanted = [&dockerfile, &run_readers,
                  stateful_wanted =
                      stateful::RunCommandsWanted(dockerfile, facts.stage_chains, catalog)](
                     int instruction, std::string_view text) {
          return run_readers.may_be_judged(RunBodyText(dockerfile, instruction, text)) ||
                 stateful_wanted(instruction, text);
        };
      }
      read_shell(file, dockerfile::shell_regions(*facts.dockerfile), facts, wanted);
      break;
    }
    case FileKind::shell:
    case FileKind::makefile:
    case FileKind::markdown: read_shell(file, shell::find_regions(file), facts); break;
    case FileKind::compose: {
      // `.env`, build contexts and relative paths are read beside the file.
      const std::string directory = std::filesystem::path(file.path).parent_path().string();
      static const compose::Environment no_environment;
      auto project = compose::read_compose(
          file, policy.compose_environment ? *policy.compose_environment : no_environment,
          facts.issues, directory.empty() ? "." : directory);
      facts.invocations = std::move(project.services);
      facts.built = std::move(project.built);
      facts.blocks = std::move(project.service_lines);
      break;
    }
    case FileKind::kubernetes: {
      auto manifests = kubernetes::read_manifests(file, facts.issues);
      facts.invocations = std::move(manifests.containers);
      facts.blocks = std::move(manifests.container_lines);
      break;
    }
    case FileKind::unknown: break;
  }
  return facts;
}

// Maps each line of a compose service or a Kubernetes container to the line of its key, so that
// a pragma above the service or container covers all of it.
std::function<std::uint32_t(std::uint32_t)> block_lines(
    const std::vector<std::pair<std::uint32_t, std::uint32_t>>& blocks) {
  return [&blocks](std::uint32_t line) {
    for (const auto& [first, last] : blocks) {
      if (line >= first && line <= last) return first;
    }
    return line;
  };
}

// Maps each line of a continued Dockerfile instruction to its first line, so that an ignore
// pragma above an instruction covers all of it, as hadolint's does. The map is built on the
// first call: most files hold no pragma, and then nothing asks.
std::function<std::uint32_t(std::uint32_t)> logical_lines(const SourceFile& file,
                                                          const dockerfile::Dockerfile* model) {
  if (!model) return {};
  auto first_line = std::make_shared<std::vector<std::uint32_t>>();
  return [&file, model, first_line](std::uint32_t line) {
    if (first_line->empty()) {
      first_line->assign(file.lines.line_count() + 1, 0);
      for (const auto& instruction : model->instructions) {
        const std::uint32_t first = file.lines.position(instruction.range.begin).line;
        const std::uint32_t last =
            file.lines
                .position(std::max(instruction.range.begin, instruction.range.end) -
                          (instruction.range.empty() ? 0 : 1))
                .line;
        for (std::uint32_t at = first; at <= last && at < first_line->size(); ++at) {
          (*first_line)[at] = first;
        }
      }
    }
    return line < first_line->size() && (*first_line)[line] ? (*first_line)[line] : line;
  };
}

// Maps each line of a shell command continued over several lines to its first line, so that a
// pragma above `docker run \` covers the flags on the lines below it, as ShellCheck's directive
// covers the command after it. Built on the first call, like logical_lines.
std::function<std::uint32_t(std::uint32_t)> command_lines(const SourceFile& file,
                                                          const std::vector<ShellScript>& scripts) {
  auto first_line = std::make_shared<std::vector<std::uint32_t>>();
  return [&file, &scripts, first_line](std::uint32_t line) {
    if (first_line->empty()) {
      first_line->assign(file.lines.line_count() + 1, 0);
      for (const ShellScript& script : scripts) {
        for (const CommandLine& command : script.commands) {
          if (command.range.empty()) continue;
          const std::uint32_t first = file.lines.position(command.range.begin).line;
          const std::uint32_t last = file.lines.position(command.range.end - 1).line;
          // A command inside another (`$(…)`) keeps the outer command's first line.
          for (std::uint32_t at = first; at <= last && at < first_line->size(); ++at) {
            if ((*first_line)[at] == 0 || (*first_line)[at] > first) (*first_line)[at] = first;
          }
        }
      }
    }
    return line < first_line->size() && (*first_line)[line] ? (*first_line)[line] : line;
  };
}

// BuildKit's own checks answer to its `# check=` directive and comments as well as to dockvet's
// rules and pragmas.
bool is_buildkit_check(const CheckMeta& meta) {
  return meta.code.starts_with("BK");
}

// Whether `check=experimental=NAME` (or `all`) turns an experimental BuildKit check on somewhere
// in the file.
bool enabled_as_experimental(const CheckMeta& meta,
                             const dockerfile::CheckOptionsByLine* check_options,
                             const dockerfile::Dockerfile* model, const config::FileRules* rules) {
  if (!check_options || !model || !meta.off_by_default || !is_buildkit_check(meta)) return false;
  if (rules) {
    // A rule the user's settings ignore stays off; only the default is overridden.
    CheckMeta on_by_default = meta;
    on_by_default.off_by_default = false;
    if (!rules->enabled(on_by_default)) return false;
  }
  if (check_options->file_options().enables_experimental(meta.name)) return true;
  if (!check_options->has_instruction_options()) return false;
  for (const auto& instruction : model->instructions) {
    const auto line = model->source->lines.position(instruction.range.begin).line;
    if (check_options->at(line).enables_experimental(meta.name)) return true;
  }
  return false;
}

// Runs `check` and keeps the findings that the rules and pragmas let through. A BuildKit check
// also honours the file's `check=` options: `skip` drops its findings, `error=true` makes them
// errors, and an experimental check turned on by `experimental=` keeps its default severity.
void run_check(const Check& check, const FileFacts& facts, const config::FileRules* rules,
               config::Suppressions& suppressions, std::vector<Diagnostic>& kept,
               const dockerfile::CheckOptionsByLine* check_options = nullptr,
               bool as_experimental = false) {
  const CheckMeta& meta = check.meta();
  const bool buildkit = check_options && is_buildkit_check(meta);
  std::vector<Diagnostic> found;
  Findings findings(meta, facts.file, found);
  check.run(facts, findings);
  for (auto& diagnostic : found) {
    const dockerfile::CheckOptions* options =
        buildkit ? &check_options->at(diagnostic.start.line) : nullptr;
    if (options && options->skips(meta.name)) continue;
    if (as_experimental && !(options && options->enables_experimental(meta.name))) continue;
    if (suppressions.suppresses(diagnostic, meta)) continue;
    if (rules && !as_experimental) {
      const auto severity = rules->decide(diagnostic, meta);
      if (!severity) continue;
      diagnostic.severity = *severity;
    }
    if (options && options->error) diagnostic.severity = Severity::error;
    kept.push_back(std::move(diagnostic));
  }
}

}  // namespace

FileResult lint_source(const SourceFile& file, const LintPolicy& policy) {
  FileResult result;
  result.path = file.path;
  const catalog::Catalog& catalog = policy.catalog ? *policy.catalog : catalog::Catalog::builtin();
  const config::Settings* settings = policy.settings;
  std::optional<config::FileRules> rules;
  if (settings) rules = settings->rules.for_file(settings->relative_path(file.path));
  Facts facts = build_facts(file, catalog, policy, rules ? &*rules : nullptr);

  config::Suppressions suppressions =
      config::parse_suppressions(file, {!(settings && settings->disable_ignore_pragma),
                                        !facts.blocks.empty() ? block_lines(facts.blocks)
                                        : facts.dockerfile ? logical_lines(file, &*facts.dockerfile)
                                                           : command_lines(file, facts.scripts)});
  for (const auto& malformed : suppressions.malformed()) {
    facts.issues.push_back({kMalformedPragmaCode, malformed.range, malformed.message});
  }

  const Check* unused_ignore_check = nullptr;
  std::vector<stateful::BuiltImage> built = stateful::built_images(file, facts.scripts);
  built.insert(built.end(), facts.built.begin(), facts.built.end());
  const std::vector<stateful::ServerRun> server_runs =
      stateful::analyze_all(facts.invocations, catalog, built);
  const FileFacts view{file,
                       facts.dockerfile ? &*facts.dockerfile : nullptr,
                       facts.stage_chains,
                       facts.scripts,
                       facts.invocations,
                       server_runs,
                       facts.issues,
                       catalog,
                       settings};
  std::optional<dockerfile::CheckOptionsByLine> check_options;
  if (facts.dockerfile) check_options = dockerfile::check_options(*facts.dockerfile);
  const dockerfile::CheckOptionsByLine* options = check_options ? &*check_options : nullptr;
  for (const auto& check : Registry::instance().checks()) {
    if (check->meta().code == kUnusedIgnoreCode) {
      unused_ignore_check = check.get();
      continue;
    }
    bool as_experimental = false;
    if (rules ? !rules->enabled(check->meta()) : check->meta().off_by_default) {
      as_experimental = enabled_as_experimental(check->meta(), options, view.dockerfile,
                                                rules ? &*rules : nullptr);
      if (!as_experimental) continue;
    }
    run_check(*check, view, rules ? &*rules : nullptr, suppressions, result.diagnostics, options,
              as_experimental);
  }

  // Whether a pragma was needed is known only once every other check has run.
  if (policy.report_unused_ignores && unused_ignore_check &&
      (!rules || rules->enabled(unused_ignore_check->meta()))) {
    std::vector<FrontEndIssue> unused;
    for (const auto& ignore : suppressions.unused()) {
      unused.push_back({kUnusedIgnoreCode, ignore.range,
                        "this ignore of " + ignore.text + " suppresses no finding; remove it"});
    }
    const FileFacts late{file,          view.dockerfile,   facts.stage_chains,
                         facts.scripts, facts.invocations, server_runs,
                         unused,        catalog,           settings};
    run_check(*unused_ignore_check, late, rules ? &*rules : nullptr, suppressions,
              result.diagnostics);
  }
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  return result;
}

FileResult lint_target(const LintTarget& target, const LintPolicy& policy) {
  FileRead read = read_file(target.path);
  if (read.error != 0) {
    FileResult failed;
    failed.path = target.path;
    failed.error = target.path + ": cannot read file: " + std::strerror(read.error);
    return failed;
  }
  const SourceFile file(target.path, target.kind, std::move(read.text));
  try {
    return lint_source(file, policy);
  } catch (const std::exception& error) {
    // A defect in one front end or check must not cost the user the other files' results.
    FileResult failed;
    failed.path = target.path;
    failed.error = target.path + ": internal error while linting: " + error.what();
    return failed;
  }
}

void lint_all(const std::vector<LintTarget>& targets, const LintPolicy& policy, unsigned threads,
              const std::function<void(FileResult&&)>& sink,
              const std::function<FileResult(const LintTarget&)>& work) {
  auto one = [&](const LintTarget& target) {
    return work ? work(target) : lint_target(target, policy);
  };
  Registry::instance().checks();  // sorts the registry once, before any worker reads it
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<std::size_t>(targets.size(), 1));
  if (threads == 1) {
    // One file (an editor's save) or -j1: a worker thread would only add its start-up.
    for (const LintTarget& target : targets) sink(one(target));
    return;
  }

  // Workers take targets in order; the caller emits them in order. A worker never runs more
  // than `window` targets ahead of the emitter, which bounds the results held in memory.
  const std::size_t window = 8 * static_cast<std::size_t>(threads);
  std::vector<std::optional<FileResult>> slots(targets.size());
  std::mutex mutex;
  std::condition_variable finished;
  std::condition_variable emitted_more;
  std::size_t next = 0;
  std::size_t emitted = 0;

  auto worker_loop = [&] {
    for (;;) {
      std::size_t index;
      {
        std::unique_lock lock(mutex);
        emitted_more.wait(lock, [&] { return next >= targets.size() || next < emitted + window; });
        if (next >= targets.size()) return;
        index = next++;
      }
      FileResult result = one(targets[index]);
      {
        std::lock_guard lock(mutex);
        slots[index] = std::move(result);
      }
      finished.notify_one();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < threads; ++i) workers.emplace_back(worker_loop);
  for (std::size_t index = 0; index < targets.size(); ++index) {
    FileResult result;
    {
      std::unique_lock lock(mutex);
      finished.wait(lock, [&] { return slots[index].has_value(); });
      result = std::move(*slots[index]);
      slots[index].reset();
      emitted = index + 1;
    }
    emitted_more.notify_all();
    sink(std::move(result));
  }
  for (auto& worker : workers) worker.join();
}

}  // namespace dockvet
