#pragma once
// Questions about the graph, answered with Boost.Graph's algorithms.
#include <memory>
#include <optional>
#include <vector>

#include "graph/graph.h"

namespace dateline::graph {

// The shortest chain of vertices from one actor to another, through events, statements and
// affiliations (edges taken both ways; articles and credits do not connect actors). Empty when
// none.
std::vector<Vertex> shortest_path(const Graph& g, uint32_t from_actor, uint32_t to_actor);

// The same for many questions about one graph (the REPL): the undirected view of the graph is
// built once, and each search stops when it reaches the second actor.
class PathFinder {
 public:
  explicit PathFinder(const Graph& g);
  ~PathFinder();
  PathFinder(const PathFinder&) = delete;
  PathFinder& operator=(const PathFinder&) = delete;
  std::vector<Vertex> operator()(uint32_t from_actor, uint32_t to_actor) const;

 private:
  struct View;
  const Graph& g_;
  std::unique_ptr<View> view_;
};

// The actors within `depth` steps of an actor, where one step is sharing an event or a
// statement, or an affiliation; with their distance, nearest first.
std::vector<std::pair<uint32_t, int>> ego_network(const Graph& g, uint32_t actor, int depth);

// The connected component of every actor (numbered from 0 in order of first actor), and the
// count of components.
std::pair<std::vector<uint32_t>, uint32_t> actor_components(const Graph& g);

// Betweenness centrality (Brandes) of every actor in the actor graph (actors linked when they
// share an event or a statement, or by affiliation), normalised to [0, 1].
std::vector<double> actor_centrality(const Graph& g);
// The same within the actor graph restricted to `among` (actor indices; the others get 0):
// Brandes' cost grows with actors times links, so a graph of tens of thousands of actors is
// ranked over a chosen part of it.
std::vector<double> actor_centrality(const Graph& g, const std::vector<uint32_t>& among);

// The events in an order that respects every `before` edge (Boost's topological sort). When
// the orderings contradict each other there is none: `cycle` then names events on a cycle.
struct EventOrder {
  std::vector<uint32_t> order;
  std::vector<uint32_t> cycle;
};
EventOrder event_order(const Graph& g);

}  // namespace dateline::graph
