// The knowledge graph (issue: graph): merging the seeds' reports, dateline inference,
// graph.json, algorithms.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "core/calendar.h"
#include "core/error.h"
#include "core/pipeline.h"
#include "core/schema.h"
#include "graph/algorithms.h"
#include "graph/build.h"
#include "graph/json_io.h"
#include "helpers.h"
#include "ingest/ingest.h"
#include "temporal/timex3.h"

using namespace dateline;

namespace {

std::vector<std::filesystem::path> seed_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(test::seeds_dir()))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

const graph::Corpus& seeds(bool with_manifest) {
  static const auto manifest = ingest::Manifest::load(test::seeds_dir() / "manifest.yaml");
  static std::optional<graph::Corpus> with, without;
  auto& slot = with_manifest ? with : without;
  if (!slot) {
    ingest::IngestOptions o;
    if (with_manifest) o.manifest = &manifest;
    slot = graph::build(test::pipeline(), seed_files(), o);
  }
  return *slot;
}

// The three-digit prefixes of the articles a fact is mentioned in.
std::set<std::string> outlets(const graph::Graph& g, const std::vector<graph::Mention>& ms) {
  std::set<std::string> out;
  for (const auto& m : ms) out.insert(g.articles[m.article].id.substr(0, 3));
  return out;
}

bool names(const graph::Graph& g, const std::vector<uint32_t>& actors, const std::string& id) {
  return std::any_of(actors.begin(), actors.end(),
                     [&](uint32_t a) { return g.actors[a].id == id; });
}

const extract::AnnotatedArticle& article(const graph::Corpus& c, const std::string& prefix) {
  for (const auto& a : c.articles)
    if (a.article.id.rfind(prefix, 0) == 0) return a;
  FAIL("no article " << prefix);
  return c.articles.front();
}

// The value of the first timex whose text is `text`.
std::string timex_value(const extract::AnnotatedArticle& a, const std::string& text) {
  for (const auto& t : a.timexes)
    if (a.article.text_of(t.span) == text) return temporal::timex3_value(t.value);
  return "(none)";
}

}  // namespace

TEST_CASE("graph: the seeds' reports of one fact become one node") {
  const auto& g = seeds(true).graph;
  // Putin's condolences: 000, 001 and 004.
  bool condolences = false;
  for (const auto& e : g.events)
    if (e.code == "018" && names(g, e.source, "vladimir-putin")) {
      const auto where = outlets(g, e.mentions);
      if (where.count("000") && where.count("001") && where.count("004")) {
        condolences = true;
        CHECK(temporal::timex3_value(e.date.value) == "2026-03-01");
      }
    }
  CHECK(condolences);
  // Khamenei's killing: one node for 000, 001, 003 and 004 (whose "death ... as a result of
  // American-Israeli strikes" is the killing), on the 28th, and by no one named.
  bool killing = false;
  for (const auto& e : g.events)
    if (e.code.rfind("18", 0) == 0 && names(g, e.target, "ali-khamenei")) {
      const auto where = outlets(g, e.mentions);
      CHECK_FALSE(names(g, e.source, "vladimir-putin"));
      // A death is a killing where the sentence tells of strikes or an assassination, not in
      // "refuses to support Iran after the death of Supreme Leader Ali Khamenei".
      for (const auto& m : e.mentions)
        CHECK(m.text.find("refuses to support Iran after") == std::string::npos);
      if (where.count("000") && where.count("001") && where.count("003") && where.count("004")) {
        killing = true;
        CHECK(temporal::timex3_value(e.date.value) == "2026-02-28");
      }
    }
  CHECK(killing);
  // Peskov's "We are in constant contact..." in 000 and 001.
  bool contact = false;
  for (const auto& s : g.statements)
    if (s.speaker != graph::kNone && g.actors[s.speaker].id == "dmitry-peskov" &&
        s.quote.rfind("We are in constant contact", 0) == 0) {
      const auto where = outlets(g, s.mentions);
      contact = where.count("000") && where.count("001");
    }
  CHECK(contact);
  // The photographer is in no event.
  for (const auto& e : g.events) {
    CHECK_FALSE(names(g, e.source, "yaroslav-chingaev"));
    CHECK_FALSE(names(g, e.target, "yaroslav-chingaev"));
  }
}

