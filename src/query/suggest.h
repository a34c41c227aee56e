#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace dateline::query {

// Levenshtein distance between two strings, over code points, ignoring case.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidates closest to `word` (at most `n`, nearest first, ties in the candidates' order),
// among those near enough to be a slip of the keyboard: within a third of the word's length,
// and at least two edits. A candidate that starts with the word (case aside) counts as one
// edit away, so "Edvin" finds "Edvin Kask"; so does one whose last words are the word
// ("Calvetti" finds "Nerina Calvetti"), plus the edits to them.
std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t n = 3);

}  // namespace dateline::query
