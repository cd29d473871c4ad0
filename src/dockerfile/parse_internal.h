#pragma once
// Internal steps of the Dockerfile parse, shared by its translation units.

#include <string_view>
#include <vector>

#include "dockerfile/dockerfile.h"
#include "dockerfile/lexing.h"

namespace dockvet::dockerfile {

/// Turns one logical line into an Instruction (and, for ONBUILD, its trigger right after it),
/// splitting the arguments by the rules of its keyword and recording argument and flag issues.
class InstructionBuilder {
 public:
  InstructionBuilder(std::string_view text, char escape, Dockerfile& out)
      : text_(text), escape_(escape), out_(out) {}

  /// Appends the instruction(s) to out.instructions; returns the index of the first.
  std::size_t build(const lexing::LogicalLine& line, const std::vector<ByteRange>& pieces);

 private:
  /// Reads the instruction starting at logical offset `begin`; returns where its arguments start.
  std::size_t fill(const lexing::LogicalLine& line, std::size_t begin, Instruction& instruction);
  void read_flags(const lexing::LogicalLine& line, std::size_t& position, std::size_t end,
                  Instruction& instruction);
  void read_arguments(const lexing::LogicalLine& line, std::size_t begin, std::size_t end,
                      Instruction& instruction);
  bool read_json(const lexing::LogicalLine& line, std::size_t begin, std::size_t end,
                 Instruction& instruction);
  void read_whitespace_words(const lexing::LogicalLine& line, std::size_t begin, std::size_t end,
                             Instruction& instruction);
  void read_command(const lexing::LogicalLine& line, std::size_t begin, std::size_t end,
                    Instruction& instruction);
  void read_healthcheck(const lexing::LogicalLine& line, std::size_t begin, std::size_t end,
                        Instruction& instruction);
  void read_name_values(const lexing::LogicalLine& line, std::size_t begin, std::size_t end,
                        Instruction& instruction);
  void read_arg_names(const lexing::LogicalLine& line, std::size_t begin, std::size_t end,
                      Instruction& instruction);
  void read_heredocs(const lexing::LogicalLine& line, std::size_t begin, Instruction& instruction);
  void validate(const Instruction& instruction);
  void validate_flags(const Instruction& instruction);
  Token token(const lexing::LogicalLine& line, std::size_t begin, std::size_t end) const;
  void issue(std::string_view code, ByteRange range, std::string message);

  std::string_view text_;
  char escape_;
  Dockerfile& out_;
};

/// Groups instructions into stages, resolves stage references and expands variables where
/// BuildKit expands them.
void resolve_stages(Dockerfile& dockerfile);

}  // namespace dockvet::dockerfile