TEST_CASE("graph: datelines are inferred from shared events and captions, never guessed") {
  const auto& c = seeds(false);
  // 002's second article: its caption is Thursday, March 13, 2025, and "the Kremlin said on
  // Friday": 2025-03-14, or an interval that still makes Friday the 14th.
  const auto& second = article(c, "002_93d3a7aa106f1c6c#2");
  CHECK(second.article.dateline.source == ingest::DatelineSource::Inferred);
  CHECK(timex_value(second, "Friday") == "2025-03-14");
  if (second.article.dateline.day)
    CHECK(ingest::format_date(*second.article.dateline.day) == "2025-03-14");
  // 000: Putin's condolences "on Sunday" are March 1 in 004; so is its Sunday, and "a day
  // earlier" the 28th. Its dateline is no single wrong day.
  // Its "Monday", named alone, is then the 2nd: a day six days back would be "last Monday".
  const auto no_wrong_day = [](const ingest::Dateline& d) {
    if (d.day) {
      CHECK(ingest::format_date(*d.day) == "2026-03-02");
    } else {
      REQUIRE(d.is_interval());
      const auto march2 = *core::make_date(2026, 3, 2);
      CHECK(*d.earliest <= march2);
      CHECK(*d.latest >= march2);
    }
  };
  const auto& first = article(c, "000");
  CHECK(timex_value(first, "Sunday") == "2026-03-01");
  CHECK(timex_value(first, "a day earlier") == "2026-02-28");
  CHECK(timex_value(first, "Monday") == "2026-03-02");
  no_wrong_day(first.article.dateline);
  // The inferred dateline says why.
  CHECK(first.article.dateline.note.find("Sunday") != std::string::npos);
  // 001: "He expressed condolences" goes on with Putin's "Sunday comments" of the paragraph
  // before; 004 dates the condolences March 1. So Sunday is the 1st, "the day prior" the 28th
  // and Monday the 2nd.
  const auto& second_seed = article(c, "001");
  CHECK(second_seed.article.dateline.source == ingest::DatelineSource::Inferred);
  CHECK(timex_value(second_seed, "Sunday") == "2026-03-01");
  CHECK(timex_value(second_seed, "the day prior") == "2026-02-28");
  CHECK(timex_value(second_seed, "Monday") == "2026-03-02");
  no_wrong_day(second_seed.article.dateline);
  // With those datelines, the three reports of the condolences are one node again.
  bool condolences = false;
  for (const auto& e : c.graph.events) {
    const auto where = outlets(c.graph, e.mentions);
    condolences |=
        e.code == "018" && where.count("000") && where.count("001") && where.count("004");
  }
  CHECK(condolences);
}

