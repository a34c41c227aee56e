#include "query/format.h"

#include <fmt/format.h>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include "query/table.h"
#include "temporal/timex3.h"

namespace dateline::query {

namespace {

using nlohmann::json;

std::string iso(const temporal::Date& d) {
  return boost::gregorian::to_iso_extended_string(d);
}

std::string value_text(const temporal::Value& v) {
  return v.kind == temporal::Value::Kind::None ? "" : temporal::timex3_value(v);
}

// A fact's date for a table: its value, "*" when reports disagree, "~" when it comes from an
// inferred dateline; "-" when undated.
std::string date_cell(const graph::FactDate& d) {
  if (d.value.kind == temporal::Value::Kind::None) return "-";
  return value_text(d.value) + (d.conflict >= 0 ? "*" : "") + (d.inferred ? "~" : "");
}

// A fact's date in words: "dated 2026-02-26 (clause; the reports disagree)".
std::string date_words(const graph::FactDate& d) {
  if (d.value.kind == temporal::Value::Kind::None) return "undated";
  std::string how = d.basis;
  if (d.inferred) how += "; from an inferred dateline";
  if (d.conflict >= 0) how += "; the reports disagree";
  return fmt::format("dated {} ({})", value_text(d.value), how);
}

std::string names(const graph::Graph& g, const std::vector<uint32_t>& actors) {
  std::string out;
  for (uint32_t a : actors) out += (out.empty() ? "" : ", ") + g.actors[a].name;
  return out;
}

std::string plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "(3 events)", "(showing 5 of 12 events)", "no events".
std::string count_line(size_t shown, size_t total, std::string_view one, std::string_view many) {
  if (total == 0) return fmt::format("no {}\n", many);
  if (shown < total) return fmt::format("(showing {} of {})\n", shown, plural(total, one, many));
  return fmt::format("({})\n", plural(total, one, many));
}

// The legend of the marks date_cell() adds, when any row carries one.
template <typename Facts>
std::string legend(const Facts& facts) {
  bool conflict = false, inferred = false;
  for (const graph::FactDate* d : facts) {
    conflict = conflict || d->conflict >= 0;
    inferred = inferred || d->inferred;
  }
  std::string out;
  if (conflict) out += "* reports disagree on the date (see: sources ID)\n";
  if (inferred) out += "~ dated from an inferred dateline\n";
  return out;
}

std::string about_cell(const graph::Graph& g, const graph::StatementNode& s) {
  std::string out = names(g, s.about_actors);
  for (uint32_t e : s.about_events) out += (out.empty() ? "" : ", ") + g.events[e].id;
  return out;
}

// ---- text ----

struct Text {
  const graph::Graph& g;

  std::string operator()(const EventList& r) const {
    Table t{
        {"id", "date", "cameo", "label", "source", "target", "reports"}, {}, {0, 0, 0, 40, 30, 30}};
    std::vector<const graph::FactDate*> dates;
    for (uint32_t i : r.events) {
      const auto& e = g.events[i];
      t.add({e.id, date_cell(e.date), e.code, e.label, names(g, e.source), names(g, e.target),
             std::to_string(e.mentions.size())});
      dates.push_back(&e.date);
    }
    return (r.events.empty() ? "" : render(t) + legend(dates)) +
           count_line(r.events.size(), r.total, "event", "events");
  }

  std::string operator()(const StatementList& r) const {
    Table t{{"id", "date", "speaker", "verb", "quote", "about"}, {}, {0, 0, 30, 0, 60, 40}};
    std::vector<const graph::FactDate*> dates;
    for (uint32_t i : r.statements) {
      const auto& s = g.statements[i];
      t.add({s.id, date_cell(s.date), speaker(s), s.verb, "\"" + s.quote + "\"", about_cell(g, s)});
      dates.push_back(&s.date);
    }
    return (r.statements.empty() ? "" : render(t) + legend(dates)) +
           count_line(r.statements.size(), r.total, "statement", "statements");
  }

