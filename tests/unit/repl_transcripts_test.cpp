// REPL transcripts (issue 7): every tests/repl/*.test file is run through a fresh query session.
//
// A transcript is lines typed into the REPL, each followed by what it prints:
//
//   # Lines starting with '#' before the first command say what the transcript is about.
//   # graph: demo            the graph it runs on: `fixture` (the default; tests/unit/
//   #                        query_fixture.cpp) or `demo` (data/articles built with its manifest)
//   > events actor Varga     a line typed at the prompt, after "> "
//   id  date  ...            what it prints: results and errors in the order a terminal shows
//   ...                      them, up to the next "> " line
//
// Blank lines at the end of an output are not compared, so outputs may be set apart by one.
// After `quit` the session is over: later lines must print nothing.
// DATELINE_UPDATE_TRANSCRIPTS=1 rewrites the files with what the code prints now; read the diff
// before committing it.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "core/pipeline.h"
#include "graph/build.h"
#include "graph/json_io.h"
#include "helpers.h"
#include "ingest/manifest.h"
#include "query/parser.h"
#include "query/session.h"
#include "query_fixture.h"
#include "render/render.h"

using namespace dateline;
namespace fs = std::filesystem;

namespace {

struct Step {
  std::string input;
  std::vector<std::string> expected;
};

struct Transcript {
  std::vector<std::string> header;
  std::string graph = "fixture";
  std::vector<Step> steps;
};

void trim_blank_tail(std::vector<std::string>& lines) {
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
}

Transcript read_transcript(const fs::path& file) {
  Transcript t;
  for (const auto& line : test::lines(test::read(file))) {
    if (t.steps.empty() && line.rfind("#", 0) == 0) {
      t.header.push_back(line);
      if (line.rfind("# graph:", 0) == 0) t.graph = line.substr(line.find_first_not_of(' ', 8));
    } else if (line.rfind("> ", 0) == 0 || line == ">") {
      t.steps.push_back({line.size() > 2 ? line.substr(2) : "", {}});
    } else if (!t.steps.empty()) {
      t.steps.back().expected.push_back(line);
    } else if (!line.empty()) {
      FAIL(file.filename().string() << ": output before the first '> ' line: " << line);
    }
  }
  for (auto& s : t.steps) trim_blank_tail(s.expected);
  return t;
}

// A graph for sessions and where its sentences come from.
struct Fixture {
  graph::Graph graph;
  query::ArticleTexts texts;
};

const Fixture& fixture_graph() {
  static const test::TempDir dir;
  static const Fixture f = [] {
    const fs::path json = test::write_query_fixture(dir.path());
    return Fixture{graph::load_graph(json), query::ArticleTexts(dir.path())};
  }();
  return f;
}

const Fixture& demo_graph() {
  static const Fixture f = [] {
    const auto folder = test::data_dir() / "articles";
    static const auto manifest = ingest::Manifest::load(folder / "manifest.yaml");
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(folder))
      if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    ingest::IngestOptions o;
    o.manifest = &manifest;
    auto corpus = graph::build(test::pipeline(), files, o);
    Fixture out{std::move(corpus.graph), query::ArticleTexts()};
    for (uint32_t a = 0; a < corpus.articles.size(); ++a) {
      REQUIRE(corpus.articles[a].article.id == out.graph.articles[a].id);
      out.texts.keep(a, corpus.articles[a].article.doc);
    }
    return out;
  }();
  return f;
}

std::vector<fs::path> transcript_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::tests_dir() / "repl"))
    if (e.path().extension() == ".test") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Runs the transcript's lines; the output of each.
std::vector<std::vector<std::string>> replay(const Transcript& t) {
  const Fixture& f = t.graph == "demo" ? demo_graph() : fixture_graph();
  query::Loaders loaders{[]() -> const temporal::Engine& { return test::pipeline().temporal(); },
                         []() -> const render::Theme& {
                           static const auto theme = render::load_theme(
                               test::source_dir() / "render" / "theme.yaml", test::data_dir());
                           return theme;
                         }};
  query::Session session(f.graph, loaders, f.texts);
  std::vector<std::vector<std::string>> outputs;
  bool open = true;
  for (const auto& step : t.steps) {
    std::ostringstream out;
    if (open) open = session.run(step.input, out, out);
    outputs.push_back(test::lines(out.str()));
    trim_blank_tail(outputs.back());
  }
  return outputs;
}

void rewrite(const fs::path& file, const Transcript& t,
             const std::vector<std::vector<std::string>>& outputs) {
  std::string text;
  for (const auto& h : t.header) text += h + "\n";
  for (size_t i = 0; i < t.steps.size(); ++i) {
    text += (i ? "\n> " : "> ") + t.steps[i].input + "\n";
    for (const auto& line : outputs[i]) text += line + "\n";
  }
  std::ofstream(file, std::ios::binary) << text;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

}  // namespace

TEST_CASE("repl transcripts: every tests/repl/*.test prints what it expects") {
  const char* update = std::getenv("DATELINE_UPDATE_TRANSCRIPTS");
  const auto files = transcript_files();
  REQUIRE(files.size() >= 10);
  for (const auto& file : files) {
    const Transcript t = read_transcript(file);
    REQUIRE_MESSAGE(!t.steps.empty(), file.filename().string() << " has no '> ' lines");
    REQUIRE_MESSAGE((t.graph == "fixture" || t.graph == "demo"), file.filename().string());
    const auto outputs = replay(t);
    if (update && std::string(update) == "1") {
      rewrite(file, t, outputs);
      continue;
    }
    for (size_t i = 0; i < t.steps.size(); ++i) {
      INFO(file.filename().string() << ": > " << t.steps[i].input);
      CHECK(joined(outputs[i]) == joined(t.steps[i].expected));
    }
  }
}

TEST_CASE("repl transcripts: every command is run by some transcript") {
  std::vector<std::string> firsts;
  for (const auto& file : transcript_files())
    for (const auto& step : read_transcript(file).steps)
      firsts.push_back(step.input.substr(0, step.input.find(' ')));
  for (std::string_view command : query::command_names()) {
    INFO("command " << command);
    CHECK(std::find(firsts.begin(), firsts.end(), command) != firsts.end());
  }
}
