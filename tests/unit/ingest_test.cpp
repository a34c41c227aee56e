#include <doctest/doctest.h>

#include <map>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/pipeline.h"
#include "helpers.h"
#include "ingest/dateline.h"
#include "ingest/ingest.h"
#include "ingest/paragraphs.h"

using namespace dateline;
using ingest::ParagraphClass;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const core::Pipeline& pipeline() {
  return test::pipeline();
}

std::vector<ingest::Article> ingest_text(const std::string& text,
                                         const ingest::IngestOptions& o = {}) {
  auto doc = ingest::make_document(text, "t.txt", false, o);
  return ingest::split_articles(doc, pipeline().calendar(), pipeline().layout(), o);
}

// The class of the first paragraph whose text starts with `prefix`.
std::optional<ParagraphClass> class_of(const ingest::Article& a, std::string_view prefix) {
  for (const auto& p : a.paragraphs)
    if (a.text_of(p.span).substr(0, prefix.size()) == prefix) return p.cls;
  return std::nullopt;
}

std::vector<json> ingest_json(const std::vector<std::string>& args, int expect_exit = 0) {
  auto r = test::run_dateline(args);
  CHECK_MESSAGE(r.exit_code == expect_exit, r.err);
  std::vector<json> out;
  for (const auto& line : test::lines(r.out)) out.push_back(json::parse(line));
  return out;
}

}  // namespace

TEST_CASE("seeds: six articles with their datelines and paragraph classes") {
  const auto seeds = test::seeds_dir();
  const auto articles = ingest_json(
      {"ingest", seeds.string(), "--manifest", (seeds / "manifest.yaml").string(), "--json"});
  REQUIRE(articles.size() == 6);
  std::map<std::string, json> by_id;
  for (const auto& a : articles) by_id[a["article"]] = a;
  const auto dateline = [&](const std::string& id) {
    REQUIRE(by_id.count(id));
    const auto& d = by_id[id]["dateline"];
    return (d["value"].is_null() ? std::string("unknown") : d["value"].get<std::string>()) + " " +
           d["source"].get<std::string>();
  };
  CHECK(dateline("000_7970d5eb25d2ec3c") == "2026-03-02 manifest");
  CHECK(dateline("001_5d4df0edb5bf4bf3") == "2026-03-02 manifest");
  CHECK(dateline("002_93d3a7aa106f1c6c#1") == "unknown unknown");
  CHECK(dateline("002_93d3a7aa106f1c6c#2") == "unknown unknown");
  CHECK(dateline("003_2661d71d3f0ee497") == "2026-03-04 header");
  CHECK(dateline("004_b21e893726f58edb") == "2026-03-02 header");

  const auto classes_of = [&](const std::string& id, const std::string& cls) {
    std::vector<std::string> texts;
    for (const auto& p : by_id[id]["paragraphs"])
      if (p["class"] == cls && !p.contains("repeat")) texts.push_back(p["text"]);
    return texts;
  };
  CHECK(classes_of("000_7970d5eb25d2ec3c", "credit") ==
        std::vector<std::string>{"Yaroslav Chingaev / Moskva News Agency"});
  CHECK(classes_of("002_93d3a7aa106f1c6c#1", "credit") ==
        std::vector<std::string>{"WANA (West Asia News Agency)/Majid Asgaripour via Reuters"});
  CHECK(classes_of("002_93d3a7aa106f1c6c#2", "credit") ==
        std::vector<std::string>{"(AP Photo/Alexander Zemlianichenko)"});
  CHECK(classes_of("003_2661d71d3f0ee497", "credit") ==
        std::vector<std::string>{"Photograph: Alexander Zemlianichenko/Reuters"});
  CHECK(classes_of("003_2661d71d3f0ee497", "byline") ==
        std::vector<std::string>{"By Laura Zilincanova, Express , UK"});
  CHECK(classes_of("004_b21e893726f58edb", "byline") ==
        std::vector<std::string>{"Vadim Khlyudzinsky"});
  const auto related4 = classes_of("004_b21e893726f58edb", "related-link");
  REQUIRE(related4.size() == 2);
  CHECK(related4[0].find("Zelenskyy28.02.26, 16:20") != std::string::npos);
  CHECK(related4[1].find("Putin is next01.03.26, 10:49") != std::string::npos);
  CHECK(classes_of("000_7970d5eb25d2ec3c", "related-link").size() == 1);
  // The tag list closing 004: every line boilerplate.
  const auto boiler = classes_of("004_b21e893726f58edb", "boilerplate");
  for (const char* tag :
       {"PoliticsNews of the World", "Russian propaganda", "Ali Khamenei", "Israel",
        "Institute for the Study of War", "United Nations", "United States", "Iran"})
    CHECK(std::find(boiler.begin(), boiler.end(), tag) != boiler.end());
  // Captions, headlines, the embedded post; the credit of 001 ("via AP").
  CHECK(classes_of("001_5d4df0edb5bf4bf3", "embed").size() == 1);
  CHECK(classes_of("001_5d4df0edb5bf4bf3", "credit") == std::vector<std::string>{"via AP"});
  CHECK(classes_of("000_7970d5eb25d2ec3c", "caption") ==
        std::vector<std::string>{"People lay flowers at the Iranian Embassy in Moscow."});
  CHECK(classes_of("004_b21e893726f58edb", "headline").size() == 1);
  // Offsets point into the file.
  const std::string text = test::read(seeds / "000_7970d5eb25d2ec3c.txt");
  for (const auto& p : by_id["000_7970d5eb25d2ec3c"]["paragraphs"])
    CHECK(text.substr(p["start"].get<size_t>(),
                      p["end"].get<size_t>() - p["start"].get<size_t>()) == p["text"]);
}