  std::string speaker(const graph::StatementNode& s) const {
    return s.speaker == graph::kNone ? "-" : g.actors[s.speaker].name;
  }

  std::string operator()(const Timeline& r) const {
    std::string out = fmt::format("timeline of {}\n", actors_line(r.actors));
    Table t{{"date", "id", "role", "what", "with"}, {}, {0, 0, 0, 60, 40}};
    std::vector<const graph::FactDate*> dates;
    for (const auto& e : r.entries) {
      if (e.kind == graph::NodeKind::Event) {
        const auto& ev = g.events[e.index];
        std::vector<uint32_t> with = ev.source;
        with.insert(with.end(), ev.target.begin(), ev.target.end());
        std::erase_if(with, [&](uint32_t a) { return is_one_of(r.actors, a); });
        t.add({date_cell(ev.date), ev.id, e.role, ev.label, names(g, with)});
        dates.push_back(&ev.date);
      } else {
        const auto& s = g.statements[e.index];
        const std::string with = e.role == "speaker" ? about_cell(g, s) : speaker(s);
        t.add({date_cell(s.date), s.id, e.role, "\"" + s.quote + "\"", with});
        dates.push_back(&s.date);
      }
    }
    return out + (r.entries.empty() ? "" : render(t) + legend(dates)) +
           count_line(r.entries.size(), r.total, "entry", "entries");
  }

  static bool is_one_of(const std::vector<uint32_t>& v, uint32_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  }

  std::string actors_line(const std::vector<uint32_t>& actors) const {
    std::string out;
    for (uint32_t a : actors)
      out += (out.empty() ? "" : "; ") + fmt::format("{} ({})", g.actors[a].name, g.actors[a].id);
    return out;
  }

  std::string operator()(const Path& r) const {
    const auto& from = g.actors[r.from];
    const auto& to = g.actors[r.to];
    if (r.vertices.empty()) return fmt::format("no path between {} and {}\n", from.name, to.name);
    Table t{{"step", "kind", "id", "name", "link"}, {}, {0, 0, 0, 50}};
    for (size_t i = 0; i < r.vertices.size(); ++i) {
      const auto v = r.vertices[i];
      std::string link;
      if (i > 0) {
        const auto& l = r.links[i - 1];
        const auto a = l.forward ? r.vertices[i - 1] : v, b = l.forward ? v : r.vertices[i - 1];
        link = fmt::format("{} {} {}", g.id_of(a), graph::to_string(l.kind), g.id_of(b));
      }
      t.add({std::to_string(i), std::string(graph::to_string(g.node(v).kind)), g.id_of(v),
             g.name_of(v), link});
    }
    return fmt::format("path from {} to {}: {}\n", from.name, to.name,
                       plural(r.links.size(), "step", "steps")) +
           render(t);
  }

  std::string operator()(const Neighbours& r) const {
    const auto& a = g.actors[r.actor];
    std::string out = fmt::format("neighbours of {} within {}\n", a.name,
                                  plural(static_cast<size_t>(r.depth), "step", "steps"));
    Table t{{"distance", "id", "name", "kind", "mentions"}, {}, {}};
    for (const auto& [n, d] : r.actors) {
      const auto& x = g.actors[n];
      t.add({std::to_string(d), x.id, x.name, std::string(extract::to_string(x.kind)),
             std::to_string(x.mentions)});
    }
    return out + (r.actors.empty() ? "" : render(t)) +
           count_line(r.actors.size(), r.actors.size(), "actor", "actors");
  }

