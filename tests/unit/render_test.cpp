#include <doctest/doctest.h>

#include <expat.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <graphviz/cgraph.h>

#include "core/error.h"
#include "graph/json_io.h"
#include "helpers.h"
#include "render/canvas.h"
#include "render/escape.h"
#include "render/render.h"

using namespace dateline;

namespace {

using temporal::Date;

temporal::Value day(int m, int d) {
  return temporal::Value::of(temporal::Point::of_day(
      Date(2026, static_cast<unsigned short>(m), static_cast<unsigned short>(d))));
}

temporal::Value month(int m) {
  temporal::Point p;
  p.gran = temporal::Unit::Month;
  p.year = 2026;
  p.month = m;
  return temporal::Value::of(p);
}

graph::ActorNode actor(std::string id, std::string name, extract::ActorKind kind) {
  graph::ActorNode a;
  a.id = std::move(id);
  a.name = std::move(name);
  a.kind = kind;
  a.names = {a.name};
  a.mentions = 1;
  return a;
}

graph::Mention mention(uint32_t article, temporal::Value date, std::string sentence) {
  graph::Mention m;
  m.article = article;
  m.date = date;
  m.basis = "sentence";
  m.text = std::move(sentence);
  return m;
}

graph::EventNode event(std::string code, std::string label, std::vector<uint32_t> source,
                       std::vector<uint32_t> target, temporal::Value date, uint32_t article = 0) {
  graph::EventNode e;
  e.id = "e" + std::to_string(source.size() * 100 + target.size());
  e.code = std::move(code);
  e.label = std::move(label);
  e.source = std::move(source);
  e.target = std::move(target);
  e.date.value = date;
  e.date.basis = "sentence";
  e.mentions = {mention(article, date, "The sentence of " + e.label + ".")};
  return e;
}

graph::ArticleNode article(std::string id, std::string url) {
  graph::ArticleNode a;
  a.id = std::move(id);
  a.source = "Wire & Co";
  a.title = "A title";
  a.url = std::move(url);
  return a;
}

const std::string kScript = "<script>alert(1)</script>";
const std::string kBackslash = "Back\\slash \\N \\G {brace}";
const std::string kQuoted = "\"Quoted\" O'Brien & Sons";

// Actors whose names carry everything DOT and SVG care about; an article whose URL is
// javascript:, one whose http URL holds quotes and angle brackets.
graph::Graph hostile() {
  graph::Graph g;
  g.actors.push_back(actor("evil", kScript, extract::ActorKind::Person));
  g.actors.push_back(actor("slash", kBackslash, extract::ActorKind::Organisation));
  g.actors.push_back(actor("quoted", kQuoted, extract::ActorKind::Group));
  g.actors.push_back(actor("lines", "Two\nlines", extract::ActorKind::Country));
  g.actors[0].affiliations = {3};
  g.actors[1].affiliations = {3};
  g.articles.push_back(article("js", "javascript:alert(document.cookie)"));
  g.articles.push_back(article("web", "https://example.org/a?b=\"<x>\"&c=1"));
  g.events.push_back(event("180", "Attack <b>\\N</b>", {0}, {1}, day(9, 12), 0));
  g.events.push_back(event("181", "Abduct", {0}, {1}, day(9, 14), 1));
  g.events.push_back(event("042", "Visit", {2}, {3}, month(9), 1));
  graph::StatementNode s;
  s.id = "s1";
  s.speaker = 2;
  s.quote = "</text><script>x</script> \\ \"q\"";
  s.verb = "said";
  s.date.value = day(9, 13);
  s.date.basis = "clause";
  s.about_actors = {0};
  s.mentions = {mention(0, day(9, 13), "He said it.\nThen left.")};
  g.statements.push_back(s);
  g.link();
  return g;
}

// What expat makes of an SVG: whether it is well-formed, its elements and attributes, its text.
struct Xml {
  bool ok = false;
  std::vector<std::string> elements;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<std::string> texts;  // the content of each <text> element
  std::string all_text;
};

struct XmlState {
  Xml xml;
  bool in_text = false;
};

Xml parse_xml(const std::string& svg) {
  XmlState st;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &st);
  XML_SetElementHandler(
      p,
      [](void* data, const XML_Char* name, const XML_Char** atts) {
        auto& s = *static_cast<XmlState*>(data);
        s.xml.elements.push_back(name);
        for (int i = 0; atts[i]; i += 2) s.xml.attributes.emplace_back(atts[i], atts[i + 1]);
        if (std::string(name) == "text") {
          s.in_text = true;
          s.xml.texts.emplace_back();
        }
      },
      [](void* data, const XML_Char* name) {
        if (std::string(name) == "text") static_cast<XmlState*>(data)->in_text = false;
      });
  XML_SetCharacterDataHandler(p, [](void* data, const XML_Char* chars, int len) {
    auto& state = *static_cast<XmlState*>(data);
    state.xml.all_text.append(chars, static_cast<size_t>(len));
    if (state.in_text) state.xml.texts.back().append(chars, static_cast<size_t>(len));
  });
  st.xml.ok = XML_Parse(p, svg.data(), static_cast<int>(svg.size()), 1) == XML_STATUS_OK;
  XML_ParserFree(p);
  return st.xml;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// No script runs: no script element, no event handler attribute, no javascript: link.
void check_safe(const Xml& x) {
  REQUIRE(x.ok);
  for (const auto& e : x.elements) CHECK(lower(e).find("script") == std::string::npos);
  for (const auto& [name, value] : x.attributes) {
    CHECK(lower(name).rfind("on", 0) != 0);
    std::string v = lower(value);
    v.erase(std::remove_if(v.begin(), v.end(), [](unsigned char c) { return std::isspace(c); }),
            v.end());
    if (lower(name).find("href") != std::string::npos) {
      CHECK(v.rfind("javascript:", 0) != 0);
      CHECK((v.rfind("http://", 0) == 0 || v.rfind("https://", 0) == 0));
    }
  }
}

bool has_text(const Xml& x, const std::string& s) {
  return std::find(x.texts.begin(), x.texts.end(), s) != x.texts.end();
}

std::vector<std::string> hrefs(const Xml& x) {
  std::vector<std::string> out;
  for (const auto& [name, value] : x.attributes)
    if (name == "xlink:href" || name == "href") out.push_back(value);
  return out;
}

std::string tooltips(const Xml& x) {
  std::string out;
  for (const auto& [name, value] : x.attributes)
    if (name == "xlink:title") out += value + "\n";
  return out;
}

const render::Theme& theme() {
  static const render::Theme t = render::load_theme(render::default_theme_path());
  return t;
}

// The x of the <text> element that holds exactly `s`.
double text_x(const std::string& svg, const std::string& s) {
  std::smatch m;
  const std::regex re("<text[^>]* x=\"([-0-9.]+)\"[^>]*>" + s + "</text>");
  REQUIRE_MESSAGE(std::regex_search(svg, m, re), s);
  return std::stod(m[1]);
}

}  // namespace

