#include <sstream>

#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <boost/property_map/function_property_map.hpp>

#include "core/error.h"
#include "graph/export/exports.h"
#include "temporal/timex3.h"

namespace dateline::graph {

namespace {

using Edge = BoostGraph::edge_descriptor;

// XML 1.0 cannot carry most control characters, not even as character references, so they
// become spaces; tab and line breaks are allowed and kept.
std::string xml_safe(std::string s) {
  for (char& c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') c = ' ';
  }
  return s;
}

std::string span_text(const core::Span& s) {
  return std::to_string(s.begin) + "-" + std::to_string(s.end);
}

// The mention a mentioned-in edge stands for, or null for every other edge.
const Mention* mention_of(const Graph& g, const Edge& e) {
  const auto& props = g.boost()[e];
  if (props.kind != EdgeKind::MentionedIn || props.mention == kNone) return nullptr;
  const auto& from = g.node(boost::source(e, g.boost()));
  const std::vector<Mention>* list = nullptr;
  if (from.kind == NodeKind::Event) list = &g.events[from.index].mentions;
  if (from.kind == NodeKind::Statement) list = &g.statements[from.index].mentions;
  if (!list || props.mention >= list->size()) return nullptr;
  return &(*list)[props.mention];
}

std::string date_of(const Graph& g, Vertex v) {
  const auto& p = g.node(v);
  switch (p.kind) {
    case NodeKind::Event:
      return temporal::timex3_value(g.events[p.index].date.value);
    case NodeKind::Statement:
      return temporal::timex3_value(g.statements[p.index].date.value);
    case NodeKind::Article:
      return g.articles[p.index].dateline;
    case NodeKind::Actor:
      break;
  }
  return {};
}

}  // namespace

void require_linked(const Graph& g) {
  const size_t rows = g.actors.size() + g.events.size() + g.statements.size() + g.articles.size();
  if (boost::num_vertices(g.boost()) != rows)
    throw core::Error("graph export: the graph is not linked to its tables (" +
                      std::to_string(boost::num_vertices(g.boost())) + " vertices for " +
                      std::to_string(rows) + " nodes); call Graph::link() first");
}

std::string to_graphml(const Graph& g) {
  require_linked(g);
  const BoostGraph& b = g.boost();

  // Read-only property maps computed on demand: write_graphml only calls get_string, and the
  // tables stay the one source of truth. A name may serve both nodes and edges ("kind", "date"):
  // dynamic_properties tells them apart by key type, and so does read_graphml.
  const auto vertex_map = [&](auto f) {
    return boost::make_function_property_map<Vertex, std::string>(
        [f](Vertex v) { return xml_safe(f(v)); });
  };
  const auto edge_map = [&](auto f) {
    return boost::make_function_property_map<Edge, std::string>(
        [f](const Edge& e) { return xml_safe(f(e)); });
  };

  boost::dynamic_properties dp;
  dp.property("kind",
              vertex_map([&g](Vertex v) { return std::string(to_string(g.node(v).kind)); }));
  dp.property("id", vertex_map([&g](Vertex v) { return g.id_of(v); }));
  dp.property("label", vertex_map([&g](Vertex v) { return g.name_of(v); }));
  dp.property("date", vertex_map([&g](Vertex v) { return date_of(g, v); }));
  dp.property("code", vertex_map([&g](Vertex v) {
                const auto& p = g.node(v);
                return p.kind == NodeKind::Event ? g.events[p.index].code : std::string();
              }));

  dp.property("kind", edge_map([&b](const Edge& e) { return std::string(to_string(b[e].kind)); }));
  dp.property("span", edge_map([&g](const Edge& e) {
                const Mention* m = mention_of(g, e);
                return m ? span_text(m->span) : std::string();
              }));
  dp.property("sentence", edge_map([&g](const Edge& e) {
                const Mention* m = mention_of(g, e);
                return m ? span_text(m->sentence) : std::string();
              }));
  dp.property("date", edge_map([&g](const Edge& e) {
                const Mention* m = mention_of(g, e);
                return m ? temporal::timex3_value(m->date) : std::string();
              }));

  std::ostringstream out;
  boost::write_graphml(out, b, boost::get(boost::vertex_index, b), dp, true);
  return out.str();
}

}  // namespace dateline::graph
