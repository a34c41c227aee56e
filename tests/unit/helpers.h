#pragma once
// Shared helpers for the unit tests: paths, temporary folders, running the dateline binary.
#include <filesystem>
#include <string>
#include <vector>

namespace dateline::core {
class Pipeline;
}

namespace dateline::test {

// One pipeline over the repository's data/, shared by the tests of a run.
const core::Pipeline& pipeline();

std::filesystem::path source_dir();  // the repository
std::filesystem::path shared_dir();  // ../shared (seeds, TimeBank, eval)
std::filesystem::path seeds_dir();
std::filesystem::path data_dir();   // the repository's data/
std::filesystem::path tests_dir();  // tests/

// A fresh folder removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes a file (bytes as given) and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};
// Runs the dateline binary with the arguments (no shell), stdin from `input`.
RunResult run_dateline(const std::vector<std::string>& args, const std::string& input = "");

// Every line of text, without line breaks.
std::vector<std::string> lines(const std::string& text);
std::string read(const std::filesystem::path& p);

}  // namespace dateline::test
