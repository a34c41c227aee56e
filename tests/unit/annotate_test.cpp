// `dateline annotate`: the JSON shape (schemas/annotation.schema.json), offsets, and the TimeML
// output parsed back.
#include <doctest/doctest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "core/schema.h"
#include "helpers.h"
#include "ingest/timeml.h"

using namespace dateline;
using nlohmann::json;

TEST_CASE("annotate: every line follows the schema and every offset points at its text") {
  const auto seeds = test::seeds_dir();
  const auto r = test::run_dateline(
      {"annotate", seeds.string(), "--manifest", (seeds / "manifest.yaml").string()});
  REQUIRE(r.exit_code == 0);
  const auto& schema = core::Schema::get("annotation.schema.json");
  size_t timexes = 0;
  for (const auto& line : test::lines(r.out)) {
    const auto a = json::parse(line);
    const auto issues = schema.validate(a);
    CHECK_MESSAGE(issues.empty(),
                  (issues.empty() ? "" : issues[0].pointer + ": " + issues[0].message));
    const std::string text = test::read(a["file"].get<std::string>());
    for (const auto& t : a["timex"]) {
      ++timexes;
      const size_t start = t["start"], end = t["end"];
      CHECK(text.substr(start, end - start) == t["text"].get<std::string>());
      if (t["anchor"].is_string() && t["anchor"] != "dateline") {
        bool found = false;
        for (const auto& other : a["timex"]) found = found || other["id"] == t["anchor"];
        CHECK(found);
      }
    }
  }
  CHECK(timexes > 30);
}

TEST_CASE("annotate: events and statements point at their text and at actors of the article") {
  const auto seeds = test::seeds_dir();
  const auto r = test::run_dateline(
      {"annotate", seeds.string(), "--manifest", (seeds / "manifest.yaml").string()});
  REQUIRE(r.exit_code == 0);
  size_t events = 0, statements = 0;
  for (const auto& line : test::lines(r.out)) {
    const auto a = json::parse(line);
    const std::string text = test::read(a["file"].get<std::string>());
    std::set<std::string> actors, event_ids;
    for (const auto& x : a["actors"]) {
      actors.insert(x["id"].get<std::string>());
      for (const auto& m : x["mentions"]) CHECK(m["end"].get<size_t>() <= text.size());
    }
    for (const auto& e : a["events"]) {
      ++events;
      event_ids.insert(e["id"].get<std::string>());
      const size_t start = e["trigger"]["start"], end = e["trigger"]["end"];
      CHECK(text.substr(start, end - start) == e["trigger"]["text"].get<std::string>());
      const size_t s0 = e["sentence"]["start"], s1 = e["sentence"]["end"];
      CHECK((s0 <= start && end <= s1));
      for (const char* side : {"source", "target"})
        for (const auto& id : e[side]) CHECK(actors.count(id.get<std::string>()) == 1);
    }
    for (const auto& s : a["statements"]) {
      ++statements;
      CHECK(actors.count(s["speaker"].get<std::string>()) == 1);
      const size_t start = s["quote"]["start"], end = s["quote"]["end"];
      if (!s.contains("parts"))
        CHECK(text.substr(start, end - start) == s["quote"]["text"].get<std::string>());
      for (const auto& e : s["events"]) CHECK(event_ids.count(e.get<std::string>()) == 1);
    }
  }
  CHECK(events > 20);
  CHECK(statements > 15);
}

TEST_CASE("annotate --format timeml: well-formed TimeML whose TEXT is the article's") {
  const auto file = test::seeds_dir() / "000_7970d5eb25d2ec3c.txt";
  const auto r =
      test::run_dateline({"annotate", file.string(), "--dct", "2026-03-02", "--format", "timeml"});
  REQUIRE(r.exit_code == 0);
  const auto parsed = ingest::parse_timeml(r.out, "out.tml");
  CHECK(parsed.dct.has_value());
  CHECK(parsed.text == test::read(file));
  REQUIRE(parsed.timexes.size() >= 6);
  bool anchored = false;
  for (const auto& t : parsed.timexes)
    anchored = anchored || t.anchor == "t2";  // "a day earlier" on Sunday
  CHECK(anchored);
  CHECK(r.out.find("anchorTimeID=\"t0\"") != std::string::npos);
}

TEST_CASE("annotate --dct: a bad date is refused") {
  const auto r = test::run_dateline({"annotate", "-", "--dct", "2026-02-30"}, "Talks on Monday.");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--dct '2026-02-30'") != std::string::npos);
}