TEST_CASE("seeds: 002 splits in two and its repeated headlines and captions count once") {
  const auto seeds = test::seeds_dir();
  const auto docs =
      ingest_json({"ingest", (seeds / "002_93d3a7aa106f1c6c.txt").string(), "--json"});
  REQUIRE(docs.size() == 2);
  for (const auto& a : docs) {
    int headlines = 0, repeats = 0;
    for (const auto& p : a["paragraphs"]) {
      headlines += p["class"] == "headline" && !p.contains("repeat");
      repeats += p.contains("repeat");
    }
    CHECK(headlines == 1);
    CHECK(repeats >= 5);
  }
  CHECK(docs[0]["title"] == "Kremlin Says No Date Yet for Iranian President’s Visit to Russia");
  CHECK(docs[1]["title"].get<std::string>().rfind("Kremlin Says Putin Sent Trump", 0) == 0);
}

TEST_CASE("demo corpus: every dateline form is found") {
  const auto dir = test::data_dir() / "articles";
  const auto articles = ingest_json(
      {"ingest", dir.string(), "--manifest", (dir / "manifest.yaml").string(), "--json"});
  std::map<std::string, std::string> got;
  for (const auto& a : articles)
    got[a["article"]] =
        (a["dateline"]["value"].is_null() ? std::string("unknown")
                                          : a["dateline"]["value"].get<std::string>()) +
        " " + a["dateline"]["source"].get<std::string>();
  CHECK(articles.size() == 11);
  CHECK(got["01_kolvane_ambush"] == "2026-09-12 wire");  // year from the manifest
  CHECK(got["02_calvetti_condolences"] == "2026-09-13 header");
  CHECK(got["03_envoy_expelled"] == "unknown unknown");
  CHECK(got["04_kask_funeral"] == "2026-09-15 manifest");
  CHECK(got["05_basin_monitor_drevlo_sanctions#1"] == "unknown unknown");
  CHECK(got["05_basin_monitor_drevlo_sanctions#2"] == "unknown unknown");
  CHECK(got["06_marenza_protests"] == "2026-09-20 header");
  CHECK(got["10_eskerholm_accord"] == "2026-10-03 wire");
}

