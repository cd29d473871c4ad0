#pragma once
// A lexical second opinion on tree-sitter-bash's errors. The grammar has gaps, so an ERROR node
// alone does not prove a script invalid; this scanner follows bash's quoting rules and finds the
// opener that is never closed. An issue is reported only when both agree.

#include <optional>
#include <string>
#include <string_view>

namespace dockvet::shell {

/// An opener the shell never sees closed, as offsets into the scanned text.
struct UnclosedOpener {
  std::string_view code;  // DV020 quote, DV021 expansion, DV022 heredoc
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string message;
};

/// Scans shell text for the first opener that is never closed. In `make_recipe` mode `$$` is a
/// literal `$` and `$(…)`/`${…}` are make expansions, skipped whole.
std::optional<UnclosedOpener> find_unclosed_opener(std::string_view text, bool make_recipe);

}  // namespace dockvet::shell
