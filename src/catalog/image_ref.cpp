#include "catalog/image_ref.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace dockvet::catalog {
namespace {

// Each unknown span is masked by this one character while the reference is split, so a variable
// such as `${IMAGE:-postgres:16}` can never be mistaken for a separator.
constexpr char kUnknown = '\x01';

struct Masked {
  std::string text;                  // the reference with one kUnknown per unknown span
  std::vector<std::string> unknown;  // the spans' original text, in order
};

bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool has_unknown(std::string_view part) {
  return part.find(kUnknown) != std::string_view::npos;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Where a `$…` or backtick expansion that starts at `at` ends (exclusive).
std::size_t expansion_end(std::string_view text, std::size_t at) {
  if (text[at] == '`') {
    auto close = text.find('`', at + 1);
    return close == std::string_view::npos ? text.size() : close + 1;
  }
  if (at + 1 >= text.size()) return text.size();
  char open = text[at + 1];
  if (open == '{' || open == '(') {
    char close = open == '{' ? '}' : ')';
    int depth = 0;
    for (std::size_t i = at + 1; i < text.size(); ++i) {
      if (text[i] == open) ++depth;
      if (text[i] == close && --depth == 0) return i + 1;
    }
    return text.size();
  }
  std::size_t i = at + 1;
  if (!(std::isalnum(static_cast<unsigned char>(open)) || open == '_')) return i + 1;  // $1, $@
  while (i < text.size() && (is_alnum(text[i]) || text[i] == '_')) ++i;
  return i;
}

using Span = std::pair<std::size_t, std::size_t>;

std::vector<Span> find_expansions(std::string_view text) {
  std::vector<Span> spans;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '$' || text[i] == '`') {
      std::size_t end = expansion_end(text, i);
      spans.emplace_back(i, end);
      i = end;
    } else {
      ++i;
    }
  }
  return spans;
}

// A kUnknown byte in the text itself would be read as a mask with no span behind it, so it is
// masked as a span of its own: unmasking then restores it, and no reference holding a control
// byte is read as known.
void append_literal(Masked& masked, std::string_view literal) {
  for (char c : literal) {
    masked.text.push_back(c);
    if (c == kUnknown) masked.unknown.emplace_back(1, kUnknown);
  }
}

Masked mask(std::string_view text, const std::vector<Span>& spans) {
  Masked masked;
  std::size_t at = 0;
  for (auto [begin, end] : spans) {
    append_literal(masked, text.substr(at, begin - at));
    masked.text.push_back(kUnknown);
    masked.unknown.emplace_back(text.substr(begin, end - begin));
    at = end;
  }
  append_literal(masked, text.substr(at));
  return masked;
}

// Restores the original text of the masked spans in one part of the masked reference.
class Unmasker {
 public:
  explicit Unmasker(const Masked& masked) : masked_(masked) {}
  std::string operator()(std::size_t begin, std::size_t end) const {
    std::size_t index = static_cast<std::size_t>(
        std::count(masked_.text.begin(), masked_.text.begin() + begin, kUnknown));
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
      if (masked_.text[i] == kUnknown) {
        out += masked_.unknown[index++];
      } else {
        out.push_back(masked_.text[i]);
      }
    }
    return out;
  }

 private:
  const Masked& masked_;
};

// Docs write placeholders where a tag or name goes: `mysql:tag`, `postgres:[version]`, `<image>`,
// also inside a tag: `aerospike:ee-[version]`, `redis:<version>-alpine`, `solr:{{ver}}`. None of
// these brackets is valid in a reference, so a bracketed part is always a placeholder.
bool is_placeholder(std::string_view part) {
  for (auto [open, close] : {std::pair{'<', '>'}, std::pair{'[', ']'}, std::pair{'{', '}'}}) {
    const auto begin = part.find(open);
    if (begin != std::string_view::npos && part.find(close, begin + 1) != std::string_view::npos)
      return true;
  }
  static constexpr std::array<std::string_view, 6> words = {"tag",   "version", "ver",
                                                            "x.y.z", "x.y",     "..."};
  std::string folded = lower(part);
  return std::find(words.begin(), words.end(), folded) != words.end();
}

