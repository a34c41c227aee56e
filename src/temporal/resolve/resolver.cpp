#include "temporal/resolve/resolver.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "core/calendar.h"
#include "temporal/resolve/calendar.h"

namespace dateline::temporal {

namespace bg = boost::gregorian;

namespace {

// The longest interval of candidate datelines tried one by one.
constexpr int kMaxCandidateDays = 62;
// How far a month and day without a year may lie on the side its clause speaks of.
constexpr long kSideDays = 300;
// How far a bare month may lie on the side its clause speaks of, in months.
constexpr int kMonthsOnSide = 10;
// How near the end of its month a dateline must be for a past clause's bare month to be the next.
constexpr long kDaysBeforeNextMonth = 10;

class Pass {
 public:
  Pass(const std::vector<PlacedDraft>& drafts, std::optional<Date> ref, int ref_month, int ref_dom)
      : drafts_(drafts), ref_(ref), ref_month_(ref_month), ref_dom_(ref_dom) {}

  std::vector<Timex> run() {
    out_.reserve(drafts_.size());
    for (size_t i = 0; i < drafts_.size(); ++i) {
      const Timex& t = out_.emplace_back(resolve_one(i));
      const bool point = t.value.kind == Value::Kind::Point && !dropped_.count(i);
      if (point) chain_[drafts_[i].stream].push_back(static_cast<int>(i));
    }
    return std::move(out_);
  }

  std::vector<bool> dropped() const {
    std::vector<bool> d(drafts_.size(), false);
    for (size_t i : dropped_) d[i] = true;
    return d;
  }

 private:
  // The last point of the stream that can anchor a shift in `unit`.
  int previous(uint32_t stream, Unit unit, bool quarter_only = false,
               bool stated_only = false) const {
    auto it = chain_.find(stream);
    if (it == chain_.end()) return -1;
    // The last date at a compatible grain, among the last 64 dates: an anchor further back
    // than that is not what a reader would reach for, and the search stays linear.
    int looked = 0;
    for (auto k = it->second.rbegin(); k != it->second.rend() && looked++ < 64; ++k) {
      const Point& p = out_[static_cast<size_t>(*k)].value.point;
      if (stated_only && !out_[static_cast<size_t>(*k)].stated) continue;
      if (quarter_only ? (p.gran == Unit::Quarter || p.gran == Unit::Half) && p.year != kUnknown &&
                             out_[static_cast<size_t>(*k)].stated
                       : calendar::can_anchor(p, unit))
        return *k;
    }
    return -1;
  }

  Timex base(size_t i) const {
    const PlacedDraft& pd = drafts_[i];
    Timex t;
    t.span = pd.span;
    t.type = pd.draft.type;
    t.mod = pd.draft.mod;
    t.paragraph = pd.paragraph;
    t.family = pd.draft.family;
    return t;
  }

  // Boost's calendar ends at 1400 and 9999 and throws (std::out_of_range) when a day read there
  // has moved past either end: a year of 9999 a week on. Such an expression has no date to give,
  // so it is left unresolved, like one with nothing to anchor it, and the article goes on.
  Timex resolve_one(size_t i) {
    try {
      return resolve_draft(i);
    } catch (const std::out_of_range&) {
      return unknown_day(base(i), "beyond the calendar");
    }
  }

  // An expression left without a date: a day of unknown year, month and day (XXXX-XX-XX).
  static Timex unknown_day(Timex t, const char* rule) {
    Point p;
    p.gran = Unit::Day;
    t.value = Value::of(p);
    t.rule = rule;
    return t;
  }

  Timex resolve_draft(size_t i) {
    const Draft& d = drafts_[i].draft;
    Timex t = base(i);
    switch (d.form) {
      case Draft::Form::Duration:
        t.value = Value::of(d.duration);
        t.resolved = true;
        t.rule = "duration";
        return t;
      case Draft::Form::Set:
        t.value = Value::of(d.set);
        t.resolved = true;
        t.rule = "set";
        return t;
      case Draft::Form::Ref:
        t.value = Value::of(d.ref);
        t.resolved = true;
        t.rule = "reference";
        return t;
      case Draft::Form::Unresolvable:
        return unknown_day(t, "unresolvable");
      case Draft::Form::Absolute:
        t.stated = true;
        return absolute(i, t);
      case Draft::Form::Named:
        t.stated = true;
        return named(i, t);
      case Draft::Form::Shift:
        t.stated = d.stated;
        return shifted(i, t);
    }
    return t;
  }

