#include "query/suggest.h"

#include <algorithm>
#include <numeric>

#include "core/text.h"
#include "core/utf8.h"

namespace dateline::query {

namespace {

// Code points folded to lower case for ASCII letters; others compare as they are.
std::u32string folded(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    char32_t c = core::utf8::decode(s, i);
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    out += c;
  }
  return out;
}

size_t distance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// How far a candidate is from the word: its edit distance, or one more than that of a later
// part of it ("Calvetti" is one from "Nerina Calvetti"), or one when it starts with the word.
size_t score(const std::u32string& w, const std::u32string& c) {
  if (c.compare(0, w.size(), w) == 0) return 1;
  size_t best = distance(w, c);
  for (size_t i = 1; i < c.size() && best > 1; ++i)
    if (c[i - 1] == U' ') best = std::min(best, distance(w, c.substr(i)) + 1);
  return best;
}

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  return distance(folded(a), folded(b));
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t n) {
  const std::u32string w = folded(word);
  struct Scored {
    size_t score, order;
  };
  std::vector<Scored> scored;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const std::u32string c = folded(candidates[i]);
    if (c == w) continue;
    const size_t d = score(w, c);
    const size_t limit = std::max<size_t>(2, w.size() / 3);
    if (d <= limit) scored.push_back({d, i});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.score < b.score; });
  std::vector<std::string> out;
  for (const auto& s : scored) {
    if (out.size() == n) break;
    if (std::find(out.begin(), out.end(), candidates[s.order]) == out.end())
      out.push_back(candidates[s.order]);
  }
  return out;
}

}  // namespace dateline::query
