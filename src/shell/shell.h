#pragma once
// The shell front end: finds the shell code in scripts, Makefile recipes and Markdown code blocks,
// parses it with tree-sitter-bash, and rebuilds every simple command as the shell would run it.

#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/shell_region.h"
#include "core/source.h"
#include "core/word.h"

namespace dockvet::shell {

/// The shell regions of a shell script, Makefile or Markdown file, in file order. Dockerfiles
/// give none: their front end makes the regions of RUN bodies itself.
std::vector<ShellRegion> find_regions(const SourceFile& file);

/// Says from a region's instruction (ShellRegion::instruction) and text whether any check reads
/// its commands.
using CommandsWanted = std::function<bool(int instruction, std::string_view text)>;

/// Parses one region with tree-sitter-bash and returns every simple command in it, in file
/// order, with prefixes such as `sudo` peeled off. Syntax problems go to `issues` (DV020-DV022);
/// none are recorded for Markdown files, whose snippets are often placeholders. When `wanted`
/// is given and says no, and the text holds no syntax problem, the region is not parsed and
/// the script has no commands: tree-sitter is most of dockvet's time. Thread-safe.
ShellScript parse_region(const SourceFile& file, const ShellRegion& region,
                         std::vector<FrontEndIssue>& issues, const CommandsWanted& wanted = {});

/// Returns how many leading words of `words` are prefixes that only change how the real program
/// runs (`sudo -u x`, `env X=1`, `exec`, `time -p`, `nohup`, `timeout 5`, `command`, `nice -n 5`,
/// `stdbuf -oL`, `doas`, assignments after those). Stops at a word that is not fully known.
std::size_t prefix_length(std::span<const Word> words);

/// The issue codes the front end records.
inline constexpr std::string_view unterminated_quote_code = "DV020";
inline constexpr std::string_view unclosed_expansion_code = "DV021";
inline constexpr std::string_view unterminated_heredoc_code = "DV022";

}  // namespace dockvet::shell
