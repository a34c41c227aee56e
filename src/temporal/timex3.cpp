#include "temporal/timex3.h"

#include <cmath>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace dateline::temporal {

namespace {

std::string digits(int v, int width) {
  if (v == kUnknown) return std::string(static_cast<size_t>(width), 'X');
  return fmt::format("{:0{}}", v, width);
}

std::string date_part(const Point& p) {
  if (p.year == kUnknown && p.month == kUnknown && p.day == kUnknown && p.weekday != kUnknown)
    return fmt::format("XXXX-WXX-{}", p.weekday);
  return digits(p.year, 4) + "-" + digits(p.month, 2) + "-" + digits(p.day, 2);
}

}  // namespace

std::string timex3_value(const Point& p) {
  switch (p.gran) {
    case Unit::None:
      return "XXXX-XX-XX";
    case Unit::Second:
    case Unit::Minute:
    case Unit::Hour:
      return date_part(p) + "T" + digits(p.hour, 2) + ":" +
             digits(p.minute == kUnknown ? 0 : p.minute, 2);
    case Unit::PartOfDay: {
      const auto code = timex_code(p.part);
      return date_part(p) + (code.empty() ? "" : "T" + std::string(code));
    }
    case Unit::Day:
      return date_part(p);
    case Unit::Week:
      return digits(p.year, 4) + "-W" + digits(p.week, 2);
    case Unit::Weekend:
      return digits(p.year, 4) + "-W" + digits(p.week, 2) + "-WE";
    case Unit::Month:
      return digits(p.year, 4) + "-" + digits(p.month, 2);
    case Unit::Season:
      return digits(p.year, 4) + "-" + std::string(timex_code(p.season));
    case Unit::Quarter:
      return digits(p.year, 4) + "-Q" + (p.quarter == kUnknown ? "X" : std::to_string(p.quarter));
    case Unit::Half:
      return digits(p.year, 4) + "-H" + (p.half == kUnknown ? "X" : std::to_string(p.half));
    case Unit::Year:
      return digits(p.year, 4);
    case Unit::Decade:
      return p.decade != kUnknown ? digits(p.decade, 3)
             : p.year != kUnknown ? digits(p.year / 10, 3)
                                  : "XXX";
    case Unit::Century:
    case Unit::Millennium:
      return p.century != kUnknown ? digits(p.century, 2)
             : p.year != kUnknown  ? digits(p.year / 100, 2)
                                   : "XX";
  }
  return "XXXX-XX-XX";
}

std::string timex3_value(const Duration& d) {
  // Amounts per unit, coarse to fine; a fraction passes to a smaller unit (2.5 years: P2Y6M).
  // Decades, centuries and millennia with a count are written in years (two decades: P20Y).
  struct Slot {
    Unit unit;
    const char* code;
    bool time;
    Unit down;      // where a fraction goes
    double factor;  // how many of `down` one of these makes
  };
  static constexpr Slot kSlots[] = {{Unit::Millennium, "L", false, Unit::Year, 1000},
                                    {Unit::Century, "C", false, Unit::Year, 100},
                                    {Unit::Decade, "E", false, Unit::Year, 10},
                                    {Unit::Year, "Y", false, Unit::Month, 12},
                                    {Unit::Half, "H", false, Unit::Month, 6},
                                    {Unit::Quarter, "Q", false, Unit::Month, 3},
                                    {Unit::Month, "M", false, Unit::Day, 30},
                                    {Unit::Week, "W", false, Unit::Day, 7},
                                    {Unit::Day, "D", false, Unit::Hour, 24},
                                    {Unit::Hour, "H", true, Unit::Minute, 60},
                                    {Unit::Minute, "M", true, Unit::Second, 60},
                                    {Unit::Second, "S", true, Unit::None, 0}};
  std::map<Unit, double> amount;
  std::map<Unit, bool> unknown;
  for (const auto& part : d.parts) {
    if (part.amount == kUnknown)
      unknown[part.unit] = true;
    else
      amount[part.unit] += part.amount;
  }
  std::string date, time;
  for (const Slot& slot : kSlots) {
    std::string piece;
    const double a = amount[slot.unit];
    if (unknown[slot.unit]) {
      piece = std::string("X") + slot.code;
    } else if (a > 1e-9) {
      const bool in_years =
          slot.unit == Unit::Decade || slot.unit == Unit::Century || slot.unit == Unit::Millennium;
      const double whole = in_years ? 0 : std::floor(a + 1e-9);
      if (whole > 0) piece = fmt::format("{}{}", static_cast<long>(whole), slot.code);
      const double rest = a - whole;
      if (rest > 1e-6 && slot.down != Unit::None) amount[slot.down] += rest * slot.factor;
    }
    (slot.time ? time : date) += piece;
  }
  if (date.empty() && time.empty()) return "PXX";
  return "P" + date + (time.empty() ? "" : "T" + time);
}