TEST_CASE("wire-style openings") {
  const auto& words = pipeline().calendar();
  auto w = ingest::parse_wire_opening("MOSCOW, March 2 (Reuters) — The Kremlin said", words);
  REQUIRE(w);
  CHECK(w->month == 3);
  CHECK(w->day == 2);
  CHECK(w->year == 0);
  w = ingest::parse_wire_opening("Saturday, October 3, 2026 — Leaders met", words);
  REQUIRE(w);
  CHECK(w->year == 2026);
  w = ingest::parse_wire_opening("KYIV, Ukraine, 2 March 2026 (AP) - Strikes hit", words);
  REQUIRE(w);
  CHECK(w->day == 2);
  CHECK(w->year == 2026);
  CHECK_FALSE(ingest::parse_wire_opening("CANBERRA, Australia (AP)_ Qantas will", words));
  CHECK_FALSE(ingest::parse_wire_opening("MOSCOW, February 30 (Reuters) — no", words));
  CHECK_FALSE(ingest::parse_wire_opening("In May 2024, the talks", words));
}

TEST_CASE("wire dateline with the year from the text or the manifest") {
  auto a = ingest_text("WASHINGTON, Jan. 5, 2025 (AP) — Officials said a thing.\n");
  REQUIRE(a.size() == 1);
  CHECK(a[0].dateline.value() == "2025-01-05");
  CHECK(a[0].dateline.source == ingest::DatelineSource::Wire);
  a = ingest_text("WASHINGTON, Jan. 5 (AP) — Officials said a thing.\n");
  CHECK(a[0].dateline.value() == "XXXX-01-05");
  // A short line above the story that states the year alone.
  a = ingest_text(
      "World Service | 2027\n\nTalks go on\n\nSORN, March 12 (TWS) — Officials said a thing.\n");
  CHECK(a[0].dateline.value() == "2027-03-12");
  CHECK(a[0].dateline.note.find("World Service | 2027") != std::string::npos);
  // Two years above it: neither is taken.
  a = ingest_text("Archive 2019 | 2027\n\nSORN, March 12 (TWS) — Officials said a thing.\n");
  CHECK(a[0].dateline.value() == "XXXX-03-12");
  // A year inside a long paragraph of the story is not a header.
  a = ingest_text(
      "SORN, March 12 (TWS) — Officials said the 2019 accord, signed after years of talks between "
      "the two neighbours, still stands.\n");
  CHECK(a[0].dateline.value() == "XXXX-03-12");
}

TEST_CASE("paragraph classes on invented layouts") {
  const std::string page =
      "Ministers Meet To Discuss The River Dispute\n"
      "\n"
      "Two ministers shake hands in Velmora. (AP Photo/Jan Novak)\n"
      "\n"
      "By Anna Berg, The Courier\n"
      "\n"
      "The ministers met on Tuesday and agreed to talk again. Both said the talks were useful.\n"
      "\n"
      "Related: Why the river matters to both capitals\n"
      "\n"
      "Advertisement\n"
      "\n"
      "They will meet again next month, officials said.\n"
      "\n"
      "Jan Novak\n"
      "\n"
      "Politics\nRivers\nVelmora\n";
  const auto a = ingest_text(page);
  REQUIRE(a.size() == 1);
  CHECK(class_of(a[0], "Ministers Meet") == ParagraphClass::Headline);
  CHECK(class_of(a[0], "Two ministers") == ParagraphClass::Caption);
  CHECK(class_of(a[0], "(AP Photo/Jan Novak)") == ParagraphClass::Credit);
  CHECK(class_of(a[0], "By Anna Berg") == ParagraphClass::Byline);
  CHECK(class_of(a[0], "The ministers met") == ParagraphClass::Body);
  CHECK(class_of(a[0], "Related:") == ParagraphClass::RelatedLink);
  CHECK(class_of(a[0], "Advertisement") == ParagraphClass::Boilerplate);
  CHECK(class_of(a[0], "Jan Novak") == ParagraphClass::Byline);
  CHECK(class_of(a[0], "Rivers") == ParagraphClass::Boilerplate);
}

