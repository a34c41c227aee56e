#include "cli/line_editor.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include "core/text.h"

namespace dateline::cli {

namespace {

// Ctrl-C interrupts the read (no SA_RESTART), which then gives up the line being typed.
void on_interrupt(int) {}

void catch_interrupts() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, nullptr);
}

// The common start of every match (byte-wise), never cutting a UTF-8 sequence.
std::string common_start(const std::vector<std::string>& matches) {
  std::string start = matches.front();
  for (const auto& m : matches) {
    size_t n = 0;
    while (n < start.size() && n < m.size() && start[n] == m[n]) ++n;
    start.resize(n);
  }
  while (!start.empty() && (static_cast<unsigned char>(start.back()) & 0xC0) == 0x80)
    start.pop_back();
  if (!start.empty() && static_cast<unsigned char>(start.back()) >= 0xC0) start.pop_back();
  return start;
}

// The word the cursor ends: back to the last space or quote.
std::string_view current_word(std::string_view before) {
  const size_t at = before.find_last_of(" \t\"");
  return at == std::string_view::npos ? before : before.substr(at + 1);
}

}  // namespace

std::filesystem::path default_history_file() {
  if (const char* env = std::getenv("DATELINE_HISTORY"); env && *env) return env;
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".dateline_history";
  return {};
}

LineEditor::LineEditor(const char* program, std::string prompt, std::filesystem::path history,
                       Completer completer)
    : prompt_(std::move(prompt)),
      history_file_(std::move(history)),
      completer_(std::move(completer)) {
  HistEvent ev;
  history_ = history_init();
  ::history(history_, &ev, H_SETSIZE, 1000);
  ::history(history_, &ev, H_SETUNIQUE, 1);
  if (!history_file_.empty()) ::history(history_, &ev, H_LOAD, history_file_.c_str());

  el_ = el_init(program, stdin, stdout, stderr);
  el_set(el_, EL_CLIENTDATA, this);
  el_set(el_, EL_EDITOR, "emacs");
  el_set(el_, EL_SIGNAL, 1);
  el_set(el_, EL_PROMPT, &LineEditor::prompt_of);
  el_set(el_, EL_HIST, ::history, history_);
  el_set(el_, EL_ADDFN, "dateline-complete", "Complete a command, keyword or actor name",
         &LineEditor::complete);
  el_set(el_, EL_BIND, "^I", "dateline-complete", nullptr);
  el_source(el_, nullptr);  // the user's ~/.editrc, if any
  catch_interrupts();
}

LineEditor::~LineEditor() {
  el_end(el_);
  history_end(history_);
}

char* LineEditor::prompt_of(EditLine* el) {
  void* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  return static_cast<LineEditor*>(self)->prompt_.data();
}

std::optional<std::string> LineEditor::read() {
  int count = 0;
  const char* line = el_gets(el_, &count);
  if (!line && count < 0 && errno == EINTR) {
    el_reset(el_);
    std::fputs("\n", stdout);
    return std::string();
  }
  if (!line || count <= 0) return std::nullopt;
  std::string out(line, static_cast<size_t>(count));
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

void LineEditor::remember(const std::string& line) {
  const std::string kept(core::text::trim(line));
  if (kept.empty()) return;
  HistEvent ev;
  ::history(history_, &ev, H_ENTER, kept.c_str());
  if (!history_file_.empty()) ::history(history_, &ev, H_SAVE, history_file_.c_str());
}

unsigned char LineEditor::complete(EditLine* el, int) {
  void* self = nullptr;
  el_get(el, EL_CLIENTDATA, &self);
  return static_cast<LineEditor*>(self)->complete_here();
}

unsigned char LineEditor::complete_here() {
  const LineInfo* li = el_line(el_);
  const std::string_view before(li->buffer, static_cast<size_t>(li->cursor - li->buffer));
  const auto matches = completer_(before);
  if (matches.empty()) return CC_ERROR;
  const std::string_view word = current_word(before);
  const std::string start = matches.size() == 1 ? matches.front() + " " : common_start(matches);
  if (start.size() > word.size()) {
    el_deletestr(el_, static_cast<int>(core::text::length(word)));
    if (el_insertstr(el_, start.c_str()) != 0) return CC_ERROR;
    return CC_REFRESH;
  }
  list(matches);
  return CC_REDISPLAY;
}

// Prints the matches under the line, as many as fit a screen.
void LineEditor::list(const std::vector<std::string>& matches) const {
  constexpr size_t kShown = 60;
  std::string out = "\n";
  for (size_t i = 0; i < matches.size() && i < kShown; ++i) out += matches[i] + "\n";
  if (matches.size() > kShown)
    out += "... and " + std::to_string(matches.size() - kShown) + " more\n";
  std::fputs(out.c_str(), stdout);
  std::fflush(stdout);
}

}  // namespace dateline::cli
