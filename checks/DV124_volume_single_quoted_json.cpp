// DV124: `VOLUME ['/data']` — not JSON, so BuildKit declares the literal words.
#include <nlohmann/json.hpp>

#include "core/check.h"
#include "dockerfile/dockerfile.h"
#include "stateful/dockerfile_volume_syntax.h"

namespace dockvet::checks {

namespace {

bool is_string_array(const std::string& text) {
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array() || parsed.empty()) return false;
  for (const auto& element : parsed) {
    if (!element.is_string()) return false;
  }
  return true;
}

std::string with_double_quotes(std::string text) {
  for (char& c : text) {
    if (c == '\'') c = '"';
  }
  return text;
}

}  // namespace

class VolumeSingleQuotedJson final : public Check {
 public:
  const CheckMeta& meta() const override {
    static const CheckMeta meta{
        .code = "DV124",
        .name = "volume-single-quoted-json",
        .severity = Severity::error,
        .summary = "A VOLUME looks like a JSON array but is not valid JSON",
        .rationale =
            "VOLUME accepts a JSON array or plain words. BuildKit's parser "
            "(frontend/dockerfile/parser, parseMaybeJSONToList) tries JSON first and, when the "
            "text does not decode, silently splits it on whitespace instead. JSON strings need "
            "double quotes (the Dockerfile reference's notes on VOLUME say so), so `VOLUME "
            "['/data']` declares the literal word, `[/data]` after quote removal: a relative "
            "path that is not /data. The data directory gets no volume and the image carries a "
            "nonsense mount point.",
        .bad_example = "FROM redis:7.4\nVOLUME ['/data', '/backup']\n",
        .good_example = "FROM redis:7.4\nVOLUME [\"/data\", \"/backup\"]\n",
        .fix =
            "Write the array with double quotes, or drop the brackets and list the paths as "
            "plain words.",
        .data_loss = true,
        .fixes = FixAvailability::unsafe,
    };
    return meta;
  }

  void run(const FileFacts& facts, Findings& findings) const override {
    if (facts.dockerfile == nullptr) return;
    for (const auto& instruction : facts.dockerfile->instructions) {
      if (!stateful::is_broken_json_volume(instruction)) continue;
      std::string words;
      constexpr std::size_t kWordsQuoted = 5;
      for (std::size_t i = 0; i < instruction.words.size() && i < kWordsQuoted; ++i) {
        words += (words.empty() ? "`" : ", `") + quotable(instruction.words[i].expanded) + "`";
      }
      if (instruction.words.size() > kWordsQuoted) words += ", …";
      const bool single_quoted = instruction.args.find('\'') != std::string::npos;
      std::string message = std::string(single_quoted ? "JSON strings need double quotes, so "
                                                      : "this is not a valid JSON array, so ") +
                            "BuildKit reads `" + quotable(instruction.args) +
                            "` as plain words and declares the literal path(s) " + words +
                            " instead of the ones inside the brackets";
      std::optional<Fix> fix;
      const std::string original(facts.file.slice(instruction.args_range));
      if (single_quoted && is_string_array(with_double_quotes(instruction.args))) {
        message += "; write " + quotable(with_double_quotes(instruction.args));
        fix = Fix::replace_unsafe("use double quotes", instruction.args_range,
                                  with_double_quotes(original));
      }
      findings.report(instruction.args_range, std::move(message), std::move(fix));
    }
  }
};

}  // namespace dockvet::checks

DOCKVET_REGISTER_CHECK(dockvet::checks::VolumeSingleQuotedJson)
