#pragma once
#include <optional>
#include <string_view>

#include "core/calendar.h"
#include "ingest/article.h"
#include "ingest/layout_cues.h"

namespace dateline::ingest {

// A date at the start of a wire-style opening: "MOSCOW, March 2 (Reuters) —",
// "Saturday, October 3, 2026 —", "KYIV, Ukraine, 2 March 2026 (AP) -".
struct WireDate {
  int year = 0;  // 0 when the text gives none
  int month = 0;
  int day = 0;
  size_t length = 0;  // bytes of the opening, up to and including the dash
};
std::optional<WireDate> parse_wire_opening(std::string_view s, const core::CalendarWords& words);

// Finds the article's dateline, first found wins: the manifest's `published`, a header line
// "date YYYY-MM-DD", a TimeML DCT, a wire-style opening (its year from the text or the
// manifest), else unknown. Records a warning on the article when a later source disagrees
// with the one that won.
void find_dateline(Article& article, const core::CalendarWords& words, const LayoutCues& cues);

}  // namespace dateline::ingest
