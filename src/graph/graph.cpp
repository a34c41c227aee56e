#include "graph/graph.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "graph/facts.h"
#include "temporal/resolve/calendar.h"

namespace dateline::graph {

namespace {
constexpr std::array<std::string_view, 9> kEdgeNames = {
    "source-of",       "target-of",       "said",  "about", "mentioned-in", "author-of",
    "photographer-of", "affiliated-with", "before"};
}  // namespace

std::string_view to_string(NodeKind k) {
  switch (k) {
    case NodeKind::Actor:
      return "actor";
    case NodeKind::Event:
      return "event";
    case NodeKind::Statement:
      return "statement";
    case NodeKind::Article:
      return "article";
  }
  return "";
}

std::string_view to_string(EdgeKind k) {
  return kEdgeNames[static_cast<size_t>(k)];
}

std::optional<EdgeKind> edge_kind_from(std::string_view s) {
  for (size_t i = 0; i < kEdgeNames.size(); ++i)
    if (kEdgeNames[i] == s) return static_cast<EdgeKind>(i);
  return std::nullopt;
}

std::optional<DayRange> day_range(const temporal::Value& v) {
  if (v.kind != temporal::Value::Kind::Point) return std::nullopt;
  const auto first = temporal::calendar::first_day(v.point);
  const auto last = temporal::calendar::last_day(v.point);
  if (!first || !last) return std::nullopt;
  return DayRange{*first, *last};
}

void Graph::link() {
  g_ = BoostGraph(actors.size() + events.size() + statements.size() + articles.size());
  first_[0] = 0;
  first_[1] = static_cast<uint32_t>(actors.size());
  first_[2] = first_[1] + static_cast<uint32_t>(events.size());
  first_[3] = first_[2] + static_cast<uint32_t>(statements.size());
  const auto set = [&](NodeKind k, size_t n) {
    for (uint32_t i = 0; i < n; ++i) g_[vertex(k, i)] = {k, i};
  };
  set(NodeKind::Actor, actors.size());
  set(NodeKind::Event, events.size());
  set(NodeKind::Statement, statements.size());
  set(NodeKind::Article, articles.size());
  const auto add = [&](Vertex a, Vertex b, EdgeKind k, uint32_t mention = kNone) {
    boost::add_edge(a, b, EdgeProps{k, mention}, g_);
  };
  for (uint32_t a = 0; a < actors.size(); ++a)
    for (uint32_t to : actors[a].affiliations)
      add(vertex(NodeKind::Actor, a), vertex(NodeKind::Actor, to), EdgeKind::AffiliatedWith);
  for (uint32_t e = 0; e < events.size(); ++e) {
    const auto& ev = events[e];
    const Vertex v = vertex(NodeKind::Event, e);
    for (uint32_t a : ev.source) add(vertex(NodeKind::Actor, a), v, EdgeKind::SourceOf);
    for (uint32_t a : ev.target) add(vertex(NodeKind::Actor, a), v, EdgeKind::TargetOf);
    for (uint32_t m = 0; m < ev.mentions.size(); ++m)
      add(v, vertex(NodeKind::Article, ev.mentions[m].article), EdgeKind::MentionedIn, m);
  }
  for (uint32_t s = 0; s < statements.size(); ++s) {
    const auto& st = statements[s];
    const Vertex v = vertex(NodeKind::Statement, s);
    if (st.speaker != kNone) add(vertex(NodeKind::Actor, st.speaker), v, EdgeKind::Said);
    for (uint32_t a : st.about_actors) add(v, vertex(NodeKind::Actor, a), EdgeKind::About);
    for (uint32_t e : st.about_events) add(v, vertex(NodeKind::Event, e), EdgeKind::About);
    for (uint32_t m = 0; m < st.mentions.size(); ++m)
      add(v, vertex(NodeKind::Article, st.mentions[m].article), EdgeKind::MentionedIn, m);
  }
  for (uint32_t r = 0; r < articles.size(); ++r)
    for (const auto& c : articles[r].credits)
      add(vertex(NodeKind::Actor, c.actor), vertex(NodeKind::Article, r),
          c.role == extract::CreditRole::Photographer ? EdgeKind::PhotographerOf
                                                      : EdgeKind::AuthorOf);
  // before: each actor's events in the order of their (day-precise or coarser) dates; only
  // dates that do not overlap are ordered.
  std::vector<std::vector<uint32_t>> by_actor(actors.size());
  for (uint32_t e = 0; e < events.size(); ++e) {
    std::vector<uint32_t> who = events[e].source;
    who.insert(who.end(), events[e].target.begin(), events[e].target.end());
    sort_unique(who);
    for (uint32_t a : who) by_actor[a].push_back(e);
  }
  std::vector<std::pair<uint32_t, uint32_t>> before;
  for (auto& list : by_actor) {
    std::vector<std::pair<DayRange, uint32_t>> dated;
    for (uint32_t e : list)
      if (const auto r = day_range(events[e].date.value)) dated.push_back({*r, e});
    std::sort(dated.begin(), dated.end(), [](const auto& x, const auto& y) {
      if (x.first.first != y.first.first) return x.first.first < y.first.first;
      if (x.first.last != y.first.last) return x.first.last < y.first.last;
      return x.second < y.second;
    });
    for (size_t i = 0; i + 1 < dated.size(); ++i) {
      // The next event that starts after this one ends.
      for (size_t j = i + 1; j < dated.size(); ++j)
        if (dated[j].first.first > dated[i].first.last) {
          before.push_back({dated[i].second, dated[j].second});
          break;
        }
    }
  }
  sort_unique(before);
  for (const auto& [a, b] : before)
    add(vertex(NodeKind::Event, a), vertex(NodeKind::Event, b), EdgeKind::Before);
}

Vertex Graph::vertex(NodeKind k, uint32_t index) const {
  return first_[static_cast<size_t>(k)] + index;
}

std::string Graph::id_of(Vertex v) const {
  const auto& p = g_[v];
  switch (p.kind) {
    case NodeKind::Actor:
      return actors[p.index].id;
    case NodeKind::Event:
      return events[p.index].id;
    case NodeKind::Statement:
      return statements[p.index].id;
    case NodeKind::Article:
      return articles[p.index].id;
  }
  return {};
}

std::string Graph::name_of(Vertex v) const {
  const auto& p = g_[v];
  switch (p.kind) {
    case NodeKind::Actor:
      return actors[p.index].name;
    case NodeKind::Event:
      return events[p.index].label;
    case NodeKind::Statement:
      return statements[p.index].quote;
    case NodeKind::Article:
      return articles[p.index].title.empty() ? articles[p.index].id : articles[p.index].title;
  }
  return {};
}

uint32_t Graph::find_actor(std::string_view id_or_name) const {
  for (uint32_t a = 0; a < actors.size(); ++a) {
    if (actors[a].id == id_or_name || core::text::equals_ci(actors[a].name, id_or_name)) return a;
  }
  for (uint32_t a = 0; a < actors.size(); ++a)
    for (const auto& n : actors[a].names)
      if (core::text::equals_ci(n, id_or_name)) return a;
  return kNone;
}

}  // namespace dateline::graph
