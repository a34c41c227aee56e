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
int digits(std::string_view s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}
}  // namespace

std::optional<Value> value_from_timex3(std::string_view s) {
  if (s == "PRESENT_REF") return Value::of(Ref::Present);
  if (s == "PAST_REF") return Value::of(Ref::Past);
  if (s == "FUTURE_REF") return Value::of(Ref::Future);
  Point p;
  if (s.size() == 3 && digits(s, 0, 3) >= 0) {
    p.gran = Unit::Decade;
    p.decade = digits(s, 0, 3);
    return Value::of(p);
  }
  p.year = digits(s, 0, 4);
  if (p.year < 0) return std::nullopt;
  p.gran = Unit::Year;
  if (s.size() == 4) return Value::of(p);
  if (s[4] != '-' || s.size() < 7) return std::nullopt;
  const std::string_view rest = s.substr(5);
  if (rest[0] == 'W') {
    p.week = digits(rest, 1, 2);
    if (p.week < 1 || p.week > 53) return std::nullopt;
    p.gran = Unit::Week;
    if (rest.size() == 3) return Value::of(p);
    if (rest.substr(3) == "-WE") {
      p.gran = Unit::Weekend;
      return Value::of(p);
    }
    return std::nullopt;
  }
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H')) {
    const int n = digits(rest, 1, 1);
    if (rest[0] == 'Q' && n >= 1 && n <= 4) {
      p.gran = Unit::Quarter;
      p.quarter = n;
      return Value::of(p);
    }
    if (rest[0] == 'H' && n >= 1 && n <= 2) {
      p.gran = Unit::Half;
      p.half = n;
      return Value::of(p);
    }
    return std::nullopt;
  }
  if (const auto season = season_from(rest); season && rest.size() == 2) {
    p.gran = Unit::Season;
    p.season = *season;
    return Value::of(p);
  }
  p.month = digits(rest, 0, 2);
  if (p.month < 1 || p.month > 12) return std::nullopt;
  p.gran = Unit::Month;
  if (rest.size() == 2) return Value::of(p);
  if (rest[2] != '-') return std::nullopt;
  p.day = digits(rest, 3, 2);
  p.gran = Unit::Day;
  if (p.day < 1 || !p.date()) return std::nullopt;
  if (rest.size() == 5) return Value::of(p);
  if (rest.size() == 11 && rest[5] == 'T' && rest[8] == ':') {
    p.hour = digits(rest, 6, 2);
    p.minute = digits(rest, 9, 2);
    if (p.hour < 0 || p.hour > 23 || p.minute < 0 || p.minute > 59) return std::nullopt;
    p.gran = Unit::Minute;
    return Value::of(p);
  }
  // A part of a day: 2026-09-12TEV.
  if (const auto part =
          rest.size() == 8 && rest[5] == 'T' ? part_of_day_from(rest.substr(6)) : std::nullopt) {
    p.gran = Unit::PartOfDay;
    p.part = *part;
    return Value::of(p);
  }
  return std::nullopt;
}

}  // namespace dateline::temporal
