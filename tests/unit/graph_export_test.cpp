#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <graphviz/cgraph.h>
#include <boost/graph/graphml.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "graph/export/exports.h"
#include "graph/graph.h"
#include "helpers.h"

using namespace dateline;
using nlohmann::json;

namespace {

const std::string kEvilName = "Evil \"quote\" \\ {brace} <tag>";

temporal::Value day(int y, int m, int d) {
  return temporal::Value::of(temporal::Point::of_day(
      temporal::Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                     static_cast<unsigned short>(d))));
}

temporal::Value month(int y, int m) {
  temporal::Point p;
  p.gran = temporal::Unit::Month;
  p.year = y;
  p.month = m;
  return temporal::Value::of(p);
}

temporal::Value year(int y) {
  temporal::Point p;
  p.gran = temporal::Unit::Year;
  p.year = y;
  return temporal::Value::of(p);
}

graph::Mention mention(core::Span span, core::Span sentence, temporal::Value date) {
  graph::Mention m;
  m.article = 0;
  m.span = span;
  m.sentence = sentence;
  m.date = date;
  m.basis = "sentence";
  return m;
}

graph::ActorNode actor(std::string id, std::string name, extract::ActorKind kind) {
  graph::ActorNode a;
  a.id = std::move(id);
  a.name = std::move(name);
  a.kind = kind;
  a.names = {a.name};
  a.mentions = 1;
  a.articles = {0};
  return a;
}

graph::EventNode event(std::string id, std::string code, std::string label,
                       std::vector<uint32_t> source, std::vector<uint32_t> target,
                       temporal::Value date, core::Span span) {
  graph::EventNode e;
  e.id = std::move(id);
  e.code = std::move(code);
  e.label = std::move(label);
  e.source = std::move(source);
  e.target = std::move(target);
  e.date.value = date;
  e.date.basis = "sentence";
  e.confidence = 0.75;
  e.mentions = {mention(span, {0, 200}, date)};
  return e;
}

// Three actors (one with a comma and quotes in its name, one with every character DOT cares
// about), four events (a day, a month, a year and no date), one statement, one article.
graph::Graph sample() {
  graph::Graph g;
  g.actors.push_back(actor("a:alpha", "Alpha Minister", extract::ActorKind::Person));
  g.actors.push_back(actor("a:beta", "Beta, \"the\" Corp", extract::ActorKind::Organisation));
  g.actors.push_back(actor("a:evil", kEvilName, extract::ActorKind::Group));
  g.actors[0].affiliations = {1};
  g.actors[0].roles = {"minister", "spokesman"};

  g.events.push_back(event("e:1", "043", "Talks open", {0}, {1}, day(2026, 3, 5), {10, 20}));
  g.events.push_back(event("e:2", "190", "Strike", {2}, {0}, month(2026, 2), {30, 36}));
  // Undated, so its DOT label ends in the backslash: an unescaped one would eat the quote.
  g.events.push_back(event("e:3", "141", "Protest \\", {1}, {}, temporal::Value{}, {40, 47}));
  g.events.push_back(event("e:4", "020", "Election called", {1}, {}, year(2025), {50, 58}));
  g.events[0].place = "Geneva";

  graph::StatementNode s;
  s.id = "s:1";
  s.speaker = 0;
  s.quote = "We will talk, \"soon\".\nThen we act.";
  s.verb = "said";
  s.date.value = day(2026, 3, 4);
  s.about_events = {0};
  s.mentions = {mention({60, 95}, {60, 120}, day(2026, 3, 4))};
  g.statements.push_back(s);

  graph::ArticleNode r;
  r.id = "art-1";
  r.file = "talks.txt";
  r.source = "Wire";
  r.title = "Talks, at last";
  r.dateline = "2026-03-05";
  r.dateline_source = "header";
  r.credits = {{2, extract::CreditRole::Author}};
  g.articles.push_back(r);

  g.link();
  return g;
}

