#include "graph/json_io.h"

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

json mentions_json(const std::vector<Mention>& ms) {
  json out = json::array();
  for (const auto& m : ms) {
    out.push_back({{"article", m.article},
                   {"start", m.span.begin},
                   {"end", m.span.end},
                   {"sentence", {{"start", m.sentence.begin}, {"end", m.sentence.end}}},
                   {"date", m.date.kind == temporal::Value::Kind::None
                                ? json(nullptr)
                                : json(temporal::timex3_value(m.date))},
                   {"basis", m.basis}});
  }
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
  FactDate date(const json& j) const {
    FactDate d;
    d.value = value(at(j, "value"));
    d.basis = str(j, "basis");
    d.inferred = at(j, "inferred").get<bool>();
    const json& c = at(j, "conflict");
    d.conflict = c.is_null() ? -1 : c.get<int>();
    return d;
  }
  std::vector<Mention> mentions(const json& j, size_t articles) const {
    std::vector<Mention> out;
    for (const auto& m : at(j, "mentions")) {
      Mention x;
      x.article = index(at(m, "article"), articles, "article");
      x.span = {at(m, "start").get<uint32_t>(), at(m, "end").get<uint32_t>()};
      const json& s = at(m, "sentence");
      x.sentence = {at(s, "start").get<uint32_t>(), at(s, "end").get<uint32_t>()};
      x.date = value(at(m, "date"));
      x.basis = str(m, "basis");
      out.push_back(std::move(x));
    }
    return out;
  }
};

}  // namespace

json graph_json(const Graph& g) {
  json j;
  j["format"] = "dateline-graph";
  j["version"] = kGraphFormatVersion;
  json articles = json::array();
  for (const auto& a : g.articles) {
    json credits = json::array();
    for (const auto& c : a.credits)
      credits.push_back(
          {{"actor", c.actor},
           {"role", c.role == extract::CreditRole::Photographer ? "photographer" : "author"}});
    articles.push_back({{"id", a.id},
                        {"file", a.file},
                        {"source", a.source},
                        {"url", a.url},
                        {"title", a.title},
                        {"dateline",
                         {{"value", a.dateline.empty() ? json(nullptr) : json(a.dateline)},
                          {"source", a.dateline_source},
                          {"evidence", a.evidence}}},
                        {"credits", credits}});
  }
  j["articles"] = std::move(articles);
  json actors = json::array();
  for (const auto& a : g.actors)
    actors.push_back({{"id", a.id},
                      {"name", a.name},
                      {"kind", extract::to_string(a.kind)},
                      {"known", a.known},
                      {"generic", a.generic},
                      {"media", a.media},
                      {"names", a.names},
                      {"roles", a.roles},
                      {"affiliations", a.affiliations},
                      {"mentions", a.mentions},
                      {"articles", a.articles}});
  j["actors"] = std::move(actors);
  json events = json::array();
  for (const auto& e : g.events)
    events.push_back({{"id", e.id},
                      {"cameo", e.code},
                      {"label", e.label},
                      {"source", e.source},
                      {"target", e.target},
                      {"date", date_json(e.date)},
                      {"place", e.place},
                      {"confidence", e.confidence},
                      {"mentions", mentions_json(e.mentions)}});
  j["events"] = std::move(events);
  json statements = json::array();
  for (const auto& s : g.statements)
    statements.push_back({{"id", s.id},
                          {"speaker", s.speaker == kNone ? json(nullptr) : json(s.speaker)},
                          {"quote", s.quote},
                          {"verb", s.verb},
                          {"date", date_json(s.date)},
                          {"about", {{"actors", s.about_actors}, {"events", s.about_events}}},
                          {"mentions", mentions_json(s.mentions)}});
  j["statements"] = std::move(statements);
  json conflicts = json::array();
  for (const auto& c : g.conflicts) {
    json stated = json::array();
    for (const auto& s : c.stated)
      stated.push_back({{"article", s.article}, {"date", temporal::timex3_value(s.date)}});
    conflicts.push_back({{"of", c.of == Conflict::Of::Event ? "event" : "statement"},
                         {"index", c.index},
                         {"stated", stated}});
  }
  j["conflicts"] = std::move(conflicts);
  return j;
}

std::string graph_json_text(const Graph& g) {
  return graph_json(g).dump() + "\n";
}

