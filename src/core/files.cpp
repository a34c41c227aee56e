#include "core/files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "core/error.h"

namespace dateline::core {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path, size_t max_bytes) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw Error("no such file", {path.string()});
  if (fs::is_directory(status)) throw Error("is a folder, not a file", {path.string()});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(fmt::format("cannot open: {}", std::strerror(errno)), {path.string()});
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size < 0) throw Error("cannot read", {path.string()});
  if (static_cast<size_t>(size) > max_bytes)
    throw Error(fmt::format("file too large ({} bytes, the limit is {})", size_t(size), max_bytes),
                {path.string()});
  std::string bytes(static_cast<size_t>(size), '\0');
  in.seekg(0);
  in.read(bytes.data(), size);
  if (in.gcount() != size) throw Error("cannot read the whole file", {path.string()});
  return bytes;
}

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
  const fs::path dir = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  std::string pattern = (dir / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
  fd_ = ::mkstemp(pattern.data());
  if (fd_ < 0)
    throw Error(fmt::format("cannot create a temporary file: {}", std::strerror(errno)),
                {target_.string()});
  temp_ = pattern;
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) {
    std::error_code ec;
    fs::remove(temp_, ec);
  }
}

void AtomicFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(fmt::format("cannot write: {}", std::strerror(errno)), {target_.string()});
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
}

void AtomicFile::commit() {
  if (::fchmod(fd_, 0644) != 0 || ::close(fd_) != 0) {
    fd_ = -1;
    throw Error(fmt::format("cannot write: {}", std::strerror(errno)), {target_.string()});
  }
  fd_ = -1;
  std::error_code ec;
  fs::rename(temp_, target_, ec);
  if (ec) throw Error(fmt::format("cannot replace the file: {}", ec.message()), {target_.string()});
  temp_.clear();
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  AtomicFile file(path);
  file.write(bytes);
  file.commit();
}

}  // namespace dateline::core
