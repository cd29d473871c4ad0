// Where bash should look in a Dockerfile: the shell-form RUN bodies, as BuildKit hands them to
// `/bin/sh -c`. The ranges reproduce BuildKit's joined line byte for byte (escaped newlines,
// continuation comments and empty lines left out), so a command split over lines is one command
// for bash too. A RUN is left out when its stage's shell is not a POSIX shell: after a SHELL
// naming powershell or cmd, and by default in a file with a backtick escape, which marks a
// Windows image (whose default shell is cmd).
#include <algorithm>

#include "dockerfile/dockerfile.h"

namespace dockvet::dockerfile {

namespace {

void add_range(std::vector<ByteRange>& ranges, ByteRange range) {
  if (range.empty()) return;
  if (!ranges.empty() && ranges.back().end == range.begin) {
    ranges.back().end = range.end;
  } else {
    ranges.push_back(range);
  }
}

// Adds the "\n" that ends the line holding `offset` (the "\r" of a CRLF is left out, since bash
// would read it as part of a word).
void add_newline_after(std::string_view text, std::size_t offset, std::vector<ByteRange>& ranges) {
  const std::size_t newline = text.find('\n', offset);
  if (newline != std::string_view::npos) add_range(ranges, {newline, newline + 1});
}

// Adds the lines of [begin, end) without their carriage returns.
void add_lines(std::string_view text, ByteRange lines, std::vector<ByteRange>& ranges) {
  std::size_t at = lines.begin;
  while (at < lines.end) {
    std::size_t newline = text.find('\n', at);
    if (newline == std::string_view::npos || newline >= lines.end) newline = lines.end;
    std::size_t content_end = newline;
    if (content_end > at && text[content_end - 1] == '\r') --content_end;
    add_range(ranges, {at, content_end});
    if (newline < lines.end) add_range(ranges, {newline, newline + 1});
    at = newline + 1;
  }
}

std::string_view program_name(std::string_view path) {
  path = path.substr(path.find_last_of("/\\") + 1);
  return path;
}

bool is_posix_shell(std::string_view program) {
  return program == "sh" || program == "bash" || program == "dash" || program == "ash";
}

bool is_shell_interpreter(std::string_view content) {
  if (content.substr(0, 2) != "#!") return true;
  std::string_view line = content.substr(2, content.find('\n') - 2);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  std::vector<std::string_view> words;
  std::size_t at = 0;
  while (at < line.size()) {
    while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) ++at;
    const std::size_t start = at;
    while (at < line.size() && line[at] != ' ' && line[at] != '\t') ++at;
    if (at > start) words.push_back(line.substr(start, at - start));
  }
  if (words.empty()) return true;
  auto base = program_name;
  std::string_view program = base(words[0]);
  if (program == "env") {
    program = {};
    for (std::size_t k = 1; k < words.size(); ++k) {
      if (words[k].front() != '-') {
        program = base(words[k]);
        break;
      }
    }
  }
  return is_posix_shell(program);
}

// Whether each instruction's RUN goes to a POSIX shell, following SHELL through the stages.
std::vector<bool> posix_shell_in_effect(const Dockerfile& dockerfile) {
  const bool default_posix = dockerfile.escape != '`';
  std::vector<bool> stage_posix;
  std::vector<bool> out(dockerfile.instructions.size(), default_posix);
  for (std::size_t i = 0; i < dockerfile.instructions.size(); ++i) {
    const Instruction& instruction = dockerfile.instructions[i];
    if (instruction.keyword == Keyword::from && !instruction.onbuild) {
      const int stage = instruction.stage;
      const int base =
          stage >= 0 ? dockerfile.stages[static_cast<std::size_t>(stage)].base_stage : -1;
      stage_posix.push_back(base >= 0 ? stage_posix[static_cast<std::size_t>(base)]
                                      : default_posix);
    }
    const bool posix = stage_posix.empty() ? default_posix : stage_posix.back();
    out[i] = posix;
    if (instruction.keyword == Keyword::shell && !instruction.onbuild &&
        instruction.form == Form::exec && !instruction.words.empty() && !stage_posix.empty()) {
      stage_posix.back() = is_posix_shell(program_name(instruction.words[0].expanded));
    }
  }
  return out;
}

// The RUN's whole command is one heredoc: BuildKit runs the body as the script.
bool body_is_the_script(const Instruction& run) {
  return run.heredocs.size() == 1 && run.args.size() == run.heredocs[0].word_range.size() &&
         run.args_range.begin == run.heredocs[0].word_range.begin;
}

ShellRegion command_region(std::string_view text, const Instruction& run) {
  ShellRegion region;
  for (const ByteRange& piece : run.pieces) {
    const ByteRange clipped{std::max(piece.begin, run.args_range.begin),
                            std::min(piece.end, run.args_range.end)};
    if (clipped.begin < clipped.end) add_range(region.ranges, clipped);
  }
  if (run.heredocs.empty()) return region;
  add_newline_after(text, run.line_range.end, region.ranges);
  for (const Heredoc& heredoc : run.heredocs) {
    if (!heredoc.terminated) continue;
    add_lines(text, heredoc.body, region.ranges);
    add_lines(text, heredoc.terminator, region.ranges);
    add_newline_after(text, heredoc.terminator.end, region.ranges);
  }
  return region;
}

}  // namespace

std::vector<ShellRegion> shell_regions(const Dockerfile& dockerfile) {
  std::vector<ShellRegion> regions;
  if (dockerfile.source == nullptr) return regions;
  const std::string_view text = dockerfile.source->text;
  const std::vector<bool> posix = posix_shell_in_effect(dockerfile);
  for (std::size_t i = 0; i < dockerfile.instructions.size(); ++i) {
    const Instruction& run = dockerfile.instructions[i];
    if (run.keyword != Keyword::run || run.form != Form::shell || !posix[i]) continue;
    ShellRegion region;
    if (body_is_the_script(run)) {
      const Heredoc& heredoc = run.heredocs[0];
      if (!heredoc.terminated || !is_shell_interpreter(heredoc.content)) continue;
      add_lines(text, heredoc.body, region.ranges);
    } else {
      region = command_region(text, run);
    }
    if (region.ranges.empty()) continue;
    region.instruction = static_cast<int>(i);
    regions.push_back(std::move(region));
  }
  return regions;
}

}  // namespace dockvet::dockerfile
