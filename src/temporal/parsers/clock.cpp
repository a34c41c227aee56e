// Clock times and parts of the day: "10:35 a.m.", "16:20 GMT", "10 p.m.", "4pm", "noon",
// "midnight", "seven o'clock", "the morning", "in the evening". A clock time joins the date
// beside it in refine() ("28.02.26, 16:20", "10 p.m. Wednesday"); a bare "16:20" with
// nothing around it is dropped as weak.
#include "temporal/parsers/parse.h"

namespace dateline::temporal {

namespace {

// a.m. / p.m. at i: "a.m.", "am", "AM", "p.m". Returns 1 (am) or 2 (pm) and the next token.
std::pair<int, size_t> meridiem_at(const Scanner& s, size_t i) {
  if (!s.is_word(i)) return {0, i};
  const WordInfo& w = s.info(i);
  if (w.meridiem == 0) return {0, i};
  const auto t = s.text(i);
  const auto& ids = s.ids();
  if (t.size() == 2) return {w.meridiem, i + 1};  // "am", "pm"
  // "a.m.": a . m [.]
  if (s.is(i + 1, ids.dot) && s.glued(i + 1) && s.is_word(i + 2) && s.glued(i + 2) &&
      (s.text(i + 2) == "m" || s.text(i + 2) == "M")) {
    size_t next = i + 3;
    if (s.is(next, ids.dot) && s.glued(next)) ++next;
    return {w.meridiem, next};
  }
  return {0, i};
}

size_t zone_at(const Scanner& s, size_t i) {
  if (s.is_word(i) && s.info(i).time_zone && s.tok(i).capitalized) return i + 1;
  if (s.is(i, s.ids().local) && s.is(i + 1, s.ids().time)) return i + 2;
  return i;
}

bool time_preposition(const Scanner& s, size_t i) {
  if (i == 0) return false;
  const auto t = s.text(i - 1);
  for (const std::string_view w : {"at", "by", "around", "about", "until", "till", "from", "since",
                                   "after", "before", "to", "shortly", "approximately", "as"})
    if (t == w) return true;
  return false;
}

// "0600 GMT", "1430 local time": four digits and a time zone.
void military_time(const Scanner& s, size_t i, std::vector<Draft>& out) {
  if (!s.is_number(i) || s.digits(i) != 4) return;
  const int hour = static_cast<int>(s.number(i)) / 100,
            minute = static_cast<int>(s.number(i)) % 100;
  if (hour > 24 || minute > 59) return;
  const size_t zone_end = zone_at(s, i + 1);
  if (zone_end == i + 1) return;
  Draft d = time_of_day_draft(i, zone_end, hour, minute, Unit::Minute);
  d.priority = 1;  // over a year
  out.push_back(d);
}

void clock_at(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto& ids = s.ids();
  military_time(s, i, out);
  if (!s.is_number(i) || s.digits(i) > 2) return;
  if (i > 0 && s.glued(i) && (s.is_number(i - 1) || s.is(i - 1, ids.colon) || s.is(i - 1, ids.dot)))
    return;
  int hour = static_cast<int>(s.number(i)), minute = 0;
  size_t next = i + 1;
  bool colon = false;
  // "6.30pm": a full stop between hours and minutes, with a.m. or p.m. after.
  if (s.is(next, ids.dot) && s.glued(next) && s.is_number(next + 1) && s.glued(next + 1) &&
      s.digits(next + 1) == 2 && meridiem_at(s, next + 2).first != 0) {
    minute = static_cast<int>(s.number(next + 1));
    next += 2;
    colon = true;
  }
  if (s.is(next, ids.colon) && s.glued(next) && s.is_number(next + 1) && s.glued(next + 1) &&
      s.digits(next + 1) == 2) {
    minute = static_cast<int>(s.number(next + 1));
    next += 2;
    colon = true;
    if (s.is(next, ids.colon) && s.glued(next) && s.is_number(next + 1) && s.glued(next + 1))
      next += 2;  // seconds
    if (s.glued(next) && (s.is_number(next) || s.is(next, ids.colon))) return;
  }
  if (hour > 24 || minute > 59) return;
  const auto [mer, after_mer] = meridiem_at(s, next);
  if (mer != 0) {
    if (hour < 1 || hour > 12) return;
    if (mer == 2 && hour != 12) hour += 12;
    if (mer == 1 && hour == 12) hour = 0;
    next = after_mer;
  } else if (s.is(next, ids.o) && s.is(next + 1, ids.apostrophe) && s.is(next + 2, ids.clock)) {
    next += 3;  // "seven o'clock" is written with digits here
  } else if (!colon) {
    return;
  }
  const size_t zone_end = zone_at(s, next);
  const bool zone = zone_end != next;
  Draft d = time_of_day_draft(i, zone_end, hour, minute, Unit::Minute);
  d.weak = mer == 0 && !zone && !time_preposition(s, i);
  out.push_back(d);
}

// "noon", "midnight", "seven o'clock".
void clock_word(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const WordInfo& w = s.info(i);
  int hour = w.clock_hour;
  size_t end = i + 1;
  if (hour < 0) {
    if (w.cardinal < 1 || w.cardinal > 12 || !s.is(i + 1, s.ids().o) ||
        !s.is(i + 2, s.ids().apostrophe) || !s.is(i + 3, s.ids().clock))
      return;
    hour = w.cardinal;
    end = i + 4;
  }
  Draft d = time_of_day_draft(i, zone_at(s, end), hour, 0, Unit::Hour);
  d.weak = !time_preposition(s, i) && w.clock_hour < 0;
  out.push_back(d);
}

// "the morning", "in the afternoon", "that evening" (a phrase), "late at night"; with early, mid
// or late before it the part of the day stands without "the" ("by mid-afternoon", "in late
// afternoon trading"); refine() attaches the modifier.
void part_of_day(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const WordInfo& w = s.info(i);
  const auto& ids = s.ids();
  if (w.part == PartOfDay::None || i == 0 || s.text(i).back() == 's') return;
  const bool the = s.is(i - 1, ids.the);
  const size_t m =
      s.is(i - 1, ids.hyphen) && s.glued(i - 1) && s.glued(i) && i >= 2 ? i - 2 : i - 1;
  const bool modified = s.is(m, ids.early) || s.is(m, ids.late) || s.is(m, ids.mid);
  if (!the && !modified) return;
  if (i + 1 < s.size() && s.is(i + 1, ids.of)) return;  // "the morning of March 3": the date's
  // Before a noun it describes the noun: "a late-night bus", "early morning raids".
  if (!the && s.is_word(i + 1) && !s.tok(i + 1).capitalized && !s.info(i + 1).phrase_start &&
      s.info(i + 1).weekday == 0 && s.info(i + 1).month == 0 && !s.is(i + 1, ids.on) &&
      !s.is(i + 1, ids.in) && !s.is(i + 1, ids.at) && !s.is(i + 1, ids.and_) &&
      !s.is(i + 1, ids.or_) && !s.is(i + 1, ids.local))
    return;
  Draft d = time_of_day_draft(the ? i - 1 : i, i + 1, kUnknown, kUnknown, Unit::PartOfDay);
  d.point.part = w.part;
  out.push_back(d);
}

}  // namespace

void parse_clock(const Scanner& s, std::vector<Draft>& out) {
  for (const size_t i : s.triggers()) {
    if (s.is_number(i))
      clock_at(s, i, out);
    else if (s.is_word(i)) {
      if (s.info(i).clock_hour >= 0 || s.info(i).cardinal > 0) clock_word(s, i, out);
      if (s.info(i).part != PartOfDay::None) part_of_day(s, i, out);
    }
  }
}

}  // namespace dateline::temporal
