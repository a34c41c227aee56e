#include "temporal/value.h"

#include <array>

#include "core/calendar.h"

namespace dateline::temporal {

namespace {

constexpr std::array<std::string_view, 16> kUnitNames = {
    "none",  "second", "minute",  "hour", "part-of-day", "day",    "weekend", "week",
    "month", "season", "quarter", "half", "year",        "decade", "century", "millennium"};

constexpr std::array<std::string_view, 13> kModNames = {
    "",          "START",         "MID",          "END",         "APPROX",
    "BEFORE",    "AFTER",         "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN",
    "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"};

constexpr std::array<std::string_view, 7> kPartCodes = {"", "MO", "MI", "AF", "EV", "NI", "DT"};
constexpr std::array<std::string_view, 5> kSeasonCodes = {"", "SP", "SU", "FA", "WI"};

template <typename E, size_t N>
std::optional<E> find_name(const std::array<std::string_view, N>& names, std::string_view name) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == name && !name.empty()) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Unit u) {
  return kUnitNames[static_cast<size_t>(u)];
}
std::optional<Unit> unit_from(std::string_view name) {
  return find_name<Unit>(kUnitNames, name);
}
std::string_view timex_code(PartOfDay p) {
  return kPartCodes[static_cast<size_t>(p)];
}
std::optional<PartOfDay> part_of_day_from(std::string_view code) {
  return find_name<PartOfDay>(kPartCodes, code);
}
std::string_view timex_code(Season s) {
  return kSeasonCodes[static_cast<size_t>(s)];
}
std::optional<Season> season_from(std::string_view code) {
  return find_name<Season>(kSeasonCodes, code);
}
std::string_view to_string(Mod m) {
  return kModNames[static_cast<size_t>(m)];
}
std::optional<Mod> mod_from(std::string_view name) {
  return find_name<Mod>(kModNames, name);
}

std::string_view to_string(TimexType t) {
  switch (t) {
    case TimexType::kDate:
      return "DATE";
    case TimexType::kTime:
      return "TIME";
    case TimexType::kDuration:
      return "DURATION";
    case TimexType::kSet:
      return "SET";
  }
  return "DATE";
}

Point Point::of_day(const Date& d) {
  Point p;
  p.gran = Unit::Day;
  p.year = year_of(d);
  p.month = month_of(d);
  p.day = day_of(d);
  return p;
}

std::optional<Date> Point::date() const {
  if (year == kUnknown || month == kUnknown || day == kUnknown) return std::nullopt;
  return core::make_date(year, month, day);
}

bool Point::complete() const {
  switch (gran) {
    case Unit::None:
      return false;
    case Unit::Second:
    case Unit::Minute:
    case Unit::Hour:
    case Unit::PartOfDay:
    case Unit::Day:
      return date().has_value();
    case Unit::Weekend:
    case Unit::Week:
      return year != kUnknown && week != kUnknown;
    case Unit::Month:
      return year != kUnknown && month != kUnknown;
    case Unit::Season:
      return year != kUnknown && season != Season::None;
    case Unit::Quarter:
      return year != kUnknown && quarter != kUnknown;
    case Unit::Half:
      return year != kUnknown && half != kUnknown;
    case Unit::Year:
      return year != kUnknown;
    case Unit::Decade:
      return decade != kUnknown;
    case Unit::Century:
    case Unit::Millennium:
      return century != kUnknown;
  }
  return false;
}

Value Value::of(const Point& p) {
  Value v;
  v.kind = Kind::Point;
  v.point = p;
  return v;
}
Value Value::of(const Duration& d) {
  Value v;
  v.kind = Kind::Duration;
  v.duration = d;
  return v;
}
Value Value::of(const SetValue& s) {
  Value v;
  v.kind = Kind::Set;
  v.set = s;
  return v;
}
Value Value::of(Ref r) {
  Value v;
  v.kind = Kind::Ref;
  v.ref = r;
  return v;
}

int iso_weekday(const Date& d) {
  const int w = d.day_of_week().as_number();  // 0 = Sunday
  return w == 0 ? 7 : w;
}

int iso_year(const Date& d) {
  // The ISO year is the year of the week's Thursday.
  const Date thursday = d + boost::gregorian::days(4 - iso_weekday(d));
  return year_of(thursday);
}

int iso_week(const Date& d) {
  return d.week_number();
}

std::optional<Date> iso_week_start(int year, int week) {
  const auto jan4 = core::make_date(year, 1, 4);
  if (!jan4 || week < 1 || week > 53) return std::nullopt;
  const Date monday1 = *jan4 - boost::gregorian::days(iso_weekday(*jan4) - 1);
  const Date start = monday1 + boost::gregorian::weeks(week - 1);
  if (iso_year(start) != year) return std::nullopt;
  return start;
}

}  // namespace dateline::temporal