TEST_CASE("render escape: labels, tooltips and links leave Graphviz nothing to interpret") {
  CHECK(render::label_text("a\\N & b") == "a\\\\N &amp; b");
  CHECK(render::label_text("two\nlines\t here") == "two lines here");
  CHECK(render::clean_text("abcdefghij", 5) == "abcd\u2026");
  CHECK(render::clean_text("abcde", 5) == "abcde");
  CHECK(render::clean_text("bad \x01 byte \xff") == "bad byte \ufffd");
  CHECK(render::tooltip_text("a\\b & c\nd") == "a\\\\\\\\b &amp; c\nd");
  CHECK(render::safe_url("javascript:alert(1)").empty());
  CHECK(render::safe_url("  JavaScript:alert(1)").empty());
  CHECK(render::safe_url("data:text/html,<script>").empty());
  CHECK(render::safe_url("http:evil").empty());
  CHECK(render::safe_url("HTTPS://x.example/a b?q=\"<>\"&r=1%2") ==
        "https://x.example/a%20b?q=%22%3C%3E%22&amp;r=1%252");
  CHECK(render::safe_url("http://x.example/%41") == "http://x.example/%41");
}

TEST_CASE("render: hostile names and links give valid SVG that runs no script") {
  const auto g = hostile();
  render::Filter f;
  const auto timeline = parse_xml(render::timeline(g, f, theme(), render::Format::Svg));
  const auto relations = parse_xml(render::relations(g, f, theme(), render::Format::Svg));
  check_safe(timeline);
  check_safe(relations);
  for (const auto* x : {&timeline, &relations}) {
    CHECK(has_text(*x, kScript));
    CHECK(has_text(*x, kBackslash));
    CHECK(has_text(*x, kQuoted));
    CHECK(has_text(*x, "Two lines"));
  }
  CHECK(has_text(timeline, "Attack <b>\\N</b>"));
  CHECK(has_text(timeline, "\u201c</text><script>x</script> \\ \"q\"\u201d"));
  // Only the http article is linked, as its escaped address.
  const auto links = hrefs(timeline);
  REQUIRE(!links.empty());
  for (const auto& h : links) CHECK(h == "https://example.org/a?b=%22%3Cx%3E%22&c=1");
  // Tooltips carry the outlet, the article and the sentence, backslashes intact.
  const std::string tips = tooltips(timeline);
  CHECK(tips.find("Wire & Co, web: A title") != std::string::npos);
  CHECK(tips.find("\"The sentence of Attack <b>\\N</b>.\"") != std::string::npos);
  CHECK(tips.find("\"He said it. Then left.\"") != std::string::npos);
  CHECK(tips.find(kScript + " \u2192 " + kBackslash) != std::string::npos);
  CHECK(tips.find("\u201c</text><script>x</script> \\ \"q\"\u201d") != std::string::npos);
}

