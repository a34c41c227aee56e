#include "graph/algorithms.h"

#include <algorithm>
#include <map>

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include "graph/facts.h"

namespace dateline::graph {

namespace {

using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
using Directed = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// The whole graph without its articles' edges, as an undirected graph on the same vertices.
Undirected connections(const Graph& g) {
  const auto& b = g.boost();
  Undirected u(boost::num_vertices(b));
  for (auto [e, end] = boost::edges(b); e != end; ++e) {
    const auto kind = b[*e].kind;
    if (kind == EdgeKind::MentionedIn || kind == EdgeKind::AuthorOf ||
        kind == EdgeKind::PhotographerOf || kind == EdgeKind::Before)
      continue;
    boost::add_edge(boost::source(*e, b), boost::target(*e, b), u);
  }
  return u;
}

// Actors linked when they take part in one event or statement, or by affiliation.
Undirected actor_graph(const Graph& g) {
  Undirected u(g.actors.size());
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  const auto link_all = [&](std::vector<uint32_t> who) {
    sort_unique(who);
    for (size_t i = 0; i < who.size(); ++i)
      for (size_t j = i + 1; j < who.size(); ++j) pairs.push_back({who[i], who[j]});
  };
  for (const auto& e : g.events) {
    std::vector<uint32_t> who = e.source;
    who.insert(who.end(), e.target.begin(), e.target.end());
    link_all(std::move(who));
  }
  for (const auto& s : g.statements) {
    if (s.speaker == kNone) continue;
    std::vector<uint32_t> who = s.about_actors;
    who.push_back(s.speaker);
    link_all(std::move(who));
  }
  for (uint32_t a = 0; a < g.actors.size(); ++a)
    for (uint32_t to : g.actors[a].affiliations)
      pairs.push_back({std::min(a, to), std::max(a, to)});
  sort_unique(pairs);
  for (const auto& [a, b] : pairs) boost::add_edge(a, b, u);
  return u;
}

// Breadth-first distances and predecessors from one vertex.
template <typename G>
void bfs(const G& u, size_t from, std::vector<size_t>& pred, std::vector<int>& dist) {
  const size_t n = boost::num_vertices(u);
  pred.assign(n, SIZE_MAX);
  dist.assign(n, -1);
  dist[from] = 0;
  pred[from] = from;
  auto visitor = boost::make_bfs_visitor(
      std::make_pair(boost::record_predecessors(pred.data(), boost::on_tree_edge()),
                     boost::record_distances(dist.data(), boost::on_tree_edge())));
  boost::breadth_first_search(u, from, boost::visitor(visitor));
}

// Ends a breadth-first search when it reaches its target (Boost's way: the visitor throws).
struct Reached {};
struct StopAt : boost::base_visitor<StopAt> {
  using event_filter = boost::on_discover_vertex;
  size_t target;
  explicit StopAt(size_t t) : target(t) {}
  template <typename V, typename G>
  void operator()(V v, const G&) const {
    if (v == target) throw Reached{};
  }
};

}  // namespace

struct PathFinder::View {
  Undirected u;
};

PathFinder::PathFinder(const Graph& g)
    : g_(g), view_(std::make_unique<View>(View{connections(g)})) {}
PathFinder::~PathFinder() = default;

std::vector<Vertex> PathFinder::operator()(uint32_t from_actor, uint32_t to_actor) const {
  if (from_actor >= g_.actors.size() || to_actor >= g_.actors.size()) return {};
  const Vertex s = g_.vertex(NodeKind::Actor, from_actor), t = g_.vertex(NodeKind::Actor, to_actor);
  std::vector<size_t> pred(boost::num_vertices(view_->u), SIZE_MAX);
  pred[s] = s;
  try {
    boost::breadth_first_search(
        view_->u, s,
        boost::visitor(boost::make_bfs_visitor(std::make_pair(
            boost::record_predecessors(pred.data(), boost::on_tree_edge()), StopAt(t)))));
  } catch (const Reached&) {
  }
  if (pred[t] == SIZE_MAX) return {};
  std::vector<Vertex> path;
  for (size_t v = t; v != s; v = pred[v]) path.push_back(v);
  path.push_back(s);
  std::reverse(path.begin(), path.end());
  return path;
}

std::vector<Vertex> shortest_path(const Graph& g, uint32_t from_actor, uint32_t to_actor) {
  return PathFinder(g)(from_actor, to_actor);
}

std::vector<std::pair<uint32_t, int>> ego_network(const Graph& g, uint32_t actor, int depth) {
  if (actor >= g.actors.size()) return {};
  const Undirected u = actor_graph(g);
  std::vector<size_t> pred;
  std::vector<int> dist;
  bfs(u, actor, pred, dist);
  std::vector<std::pair<uint32_t, int>> out;
  for (uint32_t a = 0; a < g.actors.size(); ++a)
    if (dist[a] >= 0 && dist[a] <= depth) out.push_back({a, dist[a]});
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& x, const auto& y) { return x.second < y.second; });
  return out;
}