std::string timex3_freq(const SetValue& s) {
  return s.times > 0 ? fmt::format("{}X", s.times) : "";
}

std::string timex3_value(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Point:
      return timex3_value(v.point);
    case Value::Kind::Duration:
      return timex3_value(v.duration);
    case Value::Kind::Set: {
      if (v.set.pattern) {
        Point p = *v.set.pattern;
        if (p.gran == Unit::PartOfDay && p.weekday == kUnknown)
          return "XXXX-XX-XXT" + std::string(timex_code(p.part));
        if (p.gran == Unit::Month) return "XXXX-" + digits(p.month, 2);
        if (p.gran == Unit::Season) return "XXXX-" + std::string(timex_code(p.season));
        return timex3_value(p);
      }
      if (v.set.every) return timex3_value(*v.set.every);
      return "XXXX-XX-XX";
    }
    case Value::Kind::Ref:
      return v.ref == Ref::Present ? "PRESENT_REF" : v.ref == Ref::Past ? "PAST_REF" : "FUTURE_REF";
    case Value::Kind::None:
      break;
  }
  return "";
}

nlohmann::json timexes_json(std::string_view text, const std::vector<Timex>& timexes) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < timexes.size(); ++i) {
    const Timex& t = timexes[i];
    nlohmann::json j{{"id", timex_id(i)},
                     {"start", t.span.begin},
                     {"end", t.span.end},
                     {"text", std::string(t.span.of(text))},
                     {"type", std::string(to_string(t.type))},
                     {"value", timex3_value(t.value)}};
    j["mod"] = t.mod == Mod::None ? nlohmann::json(nullptr)
                                  : nlohmann::json(std::string(to_string(t.mod)));
    if (t.anchor == AnchorKind::Dateline)
      j["anchor"] = "dateline";
    else if (t.anchor == AnchorKind::Previous && t.anchor_index >= 0)
      j["anchor"] = timex_id(static_cast<size_t>(t.anchor_index));
    else
      j["anchor"] = nullptr;
    if (t.value.kind == Value::Kind::Set) {
      if (const auto f = timex3_freq(t.value.set); !f.empty()) j["freq"] = f;
      if (!t.value.set.quant.empty()) j["quant"] = t.value.set.quant;
    }
    if (!t.resolved) j["resolved"] = false;
    out.push_back(std::move(j));
  }
  return out;
}

