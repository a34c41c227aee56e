// The extraction fixtures (tests/fixtures/extraction): invented articles about a world no real
// gazetteer holds, read with that world's small gazetteer only, and scored against what a
// careful reader extracts from them. The floors below are what the extractor reaches; the
// table printed shows where it stands, file by file.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/error.h"
#include "core/pipeline.h"
#include "extract/evaluation.h"
#include "helpers.h"
#include "ingest/ingest.h"

using namespace dateline;

namespace {

std::filesystem::path fixtures() {
  return test::tests_dir() / "fixtures" / "extraction";
}

const core::Pipeline& world() {
  static const core::Pipeline p([] {
    core::PipelineConfig config(test::data_dir());
    config.actors_dir = fixtures() / "gazetteer.yaml";
    return config;
  }());
  return p;
}

extract::ExtractScore score_all() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(fixtures()))
    if (entry.path().extension() == ".yaml" && entry.path().filename() != "gazetteer.yaml")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 8);
  extract::ExtractScore total;
  total.name = "total";
  for (const auto& f : files) {
    const auto x = extract::Expectation::load(f);
    const auto articles = world().annotate_file(x.article, {});
    total += extract::score(x, articles);
  }
  return total;
}

}  // namespace

TEST_CASE("extraction fixtures: the real gazetteer is not used") {
  CHECK_FALSE(world().gazetteer().find("vladimir-putin").has_value());
  CHECK(world().gazetteer().find("brevonia").has_value());
}

TEST_CASE("extraction fixtures: actors, events and statements of an invented world") {
  const auto s = score_all();
  std::string problems;
  for (const auto& p : s.problems) problems += p + "\n";
  MESSAGE(extract::ExtractScore::header() << s.row() << s.summary() << problems);
  // Datelines and credits must all be right.
  CHECK(s.datelines_right == s.datelines);
  CHECK(s.non_participants_right == s.non_participants);
  // Floors: what the extractor reaches on these articles.
  CHECK(s.actors_right >= s.actors * 95 / 100);
  CHECK(s.events.recall() >= 0.77);
  CHECK(s.events.precision() >= 0.95);
  CHECK(s.events.share(s.events.exact) >= 0.45);
  CHECK(s.events.share(s.events.code) >= 0.72);
  CHECK(s.events.share(s.events.source) >= 0.74);
  CHECK(s.events.share(s.events.target) >= 0.52);
  CHECK(s.events.share(s.events.time) >= 0.74);
  CHECK(s.statements.recall() >= 0.95);
  CHECK(s.statements.precision() >= 0.97);
  CHECK(s.statements.share(s.statements.exact) >= 0.88);
  CHECK(s.statements.share(s.statements.speaker) >= 0.93);
  CHECK(s.statements.share(s.statements.time) >= 0.90);
}

TEST_CASE(
    "extraction fixtures: an expectation that names a missing trigger is reported, not passed") {
  test::TempDir dir;
  dir.write("a.txt", "date 2027-01-05\n\nThe minister visited Tallisk on Monday.\n");
  const auto file = dir.write(
      "a.yaml",
      "file: a.txt\ndateline: 2027-01-05\nactors: []\nstatements: []\nevents:\n"
      "  - {trigger: bombed, cameo: \"195\", source: [], target: [], time: 2027-01-04}\n");
  const auto x = extract::Expectation::load(file);
  const auto articles = world().annotate_file(x.article, {});
  const auto s = extract::score(x, articles);
  CHECK(s.events.expected == 1);
  CHECK(s.events.found == 0);
  REQUIRE(!s.problems.empty());
  CHECK(s.problems[0].find("a.yaml:6:") == 0);
}

TEST_CASE("extraction fixtures: a bad expectation file names its file and line") {
  test::TempDir dir;
  const auto file =
      dir.write("bad.yaml",
                "file: a.txt\ndateline: 2027-01-05\nactors: []\nstatements: []\nevents:\n"
                "  - {trigger: x, cameo: \"9\", source: [], target: [], time: 2027}\n");
  try {
    (void)extract::Expectation::load(file);
    FAIL("loaded");
  } catch (const core::Error& e) {
    const std::string what = e.what();
    CHECK(what.find("bad.yaml:6") != std::string::npos);
  }
}
