// The hostile corpus (tests/hostile/cases.yaml): `dateline build` over hostile articles mixed
// with the demo articles, then each hostile manifest on its own.
#include <doctest/doctest.h>

#include <expat.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cctype>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/yaml.h"
#include "graph/json_io.h"
#include "helpers.h"

using namespace dateline;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const core::YamlDocument& cases() {
  static const auto doc =
      core::load_yaml(test::tests_dir() / "hostile" / "cases.yaml", "hostile-corpus.schema.json");
  return doc;
}

// A case's bytes, from its parts.
std::string bytes_of(const json& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.contains("hex")) {
      const std::string hex = p["hex"];
      for (size_t i = 0; i < hex.size(); i += 3)
        out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
      continue;
    }
    const std::string text = p["text"];
    for (int k = p.value("times", 1); k > 0; --k) out += text;
  }
  return out;
}

std::string stem_of(const std::string& file) {
  return fs::path(file).stem().string();
}

// The lines of the build's standard error that name `path` (at `line`, when given).
std::vector<std::string> lines_naming(const std::string& err, const fs::path& path,
                                      const json& line) {
  const std::string at = line.is_number() ? fmt::format("{}:{}:", path.string(), line.get<int>())
                                          : path.string() + ":";
  std::vector<std::string> out;
  for (const auto& l : test::lines(err))
    if (l.find(at) != std::string::npos) out.push_back(l);
  return out;
}

bool any_holds(const std::vector<std::string>& lines, const std::string& fragment) {
  for (const auto& l : lines)
    if (l.find(fragment) != std::string::npos) return true;
  return false;
}

// XML read by expat: well-formed or not, the count of each element, every id attribute.
struct Xml {
  bool ok = false;
  std::string error;
  std::map<std::string, int> elements;
  std::set<std::string> ids;

  int count(const std::string& element) const {
    const auto it = elements.find(element);
    return it == elements.end() ? 0 : it->second;
  }
};

Xml parse_xml(const std::string& text) {
  Xml x;
  XML_Parser p = XML_ParserCreate("UTF-8");
  XML_SetUserData(p, &x);
  XML_SetStartElementHandler(p, [](void* data, const XML_Char* name, const XML_Char** attrs) {
    auto& xml = *static_cast<Xml*>(data);
    ++xml.elements[name];
    for (size_t i = 0; attrs[i]; i += 2)
      if (std::string_view(attrs[i]) == "id") xml.ids.insert(attrs[i + 1]);
  });
  x.ok = XML_Parse(p, text.data(), static_cast<int>(text.size()), 1) == XML_STATUS_OK;
  if (!x.ok)
    x.error = fmt::format("line {}: {}", XML_GetCurrentLineNumber(p),
                          XML_ErrorString(XML_GetErrorCode(p)));
  XML_ParserFree(p);
  return x;
}

// RFC 4180 rows; the fields of each row.
std::vector<size_t> csv_row_sizes(const std::string& text) {
  std::vector<size_t> rows;
  size_t fields = 1;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        ++i;
      else if (c == '"')
        quoted = false;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      ++fields;
    } else if (c == '\n') {
      rows.push_back(fields);
      fields = 1;
    }
  }
  if (quoted) rows.push_back(0);  // a quote left open: no row count can match
  return rows;
}

// Every string inside a JSON value.
void strings_in(const json& j, std::vector<std::string>& out) {
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_structured())
    for (const auto& v : j) strings_in(v, out);
}

// A calendar value that names a month or day that does not exist ("2026-02-30", "2026-13").
bool impossible_value(const std::string& v) {
  static const std::regex date(R"(^(\d{4})-(\d{2})(?:-(\d{2}))?)");
  std::smatch m;
  if (!std::regex_search(v, m, date)) return false;
  const int y = std::stoi(m[1]), mo = std::stoi(m[2]);
  if (mo < 1 || mo > 12) return true;
  return m[3].matched && !core::make_date(y, mo, std::stoi(m[3]));
}

// The TimeML file name `dateline build` gives an article id.
std::string timeml_name(const std::string& id) {
  std::string out;
  for (char c : id)
    out +=
        std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ? c : '_';
  return out + ".tml";
}

// Lays out graph.dot with Graphviz's dot engine and renders it to SVG, in this process.
std::string svg_of(const std::string& dot) {
  GVC_t* gvc = gvContext();
  Agraph_t* g = agmemread(dot.c_str());
  REQUIRE(g != nullptr);
  char engine[] = "dot", format[] = "svg";
  REQUIRE(gvLayout(gvc, g, engine) == 0);
  char* data = nullptr;
  unsigned int length = 0;
  REQUIRE(gvRenderData(gvc, g, format, &data, &length) == 0);
  std::string svg(data, length);
  gvFreeRenderData(data);
  gvFreeLayout(gvc, g);
  agclose(g);
  gvFreeContext(gvc);
  return svg;
}