  Timex absolute(size_t i, Timex t) {
    const Draft& d = drafts_[i].draft;
    Point p = d.point;
    t.rule = "absolute";
    if (p.gran <= Unit::Day && p.year == kUnknown && p.month == kUnknown && p.day != kUnknown) {
      // "the 14th": this month's, last month's or next month's, by the clause's tense.
      if (!ref_) {
        t.value = Value::of(p);
        return t;
      }
      std::optional<Date> pick;
      for (int k = -1; k <= 1; ++k) {
        const Date month_start = Date(ref_->year(), ref_->month(), 1) + boost::gregorian::months(k);
        const auto c = core::make_date(year_of(month_start), month_of(month_start), p.day);
        if (!c) continue;
        const bool side = d.future ? *c >= *ref_ : *c <= *ref_;
        if (side && (!pick || std::labs((*c - *ref_).days()) < std::labs((*pick - *ref_).days())))
          pick = c;
      }
      if (!pick) {
        dropped_.insert(i);
        return t;
      }
      p = Point::of_day(*pick);
      t.anchor = AnchorKind::Dateline;
      t.rule = "month from the dateline";
    } else if (p.gran <= Unit::Day && p.year != kUnknown && !p.date()) {
      dropped_.insert(i);  // "February 30, 2026": no such day
    } else if (p.gran <= Unit::Day && p.year == kUnknown && p.month != kUnknown &&
               p.day != kUnknown) {
      if (ref_) {
        // The year that puts the day on the side of the dateline the clause speaks of (the
        // last such day in the past, the next in the future), unless that is most of a year
        // away; then the year that puts it nearest.
        std::optional<Date> best, side;
        long best_gap = 0;
        for (int y : {year_of(*ref_) - 1, year_of(*ref_), year_of(*ref_) + 1}) {
          auto c = core::make_date(y, p.month, p.day);
          if (!c) continue;
          const long signed_gap = (*c - *ref_).days();
          const long gap = std::labs(signed_gap);
          if (!best || gap < best_gap || (gap == best_gap && *c < *best)) best = c, best_gap = gap;
          const bool on_side = d.future ? signed_gap >= 0 : signed_gap <= 0;
          if (on_side && gap <= kSideDays && (!side || std::labs((*side - *ref_).days()) > gap))
            side = c;
        }
        if (side) best = side;
        if (best) {
          p.year = year_of(*best);
          t.anchor = AnchorKind::Dateline;
          t.rule = "year from the dateline";
        } else {
          dropped_.insert(i);
        }
      } else if (!core::make_date(2000, p.month, p.day)) {
        dropped_.insert(i);
      }
    }
    t.value = Value::of(p);
    t.resolved = p.complete();
    return t;
  }

