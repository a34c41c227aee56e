#include "query/executor.h"

#include <algorithm>
#include <climits>

#include <fmt/format.h>
#include <boost/date_time/gregorian/gregorian.hpp>

#include "core/error.h"
#include "core/files.h"
#include "core/text.h"
#include "graph/algorithms.h"
#include "graph/facts.h"
#include "query/error.h"
#include "query/suggest.h"
#include "render/render.h"
#include "temporal/timex3.h"

namespace dateline::query {

namespace {

bool in(const std::vector<uint32_t>& sorted, uint32_t x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

bool any_in(const std::vector<uint32_t>& who, const std::vector<uint32_t>& sorted) {
  return std::any_of(who.begin(), who.end(), [&](uint32_t a) { return in(sorted, a); });
}

// The latest day any article's dateline reaches.
std::optional<temporal::Date> latest_dateline(const graph::Graph& g) {
  std::optional<temporal::Date> latest;
  for (const auto& a : g.articles) {
    const std::string_view d = a.dateline;
    const auto v = temporal::value_from_timex3(d.substr(d.find('/') + 1));
    const auto range = v ? graph::day_range(*v) : std::nullopt;
    if (range && (!latest || range->last > *latest)) latest = range->last;
  }
  return latest;
}

[[noreturn]] void fail_at(const Phrase& p, const std::string& what,
                          std::vector<std::string> suggestions = {}) {
  throw QueryError(what, p.begin, p.end, std::move(suggestions));
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Path::Link link_between(const graph::BoostGraph& b, graph::Vertex u, graph::Vertex v) {
  if (const auto [e, ok] = boost::edge(u, v, b); ok) return {b[e].kind, true};
  if (const auto [e, ok] = boost::edge(v, u, b); ok) return {b[e].kind, false};
  return {};
}

// Keeps rows up to a limit while counting them all.
template <typename T>
void keep_row(std::vector<T>& rows, size_t& total, size_t limit, T row) {
  ++total;
  if (limit == 0 || rows.size() < limit) rows.push_back(std::move(row));
}

}  // namespace

// The filters of a query with names, articles and dates looked up.
struct Executor::Resolved {
  std::vector<std::vector<uint32_t>> actors;  // per actor filter: the actors it names, sorted
  std::vector<Role> roles;
  int32_t from = INT32_MIN, to = INT32_MAX;
  bool dated = false;
  std::vector<std::vector<bool>> articles;  // per article or outlet filter: the articles it allows

  bool in_dates(const Days& d) const { return !dated || d.touch(from, to); }
  bool in_articles(const std::vector<graph::Mention>& mentions) const {
    for (const auto& mask : articles)
      if (std::none_of(mentions.begin(), mentions.end(),
                       [&](const graph::Mention& m) { return mask[m.article]; }))
        return false;
    return true;
  }
};

Executor::Executor(const graph::Graph& g, Loaders loaders, ArticleTexts texts,
                   std::optional<temporal::Date> now)
    : g_(g),
      index_(g),
      theme_(std::move(loaders.theme)),
      dates_(std::move(loaders.engine)),
      texts_(std::move(texts)) {
  if (!now) now = latest_dateline(g);
  now_ = now ? *now : boost::gregorian::day_clock::local_day();
}

std::vector<uint32_t> Executor::actors(const Phrase& p) const {
  auto found = index_.actors_named(p.text);
  if (found.empty())
    fail_at(p, fmt::format("no actor named '{}'", p.text), closest(p.text, index_.names()));
  return found;
}

uint32_t Executor::one_actor(const Phrase& p) const {
  const auto found = actors(p);
  if (found.size() == 1) return found.front();
  std::vector<std::string> ids;
  for (uint32_t a : found)
    if (ids.size() < 5) ids.push_back(g_.actors[a].id);
  fail_at(p, fmt::format("'{}' names {} actors; give one by its id", p.text, found.size()), ids);
}

namespace {

// The articles an `article` filter allows: the one with this id, else those whose id starts so.
std::vector<bool> article_mask(const graph::Graph& g, const Phrase& p) {
  std::vector<bool> mask(g.articles.size(), false);
  bool any = false;
  for (size_t a = 0; a < g.articles.size(); ++a)
    if (g.articles[a].id == p.text) mask[a] = any = true;
  for (size_t a = 0; a < g.articles.size() && !any; ++a)
    if (g.articles[a].id.rfind(p.text, 0) == 0) mask[a] = true;
  if (std::find(mask.begin(), mask.end(), true) != mask.end()) return mask;
  std::vector<std::string> ids;
  for (const auto& a : g.articles) ids.push_back(a.id);
  fail_at(p, fmt::format("no article '{}'", p.text), closest(p.text, ids));
}

// The articles of the outlets whose name is, or holds, the words.
std::vector<bool> outlet_mask(const graph::Graph& g, const Phrase& p) {
  std::vector<bool> mask(g.articles.size(), false);
  bool any = false;
  for (size_t a = 0; a < g.articles.size(); ++a)
    if (core::text::contains_ci(g.articles[a].source, p.text)) mask[a] = any = true;
  if (any) return mask;
  std::vector<std::string> outlets;
  for (const auto& a : g.articles)
    if (!a.source.empty()) outlets.push_back(a.source);
  graph::sort_unique(outlets);
  fail_at(p, fmt::format("no outlet named '{}'", p.text), closest(p.text, outlets));
}

}  // namespace

Executor::Resolved Executor::resolve(const Filters& f) const {
  Resolved r;
  for (const auto& a : f.actors) {
    r.actors.push_back(actors(a.name));
    r.roles.push_back(a.role);
  }
  if (f.from) r.from = day_number(dates_.days(*f.from, now_).first);
  if (f.to) r.to = day_number(dates_.days(*f.to, now_).last);
  r.dated = f.from || f.to;
  if (r.from > r.to)
    throw QueryError(
        fmt::format("the dates run backwards: {} is after {}", f.from->text, f.to->text),
        std::min(f.from->begin, f.to->begin), std::max(f.from->end, f.to->end));
  for (const auto& p : f.articles) r.articles.push_back(article_mask(g_, p));
  for (const auto& p : f.outlets) r.articles.push_back(outlet_mask(g_, p));
  return r;
}

void Executor::select(const Resolved& r, std::string cameo) {
  selection_ = {};
  if (!r.actors.empty() && r.actors.front().size() == 1) selection_.actor = r.actors.front()[0];
  if (r.from != INT32_MIN) selection_.from = date_of(r.from);
  if (r.to != INT32_MAX) selection_.to = date_of(r.to);
  selection_.cameo = std::move(cameo);
}

namespace {

// The facts of several actors (same-named ones) in date order, each once.
template <typename ListOf, typename Before>
std::vector<uint32_t> merged(const std::vector<uint32_t>& actors, ListOf list_of, Before before) {
  std::vector<uint32_t> out;
  for (uint32_t a : actors) {
    const auto list = list_of(a);
    out.insert(out.end(), list.begin(), list.end());
  }
  graph::sort_unique(out);
  std::sort(out.begin(), out.end(), before);
  return out;
}

// The facts of `order` (in date order) that hold, up to a limit, counting them all; the scan
// stops at the first fact that starts after the last day asked for.
template <typename DaysOf, typename Holds>
void scan(std::span<const uint32_t> order, int32_t last_day, DaysOf days_of, Holds holds,
          size_t limit, std::vector<uint32_t>& rows, size_t& total) {
  for (uint32_t fact : order) {
    if (days_of(fact).first > last_day) break;
    if (holds(fact)) keep_row(rows, total, limit, fact);
  }
}

}  // namespace

Result Executor::run(const EventsQuery& q) {
  for (const auto& c : q.codes)
    if (!digits(c.text)) fail_at(c, "a CAMEO code is digits: 19, 190, 0231");
  const Resolved r = resolve(q.filters);
  const auto holds = [&](uint32_t e) {
    // The days first: they lie together in the index, the events' tables do not.
    if (!r.in_dates(index_.event_days(e))) return false;
    const auto& ev = g_.events[e];
    for (size_t i = 0; i < r.actors.size(); ++i) {
      const bool source = r.roles[i] != Role::Target && any_in(ev.source, r.actors[i]);
      const bool target = r.roles[i] != Role::Source && any_in(ev.target, r.actors[i]);
      if (!source && !target) return false;
    }
    if (!q.codes.empty() && std::none_of(q.codes.begin(), q.codes.end(), [&](const Phrase& c) {
          return ev.code.rfind(c.text, 0) == 0;
        }))
      return false;
    for (const auto& l : q.labels)
      if (!core::text::contains_ci(ev.label, l.text)) return false;
    return r.in_articles(ev.mentions);
  };
  // Candidates in date order: the events of the first actor filter's actors, or all.
  std::vector<uint32_t> merged_lists;
  std::span<const uint32_t> candidates = index_.events_in_order();
  if (!r.actors.empty() && r.actors.front().size() == 1) {
    candidates = index_.events_of(r.actors.front().front());
  } else if (!r.actors.empty()) {
    merged_lists = merged(
        r.actors.front(), [&](uint32_t a) { return index_.events_of(a); },
        [&](uint32_t a, uint32_t b) { return index_.event_before(a, b); });
    candidates = merged_lists;
  }
  EventList out;
  scan(
      candidates, r.to, [&](uint32_t e) { return index_.event_days(e); }, holds, q.filters.limit,
      out.events, out.total);
  select(r, q.codes.empty() ? std::string() : q.codes.front().text);
  return out;
}

Result Executor::run(const StatementsQuery& q) {
  // "about e12" is about an event; any other "about" names an actor.
  Filters f = q.filters;
  std::vector<uint32_t> about_events;
  std::erase_if(f.actors, [&](const ActorFilter& a) {
    const uint32_t e = a.role == Role::Target ? index_.event(a.name.text) : graph::kNone;
    if (e != graph::kNone) about_events.push_back(e);
    return e != graph::kNone;
  });
  const Resolved r = resolve(f);
  const auto holds = [&](uint32_t s) {
    if (!r.in_dates(index_.statement_days(s))) return false;
    const auto& st = g_.statements[s];
    for (size_t i = 0; i < r.actors.size(); ++i) {
      const bool by = r.roles[i] != Role::Target && in(r.actors[i], st.speaker);
      const bool about = r.roles[i] != Role::Source && any_in(st.about_actors, r.actors[i]);
      if (!by && !about) return false;
    }
    for (uint32_t e : about_events)
      if (std::find(st.about_events.begin(), st.about_events.end(), e) == st.about_events.end())
        return false;
    for (const auto& words : q.quotes)
      if (!core::text::contains_ci(st.quote, words.text)) return false;
    return r.in_articles(st.mentions);
  };
  std::vector<uint32_t> candidates;
  if (!r.actors.empty()) {
    const Role role = r.roles.front();
    candidates = merged(
        r.actors.front(),
        [&](uint32_t a) {
          std::vector<uint32_t> list;
          if (role != Role::Target) list.assign(index_.said_by(a).begin(), index_.said_by(a).end());
          if (role != Role::Source)
            list.insert(list.end(), index_.about(a).begin(), index_.about(a).end());
          return list;
        },
        [&](uint32_t a, uint32_t b) { return index_.statement_before(a, b); });
  }
  StatementList out;
  scan(
      r.actors.empty() ? index_.statements_in_order() : candidates, r.to,
      [&](uint32_t s) { return index_.statement_days(s); }, holds, q.filters.limit, out.statements,
      out.total);
  select(r);
  return out;
}

Result Executor::run(const TimelineQuery& q) {
  Timeline out;
  out.actors = actors(q.actor);
  const Resolved r = resolve(q.filters);
  struct Entry {
    Days days;
    TimelineEntry entry;
  };
  std::vector<Entry> all;
  const auto add = [&](graph::NodeKind kind, uint32_t index, Days days, std::string role) {
    if (r.in_dates(days)) all.push_back({days, {kind, index, std::move(role)}});
  };
  for (uint32_t a : out.actors) {
    for (uint32_t e : index_.events_of(a))
      add(graph::NodeKind::Event, e, index_.event_days(e),
          in(g_.events[e].source, a) ? "source" : "target");
    for (uint32_t s : index_.said_by(a))
      add(graph::NodeKind::Statement, s, index_.statement_days(s), "speaker");
    for (uint32_t s : index_.about(a))
      add(graph::NodeKind::Statement, s, index_.statement_days(s), "about");
  }
  std::stable_sort(all.begin(), all.end(), [](const Entry& x, const Entry& y) {
    return std::tie(x.days.first, x.days.last, x.entry.kind, x.entry.index) <
           std::tie(y.days.first, y.days.last, y.entry.kind, y.entry.index);
  });
  // One row per fact, with the first part found (speaker before about).
  all.erase(std::unique(all.begin(), all.end(),
                        [](const Entry& x, const Entry& y) {
                          return x.entry.kind == y.entry.kind && x.entry.index == y.entry.index;
                        }),
            all.end());
  for (auto& e : all) keep_row(out.entries, out.total, q.filters.limit, std::move(e.entry));
  select(r);
  if (out.actors.size() == 1) selection_.actor = out.actors.front();
  return out;
}

Result Executor::run(const PathQuery& q) {
  Path out;
  out.from = one_actor(q.from);
  out.to = one_actor(q.to);
  if (!paths_) paths_ = std::make_unique<graph::PathFinder>(g_);
  out.vertices = (*paths_)(out.from, out.to);
  for (size_t i = 0; i + 1 < out.vertices.size(); ++i)
    out.links.push_back(link_between(g_.boost(), out.vertices[i], out.vertices[i + 1]));
  selection_ = {};
  selection_.actor = out.from;
  selection_.depth = std::max<int>(1, static_cast<int>(out.vertices.size()) / 2);
  return out;
}

Result Executor::run(const NeighboursQuery& q) {
  Neighbours out;
  out.actor = one_actor(q.actor);
  out.depth = q.depth;
  for (const auto& [a, distance] : graph::ego_network(g_, out.actor, q.depth))
    if (a != out.actor) out.actors.push_back({a, distance});
  selection_ = {};
  selection_.actor = out.actor;
  selection_.depth = q.depth;
  return out;
}

Result Executor::run(const SourcesQuery& q) {
  Sources out;
  const std::vector<graph::Mention>* mentions = nullptr;
  if (const uint32_t e = index_.event(q.fact.text); e != graph::kNone) {
    out = {graph::NodeKind::Event, e, {}};
    mentions = &g_.events[e].mentions;
  } else if (const uint32_t s = index_.statement(q.fact.text); s != graph::kNone) {
    out = {graph::NodeKind::Statement, s, {}};
    mentions = &g_.statements[s].mentions;
  } else {
    fail_at(q.fact,
            fmt::format("no event or statement '{}' (ids look like e12 or s4)", q.fact.text));
  }
  for (const auto& m : *mentions) {
    Sources::Sentence s;
    s.found = texts_.sentence(g_, m, s.text);
    out.sentences.push_back(std::move(s));
  }
  return out;
}

Result Executor::run(const ConflictsQuery& q) {
  const Resolved r = resolve(q.filters);
  ConflictList out;
  for (uint32_t c = 0; c < g_.conflicts.size(); ++c) {
    const auto& con = g_.conflicts[c];
    const bool event = con.of == graph::Conflict::Of::Event;
    std::vector<uint32_t> who;
    if (event) {
      who = g_.events[con.index].source;
      who.insert(who.end(), g_.events[con.index].target.begin(), g_.events[con.index].target.end());
    } else {
      who = g_.statements[con.index].about_actors;
      who.push_back(g_.statements[con.index].speaker);
    }
    const bool actors_hold = std::all_of(r.actors.begin(), r.actors.end(),
                                         [&](const auto& set) { return any_in(who, set); });
    const Days days = event ? index_.event_days(con.index) : index_.statement_days(con.index);
    const auto& mentions =
        event ? g_.events[con.index].mentions : g_.statements[con.index].mentions;
    if (actors_hold && r.in_dates(days) && r.in_articles(mentions))
      keep_row(out.conflicts, out.total, q.filters.limit, c);
  }
  select(r);
  return out;
}

Result Executor::run(const ProfileQuery& q) {
  Profile out;
  out.actor = one_actor(q.actor);
  const uint32_t a = out.actor;
  int32_t first = INT32_MAX, last = INT32_MIN;
  const auto seen = [&](const Days& d) {
    if (!d.known()) return;
    first = std::min(first, d.first);
    last = std::max(last, d.last);
  };
  for (uint32_t e : index_.events_of(a)) {
    seen(index_.event_days(e));
    out.as_source += in(g_.events[e].source, a) ? 1 : 0;
    out.as_target += in(g_.events[e].target, a) ? 1 : 0;
  }
  for (uint32_t s : index_.said_by(a)) seen(index_.statement_days(s));
  for (uint32_t s : index_.about(a)) seen(index_.statement_days(s));
  out.said = index_.said_by(a).size();
  out.about = index_.about(a).size();
  if (first <= last) {
    out.first_seen = date_of(first);
    out.last_seen = date_of(last);
  }
  for (uint32_t m = 0; m < g_.actors.size(); ++m) {
    const auto& aff = g_.actors[m].affiliations;
    if (std::find(aff.begin(), aff.end(), a) != aff.end()) out.members.push_back(m);
  }
  selection_ = {};
  selection_.actor = a;
  return out;
}

Result Executor::run(const StatsQuery&) {
  Stats s;
  s.articles = g_.articles.size();
  std::vector<std::string> outlets;
  for (const auto& a : g_.articles) {
    if (!a.source.empty()) outlets.push_back(a.source);
    s.inferred_datelines += a.dateline_source == "inferred" ? 1 : 0;
    s.undated_articles += a.dateline.empty() ? 1 : 0;
  }
  graph::sort_unique(outlets);
  s.outlets = outlets.size();
  s.actors = g_.actors.size();
  for (const auto& a : g_.actors) {
    s.persons += a.kind == extract::ActorKind::Person ? 1 : 0;
    s.organisations += a.kind == extract::ActorKind::Organisation ? 1 : 0;
    s.countries += a.kind == extract::ActorKind::Country ? 1 : 0;
    s.groups += a.kind == extract::ActorKind::Group ? 1 : 0;
  }
  s.events = g_.events.size();
  s.statements = g_.statements.size();
  s.conflicts = g_.conflicts.size();
  int32_t first = INT32_MAX, last = INT32_MIN;
  const auto seen = [&](const Days& d, size_t& dated) {
    if (!d.known()) return;
    ++dated;
    first = std::min(first, d.first);
    last = std::max(last, d.last);
  };
  for (uint32_t e = 0; e < s.events; ++e) seen(index_.event_days(e), s.dated_events);
  for (uint32_t t = 0; t < s.statements; ++t) seen(index_.statement_days(t), s.dated_statements);
  if (first <= last) {
    s.first = date_of(first);
    s.last = date_of(last);
  }
  std::vector<uint32_t> order(g_.actors.size());
  for (uint32_t a = 0; a < order.size(); ++a) order[a] = a;
  const auto more = [&](uint32_t x, uint32_t y) {
    return g_.actors[x].mentions > g_.actors[y].mentions;
  };
  const size_t top = std::min<size_t>(5, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                    [&](uint32_t x, uint32_t y) { return more(x, y) || (!more(y, x) && x < y); });
  for (size_t i = 0; i < top; ++i)
    if (g_.actors[order[i]].mentions > 0) s.most_mentioned.push_back(order[i]);
  return s;
}

namespace {

// What a selection draws, in words.
std::string describe(const graph::Graph& g, const Selection& s) {
  std::vector<std::string> parts;
  if (s.actor)
    parts.push_back(fmt::format("{} and the actors within {} of it", g.actors[*s.actor].name,
                                s.depth == 1 ? "1 step" : fmt::format("{} steps", s.depth)));
  if (s.from) parts.push_back("from " + boost::gregorian::to_iso_extended_string(*s.from));
  if (s.to) parts.push_back("to " + boost::gregorian::to_iso_extended_string(*s.to));
  if (!s.cameo.empty()) parts.push_back("CAMEO " + s.cameo);
  if (parts.empty()) return "the whole graph";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

Result Executor::run(const RenderCommand& q) {
  const bool timeline = q.diagram == RenderCommand::Diagram::Timeline;
  render::Filter f;
  if (selection_.actor) f.actor = g_.actors[*selection_.actor].id;
  f.depth = selection_.depth;
  f.from = selection_.from;
  f.to = selection_.to;
  f.cameo = selection_.cameo;
  std::string left_out;
  try {
    const auto format = render::format_of(q.file.text);
    if (!theme_) throw core::Error("this session has no theme to draw with");
    const auto& theme = theme_();
    core::write_file_atomically(q.file.text,
                                timeline ? render::timeline(g_, f, theme, format)
                                         : render::relations(g_, f, theme, format, &left_out));
  } catch (const core::Error& e) {
    fail_at(q.file, e.what());
  }
  return Message{fmt::format("wrote {}: the {} of {}{}", q.file.text,
                             timeline ? "timeline" : "relationship diagram",
                             describe(g_, selection_), left_out.empty() ? "" : "\n" + left_out)};
}

Result Executor::run(const SetNow& q) {
  const temporal::Value v = dates_.value(q.date, now_);
  const auto range = graph::day_range(v);
  if (v.point.gran != temporal::Unit::Day || !range || range->first != range->last)
    fail_at(q.date,
            fmt::format("now must be one day, like 2026-03-02, not {}", temporal::timex3_value(v)));
  now_ = range->first;
  return Message{fmt::format("now is {}", boost::gregorian::to_iso_extended_string(now_))};
}

}  // namespace dateline::query
