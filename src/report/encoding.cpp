#include "report/encoding.h"

#include <fmt/format.h>

#include <algorithm>

namespace dockvet::report {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// One step of UTF-8 decoding: the code point, and how many bytes it took. An ill-formed
/// sequence gives `valid == false` and the length of its maximal subpart (at least 1).
struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 1;
  bool valid = false;
};

Decoded decode(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t i) -> unsigned {
    return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0x100;
  };
  const unsigned lead = byte(0);
  if (lead < 0x80) return {lead, 1, true};
  std::size_t length = 0;
  char32_t code_point = 0;
  unsigned low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code_point = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code_point = lead & 0x07;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
  } else {
    return {0, 1, false};
  }
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned next = byte(i);
    const unsigned min = i == 1 ? low : 0x80, max = i == 1 ? high : 0xBF;
    if (next < min || next > max) return {0, i, false};
    code_point = (code_point << 6) | (next & 0x3F);
  }
  return {code_point, length, true};
}

/// Calls `emit(code_point, utf8)` for each character, with U+FFFD for ill-formed input.
template <typename Emit>
void for_each_character(std::string_view text, Emit emit) {
  for (std::size_t at = 0; at < text.size();) {
    const Decoded d = decode(text, at);
    if (d.valid) {
      emit(d.code_point, text.substr(at, d.length));
    } else {
      emit(char32_t{0xFFFD}, kReplacement);
    }
    at += d.length;
  }
}

bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

bool xml_allows(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::string xml_escaped(std::string_view bytes, bool attribute) {
  std::string out;
  out.reserve(bytes.size());
  for_each_character(bytes, [&](char32_t c, std::string_view utf8) {
    if (!xml_allows(c)) return;
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\'': out += attribute ? "&apos;" : "'"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      default: out += utf8;
    }
  });
  return out;
}

}  // namespace

std::string valid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for_each_character(bytes, [&](char32_t, std::string_view utf8) { out += utf8; });
  return out;
}

std::u16string utf16_units(std::string_view bytes) {
  std::u16string out;
  out.reserve(bytes.size());
  for_each_character(bytes, [&](char32_t c, std::string_view) {
    if (c < 0x10000) {
      out += static_cast<char16_t>(c);
      return;
    }
    c -= 0x10000;
    out += static_cast<char16_t>(0xD800 + (c >> 10));
    out += static_cast<char16_t>(0xDC00 + (c & 0x3FF));
  });
  return out;
}

std::string printable(std::string_view bytes) {
  // Paths, messages and codes are nearly always plain ASCII: one pass says so, and a copy does.
  const bool plain = std::all_of(bytes.begin(), bytes.end(), [](char ch) {
    const auto byte = static_cast<unsigned char>(ch);
    return byte >= 0x20 && byte < 0x7f;
  });
  if (plain) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size());
  for_each_character(bytes, [&](char32_t c, std::string_view utf8) {
    if (!is_control(c)) {
      out += utf8;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
    }
  });
  return out;
}

std::string xml_text(std::string_view bytes) {
  return xml_escaped(bytes, false);
}
std::string xml_attribute(std::string_view bytes) {
  return xml_escaped(bytes, true);
}

std::string percent_encode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (char ch : path) {
    const auto byte = static_cast<unsigned char>(ch);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                            byte == '_' || byte == '~' || byte == '/';
    if (unreserved) {
      out += ch;
    } else {
      out += fmt::format("%{:02X}", static_cast<unsigned>(byte));
    }
  }
  return out;
}

}  // namespace dockvet::report