  Timex named(size_t i, Timex t) {
    const PlacedDraft& pd = drafts_[i];
    const Draft& d = pd.draft;
    std::optional<Date> ref = ref_;
    t.anchor = AnchorKind::Dateline;
    if (d.anchor == AnchorKind::Previous) {
      const int prev = previous(pd.stream, Unit::Day);
      if (prev >= 0) {
        ref = out_[static_cast<size_t>(prev)].value.point.date();
        t.anchor = AnchorKind::Previous;
        t.anchor_index = prev;
        t.derived = true;
      }
    }
    if (!ref) {
      t.value = Value::of(d.point);  // XXXX-WXX-7, XXXX-03
      t.anchor = AnchorKind::None;
      t.rule = "no dateline";
      return t;
    }
    bool past_or_now = !d.future;
    bool strict = false;
    Point name = d.point;
    switch (d.direction) {
      case Direction::Past:
        past_or_now = true, strict = true;
        break;
      case Direction::Future:
        past_or_now = false, strict = true;
        break;
      case Direction::Same: {
        if (d.unit != Unit::Day) {  // "this summer", "this September": the one of this year
          Point p = name;
          p.year = d.unit == Unit::Season ? calendar::season_year(*ref) : year_of(*ref);
          t.value = Value::of(p);
          t.resolved = p.complete();
          t.rule = "this year's";
          return t;
        }
        if (d.unit == Unit::Day) {  // "this Monday": the one in this week
          const int delta = name.weekday - iso_weekday(*ref);
          Point p = calendar::containing(*ref + bg::days(delta), Unit::Day);
          p.part = name.part;
          p.gran = name.gran;
          t.value = Value::of(p);
          t.resolved = true;
          t.rule = "this week's";
          return t;
        }
        past_or_now = !d.future;
        break;
      }
      case Direction::Auto:
        // A quarter is reported after it ends: the last one, unless the clause speaks of the
        // future and that one ended more than a quarter ago.
        if (d.unit == Unit::Quarter || d.unit == Unit::Half) {
          past_or_now = true;
          if (d.future) {
            auto last = calendar::named(name, d.unit, *ref, true, false);
            auto end = last ? calendar::last_day(*last) : std::nullopt;
            if (end && (*ref - *end).days() > 92) past_or_now = false;
          }
        }
        break;
    }
    auto p = calendar::named(name, d.unit, *ref, past_or_now, strict);
    // A bare month in a past clause is not taken eleven months back when it is the month about
    // to begin: "gave it until mid-November" on October 30 is next month, whatever the tense of
    // "gave". Early in a month the next one is still far off ("began in April" on March 2 is the
    // April before), and a future clause never reaches back to the month just ended.
    if (p && d.unit == Unit::Month && d.direction == Direction::Auto && past_or_now) {
      const int away = (p->year * 12 + p->month) - (year_of(*ref) * 12 + month_of(*ref));
      const auto month_end = ref->end_of_month();
      if (away < -kMonthsOnSide && (month_end - *ref).days() < kDaysBeforeNextMonth) {
        past_or_now = !past_or_now;
        p = calendar::named(name, d.unit, *ref, past_or_now, strict);
      }
    }
    if (!p) {
      t.value = Value::of(d.point);
      return t;
    }
    if (d.point.hour != kUnknown)
      p->hour = d.point.hour, p->minute = d.point.minute, p->gran = d.point.gran;
    t.value = Value::of(*p);
    t.resolved = p->complete();
    t.rule = past_or_now ? (strict ? "the last one before" : "the most recent")
                         : (strict ? "the next one after" : "the next");
    return t;
  }

  // The weekend meant by "this weekend", "last weekend", "next weekend", "the weekend".
  std::optional<Point> weekend(const Date& ref, int offset, bool future) const {
    const int wd = iso_weekday(ref);
    const bool on_weekend = wd >= 6;
    const Date this_week_saturday = ref + bg::days(6 - wd);
    Date sat;
    if (offset < 0)
      sat = on_weekend ? this_week_saturday - bg::weeks(1) : this_week_saturday - bg::weeks(1);
    else if (offset > 0)
      sat = on_weekend ? this_week_saturday + bg::weeks(1) : this_week_saturday;
    else
      sat = on_weekend || future ? this_week_saturday : this_week_saturday - bg::weeks(1);
    if (std::abs(offset) > 1) sat += bg::weeks(offset - (offset > 0 ? 1 : -1));
    return calendar::containing(sat, Unit::Weekend);
  }

