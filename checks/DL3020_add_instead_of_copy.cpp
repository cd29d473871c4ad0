// DL3020: `ADD config.json /etc/app/` — ADD for a plain file, where COPY says what happens.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::checks {

namespace {

// What ADD may do more than COPY: unpack a (compressed) tar archive, download a URL, clone a Git
// repository. hadolint's list of archive suffixes, so that sources it accepts pass here too.
constexpr std::array kArchiveSuffixes = {".tar",  ".Z",   ".bz2", ".gz",  ".lz",
                                         ".lzma", ".tZ",  ".tb2", ".tbz", ".tbz2",
                                         ".tgz",  ".tlz", ".tpz", ".txz", ".xz"};
constexpr std::array kRemotePrefixes = {"http://", "https://", "git://", "git@", "ssh://"};
// The ADD flags COPY also takes: with any other, replacing the keyword would change the meaning.
constexpr std::array kFlagsCopyTakes = {"chown", "chmod", "link", "exclude"};

bool needs_add(std::string_view source) {
  return std::any_of(kArchiveSuffixes.begin(), kArchiveSuffixes.end(),
                     [&](std::string_view suffix) { return source.ends_with(suffix); }) ||
         std::any_of(kRemotePrefixes.begin(), kRemotePrefixes.end(),
                     [&](std::string_view prefix) { return source.starts_with(prefix); });
}

}  // namespace

class AddInsteadOfCopy final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3020",
        .name = "add-instead-of-copy",
        .severity = Severity::error,
        .summary = "ADD copies plain files or folders, which is COPY's job",
        .rationale =
            "ADD does more than copy: it unpacks local tar archives and downloads URLs. Used "
            "for ordinary files it hides that behaviour from the reader, and it bites later: "
            "a copied file that is, or one day becomes, a tar archive is silently unpacked "
            "instead of copied. COPY does exactly one thing, so the Dockerfile says what it "
            "means.",
        .bad_example = "FROM nginx:1.27\nADD nginx.conf /etc/nginx/nginx.conf\n",
        .good_example = "FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\n",
        .fix = "Write COPY instead of ADD.",
        .differences =
            "Git sources (`git@…`, `git://`, `ssh://`) need ADD and pass. A source whose value "
            "comes from a variable without a known value is not judged.",
        .fixes = FixAvailability::safe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (instruction.keyword != dockerfile::Keyword::add || instruction.words.size() < 2) {
        continue;
      }
      if (instruction.flag("keep-git-dir") != nullptr) continue;
      const auto plain = plain_sources(instruction);
      if (!plain || plain->empty()) continue;
      if (plain->size() + 1 == instruction.words.size()) {
        findings.report(instruction.name_range,
                        "ADD only copies files here: use COPY, which does nothing more",
                        fix_for(instruction));
        continue;
      }
      // ADD is needed for the other sources; the plain ones belong in a COPY of their own.
      for (const auto& [source, value] : *plain) {
        findings.report(source->range, "ADD has nothing to unpack or download in `" + value +
                                           "`: copy it with a COPY of its own");
      }
    }
  }

 private:
  // The sources that are neither an archive, a URL nor a Git repository; nothing when a
  // source's value is not known.
  static std::optional<std::vector<std::pair<const dockerfile::Token*, std::string>>> plain_sources(
      const dockerfile::Instruction& add) {
    std::vector<std::pair<const dockerfile::Token*, std::string>> plain;
    for (std::size_t i = 0; i + 1 < add.words.size(); ++i) {
      const auto source = bestpractice::known_value(add.words[i]);
      if (!source) return std::nullopt;
      if (!needs_add(*source)) plain.emplace_back(&add.words[i], *source);
    }
    return plain;
  }

  static std::optional<Fix> fix_for(const dockerfile::Instruction& add) {
    for (const auto& flag : add.flags) {
      if (std::find(kFlagsCopyTakes.begin(), kFlagsCopyTakes.end(), flag.name) ==
          kFlagsCopyTakes.end()) {
        return std::nullopt;
      }
    }
    std::string keyword = "COPY";
    if (std::all_of(add.name.begin(), add.name.end(),
                    [](char c) { return c >= 'a' && c <= 'z'; })) {
      keyword = "copy";
    }
    return Fix::replace("replace ADD with COPY", add.name_range, keyword);
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::AddInsteadOfCopy)
