// Deictic and anaphoric expressions built from parts: "last week", "this weekend", "the
// following year", "this morning", "last night", "this summer", "three weeks ago", "a day
// earlier", "two days later", "a week or so ago", "two weeks from now", "the weekend".
// Fixed words and phrases ("yesterday", "the day prior") are in phrases.cpp.
#include "temporal/parsers/parse.h"

namespace dateline::temporal {

namespace {

int signed_step(Direction d) {
  return d == Direction::Past ? -1 : d == Direction::Future ? 1 : 0;
}

AnchorKind anchor_for(const Scanner& s, size_t rel, const Relative& r) {
  const bool the = rel > 0 && s.is(rel - 1, s.ids().the);
  if (the && r.after_the != AnchorKind::None) return r.after_the;
  return r.anchor;
}

// "last week", "this weekend", "the following year", "this morning", "this summer".
void before_unit(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const Relative& r = s.info(i).before;
  size_t j = i + 1;
  if (s.is(j, s.ids().fiscal) && s.info(j + 1).unit != Unit::None)
    ++j;  // "the current fiscal year"
  if (!s.is_word(j)) return;
  const WordInfo& w = s.info(j);
  const bool the = i > 0 && s.is(i - 1, s.ids().the);
  Draft d = make_draft(the ? i - 1 : i, j + 1, "relative");
  d.anchor = anchor_for(s, i, r);
  d.direction = r.direction;
  // "This Week With David Brinkley" is a programme, not a week.
  if (s.tok(i).capitalized && s.tok(j).capitalized && s.is_word(j + 1) &&
      s.tok(j + 1).capitalized && !s.tok(i).newline_before && i > 0 && !s.sentence_break(i - 1))
    return;
  if (w.unit != Unit::None && !w.plural && w.unit != Unit::Second && w.unit != Unit::Quarter) {
    d.form = Draft::Form::Shift;
    d.unit = w.unit;
    d.offset = signed_step(r.direction);
    d.point.gran = w.unit;
    out.push_back(d);
  } else if (w.part != PartOfDay::None && s.text(i) != "that") {
    // "this morning", "last night" (the night before), "this evening".
    d.form = Draft::Form::Shift;
    d.type = TimexType::kTime;
    d.unit = Unit::Day;
    d.offset = r.direction == Direction::Past ? -1 : r.direction == Direction::Future ? 1 : 0;
    d.point.part = w.part;
    d.point.gran = Unit::PartOfDay;
    out.push_back(d);
  } else if (w.season != Season::None) {
    d.form = Draft::Form::Named;
    d.unit = Unit::Season;
    d.point.gran = Unit::Season;
    d.point.season = w.season;
    out.push_back(d);
  }
}

// "three weeks ago", "a day earlier", "two days later", "a week or so ago", "two weeks from now".
void count_unit_after(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto c = s.count_at(i);
  if (!c) return;
  size_t j = i + c->length;
  if (!s.is_word(j) || s.info(j).unit == Unit::None) return;
  const Unit unit = s.info(j).unit;
  if (unit == Unit::Second && !c->unknown && (s.text(i) == "a" || s.text(i) == "an")) return;
  size_t k = j + 1;
  if (s.is(k, s.ids().or_) && s.text(k + 1) == "so") k += 2;  // "a week or so ago"
  Relative r = s.info(k).after;
  size_t end = k + 1;
  if (!r.present && s.is(k, s.ids().from) && s.text(k + 1) == "now") {
    r = {true, Direction::Future, AnchorKind::Dateline, AnchorKind::None};
    end = k + 2;
  }
  if (!r.present) return;
  // "two days after the election" is about the election, not a date.
  if ((s.text(k) == "before" || s.text(k) == "after") &&
      !(end >= s.size() || s.tok(end).is_punct()))
    return;
  Draft d = make_draft(i, end, "relative");
  d.anchor = r.anchor;
  if (c->unknown) {  // "several years ago", "a few days later"
    d.form = Draft::Form::Ref;
    d.ref = r.direction == Direction::Future ? Ref::Future : Ref::Past;
    out.push_back(d);
    return;
  }
  d.form = Draft::Form::Shift;
  d.unit = unit;
  d.offset = signed_step(r.direction) * c->value;
  d.point.gran = unit == Unit::Weekend ? Unit::Week : unit;
  d.keep_anchor_gran = unit == Unit::Year && c->value == 1;
  if (unit == Unit::Decade) d.unit = Unit::Year, d.offset *= 10, d.point.gran = Unit::Decade;
  if (unit == Unit::Century) d.unit = Unit::Year, d.offset *= 100, d.point.gran = Unit::Century;
  if (unit <= Unit::Hour) d.type = TimexType::kTime;
  out.push_back(d);
}

}  // namespace

// "for the year", "the year ended Sept. 30", "the fiscal year ending June 30", "of the year":
// the year of the dateline, or a year's duration when it ends on a given day.
void the_year(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto& ids = s.ids();
  if (!s.is(i, ids.year) || i == 0) return;
  size_t first = i - 1;
  if (s.is(first, ids.fiscal) && first > 0) --first;
  if (!s.is(first, ids.the) || first == 0) return;
  const size_t p = first - 1;
  const bool ends = s.text(i + 1) == "ended" || s.text(i + 1) == "ending";
  const bool before = s.is(p, ids.for_) || s.is(p, ids.of) || s.is(p, ids.in) ||
                      s.is(p, ids.during) || s.text(p) == "throughout";
  if (!ends && !before) return;
  if (s.is_number(i + 1) || s.info(i + 1).cardinal >= 0) return;  // "the year 2000"
  Draft d = make_draft(first, i + 1, "relative");
  if (ends) {
    d.form = Draft::Form::Duration;
    d.type = TimexType::kDuration;
    d.duration.parts.push_back({Unit::Year, 1});
  } else {
    d.form = Draft::Form::Shift;
    d.unit = Unit::Year;
    d.point.gran = Unit::Year;
  }
  out.push_back(d);
}

// "the summer", "in summer", "over the summer", "early summer": a season by the clause's tense.
void season(const Scanner& s, size_t i, std::vector<Draft>& out) {
  if (s.info(i).season == Season::None || s.text(i).back() == 's' ||
      (i > 0 && s.info(i - 1).before.present))
    return;
  const auto& ids = s.ids();
  size_t first = i;
  if (s.is(i - 1, ids.the)) first = i - 1;
  const size_t p = first - (first > 0 ? 1 : 0);
  // "a record summer", "a hot summer": an article and an adjective before it.
  const bool described = i >= 2 && (s.text(i - 2) == "a" || s.text(i - 2) == "an") &&
                         s.is_word(i - 1) && !s.tok(i - 1).capitalized;
  const bool cue = first != i || described || s.is(p, ids.in) || s.is(p, ids.during) ||
                   s.is(p, ids.since) || s.is(p, ids.until) || s.is(p, ids.by) ||
                   s.text(p) == "early" || s.text(p) == "late" || s.text(p) == "mid" ||
                   s.is(p, ids.hyphen);
  if (s.is(i + 1, ids.of)) return;  // "the summer of 1994" is of_year's
  // "summer 2023": a season of a year.
  if (s.is_number(i + 1) && s.digits(i + 1) == 4 && s.number(i + 1) >= 1000 &&
      s.number(i + 1) <= 2200) {
    Draft d = make_draft(first, i + 2, "relative");
    d.form = Draft::Form::Absolute;
    d.point.gran = Unit::Season;
    d.point.season = s.info(i).season;
    d.point.year = static_cast<int>(s.number(i + 1));
    out.push_back(d);
    return;
  }
  if (!cue) return;
  if (s.is_word(i + 1) && !s.tok(i + 1).is_punct() && s.info(i + 1).unit != Unit::None) return;
  // "summer vacation", "spring water": a season before a noun describes the noun.
  if (s.is_word(i + 1) && !s.tok(i + 1).capitalized && s.info(i + 1).cardinal < 0) {
    bool function = false;
    for (const std::string_view w :
         {"and", "or",  "when", "as",  "with", "after",   "before", "at",  "on",    "for",
          "is",  "was", "will", "has", "had",  "brought", "came",   "saw", "ended", "began"})
      function = function || s.text(i + 1) == w;
    if (!function) return;
  }
  // "the fall in prices" is no autumn; "the Summer Palace" is a name.
  if (s.is_word(i + 1) && (s.is(i + 1, ids.in) || s.is(i + 1, ids.from) || s.is(i + 1, ids.to) ||
                           s.is(i + 1, ids.by) || s.text(i + 1) == "of"))
    return;
  if (s.tok(i).capitalized && s.is_word(i + 1) && s.tok(i + 1).capitalized) return;
  Draft d = make_draft(first, i + 1, "relative");
  d.form = Draft::Form::Named;
  d.unit = Unit::Season;
  d.point.gran = Unit::Season;
  d.point.season = s.info(i).season;
  out.push_back(d);
}

void parse_relative(const Scanner& s, std::vector<Draft>& out) {
  for (const size_t i : s.triggers()) {
    if (s.is_word(i)) {
      const WordInfo& w = s.info(i);
      if (w.before.present) before_unit(s, i, out);
      if (w.cardinal >= 0) count_unit_after(s, i, out);
      if (w.unit == Unit::Year) the_year(s, i, out);
      if (w.season != Season::None) season(s, i, out);
      // "the weekend", "at the weekend", "over the weekend": the weekend by the clause's tense.
      if (w.unit == Unit::Weekend && !w.plural && i > 0 && s.is(i - 1, s.ids().the)) {
        Draft d = make_draft(i - 1, i + 1, "relative");
        d.form = Draft::Form::Shift;
        d.unit = Unit::Weekend;
        d.direction = Direction::Auto;
        d.point.gran = Unit::Weekend;
        out.push_back(d);
      }
    } else if (s.is_number(i)) {
      count_unit_after(s, i, out);
    }
  }
}

}  // namespace dateline::temporal