  Timex shifted(size_t i, Timex t) {
    const PlacedDraft& pd = drafts_[i];
    const Draft& d = pd.draft;
    if (d.same_as_previous) return same_as_previous(i, t);
    // The anchor: the last compatible date before it, or the dateline.
    std::optional<Point> anchor;
    const bool quarter_context =
        d.keep_anchor_gran && d.point.gran == Unit::Quarter && d.unit == Unit::Year;
    // "For the nine months, net rose from $5 million a year earlier": what is compared is the
    // stretch just named, a part of a year no calendar value writes; a year before it is the year
    // before, as from the dateline.
    const bool after_stretch =
        d.keep_anchor_gran && d.point.gran == Unit::Year && months_just_before(i);
    // "a year earlier" builds on a quarter or a date the text states, else on the dateline.
    if (!after_stretch && ((d.anchor == AnchorKind::Previous && !d.keep_anchor_gran) ||
                           (d.keep_anchor_gran && last_is_quarter(pd.stream)) ||
                           (d.keep_anchor_gran && d.anchor == AnchorKind::Previous &&
                            d.point.gran != Unit::Quarter))) {
      // "a year earlier" builds on a date the text states, never on another "a year earlier".
      int prev = previous(pd.stream, d.unit, quarter_context, d.keep_anchor_gran);
      // A quarter named in an earlier paragraph (one in passing, one forecast) gives way to the
      // quarter being reported, the last to have ended at the dateline, when the text names it.
      if (prev >= 0 && d.keep_anchor_gran &&
          out_[static_cast<size_t>(prev)].paragraph != pd.paragraph &&
          out_[static_cast<size_t>(prev)].value.point.gran == Unit::Quarter)
        if (const int r = reported_quarter(pd.stream); r >= 0) prev = r;
      // A stated date far above does not anchor "a year earlier": only one in its paragraph.
      if (prev >= 0 && d.keep_anchor_gran && !quarter_context &&
          out_[static_cast<size_t>(prev)].value.point.gran != Unit::Quarter &&
          out_[static_cast<size_t>(prev)].paragraph != pd.paragraph)
        prev = -1;
      if (prev >= 0) {
        anchor = out_[static_cast<size_t>(prev)].value.point;
        t.anchor = AnchorKind::Previous;
        t.anchor_index = prev;
        t.derived = true;
        t.rule = "from the date before";
      }
    }
    if (d.anchor == AnchorKind::Following) return following(i, t);
    if (!anchor && ref_) {
      anchor = Point::of_day(*ref_);
      t.anchor = AnchorKind::Dateline;
      t.rule = "from the dateline";
      if (quarter_context) {  // "the quarter" with none before it: the last one that ended
        auto q = calendar::shift(calendar::containing(*ref_, Unit::Quarter), Unit::Quarter, -1,
                                 Unit::Quarter);
        if (q) anchor = q;
      }
    }
    if (!anchor) {
      // No dateline: keep what the text says (a weekday shift stays underspecified).
      Point p = d.point;
      if (p.gran == Unit::Day && p.day == kUnknown) p.gran = Unit::Day;
      t.value = Value::of(p);
      t.rule = "no dateline";
      return t;
    }
    std::optional<Point> p;
    if (d.unit == Unit::Weekend && anchor->date() && t.anchor == AnchorKind::Previous &&
        d.offset == 0) {
      p = calendar::containing(*anchor->date(),
                               Unit::Weekend);  // "that weekend": the one of that week
    } else if (d.unit == Unit::Weekend && anchor->date()) {
      p = weekend(*anchor->date(), d.offset, d.future);
    } else {
      Unit gran = d.point.gran;
      // A time of day or a part of it is set on the shifted day.
      if (gran <= Unit::PartOfDay) gran = Unit::Day;
      // "a year earlier" after a quarter is that quarter a year before; after a stated day, that
      // day; from the dateline, the year.
      if (d.keep_anchor_gran && (anchor->gran == Unit::Quarter || anchor->gran == Unit::Half))
        gran = anchor->gran;
      // Only when that date is the last one before it: with other dates between, the day has
      // stopped being what is spoken of ("revised Friday ... rose last month ... higher than a
      // year earlier").
      if (d.keep_anchor_gran && t.anchor == AnchorKind::Previous && anchor->gran < Unit::Year &&
          gran == Unit::Year && t.anchor_index >= 0 &&
          out_[static_cast<size_t>(t.anchor_index)].stated &&
          last_point(pd.stream) == t.anchor_index)
        gran = anchor->gran <= Unit::Day ? Unit::Day : anchor->gran;
      if (d.unit == Unit::Year && gran == Unit::Day && !anchor->date()) gran = Unit::Year;
      p = calendar::shift(*anchor, d.unit, d.offset, gran);
    }
    if (!p) {
      t.value = Value::of(d.point);
      t.rule = "anchor too coarse";
      return t;
    }
    // Fields the expression fixes after the shift: a year ("the 1988 quarter"), year-end's
    // 12-31, a part of the day, a clock time.
    if (d.point.year != kUnknown && d.unit == Unit::Year) p->year = d.point.year;
    if (d.point.quarter != kUnknown) p->quarter = d.point.quarter, p->gran = Unit::Quarter;
    if (d.point.half != kUnknown) p->half = d.point.half, p->gran = Unit::Half;
    if (d.point.month != kUnknown && d.unit == Unit::Year) {
      p->month = d.point.month;
      p->gran = Unit::Month;
      if (d.point.day != kUnknown) p->day = d.point.day, p->gran = Unit::Day;
    }
    if (d.point.part != PartOfDay::None) p->part = d.point.part, p->gran = Unit::PartOfDay;
    if (d.point.hour != kUnknown) {
      p->hour = d.point.hour;
      p->minute = d.point.minute;
      p->part = PartOfDay::None;
      p->gran = d.point.gran;
    }
    t.value = Value::of(*p);
    t.resolved = p->complete();
    return t;
  }

