#pragma once
// The Dockerfile model: what BuildKit's parser (moby/buildkit frontend/dockerfile/parser and
// instructions) makes of a Dockerfile, with the exact byte range of every piece in the raw file.
// Checks read this model and never re-parse text.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "core/shell_region.h"
#include "core/source.h"

namespace dockvet::dockerfile {

/// The front-end issue codes (each is reported by the DV01x check of the same code).
namespace issue {
inline constexpr std::string_view invalid_directive = "DV010";
inline constexpr std::string_view unknown_instruction = "DV011";
inline constexpr std::string_view unterminated_heredoc = "DV012";
inline constexpr std::string_view invalid_arguments = "DV013";
inline constexpr std::string_view invalid_flag = "DV014";
inline constexpr std::string_view missing_from = "DV015";
}  // namespace issue

/// A parser directive from the directive block at the top of the file (`# escape=\``).
struct Directive {
  std::string name;  // lower-cased: "syntax", "escape" or "check"
  std::string value;
  ByteRange range;  // the whole comment line, without its newline
  ByteRange name_range;
  ByteRange value_range;
};

/// Which instruction a line is; `unknown` for a keyword BuildKit does not know.
enum class Keyword {
  add,
  arg,
  cmd,
  copy,
  entrypoint,
  env,
  expose,
  from,
  healthcheck,
  label,
  maintainer,
  onbuild,
  run,
  shell,
  stopsignal,
  user,
  volume,
  workdir,
  unknown
};

std::string_view to_string(Keyword keyword);  // upper case, "UNKNOWN" for unknown
/// Maps an instruction name in any case to its keyword.
Keyword keyword_from_name(std::string_view name);

/// One argument word as BuildKit splits it for its instruction. `raw` is the word's text in the
/// logical line (escaped newlines and dropped comment lines removed, quotes kept). `expanded` is
/// the value after BuildKit's quote removal and variable expansion for the instructions that
/// expand (FROM, ADD, COPY, ENV, ARG, EXPOSE, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR); for the
/// others it equals `raw`, except that exec-form elements are JSON-decoded. When a referenced
/// variable has no known value (an ARG without default, a variable of the base image), the
/// reference's source text stays in `expanded` and `expanded_known` is false.
struct Token {
  std::string raw;
  std::string expanded;
  bool expanded_known = true;
  ByteRange range;  // first to last byte in the file (may span continued lines)
};

/// An instruction flag such as `--mount=type=cache,target=/root/.cache` or `--link`.
struct Flag {
  std::string name;  // without the leading "--": "mount"
  std::optional<std::string>
      value;             // after "=", quotes removed as BuildKit does; none for `--link`
  std::string expanded;  // value with variables expanded (stage scope)
  bool expanded_known = true;
  ByteRange range;        // the whole flag word
  ByteRange name_range;   // "--mount"
  ByteRange value_range;  // after "=" (empty when there is no value)
};

/// One `key=value` (or legacy `ENV key value`) of ENV or LABEL, or one `name[=default]` of ARG.
struct KeyValue {
  Token key;
  std::optional<Token> value;  // none for `ARG name` without default
  bool legacy = false;         // `ENV key value`: the value is the rest of the line
  ByteRange range;
};

/// A heredoc (`<<EOF`, `<<-EOF`, `<<'EOF'`) of a RUN, COPY or ADD and its body.
struct Heredoc {
  std::string name;      // the delimiter, quotes removed
  bool chomp = false;    // `<<-`: leading tabs are stripped from the body and the delimiter line
  bool expand = true;    // false when the delimiter is quoted: the body is not expanded
  int descriptor = 0;    // `3<<EOF` gives 3; 0 when none is written
  ByteRange word_range;  // the `<<EOF` word in the instruction line
  ByteRange body;        // the body lines, from the line after the instruction to the delimiter
  ByteRange terminator;  // the delimiter line without its newline; empty when unterminated
  bool terminated = true;
  std::string content;  // the body as BuildKit passes it on (tabs not yet stripped)
};

/// Whether the arguments of RUN, CMD, ENTRYPOINT, SHELL or HEALTHCHECK CMD are a JSON array.
enum class Form { none, shell, exec };

/// One instruction, with its ONBUILD trigger (if any) modelled as the next instruction.
struct Instruction {
  Keyword keyword = Keyword::unknown;
  std::string name;  // as written: "run", "Run", "RUN"
  ByteRange name_range;
  ByteRange range;       // keyword to last byte of the last line, heredoc bodies included
  ByteRange line_range;  // keyword to the end of the logical line, heredoc bodies excluded
  /// The parts of physical lines BuildKit joins into the logical line: comment and empty lines
  /// inside a continuation are left out, as are the escape characters that continue a line.
  std::vector<ByteRange> pieces;
  std::string text;  // the logical line, as BuildKit joined it
  std::vector<Flag> flags;
  ByteRange args_range;  // the arguments after the flags (empty range when there are none)
  std::string args;      // the logical text of the arguments, trimmed
  Form form = Form::none;
  /// The arguments split as BuildKit splits them for this instruction: FROM's image [AS name],
  /// COPY/ADD sources then destination, EXPOSE ports, VOLUME paths, USER, WORKDIR, STOPSIGNAL,
  /// MAINTAINER (one word), exec-form elements, or for a shell form the whole command text as one
  /// word. HEALTHCHECK puts its command here and its type in `subcommand`.
  std::vector<Token> words;
  std::optional<Token> subcommand;  // HEALTHCHECK's CMD or NONE
  std::vector<KeyValue> pairs;      // ENV, LABEL, ARG
  std::vector<Heredoc> heredocs;
  int stage = -1;        // index into Dockerfile::stages; -1 before the first FROM
  bool onbuild = false;  // this instruction is the trigger of the ONBUILD just before it
  int trigger = -1;      // for ONBUILD: index of the wrapped instruction
  int stage_ref = -1;    // FROM <stage>, COPY/ADD --from=<stage>: the referenced earlier stage
  bool is_shell_form() const { return form == Form::shell; }
  bool is_exec_form() const { return form == Form::exec; }
  /// The flag named `name` (without "--"), or nullptr.
  const Flag* flag(std::string_view name) const;
};

/// One build stage: a FROM and the instructions up to the next FROM.
struct Stage {
  int index = 0;
  int from_instruction = -1;  // index of its FROM in Dockerfile::instructions
  int last_instruction = -1;  // index of its last instruction (inclusive)
  std::string name;           // lower-cased `AS` name, empty when unnamed
  std::optional<Token> name_token;
  Token base;                     // the image (or earlier stage), expanded with the global ARGs
  std::optional<Token> platform;  // --platform, expanded with the global ARGs
  int base_stage = -1;            // the earlier stage this one builds on, or -1 for an image
};

/// One `RUN --mount=...` as BuildKit reads its CSV fields (instructions/commands_runmount.go):
/// the type defaults to bind; `target`, `dst` and `destination` name the target, `source` and
/// `src` the source. Read from the expanded value, or the raw one when a variable is unknown.
struct RunMount {
  std::string type = "bind";  // lower-cased
  std::string target;
  std::string source;
  std::string from;   // a stage name or index, or an image
  bool known = true;  // every variable in the value had a known value
  const Flag* flag = nullptr;
};

/// The --mount flags of an instruction (only RUN takes them), in order.
std::vector<RunMount> run_mounts(const Instruction& instruction);

/// The parsed Dockerfile.
struct Dockerfile {
  const SourceFile* source = nullptr;
  char escape = '\\';  // the escape token: backslash or backtick
  bool has_bom = false;
  std::vector<Directive> directives;
  std::vector<Instruction> instructions;
  std::vector<Stage> stages;
  std::vector<ByteRange> comments;  // every comment line, without its newline
  std::vector<FrontEndIssue> issues;

