#include "query/error.h"

#include <algorithm>

#include "core/text.h"

namespace dateline::query {

QueryError::QueryError(std::string message, size_t begin, size_t end,
                       std::vector<std::string> suggestions)
    : std::runtime_error(std::move(message)),
      begin_(begin),
      end_(std::max(begin, end)),
      suggestions_(std::move(suggestions)) {}

namespace {

// The line as echoed: tabs and line breaks become spaces, so the caret lines up.
std::string echoed(std::string_view line) {
  std::string out(line);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\t' || c == '\r' || c == '\n'; }, ' ');
  return out;
}

}  // namespace

std::string describe(const QueryError& e, std::string_view line) {
  const size_t begin = std::min(e.begin(), line.size());
  const size_t end = std::min(std::max(e.end(), begin), line.size());
  // Columns count code points, not bytes, so names in any script line up.
  const size_t column = core::text::length(line.substr(0, begin));
  const size_t width = std::max<size_t>(1, core::text::length(line.substr(begin, end - begin)));
  std::string out = "error: " + std::string(e.what()) + "\n";
  out += "  " + echoed(line) + "\n";
  out += "  " + std::string(column, ' ') + "^" + std::string(width - 1, '~') + "\n";
  if (!e.suggestions().empty()) {
    out += "  did you mean: ";
    for (size_t i = 0; i < e.suggestions().size(); ++i) out += (i ? ", " : "") + e.suggestions()[i];
    out += "?\n";
  }
  return out;
}

}  // namespace dateline::query
