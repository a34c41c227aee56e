#include "ingest/dateline.h"

#include <cctype>

#include <fmt/format.h>

#include "core/text.h"
#include "core/utf8.h"
#include "ingest/manifest.h"
#include "ingest/paragraphs.h"

namespace dateline::ingest {

namespace text = core::text;

namespace {

// A small cursor over the opening of a paragraph.
struct Cursor {
  std::string_view s;
  size_t i = 0;

  void skip_space() {
    while (i < s.size()) {
      size_t k = i;
      if (!core::utf8::is_space(core::utf8::decode(s, k))) break;
      i = k;
    }
  }
  bool eat(char c) {
    skip_space();
    if (i < s.size() && s[i] == c) {
      ++i;
      return true;
    }
    return false;
  }
  std::string_view word() {  // letters, and a final full stop of an abbreviation is left
    skip_space();
    size_t k = i;
    while (k < s.size() && ((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z'))) ++k;
    auto w = s.substr(i, k - i);
    i = k;
    return w;
  }
  int number(int max_digits) {
    skip_space();
    size_t k = i;
    int v = 0;
    while (k < s.size() && s[k] >= '0' && s[k] <= '9' && k - i < size_t(max_digits))
      v = v * 10 + (s[k++] - '0');
    if (k == i || (k < s.size() && s[k] >= '0' && s[k] <= '9')) return -1;
    i = k;
    return v;
  }
  bool dash() {
    skip_space();
    for (std::string_view d : {"\xE2\x80\x94", "\xE2\x80\x93", "--", "-", "_"}) {
      if (s.substr(i, d.size()) == d) {
        i += d.size();
        return true;
      }
    }
    return false;
  }
};

// Month Day[,] [Year] or Day Month [Year], after an optional weekday.
bool parse_date(Cursor& c, const core::CalendarWords& words, WireDate& out) {
  Cursor save = c;
  if (auto w = c.word(); !w.empty() && words.weekday(w)) {
    c.eat('.');
    c.eat(',');
  } else {
    c = save;
  }
  Cursor at = c;
  if (auto w = c.word(); !w.empty()) {
    const auto m = words.month(w);
    if (!m || !text::is_capitalized(w)) return false;
    if (m->abbreviation) c.eat('.');
    const int d = c.number(2);
    if (d < 1 || d > 31) return false;
    out.month = m->number;
    out.day = d;
  } else {
    c = at;
    const int d = c.number(2);
    if (d < 1 || d > 31) return false;
    const auto name = c.word();
    const auto m = words.month(name);
    if (!m || !text::is_capitalized(name)) return false;
    if (m->abbreviation) c.eat('.');
    out.month = m->number;
    out.day = d;
  }
  Cursor before_year = c;
  c.eat(',');
  const int y = c.number(4);
  if (y >= 1000)
    out.year = y;
  else
    c = before_year;
  return true;
}

bool valid(const WireDate& w) {
  // Without a year, February 29 is possible.
  return core::make_date(w.year == 0 ? 2000 : w.year, w.month, w.day).has_value();
}

}  // namespace

std::optional<WireDate> parse_wire_opening(std::string_view s, const core::CalendarWords& words) {
  Cursor c{s.substr(0, std::min<size_t>(s.size(), 200))};
  // The place: upper-case words ("MOSCOW", "UNITED NATIONS"), then ", Region" words.
  bool place = false;
  while (true) {
    Cursor save = c;
    const auto w = c.word();
    if (w.size() >= 2 && text::is_all_caps(w)) {
      place = true;
      continue;
    }
    c = save;
    break;
  }
  WireDate out;
  if (place) {
    if (!c.eat(',')) return std::nullopt;
    // Optional region: capitalised words before the date ("KYIV, Ukraine, March 2").
    for (int k = 0; k < 3; ++k) {
      Cursor probe = c;
      if (parse_date(probe, words, out)) break;
      const auto w = c.word();
      if (w.empty() || !text::is_capitalized(w)) return std::nullopt;
      c.eat(',');
    }
  }
  if (!parse_date(c, words, out) || !valid(out)) return std::nullopt;
  // "(Reuters)", "(AP)".
  Cursor save = c;
  if (c.eat('(')) {
    const auto w = c.word();
    if (w.empty() || !c.eat(')')) c = save;
  }
  if (!c.dash()) return std::nullopt;
  out.length = c.i;
  return out;
}

namespace {

// The year a short line above the story states on its own ("TWS World Service | 2027",
// "Diplomacy · Filed 2027"), when the lines before `before` state exactly one; else 0.
int header_year(const Article& a, uint32_t before, std::string& note) {
  int found = 0;
  std::string_view line;
  for (const auto& p : a.paragraphs) {
    if (p.span.begin >= before) break;
    const auto s = a.text_of(p.span);
    if (s.size() > 80) continue;
    for (size_t i = 0; i + 4 <= s.size(); ++i) {
      const bool edge_before = i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
      const bool edge_after =
          i + 4 == s.size() || !std::isalnum(static_cast<unsigned char>(s[i + 4]));
      if (!edge_before || !edge_after) continue;
      int y = 0;
      bool digits = true;
      for (size_t k = i; k < i + 4; ++k) {
        digits = digits && std::isdigit(static_cast<unsigned char>(s[k]));
        y = y * 10 + (s[k] - '0');
      }
      if (!digits || y < 1900 || y > 2199) continue;
      if (found != 0 && found != y) return 0;  // two years: neither is sure
      found = y;
      line = s;
    }
  }
  if (found) note = fmt::format(" (year from the line \"{}\")", text::trim(line));
  return found;
}

}  // namespace

void find_dateline(Article& a, const core::CalendarWords& words, const LayoutCues& cues) {
  const Document& doc = *a.doc;
  Dateline& d = a.dateline;
  d = Dateline{};
  if (doc.manifest_day) {
    d.source = DatelineSource::Manifest;
    d.day = doc.manifest_day;
    d.note = fmt::format("line {}: published {}", doc.manifest_line, doc.manifest_published);
  } else if (doc.timeml_dct) {
    d.source = DatelineSource::TimeML;
    d.day = doc.timeml_dct;
    d.note = "TimeML document creation time";
  }
  // A header line in the first paragraphs.
  for (size_t i = 0; i < a.paragraphs.size() && i < 4; ++i) {
    const auto s = a.text_of(a.paragraphs[i].span);
    const size_t h = header_length(s, cues);
    if (h == 0) continue;
    const std::string found(s.substr(h - 10, 10));
    std::optional<Date> day, earliest, latest;
    if (!parse_published(found, day, earliest, latest) || !day) {
      // Not a calendar date ("date 2026-02-30"): never a dateline, and said so.
      const auto line = core::utf8::line_column(doc.text, a.paragraphs[i].span.begin).line;
      a.warning = fmt::format("{}:{}: the header line's date {} is not a calendar date; ignored",
                              doc.path, line, found);
      continue;
    }
    if (d.source == DatelineSource::Unknown) {
      d.source = DatelineSource::Header;
      d.day = day;
      d.evidence = a.paragraphs[i].span;
      d.note = fmt::format("header line: {}", s.substr(0, h));
    } else if (d.day && *d.day != *day) {
      a.warning = fmt::format(
          "{}: the manifest says {} (line {}) but the header line says {}; using the manifest",
          doc.path, format_date(*d.day), doc.manifest_line, found);
    }
    break;
  }
  if (d.source != DatelineSource::Unknown) return;
  // A wire-style opening of one of the first body paragraphs (a lead and a repeated headline
  // may come before the story itself).
  int bodies = 0;
  for (const auto& p : a.paragraphs) {
    if (p.repeat || (p.cls != ParagraphClass::Body && p.cls != ParagraphClass::Headline)) continue;
    const auto s = a.text_of(p.span);
    if (auto w = parse_wire_opening(s, words)) {
      int year = w->year;
      std::string year_note;
      if (year == 0 && doc.manifest_earliest &&
          doc.manifest_earliest->year() == doc.manifest_latest->year())
        year = doc.manifest_earliest->year();
      if (year == 0) year = header_year(a, p.span.begin, year_note);
      d.evidence = {p.span.begin, p.span.begin + static_cast<uint32_t>(w->length)};
      d.note =
          fmt::format("wire-style opening: {}{}", text::trim(s.substr(0, w->length)), year_note);
      d.source = DatelineSource::Wire;
      if (year != 0) {
        d.day = core::make_date(year, w->month, w->day);
        if (!d.day) d.source = DatelineSource::Unknown;
        return;
      }
      d.month = w->month;
      d.day_of_month = w->day;
      return;
    }
    if (p.cls == ParagraphClass::Body && ++bodies == 3) break;
  }
  // Only a year or a month from the manifest: an interval.
  if (doc.manifest_earliest) {
    d.source = DatelineSource::Manifest;
    d.earliest = doc.manifest_earliest;
    d.latest = doc.manifest_latest;
    d.note = fmt::format("line {}: published {}", doc.manifest_line, doc.manifest_published);
  }
}

}  // namespace dateline::ingest