TEST_CASE("a repeated paragraph is found among paragraphs that begin alike") {
  // Two different paragraphs of one length with the same first hundred bytes, then each again
  // (with other spacing): both repeats count once, and neither is taken for the other.
  const std::string opening =
      "The ministers of both capitals met again on Tuesday in the river town and said that ";
  const std::string one = opening + "the talks on water rights would go on next month.";
  const std::string two = opening + "the talks on fishing rights would end this autumn.";
  REQUIRE(one.size() / 8 == two.size() / 8);
  std::string again = two;
  again.replace(again.find(" met"), 4, "  met");
  const auto a = ingest_text(one + "\n\n" + two + "\n\n" + again + "\n\n" + one + "\n");
  REQUIRE(a.size() == 1);
  const auto& ps = a[0].paragraphs;
  REQUIRE(ps.size() == 4);
  CHECK_FALSE(ps[0].repeat);
  CHECK_FALSE(ps[1].repeat);
  CHECK(ps[2].repeat);
  CHECK(ps[3].repeat);
  CHECK(ps[2].cls == ps[1].cls);
}
TEST_CASE("hard-wrapped prose is one paragraph; a block of short lines is one per line") {
  const std::string wrapped =
      "The Kremlin said on Monday that it remains in close contact with the government in\n"
      "the capital amid escalating attacks that have killed dozens of senior officials in\n"
      "the region.\n";
  auto a = ingest_text(wrapped);
  REQUIRE(a[0].paragraphs.size() == 1);
  CHECK(a[0].paragraphs[0].cls == ParagraphClass::Body);
}

TEST_CASE("credits name their photographers and bylines their authors") {
  const auto a = ingest_text(
      "A man walks past a mural in the capital. Yaroslav Petrov / Capital News Agency\n\n"
      "By Laura Smith, The Daily, UK\n\nSomething happened today in the capital, officials "
      "said.\n");
  std::vector<std::string> people;
  for (const auto& p : a[0].paragraphs)
    for (const auto& c : ingest::credited_people(a[0].text(), p, pipeline().layout()))
      people.push_back(std::string(a[0].text_of(c.name)) +
                       (c.photographer ? " (photo)" : " (author)"));
  CHECK(people == std::vector<std::string>{"Yaroslav Petrov (photo)", "Laura Smith (author)"});
}

TEST_CASE("a manifest date that disagrees with a header line wins, with a warning") {
  test::TempDir tmp;
  tmp.write("a.txt", "date 2026-03-04\nSomething happened on Monday, officials said.\n");
  tmp.write("m.yaml", "articles:\n  - file: a.txt\n    published: 2026-03-02\n");
  auto r = test::run_dateline(
      {"ingest", (tmp / "a.txt").string(), "--manifest", (tmp / "m.yaml").string(), "--json"});
  CHECK(r.exit_code == 0);
  CHECK(json::parse(r.out)["dateline"]["value"] == "2026-03-02");
  CHECK(r.err.find("the manifest says 2026-03-02") != std::string::npos);
  CHECK(r.err.find("2026-03-04") != std::string::npos);
}

