// DL3010: `COPY app.tar.gz /opt/` and then `RUN tar -xzf /opt/app.tar.gz`, where ADD unpacks it.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "bestpractice/instruction_rules.h"
#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "shell/command_view.h"

namespace dockvet::checks {

namespace {

// The tar archives ADD unpacks: uncompressed, gzip, bzip2 or xz (the formats the Dockerfile
// reference names).
constexpr std::array<std::string_view, 9> kTarArchiveSuffixes = {
    ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tb2", ".tar.xz", ".txz"};
// Decompressors that take a compressed tar archive as their operand.
constexpr std::array<std::string_view, 7> kDecompressors = {"gunzip", "bunzip2", "unxz", "zcat",
                                                            "gzcat",  "bzcat",   "xzcat"};
// tar options that do what ADD cannot: pick or rename members, or write them elsewhere.
constexpr std::array<std::string_view, 9> kSelectiveTarOptions = {
    "--strip-components", "--strip",      "--transform", "--xform",  "--files-from",
    "--to-stdout",        "--to-command", "--wildcards", "--exclude"};

bool is_tar_archive(std::string_view name) {
  return std::any_of(kTarArchiveSuffixes.begin(), kTarArchiveSuffixes.end(),
                     [&](std::string_view suffix) { return name.ends_with(suffix); });
}

// The letters of tar's first argument in the old style (`tar xzf a.tgz`) or of a short cluster.
bool old_style_letters(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c));
  });
}

// The archive a tar command extracts in full, as ADD would, or an empty string.
std::string tar_extracted_archive(const CommandLine& command) {
  // tar options whose value is the next word.
  const auto args =
      shell::arguments(command, {"-C", "--directory", "-f", "--file", "-b", "--blocking-factor",
                                 "-H", "--format", "--owner", "--group", "--mode"});
  bool extracts = false;
  bool selective = false;
  std::vector<std::string> operands;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& argument = args[i];
    const std::string_view text = argument.text;
    if (i == 0 && !argument.option && old_style_letters(text)) {
      // Old style: the letters are options, and `f` takes the next word.
      extracts = text.find('x') != std::string_view::npos;
      selective =
          text.find('O') != std::string_view::npos || text.find('T') != std::string_view::npos;
      continue;
    }
    if (!argument.option) {
      operands.push_back(argument.text);
      continue;
    }
    if (text.starts_with("--")) {
      const std::string_view name = text.substr(0, text.find('='));
      if (name == "--extract" || name == "--get") extracts = true;
      if (std::find(kSelectiveTarOptions.begin(), kSelectiveTarOptions.end(), name) !=
          kSelectiveTarOptions.end()) {
        selective = true;
      }
      if (name == "--file" && text.find('=') != std::string_view::npos) {
        operands.emplace_back(text.substr(text.find('=') + 1));
      }
      if (name == "--file" && argument.value != nullptr) operands.push_back(argument.value->text());
      continue;
    }
    if (text.find('x') != std::string_view::npos) extracts = true;
    if (text.find_first_of("OTX") != std::string_view::npos) selective = true;
    if (argument.value != nullptr && text == "-f") operands.push_back(argument.value->text());
  }
  if (!extracts || selective) return {};
  // Exactly one archive and no member names: the whole archive is unpacked.
  std::vector<std::string> archives;
  for (const auto& operand : operands) {
    if (is_tar_archive(bestpractice::base_name(operand))) archives.push_back(operand);
  }
  if (archives.size() != 1 || operands.size() != 1) return {};
  return std::string(bestpractice::base_name(archives.front()));
}

// The tar archive a decompressor unpacks in place (`gunzip app.tar.gz`), or an empty string;
// one in a pipeline feeds another program, which may do what ADD cannot.
std::string decompressed_archive(const CommandLine& command) {
  if (command.piped) return {};
  const auto operands = shell::operands(command);
  if (operands.size() != 1) return {};
  const std::string name(bestpractice::base_name(operands.front()->text()));
  return is_tar_archive(name) ? name : std::string{};
}

// The archive this command unpacks as a whole, or an empty string.
std::string extracted_archive(const CommandLine& command) {
  const std::string program = shell::program_name(command);
  if (program == "tar") return tar_extracted_archive(command);
  if (std::find(kDecompressors.begin(), kDecompressors.end(), program) != kDecompressors.end()) {
    return decompressed_archive(command);
  }
  return {};
}

struct CopiedArchive {
  const dockerfile::Token* word = nullptr;  // the COPY word that names it
  std::string name;                         // its base name
  int extracted_by = -1;                    // the RUN that unpacks it
  std::string program;
};

}  // namespace

