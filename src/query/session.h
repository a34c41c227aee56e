#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "query/executor.h"

namespace dateline::query {

struct SessionOptions {
  bool json = false;
  int json_indent = -1;  // -1: one line per result (JSON Lines); 2: indented
  std::optional<temporal::Date> now;
};

// A query session over one graph: runs lines of the query language, keeps the settings (`now`,
// JSON) and the selection of the last query. No error ends it.
class Session {
 public:
  Session(const graph::Graph& g, Loaders loaders, ArticleTexts texts, SessionOptions options = {});

  // Runs the commands of a line: results to `out`, errors to `err` (with a caret under the
  // words at fault). Returns false when the line asks to quit.
  bool run(std::string_view line, std::ostream& out, std::ostream& err);

  // Lines that failed so far.
  size_t failures() const { return failures_; }
  const Executor& executor() const { return executor_; }
  bool json() const { return options_.json; }

  // Completions of the word before the cursor: commands first, then the keywords and actor
  // names that may stand there. Each replaces the whole current word (a name may be completed
  // from its first words on: "Edvin K" gives "Kask").
  std::vector<std::string> complete(std::string_view before_cursor) const;

 private:
  bool run_command(const Command& c, std::ostream& out);
  void print(const Result& r, std::ostream& out) const;

  Executor executor_;
  SessionOptions options_;
  size_t failures_ = 0;
};

}  // namespace dateline::query