// One path component: lowercase alphanumerics joined by '.', '_', "__" or runs of '-'.
bool valid_component(std::string_view part) {
  if (part.empty() || !is_lower_alnum(part.front()) || !is_lower_alnum(part.back())) return false;
  for (std::size_t i = 0; i < part.size();) {
    if (is_lower_alnum(part[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < part.size() && !is_lower_alnum(part[j])) ++j;
    auto separator = part.substr(i, j - i);
    bool dashes = separator.find_first_not_of('-') == std::string_view::npos;
    if (!(separator == "." || separator == "_" || separator == "__" || dashes)) return false;
    i = j;
  }
  return true;
}

bool valid_domain(std::string_view domain) {
  if (domain.empty()) return false;
  for (char c : domain) {
    if (!(is_alnum(c) || c == '.' || c == '-' || c == ':' || c == '[' || c == ']')) return false;
  }
  return true;
}

bool valid_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 128) return false;
  if (!(is_alnum(tag.front()) || tag.front() == '_')) return false;
  return std::all_of(tag.begin(), tag.end(),
                     [](char c) { return is_alnum(c) || c == '_' || c == '.' || c == '-'; });
}

bool valid_digest(std::string_view digest) {
  auto colon = digest.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  auto algorithm = digest.substr(0, colon);
  auto hex = digest.substr(colon + 1);
  bool algorithm_ok = std::all_of(algorithm.begin(), algorithm.end(), [](char c) {
    return is_lower_alnum(c) || c == '+' || c == '.' || c == '_' || c == '-';
  });
  bool hex_ok = hex.size() >= 32 && std::all_of(hex.begin(), hex.end(), [](char c) {
                  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
                });
  return algorithm_ok && hex_ok;
}

// Docker's rule: the first component is a registry when it has a '.' or ':', is "localhost",
// or has an uppercase letter (a path never may).
bool looks_like_domain(std::string_view first) {
  if (first == "localhost") return true;
  if (first.find_first_of(".:") != std::string_view::npos) return true;
  return lower(first) != first;
}

bool is_docker_hub(std::string_view registry) {
  return registry == "docker.io" || registry == "index.docker.io" ||
         registry == "registry-1.docker.io";
}

// docker-library/official-images README lists these architecture namespaces as the same
// images as the library ones (reference 1.8); mips64le only for older images (✗).
bool is_architecture_namespace(std::string_view name) {
  static constexpr std::array<std::string_view, 11> names = {
      "amd64",   "arm32v5", "arm32v6", "arm32v7",  "arm64v8", "i386",
      "ppc64le", "s390x",   "riscv64", "winamd64", "mips64le"};
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Mirrors that carry Docker Hub's library images under another host. Unverified: the reference
// names them (✗ not checked) without reading their contents.
void rewrite_mirror(ImageRef& ref) {
  if (ref.registry == "mirror.gcr.io" && ref.namespace_ == "library") {
    ref.rewritten_from = ref.registry;
    ref.registry = "docker.io";
  } else if (ref.registry == "public.ecr.aws" && ref.namespace_ == "docker/library") {
    ref.rewritten_from = ref.registry;
    ref.registry = "docker.io";
    ref.namespace_ = "library";
  } else if (ref.registry == "docker.io" && is_architecture_namespace(ref.namespace_)) {
    ref.rewritten_from = ref.namespace_;
    ref.namespace_ = "library";
  }
}

void mark_invalid(ImageRef& ref, std::string why) {
  if (!ref.valid) return;
  ref.valid = false;
  ref.error = std::move(why);
}

void split_name(ImageRef& ref, const Masked& masked, std::size_t name_end) {
  Unmasker unmask(masked);
  std::string_view name(masked.text.data(), name_end);
  if (name.empty()) {
    mark_invalid(ref, "the image name is empty");
    return;
  }
  if (has_unknown(name) && name.find('/') == std::string_view::npos) {
    ref.name_known = false;  // `${IMAGE}` or `$REGISTRY$NAME`: nothing can be read
    ref.repository = unmask(0, name_end);
    return;
  }
  std::size_t path_begin = 0;
  auto first_slash = name.find('/');
  if (first_slash != std::string_view::npos && looks_like_domain(name.substr(0, first_slash))) {
    ref.registry = lower(unmask(0, first_slash));
    if (has_unknown(name.substr(0, first_slash))) ref.name_known = false;
    if (!valid_domain(ref.registry) && ref.name_known)
      mark_invalid(ref, "'" + ref.registry + "' is not a registry host");
    path_begin = first_slash + 1;
  }
  if (ref.registry.empty() || is_docker_hub(ref.registry)) ref.registry = "docker.io";
  auto last_slash = name.rfind('/');
  std::size_t repository_begin =
      last_slash == std::string_view::npos || last_slash < path_begin ? path_begin : last_slash + 1;
  ref.repository = unmask(repository_begin, name_end);
  if (repository_begin > path_begin) ref.namespace_ = unmask(path_begin, repository_begin - 1);
  if (ref.namespace_.empty() && ref.registry == "docker.io") ref.namespace_ = "library";

  auto path = name.substr(path_begin);
  if (is_placeholder(ref.repository)) ref.name_known = false;
  for (std::size_t begin = 0; begin <= path.size();) {
    std::size_t end = path.find('/', begin);
    if (end == std::string_view::npos) end = path.size();
    auto component = path.substr(begin, end - begin);
    if (has_unknown(component)) {
      ref.name_known = false;
    } else if (!valid_component(component) && ref.name_known) {
      std::string shown(component);
      mark_invalid(ref, lower(shown) != shown
                            ? "repository name '" + std::string(name.substr(path_begin)) +
                                  "' must be lowercase"
                            : "'" + shown + "' is not a valid name component");
    }
    begin = end + 1;
  }
}

}  // namespace

