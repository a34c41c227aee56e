#include "extract/evaluation.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.h"
#include "core/yaml.h"
#include "temporal/resolve/calendar.h"
#include "temporal/timex3.h"

namespace dateline::extract {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key))
    for (const auto& x : j[key]) out.push_back(x.get<std::string>());
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  return "[" + fmt::format("{}", fmt::join(v, ", ")) + "]";
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::string> ids(const AnnotatedArticle& a, const std::vector<uint32_t>& actors) {
  std::vector<std::string> out;
  for (uint32_t x : actors) out.push_back(a.actors[x].id);
  return out;
}

std::string value_of(const EventTime& t) {
  return t.value.kind == temporal::Value::Kind::None ? "none" : temporal::timex3_value(t.value);
}

// Every occurrence of `needle` in `text`, as byte spans.
std::vector<core::Span> occurrences(std::string_view text, std::string_view needle) {
  std::vector<core::Span> out;
  for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1))
    out.push_back({static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())});
  return out;
}

bool overlaps(const core::Span& a, const core::Span& b) {
  return a.begin < b.end && b.begin < a.end;
}

std::string quote_text(const AnnotatedArticle& a, const Statement& s) {
  std::string out;
  for (const auto& p : s.parts)
    out += (out.empty() ? "" : " ") + std::string(p.of(a.article.text()));
  return core::text::collapse_spaces(out);
}

// Whether a found time agrees with the expected one (YYYY, YYYY-MM or YYYY-MM-DD): the same
// value, or a finer one inside it ("2027-03-11TEV" for 2027-03-11, "2027-W09" for 2027-03).
bool time_fits(const EventTime& found, const std::string& expected) {
  if (value_of(found) == expected) return true;
  if (found.value.kind != temporal::Value::Kind::Point) return false;
  const auto first = temporal::calendar::first_day(found.value.point);
  const auto last = temporal::calendar::last_day(found.value.point);
  if (!first || !last) return false;
  const int y = std::stoi(expected.substr(0, 4));
  const int m = expected.size() >= 7 ? std::stoi(expected.substr(5, 2)) : 0;
  const int d = expected.size() >= 10 ? std::stoi(expected.substr(8, 2)) : 0;
  const ingest::Date from(static_cast<unsigned short>(y), static_cast<unsigned short>(m ? m : 1),
                          static_cast<unsigned short>(d ? d : 1));
  const ingest::Date to = d   ? from
                          : m ? from.end_of_month()
                              : ingest::Date(static_cast<unsigned short>(y), 12, 31);
  return *first >= from && *last <= to;
}

bool code_fits(const std::string& expected, const std::string& found) {
  return expected.size() == 2 ? found.rfind(expected, 0) == 0 : expected == found;
}

}  // namespace

Expectation Expectation::load(const fs::path& path) {
  const auto doc = core::load_yaml(path, "extraction-expect.schema.json");
  const json& v = doc.value;
  Expectation e;
  e.path = path;
  e.article = path.parent_path() / v["file"].get<std::string>();
  if (v["dateline"].is_string()) e.dateline = v["dateline"].get<std::string>();
  for (const auto& a : v["actors"])
    e.actors.push_back({a["id"], a["kind"], a.value("credit", std::string()), strings(a, "roles")});
  for (size_t i = 0; i < v["events"].size(); ++i) {
    const auto& x = v["events"][i];
    Event ev{x["trigger"],         x["cameo"],           x["time"], x.value("nth", 1),
             strings(x, "source"), strings(x, "target"), 0};
    ev.line = doc.locate("/events/" + std::to_string(i)).line;
    e.events.push_back(std::move(ev));
  }
  e.also = strings(v, "also");
  for (size_t i = 0; i < v["statements"].size(); ++i) {
    const auto& x = v["statements"][i];
    Statement st{x["quote"], x["speaker"], x["verb"], x["time"], 0};
    st.line = doc.locate("/statements/" + std::to_string(i)).line;
    e.statements.push_back(std::move(st));
  }
  e.non_participants = strings(v, "non_participants");
  return e;
}

FactTally& FactTally::operator+=(const FactTally& o) {
  expected += o.expected, found += o.found, exact += o.exact, extra += o.extra;
  code += o.code, source += o.source, target += o.target, time += o.time;
  speaker += o.speaker, verb += o.verb;
  return *this;
}

ExtractScore& ExtractScore::operator+=(const ExtractScore& o) {
  datelines += o.datelines, datelines_right += o.datelines_right;
  actors += o.actors, actors_right += o.actors_right;
  events += o.events;
  statements += o.statements;
  non_participants += o.non_participants, non_participants_right += o.non_participants_right;
  problems.insert(problems.end(), o.problems.begin(), o.problems.end());
  return *this;
}