struct ReadVertex {
  std::string kind, id, label, date, code;
};
struct ReadEdge {
  std::string kind, span, sentence, date;
};
using ReadGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, ReadVertex, ReadEdge>;

ReadGraph read_graphml(const std::string& xml) {
  ReadGraph r;
  boost::dynamic_properties dp;
  dp.property("kind", boost::get(&ReadVertex::kind, r));
  dp.property("id", boost::get(&ReadVertex::id, r));
  dp.property("label", boost::get(&ReadVertex::label, r));
  dp.property("date", boost::get(&ReadVertex::date, r));
  dp.property("code", boost::get(&ReadVertex::code, r));
  dp.property("kind", boost::get(&ReadEdge::kind, r));
  dp.property("span", boost::get(&ReadEdge::span, r));
  dp.property("sentence", boost::get(&ReadEdge::sentence, r));
  dp.property("date", boost::get(&ReadEdge::date, r));
  std::istringstream in(xml);
  boost::read_graphml(in, r, dp);
  return r;
}

// A small RFC 4180 reader, independent of the writer, to read the CSV back.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, in_row = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    in_row = true;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      in_row = false;
    } else {
      field += c;
    }
  }
  if (in_row) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

TEST_CASE("graph export: GraphML reads back with the same nodes, edges and data") {
  const auto g = sample();
  const std::string xml = graph::to_graphml(g);
  const ReadGraph r = read_graphml(xml);
  REQUIRE(boost::num_vertices(r) == boost::num_vertices(g.boost()));
  REQUIRE(boost::num_edges(r) == boost::num_edges(g.boost()));
  CHECK(boost::num_vertices(r) == 9);

  for (const auto v : boost::make_iterator_range(boost::vertices(g.boost()))) {
    CHECK(r[v].kind == graph::to_string(g.node(v).kind));
    CHECK(r[v].id == g.id_of(v));
  }
  const auto evil = g.vertex(graph::NodeKind::Actor, 2);
  CHECK(r[evil].label == kEvilName);
  const auto talks = g.vertex(graph::NodeKind::Event, 0);
  CHECK(r[talks].code == "043");
  CHECK(r[talks].date == "2026-03-05");
  CHECK(r[g.vertex(graph::NodeKind::Event, 1)].date == "2026-02");
  CHECK(r[g.vertex(graph::NodeKind::Event, 2)].date.empty());
  CHECK(r[g.vertex(graph::NodeKind::Article, 0)].date == "2026-03-05");
  CHECK(r[g.vertex(graph::NodeKind::Actor, 0)].code.empty());

  std::map<std::string, int> kinds;
  bool found_mention = false;
  for (const auto e : boost::make_iterator_range(boost::edges(r))) {
    ++kinds[r[e].kind];
    if (r[e].kind == "mentioned-in") {
      CHECK_FALSE(r[e].span.empty());
      if (boost::source(e, r) == talks) {
        found_mention = true;
        CHECK(r[e].span == "10-20");
        CHECK(r[e].sentence == "0-200");
        CHECK(r[e].date == "2026-03-05");
      }
    } else {
      CHECK(r[e].span.empty());
    }
  }
  CHECK(found_mention);
  CHECK(kinds["mentioned-in"] == 5);
  CHECK(kinds["source-of"] == 4);
  CHECK(kinds["said"] == 1);
  CHECK(kinds["author-of"] == 1);
  CHECK(kinds["affiliated-with"] == 1);
}

