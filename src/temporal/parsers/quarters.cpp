// Quarters and halves of the year, as business news writes them: "the third quarter",
// "third-quarter", "the fourth quarter of 2025", "the 1988 second quarter", "this year's third
// quarter", "next year's first quarter", "Q3 2025", "the first half"; and the quarter spoken of
// before: "the quarter", "the latest quarter", "the year-ago quarter", "the year-earlier period",
// "year-earlier".
#include "temporal/parsers/parse.h"

namespace dateline::temporal {

namespace {

// "year-ago", "year-earlier": the same period a year before the one spoken of.
size_t year_ago_at(const Scanner& s, size_t i) {
  if (s.is(i, s.ids().year) && s.is(i + 1, s.ids().hyphen) && s.glued(i + 1) &&
      (s.is(i + 2, s.ids().ago) || s.is(i + 2, s.ids().earlier)))
    return i + 3;
  return i;
}

Draft draft(size_t first, size_t last) {
  Draft d = make_draft(first, last, "quarter");
  return d;
}

// "[the] [1988|this year's|fiscal] third[-| ][fiscal] quarter [of 2025]", "first half".
void ordinal_quarter(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto& ids = s.ids();
  const int n = s.info(i).ordinal;
  size_t j = i + 1;
  if (s.is(j, ids.hyphen) && s.glued(j)) ++j;
  if (s.is(j, ids.fiscal)) ++j;
  const bool quarter = s.info(j).unit == Unit::Quarter && !s.info(j).plural;
  const bool half = s.is(j, ids.half);
  if (!(quarter && n >= 1 && n <= 4) && !(half && n >= 1 && n <= 2)) return;
  Draft d = draft(i, j + 1);
  d.point.gran = quarter ? Unit::Quarter : Unit::Half;
  (quarter ? d.point.quarter : d.point.half) = n;
  d.form = Draft::Form::Named;
  d.unit = d.point.gran;
  // Before it: "the", a year, "this year's", "fiscal".
  size_t first = i;
  if (first > 0 && s.is(first - 1, ids.fiscal)) --first;
  if (first > 0 && s.number(first - 1) >= 1000 && s.is_number(first - 1) &&
      s.digits(first - 1) == 4) {
    d.form = Draft::Form::Absolute;
    d.point.year = static_cast<int>(s.number(first - 1));
    --first;
  } else if (first >= 3 && s.is(first - 1, ids.s) && s.is(first - 2, ids.apostrophe) &&
             s.is(first - 3, ids.year) && first >= 4 && s.info(first - 4).before.present) {
    const Relative& r = s.info(first - 4).before;
    d.form = Draft::Form::Shift;
    d.unit = Unit::Year;
    d.offset = r.direction == Direction::Past ? -1 : r.direction == Direction::Future ? 1 : 0;
    d.anchor = r.anchor;
    first -= 4;
  } else if (first > 0 && s.info(first - 1).before.present &&
             s.info(first - 1).before.anchor == AnchorKind::Dateline) {
    // "this third quarter", "last fourth quarter"; not "that", a conjunction as often as not.
    d.direction = s.info(first - 1).before.direction;
    --first;
  } else if (const size_t e = first >= 3 ? year_ago_at(s, first - 3) : 0;
             first >= 3 && e == first) {
    d.form = Draft::Form::Shift;
    d.anchor = AnchorKind::Previous;
    d.unit = Unit::Year;
    d.offset = -1;
    first -= 3;
  }
  if (first > 0 && s.is(first - 1, ids.the)) --first;
  d.first = static_cast<uint32_t>(first);
  // "this year's third quarter" names its quarter; "the year-ago third quarter" is a comparison.
  d.stated = d.anchor == AnchorKind::Dateline;
  // "of 2025", "of this year", "of last year"
  size_t k = j + 1;
  if (s.is(k, ids.of)) {
    if (s.is_number(k + 1) && s.digits(k + 1) == 4) {
      d.form = Draft::Form::Absolute;
      d.point.year = static_cast<int>(s.number(k + 1));
      d.last = static_cast<uint32_t>(k + 2);
    } else if (s.info(k + 1).before.present && s.is(k + 2, ids.year)) {
      const Relative& r = s.info(k + 1).before;
      d.form = Draft::Form::Shift;
      d.unit = Unit::Year;
      d.offset = r.direction == Direction::Past ? -1 : r.direction == Direction::Future ? 1 : 0;
      d.last = static_cast<uint32_t>(k + 3);
    }
  }
  out.push_back(d);
}

// "the quarter", "the latest quarter", "the current quarter", "last quarter", "the year-ago
// quarter", "the year-earlier period", "the comparable quarter", "the 1988 quarter",
// "last year's quarter", "the corresponding period last year". Token i is a singular "quarter"
// or "period" (parse_quarters calls it only there).
void spoken_quarter(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto& ids = s.ids();
  const bool period = s.is(i, s.ids().period);
  if (i == 0 || (s.is(i + 1, ids.hyphen) && s.glued(i + 1))) return;  // "quarter-to-quarter"
  Draft d = draft(i, i + 1);
  d.form = Draft::Form::Shift;
  d.point.gran = Unit::Quarter;
  // By default: the quarter spoken of before (the one being reported).
  d.anchor = AnchorKind::Previous;
  d.unit = Unit::Year;
  d.offset = 0;
  d.keep_anchor_gran = true;
  bool qualified = false;
  size_t first = i;
  while (first > 0) {
    const size_t p = first - 1;
    if (s.is(p, s.ids().latest) || s.is(p, s.ids().recent)) {  // the last one that ended
      d.anchor = AnchorKind::Dateline, d.unit = Unit::Quarter, d.offset = -1,
      d.keep_anchor_gran = false;
    } else if (s.is(p, s.ids().current)) {
      d.anchor = AnchorKind::Dateline, d.unit = Unit::Quarter, d.offset = 0,
      d.keep_anchor_gran = false;
    } else if (s.is(p, s.ids().comparable) || s.is(p, s.ids().corresponding) ||
               s.is(p, s.ids().same) || s.is(p, s.ids().fiscal)) {
      // the quarter spoken of before
    } else if (p >= 2 && year_ago_at(s, p - 2) == p + 1) {
      d.offset = -1;
      first -= 2;
    } else if (s.is_number(p) && s.digits(p) == 4 && s.number(p) >= 1000) {
      d.point.year = static_cast<int>(s.number(p));
    } else if (p >= 3 && s.is(p, ids.s) && s.is(p - 1, ids.apostrophe) && s.is(p - 2, ids.year) &&
               s.info(p - 3).before.present) {  // "last year's quarter"
      const Direction dir = s.info(p - 3).before.direction;
      d.offset = dir == Direction::Past ? -1 : dir == Direction::Future ? 1 : 0;
      first -= 3;
    } else if (s.info(p).before.present && !period) {  // "last quarter", "this quarter"
      const Relative& r = s.info(p).before;
      d.anchor = r.anchor == AnchorKind::Previous ? AnchorKind::Previous : AnchorKind::Dateline;
      d.unit = Unit::Quarter;
      d.keep_anchor_gran = false;
      d.offset = r.direction == Direction::Past ? -1 : r.direction == Direction::Future ? 1 : 0;
    } else {
      break;
    }
    qualified = true;
    --first;
  }
  const bool the = first > 0 && s.is(first - 1, ids.the);
  if (the) --first;
  if (!qualified && (!the || period)) return;  // "quarter" alone, "the period" alone: too vague
  // "the quarter ended Sept. 30": the calendar quarter holding that day, found by the resolver
  // from the date that follows.
  if (!period && (s.is(i + 1, ids.ended) || s.is(i + 1, ids.ending)) &&
      d.anchor == AnchorKind::Previous && d.offset == 0 && d.point.year == kUnknown) {
    d.anchor = AnchorKind::Following;
    d.unit = Unit::Quarter;
    d.keep_anchor_gran = false;
  }
  // "the corresponding period last year"
  if (s.info(i + 1).before.present && s.is(i + 2, ids.year) && d.anchor == AnchorKind::Previous) {
    const Direction dir = s.info(i + 1).before.direction;
    d.offset = dir == Direction::Past ? -1 : dir == Direction::Future ? 1 : 0;
    d.last = static_cast<uint32_t>(i + 3);
  }
  // "the quarter a year ago", "the period a year earlier": the same one, a year before.
  if (s.info(i + 1).cardinal == 1 && !s.is_number(i + 1) && s.is(i + 2, ids.year) &&
      s.info(i + 3).after.present && s.info(i + 3).after.direction == Direction::Past &&
      d.anchor == AnchorKind::Previous && d.offset == 0) {
    d.offset = -1;
    d.last = static_cast<uint32_t>(i + 4);
  }
  d.first = static_cast<uint32_t>(first);
  // "the latest quarter", "last quarter", "the quarter": a quarter the text names; "the year-ago
  // quarter" and "the 1988 period" are comparisons with another one.
  d.stated = (d.offset == 0 && d.point.year == kUnknown) || d.anchor == AnchorKind::Dateline;
  out.push_back(d);
}

// "the winter of 1994", "the first half of 1989", "the last half of 1989", "the summer of
// nineteen ninety-four".
void of_year(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto& ids = s.ids();
  Point p;
  size_t first = i;
  if (s.info(i).season != Season::None) {
    p.gran = Unit::Season;
    p.season = s.info(i).season;
  } else if (s.is(i, ids.half) && i > 0 &&
             (s.info(i - 1).ordinal == 1 || s.info(i - 1).ordinal == 2 ||
              s.text(i - 1) == "last")) {
    p.gran = Unit::Half;
    p.half = s.text(i - 1) == "last" ? 2 : s.info(i - 1).ordinal;
    first = i - 1;
  } else {
    return;
  }
  if (!s.is(i + 1, ids.of)) return;
  int year = kUnknown;
  size_t end = i + 2;
  if (s.is_number(i + 2) && s.digits(i + 2) == 4) {
    year = static_cast<int>(s.number(i + 2));
    end = i + 3;
  } else if (s.info(i + 2).cardinal == 19 || s.info(i + 2).cardinal == 20) {
    auto rest = s.count_at(i + 3);
    if (!rest || rest->unknown || rest->value < 10 || rest->value > 99) return;
    year = s.info(i + 2).cardinal * 100 + rest->value;
    end = i + 3 + rest->length;
  } else {
    return;
  }
  p.year = year;
  if (first > 0 && s.is(first - 1, ids.the)) --first;
  Draft d = draft(first, end);
  d.point = p;
  d.form = Draft::Form::Absolute;
  out.push_back(d);
}

// "year-earlier", "year-ago" used alone: "year-earlier results".
void year_ago(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const size_t e = year_ago_at(s, i);
  if (e == i) return;
  if (s.info(e).unit == Unit::Quarter || s.is(e, s.ids().period)) return;  // spoken_quarter's
  Draft d = draft(i, e);
  d.form = Draft::Form::Shift;
  d.anchor = AnchorKind::Previous;
  d.unit = Unit::Year;
  d.offset = -1;
  d.keep_anchor_gran = true;
  d.point.gran = Unit::Year;
  out.push_back(d);
}

// "Q3", "Q1 2026", "H1 2025", "3Q": quarters and halves written as codes.
void coded(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto t = s.text(i);
  if (!(t == "Q" || t == "H") || !s.is_number(i + 1) || !s.glued(i + 1) || s.digits(i + 1) != 1)
    return;
  const int n = static_cast<int>(s.number(i + 1));
  const bool q = t == "Q";
  if (n < 1 || n > (q ? 4 : 2)) return;
  if (s.is_word(i + 2) && s.glued(i + 2)) return;  // "Q3x"
  Draft d = draft(i, i + 2);
  d.point.gran = q ? Unit::Quarter : Unit::Half;
  (q ? d.point.quarter : d.point.half) = n;
  d.form = Draft::Form::Named;
  d.unit = d.point.gran;
  size_t y = i + 2;
  if (s.is(y, s.ids().comma)) ++y;
  if (s.is_number(y) && s.digits(y) == 4 && s.number(y) >= 1000 && s.number(y) <= 2200) {
    d.form = Draft::Form::Absolute;
    d.point.year = static_cast<int>(s.number(y));
    d.last = static_cast<uint32_t>(y + 1);
  }
  out.push_back(d);
}

// "the final quarter of 2025", "the last half of 1989": the last one of that year.
void final_of_year(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto w = s.text(i);
  if (!(w == "final" || w == "last")) return;
  const bool quarter = s.info(i + 1).unit == Unit::Quarter && !s.info(i + 1).plural;
  const bool half = s.is(i + 1, s.ids().half);
  if (!(quarter || half) || !s.is(i + 2, s.ids().of) || !s.is_number(i + 3) || s.digits(i + 3) != 4)
    return;
  size_t first = i;
  if (first > 0 && s.is(first - 1, s.ids().the)) --first;
  Draft d = draft(first, i + 4);
  d.form = Draft::Form::Absolute;
  d.point.gran = quarter ? Unit::Quarter : Unit::Half;
  (quarter ? d.point.quarter : d.point.half) = quarter ? 4 : 2;
  d.point.year = static_cast<int>(s.number(i + 3));
  out.push_back(d);
}

}  // namespace

// Each form is tried only at the words it can start at: most triggers are none of them.
void parse_quarters(const Scanner& s, std::vector<Draft>& out) {
  const auto& ids = s.ids();
  for (const size_t i : s.triggers()) {
    if (!s.is_word(i)) continue;
    const WordInfo& w = s.info(i);
    const uint32_t id = s.tok(i).lex;
    if (w.ordinal > 0) ordinal_quarter(s, i, out);
    if ((w.unit == Unit::Quarter && !w.plural) || id == ids.period) spoken_quarter(s, i, out);
    if (w.season != Season::None || id == ids.half) of_year(s, i, out);
    if (id == ids.year) year_ago(s, i, out);
    if (id == ids.final_ || id == ids.last) final_of_year(s, i, out);
    if (s.tok(i).size() == 1) coded(s, i, out);
  }
}

}  // namespace dateline::temporal
