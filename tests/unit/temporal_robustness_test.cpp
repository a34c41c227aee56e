// The engine on hostile sizes and shapes: it finishes, in time proportional to the input (a
// quadratic loop would not finish here), and never throws.
#include <doctest/doctest.h>

#include <random>

#include "core/calendar.h"
#include "core/pipeline.h"
#include "core/utf8.h"
#include "helpers.h"
#include "ingest/ingest.h"
#include "temporal/timex3.h"

using namespace dateline;

namespace {

const core::Pipeline& pipeline() {
  return test::pipeline();
}

temporal::Reference monday() {
  temporal::Reference r;
  r.day = core::make_date(2026, 3, 2);
  return r;
}

}  // namespace

TEST_CASE("a 10 MB paragraph with no sentence end is annotated whole") {
  std::string text;
  text.reserve(10u << 20);
  size_t expected = 0;
  while (text.size() < (10u << 20)) {
    text += "and the ministers met on Monday, then again a day earlier, for three hours ";
    expected += 3;
  }
  const auto ts = pipeline().temporal().annotate_text(text, monday());
  CHECK(ts.size() == expected);
  CHECK(temporal::timex3_value(ts.back().value) == "PT3H");
}

TEST_CASE("a line of 100,000 digits is no date and no number of anything") {
  const std::string digits(100000, '7');
  const auto ts =
      pipeline().temporal().annotate_text("In " + digits + " the talks resumed.", monday());
  CHECK(ts.empty());
}

TEST_CASE("a file of a million short lines is ingested and annotated") {
  std::string text;
  for (int i = 0; i < 1'000'000; ++i)
    text += "Item " + std::to_string(i) + ": the talks resumed on Monday.\n";
  ingest::IngestOptions o;
  o.dct = core::make_date(2026, 3, 2);
  auto doc = ingest::make_document(text, "lines.txt", false, o);
  const auto articles = ingest::split_articles(doc, pipeline().calendar(), pipeline().layout(), o);
  REQUIRE(articles.size() == 1);
  size_t n = 0;
  for (const auto& a : articles) n += pipeline().temporal().annotate(a).size();
  CHECK(n == 1'000'000);
}

TEST_CASE("random text never makes the engine throw") {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces{"Monday",
                                        " ",
                                        "the",
                                        "day",
                                        "earlier",
                                        "2026",
                                        "-",
                                        "03",
                                        ".",
                                        ",",
                                        "at",
                                        "10:35",
                                        "a.m.",
                                        "“",
                                        "”",
                                        "'",
                                        "s",
                                        "last",
                                        "next",
                                        "week",
                                        "ago",
                                        "three",
                                        "Q3",
                                        "1990s",
                                        "\xE2\x80\x94",
                                        "Feb.",
                                        "30",
                                        "99.99.99",
                                        "\xEF\xBF\xBD",
                                        "\n\n"};
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int k = 0; k < 300; ++k) text += pieces[rng() % pieces.size()];
    REQUIRE_FALSE(core::utf8::first_invalid(text).has_value());
    CHECK_NOTHROW(pipeline().temporal().annotate_text(text, monday()));
    CHECK_NOTHROW(pipeline().temporal().annotate_text(text, temporal::Reference{}));
  }
}

TEST_CASE("regression: a date moved past the calendar's first or last year is left unresolved") {
  // Boost's calendar holds the years 1400 to 9999 and throws when a day moved past either end
  // is read; a week after 28 December 9999 once ended the whole run (found by fuzz_extract).
  struct Case {
    int year, month, day;
    const char* text;
    const char* value;  // what the expression resolves to
  };
  const Case cases[] = {
      {9999, 12, 28, "next weekend", "XXXX-XX-XX"},
      {9999, 12, 28, "the following week", "XXXX-WXX"},
      {9999, 12, 28, "next quarter", "XXXX-QX"},
      {9999, 12, 28, "a week earlier", "9999-W51"},
      {9999, 12, 28, "last Monday", "9999-12-27"},
      {1400, 1, 3, "a week earlier", "XXXX-WXX"},
      {1400, 1, 3, "the weekend before", "XXXX-XX-XX"},
      {1400, 1, 3, "the following week", "1400-W02"},
      {1400, 1, 3, "next Friday", "1400-01-10"},
  };
  for (const auto& c : cases) {
    temporal::Reference r;
    r.day = core::make_date(c.year, c.month, c.day);
    REQUIRE(r.day);
    const std::string text = std::string("The talks resumed ") + c.text + ", officials said.";
    INFO(c.year, " ", c.text);
    std::vector<temporal::Timex> ts;
    REQUIRE_NOTHROW(ts = pipeline().temporal().annotate_text(text, r));
    REQUIRE(ts.size() == 1);
    CHECK(temporal::timex3_value(ts[0].value) == c.value);
  }
}
