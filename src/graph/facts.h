#pragma once
// Small pieces the graph stage shares between merging and dateline inference.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace dateline::graph {

// Whether a date's basis is something the text states (a clause's or sentence's timex...), not
// the dateline fallen back on, nor nothing.
inline bool firm_basis(std::string_view basis) {
  return basis != "dateline" && basis != "none" && !basis.empty();
}

inline bool overlap(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  for (uint32_t x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  return false;
}

// Whether two reports' participants can be one event's: their targets overlap when both name
// targets, else any actor of one is an actor of the other.
inline bool participants_agree(const std::vector<uint32_t>& source_a,
                               const std::vector<uint32_t>& target_a,
                               const std::vector<uint32_t>& source_b,
                               const std::vector<uint32_t>& target_b) {
  if (!target_a.empty() && !target_b.empty()) return overlap(target_a, target_b);
  return overlap(source_a, source_b) || overlap(target_a, target_b) ||
         overlap(source_a, target_b) || overlap(target_a, source_b);
}

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace dateline::graph