TEST_CASE("render: the DOT output parses in Graphviz with the labels as given") {
  const auto g = hostile();
  const std::string dot = render::relations(g, {}, theme(), render::Format::Dot);
  Agraph_t* parsed = agmemread(dot.c_str());
  REQUIRE(parsed != nullptr);
  std::vector<std::string> labels;
  for (Agnode_t* n = agfstnode(parsed); n; n = agnxtnode(parsed, n))
    labels.push_back(agget(n, const_cast<char*>("label")));
  agclose(parsed);
  CHECK(std::find(labels.begin(), labels.end(), kScript) != labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "Back\\\\slash \\\\N \\\\G {brace}") !=
        labels.end());
  CHECK(std::find(labels.begin(), labels.end(), "\"Quoted\" O'Brien &amp; Sons") != labels.end());
}

TEST_CASE("render timeline: a true date axis, so gaps show in proportion") {
  graph::Graph g;
  g.actors.push_back(actor("a", "Alpha", extract::ActorKind::Person));
  g.articles.push_back(article("r", ""));
  g.events.push_back(event("010", "First", {0}, {}, day(9, 1)));
  g.events.push_back(event("010", "Second", {0}, {}, day(9, 3)));
  g.events.push_back(event("010", "Third", {0}, {}, day(9, 23)));
  g.link();
  const std::string svg = render::timeline(g, {}, theme(), render::Format::Svg);
  const double a = text_x(svg, "First"), b = text_x(svg, "Second"), c = text_x(svg, "Third");
  CHECK(a < b);
  CHECK(b < c);
  CHECK((c - b) / (b - a) == doctest::Approx(10.0).epsilon(0.01));  // 20 days against 2
  // Axis labels: days, the month, the year.
  const auto x = parse_xml(svg);
  CHECK(has_text(x, "23"));
  CHECK(has_text(x, "Sep"));
  CHECK(has_text(x, "2026"));
}

TEST_CASE("render timeline: spans, lanes per participant and date standing look different") {
  auto g = hostile();
  g.events[1].date.inferred = true;
  g.events[0].date.conflict = 0;
  graph::Conflict c;
  c.index = 0;
  c.stated = {{0, day(9, 12)}, {1, day(9, 11)}};
  g.conflicts.push_back(c);
  g.link();
  const std::string svg = render::timeline(g, {}, theme(), render::Format::Svg);
  // The month-long visit has a bar; the two-actor events sit in both lanes, joined.
  CHECK(svg.find("<title>e2_") != std::string::npos);
  CHECK(svg.find("_span</title>") != std::string::npos);
  CHECK(std::regex_search(svg, std::regex("<title>e0_\\d+&#45;&#45;e0_\\d+</title>")));
  // The conflicting report is drawn in the theme's conflict colour, the inferred one dotted,
  // and the tooltip says which article said what.
  CHECK(svg.find("stroke=\"#c0392b\"") != std::string::npos);
  CHECK(svg.find("stroke-dasharray=\"1,5\"") != std::string::npos);
  CHECK(
      tooltips(parse_xml(svg)).find("reports disagree: js says 2026-09-12; web says 2026-09-11") !=
      std::string::npos);
}

