// dateline query and dateline repl with standard input from a file (issue 7).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "helpers.h"
#include "query_fixture.h"

using namespace dateline;

TEST_CASE("dateline query: one query, tables or JSON, errors with a caret") {
  const test::TempDir dir;
  const std::string graph = test::write_query_fixture(dir.path()).string();

  const auto table = test::run_dateline({"query", graph, "events actor Varga"});
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("e1  2026-02-26*  040") != std::string::npos);

  const auto json = test::run_dateline({"query", graph, "statements about e1", "--json"});
  CHECK(json.exit_code == 0);
  const auto j = nlohmann::json::parse(json.out);
  CHECK(j["kind"] == "statements");
  CHECK(j["statements"][0]["speaker"]["id"] == "tomas-brenn");

  // Relative dates against --now.
  const auto now =
      test::run_dateline({"query", graph, "events on yesterday", "--now", "2026-03-02"});
  CHECK(now.out.find("e3 ") != std::string::npos);
  CHECK(now.out.find("e4 ") != std::string::npos);
  CHECK(now.out.find("e1 ") == std::string::npos);

  const auto bad = test::run_dateline({"query", graph, "events actor Vrga"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("               ^~~~\n") != std::string::npos);
  CHECK(bad.err.find("did you mean: Varga") != std::string::npos);

  CHECK(test::run_dateline({"query", graph, "stats", "--now", "March"}).exit_code == 2);
  const auto missing = test::run_dateline({"query", (dir / "nothing.json").string(), "stats"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("nothing.json") != std::string::npos);
}

TEST_CASE("dateline repl from a pipe: no prompt, errors go on, the exit code tells") {
  const test::TempDir dir;
  const std::string graph = test::write_query_fixture(dir.path()).string();
  const auto r =
      test::run_dateline({"repl", graph}, "stats\nevents actor Nobody\nsources s2\nquit\nstats\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("dateline>") == std::string::npos);
  CHECK(r.out.rfind("articles        4 from 3 outlets", 0) == 0);
  CHECK(r.out.find("Brenn said the talks were \"frank and useful\".") != std::string::npos);
  // Nothing after quit.
  CHECK(r.out.find("articles", 10) == std::string::npos);
  CHECK(r.err.find("no actor named 'Nobody'") != std::string::npos);

  const auto clean = test::run_dateline({"repl", graph, "--json"}, "events limit 1\n");
  CHECK(clean.exit_code == 0);
  CHECK(nlohmann::json::parse(clean.out)["total"] == 6);
}

TEST_CASE("dateline repl on articles: the graph is built on the spot") {
  const auto articles = test::data_dir() / "articles";
  const auto r = test::run_dateline(
      {"repl", articles.string(), "--manifest", (articles / "manifest.yaml").string()},
      "stats\nsources e1\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("articles        11 from 5 outlets") != std::string::npos);
  // The sentences come from the documents just read.
  CHECK(r.out.find("killed early Saturday when gunmen ambushed his convoy") != std::string::npos);
}
