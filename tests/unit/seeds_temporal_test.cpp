// The seed articles' hard cases (issue: temporal engine), read from ../shared/seeds.
#include <doctest/doctest.h>

#include <map>

#include "core/pipeline.h"
#include "helpers.h"
#include "ingest/ingest.h"
#include "temporal/timex3.h"

using namespace dateline;

namespace {

const core::Pipeline& pipeline() {
  return test::pipeline();
}

struct Found {
  std::string value, mod, anchor;
};

// Every timex of the seed file's articles by its text (the first occurrence wins).
std::multimap<std::string, Found> timexes(const std::string& file) {
  static const auto manifest = ingest::Manifest::load(test::seeds_dir() / "manifest.yaml");
  ingest::IngestOptions o;
  o.manifest = &manifest;
  auto doc = ingest::read_document(test::seeds_dir() / file, o);
  std::multimap<std::string, Found> out;
  for (auto& a : ingest::split_articles(doc, pipeline().calendar(), pipeline().layout(), o)) {
    const auto ts = pipeline().temporal().annotate(a);
    for (const auto& t : ts) {
      Found f{temporal::timex3_value(t.value), std::string(temporal::to_string(t.mod)), ""};
      if (t.anchor == temporal::AnchorKind::Dateline)
        f.anchor = "dateline";
      else if (t.anchor_index >= 0)
        f.anchor = std::string(ts[static_cast<size_t>(t.anchor_index)].span.of(a.text()));
      out.emplace(std::string(t.span.of(a.text())), f);
    }
  }
  return out;
}

Found one(const std::multimap<std::string, Found>& m, const std::string& text) {
  auto it = m.find(text);
  REQUIRE_MESSAGE(it != m.end(), "not found: " << text);
  return it->second;
}

}  // namespace

TEST_CASE(
    "seeds 000: Monday, Sunday, a day earlier, early Saturday, this weekend, early this month") {
  const auto m = timexes("000_7970d5eb25d2ec3c.txt");
  CHECK(one(m, "Monday").value == "2026-03-02");
  CHECK(one(m, "Sunday").value == "2026-03-01");
  const auto earlier = one(m, "a day earlier");
  CHECK(earlier.value == "2026-02-28");
  CHECK(earlier.anchor == "Sunday");
  const auto saturday = one(m, "early Saturday");
  CHECK(saturday.value == "2026-02-28");
  CHECK(saturday.mod == "START");
  CHECK(one(m, "this weekend").value == "2026-W09-WE");
  const auto month = one(m, "early this month");
  CHECK(month.value == "2026-03");
  CHECK(month.mod == "START");
}

TEST_CASE("seeds 001: the day prior and last month") {
  const auto m = timexes("001_5d4df0edb5bf4bf3.txt");
  CHECK(one(m, "the day prior").value == "2026-02-28");
  CHECK(one(m, "the day prior").anchor == "Sunday");
  CHECK(one(m, "last month").value == "2026-02");
}

TEST_CASE("seeds 004: dates glued to related headlines, with clock times") {
  const auto m = timexes("004_b21e893726f58edb.txt");
  CHECK(one(m, "28.02.26, 16:20").value == "2026-02-28T16:20");
  CHECK(one(m, "01.03.26, 10:49").value == "2026-03-01T10:49");
  CHECK(one(m, "March 1").value == "2026-03-01");
}

TEST_CASE(
    "seeds 002: without a dateline, weekdays stay underspecified and captions keep their dates") {
  const auto m = timexes("002_93d3a7aa106f1c6c.txt");
  CHECK(one(m, "Tuesday").value == "XXXX-WXX-2");
  CHECK(one(m, "Friday").value == "XXXX-WXX-5");
  CHECK(one(m, "Thursday, March 13, 2025").value == "2025-03-13");
  CHECK(one(m, "September 16, 2024").value == "2024-09-16");
}