TEST_CASE("graph: graph.json round-trips and refuses what it cannot read") {
  const auto& g = seeds(false).graph;  // without the manifest: some dates stay underspecified
  const std::string text = graph::graph_json_text(g);
  const auto back = graph::graph_from_json_text(text, "g.json");
  // Every date survives, underspecified ones (XXXX-WXX-7) too.
  REQUIRE(back.events.size() == g.events.size());
  CHECK(text.find("\"XXXX-") != std::string::npos);
  for (size_t e = 0; e < g.events.size(); ++e)
    for (size_t m = 0; m < g.events[e].mentions.size(); ++m)
      CHECK(temporal::timex3_value(back.events[e].mentions[m].date) ==
            temporal::timex3_value(g.events[e].mentions[m].date));
  CHECK(graph::graph_json_text(graph::graph_from_json_text(graph::graph_json_text(back), "b")) ==
        graph::graph_json_text(back));
  CHECK(boost::num_edges(back.boost()) == boost::num_edges(g.boost()));
  // Laid out otherwise (pretty-printed by another tool), it reads the same.
  const auto pretty = nlohmann::json::parse(text).dump(2);
  CHECK(graph::graph_json_text(graph::graph_from_json_text(pretty, "p.json")) ==
        graph::graph_json_text(back));
  // Without its final newline it reads the same (found by fuzzing: the line reader stepped
  // past the end of the text, and std::out_of_range escaped the loader).
  REQUIRE(text.back() == '\n');
  CHECK(graph::graph_json_text(graph::graph_from_json_text(
            text.substr(0, text.size() - 1), "n.json")) == graph::graph_json_text(back));
  // What each bad graph.json is refused with (a core::Error); being read fails the test.
  const auto refusal = [](const std::string& bad, const std::string& name) -> std::string {
    try {
      graph::graph_from_json_text(bad, name);
    } catch (const core::Error& e) {
      return e.what();
    }
    FAIL("a bad graph was read: " << name);
    return {};
  };
  // A broken node names its line.
  {
    std::string broken = text;
    const auto events = broken.find("\n\"events\":[\n");
    REQUIRE(events != std::string::npos);
    const auto node = events + 13;  // the first event's line
    const int line = 1 + static_cast<int>(std::count(broken.begin(), broken.begin() + node, '\n'));
    broken.insert(node + 1, "\"oops\" ");
    CHECK(refusal(broken, "broken.json").find(fmt::format("broken.json:{}", line)) !=
          std::string::npos);
  }
  // Its last line cut to "]" without a newline: refused, not thrown raw.
  CHECK(refusal(text.substr(0, text.size() - 2), "end.json").find("end.json") != std::string::npos);
  // Cut short.
  const auto cut = refusal(text.substr(0, text.size() / 2), "cut.json");
  CHECK(cut.find("cut.json") != std::string::npos);
  CHECK(cut.find("cut short") != std::string::npos);
  // The text with another format version in its header.
  const auto at = text.find("\"version\":2");
  REQUIRE(at != std::string::npos);
  const auto with_version = [&](const std::string& version) {
    return std::string(text).replace(at, 11, "\"version\":" + version);
  };
  // A number too large for a double (found by fuzzing: it escaped as nlohmann's out_of_range),
  // as the whole document and in the header: refused with the file named, never thrown raw.
  for (const auto& [bad, where] : {std::pair<std::string, std::string>{"11111e0111199", "big.json"},
                                   {with_version("1e999"), "big.json:1"}}) {
    const auto message = refusal(bad, "big.json");
    CHECK(message.find(where) != std::string::npos);
    CHECK(message.find("not valid JSON") != std::string::npos);
  }
  // From a newer version.
  CHECK(refusal(with_version("99"), "new.json").find("newer") != std::string::npos);
  // From an older version (mentions as objects): refused with the way out.
  CHECK(refusal(with_version("1"), "old.json").find("rebuild") != std::string::npos);
  // A version beyond int's range must not wrap to the one we read.
  CHECK(refusal(with_version("4294967298"), "wrap.json").find("'version'") != std::string::npos);
  // Numbers that do not fit where they go (found by fuzzing: nlohmann converted an actor's
  // mention count of 8.9e43 to an unsigned without a word, which is undefined), and a date's
  // conflict the graph does not list (render would have read past the list): refused, with
  // the file and line named.
  const auto replaced = [&](const std::string& from, const std::string& to) {
    const auto where = text.find(from);
    REQUIRE(where != std::string::npos);
    return std::string(text).replace(where, from.size(), to);
  };
  const auto actor_mentions = text.find("\"mentions\":", text.find("\n\"actors\":["));
  REQUIRE(actor_mentions != std::string::npos);
  const auto count_end = text.find(',', actor_mentions);
  const std::string count = text.substr(actor_mentions, count_end - actor_mentions);
  for (const auto& bad_and_name :
       {std::pair<std::string, std::string>{replaced(count, "\"mentions\":8.9e43"), "float.json"},
        {replaced(count, "\"mentions\":-3"), "negative.json"},
        {replaced(count, "\"mentions\":4294967296"), "wide.json"},
        {replaced("\"conflict\":null", "\"conflict\":7"), "c.json"},
        {replaced("\"conflict\":null", "\"conflict\":2.5"), "f.json"}}) {
    const std::string& name = bad_and_name.second;  // not a structured binding: INFO captures it
    INFO(name);
    const auto message = refusal(bad_and_name.first, name);
    CHECK(message.find(name + ":") != std::string::npos);
  }
}