std::string ExtractScore::header() {
  return fmt::format(
      "{:<24} {:>7} {:>7} | {:>5} {:>6} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} | {:>5} {:>6} {:>5} "
      "{:>5} {:>5} {:>5}\n",
      "article", "dateln", "actors", "ev", "found", "exact", "code", "src", "tgt", "time", "extra",
      "st", "found", "exact", "spkr", "time", "extra");
}

std::string ExtractScore::row() const {
  const auto& e = events;
  const auto& s = statements;
  return fmt::format(
      "{:<24} {:>3}/{:<3} {:>3}/{:<3} | {:>5} {:>6} {:>5} {:>5} {:>5} {:>5} {:>5} {:>5} | {:>5} "
      "{:>6} {:>5} {:>5} {:>5} {:>5}\n",
      name.substr(0, 24), datelines_right, datelines, actors_right, actors, e.expected, e.found,
      e.exact, e.code, e.source, e.target, e.time, e.extra, s.expected, s.found, s.exact, s.speaker,
      s.time, s.extra);
}

std::string ExtractScore::summary() const {
  const auto& e = events;
  const auto& s = statements;
  const auto pct = [](double v) { return fmt::format("{:.1f}%", 100 * v); };
  std::string out;
  out += fmt::format("datelines {}/{}  actors {}/{} ({})  non-participants {}/{}\n",
                     datelines_right, datelines, actors_right, actors,
                     pct(actors ? double(actors_right) / double(actors) : 1.0),
                     non_participants_right, non_participants);
  out += fmt::format(
      "events      recall {}  precision {}  exact {}  code {}  source {}  target {}  time {}\n",
      pct(e.recall()), pct(e.precision()), pct(e.share(e.exact)), pct(e.share(e.code)),
      pct(e.share(e.source)), pct(e.share(e.target)), pct(e.share(e.time)));
  out +=
      fmt::format("statements  recall {}  precision {}  exact {}  speaker {}  verb {}  time {}\n",
                  pct(s.recall()), pct(s.precision()), pct(s.share(s.exact)),
                  pct(s.share(s.speaker)), pct(s.share(s.verb)), pct(s.share(s.time)));
  return out;
}

