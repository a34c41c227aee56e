// Sets: "every Monday", "each July", "every year", "every two weeks", "twice a year",
// "three times a week", "$5 million a year", "Tuesday nights". Words like "daily" are
// lexicon phrases (phrases.cpp).
#include "temporal/parsers/parse.h"

namespace dateline::temporal {

namespace {

Draft set_draft(size_t first, size_t last) {
  Draft d = make_draft(first, last, "set", Draft::Form::Set, TimexType::kSet);
  d.priority = 1;  // "Tuesday nights" is a set, not a night
  return d;
}

Duration one(Unit u, int n = 1) {
  Duration d;
  d.parts.push_back({u, double(n)});
  return d;
}

// "every Monday", "each July", "every year", "every two weeks", "every morning".
void quantified(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const std::string& quant = s.info(i).quantifier;
  size_t j = i + 1;
  int n = 1;
  if (auto c = s.count_at(j); c && !c->unknown && c->value > 1) {
    n = c->value;
    j += c->length;
  }
  if (!s.is_word(j)) return;
  const WordInfo& w = s.info(j);
  Draft d = set_draft(i, j + 1);
  d.set.quant = quant;
  if (w.weekday != 0 && !w.weekday_abbreviation) {
    Point p;
    p.gran = Unit::Day;
    p.weekday = w.weekday;
    if (s.info(j + 1).part != PartOfDay::None) {  // "every Monday night": XXXX-WXX-1TNI
      p.part = s.info(j + 1).part;
      p.gran = Unit::PartOfDay;
      d.last = static_cast<uint32_t>(j + 2);
    }
    d.set.pattern = p;
  } else if (w.month != 0 && !w.month_abbreviation && s.tok(j).capitalized) {
    Point p;
    p.gran = Unit::Month;
    p.month = w.month;
    d.set.pattern = p;
  } else if (w.season != Season::None) {
    Point p;
    p.gran = Unit::Season;
    p.season = w.season;
    d.set.pattern = p;
  } else if (w.unit == Unit::Weekend && !w.plural) {  // "every weekend": XXXX-WXX-WE
    Point p;
    p.gran = Unit::Weekend;
    d.set.pattern = p;
  } else if (w.part != PartOfDay::None) {
    Point p;
    p.gran = Unit::PartOfDay;
    p.part = w.part;
    d.set.pattern = p;
  } else if (w.unit != Unit::None && (!w.plural || n > 1)) {
    d.set.every = one(w.unit, n);
  } else {
    return;
  }
  out.push_back(d);
}

// "twice a year", "three times a week", "once a month", "$5 a year".
void per_unit(const Scanner& s, size_t i, std::vector<Draft>& out) {
  // i is the per-word ("a", "per"); the unit follows.
  const size_t u = i + 1;
  if (!s.is_word(u) || s.info(u).unit == Unit::None || s.info(u).plural) return;
  if (s.info(u + 1).after.present) return;  // "a year earlier"
  const Unit unit = s.info(u).unit;
  size_t first = i;
  int times = 0;
  if (i > 0 && s.info(i - 1).frequency > 0) {
    times = s.info(i - 1).frequency;
    first = i - 1;
  } else if (i > 1 && s.is(i - 1, s.ids().times)) {
    if (auto c = s.count_at(i - 2); c && !c->unknown) {
      times = c->value;
      first = i - 2;
    }
  } else if (i > 0 && (s.is_number(i - 1) || s.info(i - 1).quantity_word || s.text(i - 1) == "%")) {
    first = i;  // "$5 million a year": a rate, which refine() drops
  } else if (i > 1 && s.is_word(i - 1) && !s.tok(i - 1).capitalized && s.text(i - 1).size() > 3 &&
             s.text(i - 1).back() == 's' && s.info(i - 1).unit == Unit::None &&
             (s.is_number(i - 2) || s.info(i - 2).cardinal > 0)) {
    // "four flights a week", "300 cars a day": a rate too; it takes "a week" from the duration
    // parser and is dropped.
    Draft d = set_draft(i, u + 1);
    d.set.every = one(unit);
    d.weak = true;
    out.push_back(d);
    return;
  } else {
    return;
  }
  Draft d = set_draft(first, u + 1);
  d.set.every = one(unit);
  d.set.times = times;
  out.push_back(d);
}

}  // namespace

void parse_sets(const Scanner& s, std::vector<Draft>& out) {
  for (const size_t i : s.triggers()) {
    if (!s.is_word(i)) continue;
    const WordInfo& w = s.info(i);
    if (!w.quantifier.empty()) quantified(s, i, out);
    if (w.per_word) per_unit(s, i, out);
    // "Tuesday nights": XXXX-WXX-2TNI
    if (w.weekday != 0 && !w.weekday_abbreviation && !w.weekday_ambiguous && s.is_word(i + 1) &&
        s.info(i + 1).part != PartOfDay::None && s.text(i + 1).back() == 's') {
      Draft d = set_draft(i, i + 2);
      Point p;
      p.gran = Unit::PartOfDay;
      p.weekday = w.weekday;
      p.part = s.info(i + 1).part;
      d.set.pattern = p;
      out.push_back(d);
      // "Monday and Tuesday nights", "Saturday or Sunday mornings": the weekday before shares
      // the part of the day and the recurrence.
      if (i >= 2 && (s.is(i - 1, s.ids().and_) || s.is(i - 1, s.ids().or_)) && s.is_word(i - 2)) {
        const WordInfo& v = s.info(i - 2);
        if (v.weekday != 0 && !v.plural && !v.weekday_abbreviation && !v.weekday_ambiguous) {
          Draft e = set_draft(i - 2, i - 1);
          p.weekday = v.weekday;
          e.set.pattern = p;
          out.push_back(e);
        }
      }
    }
  }
}

}  // namespace dateline::temporal