TEST_CASE("render relations: edges aggregated by CAMEO root with counts, grouped by country") {
  const auto g = hostile();
  std::string note = "unset";
  const std::string svg = render::relations(g, {}, theme(), render::Format::Svg, &note);
  CHECK(note.empty());
  const auto x = parse_xml(svg);
  // Events 180 and 181 from actor 0 to actor 1: one edge, root 18, counted twice.
  const std::string label = theme().categories.count("18") ? theme().categories.at("18") : "";
  CHECK(!label.empty());
  CHECK(has_text(x, label + " \u00d72"));
  CHECK(svg.find("<title>a0&#45;&gt;a1</title>") != std::string::npos);
  CHECK(svg.find("<title>a1&#45;&gt;a0</title>") == std::string::npos);
  CHECK(has_text(x, "said \u00d71"));
  // Actors 0 and 1 belong to the country actor 3: a cluster named after it.
  CHECK(svg.find("<title>cluster_g3</title>") != std::string::npos);
  // Without statements there is no "said" edge.
  render::Filter f;
  f.statements = false;
  CHECK(
      !has_text(parse_xml(render::relations(g, f, theme(), render::Format::Svg)), "said \u00d71"));
}

TEST_CASE("render relations: the cap keeps the most central actors and says what it left out") {
  const auto g = hostile();
  render::Filter f;
  f.top = 2;
  std::string note;
  const std::string svg = render::relations(g, f, theme(), render::Format::Svg, &note);
  CHECK(note.find("Showing the 2 most central of 4 actors") != std::string::npos);
  CHECK(note.find("Left out: 2 actors") != std::string::npos);
  const auto x = parse_xml(svg);
  CHECK(x.ok);
  size_t actors = 0;
  for (const auto& t : {kScript, kBackslash, kQuoted, std::string("Two lines")})
    actors += has_text(x, t) ? 1 : 0;
  CHECK(actors == 2);
}

TEST_CASE("render filters: actor, dates and CAMEO type choose what is drawn") {
  const auto g = hostile();
  render::Filter f;
  f.actor = "nobody";
  CHECK_THROWS_AS(render::check_filter(g, f), core::Error);
  CHECK_THROWS_AS(render::timeline(g, f, theme(), render::Format::Svg), core::Error);
  f.actor = kQuoted;  // by name; depth 1 reaches the country it visits and the actor it spoke of
  f.depth = 1;
  auto x = parse_xml(render::relations(g, f, theme(), render::Format::Svg));
  CHECK(has_text(x, kQuoted));
  CHECK(!has_text(x, kBackslash));

  render::Filter dates;
  dates.from = render::parse_date("2026-09-13").first;
  dates.to = render::parse_date("2026-09-13").last;
  x = parse_xml(render::timeline(g, dates, theme(), render::Format::Svg));
  CHECK(!has_text(x, "Abduct"));             // 14 September
  CHECK(!has_text(x, "Attack <b>\\N</b>"));  // 12 September
  CHECK(has_text(x, "Visit"));               // the month of September touches the 13th
  render::Filter type;
  type.cameo = "18";
  x = parse_xml(render::timeline(g, type, theme(), render::Format::Svg));
  CHECK(has_text(x, "Abduct"));
  CHECK(!has_text(x, "Visit"));
  CHECK(render::parse_date("2026-09").last == Date(2026, 9, 30));
  CHECK_THROWS_AS(render::parse_date("yesterday"), core::Error);
}

TEST_CASE("render: the same graph gives the same bytes; formats by file name") {
  const auto g = hostile();
  for (auto format : {render::Format::Svg, render::Format::Dot}) {
    CHECK(render::timeline(g, {}, theme(), format) == render::timeline(g, {}, theme(), format));
    CHECK(render::relations(g, {}, theme(), format) == render::relations(g, {}, theme(), format));
  }
  const std::string png = render::timeline(g, {}, theme(), render::Format::Png);
  CHECK(png.rfind("\x89PNG", 0) == 0);
  CHECK(render::format_of("a/b.SVG") == render::Format::Svg);
  CHECK(render::format_of("b.gv") == render::Format::Dot);
  CHECK_THROWS_AS(render::format_of("b.pdf"), core::Error);
}

TEST_CASE("render theme: a bad theme is refused with its file and line") {
  test::TempDir dir;
  std::string text = test::read(render::default_theme_path());
  const auto at = text.find("  event: {");
  REQUIRE(at != std::string::npos);
  text.insert(at + 10, "URL: \"javascript:x\", ");
  const auto file = dir.write("theme.yaml", text);
  try {
    render::load_theme(file);
    FAIL("a theme with a URL attribute was accepted");
  } catch (const core::Error& e) {
    CHECK(e.where().file == file.string());
    CHECK(e.where().line == 1 + std::count(text.begin(), text.begin() + at, '\n'));
  }
}