std::string ImageRef::full_name() const {
  std::string out = registry;
  if (!namespace_.empty()) out += "/" + namespace_;
  if (!repository.empty()) out += "/" + repository;
  return out;
}

std::string ImageRef::key() const {
  if (registry != "docker.io") return full_name();
  if (namespace_ == "library") return repository;
  // Bitnami moved its images to bitnamilegacy/ (frozen) and bitnamisecure/ (hardened subset)
  // in 2025-08; all three carry the same layouts (reference, aliases paragraph).
  if (namespace_ == "bitnamilegacy" || namespace_ == "bitnamisecure") {
    return "bitnami/" + repository;
  }
  return namespace_.empty() ? repository : namespace_ + "/" + repository;
}

ImageRef parse_image_ref(std::string_view text) {
  return parse_image_ref(text, true);
}

namespace {

ImageRef parse_masked(std::string_view text, const Masked& masked, bool unknown_anywhere) {
  ImageRef ref;
  ref.text = std::string(text);
  const std::string& m = masked.text;
  Unmasker unmask(masked);

  std::size_t name_end = m.size();
  auto at = m.find('@');
  if (at != std::string::npos) {
    ref.digest = unmask(at + 1, m.size());
    if (has_unknown(m.substr(at + 1)) || is_placeholder(ref.digest)) {
      ref.tag_known = false;
    } else if (!valid_digest(ref.digest)) {
      mark_invalid(ref, "'" + ref.digest + "' is not a digest (algorithm:hex)");
    }
    name_end = at;
  }
  auto last_slash = m.rfind('/', name_end == 0 ? 0 : name_end - 1);
  auto colon = m.rfind(':', name_end == 0 ? 0 : name_end - 1);
  if (colon != std::string::npos && (last_slash == std::string::npos || colon > last_slash)) {
    ref.tag = unmask(colon + 1, name_end);
    if (has_unknown(m.substr(colon + 1, name_end - colon - 1)) || is_placeholder(ref.tag)) {
      ref.tag_known = false;
    } else if (!valid_tag(ref.tag)) {
      mark_invalid(ref, ref.tag.empty() ? "the tag after ':' is empty"
                                        : "'" + ref.tag + "' is not a valid tag");
    }
    name_end = colon;
  }
  split_name(ref, masked, name_end);
  if (!ref.name_known) ref.tag_known = false;  // nothing about a tag of an unknown image
  if (unknown_anywhere && masked.unknown.empty()) {
    ref.name_known = false;
    ref.tag_known = false;
  }
  if (ref.name_known) rewrite_mirror(ref);
  return ref;
}

}  // namespace

ImageRef parse_image_ref(std::string_view text, bool fully_known) {
  std::vector<Span> spans;
  if (!fully_known) spans = find_expansions(text);
  return parse_masked(text, mask(text, spans), !fully_known);
}

ImageRef parse_image_ref(const Word& word) {
  std::string text;
  std::vector<Span> spans;
  for (const auto& segment : word.segments) {
    if (!segment.literal) spans.emplace_back(text.size(), text.size() + segment.text.size());
    text += segment.text;
  }
  return parse_masked(text, mask(text, spans), false);
}

}  // namespace dockvet::catalog
