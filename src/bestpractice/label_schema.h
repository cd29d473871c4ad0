#pragma once
// What the label rules (hadolint's DL3048 to DL3058) share: the labels a Dockerfile sets, and the
// label schema the user configured (`label-schema` in the config file: label name to type).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.h"
#include "dockerfile/dockerfile.h"

namespace dockvet::bestpractice {

/// One `key=value` of a LABEL instruction (ONBUILD LABEL included: its labels land on every image
/// built from this one).
struct LabelEntry {
  const dockerfile::Instruction* instruction = nullptr;
  const dockerfile::KeyValue* pair = nullptr;
};

/// Every label the Dockerfile sets, in file order; empty when the file is not a Dockerfile.
std::vector<LabelEntry> label_entries(const FileFacts& facts);

/// The label schema of the run; empty when none is configured.
const std::map<std::string, std::string>& label_schema(const FileFacts& facts);

/// How one schema type's values are judged and described.
struct LabelValueRule {
  std::string_view type;  // the schema's type name: "url", "rfc3339", ...
  bool (*is_valid)(std::string_view value) = nullptr;
  std::string_view expected;  // what a valid value is, e.g. "an absolute URL such as https://..."
};

/// Reports each label whose schema type is `rule.type` and whose value, when BuildKit's
/// expansion makes it known, `rule.is_valid` rejects. Empty values are DL3051's and are skipped.
void report_invalid_label_values(const FileFacts& facts, Findings& findings,
                                 const LabelValueRule& rule);

/// Where a finding about the pair's value points: the value, or the pair when the value is empty.
ByteRange value_range(const dockerfile::KeyValue& pair);

}  // namespace dockvet::bestpractice
