#include <ostream>
#include <sstream>

#include <boost/graph/graphviz.hpp>

#include "graph/export/exports.h"
#include "temporal/timex3.h"

namespace dateline::graph {

namespace {

using Edge = BoostGraph::edge_descriptor;

// Quotes are long; a node label keeps their start. Cuts at a character boundary so the label
// stays valid UTF-8.
std::string shortened(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "\xE2\x80\xA6";  // U+2026 ellipsis
}

// A quoted DOT string that is not drawn (the SVG id): only what the DOT syntax needs, since
// Graphviz does not take the backslash off other characters there.
std::string dot_string_escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  return out;
}

std::string_view shape_of(NodeKind k) {
  switch (k) {
    case NodeKind::Actor:
      return "ellipse";
    case NodeKind::Event:
      return "box";
    case NodeKind::Statement:
      return "note";
    case NodeKind::Article:
      return "tab";
  }
  return "ellipse";
}

// The text shown in a node: its name, and its date on a second line when it has one.
std::string node_text(const Graph& g, Vertex v) {
  const auto& p = g.node(v);
  std::string text, date;
  switch (p.kind) {
    case NodeKind::Actor:
      text = g.actors[p.index].name;
      break;
    case NodeKind::Event:
      text = g.events[p.index].label;
      date = temporal::timex3_value(g.events[p.index].date.value);
      break;
    case NodeKind::Statement:
      text = "\xE2\x80\x9C" + shortened(g.statements[p.index].quote, 60) + "\xE2\x80\x9D";
      date = temporal::timex3_value(g.statements[p.index].date.value);
      break;
    case NodeKind::Article:
      text = g.name_of(v);
      date = g.articles[p.index].dateline;
      break;
  }
  if (text.empty()) text = g.id_of(v);
  if (!date.empty()) text += "\n" + date;
  return text;
}

// Writers for boost::write_graphviz. Boost's own label_writer quotes with escape_dot_string,
// which escapes quotes but not backslashes: a name ending in "\" would swallow the closing
// quote. These writers escape every value themselves.
struct VertexWriter {
  const Graph* g;
  void operator()(std::ostream& out, Vertex v) const {
    out << "[label=\"" << dot_label_escape(node_text(*g, v)) << "\", id=\""
        << dot_string_escape(g->id_of(v)) << "\", shape=" << shape_of(g->node(v).kind) << "]";
  }
};

struct EdgeWriter {
  const BoostGraph* b;
  void operator()(std::ostream& out, const Edge& e) const {
    const EdgeKind k = (*b)[e].kind;
    out << "[label=\"" << to_string(k) << "\"";
    // Mentions and order are context, not actions: drawn lighter so the actions stand out.
    if (k == EdgeKind::MentionedIn) out << ", style=dotted, color=gray50";
    if (k == EdgeKind::Before) out << ", style=dashed";
    out << "]";
  }
};

struct GraphWriter {
  void operator()(std::ostream& out) const {
    out << "node [fontname=\"Helvetica\", fontsize=10];\n"
        << "edge [fontname=\"Helvetica\", fontsize=8];\n";
  }
};

}  // namespace

std::string dot_label_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (const char c : s) {
    switch (c) {
      case '\\':
      case '"':
      // Harmless in a quoted string but field syntax in record labels; Graphviz drops the
      // backslash before them when drawing, so escaping them is safe for every shape.
      case '{':
      case '}':
      case '<':
      case '>':
      case '|':
        out += '\\';
        out += c;
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        // Other control characters have no business in a label; a space keeps words apart.
        out += static_cast<unsigned char>(c) < 0x20 && c != '\t' ? ' ' : c;
    }
  }
  return out;
}

std::string to_dot(const Graph& g) {
  require_linked(g);
  std::ostringstream out;
  // Nodes are named by vertex index: always a valid DOT ID, unique even if two kinds of node
  // ever shared an id string.
  boost::write_graphviz(out, g.boost(), VertexWriter{&g}, EdgeWriter{&g.boost()}, GraphWriter{},
                        boost::get(boost::vertex_index, g.boost()));
  return out.str();
}

}  // namespace dateline::graph
