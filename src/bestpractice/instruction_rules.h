#pragma once
// What the instruction and stage rules (DL3010 to DL3067) ask of instruction words and stages:
// a word's value when BuildKit can know it, whether it names a variable, where a part of it sits
// in the file, and which stages a stage builds on.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::bestpractice {

/// The word's value after BuildKit's quote removal and expansion, or nothing when a variable in
/// it has no known value.
std::optional<std::string> known_value(const dockerfile::Token& word);

/// Whether the word's text expands a variable (`$NAME`, `${NAME}`): a `$` that is neither
/// escaped with the Dockerfile's escape character nor inside single quotes.
bool expands_variable(const dockerfile::Token& word, char escape);

/// A variable reference in an instruction word: the name and where it sits in the raw text.
struct VariableReference {
  std::string name;
  std::size_t offset = 0;  // of the `$` in Token::raw
  std::size_t length = 0;  // `$NAME` or the whole `${NAME...}`
};
/// Every variable BuildKit expands in the word, in order (escaped and single-quoted `$` left
/// out, as BuildKit's shell lexer leaves them).
std::vector<VariableReference> variable_references(const dockerfile::Token& word, char escape);

/// The file range of raw[offset, offset + length) of the word; the whole word when its raw text
/// was joined from continued lines and so is not a plain copy of the file's bytes.
ByteRange part_of(const dockerfile::Token& word, std::size_t offset, std::size_t length);

/// The last component of a path, with `/` or `\` as separators and surrounding quotes dropped.
std::string_view base_name(std::string_view path);

/// The stage, then the earlier stage it builds on (`FROM base`), and so on back to the first
/// stage that starts from an image.
std::vector<int> stage_lineage(const dockerfile::Dockerfile& dockerfile, int stage);

/// The 1-based line where the instruction starts.
std::uint32_t line_of(const dockerfile::Dockerfile& dockerfile,
                      const dockerfile::Instruction& instruction);

/// A MAINTAINER rewritten as `LABEL org.opencontainers.image.authors="..."` (DL4000 and
/// BuildKit's MaintainerDeprecated); nothing when the instruction spans lines or the file's
/// escape character is not the usual backslash.
std::optional<Fix> maintainer_as_label(const dockerfile::Dockerfile& dockerfile,
                                       const dockerfile::Instruction& maintainer);

}  // namespace dockvet::bestpractice