  // The expression right before draft i, in its paragraph, is a stretch of months ("the nine
  // months", "the first six months").
  bool months_just_before(size_t i) const {
    if (i == 0) return false;
    const PlacedDraft& prev = drafts_[i - 1];
    if (prev.stream != drafts_[i].stream || prev.paragraph != drafts_[i].paragraph ||
        prev.draft.form != Draft::Form::Duration || prev.draft.duration.parts.empty())
      return false;
    for (const auto& part : prev.draft.duration.parts)
      if (part.unit != Unit::Month) return false;
    return true;
  }

  // "until then", "since then": the date stated last in the paragraph, as it was stated. With
  // none there, "then" is an event's time ("ever since IBM chose the chip ... since then") and
  // is dropped.
  Timex same_as_previous(size_t i, Timex t) {
    const PlacedDraft& pd = drafts_[i];
    auto it = chain_.find(pd.stream);
    if (it != chain_.end())
      for (auto k = it->second.rbegin(); k != it->second.rend(); ++k) {
        const Timex& prev = out_[static_cast<size_t>(*k)];
        if (prev.paragraph != pd.paragraph) break;
        if (!prev.stated) continue;
        t.type = prev.type;
        t.value = prev.value;
        t.resolved = prev.resolved;
        t.anchor = AnchorKind::Previous;
        t.anchor_index = *k;
        t.derived = true;
        t.rule = "the date before";
        return t;
      }
    dropped_.insert(i);
    t.rule = "nothing to anchor on";
    return t;
  }

  // The last stated mention of the quarter that ended last before the dateline.
  int reported_quarter(uint32_t stream) const {
    auto it = chain_.find(stream);
    if (!ref_ || it == chain_.end()) return -1;
    const auto q = calendar::shift(calendar::containing(*ref_, Unit::Quarter), Unit::Quarter, -1,
                                   Unit::Quarter);
    if (!q) return -1;
    int looked = 0;
    for (auto k = it->second.rbegin(); k != it->second.rend() && looked++ < 64; ++k) {
      const Timex& t = out_[static_cast<size_t>(*k)];
      if (t.stated && t.value.point.gran == Unit::Quarter && t.value.point.year == q->year &&
          t.value.point.quarter == q->quarter)
        return *k;
    }
    return -1;
  }

  int last_point(uint32_t stream) const {
    auto it = chain_.find(stream);
    return it == chain_.end() || it->second.empty() ? -1 : it->second.back();
  }

  bool last_is_quarter(uint32_t stream) const {
    auto it = chain_.find(stream);
    if (it == chain_.end()) return false;
    int looked = 0;
    for (auto k = it->second.rbegin(); k != it->second.rend() && looked++ < 64; ++k) {
      const Timex& t = out_[static_cast<size_t>(*k)];
      if (!t.stated) continue;
      return t.value.point.gran == Unit::Quarter || t.value.point.gran == Unit::Half;
    }
    return false;
  }

