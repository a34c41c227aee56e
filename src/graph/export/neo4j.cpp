#include <array>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/files.h"
#include "graph/export/exports.h"
#include "temporal/timex3.h"

namespace dateline::graph {

namespace {

// Rows of one CSV file, header first. Lines end in "\n": RFC 4180 asks for CRLF, but every CSV
// reader (Neo4j's included) takes LF, and LF keeps the files diffable.
class Csv {
 public:
  explicit Csv(std::initializer_list<std::string_view> header) { row(header); }
  void row(std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (const auto f : fields) {
      if (!first) text_ += ',';
      text_ += csv_field(f);
      first = false;
    }
    text_ += '\n';
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

std::string joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& s : list) {
    if (!out.empty()) out += '|';
    out += s;
  }
  return out;
}

std::string iso_day(const temporal::Date& d) {
  return fmt::format("{:04}-{:02}-{:02}", temporal::year_of(d), temporal::month_of(d),
                     temporal::day_of(d));
}

std::string_view boolean(bool b) {
  return b ? "true" : "false";
}

// The date columns shared by events and statements: the TIMEX3 value, the days it covers (so
// Neo4j can hold real dates and compare them), how it was chosen, whether reports disagree.
struct DateColumns {
  std::string value, first, last;
};
DateColumns date_columns(const FactDate& d) {
  DateColumns c{temporal::timex3_value(d.value), {}, {}};
  if (const auto r = day_range(d.value)) {
    c.first = iso_day(r->first);
    c.last = iso_day(r->last);
  }
  return c;
}

std::string span_text(const core::Span& s) {
  return std::to_string(s.begin) + "-" + std::to_string(s.end);
}

// "mentioned-in" -> "MENTIONED_IN": Neo4j's convention for relationship types.
std::string relationship_type(EdgeKind k) {
  std::string out(to_string(k));
  for (char& c : out) {
    if (c == '-') c = '_';
    if ('a' <= c && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Which labels each relationship joins, for the MATCH clauses of the script.
struct RelationshipShape {
  EdgeKind kind;
  std::vector<std::string_view> from, to;
};
const std::array<RelationshipShape, 9>& relationship_shapes() {
  static const std::array<RelationshipShape, 9> shapes = {{
      {EdgeKind::SourceOf, {"Actor"}, {"Event"}},
      {EdgeKind::TargetOf, {"Actor"}, {"Event"}},
      {EdgeKind::Said, {"Actor"}, {"Statement"}},
      {EdgeKind::About, {"Statement"}, {"Actor", "Event"}},
      {EdgeKind::MentionedIn, {"Event", "Statement"}, {"Article"}},
      {EdgeKind::AuthorOf, {"Actor"}, {"Article"}},
      {EdgeKind::PhotographerOf, {"Actor"}, {"Article"}},
      {EdgeKind::AffiliatedWith, {"Actor"}, {"Actor"}},
      {EdgeKind::Before, {"Event"}, {"Event"}},
  }};
  return shapes;
}

// Binds `var` to the node with the id in column `column`. With one label a MATCH, which the
// uniqueness constraint turns into an index lookup; with several, one OPTIONAL MATCH per label
// (each still an index lookup) and the one found. `keep` is what the WITH must carry along.
std::string match_clause(std::string_view var, const std::vector<std::string_view>& labels,
                         std::string_view column, std::string_view keep) {
  if (labels.size() == 1)
    return fmt::format("MATCH ({}:{} {{id: row.{}}})\n", var, labels[0], column);
  std::string out, found;
  for (size_t i = 0; i < labels.size(); ++i) {
    out += fmt::format("OPTIONAL MATCH ({}{}:{} {{id: row.{}}})\n", var, i, labels[i], column);
    found += fmt::format("{}{}{}", i ? ", " : "", var, i);
  }
  out += fmt::format("WITH {}, coalesce({}) AS {} WHERE {} IS NOT NULL\n", keep, found, var, var);
  return out;
}

std::string cypher_script() {
  std::string s =
      "// Loads a Dateline graph into Neo4j. Copy the CSV files into the database's import\n"
      "// folder and run: cypher-shell -f import.cypher\n"
      "// The CSV files quote fields as RFC 4180 does (a quote inside is doubled). Neo4j also\n"
      "// reads \\\" as a quote unless dbms.import.csv.legacy_quote_escaping=false; set it so a\n"
      "// text ending in a backslash loads as written. Empty fields load as missing "
      "properties.\n\n";
  const std::array<std::pair<std::string_view, std::string_view>, 4> labels = {
      {{"Actor", "actor"}, {"Event", "event"}, {"Statement", "statement"}, {"Article", "article"}}};
  for (const auto& [label, name] : labels)
    s += fmt::format("CREATE CONSTRAINT {}_id IF NOT EXISTS FOR (n:{}) REQUIRE n.id IS UNIQUE;\n",
                     name, label);
  s += "\n";
  const auto list = [](std::string_view column) {
    return fmt::format("CASE WHEN row.{0} IS NULL THEN [] ELSE split(row.{0}, '|') END", column);
  };
  s += "LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row\n"
       "MERGE (n:Actor {id: row.id})\n"
       "SET n.name = row.name, n.kind = row.kind, n.known = toBoolean(row.known),\n"
       "    n.generic = toBoolean(row.generic), n.media = toBoolean(row.media),\n"
       "    n.mentions = toInteger(row.mentions), n.names = " +
       list("names") + ",\n    n.roles = " + list("roles") + ";\n\n";
  const std::string dates =
      "    n.date = row.date, n.first_day = date(row.first_day), n.last_day = date(row.last_day),\n"
      "    n.date_basis = row.date_basis, n.date_conflict = toBoolean(row.date_conflict)";
  s += "LOAD CSV WITH HEADERS FROM 'file:///events.csv' AS row\n"
       "MERGE (n:Event {id: row.id})\n"
       "SET n.code = row.code, n.label = row.label, n.place = row.place,\n"
       "    n.confidence = toFloat(row.confidence),\n" +
       dates + ";\n\n";
  s += "LOAD CSV WITH HEADERS FROM 'file:///statements.csv' AS row\n"
       "MERGE (n:Statement {id: row.id})\n"
       "SET n.quote = row.quote, n.verb = row.verb,\n" +
       dates + ";\n\n";
  s += "LOAD CSV WITH HEADERS FROM 'file:///articles.csv' AS row\n"
       "MERGE (n:Article {id: row.id})\n"
       "SET n.title = row.title, n.source = row.source, n.url = row.url, n.file = row.file,\n"
       "    n.dateline = row.dateline, n.dateline_source = row.dateline_source;\n";
  // Cypher cannot take a relationship type from a column, so one pass over the file per type.
  for (const auto& shape : relationship_shapes()) {
    const std::string type = relationship_type(shape.kind);
    s += "\nLOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n";
    s += fmt::format("WITH row WHERE row.type = '{}'\n", type);
    s += match_clause("a", shape.from, "from", "row");
    s += match_clause("b", shape.to, "to", "row, a");
    if (shape.kind == EdgeKind::MentionedIn)
      // One relationship per mention: an article may report a fact more than once.
      s += fmt::format(
          "MERGE (a)-[r:{} {{span: coalesce(row.span, '')}}]->(b)\n"
          "SET r.sentence = row.sentence, r.date = row.date;\n",
          type);
    else
      s += fmt::format("MERGE (a)-[:{}]->(b);\n", type);
  }
  return s;
}

}  // namespace

std::string csv_field(std::string_view s) {
  const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) return std::string(s);
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

Neo4jFiles to_neo4j(const Graph& g) {
  require_linked(g);
  Neo4jFiles files;

  Csv actors({"id", "name", "kind", "known", "generic", "media", "mentions", "names", "roles"});
  for (const auto& a : g.actors)
    actors.row({a.id, a.name, extract::to_string(a.kind), boolean(a.known), boolean(a.generic),
                boolean(a.media), std::to_string(a.mentions), joined(a.names), joined(a.roles)});
  files.actors_csv = actors.take();

  Csv events({"id", "code", "label", "date", "first_day", "last_day", "date_basis", "date_conflict",
              "place", "confidence"});
  for (const auto& e : g.events) {
    const auto d = date_columns(e.date);
    events.row({e.id, e.code, e.label, d.value, d.first, d.last, e.date.basis,
                boolean(e.date.conflict >= 0), e.place, fmt::format("{}", e.confidence)});
  }
  files.events_csv = events.take();

  Csv statements(
      {"id", "quote", "verb", "date", "first_day", "last_day", "date_basis", "date_conflict"});
  for (const auto& st : g.statements) {
    const auto d = date_columns(st.date);
    statements.row({st.id, st.quote, st.verb, d.value, d.first, d.last, st.date.basis,
                    boolean(st.date.conflict >= 0)});
  }
  files.statements_csv = statements.take();

  Csv articles({"id", "title", "source", "url", "file", "dateline", "dateline_source"});
  for (const auto& r : g.articles)
    articles.row({r.id, r.title, r.source, r.url, r.file, r.dateline, r.dateline_source});
  files.articles_csv = articles.take();

  Csv rels({"from", "to", "type", "span", "sentence", "date"});
  const BoostGraph& b = g.boost();
  for (const auto e : boost::make_iterator_range(boost::edges(b))) {
    const Vertex from = boost::source(e, b), to = boost::target(e, b);
    const EdgeProps& p = b[e];
    std::string span, sentence, date;
    if (p.kind == EdgeKind::MentionedIn && p.mention != kNone) {
      const auto& node = g.node(from);
      const std::vector<Mention>& mentions = node.kind == NodeKind::Event
                                                 ? g.events[node.index].mentions
                                                 : g.statements[node.index].mentions;
      if (p.mention < mentions.size()) {
        const Mention& m = mentions[p.mention];
        span = span_text(m.span);
        sentence = span_text(m.sentence);
        date = temporal::timex3_value(m.date);
      }
    }
    rels.row({g.id_of(from), g.id_of(to), relationship_type(p.kind), span, sentence, date});
  }
  files.relationships_csv = rels.take();

  files.import_cypher = cypher_script();
  return files;
}

void write_neo4j(const Neo4jFiles& files, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  core::write_file_atomically(dir / "actors.csv", files.actors_csv);
  core::write_file_atomically(dir / "events.csv", files.events_csv);
  core::write_file_atomically(dir / "statements.csv", files.statements_csv);
  core::write_file_atomically(dir / "articles.csv", files.articles_csv);
  core::write_file_atomically(dir / "relationships.csv", files.relationships_csv);
  core::write_file_atomically(dir / "import.cypher", files.import_cypher);
}

}  // namespace dateline::graph
