#pragma once
#include <cstdint>
#include <string_view>

namespace dateline::core {

// A half-open byte range [begin, end) into a document's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return end <= begin; }
  constexpr bool contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  constexpr bool overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  std::string_view of(std::string_view text) const { return text.substr(begin, end - begin); }
  friend constexpr bool operator==(const Span&, const Span&) = default;
  friend constexpr auto operator<=>(const Span&, const Span&) = default;
};

}  // namespace dateline::core
