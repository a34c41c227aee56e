// Absolute dates: "March 13, 2025", "Thursday, March 13, 2025", "13 March", "Nov. 3",
// "2026-03-04", "28.02.26", "01.03.26", "May 2024", "in 2019", "the 1990s", "the 20th century",
// "nineteen ninety-six", and bare months ("in May") whose year the resolver chooses.
#include "temporal/parsers/parse.h"

namespace dateline::temporal {

namespace {

struct At {
  int value = 0;
  size_t next = 0;  // the token after it
};

// A month name at i: full, or an abbreviation with its optional full stop. Ambiguous words
// ("May", "March") must be capitalised.
std::optional<At> month_at(const Scanner& s, size_t i) {
  if (!s.is_word(i)) return std::nullopt;
  const WordInfo& w = s.info(i);
  if (w.month == 0) return std::nullopt;
  if ((w.month_ambiguous || w.month_abbreviation) && !s.tok(i).capitalized) return std::nullopt;
  size_t next = i + 1;
  if (w.month_abbreviation && s.is(next, s.ids().dot) && s.glued(next)) ++next;
  return At{w.month, next};
}

// A number glued to others ("2,000", "1.5", "10:35") is not a day or year on its own.
bool part_of_bigger_number(const Scanner& s, size_t i) {
  const auto& ids = s.ids();
  if (i > 0 && s.glued(i) &&
      (s.is_number(i - 1) || s.is(i - 1, ids.comma) || s.is(i - 1, ids.colon) ||
       (s.is(i - 1, ids.dot) && i > 1 && s.is_number(i - 2))))
    return true;
  const size_t n = i + 1;
  if (n < s.size() && s.glued(n) &&
      (s.is(n, ids.comma) || s.is(n, ids.dot) || s.is(n, ids.colon)) && s.is_number(n + 1) &&
      s.glued(n + 1))
    return true;
  return false;
}

// A day of the month at i: 1-31 with an optional ordinal suffix ("13th").
std::optional<At> day_at(const Scanner& s, size_t i) {
  if (!s.is_number(i) || s.digits(i) > 2 || s.number(i) < 1 || s.number(i) > 31)
    return std::nullopt;
  if (part_of_bigger_number(s, i)) return std::nullopt;
  size_t next = i + 1;
  if (s.is_word(next) && s.glued(next) && s.info(next).ordinal_suffix)
    ++next;
  else if (s.is_word(next) && s.glued(next))
    return std::nullopt;  // "3m", "10am"
  if (s.is_word(next) && s.info(next).quantity_word) return std::nullopt;
  return At{static_cast<int>(s.number(i)), next};
}

// A four-digit year at i.
std::optional<At> year_at(const Scanner& s, size_t i) {
  if (!s.is_number(i) || s.digits(i) != 4 || s.number(i) < 1000 || s.number(i) > 2200)
    return std::nullopt;
  if (part_of_bigger_number(s, i)) return std::nullopt;
  if (s.is_word(i + 1) && s.glued(i + 1) && !s.is(i + 1, s.ids().s))
    return std::nullopt;  // "2019km"
  return At{static_cast<int>(s.number(i)), i + 1};
}

// "nineteen ninety-six", "nineteen eighty", "two thousand", "two thousand and two".
std::optional<At> spelled_year_at(const Scanner& s, size_t i) {
  const WordInfo& w = s.info(i);
  if (w.cardinal == 19 || w.cardinal == 20) {
    auto rest = s.count_at(i + 1);
    if (!rest || rest->unknown || rest->value < 10 || rest->value > 99 || rest->fraction != 0)
      return std::nullopt;
    return At{w.cardinal * 100 + rest->value, i + 1 + rest->length};
  }
  if (w.cardinal == 2 && s.info(i + 1).cardinal == 1000) {
    size_t next = i + 2;
    int year = 2000;
    size_t j = next;
    if (s.is(j, s.ids().and_)) ++j;
    if (auto rest = s.count_at(j); rest && !rest->unknown && rest->value < 100 && rest->value > 0) {
      year += rest->value;
      next = j + rest->length;
    }
    return At{year, next};
  }
  return std::nullopt;
}

// Words after which a four-digit number is a year.
bool year_context_before(const Scanner& s, size_t i) {
  if (i == 0) return false;
  const auto& ids = s.ids();
  const size_t p = i - 1;
  if (s.is(p, ids.in) || s.is(p, ids.since) || s.is(p, ids.until) || s.is(p, ids.by) ||
      s.is(p, ids.from) || s.is(p, ids.through) || s.is(p, ids.during) || s.is(p, ids.of) ||
      s.is(p, ids.fiscal) || s.is(p, ids.for_) || s.is(p, ids.year) || s.is(p, ids.the) ||
      s.is(p, ids.to) || s.is(p, ids.and_) || s.is(p, ids.or_) || s.is(p, ids.hyphen) ||
      s.is(p, ids.lparen) || s.is(p, ids.comma))
    return true;
  const WordInfo& w = s.info(p);
  return w.season != Season::None || w.before.present || w.month != 0;
}

Draft make(size_t first, size_t last, const char* family) {
  Draft d = make_draft(first, last, family);
  return d;
}

// "Month Day[, Year]", "Month Year", or a bare month.
void month_first(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto m = month_at(s, i);
  if (!m) return;
  const auto& ids = s.ids();
  size_t start = i;
  // "Thursday, March 13"
  if (i >= 2 && s.info(i - 2).weekday != 0 && !s.info(i - 2).plural && s.is(i - 1, ids.comma))
    start = i - 2;
  else if (i >= 3 && s.info(i - 3).weekday_abbreviation && s.is(i - 2, ids.dot) &&
           s.is(i - 1, ids.comma))
    start = i - 3;  // "Sun., March 1"
  else if (i >= 1 && s.info(i - 1).weekday != 0 && !s.info(i - 1).plural)
    start = i - 1;
  if (const auto day = day_at(s, m->next)) {
    Draft d = make(start, day->next, "absolute");
    d.point.gran = Unit::Day;
    d.point.month = m->value;
    d.point.day = day->value;
    size_t y = day->next;
    if (s.is(y, ids.comma)) ++y;
    if (const auto year = year_at(s, y)) {
      d.point.year = year->value;
      d.last = static_cast<uint32_t>(year->next);
    } else if (const auto spelled = spelled_year_at(s, y)) {
      d.point.year = spelled->value;
      d.last = static_cast<uint32_t>(spelled->next);
    }
    out.push_back(d);
    return;
  }
  size_t y = m->next;
  if (s.is(y, ids.comma) || (s.is(y, ids.of) && s.is_number(y + 1)))
    ++y;  // "May, 2024", "September of 2025"
  std::optional<At> year = year_at(s, y);
  if (!year) year = spelled_year_at(s, y);
  if (year) {
    Draft d = make(i, year->next, "absolute");
    d.point.gran = Unit::Month;
    d.point.month = m->value;
    d.point.year = year->value;
    out.push_back(d);
    return;
  }
  // "January this year", "June last year".
  const size_t r = m->next;
  if (s.info(r).before.present && s.info(r + 1).unit == Unit::Year && !s.info(r + 1).plural) {
    Draft d = make(i, r + 2, "absolute");
    d.form = Draft::Form::Shift;
    d.unit = Unit::Year;
    const auto dir = s.info(r).before.direction;
    d.offset = dir == Direction::Past ? -1 : dir == Direction::Future ? 1 : 0;
    d.point.gran = Unit::Month;
    d.point.month = m->value;
    out.push_back(d);
    return;
  }
  // A bare month: ambiguous ones need a date-like word before them.
  const WordInfo& w = s.info(i);
  if (w.month_ambiguous && !year_context_before(s, i) &&
      !(i > 0 && (s.is(i - 1, ids.early) || s.is(i - 1, ids.late) || s.is(i - 1, ids.mid))))
    return;
  if (w.month_abbreviation && !s.is(i + 1, ids.dot)) return;  // "Jan" alone is a name
  // "August Lindqvist", "the October Revolution": a name, not a month.
  if (s.is_word(m->next) && s.tok(m->next).capitalized && !s.tok(m->next).newline_before &&
      s.info(m->next).month == 0 && s.info(m->next).weekday == 0 && !s.info(m->next).time_zone)
    return;
  Draft d = make(i, m->next, "absolute");
  d.form = Draft::Form::Named;
  d.unit = Unit::Month;
  d.point.gran = Unit::Month;
  d.point.month = m->value;
  if (i > 0 && s.info(i - 1).before.present) {  // "last April", "this September"
    d.first = static_cast<uint32_t>(i - 1);
    d.direction = s.info(i - 1).before.direction;
  }
  out.push_back(d);
}

// "13 March", "13th of March 2025", "1 March 2026".
void day_first(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto day = day_at(s, i);
  if (!day) return;
  size_t j = day->next;
  if (s.is(j, s.ids().of)) ++j;
  const auto m = month_at(s, j);
  if (!m) return;
  Draft d = make(i, m->next, "absolute");
  d.point.gran = Unit::Day;
  d.point.month = m->value;
  d.point.day = day->value;
  size_t y = m->next;
  if (s.is(y, s.ids().comma)) ++y;
  if (const auto year = year_at(s, y)) {
    d.point.year = year->value;
    d.last = static_cast<uint32_t>(year->next);
  }
  if (i >= 1 && s.info(i - 1).weekday != 0)
    d.first = static_cast<uint32_t>(i - 1);
  else if (i >= 2 && s.info(i - 2).weekday != 0 && s.is(i - 1, s.ids().comma))
    d.first = static_cast<uint32_t>(i - 2);
  else if (i >= 1 && s.is(i - 1, s.ids().the) && j > day->next)
    d.first = static_cast<uint32_t>(i - 1);  // "the 5th of March"
  out.push_back(d);
}

// "the 14th": a day of the month, the month and year from the reference. Before a noun it is
// an ordinal ("the 14th century", "the 5th floor"), and "the 14th of March" is day_first's.
void day_of_month(const Scanner& s, size_t i, std::vector<Draft>& out) {
  if (i == 0 || !s.is(i - 1, s.ids().the)) return;
  const auto day = day_at(s, i);
  if (!day || day->next == i + 1) return;  // the ordinal suffix is required
  const size_t n = day->next;
  if (s.is(n, s.ids().of) || s.info(n).month || s.info(n).unit != Unit::None) return;
  if (s.is_word(n) && !s.tok(n).capitalized) {
    bool function = false;
    for (const std::string_view w :
         {"and", "or", "with", "when", "after", "before", "at",  "in", "on",   "to",
          "for", "by", "as",   "but",  "while", "until",  "was", "is", "will", "when"})
      function = function || s.text(n) == w;
    if (!function) return;
  }
  Draft d = make(i - 1, n, "absolute");
  d.point.gran = Unit::Day;
  d.point.day = day->value;
  out.push_back(d);
}

// "2026-03-04", "2026/03/04", optionally "T10:35".
void iso(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto& ids = s.ids();
  if (!s.is_number(i) || s.digits(i) != 4) return;
  if (i > 0 && s.glued(i) &&
      (s.is_number(i - 1) || s.is(i - 1, ids.hyphen) || s.is(i - 1, ids.slash)))
    return;
  const bool dash = s.is(i + 1, ids.hyphen), slash = s.is(i + 1, ids.slash);
  if (!(dash || slash) || !s.glued(i + 1) || !s.is_number(i + 2) || !s.glued(i + 2) ||
      s.digits(i + 2) != 2)
    return;
  if (!s.is(i + 3, dash ? ids.hyphen : ids.slash) || !s.glued(i + 3) || !s.is_number(i + 4) ||
      !s.glued(i + 4) || s.digits(i + 4) != 2)
    return;
  if (s.glued(i + 5) && (s.is_number(i + 5) || s.is(i + 5, ids.hyphen))) return;
  Draft d = make(i, i + 5, "absolute");
  d.point.gran = Unit::Day;
  d.point.year = static_cast<int>(s.number(i));
  d.point.month = static_cast<int>(s.number(i + 2));
  d.point.day = static_cast<int>(s.number(i + 4));
  if (d.point.month < 1 || d.point.month > 12 || d.point.day < 1 || d.point.day > 31) return;
  out.push_back(d);
}

// "28.02.26", "01.03.2026", "3/13/2025", "13/3/25".
void numeric(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto& ids = s.ids();
  if (!s.is_number(i) || s.digits(i) > 2) return;
  if (i > 0 && s.glued(i) &&
      (s.is_number(i - 1) || s.is(i - 1, ids.dot) || s.is(i - 1, ids.slash) ||
       s.is(i - 1, ids.hyphen) || s.is(i - 1, ids.comma)))
    return;
  const bool dot = s.is(i + 1, ids.dot), slash = s.is(i + 1, ids.slash);
  if (!(dot || slash) || !s.glued(i + 1)) return;
  const uint32_t sep = dot ? ids.dot : ids.slash;
  if (!s.is_number(i + 2) || !s.glued(i + 2) || s.digits(i + 2) > 2) return;
  if (!s.is(i + 3, sep) || !s.glued(i + 3) || !s.is_number(i + 4) || !s.glued(i + 4)) return;
  const uint32_t ydigits = s.digits(i + 4);
  if (ydigits != 2 && ydigits != 4) return;
  if (s.glued(i + 5) && (s.is_number(i + 5) ||
                         ((s.is(i + 5, ids.dot) || s.is(i + 5, ids.slash)) && s.is_number(i + 6))))
    return;  // "1.2.3.4", a version or an address
  int a = static_cast<int>(s.number(i)), b = static_cast<int>(s.number(i + 2));
  int day = a, month = b;  // day.month.year, as written with full stops
  if (slash) {
    month = a, day = b;  // month/day/year, unless that cannot be
    if (a > 12) std::swap(month, day);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return;
  Draft d = make(i, i + 5, "absolute");
  d.point.gran = Unit::Day;
  d.point.month = month;
  d.point.day = day;
  const int y = static_cast<int>(s.number(i + 4));
  d.point.year = ydigits == 4 ? y : (y <= 69 ? 2000 + y : 1900 + y);
  out.push_back(d);
}

// Years, decades and centuries: "in 2019", "the 1990s", "the '90s", "the nineties", "1990's",
// "the 20th century".
void years(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto& ids = s.ids();
  const bool the = i > 0 && s.is(i - 1, ids.the);
  const size_t with_the = the ? i - 1 : i;
  // Decades in words.
  if (s.is_word(i) && s.info(i).decade != 0) {
    Draft d = make(with_the, i + 1, "absolute");
    d.point.gran = Unit::Decade;
    d.point.decade = s.info(i).decade;
    if (the || (i > 0 && s.is(i - 1, ids.in))) out.push_back(d);
    return;
  }
  // "'90s"
  if (s.is(i, ids.apostrophe) && s.is_number(i + 1) && s.glued(i + 1) && s.digits(i + 1) == 2 &&
      s.number(i + 1) % 10 == 0 && s.is(i + 2, ids.s) && s.glued(i + 2)) {
    Draft d = make(with_the, i + 3, "absolute");
    d.point.gran = Unit::Decade;
    d.point.decade = 190 + static_cast<int>(s.number(i + 1)) / 10;
    out.push_back(d);
    return;
  }
  // Centuries: "the 20th century", "the twentieth century".
  if ((s.is_number(i) && s.digits(i) <= 2 && s.info(i + 1).ordinal_suffix && s.glued(i + 1) &&
       s.info(i + 2).unit == Unit::Century) ||
      (s.info(i).ordinal > 0 && s.info(i + 1).unit == Unit::Century && !s.info(i + 1).plural)) {
    const int n = s.is_number(i) ? static_cast<int>(s.number(i)) : s.info(i).ordinal;
    const size_t end = s.is_number(i) ? i + 3 : i + 2;
    Draft d = make(with_the, end, "absolute");
    d.point.gran = Unit::Century;
    d.point.century = n - 1;
    out.push_back(d);
    return;
  }
  const auto year = year_at(s, i);
  if (!year) {
    // "nineteen ninety-six", "the year two thousand". "Nineteen" and a count of ten to
    // ninety-nine is a year wherever it stands, as broadcast transcripts write years ("a
    // nineteen ninety-seven attack"), unless a noun it counts follows; "two thousand" needs a
    // word before it that calls for a year.
    const auto spelled = spelled_year_at(s, i);
    const size_t after = spelled ? spelled->next : i;
    const bool counts_noun = (s.is(after, ids.hyphen) && s.glued(after)) ||
                             (s.is_word(after) && !s.tok(after).capitalized &&
                              (s.info(after).quantity_word || s.info(after).unit != Unit::None ||
                               (s.text(after).size() > 3 && s.text(after).back() == 's')));
    if (spelled &&
        ((s.info(i).cardinal == 19 && !counts_noun) ||
         (i > 0 && (s.is(i - 1, ids.in) || s.is(i - 1, ids.year) || s.is(i - 1, ids.of) ||
                    s.is(i - 1, ids.since) || s.info(i - 1).month != 0 || s.tok(i).newline_before ||
                    s.is(i - 1, ids.comma))))) {
      size_t first = i;
      if (i >= 2 && s.is(i - 1, ids.year) && s.is(i - 2, ids.the)) first = i - 2;
      Draft d = make(first, spelled->next, "absolute");
      d.point.gran = Unit::Year;
      d.point.year = spelled->value;
      out.push_back(d);
    }
    return;
  }
  // "1990s", "1990's"
  size_t n = year->next;
  if (s.is(n, ids.apostrophe) && s.glued(n)) ++n;
  if (s.is(n, ids.s) && s.glued(n) && year->value % 10 == 0) {
    Draft d = make(with_the, n + 1, "absolute");
    d.point.gran = Unit::Decade;
    d.point.decade = year->value / 10;
    out.push_back(d);
    return;
  }
  // A plain year: not after "Section" or "No.", not before "troops", not after a currency
  // sign, not inside a code ("2019-0345-77", "2025/17").
  if (i > 0 && s.info(i - 1).not_year_after) return;
  if (i > 1 && s.is(i - 1, ids.dot) && s.info(i - 2).not_year_after) return;
  if (s.is_word(year->next) && s.info(year->next).quantity_word) return;
  if ((s.is(year->next, ids.hyphen) || s.is(year->next, ids.slash)) && s.glued(year->next) &&
      s.is_number(year->next + 1) && s.glued(year->next + 1))
    return;
  // "1998 rooms were booked": a count before a plural noun, unless "the", "in", "'s"... say year.
  if (s.is_word(year->next) && !s.tok(year->next).capitalized && s.text(year->next).size() > 3 &&
      s.text(year->next).back() == 's' && s.info(year->next).unit == Unit::None &&
      !year_context_before(s, i))
    return;
  if (i > 0 && s.glued(i) && s.tok(i - 1).is_punct() && !s.is(i - 1, ids.hyphen) &&
      !s.is(i - 1, ids.lparen))
    return;  // "$2019", "#2019"
  if (year->value < 1800 && !year_context_before(s, i)) return;
  if (year->value > 2100) return;
  Draft d = make(i, year->next, "absolute");
  d.point.gran = Unit::Year;
  d.point.year = year->value;
  if (i > 0 && s.is(i - 1, ids.fiscal)) d.first = static_cast<uint32_t>(i - 1);
  if (i > 1 && s.is(i - 1, ids.year) && s.is(i - 2, ids.the))
    d.first = static_cast<uint32_t>(i - 2);  // "the year 2000"
  out.push_back(d);
}

}  // namespace

void parse_absolute(const Scanner& s, std::vector<Draft>& out) {
  for (const size_t i : s.triggers()) {
    const auto& t = s.tok(i);
    if (t.is_word()) {
      const WordInfo& w = s.info(i);
      if (w.month != 0)
        month_first(s, i, out);
      else if (w.decade != 0 || w.ordinal > 0 || w.cardinal == 19 || w.cardinal == 20 ||
               w.cardinal == 2)
        years(s, i, out);
    } else if (t.is_number()) {
      day_first(s, i, out);
      day_of_month(s, i, out);
      iso(s, i, out);
      numeric(s, i, out);
      years(s, i, out);
    } else if (s.is(i, s.ids().apostrophe)) {
      years(s, i, out);
    }
  }
}

}  // namespace dateline::temporal
