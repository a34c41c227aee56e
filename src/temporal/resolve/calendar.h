#pragma once
#include <optional>

#include "temporal/value.h"

// Calendar arithmetic on Points, with Boost.Date_Time. No pattern matching here.
namespace dateline::temporal::calendar {

// The point of granularity `gran` that contains day d (the ISO week of d, its quarter...).
Point containing(const Date& d, Unit gran);

// The first and last day a point covers, when it is complete enough to say.
std::optional<Date> first_day(const Point& p);
std::optional<Date> last_day(const Point& p);

// A day inside the point (its first day), for anchoring day arithmetic on coarser points.
std::optional<Date> representative_day(const Point& p);

// The anchor moved by n units. The result has granularity `gran` (finer than the unit means:
// keep the anchor's finer fields, e.g. a day shifted by weeks stays a day). Underspecified
// weekdays (XXXX-WXX-7) shift by days within the week cycle. nullopt when the anchor lacks the
// fields the shift needs.
std::optional<Point> shift(const Point& anchor, Unit unit, int n, Unit gran);

// Whether a point can anchor a shift in `unit` (a day for "a day earlier", a year for
// "a year later"...).
bool can_anchor(const Point& p, Unit unit);

// Season of a month (meteorological seasons; December belongs to the winter of its year, and
// January and February to the winter of the year before).
Season season_of(int month);
int season_year(const Date& d);

// Month, weekday, season, quarter or half by name, relative to a day:
//   Past: the last one that began before ref's own (strictly earlier);
//   Future: the next one that begins after ref's own;
//   Same: the one in ref's year (week for weekdays);
//   Auto(future=false): the most recent one, ref's own included; Auto(future=true): the next,
//   ref's own included.
std::optional<Point> named(const Point& name, Unit kind, const Date& ref, bool past_or_now,
                           bool strict);

}  // namespace dateline::temporal::calendar
