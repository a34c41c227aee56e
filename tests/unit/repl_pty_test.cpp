// The interactive REPL driven through a pseudo-terminal (issue 7): the prompt, tab completion of
// an actor's name, history recalled with the up arrow, and kept in its file for the next
// session. Every read has a deadline, so a REPL that stops answering fails the test instead of
// hanging it.
#include <doctest/doctest.h>

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "helpers.h"
#include "query_fixture.h"

using namespace dateline;

namespace {

constexpr int kDeadlineMs = 10000;
constexpr const char* kPrompt = "dateline> ";

// `dateline repl GRAPH` on a pseudo-terminal, with its own HOME and history file.
class Terminal {
 public:
  Terminal(const std::string& graph, const test::TempDir& home) {
    std::vector<std::string> args = {DATELINE_BINARY, "repl", graph};
    std::vector<std::string> env = {"TERM=xterm", "HOME=" + home.path().string(),
                                    "DATELINE_HISTORY=" + (home / "history").string(),
                                    "LANG=C.UTF-8"};
    std::vector<char*> argv, envp;
    for (auto& a : args) argv.push_back(a.data());
    for (auto& e : env) envp.push_back(e.data());
    argv.push_back(nullptr);
    envp.push_back(nullptr);
    winsize size{};
    size.ws_row = 40;
    size.ws_col = 200;
    pid_ = forkpty(&fd_, nullptr, nullptr, &size);
    if (pid_ == 0) {
      execve(argv[0], argv.data(), envp.data());
      _exit(127);
    }
  }

  ~Terminal() {
    if (fd_ >= 0) close(fd_);
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  bool started() const { return pid_ > 0; }

  // Reads until `text` appears, or `ms` pass; returns what was read up to the end of `text`
  // (or all of it, when it did not appear). What came after stays for the next call, as with
  // expect: a prompt the REPL redraws while it recalls a line is not taken for the next one.
  std::string until(const std::string& text, int ms = kDeadlineMs) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (pending_.find(text) == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                            deadline - std::chrono::steady_clock::now())
                            .count();
      if (left <= 0) break;
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left)) <= 0) break;
      char buf[4096];
      const ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      pending_.append(buf, static_cast<size_t>(n));
    }
    const size_t at = pending_.find(text);
    const size_t end = at == std::string::npos ? pending_.size() : at + text.size();
    std::string got = pending_.substr(0, end);
    pending_.erase(0, end);
    return got;
  }

  // Types keys once the line editor reads them. libedit prints its prompt before it puts the
  // terminal in raw mode; a Ctrl-D typed in between is taken by the terminal's own line
  // discipline and lost, so keys wait for raw mode (ICANON off; on Linux the master side of a
  // pseudo-terminal reports the terminal's modes).
  void send(const std::string& keys) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kDeadlineMs);
    termios mode{};
    while (tcgetattr(fd_, &mode) == 0 && (mode.c_lflag & ICANON) &&
           std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(write(fd_, keys.data(), keys.size()) == static_cast<ssize_t>(keys.size()));
  }

  // The exit status, or -1 when it does not leave before the deadline.
  int wait_exit() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kDeadlineMs);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      until("\x01", 20);  // drain what it prints
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  bool exited_ = false;
  std::string pending_;  // read, not yet asked for
};

}  // namespace

// Sends keys, then reads until `shown` has appeared and the prompt after it: whether `shown`
// appeared.
bool answers(Terminal& t, const std::string& keys, const std::string& shown) {
  t.send(keys);
  const bool found = t.until(shown).find(shown) != std::string::npos;
  return t.until(kPrompt).find(kPrompt) != std::string::npos && found;
}

TEST_CASE("repl on a terminal: prompt, tab completion, history, Ctrl-D") {
  const test::TempDir dir, home;
  const auto graph = test::write_query_fixture(dir.path()).string();
  {
    Terminal t(graph, home);
    REQUIRE(t.started());
    const std::string banner = t.until(kPrompt);
    CHECK(banner.find("dateline repl: 4 articles, 9 actors") != std::string::npos);
    CHECK(banner.find(kPrompt) != std::string::npos);

    // "Ilse V" completes to "Ilse Varga": the profile only works with the whole name.
    t.send("profile Ilse V\t");
    CHECK(t.until("arga").find("arga") != std::string::npos);
    CHECK(answers(t, "\r", "foreign minister"));

    // A command completes too, and a bad query does not end the session.
    CHECK(answers(t, "confl\t\r", "(1 conflict)"));
    CHECK(answers(t, "events actor Nobody\r", "no actor named 'Nobody'"));

    // Up arrow three times: back to the profile line, run again.
    t.send("\x1b[A\x1b[A\x1b[A");
    CHECK(t.until("profile Ilse Varga").find("profile Ilse Varga") != std::string::npos);
    CHECK(answers(t, "\r", "foreign minister"));

    t.send("\x04");  // Ctrl-D on an empty line leaves
    CHECK(t.wait_exit() == 0);
  }
  const std::string history = test::read(home / "history");
  CHECK(history.find("profile\\040Ilse\\040Varga") != std::string::npos);
  {
    // The next session starts with the history of the last one.
    Terminal t(graph, home);
    REQUIRE(t.started());
    t.until(kPrompt);
    CHECK(answers(t, "\x1b[A\r", "foreign minister"));
    t.send("quit\r");
    CHECK(t.wait_exit() == 0);
  }
}
