// Writing a fixed file back: atomically, with its mode kept, and never over changes made since
// dockvet read it.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "fix/fixer.h"

namespace dockvet::fix {

namespace {

std::int64_t mtime_ns(const struct stat& status) {
  return static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec;
}

std::string reason(int error) {
  return std::strerror(error);
}

bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t wrote = ::write(fd, text.data(), text.size());
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(wrote));
  }
  return true;
}

// Whether the file at `path` is still what `read` saw: the same size and modification time,
// and (since a time stamp can be too coarse to see a quick second write) the same bytes.
std::optional<std::string> unchanged_since(const std::string& path, const Snapshot& read) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return "cannot stat the file: " + reason(errno);
  if (static_cast<std::uint64_t>(status.st_size) != read.size ||
      mtime_ns(status) != read.mtime_ns) {
    return std::string("the file changed since dockvet read it; lint it again");
  }
  const FileRead now = read_file(path);
  if (now.error != 0) return "cannot read the file again: " + reason(now.error);
  if (now.text != read.text)
    return std::string("the file changed since dockvet read it; lint it again");
  return std::nullopt;
}

}  // namespace

Snapshot snapshot(const std::string& path) {
  Snapshot out;
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    out.error = errno;
    return out;
  }
  out.size = static_cast<std::uint64_t>(status.st_size);
  out.mtime_ns = mtime_ns(status);
  out.mode = status.st_mode;
  FileRead read = read_file(path);
  out.error = read.error;
  out.text = std::move(read.text);
  return out;
}

std::optional<std::string> write_fixed(const std::string& path, const Snapshot& read,
                                       std::string_view text) {
  // Through a symlink the link stays and its target is fixed, as an editor's save would do.
  std::error_code ec;
  const std::filesystem::path real = std::filesystem::canonical(path, ec);
  if (ec) return "cannot resolve the path: " + ec.message();
  const std::string real_path = real.string();
  struct stat status {};
  if (::stat(real_path.c_str(), &status) != 0) return "cannot stat the file: " + reason(errno);
  // Root may write anything, so the mode bits decide what read-only means as well as access().
  if ((status.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
      ::access(real_path.c_str(), W_OK) != 0) {
    return std::string("the file is read-only");
  }
  if (auto changed = unchanged_since(real_path, read)) return changed;

  std::string temporary =
      (real.parent_path() / ("." + real.filename().string() + ".dockvet-XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    return "cannot create a temporary file beside it: " + reason(errno);
  }
  auto fail = [&](const std::string& message) -> std::optional<std::string> {
    ::unlink(temporary.c_str());
    return message;
  };
  const bool written = write_all(fd, text);
  const int write_error = errno;
  // The owner can only be kept by root; a failure leaves the new file the user's own.
  [[maybe_unused]] const int owned = ::fchown(fd, status.st_uid, status.st_gid);
  const bool moded = ::fchmod(fd, status.st_mode & 07777) == 0;
  const bool synced = ::fsync(fd) == 0;
  if (::close(fd) != 0 || !written || !synced) {
    return fail("cannot write the temporary file: " + reason(written ? errno : write_error));
  }
  if (!moded) return fail("cannot give the temporary file the file's mode: " + reason(errno));
  // Checked once more just before the rename, to keep the window for a lost edit small.
  if (auto changed = unchanged_since(real_path, read)) return fail(*changed);
  if (::rename(temporary.c_str(), real_path.c_str()) != 0) {
    return fail("cannot replace the file: " + reason(errno));
  }
  return std::nullopt;
}

}  // namespace dockvet::fix