ExtractScore score(const Expectation& x, const std::vector<AnnotatedArticle>& articles) {
  ExtractScore out;
  out.name = x.path.stem().string();
  const std::string where = x.path.filename().string();
  const auto problem = [&](size_t line, const std::string& what) {
    out.problems.push_back(line ? fmt::format("{}:{}: {}", where, line, what)
                                : fmt::format("{}: {}", where, what));
  };
  if (articles.size() != 1) {
    problem(0, fmt::format("{} articles read from {}, one expected", articles.size(),
                           x.article.string()));
    return out;
  }
  const auto& a = articles.front();
  const std::string_view text = a.article.text();

  out.datelines = 1;
  const std::string dateline =
      a.article.dateline.day ? ingest::format_date(*a.article.dateline.day) : "null";
  if (dateline == x.dateline.value_or("null"))
    out.datelines_right = 1;
  else
    problem(0, fmt::format("dateline {} expected {}", dateline, x.dateline.value_or("null")));

  for (const auto& want : x.actors) {
    ++out.actors;
    const auto it = std::find_if(a.actors.begin(), a.actors.end(),
                                 [&](const auto& y) { return y.id == want.id; });
    if (it == a.actors.end()) {
      problem(0, "actor " + want.id + " not found");
      continue;
    }
    bool right = std::string(to_string(it->kind)) == want.kind;
    if (!right)
      problem(
          0, fmt::format("actor {}: kind {} expected {}", want.id, to_string(it->kind), want.kind));
    for (const auto& role : want.roles)
      if (std::none_of(it->roles.begin(), it->roles.end(),
                       [&](const auto& r) { return core::text::contains_ci(r, role); })) {
        right = false;
        problem(0,
                fmt::format("actor {}: no role '{}' among {}", want.id, role, joined(it->roles)));
      }
    const std::string credit = it->credit == CreditRole::Author         ? "author"
                               : it->credit == CreditRole::Photographer ? "photographer"
                                                                        : "";
    if (credit != want.credit) {
      right = false;
      problem(0, fmt::format("actor {}: credit '{}' expected '{}'", want.id, credit, want.credit));
    }
    if (right) ++out.actors_right;
  }

  // Events: each expected one is the tool's event whose trigger overlaps that occurrence.
  std::vector<bool> used(a.events.size(), false);
  std::vector<core::Span> tolerated;
  for (const auto& t : x.also)
    for (const auto& o : occurrences(text, t)) tolerated.push_back(o);
  for (const auto& want : x.events) {
    ++out.events.expected;
    const auto at = occurrences(text, want.trigger);
    if (static_cast<int>(at.size()) < want.nth) {
      problem(want.line, fmt::format("trigger '{}' occurs {} times, not {}", want.trigger,
                                     at.size(), want.nth));
      continue;
    }
    const core::Span span = at[static_cast<size_t>(want.nth - 1)];
    tolerated.push_back(span);
    size_t k = 0;
    while (k < a.events.size() && (used[k] || !overlaps(a.events[k].trigger, span))) ++k;
    if (k == a.events.size()) {
      problem(want.line, fmt::format("event '{}' ({}) not found", want.trigger, want.cameo));
      continue;
    }
    used[k] = true;
    const auto& e = a.events[k];
    ++out.events.found;
    const bool code = code_fits(want.cameo, e.code);
    const bool source = sorted(ids(a, e.source)) == sorted(want.source);
    const bool target = sorted(ids(a, e.target)) == sorted(want.target);
    const bool time = time_fits(e.time, want.time);
    out.events.code += code, out.events.source += source, out.events.target += target,
        out.events.time += time;
    if (code && source && target && time) {
      ++out.events.exact;
      continue;
    }
    std::string diff;
    if (!code) diff += fmt::format(" code {} expected {};", e.code, want.cameo);
    if (!source)
      diff += fmt::format(" source {} expected {};", joined(ids(a, e.source)), joined(want.source));
    if (!target)
      diff += fmt::format(" target {} expected {};", joined(ids(a, e.target)), joined(want.target));
    if (!time)
      diff += fmt::format(" time {} ({}) expected {};", value_of(e.time), e.time.basis, want.time);
    problem(want.line, fmt::format("event '{}':{}", want.trigger, diff));
  }
  for (size_t k = 0; k < a.events.size(); ++k) {
    if (used[k]) continue;
    const auto& e = a.events[k];
    if (std::any_of(tolerated.begin(), tolerated.end(),
                    [&](const auto& s) { return overlaps(s, e.trigger); }))
      continue;
    ++out.events.extra;
    problem(0, fmt::format("extra event '{}' {} {} -> {}", e.trigger.of(text), e.code,
                           joined(ids(a, e.source)), joined(ids(a, e.target))));
  }

  // Statements: each expected one is the tool's statement whose quote begins with its words.
  std::vector<bool> said(a.statements.size(), false);
  for (const auto& want : x.statements) {
    ++out.statements.expected;
    const std::string opening = core::text::collapse_spaces(want.quote);
    // The quote, or one of its paragraphs when it runs over several.
    const auto begins = [&](const Statement& st) {
      if (quote_text(a, st).rfind(opening, 0) == 0) return true;
      for (const auto& part : st.parts)
        if (core::text::collapse_spaces(part.of(text)).rfind(opening, 0) == 0) return true;
      return false;
    };
    size_t k = 0;
    while (k < a.statements.size() && !begins(a.statements[k])) ++k;
    if (k == a.statements.size()) {
      problem(want.line, fmt::format("statement \"{}\" ({}) not found", want.quote, want.speaker));
      continue;
    }
    said[k] = true;
    const auto& s = a.statements[k];
    ++out.statements.found;
    const std::string speaker = s.speaker ? a.actors[*s.speaker].id : "none";
    const bool who = speaker == want.speaker, verb = s.verb == want.verb,
               time = time_fits(s.time, want.time);
    out.statements.speaker += who, out.statements.verb += verb, out.statements.time += time;
    if (who && verb && time) {
      ++out.statements.exact;
      continue;
    }
    std::string diff;
    if (!who) diff += fmt::format(" speaker {} expected {};", speaker, want.speaker);
    if (!verb) diff += fmt::format(" verb {} expected {};", s.verb, want.verb);
    if (!time)
      diff += fmt::format(" time {} ({}) expected {};", value_of(s.time), s.time.basis, want.time);
    problem(want.line, fmt::format("statement \"{}\":{}", want.quote, diff));
  }
  for (size_t k = 0; k < a.statements.size(); ++k)
    if (!said[k]) {
      ++out.statements.extra;
      problem(0, fmt::format(
                     "extra statement \"{}\" by {}", quote_text(a, a.statements[k]).substr(0, 40),
                     a.statements[k].speaker ? a.actors[*a.statements[k].speaker].id : "none"));
    }

  for (const auto& id : x.non_participants) {
    ++out.non_participants;
    bool takes_part = false;
    for (const auto& e : a.events)
      for (const auto* side : {&e.source, &e.target})
        for (uint32_t y : *side) takes_part = takes_part || a.actors[y].id == id;
    if (takes_part)
      problem(0, id + " takes part in an event");
    else
      ++out.non_participants_right;
  }
  return out;
}

}  // namespace dateline::extract
