#include <doctest/doctest.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/files.h"
#include "core/schema.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/vocabulary.h"
#include "core/yaml.h"
#include "helpers.h"

using namespace dateline;
namespace fs = std::filesystem;

TEST_CASE("utf8: well-formed text passes, ill-formed sequences are found by offset") {
  CHECK_FALSE(core::utf8::first_invalid("plain ASCII, and “curly” quotes — and 🇷🇺").has_value());
  CHECK(core::utf8::first_invalid("abc\xC3").value() == 3);           // truncated
  CHECK(core::utf8::first_invalid("ab\xC0\xAF").value() == 2);        // overlong '/'
  CHECK(core::utf8::first_invalid("a\xED\xA0\x80z").value() == 1);    // surrogate
  CHECK(core::utf8::first_invalid("\xF4\x90\x80\x80").value() == 0);  // above U+10FFFF
  CHECK(core::utf8::first_invalid("0123456789abcdef\xFF").value() == 16);
}

TEST_CASE("utf8: replacing ill-formed bytes gives U+FFFD and keeps the rest") {
  CHECK(core::utf8::replace_invalid("a\xFF"
                                    "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(core::utf8::replace_invalid("ok") == "ok");
  const std::string fixed = core::utf8::replace_invalid("x\xE2\x82y");
  CHECK_FALSE(core::utf8::first_invalid(fixed).has_value());
  CHECK(fixed.front() == 'x');
  CHECK(fixed.back() == 'y');
}

TEST_CASE("utf8: line and column of an offset") {
  const auto lc = core::utf8::line_column("ab\ncd\nef", 7);
  CHECK(lc.line == 3);
  CHECK(lc.column == 2);
}

TEST_CASE("text: trimming, sentence ends and capitals") {
  CHECK(core::text::trim("  \xC2\xA0 hi \n") == "hi");
  CHECK(core::text::ends_sentence("He said so.”"));
  CHECK(core::text::ends_sentence("Really?)"));
  CHECK_FALSE(core::text::ends_sentence("A headline without a stop"));
  CHECK(core::text::is_capitalized("Élysée"));
  CHECK_FALSE(core::text::is_capitalized("élan"));
  CHECK(core::text::is_all_caps("MOSCOW"));
  CHECK_FALSE(core::text::is_all_caps("Moscow"));
  CHECK(core::text::words("  two  words ").size() == 2);
}

TEST_CASE("errors name the file, line and column") {
  const core::Error e("bad thing", {"f.yaml", 3, 7});
  CHECK(std::string(e.what()) == "f.yaml:3:7: bad thing");
  CHECK(std::string(core::Error("plain").what()) == "plain");
}

TEST_CASE("yaml: plain scalars get types, quoted ones stay strings, lines are kept") {
  const auto doc =
      core::parse_yaml("a: 12\nb: '12'\nc: true\nd: 2026-03-02\ne:\n  - x\n  - 1.5\n", "t.yaml");
  CHECK(doc.value["a"] == 12);
  CHECK(doc.value["b"] == "12");
  CHECK(doc.value["c"] == true);
  CHECK(doc.value["d"] == "2026-03-02");
  CHECK(doc.value["e"][1] == 1.5);
  CHECK(doc.locate("/e/1").line == 7);
  CHECK(doc.locate("/e/9").line == 6);  // falls back to the nearest enclosing value (the list)
}

TEST_CASE("yaml: duplicate keys and bad syntax are errors with a line") {
  CHECK_THROWS_WITH_AS(core::parse_yaml("a: 1\na: 2\n", "d.yaml"), doctest::Contains("d.yaml:2"),
                       core::Error);
  CHECK_THROWS_WITH_AS(core::parse_yaml("a: [1, 2\n", "s.yaml"),
                       doctest::Contains("not valid YAML"), core::Error);
}

TEST_CASE("yaml: nested aliases are refused, not expanded") {
  std::string laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    laughs += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) laughs += std::string(i ? ", *" : "*") + prev;
    laughs += "]\n";
    prev = c;
  }
  CHECK_THROWS_WITH_AS(core::parse_yaml(laughs, "laughs.yaml"),
                       doctest::Contains("refusing to expand"), core::Error);
  // Regression: it used to expand two million values (seconds, hundreds of MB) before giving
  // up; now a few values per byte of the document are the most aliases may give.
  const std::string limit = fmt::format("more than {} values from aliases",
                                        core::kYamlValuesPerByte * laughs.size() + 1000);
  CHECK_THROWS_WITH_AS(core::parse_yaml(laughs, "laughs.yaml"), doctest::Contains(limit.c_str()),
                       core::Error);
  // Aliases that repeat a part of the document, as people write them, still load.
  std::string shared = "defaults: &src {source: Wire, url: \"https://example.org\"}\narticles:\n";
  for (int i = 0; i < 2000; ++i) shared += fmt::format("  - {{file: a{}.txt, extra: *src}}\n", i);
  CHECK(core::parse_yaml(shared, "shared.yaml").value["articles"].size() == 2000);
}