  std::string operator()(const Sources& r) const {
    const bool event = r.kind == graph::NodeKind::Event;
    const auto& mentions = event ? g.events[r.index].mentions : g.statements[r.index].mentions;
    std::string out;
    if (event) {
      const auto& e = g.events[r.index];
      out = fmt::format("{} {} {}: {}\n", e.id, e.code, e.label, date_words(e.date));
    } else {
      const auto& s = g.statements[r.index];
      out = fmt::format("{} {} {} \"{}\": {}\n", s.id, speaker(s), s.verb, s.quote,
                        date_words(s.date));
    }
    Table t{{"#", "article", "outlet", "dateline", "states", "basis", "sentence"}, {}, {}};
    for (size_t i = 0; i < mentions.size(); ++i) {
      const auto& m = mentions[i];
      const auto& a = g.articles[m.article];
      const auto& s = r.sentences[i];
      t.add({std::to_string(i + 1), a.id, a.source.empty() ? "-" : a.source,
             a.dateline.empty() ? "-" : a.dateline,
             m.date.kind == temporal::Value::Kind::None ? "-" : value_text(m.date), m.basis,
             s.found ? s.text : "(" + s.text + ")"});
    }
    return out + render(t) + count_line(mentions.size(), mentions.size(), "report", "reports");
  }

  std::string operator()(const ConflictList& r) const {
    Table t{{"fact", "what", "kept", "states", "article", "outlet"}, {}, {0, 40}};
    for (uint32_t c : r.conflicts) {
      const auto& con = g.conflicts[c];
      const bool event = con.of == graph::Conflict::Of::Event;
      const std::string id = event ? g.events[con.index].id : g.statements[con.index].id;
      const std::string what =
          event ? g.events[con.index].label : "\"" + g.statements[con.index].quote + "\"";
      const auto& kept = event ? g.events[con.index].date : g.statements[con.index].date;
      for (size_t i = 0; i < con.stated.size(); ++i) {
        const auto& a = g.articles[con.stated[i].article];
        t.add({i ? "" : id, i ? "" : what, i ? "" : value_text(kept.value),
               value_text(con.stated[i].date), a.id, a.source});
      }
    }
    return (r.conflicts.empty() ? "" : render(t)) +
           count_line(r.conflicts.size(), r.total, "conflict", "conflicts");
  }

  static std::string list(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "; ") + s;
    return out.empty() ? "-" : out;
  }

  std::string operator()(const Profile& r) const {
    const auto& a = g.actors[r.actor];
    Table t;
    t.add({"id", a.id});
    t.add({"name", a.name});
    t.add({"kind", std::string(extract::to_string(a.kind)) + (a.known ? " (gazetteer)" : "") +
                       (a.generic ? " (generic)" : "")});
    t.add({"names", list(a.names)});
    t.add({"roles", list(a.roles)});
    const std::string affiliations = names(g, a.affiliations);
    t.add({"affiliations", affiliations.empty() ? "-" : affiliations});
    const std::string members = names(g, r.members);
    t.add({"members", members.empty() ? "-" : members});
    t.add({"first seen", r.first_seen ? iso(*r.first_seen) : "-"});
    t.add({"last seen", r.last_seen ? iso(*r.last_seen) : "-"});
    t.add({"mentions",
           fmt::format("{} in {}", a.mentions, plural(a.articles.size(), "article", "articles"))});
    t.add({"events", fmt::format("{} as source, {} as target", r.as_source, r.as_target)});
    t.add({"statements", fmt::format("{} made, {} about it", r.said, r.about)});
    return render(t);
  }

  std::string operator()(const Stats& r) const {
    Table t;
    t.add({"articles",
           fmt::format("{} from {}; {} inferred, {} undated", r.articles,
                       plural(r.outlets, "outlet", "outlets"),
                       plural(r.inferred_datelines, "dateline", "datelines"), r.undated_articles)});
    t.add({"actors", fmt::format("{}: {} persons, {} organisations, {} countries, {} groups",
                                 r.actors, r.persons, r.organisations, r.countries, r.groups)});
    t.add({"events", fmt::format("{}, {} dated", r.events, r.dated_events)});
    t.add({"statements", fmt::format("{}, {} dated", r.statements, r.dated_statements)});
    t.add({"conflicts", std::to_string(r.conflicts)});
    t.add({"dates", r.first ? fmt::format("{} to {}", iso(*r.first), iso(*r.last)) : "-"});
    std::string most;
    for (uint32_t a : r.most_mentioned)
      most += (most.empty() ? "" : ", ") +
              fmt::format("{} ({})", g.actors[a].name, g.actors[a].mentions);
    t.add({"most mentioned", most.empty() ? "-" : most});
    return render(t);
  }