TEST_CASE("bad input: a clear error naming the file, a non-zero exit, the rest still read") {
  test::TempDir tmp;
  const auto good = tmp.write("in/good.txt", "Officials met on Monday, the ministry said.\n");
  tmp.write("in/empty.txt", "");
  tmp.write("in/binary.txt", std::string("PK\x03\x04\0\0\x01", 7));
  tmp.write("in/latin1.txt", "Caf\xE9 owners protested on Monday.\n");
  tmp.write("in/notes.md", "not an article\n");

  auto r = test::run_dateline({"ingest", (tmp / "in").string(), "--json"});
  CHECK(r.exit_code == 1);
  CHECK(test::lines(r.out).size() == 1);  // good.txt
  CHECK(r.err.find("empty.txt: empty file") != std::string::npos);
  CHECK(r.err.find("binary.txt:1:5: binary file: NUL byte at offset 4") != std::string::npos);
  CHECK(r.err.find("latin1.txt:1:4: invalid UTF-8 at byte offset 3") != std::string::npos);
  CHECK(r.err.find("skipped " + (tmp / "in/notes.md").string()) != std::string::npos);

  r = test::run_dateline(
      {"ingest", (tmp / "in/latin1.txt").string(), "--replace-invalid", "--json"});
  CHECK(r.exit_code == 0);
  CHECK(json::parse(r.out)["paragraphs"][0]["text"] ==
        "Caf\xEF\xBF\xBD owners protested on Monday.");

  r = test::run_dateline({"ingest", (tmp / "missing.txt").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("missing.txt: no such file or folder") != std::string::npos);
  (void)good;
}

TEST_CASE("bad manifests are refused with the file and line") {
  test::TempDir tmp;
  tmp.write("a.txt", "Officials met on Monday, the ministry said.\n");
  const auto check = [&](const std::string& manifest, const std::string& expected) {
    const auto m = tmp.write("m.yaml", manifest);
    const auto r =
        test::run_dateline({"ingest", (tmp / "a.txt").string(), "--manifest", m.string()});
    CAPTURE(manifest);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_MESSAGE(r.err.find(expected) != std::string::npos, r.err);
  };
  check("articles: [file: a.txt\n", "m.yaml:2:1: not valid YAML");
  check("articles:\n  - file: a.txt\n    author: me\n",
        "m.yaml:3:13: /articles/0/author: unknown key 'author'");
  check("articles:\n  - file: a.txt\n    published: 2026-02-30\n",
        "m.yaml:3:16: '2026-02-30' is not a calendar date");
  check("articles:\n  - file: b.txt\n", "m.yaml:2:11: 'b.txt' does not exist");
  check("articles:\n  - file: ../a.txt\n", "lies outside the manifest's folder");
  check("articles:\n  - file: a.txt\n  - file: ./a.txt\n",
        "m.yaml:3:11: './a.txt' is already described at line 2");
  check("", "expected object, found null");
}

TEST_CASE("a 100 MB file without a newline is read, not refused") {
  test::TempDir tmp;
  std::string big;
  big.reserve(100u << 20);
  const std::string sentence = "The talks went on and on without a pause ";
  while (big.size() < (100u << 20)) big += sentence;
  const auto path = tmp.write("big.txt", big);
  big.clear();
  const auto r = test::run_dateline({"ingest", path.string(), "--json"});
  CHECK(r.exit_code == 0);
  const auto a = json::parse(r.out);
  CHECK(a["paragraphs"].size() == 1);
  CHECK(a["span"]["end"].get<size_t>() > (100u << 20) - sentence.size());
}

TEST_CASE("TimeML: the TEXT content is the article and the DCT its dateline") {
  test::TempDir tmp;
  const auto path = tmp.write(
      "doc.tml",
      "<?xml version=\"1.0\" ?>\n<TimeML><DOCID>X1</DOCID>"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-02-13\">02/13/1998</TIMEX3></DCT>\n"
      "<TEXT>Qantas &amp; friends said <TIMEX3 tid=\"t1\" type=\"DATE\" "
      "value=\"1998-02-13\">Friday</TIMEX3> it would grow.</TEXT></TimeML>\n");
  const auto r = test::run_dateline({"ingest", path.string(), "--json"});
  CHECK(r.exit_code == 0);
  const auto a = json::parse(r.out);
  CHECK(a["dateline"]["value"] == "1998-02-13");
  CHECK(a["dateline"]["source"] == "timeml");
  CHECK(a["paragraphs"][0]["text"] == "Qantas & friends said Friday it would grow.");

  const auto bad = tmp.write("bad.tml", "<TimeML>\n<TEXT>unclosed\n</TimeML>\n");
  const auto r2 = test::run_dateline({"ingest", bad.string()});
  CHECK(r2.exit_code == 1);
  CHECK(r2.err.find("bad.tml:3") != std::string::npos);
}