TEST_CASE("schema: unknown keys, wrong types, bad patterns and dates are reported at their line") {
  const std::string manifest =
      "articles:\n"
      "  - file: a.txt\n"
      "    publishd: 2026-03-02\n";
  CHECK_THROWS_WITH_AS(
      core::parse_yaml(manifest, "m.yaml", "manifest.schema.json"),
      doctest::Contains("m.yaml:3:15: /articles/0/publishd: unknown key 'publishd'"), core::Error);
  CHECK_THROWS_WITH_AS(core::parse_yaml("articles: 3\n", "m.yaml", "manifest.schema.json"),
                       doctest::Contains("expected array"), core::Error);
  CHECK_THROWS_WITH_AS(core::parse_yaml("articles:\n  - file: a\n    published: March 2\n",
                                        "m.yaml", "manifest.schema.json"),
                       doctest::Contains("m.yaml:3"), core::Error);
  CHECK_NOTHROW(core::parse_yaml("articles:\n  - file: a\n    published: 2026\n", "m.yaml",
                                 "manifest.schema.json"));
}

TEST_CASE("schema: every data file of the repository validates") {
  for (const auto& [dir, schema] :
       std::vector<std::pair<std::string, std::string>>{{"actors", "actors.schema.json"}}) {
    REQUIRE(fs::is_directory(test::data_dir() / dir));
    for (const auto& entry : fs::directory_iterator(test::data_dir() / dir)) {
      CAPTURE(entry.path().string());
      CHECK_NOTHROW(core::load_yaml(entry.path(), schema));
    }
  }
  CHECK_NOTHROW(
      core::load_yaml(test::data_dir() / "lexicon/calendar.yaml", "calendar.schema.json"));
  CHECK_NOTHROW(core::load_yaml(test::data_dir() / "lexicon/layout.yaml", "layout.schema.json"));
  CHECK_NOTHROW(core::load_yaml(test::data_dir() / "articles/world.yaml", "actors.schema.json"));
  CHECK_NOTHROW(
      core::load_yaml(test::data_dir() / "articles/manifest.yaml", "manifest.schema.json"));
}

TEST_CASE("atomic files: the target appears whole on commit and not at all otherwise") {
  test::TempDir tmp;
  const auto target = tmp / "out.txt";
  {
    core::AtomicFile f(target);
    f.write("half");
  }
  CHECK_FALSE(fs::exists(target));
  CHECK(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()) == 0);
  core::write_file_atomically(target, "whole");
  CHECK(test::read(target) == "whole");
}

TEST_CASE("vocabulary: words, numbers and marks of any length find their ids, others none") {
  using dateline::core::PhraseTrie;
  using dateline::core::Token;
  using dateline::core::Vocabulary;
  Vocabulary v;
  const std::vector<std::string> keys = {"a",
                                         "eighteen",
                                         "seventeen",
                                         "internationally",
                                         "counterterrorism",
                                         "2019",
                                         "7",
                                         "1234567890123456",
                                         "12345678901234567",
                                         "'",
                                         "-",
                                         "\"",
                                         "journées",
                                         "the",
                                         "day"};
  std::vector<uint32_t> ids;
  for (const auto& k : keys) ids.push_back(v.intern(k));
  PhraseTrie<int> trie;
  trie.add(v, "the day before", 1);
  trie.add(v, "the day", 2);
  trie.add(v, "day", 3);
  v.finalize();
  trie.finalize(v.size());
  // Every key, written as a text would write it: upper case, curly marks, a dash.
  const std::string text =
      "A EIGHTEEN Seventeen INTERNATIONALLY counterTerrorism 2019 7 1234567890123456 "
      "12345678901234567 \u2019 \u2014 \u201C Journées the day";
  std::vector<Token> tokens;
  dateline::core::tokenize(text, {0, static_cast<uint32_t>(text.size())}, tokens);
  REQUIRE(tokens.size() == keys.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    INFO(keys[i]);
    CHECK(v.id_of(text, tokens[i]) == ids[i]);  // "Journées" and the 17 digits: the long way
  }
  // Near misses: a prefix, a longer word, another number, a word of 17 letters.
  const std::string other = "eighteenth seventee 2018 70 counterterrorisms internationallyy ;";
  tokens.clear();
  dateline::core::tokenize(other, {0, static_cast<uint32_t>(other.size())}, tokens);
  for (const auto& t : tokens) CHECK(v.id_of(other, t) == 0);

  // Phrases walk their edges, longest first.
  tokens.clear();
  const std::string phrase = "the day before";
  dateline::core::tokenize(phrase, {0, static_cast<uint32_t>(phrase.size())}, tokens);
  for (auto& t : tokens) t.lex = v.id_of(phrase, t);
  std::vector<int> hits;
  trie.match_hits(tokens, 0, hits);
  CHECK(hits == std::vector<int>{1, 2});
  trie.match_hits(tokens, 1, hits);
  CHECK(hits == std::vector<int>{3});
  trie.match_hits(tokens, 2, hits);
  CHECK(hits.empty());
}
