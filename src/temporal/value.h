#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace dateline::temporal {

using Date = boost::gregorian::date;

// Units of time, finest first. The order matters: a coarser unit compares greater.
enum class Unit : uint8_t {
  None,
  Second,
  Minute,
  Hour,
  PartOfDay,
  Day,
  Weekend,
  Week,
  Month,
  Season,
  Quarter,
  Half,
  Year,
  Decade,
  Century,
  Millennium,
};
std::string_view to_string(Unit u);
std::optional<Unit> unit_from(std::string_view name);

enum class PartOfDay : uint8_t { None, Morning, Midday, Afternoon, Evening, Night, Daytime };
std::string_view timex_code(PartOfDay p);  // MO, MI, AF, EV, NI, DT
std::optional<PartOfDay> part_of_day_from(std::string_view code);

enum class Season : uint8_t { None, Spring, Summer, Fall, Winter };
std::string_view timex_code(Season s);  // SP, SU, FA, WI
std::optional<Season> season_from(std::string_view code);

// TIMEX3 mod.
enum class Mod : uint8_t {
  None,
  Start,
  Mid,
  End,
  Approx,
  Before,
  After,
  OnOrBefore,
  OnOrAfter,
  LessThan,
  MoreThan,
  EqualOrLess,
  EqualOrMore,
};
std::string_view to_string(Mod m);  // "" for None, else the TIMEX3 name ("START", ...)
std::optional<Mod> mod_from(std::string_view name);

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
std::string_view to_string(TimexType t);

inline constexpr int kUnknown = -1;

// A point or stretch of the calendar at a granularity, every field known or unknown
// (kUnknown). Examples: 2026-03-01 (day), 2026-W09-WE (weekend of ISO week 9), 2026-Q1,
// XXXX-WXX-7 (a Sunday of unknown week), 1990s (decade 199), 2026-02-28T16:20 (minute).
struct Point {
  Unit gran = Unit::None;
  int year = kUnknown;     // for weeks: the ISO week-numbering year
  int month = kUnknown;    // 1-12
  int day = kUnknown;      // 1-31
  int week = kUnknown;     // ISO week 1-53
  int weekday = kUnknown;  // 1 (Monday) - 7 (Sunday), for underspecified weekdays
  int quarter = kUnknown;  // 1-4
  int half = kUnknown;     // 1-2
  Season season = Season::None;
  int decade = kUnknown;   // year / 10, e.g. 199
  int century = kUnknown;  // year / 100, e.g. 19
  PartOfDay part = PartOfDay::None;
  int hour = kUnknown, minute = kUnknown, second = kUnknown;

  static Point of_day(const Date& d);
  // The day, when year, month and day are all known.
  std::optional<Date> date() const;
  // Every field the granularity needs is known.
  bool complete() const;

  friend bool operator==(const Point&, const Point&) = default;
};

// A duration: amounts per unit; an amount of kUnknown prints as X (PXY: "years").
struct Duration {
  struct Part {
    Unit unit = Unit::None;
    double amount = 0;  // kUnknown for "several", "a few", plural alone
    friend bool operator==(const Part&, const Part&) = default;
  };
  std::vector<Part> parts;
  friend bool operator==(const Duration&, const Duration&) = default;
};

enum class Ref : uint8_t { Present, Past, Future };

// A set: every Monday (XXXX-WXX-1), daily (P1D), twice a year (P1Y, freq 2X).
struct SetValue {
  std::optional<Point> pattern;   // XXXX-WXX-1, XXXX-WXX-2TNI, XXXX-07
  std::optional<Duration> every;  // P1D, P1Y
  int times = 0;                  // freq: "twice" -> 2
  Unit per = Unit::None;          // freq unit when given ("2X" per year)
  std::string quant;              // "EVERY", "EACH" or ""
  friend bool operator==(const SetValue&, const SetValue&) = default;
};

// The typed value of a temporal expression. TIMEX3 strings exist only in timex3.h.
struct Value {
  enum class Kind : uint8_t { None, Point, Duration, Set, Ref };
  Kind kind = Kind::None;
  Point point;
  Duration duration;
  SetValue set;
  Ref ref = Ref::Present;

  static Value of(const Point& p);
  static Value of(const Duration& d);
  static Value of(const SetValue& s);
  static Value of(Ref r);
  friend bool operator==(const Value&, const Value&) = default;
};

// Plain integers of a day's fields (Boost's own types do not mix with int).
inline int year_of(const Date& d) {
  return static_cast<int>(d.year());
}
inline int month_of(const Date& d) {
  return static_cast<int>(d.month());
}
inline int day_of(const Date& d) {
  return static_cast<int>(d.day());
}

// ISO 8601 week-numbering: the year and week of a day.
int iso_year(const Date& d);
int iso_week(const Date& d);
// The Monday of ISO week `week` of `iso_year`, if that week exists.
std::optional<Date> iso_week_start(int iso_year, int week);
// ISO weekday: 1 = Monday ... 7 = Sunday.
int iso_weekday(const Date& d);

}  // namespace dateline::temporal
