#pragma once
// Where each kind of file keeps its shell code. find_regions() picks one of these by FileKind.

#include <string>
#include <string_view>
#include <vector>

#include "core/shell_region.h"

namespace dockvet::shell {

/// One physical line of a file, as the Makefile and Markdown region builders walk them.
struct TextLine {
  std::size_t begin;
  std::size_t end;         // before "\r\n" or "\n"
  std::size_t next_begin;  // start of the following line
};
std::vector<TextLine> split_lines(std::string_view text);

/// Every recipe line of a Makefile: one region per logical line, without make's tab and
/// `@`/`-`/`+` prefixes, continued lines joined as the shell reads them.
std::vector<ShellRegion> makefile_regions(std::string_view text);

/// The shell code blocks of a Markdown file: a whole block per region, or one command per region
/// in a console transcript (`$ ` or `# ` prompts, output lines left out).
std::vector<ShellRegion> markdown_regions(std::string_view text);

/// A Dockerfile that a Markdown file shows in a ```dockerfile (or containerfile) fence.
struct ShownDockerfile {
  std::string text;  // the block's lines, without block-quote markers
  std::size_t end;   // file offset just past the block's last line
};
std::vector<ShownDockerfile> markdown_dockerfiles(std::string_view text);

}  // namespace dockvet::shell
