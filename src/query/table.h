#pragma once
#include <string>
#include <vector>

namespace dateline::query {

// Rows of text in aligned columns: two spaces between columns, widths in code points, the last
// column never padded. A column with a cap has longer cells cut short with "…".
struct Table {
  std::vector<std::string> columns;  // the header; none for a list of "key  value" lines
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> caps;  // per column, 0 for none; missing columns have none

  void add(std::vector<std::string> row) { rows.push_back(std::move(row)); }
};

std::string render(const Table& t);

// The first `cap` code points of s, the last of them "…" when it is cut.
std::string cut(const std::string& s, size_t cap);

}  // namespace dateline::query
