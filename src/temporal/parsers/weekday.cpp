// Weekdays: "Sunday", "on Monday", "last Thursday", "next Tuesday", "this Friday",
// "Friday's talks", "Saturday night", "on Tuesdays" (a set). "early Saturday" gets its mod in
// refine().
#include "temporal/parsers/parse.h"

namespace dateline::temporal {

void parse_weekdays(const Scanner& s, std::vector<Draft>& out) {
  for (const size_t i : s.triggers()) {
    if (!s.is_word(i)) continue;
    const WordInfo& w = s.info(i);
    if (w.weekday == 0) continue;
    // Abbreviations ("Sun", "Wed") count only inside full dates, which parse_absolute finds.
    if (w.weekday_abbreviation || w.weekday_ambiguous) continue;
    // "the Friday Mosque", "Friday Prayers": a name.
    if (s.is_word(i + 1) && s.tok(i + 1).capitalized && s.info(i + 1).name_head) continue;
    Draft d = make_draft(i, i + 1, "weekday");
    d.point.weekday = w.weekday;
    d.point.gran = Unit::Day;
    size_t next = i + 1;
    // "Saturday night", "Thursday evening"
    if (s.is_word(next) && s.info(next).part != PartOfDay::None) {
      d.point.part = s.info(next).part;
      d.point.gran = Unit::PartOfDay;
      d.type = TimexType::kTime;
      d.last = static_cast<uint32_t>(next + 1);
    }
    if (w.plural) {  // "on Tuesdays", "Tuesday nights" is handled by parse_sets
      d.form = Draft::Form::Set;
      d.type = TimexType::kSet;
      d.set.pattern = d.point;
      out.push_back(d);
      continue;
    }
    d.form = Draft::Form::Named;
    d.unit = Unit::Day;
    if (i > 0 && s.info(i - 1).before.present) {
      const Relative& r = s.info(i - 1).before;
      d.first = static_cast<uint32_t>(i - 1);
      d.direction = r.direction;
      // "the following Monday", "the previous Friday": from the last date mentioned.
      if (r.anchor == AnchorKind::Previous ||
          (i >= 2 && s.is(i - 2, s.ids().the) && r.after_the == AnchorKind::Previous)) {
        d.anchor = AnchorKind::Previous;
        if (i >= 2 && s.is(i - 2, s.ids().the)) d.first = static_cast<uint32_t>(i - 2);
      }
    }
    out.push_back(d);
  }
}

}  // namespace dateline::temporal
