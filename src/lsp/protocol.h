#pragma once
// The wire layer of the language server: JSON-RPC 2.0 messages in LSP's base protocol frames
// (`Content-Length: N\r\n\r\n` then N bytes of JSON), read from and written to byte streams that
// may be stdio, a pipe or memory. Knows nothing of LSP methods.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace dockvet::lsp {

/// Where frames come from.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads up to `size` bytes, blocking until at least one is there; 0 at end of input.
  virtual std::size_t read_some(char* buffer, std::size_t size) = 0;
  /// Whether bytes are waiting, so that a read would not block: the server lints only once the
  /// client has stopped sending (its debounce).
  virtual bool ready() = 0;
};

/// Where frames go.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  /// Writes every byte (or gives up silently when the reader is gone: the session then ends at
  /// the next read).
  virtual void write(std::string_view bytes) = 0;
};

/// A file descriptor (standard input, a pipe); retries on EINTR.
class FdSource final : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  std::size_t read_some(char* buffer, std::size_t size) override;
  bool ready() override;

 private:
  int fd_;
};

class FdSink final : public ByteSink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  void write(std::string_view bytes) override;

 private:
  int fd_;
};

/// Bytes in memory (the fuzz target). `ready()` answers `always_ready`: false makes the server
/// lint after every message, as it would for a client that waits between keystrokes.
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes, bool always_ready = false)
      : bytes_(bytes), always_ready_(always_ready) {}
  std::size_t read_some(char* buffer, std::size_t size) override;
  bool ready() override { return always_ready_ && !bytes_.empty(); }

 private:
  std::string_view bytes_;
  bool always_ready_;
};

class StringSink final : public ByteSink {
 public:
  void write(std::string_view bytes) override { text.append(bytes); }
  std::string text;
};

/// What the next frame held.
struct Frame {
  enum class Status {
    message,    // `body` is the frame's content (not yet parsed as JSON)
    malformed,  // a header block that cannot be read; `error` says why; reading resumes at the
                // next `Content-Length` header
    end,        // the input ended (possibly inside a frame)
  };
  Status status = Status::end;
  std::string body;
  std::string error;
};

/// Cuts a byte stream into frames. Headers are case-insensitive, `Content-Type` is accepted and
/// ignored, other headers too; a header block over 8 KiB or a body over kMaxBody is malformed.
class FrameReader {
 public:
  static constexpr std::size_t kMaxBody = 64u << 20;

  explicit FrameReader(ByteSource& source) : source_(source) {}
  Frame next();
  /// Whether another frame (or part of one) is already waiting.
  bool pending() { return position_ < buffer_.size() || source_.ready(); }

 private:
  bool fill();  // reads more bytes; false at end of input
  void compact();
  // Drops bytes up to the next line starting with "Content-Length" (or keeps a tail that might
  // begin one), after a header block that could not be read.
  void resynchronise();

  ByteSource& source_;
  std::string buffer_;
  std::size_t position_ = 0;
};

/// `message` serialised in one frame.
std::string frame(const nlohmann::json& message);

/// JSON-RPC and LSP error codes.
namespace error_code {
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
}  // namespace error_code

/// A response carrying an error; `id` is null when the request's id could not be read.
nlohmann::json error_response(const nlohmann::json& id, int code, std::string_view message);

}  // namespace dockvet::lsp
