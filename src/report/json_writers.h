#pragma once
// What the JSON-based formats share: building text values that are always valid UTF-8, and
// writing a document that cannot throw on odd bytes.

#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>

namespace dockvet::report::detail {

using Json = nlohmann::ordered_json;

/// A JSON string holding `bytes` as valid UTF-8 (ill-formed sequences become U+FFFD).
Json json_text(std::string_view bytes);

/// Writes `document` and a final newline; indent < 0 writes one line.
void write_json_document(const Json& document, int indent, std::ostream& out);

}  // namespace dockvet::report::detail