Graph graph_from_json_text(std::string_view text, const std::string& name) {
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
  }
  const Reader r{name};
  if (!j.is_object() || !j.contains("format") || j["format"] != "dateline-graph")
    r.fail("no \"format\": \"dateline-graph\"");
  const json& version = r.at(j, "version");
  if (!version.is_number_integer()) r.fail("'version' is not a number");
  if (version.get<int>() > kGraphFormatVersion)
    throw core::Error(fmt::format("graph format version {} is newer than this dateline reads "
                                  "({}); rebuild the graph or update dateline",
                                  version.get<int>(), kGraphFormatVersion),
                      {name});
  Graph g;
  try {
    const size_t n_articles = r.at(j, "articles").size();
    const size_t n_actors = r.at(j, "actors").size();
    const size_t n_events = r.at(j, "events").size();
    for (const auto& a : j["actors"]) {
      ActorNode n;
      n.id = r.str(a, "id");
      n.name = r.str(a, "name");
      const auto kind = extract::actor_kind_from(r.str(a, "kind"));
      if (!kind) r.fail("an actor's kind is unknown");
      n.kind = *kind;
      n.known = r.at(a, "known").get<bool>();
      n.generic = r.at(a, "generic").get<bool>();
      n.media = r.at(a, "media").get<bool>();
      n.names = r.at(a, "names").get<std::vector<std::string>>();
      n.roles = r.at(a, "roles").get<std::vector<std::string>>();
      n.affiliations = r.indices(a, "affiliations", n_actors);
      n.mentions = r.at(a, "mentions").get<uint32_t>();
      n.articles = r.indices(a, "articles", n_articles);
      g.actors.push_back(std::move(n));
    }
    for (const auto& a : j["articles"]) {
      ArticleNode n;
      n.id = r.str(a, "id");
      n.file = r.str(a, "file");
      n.source = r.str(a, "source");
      n.url = r.str(a, "url");
      n.title = r.str(a, "title");
      const json& d = r.at(a, "dateline");
      n.dateline = r.str(d, "value");
      n.dateline_source = r.str(d, "source");
      n.evidence = r.at(d, "evidence").get<std::vector<std::string>>();
      for (const auto& c : r.at(a, "credits"))
        n.credits.push_back({r.index(r.at(c, "actor"), n_actors, "actor"),
                             r.str(c, "role") == "photographer" ? extract::CreditRole::Photographer
                                                                : extract::CreditRole::Author});
      g.articles.push_back(std::move(n));
    }
    for (const auto& e : j["events"]) {
      EventNode n;
      n.id = r.str(e, "id");
      n.code = r.str(e, "cameo");
      n.label = r.str(e, "label");
      n.source = r.indices(e, "source", n_actors);
      n.target = r.indices(e, "target", n_actors);
      n.date = r.date(r.at(e, "date"));
      n.place = r.str(e, "place");
      n.confidence = r.at(e, "confidence").get<double>();
      n.mentions = r.mentions(e, n_articles);
      g.events.push_back(std::move(n));
    }
    for (const auto& s : r.at(j, "statements")) {
      StatementNode n;
      n.id = r.str(s, "id");
      const json& speaker = r.at(s, "speaker");
      n.speaker = speaker.is_null() ? kNone : r.index(speaker, n_actors, "speaker");
      n.quote = r.str(s, "quote");
      n.verb = r.str(s, "verb");
      n.date = r.date(r.at(s, "date"));
      const json& about = r.at(s, "about");
      n.about_actors = r.indices(about, "actors", n_actors);
      n.about_events = r.indices(about, "events", n_events);
      n.mentions = r.mentions(s, n_articles);
      g.statements.push_back(std::move(n));
    }
    for (const auto& c : r.at(j, "conflicts")) {
      Conflict x;
      x.of = r.str(c, "of") == "statement" ? Conflict::Of::Statement : Conflict::Of::Event;
      x.index = r.index(r.at(c, "index"),
                        x.of == Conflict::Of::Event ? n_events : g.statements.size(), "conflict");
      for (const auto& s : r.at(c, "stated"))
        x.stated.push_back(
            {r.index(r.at(s, "article"), n_articles, "article"), r.value(r.at(s, "date"))});
      g.conflicts.push_back(std::move(x));
    }
  } catch (const json::exception& e) {
    r.fail(e.what());
  }
  g.link();
  return g;
}

Graph load_graph(const std::filesystem::path& path) {
  return graph_from_json_text(core::read_file(path), path.string());
}

}  // namespace dateline::graph