class CopyThenExtractArchive final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DL3010",
        .name = "copy-then-extract-archive",
        .severity = Severity::info,
        .summary = "A local tar archive is copied and then unpacked by a RUN",
        .rationale =
            "COPY puts the archive itself into a layer, and the RUN that unpacks it adds the "
            "files in another: the archive stays in the image even when the RUN deletes it, "
            "and the image carries the content twice. ADD unpacks a local tar archive (plain, "
            "gzip, bzip2 or xz) straight into the destination in one step, and the archive "
            "never reaches a layer.",
        .bad_example =
            "FROM debian:12.7\nCOPY app.tar.gz /opt/\n"
            "RUN tar -xzf /opt/app.tar.gz -C /opt && rm /opt/app.tar.gz\n",
        .good_example = "FROM debian:12.7\nADD app.tar.gz /opt/\n",
        .fix = "ADD the archive to the directory it is unpacked into, and drop the RUN's tar.",
        .differences =
            "Only what ADD can replace is reported: tar archives in the formats ADD unpacks "
            "(not zip, lzma or lzip, which ADD copies as they are), unpacked whole (no "
            "`--strip-components`, `--transform`, member names or `-O`), and not piped into "
            "another program.",
        .reads_every_run = true,
        .run_triggers = {"tar", "gunzip", "bunzip2", "unxz", "zcat", "gzcat", "bzcat", "xzcat"},
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    const auto& dockerfile = *facts.dockerfile;
    std::vector<std::vector<const CommandLine*>> commands_of(dockerfile.instructions.size());
    const shell::RunCommandList run_commands(facts);  // owns the exec-form commands
    for (const auto& command : run_commands) {
      if (command.instruction >= 0 &&
          static_cast<std::size_t>(command.instruction) < commands_of.size()) {
        commands_of[static_cast<std::size_t>(command.instruction)].push_back(command.command);
      }
    }
    std::vector<CopiedArchive> copied;
    int stage = -1;
    for (std::size_t i = 0; i < dockerfile.instructions.size(); ++i) {
      const auto& instruction = dockerfile.instructions[i];
      if (instruction.stage != stage) {
        report(dockerfile, copied, findings);
        copied.clear();
        stage = instruction.stage;
      }
      if (instruction.onbuild) continue;
      if (instruction.keyword == dockerfile::Keyword::copy) {
        remember(instruction, copied);
      }
      if (instruction.keyword != dockerfile::Keyword::run) continue;
      for (const CommandLine* command : commands_of[i]) {
        const std::string archive = extracted_archive(*command);
        if (archive.empty()) continue;
        for (auto& item : copied) {
          if (item.extracted_by < 0 && item.name == archive) {
            item.extracted_by = static_cast<int>(i);
            item.program = shell::program_name(*command);
          }
        }
      }
    }
    report(dockerfile, copied, findings);
  }

 private:
  // The archives a COPY from the build context brings in: the destination's name when it names
  // an archive, otherwise the sources that are archives.
  static void remember(const dockerfile::Instruction& copy, std::vector<CopiedArchive>& copied) {
    if (copy.flag("from") != nullptr || copy.words.size() < 2) return;
    const dockerfile::Token& destination = copy.words.back();
    if (const auto target = archive_name(destination)) {
      copied.push_back({&destination, *target, -1, {}});
      return;
    }
    for (std::size_t i = 0; i + 1 < copy.words.size(); ++i) {
      if (const auto name = archive_name(copy.words[i])) {
        copied.push_back({&copy.words[i], *name, -1, {}});
      }
    }
  }

  // The base name of a word that names a tar archive, read from the word as written first: a
  // quoted path with a space (`"C:\Program Files\app.tar"`) is split in two by BuildKit, and
  // only its last part as written still shows the name the RUN unpacks.
  static std::optional<std::string> archive_name(const dockerfile::Token& word) {
    const auto value = bestpractice::known_value(word);
    if (!value) return std::nullopt;
    for (const std::string_view text : {std::string_view(word.raw), std::string_view(*value)}) {
      const std::string name(bestpractice::base_name(text));
      if (is_tar_archive(name)) return name;
    }
    return std::nullopt;
  }

  static void report(const dockerfile::Dockerfile& dockerfile,
                     const std::vector<CopiedArchive>& copied, Findings& findings) {
    for (const auto& item : copied) {
      if (item.extracted_by < 0) continue;
      const auto& run = dockerfile.instructions[static_cast<std::size_t>(item.extracted_by)];
      findings.report(item.word->range,
                      "`" + item.name + "` is copied here and unpacked by `" + item.program +
                          "` on line " + std::to_string(bestpractice::line_of(dockerfile, run)) +
                          ": ADD it instead, which unpacks it without keeping the archive in a "
                          "layer");
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::CopyThenExtractArchive)
