// Regression tests for what the fuzz targets (tests/fuzz) and the hostile corpus
// (tests/hostile) found: one test per bug, named after what went wrong.
#include <doctest/doctest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/error.h"
#include "core/pipeline.h"
#include "core/text.h"
#include "core/yaml.h"
#include "extract/annotation.h"
#include "graph/json_io.h"
#include "helpers.h"
#include "ingest/ingest.h"
#include "ingest/manifest.h"

using namespace dateline;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The ids of the articles of the graph `dateline build` wrote into `out`, in order.
std::vector<std::string> graph_articles(const fs::path& out) {
  std::vector<std::string> ids;
  for (const auto& a : graph::load_graph(out / "graph.json").articles) ids.push_back(a.id);
  return ids;
}

}  // namespace

TEST_CASE("regression: YAML nested beyond the parser's limit says so, with the line") {
  // yaml-cpp's own message for it was "bad file".
  const std::string deep = "articles: " + std::string(10000, '[') + std::string(10000, ']');
  CHECK_THROWS_WITH_AS(core::parse_yaml(deep, "deep.yaml"), doctest::Contains("deep.yaml:1:"),
                       core::Error);
  CHECK_THROWS_WITH_AS(core::parse_yaml(deep, "deep.yaml"), doctest::Contains("nested too deeply"),
                       core::Error);
}

TEST_CASE("regression: YAML that is not UTF-8 or holds NUL is refused at its line") {
  // A manifest title with bytes that are not UTF-8 was read, and `dateline build` then failed
  // while writing graph.json with "[json.exception.type_error.316]", naming no file.
  CHECK_THROWS_WITH_AS(core::parse_yaml("a: 1\nb: \"x\xC0\xAF\"\n", "u.yaml"),
                       doctest::Contains("u.yaml:2:6: not valid YAML: invalid UTF-8"), core::Error);
  CHECK_THROWS_WITH_AS(core::parse_yaml(std::string("a: 1\nb: \"x\0y\"\n", 14), "n.yaml"),
                       doctest::Contains("n.yaml:2:6: not valid YAML: a NUL byte"), core::Error);
  CHECK(core::parse_yaml("b: \"caf\xC3\xA9\"\n", "ok.yaml").value["b"] == "caf\xC3\xA9");
}

TEST_CASE("regression: a file name that is not UTF-8 fails that file only") {
  // Its id and path went into graph.json and annotate's JSON, which threw on writing them: the
  // whole build failed after all its work, and nothing was written.
  test::TempDir tmp;
  const std::string good = test::read(test::data_dir() / "articles" / "01_kolvane_ambush.txt");
  tmp.write("in/01_kolvane_ambush.txt", good);
  tmp.write("in/bad\xFFname.txt", good);
  const auto r = test::run_dateline({"build", (tmp / "in").string(), "-o", (tmp / "out").string()});
  CHECK_MESSAGE(r.exit_code == 1, r.err);
  CHECK(r.err.find("bad\xEF\xBF\xBDname.txt: the file name is not valid UTF-8") !=
        std::string::npos);
  CHECK(graph_articles(tmp / "out") == std::vector<std::string>{"01_kolvane_ambush"});
}

TEST_CASE("regression: two files of one name in two folders stay two articles") {
  // Both had the id "a": TimeML output of one overwrote the other's, and the merge took them
  // for one article when keying generic actors.
  test::TempDir tmp;
  tmp.write("in/x/a.txt", test::read(test::data_dir() / "articles" / "01_kolvane_ambush.txt"));
  tmp.write("in/y/a.txt",
            test::read(test::data_dir() / "articles" / "02_calvetti_condolences.txt"));
  tmp.write("in/z/a_2.txt", test::read(test::data_dir() / "articles" / "03_envoy_expelled.txt"));
  const auto r = test::run_dateline({"build", (tmp / "in").string(), "-o", (tmp / "out").string()});
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  // The second "a" becomes "a~2"; its TimeML file name would be a_2.tml, which a_2 takes too.
  CHECK(graph_articles(tmp / "out") == std::vector<std::string>{"a", "a~2", "a_2"});
  size_t timeml = 0;
  for (const auto& e : fs::directory_iterator(tmp / "out" / "timeml"))
    timeml += e.is_regular_file();
  CHECK(timeml == 3);
}

TEST_CASE("regression: a header line with a date that does not exist is ignored with a warning") {
  // "date 2026-02-30" was skipped without a word.
  test::TempDir tmp;
  const auto file = tmp.write("h.txt", "date 2026-02-30\n\nOfficials met on Monday.\n");
  const auto r = test::run_dateline({"ingest", file.string()});
  CHECK(r.exit_code == 0);
  CHECK(
      r.err.find(file.string() + ":1: the header line's date 2026-02-30 is not a calendar date") !=
      std::string::npos);
  CHECK(r.out.find("unknown") != std::string::npos);
}