struct Built {
  test::RunResult run;
  fs::path corpus, out;
  std::map<std::string, json> annotations;  // by article id
  graph::Graph graph;
};

// Writes the demo articles and every hostile article into one corpus with one manifest, and
// builds it. Done once: the other test cases read the result.
const Built& built() {
  static test::TempDir tmp;
  static const Built b = [] {
    Built r;
    r.corpus = tmp / "corpus";
    r.out = tmp / "out";
    const fs::path demo = test::data_dir() / "articles";
    json manifest = core::load_yaml(demo / "manifest.yaml").value;
    for (const auto& entry : fs::directory_iterator(demo))
      if (entry.path().extension() == ".txt")
        tmp.write("corpus/" + entry.path().filename().string(), test::read(entry.path()));
    for (const auto& c : cases().value["articles"]) {
      const std::string file = c["file"];
      tmp.write("corpus/hostile/" + file, bytes_of(c["parts"]));
      json entry = {{"file", "hostile/" + file}};
      for (const char* key : {"title", "source"})
        if (c.contains(key)) entry[key] = c[key];
      manifest["articles"].push_back(entry);
    }
    tmp.write("corpus/manifest.yaml", manifest.dump(2));  // JSON is YAML
    r.run = test::run_dateline({"build", r.corpus.string(), "--manifest",
                                (r.corpus / "manifest.yaml").string(), "-o", r.out.string()});
    for (const auto& line : test::lines(test::read(r.out / "annotations.jsonl"))) {
      const json a = json::parse(line);
      r.annotations[a["article"]] = a;
    }
    r.graph = graph::load_graph(r.out / "graph.json");
    return r;
  }();
  return b;
}

// The ids of the articles a case's file gave: its stem, or stem#1, stem#2 when it was split.
std::vector<std::string> articles_of(const Built& b, const std::string& file) {
  const std::string stem = stem_of(file);
  std::vector<std::string> ids;
  for (const auto& [id, a] : b.annotations)
    if (id == stem || id.rfind(stem + "#", 0) == 0) ids.push_back(id);
  return ids;
}

// No crash; every refused file named with its line and message; the rest built; exit code 1.
void check_outcomes(const Built& b) {
  INFO(b.run.err.substr(0, 4000));
  CHECK(b.run.exit_code == 1);  // some files failed, the rest were built
  CHECK(b.run.err.find("Sanitizer") == std::string::npos);

  for (const auto& entry : fs::directory_iterator(test::data_dir() / "articles"))
    if (entry.path().extension() == ".txt")
      CHECK_MESSAGE(!articles_of(b, entry.path().filename().string()).empty(),
                    entry.path().filename().string());

  for (const auto& c : cases().value["articles"]) {
    const std::string file = c["file"];
    const json& expect = c["expect"];
    const fs::path path = b.corpus / "hostile" / file;
    INFO(file, ": ", c["what"].get<std::string>());
    const auto ids = articles_of(b, file);
    if (expect.contains("error")) {
      CHECK(ids.empty());
      const auto named = lines_naming(b.run.err, path, expect.value("line", json()));
      CHECK_MESSAGE(any_holds(named, expect["error"]), "no error naming the file and line");
      continue;
    }
    CHECK_MESSAGE(!ids.empty(), "not built");
    if (expect.contains("warning"))
      CHECK(any_holds(lines_naming(b.run.err, path, json()), expect["warning"]));
    for (const auto& id : ids) {
      std::vector<std::string> said;
      strings_in(b.annotations.at(id), said);
      said.push_back(test::read(b.out / "timeml" / timeml_name(id)));
      for (const auto& never : expect.value("never", json::array()))
        for (const auto& s : said) CHECK_MESSAGE(s.find(never) == std::string::npos, never);
    }
    for (const auto& name : expect.value("actors", json::array())) {
      bool found = false;
      for (const auto& a : b.graph.actors) found = found || a.name == name;
      CHECK_MESSAGE(found, "no actor named ", name.get<std::string>());
    }
  }
}

