#pragma once
// A shell word rebuilt as the shell would pass it to a program: quotes removed, escapes applied,
// continued lines joined. Expansions are never evaluated; they stay visible as unknown segments.

#include <string>
#include <vector>

#include "core/source.h"

namespace dockvet {

struct WordSegment {
  std::string text;     // literal text, or the expansion's source text ("$PWD", "$(pwd)")
  bool literal = true;  // false for a parameter, command or arithmetic expansion, or a glob
  ByteRange range;      // where the segment's source text sits in the file
};

struct Word {
  std::vector<WordSegment> segments;
  ByteRange range;  // the whole word in the file, quotes included

  /// True when the value is fully known: no expansion anywhere.
  bool known() const {
    for (const auto& segment : segments) {
      if (!segment.literal) return false;
    }
    return true;
  }
  /// The value with each expansion's source text in place; exact when known().
  std::string text() const {
    std::string out;
    for (const auto& segment : segments) out += segment.text;
    return out;
  }
  /// The literal prefix before the first expansion.
  std::string known_prefix() const {
    std::string out;
    for (const auto& segment : segments) {
      if (!segment.literal) break;
      out += segment.text;
    }
    return out;
  }
};

/// One simple command as the shell would run it, after prefixes such as `sudo`, `env X=1`,
/// `exec`, `time`, `nohup`, `timeout N`, `command` and leading assignments are peeled off.
struct CommandLine {
  std::vector<Word> words;  // words[0] is the program
  ByteRange range;          // the whole command in the file (its prefixes included)
  /// Files the command's output redirections write to (`> f`, `>> f`, `&> f`, `2> f`), so that
  /// checks can see writes without re-parsing; `>&2` and other descriptor duplications are not
  /// files and are left out.
  std::vector<Word> output_files;
  /// The prefix words peeled off before words[0] (`sudo -u app`, `env X=1`), in order; checks
  /// that judge the prefix itself (hadolint's DL3004 on sudo) read them here.
  std::vector<Word> prefix;
  /// The command is one stage of a pipeline (`a | b`): its exit status may be hidden.
  bool piped = false;
};

}  // namespace dockvet
