#include "helpers.h"

#include "core/pipeline.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace dateline::test {

namespace fs = std::filesystem;

fs::path source_dir() {
  return fs::path(DATELINE_TESTS_DIR).parent_path();
}
fs::path shared_dir() {
  return fs::weakly_canonical(fs::path(DATELINE_SHARED_DIR));
}
fs::path seeds_dir() {
  return shared_dir() / "seeds";
}
fs::path data_dir() {
  return source_dir() / "data";
}
fs::path tests_dir() {
  return fs::path(DATELINE_TESTS_DIR);
}

const core::Pipeline& pipeline() {
  static const core::Pipeline p{core::PipelineConfig(data_dir())};
  return p;
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "dateline-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& name, const std::string& bytes) const {
  const fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RunResult run_dateline(const std::vector<std::string>& args, const std::string& input) {
  TempDir tmp;
  const auto in_path = tmp.write("stdin", input);
  const auto out_path = tmp / "stdout";
  const auto err_path = tmp / "stderr";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  std::vector<std::string> argv_s{DATELINE_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid;
  if (posix_spawn(&pid, DATELINE_BINARY, &actions, nullptr, argv.data(), environ) != 0)
    throw std::runtime_error("cannot run dateline");
  posix_spawn_file_actions_destroy(&actions);
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read(out_path);
  r.err = read(err_path);
  return r;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace dateline::test
