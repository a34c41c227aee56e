#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace dateline::core {

// Reads a whole file as bytes. Throws Error naming the file when it is missing, a directory,
// unreadable or larger than max_bytes.
std::string read_file(const std::filesystem::path& path, size_t max_bytes = size_t(1) << 31);

// Writes a file so that readers see either the old content or the whole new one, never a part:
// the bytes go to a temporary file in the same folder, which is renamed over the target on
// commit(). Without commit() (an exception, an early return) the temporary file is removed.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  void write(std::string_view bytes);
  void commit();
  const std::filesystem::path& target() const { return target_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
};

// Writes bytes to path atomically (see AtomicFile).
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace dateline::core
