#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/span.h"
#include "temporal/lexicon.h"
#include "temporal/value.h"

namespace dateline::temporal {

// A resolved temporal expression of an article.
struct Timex {
  core::Span span;  // byte offsets into the document's text
  TimexType type = TimexType::kDate;
  Value value;
  Mod mod = Mod::None;
  AnchorKind anchor = AnchorKind::None;  // Dateline, or Previous: the timex at anchor_index
  int anchor_index = -1;
  bool resolved = false;  // every field the granularity needs is known
  bool derived = false;   // computed from the value of another timex (anaphora)
  bool stated = false;    // its calendar fields are in the text (an absolute date, a named quarter)
  uint32_t paragraph = 0;
  std::string_view family;  // the parser family that found it
  std::string_view rule;    // how its value was chosen
};

// What relative expressions resolve against: the article's dateline as a day, an interval of
// candidate days, a month and day without a year, or nothing.
struct Reference {
  std::optional<Date> day;
  std::optional<Date> earliest, latest;
  int month = 0, day_of_month = 0;
};

}  // namespace dateline::temporal
