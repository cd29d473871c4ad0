#pragma once
// Where shell code sits inside a file: the byte ranges tree-sitter-bash parses as one script.

#include <vector>

#include "core/source.h"

namespace dockvet {

/// One script made of `ranges` of the file, read as if concatenated (tree-sitter's included
/// ranges). Leaving bytes out of the ranges is how a front end drops what the shell never sees:
/// a Dockerfile RUN's instruction word and flags, the comment lines BuildKit removes from a
/// continued RUN, a Makefile recipe's tab and `@`/`-` prefix, a Markdown console prompt.
struct ShellRegion {
  std::vector<ByteRange> ranges;
  int instruction = -1;  // index into Dockerfile::instructions for a RUN body, else -1
};

}  // namespace dockvet
