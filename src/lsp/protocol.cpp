#include "lsp/protocol.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace dockvet::lsp {
namespace {

constexpr std::size_t kMaxHeaderBlock = 8192;
constexpr std::size_t kReadChunk = 65536;
constexpr std::string_view kHeaderEnd = "\r\n\r\n";
constexpr std::string_view kContentLength = "content-length";

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

/// The body length a header block declares, or an error message.
struct HeaderRead {
  std::size_t length = 0;
  std::string error;
};

HeaderRead read_headers(std::string_view block) {
  HeaderRead read;
  bool found = false;
  while (!block.empty()) {
    const std::size_t line_end = block.find("\r\n");
    const std::string_view line = block.substr(0, line_end);
    block = line_end == std::string_view::npos ? std::string_view() : block.substr(line_end + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // not a header; Content-Length decides
    if (!equals_ignoring_case(trim(line.substr(0, colon)), kContentLength)) continue;
    const std::string_view value = trim(line.substr(colon + 1));
    std::size_t length = 0;
    const auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (value.empty() || status != std::errc() || end != value.data() + value.size()) {
      read.error = "Content-Length is not a number";
      return read;
    }
    if (length > FrameReader::kMaxBody) {
      read.error = "Content-Length exceeds the 64 MiB limit";
      return read;
    }
    read.length = length;
    found = true;
  }
  if (!found) read.error = "a header block without Content-Length";
  return read;
}

}  // namespace

std::size_t FdSource::read_some(char* buffer, std::size_t size) {
  for (;;) {
    const ssize_t got = ::read(fd_, buffer, size);
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) return 0;  // a broken input ends the session like its end
  }
}

bool FdSource::ready() {
  pollfd descriptor{fd_, POLLIN, 0};
  return ::poll(&descriptor, 1, 0) > 0;  // readable, or closed: either way a read won't block
}

void FdSink::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t wrote = ::write(fd_, bytes.data(), bytes.size());
    if (wrote < 0) {
      if (errno == EINTR) continue;
      return;
    }
    bytes.remove_prefix(static_cast<std::size_t>(wrote));
  }
}

std::size_t MemorySource::read_some(char* buffer, std::size_t size) {
  const std::size_t count = std::min(size, bytes_.size());
  std::memcpy(buffer, bytes_.data(), count);
  bytes_.remove_prefix(count);
  return count;
}

bool FrameReader::fill() {
  compact();
  const std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + kReadChunk);
  const std::size_t got = source_.read_some(buffer_.data() + old_size, kReadChunk);
  buffer_.resize(old_size + got);
  return got > 0;
}

void FrameReader::compact() {
  if (position_ == 0) return;
  buffer_.erase(0, position_);
  position_ = 0;
}

void FrameReader::resynchronise() {
  const auto begin = buffer_.begin() + static_cast<std::ptrdiff_t>(position_);
  const auto found =
      std::search(begin, buffer_.end(), kContentLength.begin(), kContentLength.end(),
                  [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == y; });
  if (found != buffer_.end()) {
    position_ = static_cast<std::size_t>(found - buffer_.begin());
    return;
  }
  // Keep the longest tail that may begin the next header, cut off by a read.
  std::size_t keep = std::min(buffer_.size() - position_, kContentLength.size() - 1);
  for (; keep > 0; --keep) {
    const std::string_view tail = std::string_view(buffer_).substr(buffer_.size() - keep);
    if (equals_ignoring_case(tail, kContentLength.substr(0, keep))) break;
  }
  position_ = buffer_.size() - keep;
}

Frame FrameReader::next() {
  Frame frame;
  std::size_t header_end = std::string::npos;
  std::size_t searched_from = position_;
  for (;;) {
    header_end = buffer_.find(kHeaderEnd, searched_from);
    const std::size_t block_size =
        (header_end == std::string::npos ? buffer_.size() : header_end) - position_;
    if (block_size > kMaxHeaderBlock) {
      frame.status = Frame::Status::malformed;
      frame.error = "a header block longer than 8 KiB";
      ++position_;
      resynchronise();
      return frame;
    }
    if (header_end != std::string::npos) break;
    // Search again only over bytes that could end the block, after the next read.
    const std::size_t scanned = buffer_.size() - position_;
    if (!fill()) return frame;
    searched_from = position_ + (scanned >= 3 ? scanned - 3 : 0);
  }
  const HeaderRead header =
      read_headers(std::string_view(buffer_).substr(position_, header_end - position_));
  const std::size_t body_begin = header_end + kHeaderEnd.size();
  if (!header.error.empty()) {
    frame.status = Frame::Status::malformed;
    frame.error = header.error;
    position_ = body_begin;
    resynchronise();
    return frame;
  }
  position_ = body_begin;
  while (buffer_.size() - position_ < header.length) {
    if (!fill()) return frame;  // fill() only drops bytes before position_
  }
  frame.status = Frame::Status::message;
  frame.body = buffer_.substr(position_, header.length);
  position_ += header.length;
  return frame;
}

std::string frame(const nlohmann::json& message) {
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  framed += body;
  return framed;
}

nlohmann::json error_response(const nlohmann::json& id, int code, std::string_view message) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"error", {{"code", code}, {"message", std::string(message)}}}};
}

}  // namespace dockvet::lsp