TEST_CASE("regression: zero-width and direction controls do not make a name another actor") {
  // "Ola<ZWSP> Brenn" was the actor "Ola<ZWSP> Brenn" (chosen over "Ola Brenn" as the longer
  // name), and "O<ZWSP>la" had the id "o-la".
  CHECK(extract::actor_slug("O\u200Bla Bre\u200Dnn") == "ola-brenn");
  CHECK(extract::actor_slug("Sabeth\u202E Korrin\u202C") == "sabeth-korrin");
  CHECK(core::text::visible("Ola\u200B Brenn\u200F") == "Ola Brenn");
  CHECK(core::text::visible("\u2066caf\u00E9\u2069") == "caf\u00E9");
  const auto& p = test::pipeline();
  ingest::IngestOptions o;
  auto doc = ingest::make_document(
      "date 2026-09-20\n\nTransport Minister Ola\u200B Brenn said on Monday that the road would "
      "reopen.\n",
      "zw.txt", false, o);
  const auto articles = ingest::split_articles(doc, p.calendar(), p.layout(), o);
  REQUIRE(articles.size() == 1);
  const auto annotated = p.annotate(articles[0]);
  bool found = false;
  for (const auto& a : annotated.actors)
    if (a.id == "ola-brenn") {
      found = true;
      CHECK(a.name == "Ola Brenn");
      for (const auto& n : a.names) CHECK(n == "Ola Brenn");
    }
  CHECK(found);
}

TEST_CASE("regression: a list of targets running into the end of the text stays inside it") {
  // Found by fuzz_extract (minimised): reading on after "Tehran," for more targets looked at a
  // token past the last one (a heap read out of bounds that the sanitizer build reports).
  const auto& p = test::pipeline();
  ingest::IngestOptions o;
  for (const char* text : {"murder of Tehran,the", "murder of Tehran and the",
                           "date 2026-09-20\n\nThe killing of Tehran, and the"}) {
    auto doc = ingest::make_document(text, "end.txt", false, o);
    for (const auto& a : ingest::split_articles(doc, p.calendar(), p.layout(), o)) {
      const auto annotated = p.annotate(a);
      for (const auto& e : annotated.events)
        for (const auto actor : e.target) CHECK(actor < annotated.actors.size());
    }
  }
}

TEST_CASE("manifest: read from text, its files looked for next to the path given") {
  const fs::path as_if = test::data_dir() / "articles" / "from-text.yaml";
  const auto m = ingest::Manifest::parse(
      "articles:\n  - file: 01_kolvane_ambush.txt\n    published: 2026-09-12\n", as_if);
  REQUIRE(m.entries.size() == 1);
  CHECK(m.find(test::data_dir() / "articles" / "01_kolvane_ambush.txt") == &m.entries[0]);
  CHECK_THROWS_WITH_AS(ingest::Manifest::parse("articles:\n  - file: nowhere.txt\n", as_if),
                       doctest::Contains("from-text.yaml:2:11: 'nowhere.txt' does not exist"),
                       core::Error);
}

TEST_CASE("regression: unresolved pronouns in a row do not double the work of each other") {
  // Found by fuzz_extract (a 4 KB text that ran for minutes): each "it" that names no one asked
  // for the subject of the clause before it, which resolved every "it" before it again, so a
  // sentence of 40 of them took 2^40 steps. And each sentence opening with "It" looked back
  // through every sentence before it in the paragraph, one call deeper each.
  const auto& p = test::pipeline();
  ingest::IngestOptions o;
  const auto annotate = [&](const std::string& text) {
    auto doc = ingest::make_document(text, "its.txt", false, o);
    const auto articles = ingest::split_articles(doc, p.calendar(), p.layout(), o);
    REQUIRE(articles.size() == 1);
    return p.annotate(articles[0]);
  };
  // Who accused `target`: the source's id, "" for no one, "?" when no such event was found.
  const auto accuser = [](const extract::AnnotatedArticle& a, const std::string& target) {
    for (const auto& e : a.events)
      if (e.target.size() == 1 && a.actors[e.target[0]].id == target)
        return e.source.empty() ? std::string() : a.actors[e.source[0]].id;
    return std::string("?");
  };
  std::string its = "date 2026-09-20\n\nThe Kremlin met on Monday.\n\nIt";
  for (int i = 0; i < 40; ++i) its += " it";
  its += " accused Turkey.\n";
  CHECK(accuser(annotate(its), "turkey").empty());  // the "it"s name no one
  // A chain of sentences opening with "It" still leads back to the Kremlin ten sentences on,
  // and a paragraph of 5,000 of them is read.
  std::string chain = "date 2026-09-20\n\nThe Kremlin met on Monday.";
  const std::vector<std::string> countries = {"Turkey", "Ukraine", "Germany", "France", "Poland",
                                              "Japan",  "China",   "India",   "Brazil", "Spain"};
  for (const auto& country : countries) chain += " It said it accused " + country + ".";
  for (int i = 0; i < 5000; ++i) chain += " It said so.";
  const auto chained = annotate(chain + "\n");
  for (const auto& country : countries) {
    INFO(country);
    CHECK(accuser(chained, core::ascii_lower(country)) == "kremlin");
  }
}