std::string timex_id(size_t i) {
  return "t" + std::to_string(i + 1);
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string timeml_document(std::string_view docid, std::string_view text, core::Span span,
                            const std::vector<Timex>& timexes, const std::string& dct) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n";
  out += fmt::format("<DOCID>{}</DOCID>\n", xml_escape(docid));
  if (!dct.empty())
    out += fmt::format(
        "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{0}\" temporalFunction=\"false\" "
        "functionInDocument=\"CREATION_TIME\">{0}</TIMEX3></DCT>\n",
        xml_escape(dct));
  out += "<TEXT>";
  uint32_t at = span.begin;
  for (size_t i = 0; i < timexes.size(); ++i) {
    const Timex& t = timexes[i];
    if (t.span.begin < at || t.span.end > span.end) continue;
    out += xml_escape(text.substr(at, t.span.begin - at));
    std::string attrs = fmt::format("tid=\"{}\" type=\"{}\" value=\"{}\"", timex_id(i),
                                    to_string(t.type), xml_escape(timex3_value(t.value)));
    if (t.mod != Mod::None) attrs += fmt::format(" mod=\"{}\"", to_string(t.mod));
    if (t.value.kind == Value::Kind::Set) {
      if (const auto f = timex3_freq(t.value.set); !f.empty())
        attrs += fmt::format(" freq=\"{}\"", f);
      if (!t.value.set.quant.empty()) attrs += fmt::format(" quant=\"{}\"", t.value.set.quant);
    }
    const bool function = t.anchor != AnchorKind::None;
    attrs += fmt::format(" temporalFunction=\"{}\"", function ? "true" : "false");
    if (t.anchor == AnchorKind::Dateline && !dct.empty()) attrs += " anchorTimeID=\"t0\"";
    if (t.anchor == AnchorKind::Previous && t.anchor_index >= 0)
      attrs += fmt::format(" anchorTimeID=\"{}\"", timex_id(static_cast<size_t>(t.anchor_index)));
    out += fmt::format("<TIMEX3 {}>{}</TIMEX3>", attrs, xml_escape(t.span.of(text)));
    at = t.span.end;
  }
  out += xml_escape(text.substr(at, span.end - at));
  out += "</TEXT>\n</TimeML>\n";
  return out;
}