// No timex or event states a date that does not exist.
void check_dates(const Built& b) {
  size_t values = 0;
  std::vector<std::string> impossible;
  for (const auto& [id, a] : b.annotations) {
    std::vector<std::string> all;
    for (const auto& t : a["timex"])
      if (t["value"].is_string()) all.push_back(t["value"]);
    for (const auto& e : a["events"])
      if (e["time"].contains("value") && e["time"]["value"].is_string())
        all.push_back(e["time"]["value"]);
    values += all.size();
    for (const auto& v : all)
      if (impossible_value(v)) impossible.push_back(id + ": " + v);
  }
  CHECK(values > 100);
  CHECK_MESSAGE(impossible.empty(), fmt::format("{}", fmt::join(impossible, "\n")));
}

// Every output stays well-formed: DOT parsed and drawn to SVG, the diagrams of `dateline render`,
// XML, JSON, CSV.
void check_outputs(const Built& b) {
  const size_t vertices = boost::num_vertices(b.graph.boost());
  std::string evil_id;
  for (const auto& c : cases().value["articles"])
    if (c["file"].get<std::string>().find("<breaker>") != std::string::npos)
      evil_id = stem_of(c["file"]);
  REQUIRE(!evil_id.empty());

  const std::string dot = test::read(b.out / "graph.dot");
  Agraph_t* parsed = agmemread(dot.c_str());
  REQUIRE(parsed != nullptr);
  CHECK(agnnodes(parsed) == static_cast<int>(vertices));
  agclose(parsed);

  const Xml svg = parse_xml(svg_of(dot));
  CHECK_MESSAGE(svg.ok, svg.error);
  CHECK(svg.count("svg") == 1);
  CHECK(svg.ids.count(evil_id) == 1);  // the article node keeps its id, every character of it

  // `dateline render` draws the same graph: its SVG stays well-formed too.
  for (const char* kind : {"--timeline", "--relations"}) {
    const fs::path svg_file = b.out / (std::string(kind + 2) + ".svg");
    const auto r =
        test::run_dateline({"render", (b.out / "graph.json").string(), kind, svg_file.string()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    const Xml drawn = parse_xml(test::read(svg_file));
    CHECK_MESSAGE(drawn.ok, kind, ": ", drawn.error);
    CHECK(drawn.count("svg") >= 1);
  }

  const Xml graphml = parse_xml(test::read(b.out / "graph.graphml"));
  CHECK_MESSAGE(graphml.ok, graphml.error);
  CHECK(graphml.count("node") == static_cast<int>(vertices));

  size_t timeml = 0;
  for (const auto& entry : fs::directory_iterator(b.out / "timeml")) {
    ++timeml;
    const Xml x = parse_xml(test::read(entry.path()));
    CHECK_MESSAGE(x.ok, entry.path().filename().string(), ": ", x.error);
  }
  CHECK(timeml == b.annotations.size());
  CHECK(b.graph.articles.size() == b.annotations.size());

  CHECK(json::parse(test::read(b.out / "timeline.json")).is_object());
  for (const auto& entry : fs::directory_iterator(b.out / "neo4j")) {
    if (entry.path().extension() != ".csv") continue;
    const auto rows = csv_row_sizes(test::read(entry.path()));
    REQUIRE(!rows.empty());
    for (size_t i = 1; i < rows.size(); ++i)
      CHECK_MESSAGE(rows[i] == rows[0], entry.path().filename().string(), " row ", i + 1);
  }
}

}  // namespace

TEST_CASE("hostile corpus: dateline build survives it, names each refused file, keeps the rest") {
  const Built& b = built();
  check_outcomes(b);
  check_dates(b);
  check_outputs(b);
}

TEST_CASE("hostile manifests: refused with the file and line, nothing written") {
  test::TempDir tmp;
  tmp.write("outside.txt", "Officials met on Monday.\n");
  tmp.write("corpus/01_kolvane_ambush.txt",
            test::read(test::data_dir() / "articles" / "01_kolvane_ambush.txt"));
  tmp.write("corpus/hostile/placeholder.txt", "Officials met on Monday.\n");
  for (const auto& c : cases().value["manifests"]) {
    const std::string file = c["file"];
    INFO(file, ": ", c["what"].get<std::string>());
    const fs::path manifest = tmp.write("corpus/" + file, bytes_of(c["parts"]));
    const fs::path out = tmp / ("out-" + file);
    const auto r = test::run_dateline({"build", (tmp / "corpus" / "01_kolvane_ambush.txt").string(),
                                       "--manifest", manifest.string(), "-o", out.string()});
    INFO(r.err);
    CHECK(r.exit_code == 2);
    const auto named = lines_naming(r.err, manifest, c["expect"].value("line", json()));
    CHECK(any_holds(named, c["expect"]["error"]));
    CHECK(!fs::exists(out));
  }
}
