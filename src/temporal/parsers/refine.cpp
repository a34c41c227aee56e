// What happens after every parser has run, in this order:
//  1. overlapping drafts: the longest wins, then the higher priority, then the earlier parser;
//  2. modifiers before a draft join it ("early Saturday" START, "mid-November" MID, "more than
//     four hours" MORE_THAN, "earlier this month" with no mod);
//  3. a date and a clock time side by side become one TIME ("28.02.26, 16:20", "10 p.m.
//  Wednesday");
//  4. rates ("$5 million a year") are no sets; weak drafts left alone (a bare "16:20", a rate)
//     are dropped;
//  5. each draft learns whether its clause speaks of the future.
#include <algorithm>

#include "temporal/parsers/parse.h"

namespace dateline::temporal {

namespace {

void keep_longest(std::vector<Draft>& drafts) {
  if (drafts.size() < 2) return;  // nothing overlaps: most paragraphs have one date or none
  // Scratch kept per thread: `drafts` and `kept` trade buffers, so neither is allocated again.
  thread_local std::vector<size_t> order;
  thread_local std::vector<bool> taken;
  thread_local std::vector<Draft> kept;
  order.resize(drafts.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Draft& x = drafts[a];
    const Draft& y = drafts[b];
    if (x.length() != y.length()) return x.length() > y.length();
    return x.priority > y.priority;
  });
  // Tokens already taken, so each draft is checked in time proportional to its length.
  uint32_t end = 0;
  for (const auto& d : drafts) end = std::max(end, d.last);
  taken.assign(end, false);
  kept.clear();
  for (size_t idx : order) {
    const Draft& d = drafts[idx];
    bool overlaps = false;
    for (uint32_t k = d.first; k < d.last && !overlaps; ++k) overlaps = taken[k];
    if (overlaps) continue;
    for (uint32_t k = d.first; k < d.last; ++k) taken[k] = true;
    kept.push_back(d);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Draft& a, const Draft& b) { return a.first < b.first; });
  drafts.swap(kept);
}

bool mod_fits(Mod m, const Draft& d) {
  switch (m) {
    case Mod::Start:
    case Mod::Mid:
    case Mod::End:
      return d.type == TimexType::kDate || d.type == TimexType::kTime;
    case Mod::Approx:
      return d.type != TimexType::kSet;
    case Mod::LessThan:
    case Mod::MoreThan:
    case Mod::EqualOrLess:
    case Mod::EqualOrMore:
      return d.type == TimexType::kDuration;
    default:
      return false;
  }
}

// The longest modifier phrase that ends right before token `first` (or before a hyphen glued
// to it: "mid-November").
void attach_modifier(const Scanner& s, Draft& d, size_t floor) {
  if (d.form == Draft::Form::Ref || d.form == Draft::Form::Set) return;
  size_t end = d.first;
  if (end > 0 && s.is(end - 1, s.ids().hyphen) && s.glued(end - 1) && s.glued(end)) --end;
  std::vector<PhraseHit>& hits = s.hits();
  size_t best_start = d.first;
  Mod best = Mod::None;
  for (size_t j = end >= 5 ? end - 5 : 0; j < end; ++j) {
    if (j < floor || !s.info(j).phrase_start) continue;
    s.phrases_at(j, hits);
    for (const auto& h : hits) {
      if (h.kind != PhraseHit::Kind::Modifier || j + h.length != end) continue;
      const Mod m = static_cast<Mod>(h.index);
      if (!mod_fits(m, d)) continue;
      // "over the past two months" is during them, not more than them.
      if (m != Mod::Start && m != Mod::Mid && m != Mod::End && s.is(d.first, s.ids().the)) continue;
      if (j < best_start) best_start = j, best = m;
    }
  }
  if (best != Mod::None) {
    d.first = static_cast<uint32_t>(best_start);
    if (d.mod == Mod::None) d.mod = best;
    // "the early 1980s", "the late 19th century": the determiner before the modifier joins.
    if ((best == Mod::Start || best == Mod::Mid || best == Mod::End) && d.first > floor &&
        s.is(d.first - 1, s.ids().the))
      d.first -= 1;
    return;
  }
  // "earlier this month", "later this year": the words join, no mod.
  if (d.first > floor && (s.text(d.first - 1) == "earlier" || s.text(d.first - 1) == "later") &&
      s.info(d.first).before.present && d.anchor == AnchorKind::Dateline)
    d.first -= 1;
}

bool day_level(const Draft& d) {
  if (d.clock || d.type == TimexType::kDuration || d.type == TimexType::kSet) return false;
  switch (d.form) {
    case Draft::Form::Absolute:
      return d.point.gran == Unit::Day && d.point.day != kUnknown;
    case Draft::Form::Named:
      return d.unit == Unit::Day;
    case Draft::Form::Shift:
      return d.point.gran == Unit::Day && d.unit == Unit::Day;
    default:
      return false;
  }
}

// Tokens between a and b that may separate a date from its clock time.
bool joinable_gap(const Scanner& s, size_t from, size_t to, bool clock_first) {
  if (from == to) return true;
  if (to != from + 1) return false;
  // Only a comma: "Friday at 7 p.m." is two expressions, the time anchored on the day.
  (void)clock_first;
  return s.text(from) == ",";
}

