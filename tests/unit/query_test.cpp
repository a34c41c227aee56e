// The query stage (issue 7): lexer, parser, dates, index, executor, formats, completion.
#include <doctest/doctest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/pipeline.h"
#include "graph/json_io.h"
#include "helpers.h"
#include "query/error.h"
#include "query/format.h"
#include "query/lexer.h"
#include "query/parser.h"
#include "query/session.h"
#include "query/suggest.h"
#include "query_fixture.h"
#include "render/render.h"

using namespace dateline;

namespace {

const graph::Graph& fixture() {
  static const graph::Graph g = test::query_fixture();
  return g;
}

query::DateReader::EngineSource engine() {
  return []() -> const temporal::Engine& { return test::pipeline().temporal(); };
}

query::Loaders loaders() {
  return {engine(), []() -> const render::Theme& {
            static const auto theme =
                render::load_theme(test::source_dir() / "render" / "theme.yaml", test::data_dir());
            return theme;
          }};
}

query::Executor executor() {
  return query::Executor(fixture(), loaders(), query::ArticleTexts(), temporal::Date(2026, 3, 9));
}

template <typename T>
T parse_one(std::string_view line) {
  const auto commands = query::parse(line);
  REQUIRE(commands.size() == 1);
  REQUIRE(std::holds_alternative<T>(commands.front()));
  return std::get<T>(commands.front());
}

// The error a line gives, as printed.
std::string error_of(std::string_view line) {
  try {
    auto ex = executor();
    for (const auto& c : query::parse(line))
      std::visit(
          [&](const auto& q) {
            if constexpr (requires { ex.run(q); }) ex.run(q);
          },
          c);
  } catch (const query::QueryError& e) {
    return query::describe(e, line);
  }
  return "";
}

std::vector<std::string> event_ids(const query::Result& r) {
  std::vector<std::string> out;
  for (uint32_t e : std::get<query::EventList>(r).events) out.push_back(fixture().events[e].id);
  return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("query lexer: words, strings, commas and semicolons with their places") {
  const auto t = query::lex(R"(events actor "Ilse \"V\" Varga", x;y)");
  REQUIRE(t.size() == 8);
  CHECK(t[0].text == "events");
  CHECK(t[2].kind == query::Token::Kind::String);
  CHECK(t[2].text == "Ilse \"V\" Varga");
  CHECK(t[2].begin == 13);
  CHECK(t[2].end == 31);
  CHECK(t[3].kind == query::Token::Kind::Comma);
  CHECK(t[5].kind == query::Token::Kind::Semicolon);
  CHECK(t[7].kind == query::Token::Kind::End);
  CHECK_THROWS_AS(query::lex("events actor \"Varga"), query::QueryError);
}

TEST_CASE("query parser: filters become typed fields; names run to the next keyword") {
  const auto q = parse_one<query::EventsQuery>(
      "events source Ilse Varga target \"Party in Exile\" code 19 from March 1, 2026 to last week "
      "outlet North Wire limit 5");
  REQUIRE(q.filters.actors.size() == 2);
  CHECK(q.filters.actors[0].name.text == "Ilse Varga");
  CHECK(q.filters.actors[0].role == query::Role::Source);
  CHECK(q.filters.actors[1].name.text == "Party in Exile");
  CHECK(q.filters.actors[1].role == query::Role::Target);
  CHECK(q.codes.at(0).text == "19");
  CHECK(q.filters.from->text == "March 1, 2026");
  CHECK(q.filters.to->text == "last week");
  CHECK(q.filters.outlets.at(0).text == "North Wire");
  CHECK(q.filters.limit == 5);

  const auto b = parse_one<query::EventsQuery>("events between Feb 1 and March 3");
  CHECK(b.filters.from->text == "Feb 1");
  CHECK(b.filters.to->text == "March 3");
  const auto p = parse_one<query::PathQuery>("PATH Ilse Varga TO Dara Okonde");
  CHECK(p.from.text == "Ilse Varga");
  CHECK(p.to.text == "Dara Okonde");
  CHECK(parse_one<query::NeighboursQuery>("neighbors Varga depth 3").depth == 3);
  CHECK(query::parse("stats; ; events").size() == 2);
  CHECK(query::parse("   ").empty());
}

TEST_CASE("query errors: the caret stands under the words at fault, counted in characters") {
  CHECK(error_of("events actor Zoë limit many") ==
        "error: expected a number of rows, not 'many'\n"
        "  events actor Zoë limit many\n"
        "                         ^~~~\n");
  const std::string unknown = error_of("events actor Okondo");
  CHECK(unknown.find("               ^~~~~~\n") != std::string::npos);
  CHECK(unknown.find("did you mean: Okonde, Dara Okonde?") != std::string::npos);
  CHECK(error_of("events actor Varga") == "");
}

TEST_CASE("query suggestions: edit distance over names, later words, prefixes") {
  CHECK(query::edit_distance("Kask", "kazk") == 1);
  CHECK(query::edit_distance("", "abc") == 3);
  CHECK(query::edit_distance("Zoë", "Zoe") == 1);
  const std::vector<std::string> names = {"Dara Okonde", "Ilse Varga", "Norvaal", "Varga"};
  CHECK(query::closest("Okonde", names) == std::vector<std::string>{"Dara Okonde"});
  CHECK(query::closest("Vraga", names) == std::vector<std::string>{"Varga"});
  CHECK(query::closest("Ilse", names) == std::vector<std::string>{"Ilse Varga"});
  CHECK(query::closest("Xylophone", names).empty());
}

TEST_CASE("query dates: TIMEX3 values and what articles write, against now") {
  const query::DateReader dates(engine());
  const temporal::Date now(2026, 3, 9);
  const auto days = [&](const std::string& text) {
    const auto r = dates.days({text, 0, text.size()}, now);
    return boost::gregorian::to_iso_extended_string(r.first) + ".." +
           boost::gregorian::to_iso_extended_string(r.last);
  };
  CHECK(days("2026-03") == "2026-03-01..2026-03-31");
  CHECK(days("2026-W10") == "2026-03-02..2026-03-08");
  CHECK(days("March 1") == "2026-03-01..2026-03-01");
  CHECK(days("last week") == "2026-03-02..2026-03-08");
  CHECK(days("yesterday") == "2026-03-08..2026-03-08");
  CHECK(days("March") == "2026-03-01..2026-03-31");
  CHECK(days("Sept. 12, 2025") == "2025-09-12..2025-09-12");
  CHECK_THROWS_AS(days("whenever"), query::QueryError);
  CHECK_THROWS_AS(days("March 1 please"), query::QueryError);
  CHECK_THROWS_AS(days("three weeks"), query::QueryError);
}

TEST_CASE("query executor: events by actor, role, code and dates, in date order") {
  auto ex = executor();
  CHECK(event_ids(ex.run(parse_one<query::EventsQuery>("events"))) ==
        Ids{"e1", "e2", "e3", "e4", "e5", "e6"});
  CHECK(event_ids(ex.run(parse_one<query::EventsQuery>("events actor norvaal"))) ==
        Ids{"e2", "e3", "e5"});
  CHECK(event_ids(ex.run(parse_one<query::EventsQuery>("events target Norvaal from 2026-03"))) ==
        Ids{"e3"});
  CHECK(event_ids(ex.run(parse_one<query::EventsQuery>("events in last week"))) == Ids{"e5"});
  CHECK(event_ids(ex.run(parse_one<query::EventsQuery>("events code 17 code 19"))) ==
        Ids{"e4", "e5"});
  // "border police" names two actors; the filter takes both.
  CHECK(event_ids(ex.run(parse_one<query::EventsQuery>("events actor border police"))) ==
        Ids{"e4"});
  const auto limited =
      std::get<query::EventList>(ex.run(parse_one<query::EventsQuery>("events limit 2")));
  CHECK(limited.events.size() == 2);
  CHECK(limited.total == 6);
  // The selection the render command would draw.
  ex.run(parse_one<query::EventsQuery>("events actor Okonde from 2026-03-01 code 16"));
  REQUIRE(ex.selection().actor);
  CHECK(fixture().actors[*ex.selection().actor].id == "dara-okonde");
  CHECK(ex.selection().from == temporal::Date(2026, 3, 1));
  CHECK(!ex.selection().to);
  CHECK(ex.selection().cameo == "16");
}

TEST_CASE("query executor: path, neighbours, sources, profile") {
  auto ex = executor();
  const auto path =
      std::get<query::Path>(ex.run(parse_one<query::PathQuery>("path Varga to Brenn")));
  REQUIRE(path.vertices.size() == 3);
  CHECK(fixture().id_of(path.vertices[1]) == "e1");
  CHECK(path.links[0].kind == graph::EdgeKind::SourceOf);
  CHECK(path.links[0].forward);
  CHECK(path.links[1].kind == graph::EdgeKind::TargetOf);
  CHECK(!path.links[1].forward);
  const auto none =
      std::get<query::Path>(ex.run(parse_one<query::PathQuery>("path Varga to Mira Holt")));
  CHECK(none.vertices.empty());

  const auto n = std::get<query::Neighbours>(
      ex.run(parse_one<query::NeighboursQuery>("neighbours Okonde depth 2")));
  std::vector<std::pair<std::string, int>> got;
  for (const auto& [a, d] : n.actors) got.push_back({fixture().actors[a].id, d});
  CHECK(got == std::vector<std::pair<std::string, int>>{
                   {"norvaal", 1}, {"questria", 1}, {"ilse-varga", 2}, {"tomas-brenn", 2}});

  // Without article files the sources say why there is no sentence.
  const auto s = std::get<query::Sources>(ex.run(parse_one<query::SourcesQuery>("sources e1")));
  REQUIRE(s.sentences.size() == 2);
  CHECK(!s.sentences[0].found);
  CHECK(s.sentences[0].text.find("articles/nw-0227-talks.txt") != std::string::npos);

  const auto p =
      std::get<query::Profile>(ex.run(parse_one<query::ProfileQuery>("profile Questria")));
  CHECK(p.as_source == 1);
  CHECK(p.as_target == 1);
  CHECK(p.members.size() == 2);
  CHECK(p.first_seen == temporal::Date(2026, 2, 27));
  CHECK_THROWS_AS(ex.run(parse_one<query::ProfileQuery>("profile border police")),
                  query::QueryError);
}

TEST_CASE("query sources: sentences from the article files next to graph.json") {
  const test::TempDir dir;
  const auto g = graph::load_graph(test::write_query_fixture(dir.path()));
  query::Executor ex(g, loaders(), query::ArticleTexts(dir.path()));
  const auto s = std::get<query::Sources>(ex.run(parse_one<query::SourcesQuery>("sources s2")));
  REQUIRE(s.sentences.size() == 1);
  CHECK(s.sentences[0].found);
  CHECK(s.sentences[0].text == "Brenn said the talks were \"frank and useful\".");
  // The sentence a mention carries comes first: no file needed.
  graph::Graph copy = test::query_fixture();
  copy.statements[1].mentions[0].text = "Brenn  said so.";
  query::Executor alone(copy, loaders(), query::ArticleTexts());
  const auto own =
      std::get<query::Sources>(alone.run(parse_one<query::SourcesQuery>("sources s2")));
  CHECK(own.sentences.at(0).found);
  CHECK(own.sentences.at(0).text == "Brenn said so.");
  // Default now: the latest day any dateline reaches.
  CHECK(ex.now() == temporal::Date(2026, 3, 7));
}

TEST_CASE("query formats: aligned tables and JSON say the same") {
  auto ex = executor();
  const auto r = ex.run(parse_one<query::EventsQuery>("events actor Varga"));
  const std::string text = query::to_text(fixture(), r);
  CHECK(text ==
        "id  date         cameo  label                         source      target       reports\n"
        "e1  2026-02-26*  040    Consult, not specified below  Ilse Varga  Tomas Brenn  2\n"
        "* reports disagree on the date (see: sources ID)\n"
        "(1 event)\n");
  const auto j = query::to_json(fixture(), r);
  CHECK(j["kind"] == "events");
  CHECK(j["events"][0]["date"]["value"] == "2026-02-26");
  CHECK(j["events"][0]["date"]["conflict"] == true);
  CHECK(j["events"][0]["target"][0]["id"] == "tomas-brenn");
}

TEST_CASE("query session: errors do not end it; quit does; completion") {
  query::Session s(fixture(), loaders(), query::ArticleTexts());
  std::ostringstream out, err;
  CHECK(s.run("events actor Nobody", out, err));
  CHECK(s.failures() == 1);
  CHECK(err.str().find("no actor named 'Nobody'") != std::string::npos);
  CHECK(s.run("json on; stats", out, err));
  CHECK(out.str().find("{\"actors\":{\"all\":9") != std::string::npos);
  CHECK(!s.run("quit", out, err));

  CHECK(s.complete("ev") == std::vector<std::string>{"events"});
  CHECK(s.complete("sta") == std::vector<std::string>{"statements", "stats"});
  CHECK(s.complete("events ac") == std::vector<std::string>{"actor"});
  CHECK(s.complete("events actor Ilse V") == std::vector<std::string>{"Varga"});
  CHECK(s.complete("profile okon") == std::vector<std::string>{"Okonde"});
  CHECK(s.complete("events actor Dara Okonde fr") == std::vector<std::string>{"from"});
  CHECK(s.complete("stats x").empty());
}

TEST_CASE("query render: the last query's selection drawn to a file") {
  const test::TempDir dir;
  auto ex = executor();
  ex.run(parse_one<query::EventsQuery>("events actor Okonde from 2026-03"));
  const auto svg = (dir / "okonde.svg").string();
  const auto done =
      std::get<query::Message>(ex.run(parse_one<query::RenderCommand>("render timeline " + svg)));
  CHECK(done.text == "wrote " + svg +
                         ": the timeline of Dara Okonde and the actors within 1 step of it, from "
                         "2026-03-01");
  const std::string drawn = test::read(svg);
  CHECK(drawn.find("<svg") != std::string::npos);
  CHECK(drawn.find("Dara Okonde") != std::string::npos);
  CHECK(drawn.find("Mira Holt") == std::string::npos);  // not in the selection

  ex.run(parse_one<query::NeighboursQuery>("neighbours Varga depth 2"));
  const auto dot = (dir / "varga.dot").string();
  ex.run(parse_one<query::RenderCommand>("render relations " + dot));
  const std::string relations = test::read(dot);
  CHECK(relations.find("graph") != std::string::npos);
  CHECK(relations.find("Tomas Brenn") != std::string::npos);

  // A file of no known kind is refused, pointing at it, and nothing is written.
  const auto gif = (dir / "x.gif").string();
  CHECK_THROWS_AS(ex.run(parse_one<query::RenderCommand>("render timeline " + gif)),
                  query::QueryError);
  CHECK(!std::filesystem::exists(gif));
}