TEST_CASE("render CLI: unknown actor exits 2; files by extension, written whole") {
  test::TempDir dir;
  const auto graph = dir.write("graph.json", graph::graph_json_text(hostile()));
  auto r = test::run_dateline({"render", graph.string(), "--relations", (dir / "r.svg").string(),
                               "--actor", "Nobody Known"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no actor 'Nobody Known'") != std::string::npos);
  CHECK(!std::filesystem::exists(dir / "r.svg"));
  r = test::run_dateline({"render", graph.string(), "--timeline", (dir / "t.dot").string(),
                          "--relations", (dir / "r.png").string()});
  CHECK(r.exit_code == 0);
  CHECK(test::read(dir / "t.dot").rfind("graph dateline {", 0) == 0);
  CHECK(test::read(dir / "r.png").rfind("\x89PNG", 0) == 0);
  r = test::run_dateline({"render", graph.string(), "--timeline", (dir / "t.pdf").string()});
  CHECK(r.exit_code == 2);
}

TEST_CASE("render: a part-of-day date read back from graph.json still has its place") {
  graph::Graph g;
  g.actors.push_back(actor("a", "Alpha", extract::ActorKind::Person));
  g.articles.push_back(article("r", ""));
  auto evening = temporal::Point::of_day(Date(2026, 9, 12));
  evening.gran = temporal::Unit::PartOfDay;
  evening.part = temporal::PartOfDay::Evening;
  g.events.push_back(event("111", "Criticize", {0}, {}, temporal::Value::of(evening)));
  g.link();
  const auto back = graph::graph_from_json_text(graph::graph_json_text(g), "graph.json");
  REQUIRE(back.events.size() == 1);
  CHECK(back.events[0].date.value == g.events[0].date.value);
  CHECK(has_text(parse_xml(render::timeline(back, {}, theme(), render::Format::Svg)), "Criticize"));
}

TEST_CASE("render relations: clusters in a fixed order; the weakest links capped with a note") {
  graph::Graph g;
  g.articles.push_back(article("r", ""));
  for (int c = 0; c < 3; ++c)
    g.actors.push_back(actor("c" + std::to_string(c), "Country " + std::to_string(c),
                             extract::ActorKind::Country));
  for (uint32_t p = 0; p < 6; ++p) {
    g.actors.push_back(
        actor("p" + std::to_string(p), "Person " + std::to_string(p), extract::ActorKind::Person));
    g.actors.back().affiliations = {2 - p % 3};
  }
  for (uint32_t p = 3; p < 9; ++p) {
    g.events.push_back(event("042", "Visit", {p}, {(p + 1) % 9}, day(9, 1)));
    g.events.push_back(event("042", "Visit", {p}, {(p + 1) % 9}, day(9, 2)));
    g.events.push_back(event("190", "Fight", {p}, {(p + 2) % 9}, day(9, 3)));
  }
  g.link();
  // Garbage between the renders moves where Graphviz's strings land, not the output.
  const std::string first = render::relations(g, {}, theme(), render::Format::Svg);
  std::vector<std::string> garbage(500, std::string(40, 'x'));
  CHECK(render::relations(g, {}, theme(), render::Format::Svg) == first);
  std::vector<size_t> at;
  for (const char* title : {"cluster_g0", "cluster_g1", "cluster_g2"})
    at.push_back(first.find(std::string("<title>") + title + "</title>"));
  CHECK(at[0] != std::string::npos);
  CHECK(std::is_sorted(at.begin(), at.end()));
  CHECK(at[2] != std::string::npos);

  auto few = theme();
  few.relations.links_per_actor = 1;
  std::string note;
  render::relations(g, {}, few, render::Format::Svg, &note);
  CHECK_MESSAGE(note.find("Left out: the 4 weakest links") != std::string::npos, note);
}

TEST_CASE("render canvas: a layout Graphviz reports an error for falls back, or is refused") {
  {
    render::Canvas c(true);
    render::Canvas::set(c.node("a"), "label", "A");
    const std::string svg = c.render("no-such-engine", render::Format::Svg, "dot");
    CHECK(parse_xml(svg).ok);
    CHECK(svg.find(">A</text>") != std::string::npos);
  }
  render::Canvas c(true);
  c.node("a");
  CHECK_THROWS_AS(c.render("no-such-engine", render::Format::Svg), core::Error);
}