std::pair<std::vector<uint32_t>, uint32_t> actor_components(const Graph& g) {
  const Undirected u = actor_graph(g);
  std::vector<uint32_t> component(g.actors.size());
  const auto n = static_cast<uint32_t>(boost::connected_components(u, component.data()));
  return {component, n};
}

std::vector<double> actor_centrality(const Graph& g) {
  const Undirected u = actor_graph(g);
  std::vector<double> c(g.actors.size(), 0.0);
  if (g.actors.size() < 3) return c;
  boost::brandes_betweenness_centrality(
      u, boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, u)));
  boost::relative_betweenness_centrality(
      u, boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, u)));
  return c;
}

std::vector<double> actor_centrality(const Graph& g, const std::vector<uint32_t>& among) {
  std::vector<uint32_t> local(g.actors.size(), kNone);
  for (uint32_t i = 0; i < among.size(); ++i) local[among[i]] = i;
  const Undirected whole = actor_graph(g);
  Undirected u(among.size());
  for (auto [e, end] = boost::edges(whole); e != end; ++e) {
    const auto a = local[boost::source(*e, whole)], b = local[boost::target(*e, whole)];
    if (a != kNone && b != kNone) boost::add_edge(a, b, u);
  }
  std::vector<double> c(among.size(), 0.0), out(g.actors.size(), 0.0);
  if (among.size() < 3) return out;
  const auto map = boost::make_iterator_property_map(c.begin(), boost::get(boost::vertex_index, u));
  boost::brandes_betweenness_centrality(u, map);
  boost::relative_betweenness_centrality(u, map);
  for (uint32_t i = 0; i < among.size(); ++i) out[among[i]] = c[i];
  return out;
}

EventOrder event_order(const Graph& g) {
  const auto& b = g.boost();
  Directed d(g.events.size());
  const Vertex first = g.vertex(NodeKind::Event, 0);
  for (auto [e, end] = boost::edges(b); e != end; ++e)
    if (b[*e].kind == EdgeKind::Before)
      boost::add_edge(boost::source(*e, b) - first, boost::target(*e, b) - first, d);
  EventOrder out;
  std::vector<size_t> reversed;
  try {
    boost::topological_sort(d, std::back_inserter(reversed));
    for (auto it = reversed.rbegin(); it != reversed.rend(); ++it)
      out.order.push_back(static_cast<uint32_t>(*it));
  } catch (const boost::not_a_dag&) {
    // The events of the first strongly connected component with more than one of them.
    std::vector<size_t> component(g.events.size());
    boost::strong_components(d, boost::make_iterator_property_map(
                                    component.begin(), boost::get(boost::vertex_index, d)));
    std::map<size_t, std::vector<uint32_t>> members;
    for (uint32_t e = 0; e < component.size(); ++e) members[component[e]].push_back(e);
    for (const auto& [c, list] : members)
      if (list.size() > 1 && (out.cycle.empty() || list.front() < out.cycle.front()))
        out.cycle = list;
  }
  return out;
}

}  // namespace dateline::graph
