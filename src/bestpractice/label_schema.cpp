#include "bestpractice/label_schema.h"

#include "config/settings.h"

namespace dockvet::bestpractice {

std::vector<LabelEntry> label_entries(const FileFacts& facts) {
  std::vector<LabelEntry> out;
  if (facts.dockerfile == nullptr) return out;
  for (const auto& instruction : facts.dockerfile->instructions) {
    if (instruction.keyword != dockerfile::Keyword::label) continue;
    for (const auto& pair : instruction.pairs) out.push_back({&instruction, &pair});
  }
  return out;
}

const std::map<std::string, std::string>& label_schema(const FileFacts& facts) {
  static const std::map<std::string, std::string> none;
  return facts.settings == nullptr ? none : facts.settings->label_schema;
}

ByteRange value_range(const dockerfile::KeyValue& pair) {
  if (pair.value && !pair.value->range.empty()) return pair.value->range;
  return pair.range;
}

void report_invalid_label_values(const FileFacts& facts, Findings& findings,
                                 const LabelValueRule& rule) {
  const auto& schema = label_schema(facts);
  if (schema.empty()) return;
  for (const LabelEntry& entry : label_entries(facts)) {
    const auto& pair = *entry.pair;
    if (!pair.key.expanded_known || !pair.value || !pair.value->expanded_known) continue;
    const auto type = schema.find(pair.key.expanded);
    if (type == schema.end() || type->second != rule.type) continue;
    const std::string& value = pair.value->expanded;
    if (value.empty() || rule.is_valid(value)) continue;
    findings.report(value_range(pair), "label `" + pair.key.expanded + "` is `" + value +
                                           "`, but the label schema asks for " +
                                           std::string(rule.expected));
  }
}

}  // namespace dockvet::bestpractice
