// The relationship diagram: actors as nodes grouped by country or affiliation, their events
// aggregated into one edge per direction and CAMEO root category, laid out by dot.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "graph/algorithms.h"
#include "render/canvas.h"
#include "render/escape.h"
#include "render/select.h"

namespace dateline::render {

namespace {

constexpr size_t kNameChars = 32;
constexpr size_t kNamesInNote = 8;

struct Shown {
  std::vector<uint32_t> actors;  // drawn, in index order
  std::vector<char> drawn;       // per actor
  std::vector<uint32_t> left_out;
  std::vector<double> centrality;  // computed only when the cap bites
};

// How many more actors than the cap are ranked by centrality: the rest, the least active, are
// left out unranked (Brandes' cost grows with actors times links).
constexpr size_t kRankedPerShown = 4;
constexpr size_t kRankedAtLeast = 400;

// The actors the kept facts involve; when there are more than the cap, the most central of the
// most active ones (betweenness among them, then activity).
Shown shown_of(const graph::Graph& g, const Selection& sel, size_t cap) {
  std::vector<size_t> activity(g.actors.size(), 0);
  const auto count = [&](const std::vector<uint32_t>& actors) {
    for (uint32_t a : actors)
      if (sel.allowed[a]) ++activity[a];
  };
  for (uint32_t e : sel.events) count(event_actors(g.events[e]));
  for (uint32_t s : sel.statements) count(statement_actors(g.statements[s]));
  Shown out;
  std::vector<uint32_t> candidates;
  for (uint32_t a = 0; a < g.actors.size(); ++a)
    if (activity[a] > 0 || a == sel.focus) candidates.push_back(a);
  if (candidates.size() > cap) {
    const auto by_activity = [&](uint32_t a) {
      return std::make_tuple(a != sel.focus, -static_cast<long>(activity[a]),
                             -static_cast<long>(g.actors[a].mentions), a);
    };
    std::sort(candidates.begin(), candidates.end(),
              [&](uint32_t x, uint32_t y) { return by_activity(x) < by_activity(y); });
    const size_t pool =
        std::min(candidates.size(), std::max(cap * kRankedPerShown, kRankedAtLeast));
    out.left_out.assign(candidates.begin() + static_cast<std::ptrdiff_t>(pool), candidates.end());
    candidates.resize(pool);
    out.centrality = graph::actor_centrality(g, candidates);
    const auto rank = [&](uint32_t a) {
      return std::make_tuple(a != sel.focus, -out.centrality[a], -static_cast<long>(activity[a]),
                             a);
    };
    std::sort(candidates.begin(), candidates.end(),
              [&](uint32_t x, uint32_t y) { return rank(x) < rank(y); });
    out.left_out.insert(out.left_out.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(cap),
                        candidates.end());
    candidates.resize(cap);
    std::sort(candidates.begin(), candidates.end());
  }
  out.actors = std::move(candidates);
  out.drawn.assign(g.actors.size(), 0);
  for (uint32_t a : out.actors) out.drawn[a] = 1;
  return out;
}

// The group an actor is drawn in: the first country among its affiliations (followed
// transitively), else its first affiliation; a country is its own group. kNone for none.
uint32_t group_of(const graph::Graph& g, uint32_t actor) {
  if (g.actors[actor].kind == extract::ActorKind::Country) return actor;
  std::vector<uint32_t> queue = g.actors[actor].affiliations;
  std::set<uint32_t> seen(queue.begin(), queue.end());
  for (size_t i = 0; i < queue.size(); ++i) {
    if (g.actors[queue[i]].kind == extract::ActorKind::Country) return queue[i];
    for (uint32_t next : g.actors[queue[i]].affiliations)
      if (seen.insert(next).second) queue.push_back(next);
  }
  return queue.empty() ? graph::kNone : queue.front();
}

const Attributes& kind_look(const Theme::Relations& r, extract::ActorKind k) {
  switch (k) {
    case extract::ActorKind::Person:
      return r.person;
    case extract::ActorKind::Organisation:
      return r.organisation;
    case extract::ActorKind::Country:
      return r.country;
    case extract::ActorKind::Group:
      return r.group;
  }
  return r.person;
}

// CAMEO's quad classes by root: verbal and material cooperation, verbal and material conflict.
const Attributes& quad_look(const Theme::Relations& r, int root) {
  if (root <= 5) return r.verbal_cooperation;
  if (root <= 9) return r.material_cooperation;
  if (root <= 14) return r.verbal_conflict;
  return r.material_conflict;
}

struct Tally {
  std::map<std::tuple<uint32_t, uint32_t, std::string>, size_t> events;  // (from, to, root)
  std::map<std::pair<uint32_t, uint32_t>, size_t> said;                  // (speaker, about)
  std::vector<size_t> as_source, as_target, spoke;                       // per actor
  size_t unseen_events = 0, unseen_statements = 0;  // facts with a left-out actor
  size_t weak_links = 0, weak_facts = 0;            // links left out by the cap on links
};

// Keeps the `limit` strongest links (most facts; events before statements, then in order) so
// that a large diagram stays readable and quick to lay out.
void keep_strongest(Tally& t, size_t limit) {
  if (t.events.size() + t.said.size() <= limit) return;
  std::vector<std::tuple<long, int, size_t>> links;  // (-count, kind, position)
  size_t i = 0;
  for (const auto& [key, count] : t.events) links.emplace_back(-static_cast<long>(count), 0, i++);
  i = 0;
  for (const auto& [key, count] : t.said) links.emplace_back(-static_cast<long>(count), 1, i++);
  std::sort(links.begin(), links.end());
  std::vector<char> keep_event(t.events.size(), 0), keep_said(t.said.size(), 0);
  for (size_t k = 0; k < limit; ++k)
    (std::get<1>(links[k]) == 0 ? keep_event : keep_said)[std::get<2>(links[k])] = 1;
  const auto prune = [&](auto& map, const std::vector<char>& keep) {
    size_t at = 0;
    for (auto it = map.begin(); it != map.end(); ++at) {
      if (keep[at]) {
        ++it;
        continue;
      }
      ++t.weak_links;
      t.weak_facts += it->second;
      it = map.erase(it);
    }
  };
  prune(t.events, keep_event);
  prune(t.said, keep_said);
}

Tally tally(const graph::Graph& g, const Selection& sel, const Shown& shown) {
  Tally t;
  t.as_source.assign(g.actors.size(), 0);
  t.as_target = t.spoke = t.as_source;
  const auto any_left_out = [&](const std::vector<uint32_t>& actors) {
    return std::any_of(actors.begin(), actors.end(),
                       [&](uint32_t a) { return sel.allowed[a] && !shown.drawn[a]; });
  };
  for (uint32_t i : sel.events) {
    const auto& e = g.events[i];
    for (uint32_t a : e.source) ++t.as_source[a];
    for (uint32_t a : e.target) ++t.as_target[a];
    if (any_left_out(event_actors(e))) ++t.unseen_events;
    for (uint32_t s : e.source)
      for (uint32_t d : e.target)
        if (s != d && shown.drawn[s] && shown.drawn[d]) ++t.events[{s, d, e.code.substr(0, 2)}];
  }
  for (uint32_t i : sel.statements) {
    const auto& s = g.statements[i];
    if (s.speaker != graph::kNone) ++t.spoke[s.speaker];
    if (any_left_out(statement_actors(s))) ++t.unseen_statements;
    if (s.speaker == graph::kNone || !shown.drawn[s.speaker]) continue;
    for (uint32_t a : s.about_actors)
      if (a != s.speaker && shown.drawn[a]) ++t.said[{s.speaker, a}];
  }
  return t;
}

std::string actor_tooltip(const graph::Graph& g, uint32_t a, const Tally& t, const Shown& shown) {
  const auto& actor = g.actors[a];
  std::string tip = fmt::format("{} ({})", clean_text(actor.name), extract::to_string(actor.kind));
  for (const auto& role : actor.roles) tip += "\n" + role;
  if (!actor.affiliations.empty()) {
    std::string of;
    for (uint32_t x : actor.affiliations) of += (of.empty() ? "" : ", ") + g.actors[x].name;
    tip += "\nAffiliated with " + of;
  }
  tip += fmt::format("\nMentions: {}; events as source {}, as target {}; statements {}",
                     actor.mentions, t.as_source[a], t.as_target[a], t.spoke[a]);
  if (!shown.centrality.empty()) tip += fmt::format("\nCentrality: {:.3f}", shown.centrality[a]);
  return tip;
}

void draw_actors(Canvas& c, const graph::Graph& g, const Theme& theme, const Shown& shown,
                 const Tally& t, std::vector<Agnode_t*>& nodes) {
  // Groups with two drawn members or more become clusters, in order of their first member.
  std::map<uint32_t, std::vector<uint32_t>> members;
  for (uint32_t a : shown.actors)
    if (const uint32_t grp = group_of(g, a); grp != graph::kNone) members[grp].push_back(a);
  std::vector<Agraph_t*> cluster_of(g.actors.size(), nullptr);
  for (const auto& [grp, list] : members) {
    if (list.size() < 2) continue;
    Agraph_t* cl = c.cluster(fmt::format("g{}", grp));
    Canvas::apply(cl, theme.relations.cluster);
    Canvas::set(cl, "label", label_text(g.actors[grp].name, kNameChars));
    for (uint32_t a : list) cluster_of[a] = cl;
  }
  for (uint32_t a : shown.actors) {
    Agnode_t* n = c.node(fmt::format("a{}", a), cluster_of[a]);
    Canvas::apply(n, kind_look(theme.relations, g.actors[a].kind));
    Canvas::set(n, "label", label_text(g.actors[a].name, kNameChars));
    Canvas::set(n, "tooltip", tooltip_text(actor_tooltip(g, a, t, shown)));
    nodes[a] = n;
  }
}

// Heavier lines for more facts: 1 point for one, up to 5 for the most, on a logarithmic scale.
std::string weight(size_t count, size_t most) {
  const double top = std::log(static_cast<double>(std::max<size_t>(most, 2)));
  return number(1.0 + 4.0 * std::log(static_cast<double>(count)) / top);
}

size_t most_of(const Tally& t) {
  size_t most = 1;
  for (const auto& [key, count] : t.events) most = std::max(most, count);
  for (const auto& [key, count] : t.said) most = std::max(most, count);
  return most;
}

void draw_edges(Canvas& c, const graph::Graph& g, const Theme& theme, const Tally& t,
                const std::vector<Agnode_t*>& nodes) {
  const size_t most = most_of(t);
  for (const auto& [key, count] : t.events) {
    const auto& [from, to, root] = key;
    const auto name = theme.categories.find(root);
    const std::string category = name == theme.categories.end() ? "CAMEO " + root : name->second;
    Agedge_t* e = c.edge(nodes[from], nodes[to]);
    Canvas::apply(e, quad_look(theme.relations, std::atoi(root.c_str())));
    Canvas::set(e, "xlabel", label_text(fmt::format("{} \u00d7{}", category, count)));
    Canvas::set(e, "penwidth", weight(count, most));
    Canvas::set(e, "tooltip",
                tooltip_text(fmt::format("{} \u2192 {}: {} ({}), {}", g.actors[from].name,
                                         g.actors[to].name, category, root,
                                         count_of(count, "event", "events"))));
  }
  for (const auto& [key, count] : t.said) {
    const auto& [from, to] = key;
    Agedge_t* e = c.edge(nodes[from], nodes[to]);
    Canvas::apply(e, theme.relations.said);
    Canvas::set(e, "xlabel", label_text(fmt::format("said \u00d7{}", count)));
    Canvas::set(e, "penwidth", weight(count, most));
    Canvas::set(e, "tooltip",
                tooltip_text(fmt::format("{} on {}: {}", g.actors[from].name, g.actors[to].name,
                                         count_of(count, "statement", "statements"))));
  }
}

std::string note_of(const graph::Graph& g, const Shown& shown, const Tally& t) {
  std::string note;
  if (!shown.left_out.empty()) {
    std::vector<std::string> names;
    for (uint32_t a : shown.left_out) {
      const std::string name = clean_text(g.actors[a].name);
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      if (names.size() > kNamesInNote) break;
    }
    std::string listed;
    for (size_t i = 0; i < names.size() && i < kNamesInNote; ++i)
      listed += (i ? ", " : "") + names[i];
    if (names.size() > kNamesInNote) listed += ", ...";
    note = fmt::format(
        "Showing the {} most central of {} actors. Left out: {} ({}), with {} and {} that "
        "involve them.",
        shown.actors.size(), shown.actors.size() + shown.left_out.size(),
        count_of(shown.left_out.size(), "actor", "actors"), listed,
        count_of(t.unseen_events, "event", "events"),
        count_of(t.unseen_statements, "statement", "statements"));
  }
  if (t.weak_links > 0)
    note +=
        fmt::format("{}Left out: the {} weakest links ({} or statements).", note.empty() ? "" : " ",
                    t.weak_links, count_of(t.weak_facts, "event", "events"));
  if (!note.empty()) note += " Use --top N, --actor NAME, --from/--to or --type to see more.";
  return note;
}

}  // namespace

std::string relations(const graph::Graph& g, const Filter& f, const Theme& theme, Format format,
                      std::string* left_out) {
  const Selection sel = select(g, f, false);
  const Shown shown = shown_of(g, sel, cap_of(f, theme.relations.top));
  Tally t = tally(g, sel, shown);
  keep_strongest(t, shown.actors.size() * static_cast<size_t>(theme.relations.links_per_actor));

  Canvas c(true);
  c.defaults(AGRAPH, theme.graph);
  c.defaults(AGRAPH, theme.relations.graph);
  Canvas::set(c.root(), "start", "1");
  c.defaults(AGNODE, {{"label", ""}});
  c.defaults(AGNODE, theme.node);
  c.defaults(AGEDGE, theme.edge);
  std::vector<Agnode_t*> nodes(g.actors.size(), nullptr);
  draw_actors(c, g, theme, shown, t, nodes);
  draw_edges(c, g, theme, t, nodes);
  std::string note = note_of(g, shown, t);
  if (shown.actors.empty()) note = "Nothing to draw: no actor takes part in a matching fact.";
  if (!note.empty()) {
    Canvas::set(c.root(), "label", label_text(note));
    Canvas::set(c.root(), "labelloc", "b");
  }
  if (left_out) *left_out = shown.actors.empty() ? std::string() : note;
  return c.render("dot", format, "sfdp");
}

}  // namespace dateline::render
