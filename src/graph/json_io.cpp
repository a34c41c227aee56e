#include "graph/json_io.h"

#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/error.h"
#include "core/files.h"
#include "temporal/timex3.h"

namespace dateline::graph {

namespace {

using nlohmann::json;

json date_json(const FactDate& d) {
  json j;
  j["value"] = d.value.kind == temporal::Value::Kind::None ? json(nullptr)
                                                           : json(temporal::timex3_value(d.value));
  j["basis"] = d.basis;
  j["inferred"] = d.inferred;
  j["conflict"] = d.conflict < 0 ? json(nullptr) : json(d.conflict);
  return j;
}

// A mention is an array, the bulk of a graph: [article, start, end, sentence start,
// sentence end, date or null, basis, sentence text].
json mentions_json(const std::vector<Mention>& ms) {
  json out = json::array();
  for (const auto& m : ms)
    out.push_back(json::array(
        {m.article, m.span.begin, m.span.end, m.sentence.begin, m.sentence.end,
         m.date.kind == temporal::Value::Kind::None ? json(nullptr)
                                                    : json(temporal::timex3_value(m.date)),
         m.basis, m.text}));
  return out;
}

// ---- reading ----

struct Reader {
  const std::string& name;

  [[noreturn]] void fail(const std::string& what) const {
    throw core::Error(fmt::format("not a Dateline graph: {}", what), {name});
  }
  const json& at(const json& j, const char* key) const {
    if (!j.is_object() || !j.contains(key)) fail(fmt::format("'{}' is missing", key));
    return j.at(key);
  }
  std::string str(const json& j, const char* key) const {
    const json& v = at(j, key);
    if (v.is_null()) return {};
    if (!v.is_string()) fail(fmt::format("'{}' is not a string", key));
    return v.get<std::string>();
  }
  uint32_t index(const json& v, size_t limit, const char* what) const {
    if (!v.is_number_unsigned() || v.get<uint64_t>() >= limit)
      fail(fmt::format("{} index {} is out of range", what, v.dump()));
    return static_cast<uint32_t>(v.get<uint64_t>());
  }
  // A count or an offset: a whole number from 0 to 2^32 - 1. nlohmann's get<uint32_t> would
  // convert 1e40 or -1 without a word (found by fuzzing).
  uint32_t whole(const json& v, const char* what) const {
    if (!v.is_number_unsigned() || v.get<uint64_t>() > UINT32_MAX)
      fail(fmt::format("{} {} is not a whole number below 2^32", what, v.dump()));
    return static_cast<uint32_t>(v.get<uint64_t>());
  }
  std::vector<uint32_t> indices(const json& j, const char* key, size_t limit) const {
    std::vector<uint32_t> out;
    for (const auto& v : at(j, key)) out.push_back(index(v, limit, key));
    return out;
  }
  temporal::Value value(const json& v) const {
    if (v.is_null()) return {};
    if (!v.is_string()) fail("a date is not a string");
    const auto parsed = temporal::value_from_timex3(v.get<std::string>());
    return parsed ? *parsed : temporal::Value{};
  }
  // `conflicts`: how many conflicts the graph lists, which a date's conflict indexes.
  FactDate date(const json& j, size_t conflicts) const {
    FactDate d;
    d.value = value(at(j, "value"));
    d.basis = str(j, "basis");
    d.inferred = at(j, "inferred").get<bool>();
    const json& c = at(j, "conflict");
    d.conflict = c.is_null() ? -1 : static_cast<int>(index(c, conflicts, "conflict"));
    return d;
  }
  std::vector<Mention> mentions(const json& j, size_t articles) const {
    std::vector<Mention> out;
    for (const auto& m : at(j, "mentions")) {
      if (!m.is_array() || m.size() != 8) fail("a mention is not an array of eight");
      const auto offset = [&](size_t i) { return whole(m[i], "a mention's offset"); };
      Mention x;
      x.article = index(m[0], articles, "article");
      x.span = {offset(1), offset(2)};
      x.sentence = {offset(3), offset(4)};
      x.date = value(m[5]);
      if (!m[6].is_string() || !m[7].is_string()) fail("a mention's basis or text is not a string");
      x.basis = m[6].get<std::string>();
      x.text = m[7].get<std::string>();
      out.push_back(std::move(x));
    }
    return out;
  }
};

}  // namespace

namespace {

json article_json(const ArticleNode& a) {
  json credits = json::array();
  for (const auto& c : a.credits)
    credits.push_back(
        {{"actor", c.actor},
         {"role", c.role == extract::CreditRole::Photographer ? "photographer" : "author"}});
  return {{"id", a.id},
          {"file", a.file},
          {"source", a.source},
          {"url", a.url},
          {"title", a.title},
          {"dateline",
           {{"value", a.dateline.empty() ? json(nullptr) : json(a.dateline)},
            {"source", a.dateline_source},
            {"evidence", a.evidence}}},
          {"credits", credits}};
}

json actor_json(const ActorNode& a) {
  return {{"id", a.id},
          {"name", a.name},
          {"kind", extract::to_string(a.kind)},
          {"known", a.known},
          {"generic", a.generic},
          {"media", a.media},
          {"names", a.names},
          {"roles", a.roles},
          {"affiliations", a.affiliations},
          {"mentions", a.mentions},
          {"articles", a.articles}};
}

json event_json(const EventNode& e) {
  return {{"id", e.id},
          {"cameo", e.code},
          {"label", e.label},
          {"source", e.source},
          {"target", e.target},
          {"date", date_json(e.date)},
          {"place", e.place},
          {"confidence", e.confidence},
          {"mentions", mentions_json(e.mentions)}};
}

json statement_json(const StatementNode& s) {
  return {{"id", s.id},
          {"speaker", s.speaker == kNone ? json(nullptr) : json(s.speaker)},
          {"quote", s.quote},
          {"verb", s.verb},
          {"date", date_json(s.date)},
          {"about", {{"actors", s.about_actors}, {"events", s.about_events}}},
          {"mentions", mentions_json(s.mentions)}};
}

json conflict_json(const Conflict& c) {
  json stated = json::array();
  for (const auto& s : c.stated)
    stated.push_back({{"article", s.article}, {"date", temporal::timex3_value(s.date)}});
  return {{"of", c.of == Conflict::Of::Event ? "event" : "statement"},
          {"index", c.index},
          {"stated", stated}};
}

// Every table of the graph with the function that writes one of its nodes, in file order.
template <typename Each>
void for_each_table(const Graph& g, Each&& each) {
  each("articles", g.articles, article_json);
  each("actors", g.actors, actor_json);
  each("events", g.events, event_json);
  each("statements", g.statements, statement_json);
  each("conflicts", g.conflicts, conflict_json);
}

}  // namespace

json graph_json(const Graph& g) {
  json j;
  j["format"] = "dateline-graph";
  j["version"] = kGraphFormatVersion;
  for_each_table(g, [&](const char* name, const auto& table, const auto& to_json) {
    json list = json::array();
    for (const auto& node : table) list.push_back(to_json(node));
    j[name] = std::move(list);
  });
  return j;
}

namespace {

// Writes graph.json a node a line, handing the text to `sink` as it goes: no document-sized
// tree in memory, and a layout the reader can split into nodes.
template <typename Sink>
void write_graph(const Graph& g, Sink&& sink) {
  std::string out =
      fmt::format("{{\"format\":\"dateline-graph\",\"version\":{}", kGraphFormatVersion);
  for_each_table(g, [&](const char* name, const auto& table, const auto& to_json) {
    out += fmt::format(",\n\"{}\":[", name);
    for (size_t i = 0; i < table.size(); ++i) {
      out += i ? ",\n" : "\n";
      out += to_json(table[i]).dump();
      if (out.size() > (1u << 20)) {
        sink(out);
        out.clear();
      }
    }
    out += "\n]";
  });
  out += "}\n";
  sink(out);
}

}  // namespace

std::string graph_json_text(const Graph& g) {
  std::string text;
  write_graph(g, [&](const std::string& part) { text += part; });
  return text;
}

void write_graph_json(const Graph& g, const std::filesystem::path& path) {
  core::AtomicFile file(path);
  write_graph(g, [&](const std::string& part) { file.write(part); });
  file.commit();
}

namespace {

// How many nodes each table holds: the range every index is checked against.
struct Sizes {
  size_t articles = 0, actors = 0, events = 0, statements = 0, conflicts = 0;
};

ActorNode read_actor(const Reader& r, const json& a, const Sizes& n) {
  ActorNode x;
  x.id = r.str(a, "id");
  x.name = r.str(a, "name");
  const auto kind = extract::actor_kind_from(r.str(a, "kind"));
  if (!kind) r.fail("an actor's kind is unknown");
  x.kind = *kind;
  x.known = r.at(a, "known").get<bool>();
  x.generic = r.at(a, "generic").get<bool>();
  x.media = r.at(a, "media").get<bool>();
  x.names = r.at(a, "names").get<std::vector<std::string>>();
  x.roles = r.at(a, "roles").get<std::vector<std::string>>();
  x.affiliations = r.indices(a, "affiliations", n.actors);
  x.mentions = r.whole(r.at(a, "mentions"), "an actor's mention count");
  x.articles = r.indices(a, "articles", n.articles);
  return x;
}

ArticleNode read_article(const Reader& r, const json& a, const Sizes& n) {
  ArticleNode x;
  x.id = r.str(a, "id");
  x.file = r.str(a, "file");
  x.source = r.str(a, "source");
  x.url = r.str(a, "url");
  x.title = r.str(a, "title");
  const json& d = r.at(a, "dateline");
  x.dateline = r.str(d, "value");
  x.dateline_source = r.str(d, "source");
  x.evidence = r.at(d, "evidence").get<std::vector<std::string>>();
  for (const auto& c : r.at(a, "credits"))
    x.credits.push_back({r.index(r.at(c, "actor"), n.actors, "actor"),
                         r.str(c, "role") == "photographer" ? extract::CreditRole::Photographer
                                                            : extract::CreditRole::Author});
  return x;
}

EventNode read_event(const Reader& r, const json& e, const Sizes& n) {
  EventNode x;
  x.id = r.str(e, "id");
  x.code = r.str(e, "cameo");
  x.label = r.str(e, "label");
  x.source = r.indices(e, "source", n.actors);
  x.target = r.indices(e, "target", n.actors);
  x.date = r.date(r.at(e, "date"), n.conflicts);
  x.place = r.str(e, "place");
  x.confidence = r.at(e, "confidence").get<double>();
  x.mentions = r.mentions(e, n.articles);
  return x;
}

StatementNode read_statement(const Reader& r, const json& s, const Sizes& n) {
  StatementNode x;
  x.id = r.str(s, "id");
  const json& speaker = r.at(s, "speaker");
  x.speaker = speaker.is_null() ? kNone : r.index(speaker, n.actors, "speaker");
  x.quote = r.str(s, "quote");
  x.verb = r.str(s, "verb");
  x.date = r.date(r.at(s, "date"), n.conflicts);
  const json& about = r.at(s, "about");
  x.about_actors = r.indices(about, "actors", n.actors);
  x.about_events = r.indices(about, "events", n.events);
  x.mentions = r.mentions(s, n.articles);
  return x;
}

Conflict read_conflict(const Reader& r, const json& c, const Sizes& n) {
  Conflict x;
  x.of = r.str(c, "of") == "statement" ? Conflict::Of::Statement : Conflict::Of::Event;
  x.index =
      r.index(r.at(c, "index"), x.of == Conflict::Of::Event ? n.events : n.statements, "conflict");
  for (const auto& s : r.at(c, "stated"))
    x.stated.push_back(
        {r.index(r.at(s, "article"), n.articles, "article"), r.value(r.at(s, "date"))});
  return x;
}

void check_version(const Reader& r, const json& header) {
  if (!header.is_object() || !header.contains("format") || header["format"] != "dateline-graph")
    r.fail("no \"format\": \"dateline-graph\"");
  const json& version = r.at(header, "version");
  // A whole number in int's range: 4294967298 must not pass for 2.
  if (!version.is_number_integer() || version.get<int64_t>() < INT32_MIN ||
      version.get<int64_t>() > INT32_MAX)
    r.fail("'version' is not a number");
  if (version.get<int>() > kGraphFormatVersion)
    throw core::Error(fmt::format("graph format version {} is newer than this dateline reads "
                                  "({}); rebuild the graph or update dateline",
                                  version.get<int>(), kGraphFormatVersion),
                      {r.name});
  if (version.get<int>() < kGraphFormatVersion)
    throw core::Error(fmt::format("graph format version {} was written by an older dateline; "
                                  "rebuild the graph (dateline build) to read it",
                                  version.get<int>()),
                      {r.name});
}

// What nlohmann's message says after its "[json.exception.name.id] " prefix.
std::string json_problem(const json::exception& e) {
  const std::string_view what = e.what();
  const size_t end = what.find("] ");
  return std::string(end == std::string_view::npos ? what : what.substr(end + 2));
}

// The whole document as one tree: any layout of the JSON, with the line of a syntax error.
Graph read_tree(std::string_view text, const std::string& name) {
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error& e) {
    // The byte where it broke, as a line for the message.
    const size_t at = std::min<size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
    throw core::Error(
        at >= text.size() ? "graph.json is cut short (truncated?)" : "graph.json is not valid JSON",
        {name, line});
  } catch (const json::exception& e) {  // a number too large for a double: "1e999"
    throw core::Error(fmt::format("graph.json is not valid JSON ({})", json_problem(e)), {name});
  }
  const Reader r{name};
  check_version(r, j);
  Graph g;
  try {
    const Sizes n{r.at(j, "articles").size(), r.at(j, "actors").size(), r.at(j, "events").size(),
                  r.at(j, "statements").size(), r.at(j, "conflicts").size()};
    for (const auto& a : j["articles"]) g.articles.push_back(read_article(r, a, n));
    for (const auto& a : j["actors"]) g.actors.push_back(read_actor(r, a, n));
    for (const auto& e : j["events"]) g.events.push_back(read_event(r, e, n));
    for (const auto& s : j["statements"]) g.statements.push_back(read_statement(r, s, n));
    for (const auto& c : r.at(j, "conflicts")) g.conflicts.push_back(read_conflict(r, c, n));
  } catch (const json::exception& e) {
    r.fail(e.what());
  }
  return g;
}

// graph.json as Dateline writes it, a node a line: each table's lines are parsed on their own,
// on every core. Returns nothing when the text is laid out otherwise.
struct Layout {
  std::string_view header;
  struct Table {
    std::string_view name;
    std::vector<std::string_view> nodes;
    size_t first_line = 0;  // of its first node, from 1
  };
  std::vector<Table> tables;
};

std::optional<Layout> split_layout(std::string_view text) {
  Layout out;
  size_t pos = 0, line = 0;
  const auto next_line = [&]() -> std::optional<std::string_view> {
    if (pos >= text.size()) return std::nullopt;
    const size_t end = std::min(text.find('\n', pos), text.size());
    const auto l = text.substr(pos, end - pos);
    pos = std::min(end + 1, text.size());  // the last line may lack its newline
    ++line;
    return l;
  };
  const auto header = next_line();
  if (!header || !header->starts_with("{\"format\":")) return std::nullopt;
  out.header = *header;
  for (const char* name : {"articles", "actors", "events", "statements", "conflicts"}) {
    const auto open = next_line();
    if (!open || *open != fmt::format("\"{}\":[", name)) return std::nullopt;
    Layout::Table t;
    t.name = name;
    t.first_line = line + 1;
    for (;;) {
      const auto l = next_line();
      if (!l) return std::nullopt;
      if (l->starts_with("]")) {
        const bool last = t.name == "conflicts";
        if (*l != (last ? "]}" : "],")) return std::nullopt;
        break;
      }
      t.nodes.push_back(l->ends_with(",") ? l->substr(0, l->size() - 1) : *l);
    }
    out.tables.push_back(std::move(t));
  }
  if (text.substr(pos).find_first_not_of(" \t\r\n") != std::string_view::npos) return std::nullopt;
  return out;
}

// Parses a table's node lines into `nodes` on `threads` threads; the error of the earliest bad
// line, if any, names it.
template <typename Node, typename ReadFn>
void read_lines(const Layout::Table& t, std::vector<Node>& nodes, const Sizes& n, ReadFn read,
                const std::string& name, unsigned threads) {
  nodes.resize(t.nodes.size());
  std::vector<std::optional<core::Error>> errors(threads);
  const auto work = [&](unsigned k) {
    const Reader r{name};
    for (size_t i = k; i < t.nodes.size(); i += threads) {
      try {
        nodes[i] = read(r, json::parse(t.nodes[i]), n);
      } catch (const std::exception& e) {
        const int line = static_cast<int>(t.first_line + i);
        const auto* err = dynamic_cast<const core::Error*>(&e);
        errors[k] = core::Error(err ? err->message() : std::string("graph.json is not valid JSON"),
                                {name, line});
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < threads; ++k) pool.emplace_back(work, k);
  work(0);
  for (auto& th : pool) th.join();
  const core::Error* first = nullptr;
  for (const auto& e : errors)
    if (e && (!first || e->where().line < first->where().line)) first = &*e;
  if (first) throw *first;
}

Graph read_layout(const Layout& layout, const std::string& name) {
  const Reader r{name};
  json header;
  try {
    std::string h(layout.header);
    if (h.ends_with(",")) h.pop_back();
    header = json::parse(h + "}");
  } catch (const json::exception&) {
    throw core::Error("graph.json is not valid JSON", {name, 1});
  }
  check_version(r, header);
  const auto& t = layout.tables;
  const Sizes n{t[0].nodes.size(), t[1].nodes.size(), t[2].nodes.size(), t[3].nodes.size(),
                t[4].nodes.size()};
  const unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 8u));
  Graph g;
  read_lines(t[0], g.articles, n, read_article, name, threads);
  read_lines(t[1], g.actors, n, read_actor, name, threads);
  read_lines(t[2], g.events, n, read_event, name, threads);
  read_lines(t[3], g.statements, n, read_statement, name, threads);
  read_lines(t[4], g.conflicts, n, read_conflict, name, threads);
  return g;
}

}  // namespace

Graph graph_from_json_text(std::string_view text, const std::string& name) {
  const auto layout = split_layout(text);
  Graph g = layout ? read_layout(*layout, name) : read_tree(text, name);
  g.link();
  return g;
}

Graph load_graph(const std::filesystem::path& path) {
  return graph_from_json_text(core::read_file(path), path.string());
}

}  // namespace dateline::graph
