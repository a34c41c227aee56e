#pragma once
// Exports of the knowledge graph to the formats other tools read: GraphML (Gephi, yEd,
// Cytoscape, NetworkX), Graphviz DOT, CSV files with a Cypher script for Neo4j, and TimelineJS3
// JSON. Each export returns its bytes and is deterministic: the same graph gives the same bytes,
// so exports can be compared and committed. Writing them to disk is the caller's business
// (core::write_file_atomically), except for the Neo4j set, which has a helper because its file
// names are fixed by the Cypher script.
//
// Every export needs a linked graph (Graph::link() after the tables were filled): the edges
// come from the Boost graph, and a graph whose vertices do not match its tables is refused with
// core::Error rather than read out of bounds.
#include <filesystem>
#include <string>

#include "graph/graph.h"

namespace dateline::graph {

// GraphML written by boost::write_graphml. Node data: kind, id, label (actor name, event label,
// statement quote, article title), date (TIMEX3 of the fact's date, an article's dateline),
// code (CAMEO code of events). Edge data: kind (to_string(EdgeKind)) and, on mentioned-in
// edges, span and sentence ("begin-end" byte offsets into the article) and the date that
// mention states (TIMEX3). Node ids are "n" and the vertex index.
std::string to_graphml(const Graph& g);

// Graphviz DOT written by boost::write_graphviz: one node per vertex (named by vertex index,
// with the fact id as the `id` attribute so SVG output carries it), a shape per kind, labels
// escaped so that any name keeps the file well-formed.
std::string to_dot(const Graph& g);

// The text of a DOT label for a quoted attribute value, without the surrounding quotes:
// backslashes and quotes escaped, line breaks as \n, and braces, angle brackets and bars
// escaped so the label also survives record-shaped nodes.
std::string dot_label_escape(std::string_view s);

// The files of a Neo4j import: CSV with a header line (RFC 4180 quoting) and the Cypher script
// that loads them (LOAD CSV from file:///actors.csv and so on, MERGE by id).
struct Neo4jFiles {
  std::string actors_csv, events_csv, statements_csv, articles_csv, relationships_csv,
      import_cypher;
};
Neo4jFiles to_neo4j(const Graph& g);

// Writes the Neo4j files into `dir` (created when missing) under the names the script loads:
// actors.csv, events.csv, statements.csv, articles.csv, relationships.csv, import.cypher. Each
// file is written atomically.
void write_neo4j(const Neo4jFiles& files, const std::filesystem::path& dir);

// One CSV field, quoted when it holds a comma, a quote, a line break or leading/trailing
// spaces (quotes doubled inside), else as it is.
std::string csv_field(std::string_view s);

// A TimelineJS3 document (pretty-printed JSON): a title slide and one slide per event and
// statement dated at least to the year, ordered by date then id; facts without such a date are
// left out. Week, month and other stretches get an end_date; a bare year gets only its year.
std::string to_timelinejs(const Graph& g);

// Throws core::Error when the Boost graph does not hold one vertex per table row.
void require_linked(const Graph& g);

}  // namespace dateline::graph