TEST_CASE("graph export: DOT names every node and escapes labels so Graphviz parses them") {
  const auto g = sample();
  const std::string dot = graph::to_dot(g);
  CHECK(dot.rfind("digraph G {", 0) == 0);
  for (const auto v : boost::make_iterator_range(boost::vertices(g.boost()))) {
    CHECK(dot.find("\n" + std::to_string(v) + "[label=") != std::string::npos);
    CHECK(dot.find("id=\"" + g.id_of(v) + "\"") != std::string::npos);
  }
  CHECK(dot.find("label=\"Evil \\\"quote\\\" \\\\ \\{brace\\} \\<tag\\>\"") != std::string::npos);
  // Multi-line labels use the DOT escape, never a raw line break inside a quoted string.
  CHECK(dot.find("label=\"Talks open\\n2026-03-05\"") != std::string::npos);
  CHECK(dot.find("label=\"Protest \\\\\"") != std::string::npos);
  CHECK(graph::dot_label_escape("a\\") == "a\\\\");
  CHECK(graph::dot_label_escape("x\r\ny") == "x\\ny");

  // Graphviz's own parser is the judge of well-formedness.
  Agraph_t* parsed = agmemread(dot.c_str());
  REQUIRE(parsed != nullptr);
  CHECK(agnnodes(parsed) == static_cast<int>(boost::num_vertices(g.boost())));
  CHECK(agnedges(parsed) == static_cast<int>(boost::num_edges(g.boost())));
  std::string evil_name = std::to_string(g.vertex(graph::NodeKind::Actor, 2));
  char label[] = "label";
  Agnode_t* node = agnode(parsed, evil_name.data(), 0);
  REQUIRE(node != nullptr);
  // What the parser keeps is the label with DOT's \" undone; the rest is for the renderer.
  CHECK(std::string(agget(node, label)) == "Evil \"quote\" \\\\ \\{brace\\} \\<tag\\>");
  agclose(parsed);
}

