#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/export/exports.h"
#include "temporal/timex3.h"

namespace dateline::graph {

namespace {

using nlohmann::json;

// TimelineJS puts headline and text into the page as HTML, so names and quotes are escaped.
std::string html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
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
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// A quote keeps its line breaks on the page.
std::string html_lines(std::string_view s) {
  const std::string escaped = html(s);
  std::string out;
  for (const char c : escaped) {
    if (c == '\n')
      out += "<br>";
    else
      out += c;
  }
  return out;
}

std::string count(size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// "e:2" before "e:12": runs of digits compare by value, the rest byte by byte.
bool natural_less(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && digit(a[ie])) ++ie;
      while (je < b.size() && digit(b[je])) ++je;
      // Leading zeros do not change the value; a longer run without them is larger.
      std::string_view x = a.substr(i, ie - i), y = b.substr(j, je - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
  return a < b;  // equal by value ("e:02" and "e:2"): still a strict order
}

json date_object(const temporal::Date& d) {
  return {{"year", temporal::year_of(d)},
          {"month", temporal::month_of(d)},
          {"day", temporal::day_of(d)}};
}

struct Slide {
  DayRange range;
  std::string id;
  json body;
};

// The slide dates of a fact, or nothing when it is not dated at least to the year (no date, a
// duration, "the past", a decade, a weekday of unknown week).
std::optional<std::pair<DayRange, json>> slide_dates(const temporal::Value& v) {
  if (v.kind != temporal::Value::Kind::Point) return std::nullopt;
  const temporal::Point& p = v.point;
  if (p.gran == temporal::Unit::None || p.gran > temporal::Unit::Year) return std::nullopt;
  const auto range = day_range(v);
  if (!range) return std::nullopt;
  json dates;
  if (p.gran == temporal::Unit::Year) {
    // A bare year reads best as just the year; an end date would draw it as a span.
    dates["start_date"] = {{"year", temporal::year_of(range->first)}};
    return std::make_pair(*range, std::move(dates));
  }
  dates["start_date"] = date_object(range->first);
  if (p.gran < temporal::Unit::Day && p.hour != temporal::kUnknown) {
    dates["start_date"]["hour"] = p.hour;
    if (p.minute != temporal::kUnknown) dates["start_date"]["minute"] = p.minute;
  }
  if (range->last != range->first) dates["end_date"] = date_object(range->last);
  return std::make_pair(*range, std::move(dates));
}

std::string actor_names(const Graph& g, const std::vector<uint32_t>& actors) {
  std::string out;
  for (uint32_t a : actors) {
    if (a >= g.actors.size()) continue;
    if (!out.empty()) out += ", ";
    out += g.actors[a].name;
  }
  return out;
}

// Where a fact was reported, once per article, and the dates the reports give when they
// disagree: a reader of the timeline should see that the date is contested.
std::string reports_html(const Graph& g, const std::vector<Mention>& mentions, int conflict) {
  std::vector<uint32_t> seen;
  std::string titles;
  for (const auto& m : mentions) {
    if (m.article >= g.articles.size()) continue;
    if (std::find(seen.begin(), seen.end(), m.article) != seen.end()) continue;
    seen.push_back(m.article);
    const auto& r = g.articles[m.article];
    if (!titles.empty()) titles += "; ";
    titles += "<i>" + html(r.title.empty() ? r.id : r.title) + "</i>";
  }
  std::string out;
  if (!titles.empty()) out += "<p>Reported in: " + titles + ".</p>";
  if (conflict >= 0 && static_cast<size_t>(conflict) < g.conflicts.size()) {
    std::string stated;
    for (const auto& s : g.conflicts[static_cast<size_t>(conflict)].stated) {
      if (s.article >= g.articles.size()) continue;
      const auto& r = g.articles[s.article];
      if (!stated.empty()) stated += "; ";
      stated +=
          html(r.title.empty() ? r.id : r.title) + ": " + html(temporal::timex3_value(s.date));
    }
    out += "<p>Reports disagree on the date (" + stated + ").</p>";
  }
  return out;
}

}  // namespace

std::string to_timelinejs(const Graph& g) {
  require_linked(g);
  std::vector<Slide> slides;
  size_t dated_events = 0, dated_statements = 0;

  for (const auto& e : g.events) {
    auto dates = slide_dates(e.date.value);
    if (!dates) continue;
    ++dated_events;
    json body = std::move(dates->second);
    std::string text;
    const std::string source = actor_names(g, e.source), target = actor_names(g, e.target);
    if (!source.empty()) text += "<p>By: " + html(source) + ".</p>";
    if (!target.empty()) text += "<p>Towards: " + html(target) + ".</p>";
    if (!e.place.empty()) text += "<p>Where: " + html(e.place) + ".</p>";
    text += reports_html(g, e.mentions, e.date.conflict);
    const std::string& headline = !e.label.empty() ? e.label : !e.code.empty() ? e.code : e.id;
    body["text"] = {{"headline", html(headline)}, {"text", text}};
    // TimelineJS gives each group its own row: events of one actor line up.
    if (!e.source.empty() && e.source.front() < g.actors.size())
      body["group"] = html(g.actors[e.source.front()].name);
    body["unique_id"] = e.id;
    slides.push_back({dates->first, e.id, std::move(body)});
  }

  for (const auto& st : g.statements) {
    auto dates = slide_dates(st.date.value);
    if (!dates) continue;
    ++dated_statements;
    json body = std::move(dates->second);
    const bool has_speaker = st.speaker != kNone && st.speaker < g.actors.size();
    const std::string speaker = has_speaker ? g.actors[st.speaker].name : "Unattributed";
    const std::string headline = speaker + " " + (st.verb.empty() ? "said" : st.verb);
    std::string text =
        "<blockquote>\xE2\x80\x9C" + html_lines(st.quote) + "\xE2\x80\x9D</blockquote>";
    text += reports_html(g, st.mentions, st.date.conflict);
    body["text"] = {{"headline", html(headline)}, {"text", text}};
    if (has_speaker) body["group"] = html(speaker);
    body["unique_id"] = st.id;
    slides.push_back({dates->first, st.id, std::move(body)});
  }

  std::sort(slides.begin(), slides.end(), [](const Slide& x, const Slide& y) {
    if (x.range.first != y.range.first) return x.range.first < y.range.first;
    if (x.range.last != y.range.last) return x.range.last < y.range.last;
    return natural_less(x.id, y.id);
  });

  json doc;
  doc["title"] = {{"text",
                   {{"headline", "Dateline"},
                    {"text", count(dated_events, "dated event") + " and " +
                                 count(dated_statements, "dated statement") + " from " +
                                 count(g.articles.size(), "article")}}}};
  doc["events"] = json::array();
  for (auto& s : slides) doc["events"].push_back(std::move(s.body));
  // Invalid UTF-8 in an article must not make the export throw; it becomes U+FFFD.
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace dateline::graph
