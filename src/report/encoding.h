#pragma once
// Text hygiene for reports: every format must stay well-formed whatever bytes a message or a
// path holds, so these functions turn arbitrary bytes into valid UTF-8 and escape what each
// output syntax cannot carry.

#include <cstdint>
#include <string>
#include <string_view>

namespace dockvet::report {

/// The bytes as valid UTF-8: each ill-formed sequence (its maximal subpart, as Unicode
/// recommends) becomes U+FFFD.
std::string valid_utf8(std::string_view bytes);

/// The bytes as UTF-16 code units, as JavaScript sees text that Node decoded from UTF-8 (with
/// ill-formed sequences read as U+FFFD).
std::u16string utf16_units(std::string_view bytes);

/// Valid UTF-8 that is safe on one terminal line: C0 and C1 control characters and DEL are
/// written as \n, \t, \r or \xNN, so a message can neither break the one-finding-per-line shape
/// nor send escape sequences to the terminal.
std::string printable(std::string_view bytes);

/// Valid UTF-8 that XML 1.0 can hold: characters XML forbids are dropped and markup characters
/// escaped. In attributes, tab, newline and carriage return become character references so
/// that attribute-value normalisation keeps them.
std::string xml_text(std::string_view bytes);
std::string xml_attribute(std::string_view bytes);

/// A path as a relative URI reference: '/' stays, every byte outside RFC 3986's unreserved set
/// is percent-encoded (so a space is %20 and non-ASCII bytes are encoded as they are).
std::string percent_encode_path(std::string_view path);

}  // namespace dockvet::report
