#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::query {

// A query that cannot be run: the message, the stretch of the line [begin, end) it is about, and
// for an unknown name the closest names there are.
class QueryError : public std::runtime_error {
 public:
  QueryError(std::string message, size_t begin, size_t end,
             std::vector<std::string> suggestions = {});
  size_t begin() const { return begin_; }
  size_t end() const { return end_; }
  const std::vector<std::string>& suggestions() const { return suggestions_; }

 private:
  size_t begin_, end_;
  std::vector<std::string> suggestions_;
};

// The error as the user sees it: the message, the line with a caret under the offending words,
// and the suggestions:
//   error: no actor named "Kazk"
//     events actor Kazk
//                  ^~~~
//     did you mean: Kask, Edvin Kask?
std::string describe(const QueryError& e, std::string_view line);

}  // namespace dateline::query