// "3:30 p.m. on Thursday": the clock time is on the day that follows it.
void anchor_clocks_forward(const Scanner& s, std::vector<Draft>& drafts) {
  for (size_t i = 0; i + 1 < drafts.size(); ++i) {
    Draft& d = drafts[i];
    const Draft& n = drafts[i + 1];
    if (d.clock && d.anchor == AnchorKind::Previous && day_level(n) && n.first == d.last + 1 &&
        (s.is(d.last, s.ids().on) || s.is(d.last, s.ids().comma)))
      d.anchor = AnchorKind::Following;
  }
}

// A part of the day on its own ("mid-afternoon", "late evening"), waiting for its date.
bool bare_part(const Draft& d) {
  return d.type == TimexType::kTime && !d.clock && d.form == Draft::Form::Shift &&
         d.anchor == AnchorKind::Previous && d.unit == Unit::Day && d.offset == 0 &&
         d.point.gran == Unit::PartOfDay && d.point.part != PartOfDay::None;
}

void join_clock_times(const Scanner& s, std::vector<Draft>& drafts) {
  if (drafts.size() < 2) return;        // nothing to join
  thread_local std::vector<Draft> out;  // trades buffers with `drafts`, as in keep_longest
  out.clear();
  for (size_t i = 0; i < drafts.size(); ++i) {
    const Draft& d = drafts[i];
    if (i + 1 < drafts.size()) {
      const Draft& n = drafts[i + 1];
      // "mid-afternoon yesterday", "late evening Friday": a part of the day right beside a day
      // is that day's.
      if (d.last == n.first && ((bare_part(d) && day_level(n)) ||
                                (day_level(d) && bare_part(n) && !s.is(n.first, s.ids().the)))) {
        Draft date = bare_part(d) ? n : d;
        const Draft& part = bare_part(d) ? d : n;
        date.first = d.first;
        date.last = n.last;
        date.type = TimexType::kTime;
        date.point.part = part.point.part;
        date.point.gran = Unit::PartOfDay;
        if (date.mod == Mod::None) date.mod = part.mod;
        out.push_back(date);
        ++i;
        continue;
      }
      const bool date_clock = day_level(d) && n.clock && joinable_gap(s, d.last, n.first, false);
      const bool clock_date = d.clock && day_level(n) && joinable_gap(s, d.last, n.first, true);
      if (date_clock || clock_date) {
        Draft date = date_clock ? d : n;
        const Draft& clock = date_clock ? n : d;
        date.first = d.first;
        date.last = n.last;
        date.type = TimexType::kTime;
        date.clock = true;
        date.weak = false;
        date.point.hour = clock.point.hour;
        date.point.minute = clock.point.minute;
        date.point.gran = clock.point.gran;
        if (date.mod == Mod::None) date.mod = clock.mod;
        out.push_back(date);
        ++i;
        continue;
      }
    }
    out.push_back(d);
  }
  drafts.swap(out);
}

}  // namespace

// "$5 million a year", "358,000 a month", "rise 8% annually": an amount per unit of time is a
// measure, like "60 miles an hour", not a time that recurs; it is dropped. "twice a year",
// "every year" and "$5 million every year" stay sets.
void drop_rates(const Scanner& s, std::vector<Draft>& drafts) {
  for (auto& d : drafts) {
    const size_t p = d.first;
    if (d.form == Draft::Form::Set && d.set.every && !d.set.pattern && p > 0 && d.set.times == 0 &&
        d.set.quant.empty() &&
        (s.is_number(p - 1) || s.info(p - 1).quantity_word || s.text(p - 1) == "%"))
      d.weak = true;
  }
}

// A bare season or month in a sentence about a habit ("sails twice a week in winter") recurs:
// it is a set. Not a possessive one: "December's figures" are one December's.
void habitual_names(const Scanner& s, std::vector<Draft>& drafts) {
  for (auto& d : drafts) {
    if (d.form != Draft::Form::Named || d.direction != Direction::Auto ||
        (d.unit != Unit::Season && d.unit != Unit::Month) || s.is(d.first, s.ids().the))
      continue;
    if (s.is(d.last, s.ids().apostrophe) && s.is(d.last + 1, s.ids().s)) continue;
    bool set_nearby = false;
    for (const auto& other : drafts) {
      if (other.form != Draft::Form::Set || other.weak) continue;
      if (other.first > d.last + 40 || d.first > other.last + 40)
        continue;  // too far to share a sentence
      // the same sentence: no sentence break between them
      const size_t a = std::min(other.first, d.first), b = std::max(other.last, d.last);
      bool broken = false;
      for (size_t k = a; k < b && !broken; ++k) broken = s.sentence_break(k);
      set_nearby = set_nearby || !broken;
    }
    if (!set_nearby) continue;
    d.form = Draft::Form::Set;
    d.type = TimexType::kSet;
    d.set.pattern = d.point;
  }
}

void refine(const Scanner& s, std::vector<Draft>& drafts) {
  keep_longest(drafts);
  for (size_t i = 0; i < drafts.size(); ++i)
    attach_modifier(s, drafts[i], i > 0 ? drafts[i - 1].last : 0);
  join_clock_times(s, drafts);
  anchor_clocks_forward(s, drafts);
  drop_rates(s, drafts);
  habitual_names(s, drafts);
  drafts.erase(std::remove_if(drafts.begin(), drafts.end(), [](const Draft& d) { return d.weak; }),
               drafts.end());
  for (auto& d : drafts) d.future = future_clause(s, d.first, d.last);
}

}  // namespace dateline::temporal
