#include "query/table.h"

#include <algorithm>

#include "core/text.h"
#include "core/utf8.h"

namespace dateline::query {

std::string cut(const std::string& s, size_t cap) {
  if (cap == 0 || core::text::length(s) <= cap) return s;
  std::string out;
  size_t i = 0;
  for (size_t n = 0; n + 1 < cap && i < s.size(); ++n)
    core::utf8::append(out, core::utf8::decode(s, i));
  return out + "…";
}

std::string render(const Table& t) {
  std::vector<std::vector<std::string>> rows;
  if (!t.columns.empty()) rows.push_back(t.columns);
  for (const auto& r : t.rows) {
    std::vector<std::string> row;
    for (size_t c = 0; c < r.size(); ++c)
      row.push_back(cut(r[c], c < t.caps.size() ? t.caps[c] : 0));
    rows.push_back(std::move(row));
  }
  std::vector<size_t> width;
  for (const auto& r : rows)
    for (size_t c = 0; c < r.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], core::text::length(r[c]));
    }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (size_t c = 0; c < r.size(); ++c) {
      line += r[c];
      if (c + 1 < r.size()) line += std::string(width[c] - core::text::length(r[c]) + 2, ' ');
    }
    // Empty last cells leave spaces behind.
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  return out;
}

}  // namespace dateline::query