  std::string operator()(const Message& r) const { return r.text + "\n"; }
};

// ---- JSON ----

json nullable(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json date_json(const graph::FactDate& d) {
  return {{"value", nullable(value_text(d.value))},
          {"basis", d.basis},
          {"inferred", d.inferred},
          {"conflict", d.conflict >= 0}};
}

struct Json {
  const graph::Graph& g;

  json actor(uint32_t a) const { return {{"id", g.actors[a].id}, {"name", g.actors[a].name}}; }
  json actors(const std::vector<uint32_t>& v) const {
    json out = json::array();
    for (uint32_t a : v) out.push_back(actor(a));
    return out;
  }
  json event(uint32_t i) const {
    const auto& e = g.events[i];
    return {{"id", e.id},       {"date", date_json(e.date)},  {"cameo", e.code},
            {"label", e.label}, {"source", actors(e.source)}, {"target", actors(e.target)},
            {"place", e.place}, {"confidence", e.confidence}, {"reports", e.mentions.size()}};
  }
  json statement(uint32_t i) const {
    const auto& s = g.statements[i];
    json events = json::array();
    for (uint32_t e : s.about_events) events.push_back(g.events[e].id);
    return {{"id", s.id},
            {"date", date_json(s.date)},
            {"speaker", s.speaker == graph::kNone ? json(nullptr) : actor(s.speaker)},
            {"verb", s.verb},
            {"quote", s.quote},
            {"about", {{"actors", actors(s.about_actors)}, {"events", events}}},
            {"reports", s.mentions.size()}};
  }

  json operator()(const EventList& r) const {
    json rows = json::array();
    for (uint32_t e : r.events) rows.push_back(event(e));
    return {{"kind", "events"}, {"total", r.total}, {"events", rows}};
  }
  json operator()(const StatementList& r) const {
    json rows = json::array();
    for (uint32_t s : r.statements) rows.push_back(statement(s));
    return {{"kind", "statements"}, {"total", r.total}, {"statements", rows}};
  }
  json operator()(const Timeline& r) const {
    json rows = json::array();
    for (const auto& e : r.entries) {
      json row = e.kind == graph::NodeKind::Event ? event(e.index) : statement(e.index);
      row["kind"] = graph::to_string(e.kind);
      row["role"] = e.role;
      rows.push_back(std::move(row));
    }
    return {
        {"kind", "timeline"}, {"actors", actors(r.actors)}, {"total", r.total}, {"entries", rows}};
  }
  json operator()(const Path& r) const {
    json steps = json::array();
    for (size_t i = 0; i < r.vertices.size(); ++i) {
      const auto v = r.vertices[i];
      json step = {
          {"kind", graph::to_string(g.node(v).kind)}, {"id", g.id_of(v)}, {"name", g.name_of(v)}};
      if (i > 0) {
        const auto& l = r.links[i - 1];
        const auto a = l.forward ? r.vertices[i - 1] : v, b = l.forward ? v : r.vertices[i - 1];
        step["link"] = {
            {"kind", graph::to_string(l.kind)}, {"from", g.id_of(a)}, {"to", g.id_of(b)}};
      }
      steps.push_back(std::move(step));
    }
    return {{"kind", "path"},
            {"from", actor(r.from)},
            {"to", actor(r.to)},
            {"found", !r.vertices.empty()},
            {"steps", steps}};
  }
  json operator()(const Neighbours& r) const {
    json rows = json::array();
    for (const auto& [a, d] : r.actors) {
      json row = actor(a);
      row["kind"] = extract::to_string(g.actors[a].kind);
      row["distance"] = d;
      row["mentions"] = g.actors[a].mentions;
      rows.push_back(std::move(row));
    }
    return {
        {"kind", "neighbours"}, {"actor", actor(r.actor)}, {"depth", r.depth}, {"actors", rows}};
  }
  json operator()(const Sources& r) const {
    const bool event_fact = r.kind == graph::NodeKind::Event;
    const auto& mentions = event_fact ? g.events[r.index].mentions : g.statements[r.index].mentions;
    json rows = json::array();
    for (size_t i = 0; i < mentions.size(); ++i) {
      const auto& m = mentions[i];
      const auto& a = g.articles[m.article];
      rows.push_back(
          {{"article", a.id},
           {"outlet", nullable(a.source)},
           {"url", nullable(a.url)},
           {"title", nullable(a.title)},
           {"dateline", nullable(a.dateline)},
           {"date", nullable(value_text(m.date))},
           {"basis", m.basis},
           {"start", m.span.begin},
           {"end", m.span.end},
           {"sentence", r.sentences[i].found ? json(r.sentences[i].text) : json(nullptr)},
           {"note", r.sentences[i].found ? json(nullptr) : json(r.sentences[i].text)}});
    }
    json fact = event_fact ? event(r.index) : statement(r.index);
    fact["kind"] = graph::to_string(r.kind);
    return {{"kind", "sources"}, {"fact", fact}, {"sources", rows}};
  }
  json operator()(const ConflictList& r) const {
    json rows = json::array();
    for (uint32_t c : r.conflicts) {
      const auto& con = g.conflicts[c];
      const bool event_fact = con.of == graph::Conflict::Of::Event;
      json stated = json::array();
      for (const auto& s : con.stated)
        stated.push_back({{"article", g.articles[s.article].id},
                          {"outlet", nullable(g.articles[s.article].source)},
                          {"date", value_text(s.date)}});
      json fact = event_fact ? event(con.index) : statement(con.index);
      fact["of"] = event_fact ? "event" : "statement";
      fact["stated"] = std::move(stated);
      rows.push_back(std::move(fact));
    }
    return {{"kind", "conflicts"}, {"total", r.total}, {"conflicts", rows}};
  }
  json operator()(const Profile& r) const {
    const auto& a = g.actors[r.actor];
    return {{"kind", "profile"},
            {"id", a.id},
            {"name", a.name},
            {"actor_kind", extract::to_string(a.kind)},
            {"known", a.known},
            {"generic", a.generic},
            {"names", a.names},
            {"roles", a.roles},
            {"affiliations", actors(a.affiliations)},
            {"members", actors(r.members)},
            {"first_seen", r.first_seen ? json(iso(*r.first_seen)) : json(nullptr)},
            {"last_seen", r.last_seen ? json(iso(*r.last_seen)) : json(nullptr)},
            {"mentions", a.mentions},
            {"articles", a.articles.size()},
            {"events_as_source", r.as_source},
            {"events_as_target", r.as_target},
            {"statements_made", r.said},
            {"statements_about", r.about}};
  }
  json operator()(const Stats& r) const {
    json most = json::array();
    for (uint32_t a : r.most_mentioned) {
      json x = actor(a);
      x["mentions"] = g.actors[a].mentions;
      most.push_back(std::move(x));
    }
    return {{"kind", "stats"},
            {"articles", r.articles},
            {"outlets", r.outlets},
            {"inferred_datelines", r.inferred_datelines},
            {"undated_articles", r.undated_articles},
            {"actors",
             {{"all", r.actors},
              {"persons", r.persons},
              {"organisations", r.organisations},
              {"countries", r.countries},
              {"groups", r.groups}}},
            {"events", r.events},
            {"dated_events", r.dated_events},
            {"statements", r.statements},
            {"dated_statements", r.dated_statements},
            {"conflicts", r.conflicts},
            {"first", r.first ? json(iso(*r.first)) : json(nullptr)},
            {"last", r.last ? json(iso(*r.last)) : json(nullptr)},
            {"most_mentioned", most}};
  }
  json operator()(const Message& r) const { return {{"kind", "message"}, {"text", r.text}}; }
};

}  // namespace

std::string to_text(const graph::Graph& g, const Result& r) {
  return std::visit(Text{g}, r);
}

json to_json(const graph::Graph& g, const Result& r) {
  return std::visit(Json{g}, r);
}

}  // namespace dateline::query