  /// The directive `name` ("syntax", "escape", "check"), or nullptr.
  const Directive* directive(std::string_view name) const;
  /// The stage named `name` (case-insensitive) or with that index, or nullptr.
  const Stage* stage(std::string_view name_or_index) const;
};

/// The ARGs BuildKit defines in the global scope (frontend/dockerfile/dockerfile2llb defaultArgs),
/// whose values depend on the build: BUILDPLATFORM, TARGETARCH, TARGETSTAGE and the others. A
/// FROM line may use them undeclared; a stage sees them only after an `ARG NAME`.
std::span<const std::string_view> predefined_args();

/// `raw` (a FROM word) expanded as BuildKit expands base names to check them when no build
/// argument is given (validateBaseImagesWithDefaultArgs): each global ARG has its default, one
/// without a default is empty. Nullopt when the value depends on a predefined ARG.
std::optional<std::string> expand_with_global_defaults(const Dockerfile& dockerfile,
                                                       std::string_view raw);

/// Parses a Dockerfile. Never throws; syntax problems land in Dockerfile::issues. The model
/// points into `file`, which must outlive it.
Dockerfile parse(const SourceFile& file);

/// The shell text of every shell-form RUN (ONBUILD RUN included), as bash should see it: the
/// command after the keyword and flags with continuation comment lines, empty lines, escaped
/// newlines and carriage returns left out, followed by the heredocs' bodies and delimiters. A
/// RUN whose whole command is one heredoc (`RUN <<EOF`) gives the body instead, unless it starts
/// with a `#!` line naming an interpreter other than sh, bash, dash or ash. RUNs whose shell is
/// not POSIX give no region: after a SHELL naming another program (powershell, cmd), and, unless
/// a SHELL names a POSIX shell, in a file whose escape is a backtick (a Windows image).
std::vector<ShellRegion> shell_regions(const Dockerfile& dockerfile);

}  // namespace dockvet::dockerfile
