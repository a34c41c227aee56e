#pragma once
// Line editing for the REPL with libedit's own API (histedit.h): emacs keys, a history kept in a
// file, and tab completion through a function the caller gives.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <histedit.h>

namespace dateline::cli {

class LineEditor {
 public:
  // Candidates for the word before the cursor; each replaces that whole word.
  using Completer = std::function<std::vector<std::string>(std::string_view before_cursor)>;

  // `history`: the file lines are loaded from and saved to (empty: none).
  LineEditor(const char* program, std::string prompt, std::filesystem::path history,
             Completer completer);
  ~LineEditor();
  LineEditor(const LineEditor&) = delete;
  LineEditor& operator=(const LineEditor&) = delete;

  // The next line without its line break; nullopt at end of input (Ctrl-D on an empty line).
  // Ctrl-C drops the line being typed and gives an empty one.
  std::optional<std::string> read();
  // Adds a line to the history and saves the history file.
  void remember(const std::string& line);

 private:
  static char* prompt_of(EditLine* el);
  static unsigned char complete(EditLine* el, int ch);
  unsigned char complete_here();
  void list(const std::vector<std::string>& matches) const;

  EditLine* el_ = nullptr;
  History* history_ = nullptr;
  std::string prompt_;
  std::filesystem::path history_file_;
  Completer completer_;
};

// The history file: $DATELINE_HISTORY, else ~/.dateline_history; empty when neither is known.
std::filesystem::path default_history_file();

}  // namespace dateline::cli