TEST_CASE("graph: graph.json follows schemas/graph.schema.json") {
  const auto& schema = core::Schema::get("graph.schema.json");
  for (bool manifest : {true, false}) {
    const auto doc = nlohmann::json::parse(graph::graph_json_text(seeds(manifest).graph));
    const auto issues = schema.validate(doc);
    CHECK_MESSAGE(issues.empty(),
                  (issues.empty() ? std::string() : issues[0].pointer + ": " + issues[0].message));
    // The schema holds the graph to something: a mention cut short breaks it.
    auto broken = doc;
    REQUIRE(!broken["events"].empty());
    broken["events"][0]["mentions"][0].erase(7);
    broken["articles"][0]["dateline"]["source"] = "guessed";
    CHECK(schema.validate(broken).size() == 2);
  }
}

TEST_CASE("graph: the same input gives the same bytes, whatever the thread count") {
  ingest::IngestOptions o;
  graph::BuildOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const auto a = graph::build(test::pipeline(), seed_files(), o, one);
  const auto b = graph::build(test::pipeline(), seed_files(), o, two);
  CHECK(graph::graph_json_text(a.graph) == graph::graph_json_text(b.graph));
}

TEST_CASE("graph: algorithms from Boost.Graph on the seeds") {
  const auto& g = seeds(true).graph;
  const uint32_t putin = g.find_actor("Vladimir Putin");
  const uint32_t peskov = g.find_actor("dmitry-peskov");
  REQUIRE(putin != graph::kNone);
  REQUIRE(peskov != graph::kNone);
  const auto path = graph::shortest_path(g, putin, peskov);
  REQUIRE(path.size() >= 3);
  CHECK(path.front() == g.vertex(graph::NodeKind::Actor, putin));
  CHECK(path.back() == g.vertex(graph::NodeKind::Actor, peskov));
  const auto ego = graph::ego_network(g, putin, 1);
  REQUIRE(!ego.empty());
  CHECK(ego.front().first == putin);
  CHECK(ego.front().second == 0);
  const auto [component, count] = graph::actor_components(g);
  CHECK(component[putin] == component[peskov]);
  CHECK(count >= 1);
  const auto centrality = graph::actor_centrality(g);
  CHECK(*std::max_element(centrality.begin(), centrality.end()) > 0.0);
  const auto order = graph::event_order(g);
  CHECK(order.cycle.empty());
  CHECK(order.order.size() == g.events.size());
}

TEST_CASE("dateline build: a failing article is reported and skipped, the rest builds, exit 1") {
  test::TempDir tmp;
  tmp.write("in/good.txt",
            "date 2026-03-04\nPutin met Erdogan in Sochi on Monday, officials said.\n");
  tmp.write("in/binary.txt", std::string("PK\x03\x04\0\0\x01", 7));
  tmp.write("in/manifest.yaml",
            "articles:\n  - file: good.txt\n    published: 2026-03-02\n    source: Wire\n");
  const auto out = tmp / "out";
  auto r = test::run_dateline({"build", (tmp / "in").string(), "--manifest",
                               (tmp / "in" / "manifest.yaml").string(), "-o", out.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("binary.txt") != std::string::npos);
  // The manifest wins over the header line, and a warning names both dates.
  CHECK(r.err.find("2026-03-02") != std::string::npos);
  CHECK(r.err.find("2026-03-04") != std::string::npos);
  const auto g = graph::load_graph(out / "graph.json");
  REQUIRE(g.articles.size() == 1);
  CHECK(g.articles[0].dateline == "2026-03-02");
  // Every output is whole: no temporary file is left behind.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(out))
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}
