#include "temporal/resolve/calendar.h"

#include "core/calendar.h"

namespace dateline::temporal::calendar {

namespace bg = boost::gregorian;

namespace {

int floor_div(int a, int b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

Point with_gran(Point p, Unit gran) {
  p.gran = gran;
  return p;
}

// Linear index of a period (months since year 0, quarters, halves, seasons).
int month_index(int year, int month) {
  return year * 12 + (month - 1);
}

// Boost's calendar runs from core::kFirstYear to core::kLastYear, but its arithmetic does not
// stop there: a day moved past either end is a number no calendar function can read (it throws).
// A week's ISO year also looks up to three days away. A shifted day must keep a week clear of
// both ends.
bool readable(const Date& d) {
  static const Date first(core::kFirstYear, 1, 8), last(core::kLastYear, 12, 24);
  return !d.is_special() && d >= first && d <= last;
}

// Whether moving d by `months` months keeps it inside Boost's years (bg::months throws if not).
bool months_fit(const Date& d, long months) {
  const long idx = month_index(year_of(d), month_of(d)) + months;
  return idx >= core::kFirstYear * 12L && idx < (core::kLastYear + 1) * 12L;
}

}  // namespace

Season season_of(int month) {
  if (month >= 3 && month <= 5) return Season::Spring;
  if (month >= 6 && month <= 8) return Season::Summer;
  if (month >= 9 && month <= 11) return Season::Fall;
  return Season::Winter;
}

int season_year(const Date& d) {
  return month_of(d) <= 2 ? year_of(d) - 1 : year_of(d);
}

Point containing(const Date& d, Unit gran) {
  Point p;
  p.gran = gran;
  switch (gran) {
    case Unit::Second:
    case Unit::Minute:
    case Unit::Hour:
    case Unit::PartOfDay:
    case Unit::Day: {
      p = Point::of_day(d);
      p.gran = gran;
      break;
    }
    case Unit::Weekend:
    case Unit::Week:
      p.year = iso_year(d);
      p.week = iso_week(d);
      break;
    case Unit::Month:
      p.year = year_of(d);
      p.month = month_of(d);
      break;
    case Unit::Season:
      p.year = season_year(d);
      p.season = season_of(month_of(d));
      break;
    case Unit::Quarter:
      p.year = year_of(d);
      p.quarter = (month_of(d) - 1) / 3 + 1;
      break;
    case Unit::Half:
      p.year = year_of(d);
      p.half = month_of(d) <= 6 ? 1 : 2;
      break;
    case Unit::Year:
      p.year = year_of(d);
      break;
    case Unit::Decade:
      p.decade = year_of(d) / 10;
      break;
    case Unit::Century:
    case Unit::Millennium:
      p.century = year_of(d) / 100;
      break;
    case Unit::None:
      break;
  }
  return p;
}

std::optional<Date> first_day(const Point& p) {
  switch (p.gran) {
    case Unit::Second:
    case Unit::Minute:
    case Unit::Hour:
    case Unit::PartOfDay:
    case Unit::Day:
      return p.date();
    case Unit::Week:
      return iso_week_start(p.year, p.week);
    case Unit::Weekend: {
      auto monday = iso_week_start(p.year, p.week);
      if (!monday) return std::nullopt;
      return *monday + bg::days(5);
    }
    case Unit::Month:
      return core::make_date(p.year, p.month, 1);
    case Unit::Season: {
      if (p.year == kUnknown || p.season == Season::None) return std::nullopt;
      static constexpr int start[] = {0, 3, 6, 9, 12};
      return core::make_date(p.year, start[static_cast<int>(p.season)], 1);
    }
    case Unit::Quarter:
      return core::make_date(p.year, (p.quarter - 1) * 3 + 1, 1);
    case Unit::Half:
      return core::make_date(p.year, p.half == 1 ? 1 : 7, 1);
    case Unit::Year:
      return core::make_date(p.year, 1, 1);
    case Unit::Decade:
      return p.decade == kUnknown ? std::nullopt : core::make_date(p.decade * 10, 1, 1);
    case Unit::Century:
    case Unit::Millennium:
      return p.century == kUnknown ? std::nullopt : core::make_date(p.century * 100, 1, 1);
    case Unit::None:
      break;
  }
  return std::nullopt;
}

std::optional<Date> last_day(const Point& p) {
  auto first = first_day(p);
  if (!first) return std::nullopt;
  switch (p.gran) {
    case Unit::Week:
      return *first + bg::days(6);
    case Unit::Weekend:
      return *first + bg::days(1);
    case Unit::Month:
      return first->end_of_month();
    case Unit::Season:
      return (*first + bg::months(2)).end_of_month();
    case Unit::Quarter:
      return (*first + bg::months(2)).end_of_month();
    case Unit::Half:
      return (*first + bg::months(5)).end_of_month();
    case Unit::Year:
      return core::make_date(year_of(*first), 12, 31);
    case Unit::Decade:
      return core::make_date(year_of(*first) + 9, 12, 31);
    case Unit::Century:
    case Unit::Millennium:
      return core::make_date(year_of(*first) + 99, 12, 31);
    default:
      return first;
  }
}

std::optional<Date> representative_day(const Point& p) {
  return first_day(p);
}

bool can_anchor(const Point& p, Unit unit) {
  const bool day = p.date().has_value() || (p.month != kUnknown && p.day != kUnknown);
  switch (unit) {
    case Unit::Second:
    case Unit::Minute:
    case Unit::Hour:
    case Unit::PartOfDay:
    case Unit::Day:
      return day || (p.weekday != kUnknown && p.gran <= Unit::Day);
    case Unit::Weekend:
    case Unit::Week:
      return day || (p.week != kUnknown && p.year != kUnknown);
    case Unit::Month:
      return day || p.month != kUnknown;
    case Unit::Season:
      return day || p.gran == Unit::Season || p.gran == Unit::Month;
    case Unit::Quarter:
    case Unit::Half:
      return p.year != kUnknown && (day || p.gran <= Unit::Half) && p.gran != Unit::Year;
    case Unit::Year:
      return p.year != kUnknown;
    case Unit::Decade:
    case Unit::Century:
    case Unit::Millennium:
      return p.year != kUnknown || p.decade != kUnknown;
    case Unit::None:
      return false;
  }
  return false;
}

std::optional<Point> shift(const Point& anchor, Unit unit, int n, Unit gran) {
  // An underspecified weekday moves around the week: XXXX-WXX-7 minus one day is XXXX-WXX-6.
  if (!anchor.date() && anchor.weekday != kUnknown && (unit == Unit::Day) &&
      anchor.gran <= Unit::Day) {
    Point p = anchor;
    p.weekday = ((anchor.weekday - 1 + n) % 7 + 7) % 7 + 1;
    p.gran = gran <= Unit::Day ? gran : Unit::Day;
    return p;
  }
  if (unit == Unit::Year || unit == Unit::Decade || unit == Unit::Century) {
    const int years = unit == Unit::Decade ? n * 10 : unit == Unit::Century ? n * 100 : n;
    if (anchor.year == kUnknown) {
      if (anchor.decade != kUnknown && gran >= Unit::Decade) {
        Point p = anchor;
        p.decade += years / 10;
        return with_gran(p, gran);
      }
      return std::nullopt;
    }
    Point p = anchor;
    p.year = anchor.year + years;
    if (auto d = anchor.date(); d && gran <= Unit::Day) {
      // February 29 a year on is February 28.
      const int last = bg::gregorian_calendar::end_of_month_day(
          static_cast<unsigned short>(p.year), static_cast<unsigned short>(p.month));
      if (p.day > last) p.day = last;
    }
    if (gran >= Unit::Year) {
      Point out;
      out.gran = gran;
      out.year = p.year;
      out.decade = floor_div(p.year, 10);
      out.century = floor_div(p.year, 100);
      return out;
    }
    if (gran == Unit::Week || gran == Unit::Weekend) {
      if (anchor.week == kUnknown) return std::nullopt;
      p.week = anchor.week;
    }
    // A day a year on, seen at a coarser grain: its quarter, month or season.
    if (gran > Unit::Day && gran < Unit::Year) {
      if (auto day = p.date()) return containing(*day, gran);
    }
    return with_gran(p, gran);
  }
  // A month and day without a year ("March 13" with no dateline) shift on a stand-in year:
  // the result keeps the year unknown.
  if (anchor.year == kUnknown && anchor.month != kUnknown && unit <= Unit::Month &&
      unit != Unit::Weekend && unit != Unit::Week) {
    Point proxy = anchor;
    proxy.year = (anchor.month == 2 && anchor.day == 29) ? 2000 : 2001;
    if (proxy.gran == Unit::Month || anchor.day == kUnknown) proxy.day = 1;
    auto shifted = shift(proxy, unit, n, gran);
    if (!shifted) return std::nullopt;
    shifted->year = kUnknown;
    if (gran == Unit::Month) shifted->day = kUnknown;
    return shifted;
  }
  // Everything else works on a day inside the anchor.
  std::optional<Date> day = anchor.date();
  if (!day) day = first_day(anchor);
  if (!day) return std::nullopt;
  Date d = *day;
  switch (unit) {
    case Unit::Second:
    case Unit::Minute:
    case Unit::Hour: {
      if (anchor.hour == kUnknown) return containing(d, Unit::Day);
      const long minutes = long(anchor.hour) * 60 +
                           (anchor.minute == kUnknown ? 0 : anchor.minute) +
                           (unit == Unit::Hour     ? 60L * n
                            : unit == Unit::Minute ? n
                                                   : 0);
      const long day_shift = minutes >= 0 ? minutes / 1440 : -((1439 - minutes) / 1440);
      const long in_day = minutes - day_shift * 1440;
      const Date moved = d + bg::days(day_shift);
      if (!readable(moved)) return std::nullopt;
      Point p = containing(moved, Unit::Day);
      p.hour = static_cast<int>(in_day / 60);
      p.minute = static_cast<int>(in_day % 60);
      p.gran = gran <= Unit::Hour ? gran : Unit::Minute;
      return p;
    }
    case Unit::PartOfDay:
    case Unit::Day:
      d += bg::days(n);
      break;
    case Unit::Weekend:
    case Unit::Week:
      d += bg::weeks(n);
      break;
    case Unit::Month: {
      const int idx = month_index(year_of(d), month_of(d)) + n;
      auto first = core::make_date(floor_div(idx, 12), idx - floor_div(idx, 12) * 12 + 1, 1);
      if (!first) return std::nullopt;
      const int dom = std::min<int>(day_of(d), day_of(first->end_of_month()));
      d = *core::make_date(year_of(*first), month_of(*first), dom);
      break;
    }
    case Unit::Season:
    case Unit::Quarter:
    case Unit::Half: {
      const long months = (unit == Unit::Half ? 6L : 3L) * n;
      if (!months_fit(d, months)) return std::nullopt;
      d += bg::months(static_cast<int>(months));  // fits: months_fit bounds it by the calendar
      break;
    }
    default:
      return std::nullopt;
  }
  if (!readable(d)) return std::nullopt;
  Point p = containing(d, gran);
  if (gran <= Unit::Day) {
    p.part = anchor.part;
    p.hour = anchor.hour;
    p.minute = anchor.minute;
    p.gran = gran;
  }
  return p;
}

std::optional<Point> named(const Point& name, Unit kind, const Date& ref, bool past_or_now,
                           bool strict) {
  switch (kind) {
    case Unit::Day: {  // a weekday
      const int today = iso_weekday(ref);
      int delta = name.weekday - today;  // -6..6
      if (past_or_now) {
        if (delta > 0 || (strict && delta == 0)) delta -= 7;
      } else {
        if (delta < 0 || (strict && delta == 0)) delta += 7;
      }
      Point p = containing(ref + bg::days(delta), Unit::Day);
      p.part = name.part;
      p.gran = name.gran == Unit::PartOfDay ? Unit::PartOfDay : Unit::Day;
      return p;
    }
    case Unit::Month: {
      int year = year_of(ref);
      const int m = static_cast<int>(month_of(ref));
      if (past_or_now) {
        if (name.month > m || (strict && name.month == m)) --year;
      } else {
        if (name.month < m || (strict && name.month == m)) ++year;
      }
      Point p;
      p.gran = Unit::Month;
      p.year = year;
      p.month = name.month;
      return p;
    }
    case Unit::Season: {
      const int now_idx = season_year(ref) * 4 + static_cast<int>(season_of(month_of(ref))) - 1;
      int year = season_year(ref);
      int idx = year * 4 + static_cast<int>(name.season) - 1;
      if (past_or_now) {
        if (idx > now_idx || (strict && idx == now_idx)) --year;
      } else {
        if (idx < now_idx || (strict && idx == now_idx)) ++year;
      }
      Point p;
      p.gran = Unit::Season;
      p.year = year;
      p.season = name.season;
      return p;
    }
    case Unit::Quarter:
    case Unit::Half: {
      const bool q = kind == Unit::Quarter;
      const int per_year = q ? 4 : 2;
      const int now =
          q ? (static_cast<int>(month_of(ref)) - 1) / 3 + 1 : (month_of(ref) <= 6 ? 1 : 2);
      const int which = q ? name.quarter : name.half;
      int year = year_of(ref);
      if (past_or_now) {
        if (which > now || (strict && which == now)) --year;
      } else {
        if (which < now || (strict && which == now)) ++year;
      }
      (void)per_year;
      Point p;
      p.gran = kind;
      p.year = year;
      (q ? p.quarter : p.half) = which;
      return p;
    }
    default:
      break;
  }
  return std::nullopt;
}

}  // namespace dateline::temporal::calendar
