#include "query_fixture.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "core/files.h"
#include "graph/json_io.h"
#include "temporal/timex3.h"

namespace dateline::test {

namespace {

struct Text {
  const char* id;
  const char* file;
  const char* source;
  const char* dateline;
  const char* dateline_source;
  const char* text;
};

const std::vector<Text> kArticles = {
    {"nw-0227-talks", "articles/nw-0227-talks.txt", "North Wire", "2026-02-27", "manifest",
     "KESSA, Feb. 27 (NW) \xe2\x80\x94 Norvaal's foreign minister Ilse Varga met the Questrian "
     "envoy Tomas Brenn in Kessa on Thursday. \"We will not accept a blockade of the strait,\" "
     "Varga said after the meeting. Questria accused Norvaal of massing troops near the "
     "border.\n"},
    {"ht-0301-talks", "articles/ht-0301-talks.txt", "The Harbour Times", "2026-03-01", "manifest",
     "By Mira Holt\n\nIlse Varga and Tomas Brenn met in Kessa on Friday, officials said. Brenn "
     "said the talks were \"frank and useful\". Border police arrested two smugglers at the Oster "
     "crossing on Sunday.\n"},
    {"nw-0302-sanctions", "articles/nw-0302-sanctions.txt", "North Wire", "2026-03-02", "wire",
     "KESSA, March 2 (NW) \xe2\x80\x94 Questria's president Dara Okonde imposed sanctions on "
     "Norvaal on Sunday. \"Norvaal left us no choice,\" Okonde said. Border police said the "
     "crossing at Oster was closed.\n"},
    {"bb-undated", "articles/bb-undated.txt", "Border Bulletin", "2026-03-02/2026-03-07",
     "inferred",
     "Norvaal's army shelled positions across the Questrian border, the Bulletin reported. The "
     "Harbour Union held a rally in the port. \"The crossing is closed until further notice,\" a "
     "border police officer said.\n"},
};

temporal::Value value(const char* timex) {
  if (!*timex) return {};
  const auto v = temporal::value_from_timex3(timex);
  if (!v) throw std::logic_error(std::string("fixture: bad date ") + timex);
  return *v;
}

// A mention of a fact: the trigger words inside the sentence that holds them.
graph::Mention mention(uint32_t article, const std::string& sentence, const std::string& trigger,
                       const char* date, const char* basis) {
  const std::string text = kArticles[article].text;
  const size_t s = text.find(sentence);
  const size_t t = s == std::string::npos ? s : text.find(trigger, s);
  if (s == std::string::npos || t == std::string::npos || t + trigger.size() > s + sentence.size())
    throw std::logic_error("fixture: no '" + trigger + "' in '" + sentence + "'");
  graph::Mention m;
  m.article = article;
  m.span = {static_cast<uint32_t>(t), static_cast<uint32_t>(t + trigger.size())};
  m.sentence = {static_cast<uint32_t>(s), static_cast<uint32_t>(s + sentence.size())};
  m.date = value(date);
  m.basis = basis;
  return m;
}

graph::FactDate date(const char* timex, const char* basis, bool inferred = false,
                     int conflict = -1) {
  return {value(timex), basis, inferred, conflict};
}

graph::ActorNode actor(const char* id, const char* name, extract::ActorKind kind,
                       std::vector<std::string> names, std::vector<std::string> roles,
                       std::vector<uint32_t> affiliations, uint32_t mentions,
                       std::vector<uint32_t> articles) {
  graph::ActorNode a;
  a.id = id;
  a.name = name;
  a.kind = kind;
  a.names = std::move(names);
  a.roles = std::move(roles);
  a.affiliations = std::move(affiliations);
  a.mentions = mentions;
  a.articles = std::move(articles);
  return a;
}

void add_actors(graph::Graph& g) {
  using K = extract::ActorKind;
  g.actors = {
      actor("ilse-varga", "Ilse Varga", K::Person, {"Ilse Varga", "Varga"}, {"foreign minister"},
            {1}, 4, {0, 1}),
      actor("norvaal", "Norvaal", K::Country, {"Norvaal"}, {}, {}, 5, {0, 2, 3}),
      actor("tomas-brenn", "Tomas Brenn", K::Person, {"Tomas Brenn", "Brenn"}, {"envoy"}, {3}, 3,
            {0, 1}),
      actor("questria", "Questria", K::Country, {"Questria"}, {}, {}, 3, {0, 2}),
      actor("dara-okonde", "Dara Okonde", K::Person, {"Dara Okonde", "Okonde"}, {"president"}, {3},
            2, {2}),
      actor("border-police-1", "border police", K::Organisation, {"border police"}, {}, {}, 1, {1}),
      actor("border-police-2", "border police", K::Organisation, {"border police"}, {}, {}, 2,
            {2, 3}),
      actor("harbour-union", "Harbour Union", K::Organisation, {"Harbour Union"}, {}, {}, 1, {3}),
      actor("mira-holt", "Mira Holt", K::Person, {"Mira Holt"}, {"reporter"}, {}, 1, {1}),
  };
  for (auto* a : {&g.actors[0], &g.actors[1], &g.actors[2], &g.actors[3], &g.actors[4]})
    a->known = true;
  g.actors[5].generic = g.actors[6].generic = true;
  g.actors[8].media = true;
}

graph::EventNode event(const char* id, const char* code, const char* label,
                       std::vector<uint32_t> source, std::vector<uint32_t> target,
                       graph::FactDate d, const char* place, std::vector<graph::Mention> ms) {
  graph::EventNode e;
  e.id = id;
  e.code = code;
  e.label = label;
  e.source = std::move(source);
  e.target = std::move(target);
  e.date = std::move(d);
  e.place = place;
  e.confidence = 0.8;
  e.mentions = std::move(ms);
  return e;
}

void add_events(graph::Graph& g) {
  const std::string met0 =
      "Norvaal's foreign minister Ilse Varga met the Questrian envoy Tomas Brenn in Kessa on "
      "Thursday.";
  const std::string met1 = "Ilse Varga and Tomas Brenn met in Kessa on Friday, officials said.";
  g.events = {
      event("e1", "040", "Consult, not specified below", {0}, {2},
            date("2026-02-26", "clause", false, 0), "Kessa",
            {mention(0, met0, "met", "2026-02-26", "clause"),
             mention(1, met1, "met", "2026-02-27", "clause")}),
      event("e2", "112", "Accuse, not specified below", {3}, {1}, date("2026-02-27", "dateline"),
            "",
            {mention(0, "Questria accused Norvaal of massing troops near the border.", "accused",
                     "2026-02-27", "dateline")}),
      event("e3", "163", "Impose embargo, boycott, or sanctions", {4}, {1},
            date("2026-03-01", "clause"), "",
            {mention(2, "Questria's president Dara Okonde imposed sanctions on Norvaal on Sunday.",
                     "imposed sanctions", "2026-03-01", "clause")}),
      event("e4", "173", "Arrest, detain, or charge with legal action", {5}, {},
            date("2026-03-01", "clause"), "Oster",
            {mention(1, "Border police arrested two smugglers at the Oster crossing on Sunday.",
                     "arrested", "2026-03-01", "clause")}),
      event("e5", "190", "Use conventional military force, not specified below", {1}, {3},
            date("2026-W10", "dateline", true), "",
            {mention(3,
                     "Norvaal's army shelled positions across the Questrian border, the "
                     "Bulletin reported.",
                     "shelled", "2026-W10", "dateline")}),
      event(
          "e6", "141", "Demonstrate or rally, not specified below", {7}, {}, date("", "none"),
          "the port",
          {mention(3, "The Harbour Union held a rally in the port.", "held a rally", "", "none")}),
  };
}

graph::StatementNode statement(const char* id, uint32_t speaker, const char* quote,
                               graph::FactDate d, std::vector<uint32_t> about_actors,
                               std::vector<uint32_t> about_events, graph::Mention m) {
  graph::StatementNode s;
  s.id = id;
  s.speaker = speaker;
  s.quote = quote;
  s.verb = "say";
  s.date = std::move(d);
  s.about_actors = std::move(about_actors);
  s.about_events = std::move(about_events);
  s.mentions = {std::move(m)};
  return s;
}

void add_statements(graph::Graph& g) {
  g.statements = {
      statement("s1", 0, "We will not accept a blockade of the strait,",
                date("2026-02-27", "dateline"), {}, {},
                mention(0,
                        "\"We will not accept a blockade of the strait,\" Varga said after the "
                        "meeting.",
                        "We will not accept a blockade of the strait,", "2026-02-27", "dateline")),
      statement("s2", 2, "frank and useful", date("2026-02-27", "sentence"), {}, {0},
                mention(1, "Brenn said the talks were \"frank and useful\".", "frank and useful",
                        "2026-02-27", "sentence")),
      statement("s3", 4, "Norvaal left us no choice,", date("2026-03-02", "dateline"), {1}, {2},
                mention(2, "\"Norvaal left us no choice,\" Okonde said.",
                        "Norvaal left us no choice,", "2026-03-02", "dateline")),
      statement("s4", 6, "The crossing is closed until further notice,", date("", "none"), {}, {},
                mention(3,
                        "\"The crossing is closed until further notice,\" a border police "
                        "officer said.",
                        "The crossing is closed until further notice,", "", "none")),
  };
}

}  // namespace

graph::Graph query_fixture() {
  graph::Graph g;
  for (const auto& t : kArticles) {
    graph::ArticleNode a;
    a.id = t.id;
    a.file = t.file;
    a.source = t.source;
    a.dateline = t.dateline;
    a.dateline_source = t.dateline_source;
    g.articles.push_back(std::move(a));
  }
  g.articles[1].credits = {{8, extract::CreditRole::Author}};
  g.articles[3].evidence = {"shares event e5 with dated reports"};
  add_actors(g);
  add_events(g);
  add_statements(g);
  g.conflicts = {
      {graph::Conflict::Of::Event, 0, {{0, value("2026-02-26")}, {1, value("2026-02-27")}}}};
  g.link();
  return g;
}

std::filesystem::path write_query_fixture(const std::filesystem::path& folder) {
  for (const auto& t : kArticles) {
    std::filesystem::create_directories((folder / t.file).parent_path());
    core::write_file_atomically(folder / t.file, t.text);
  }
  core::write_file_atomically(folder / "graph.json", graph::graph_json_text(query_fixture()));
  return folder / "graph.json";
}

}  // namespace dateline::test