  // "the eve of March 1": a day before the date that follows in the same paragraph.
  Timex following(size_t i, Timex t) {
    const PlacedDraft& pd = drafts_[i];
    if (i + 1 < drafts_.size() && drafts_[i + 1].paragraph == pd.paragraph &&
        drafts_[i + 1].draft.first <= pd.draft.last + 2) {
      // The date after it does not depend on it: resolve that one first.
      out_.push_back(t);
      const Timex next = resolve_one(i + 1);
      out_.pop_back();
      if (next.value.kind == Value::Kind::Point) {
        const Unit gran = pd.draft.unit == Unit::Quarter ? Unit::Quarter : Unit::Day;
        if (auto p = calendar::shift(next.value.point, Unit::Day, pd.draft.offset, gran)) {
          if (pd.draft.clock) {  // "3:30 p.m. on Thursday"
            p->hour = pd.draft.point.hour;
            p->minute = pd.draft.point.minute;
            p->gran = pd.draft.point.gran;
          }
          t.value = Value::of(*p);
          t.resolved = p->complete();
          t.anchor = AnchorKind::Previous;
          t.anchor_index = static_cast<int>(i + 1);
          t.rule = "from the date after";
          return t;
        }
      }
    }
    // "the eve of the Pope's visit": a day counted from an event, not a date, as "two days
    // after the election" is none.
    if (pd.draft.unit == Unit::Day && !pd.draft.clock) dropped_.insert(i);
    t.anchor = AnchorKind::None;
    return unknown_day(t, "nothing to anchor on");
  }

  const std::vector<PlacedDraft>& drafts_;
  std::optional<Date> ref_;
  int ref_month_ = 0, ref_dom_ = 0;
  std::vector<Timex> out_;
  std::map<uint32_t, std::vector<int>> chain_;
  std::set<size_t> dropped_;
};

std::vector<Timex> without_dropped(std::vector<Timex> timexes, const std::vector<bool>& dropped) {
  // Anchor indices refer to positions before dropping: renumber them.
  std::vector<int> renumber(timexes.size(), -1);
  int next = 0;
  for (size_t i = 0; i < timexes.size(); ++i)
    if (!dropped[i]) renumber[i] = next++;
  std::vector<Timex> out;
  out.reserve(static_cast<size_t>(next));
  for (size_t i = 0; i < timexes.size(); ++i) {
    if (dropped[i]) continue;
    Timex& t = out.emplace_back(std::move(timexes[i]));
    if (t.anchor_index >= 0) {
      t.anchor_index = renumber[static_cast<size_t>(t.anchor_index)];
      if (t.anchor_index < 0) t.anchor = AnchorKind::Dateline;
    }
  }
  return out;
}

}  // namespace

std::vector<Timex> resolve(const std::vector<PlacedDraft>& drafts, const Reference& ref) {
  if (ref.day || !(ref.earliest && ref.latest)) {
    Pass pass(drafts, ref.day, ref.month, ref.day_of_month);
    auto out = pass.run();
    return without_dropped(std::move(out), pass.dropped());
  }
  // An interval of candidate datelines: resolve against each, keep what they agree on.
  const long days = (*ref.latest - *ref.earliest).days();
  if (days < 0 || days > kMaxCandidateDays) {
    Pass pass(drafts, std::nullopt, 0, 0);
    auto out = pass.run();
    return without_dropped(std::move(out), pass.dropped());
  }
  Pass first(drafts, *ref.earliest, 0, 0);
  std::vector<Timex> agreed = first.run();
  std::vector<bool> dropped = first.dropped();
  Pass none(drafts, std::nullopt, 0, 0);
  const std::vector<Timex> unresolved = none.run();
  for (long k = 1; k <= days; ++k) {
    Pass pass(drafts, *ref.earliest + bg::days(k), 0, 0);
    const auto other = pass.run();
    for (size_t i = 0; i < agreed.size(); ++i)
      if (!(agreed[i].value == other[i].value)) {
        agreed[i] = unresolved[i];
        agreed[i].rule = "the candidate datelines disagree";
      }
  }
  return without_dropped(std::move(agreed), dropped);
}

}  // namespace dateline::temporal