TEST_CASE("graph export: Neo4j CSV quotes fields as RFC 4180 does and the script loads them") {
  CHECK(graph::csv_field("plain") == "plain");
  CHECK(graph::csv_field("a,b") == "\"a,b\"");
  CHECK(graph::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(graph::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(graph::csv_field("") == "");

  const auto g = sample();
  const auto files = graph::to_neo4j(g);
  CHECK(files.actors_csv.find("a:beta,\"Beta, \"\"the\"\" Corp\",organisation,") !=
        std::string::npos);

  const auto actors = parse_csv(files.actors_csv);
  REQUIRE(actors.size() == 4);
  CHECK(actors[0] == std::vector<std::string>{"id", "name", "kind", "known", "generic", "media",
                                              "mentions", "names", "roles"});
  for (const auto& row : actors) CHECK(row.size() == actors[0].size());
  CHECK(actors[2][1] == "Beta, \"the\" Corp");
  CHECK(actors[3][1] == kEvilName);
  CHECK(actors[1][8] == "minister|spokesman");

  const auto statements = parse_csv(files.statements_csv);
  REQUIRE(statements.size() == 2);
  CHECK(statements[1][1] == "We will talk, \"soon\".\nThen we act.");
  CHECK(statements[1][3] == "2026-03-04");

  const auto events = parse_csv(files.events_csv);
  REQUIRE(events.size() == 5);
  CHECK(events[2][0] == "e:2");
  CHECK(events[2][4] == "2026-02-01");  // first_day
  CHECK(events[2][5] == "2026-02-28");  // last_day
  CHECK(events[3][3].empty());          // the undated event

  const auto rels = parse_csv(files.relationships_csv);
  REQUIRE(rels.size() == boost::num_edges(g.boost()) + 1);
  CHECK(rels[0] == std::vector<std::string>{"from", "to", "type", "span", "sentence", "date"});
  bool found = false;
  for (const auto& row : rels) {
    REQUIRE(row.size() == 6);
    if (row[0] == "e:1" && row[2] == "MENTIONED_IN") {
      found = true;
      CHECK(row[1] == "art-1");
      CHECK(row[3] == "10-20");
      CHECK(row[4] == "0-200");
      CHECK(row[5] == "2026-03-05");
    }
  }
  CHECK(found);

  for (const char* name : {"actors", "events", "statements", "articles", "relationships"})
    CHECK_MESSAGE(files.import_cypher.find("LOAD CSV WITH HEADERS FROM 'file:///" +
                                           std::string(name) + ".csv'") != std::string::npos,
                  name);
  for (const char* label : {"Actor", "Event", "Statement", "Article"})
    CHECK(files.import_cypher.find("MERGE (n:" + std::string(label) + " {id: row.id})") !=
          std::string::npos);
  for (const char* type : {"SOURCE_OF", "TARGET_OF", "SAID", "ABOUT", "MENTIONED_IN", "AUTHOR_OF",
                           "PHOTOGRAPHER_OF", "AFFILIATED_WITH", "BEFORE"})
    CHECK_MESSAGE(
        files.import_cypher.find("row.type = '" + std::string(type) + "'") != std::string::npos,
        type);

  const test::TempDir dir;
  graph::write_neo4j(files, dir / "neo4j");
  CHECK(test::read(dir / "neo4j" / "actors.csv") == files.actors_csv);
  CHECK(test::read(dir / "neo4j" / "import.cypher") == files.import_cypher);
}

TEST_CASE("graph export: TimelineJS slides are in date order and leave undated facts out") {
  const auto g = sample();
  const json doc = json::parse(graph::to_timelinejs(g));
  REQUIRE(doc.contains("title"));
  CHECK(doc["title"]["text"]["headline"] == "Dateline");
  CHECK(doc["title"]["text"]["text"] == "3 dated events and 1 dated statement from 1 article");
  const auto& events = doc.at("events");
  REQUIRE(events.size() == 4);

  std::vector<std::string> ids;
  for (const auto& e : events) ids.push_back(e.at("unique_id").get<std::string>());
  CHECK(ids == std::vector<std::string>{"e:4", "e:2", "s:1", "e:1"});

  // A bare year: only the year, no span.
  CHECK(events[0]["start_date"] == json{{"year", 2025}});
  CHECK_FALSE(events[0].contains("end_date"));
  // A month: its first and last day.
  CHECK(events[1]["start_date"] == json{{"year", 2026}, {"month", 2}, {"day", 1}});
  CHECK(events[1]["end_date"] == json{{"year", 2026}, {"month", 2}, {"day", 28}});
  CHECK(events[1]["group"] == "Evil &quot;quote&quot; \\ {brace} &lt;tag&gt;");
  // A day: no end date.
  CHECK(events[3]["start_date"] == json{{"year", 2026}, {"month", 3}, {"day", 5}});
  CHECK_FALSE(events[3].contains("end_date"));
  CHECK(events[3]["text"]["headline"] == "Talks open");
  CHECK(events[3]["group"] == "Alpha Minister");
  CHECK(events[2]["text"]["headline"] == "Alpha Minister said");
  CHECK(events[2]["text"]["text"].get<std::string>().find("&quot;soon&quot;") != std::string::npos);
}

TEST_CASE("graph export: every export gives the same bytes for the same graph") {
  const auto a = sample();
  const auto b = sample();
  CHECK(graph::to_graphml(a) == graph::to_graphml(a));
  CHECK(graph::to_graphml(a) == graph::to_graphml(b));
  CHECK(graph::to_dot(a) == graph::to_dot(b));
  CHECK(graph::to_timelinejs(a) == graph::to_timelinejs(b));
  const auto na = graph::to_neo4j(a), nb = graph::to_neo4j(b);
  CHECK(na.actors_csv == nb.actors_csv);
  CHECK(na.events_csv == nb.events_csv);
  CHECK(na.statements_csv == nb.statements_csv);
  CHECK(na.articles_csv == nb.articles_csv);
  CHECK(na.relationships_csv == nb.relationships_csv);
  CHECK(na.import_cypher == nb.import_cypher);
}

TEST_CASE("graph export: a graph whose tables were not linked is refused") {
  graph::Graph g;
  g.actors.push_back(actor("a:alpha", "Alpha Minister", extract::ActorKind::Person));
  CHECK_THROWS_AS(graph::to_graphml(g), core::Error);
  CHECK_THROWS_AS(graph::to_dot(g), core::Error);
  CHECK_THROWS_AS(graph::to_neo4j(g), core::Error);
  CHECK_THROWS_AS(graph::to_timelinejs(g), core::Error);
  g.link();
  CHECK_NOTHROW(graph::to_dot(g));
}