namespace {
// Digits at s[at, at + n) as a number, or -1.
// A field of `n` characters at `at`: its number, kUnknown when all X, or nothing when neither.
std::optional<int> field(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return std::nullopt;
  const auto f = s.substr(at, n);
  if (f.find_first_not_of('X') == std::string_view::npos) return kUnknown;
  int v = 0;
  for (char c : f) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "P2Y6M", "PT3H", "P30D", "PXW", "PXX": the parts of a duration.
std::optional<Value> duration_from(std::string_view s) {
  Duration d;
  if (s == "PXX") {
    d.parts.push_back({Unit::None, static_cast<double>(kUnknown)});
    return Value::of(d);
  }
  bool time = false;
  for (size_t i = 1; i < s.size();) {
    if (s[i] == 'T' && !time) {
      time = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.' || s[j] == 'X')) ++j;
    if (j == i || j >= s.size()) return std::nullopt;
    const auto number = s.substr(i, j - i);
    double amount = kUnknown;
    if (number.find('X') == std::string_view::npos) {
      try {
        amount = std::stod(std::string(number));
      } catch (const std::exception&) {
        return std::nullopt;
      }
    }
    static const std::map<char, Unit> kDate = {
        {'L', Unit::Millennium}, {'C', Unit::Century}, {'E', Unit::Decade},
        {'Y', Unit::Year},       {'H', Unit::Half},    {'Q', Unit::Quarter},
        {'M', Unit::Month},      {'W', Unit::Week},    {'D', Unit::Day}};
    static const std::map<char, Unit> kTime = {
        {'H', Unit::Hour}, {'M', Unit::Minute}, {'S', Unit::Second}};
    const auto& units = time ? kTime : kDate;
    const auto unit = units.find(s[j]);
    if (unit == units.end()) return std::nullopt;
    d.parts.push_back({unit->second, amount});
    i = j + 1;
  }
  if (d.parts.empty()) return std::nullopt;
  return Value::of(d);
}

// The time after a date's "T": "16:20", or a part of the day ("NI").
bool time_from(std::string_view t, Point& p) {
  if (t.size() == 5 && t[2] == ':') {
    const auto h = field(t, 0, 2), m = field(t, 3, 2);
    if (!h || !m || *h > 24 || *m > 59 || (*h == 24 && *m != 0)) return false;  // 24:00
    p.hour = *h;
    p.minute = *m;
    p.gran = Unit::Minute;
    return true;
  }
  const auto part = part_of_day_from(t);
  if (!part) return false;
  p.part = *part;
  p.gran = Unit::PartOfDay;
  return true;
}

// What follows "YYYY-" (or "XXXX-"): a week, a quarter, a half, a season, a month, a day.
bool rest_from(std::string_view rest, Point& p) {
  if (const auto season = season_from(rest); season && rest.size() == 2) {
    p.gran = Unit::Season;
    p.season = *season;
    return true;
  }
  if (rest.starts_with("WXX-") && rest.size() >= 5 && rest[4] >= '1' && rest[4] <= '7') {
    // a weekday of no known week
    const auto wd = field(rest, 4, 1);
    if (!wd || *wd < 1 || *wd > 7) return false;
    p.weekday = *wd;
    p.gran = Unit::Day;
    return rest.size() == 5 || (rest[5] == 'T' && time_from(rest.substr(6), p));
  }
  if (rest[0] == 'W') {
    const auto w = field(rest, 1, 2);
    if (!w || (*w != kUnknown && (*w < 1 || *w > 53))) return false;
    p.week = *w;
    p.gran = Unit::Week;
    if (rest.size() == 3) return true;
    p.gran = Unit::Weekend;
    return rest.substr(3) == "-WE";
  }
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H')) {
    const auto n = field(rest, 1, 1);
    if (!n) return false;
    if (rest[0] == 'Q' && (*n == kUnknown || (*n >= 1 && *n <= 4))) {
      p.gran = Unit::Quarter;
      p.quarter = *n;
      return true;
    }
    if (rest[0] == 'H' && (*n == kUnknown || (*n >= 1 && *n <= 2))) {
      p.gran = Unit::Half;
      p.half = *n;
      return true;
    }
    return false;
  }
  const auto month = field(rest, 0, 2);
  if (!month || (*month != kUnknown && (*month < 1 || *month > 12))) return false;
  p.month = *month;
  p.gran = Unit::Month;
  if (rest.size() == 2) return true;
  const auto day = field(rest, 3, 2);
  if (rest[2] != '-' || !day || (*day != kUnknown && *day < 1)) return false;
  p.day = *day;
  p.gran = Unit::Day;
  if (p.year != kUnknown && p.month != kUnknown && p.day != kUnknown && !p.date()) return false;
  if (p.day != kUnknown && p.day > 31) return false;
  return rest.size() == 5 || (rest[5] == 'T' && time_from(rest.substr(6), p));
}

}  // namespace

std::optional<Value> value_from_timex3(std::string_view s) {
  if (s == "PRESENT_REF") return Value::of(Ref::Present);
  if (s == "PAST_REF") return Value::of(Ref::Past);
  if (s == "FUTURE_REF") return Value::of(Ref::Future);
  if (s.starts_with("P")) return duration_from(s);
  Point p;
  if (s.size() == 2 || s.size() == 3) {  // a century ("19") or a decade ("199")
    const auto n = field(s, 0, s.size());
    if (!n) return std::nullopt;
    p.gran = s.size() == 2 ? Unit::Century : Unit::Decade;
    (s.size() == 2 ? p.century : p.decade) = *n;
    return Value::of(p);
  }
  const auto year = field(s, 0, 4);
  if (!year) return std::nullopt;
  p.year = *year;
  p.gran = Unit::Year;
  if (s.size() == 4) return Value::of(p);
  if (s[4] != '-' || s.size() < 7) return std::nullopt;
  if (s == "XXXX-XX-XX") return Value::of(Point{});
  if (!rest_from(s.substr(5), p)) return std::nullopt;
  return Value::of(p);
}

}  // namespace dateline::temporal
