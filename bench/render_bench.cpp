// Diagram speed: renders, from one graph, a timeline of about --events events (a date window
// chosen to hold that many), a relationship diagram of --actors actors (the most central), and
// the relationship diagram and timeline with the theme's default caps, each --runs times as
// SVG; prints the medians. Loading the graph is not counted.
//
//   build/bench/render_bench --graph /path/to/graph.json --runs 5
//   build/bench/render_bench --articles 5000      (a synthetic corpus, built first)

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>

#include "common.h"
#include "core/files.h"
#include "core/pipeline.h"
#include "graph/build.h"
#include "graph/json_io.h"
#include "ingest/ingest.h"
#include "render/render.h"
#include "synth.h"

using namespace dateline;
namespace fs = std::filesystem;

using bench::median;
using bench::peak_rss_mb;
using bench::seconds_since;

namespace {

// The graph of a synthetic corpus of `articles` articles, built in a temporary folder.
graph::Graph synthetic_graph(size_t articles, uint64_t seed) {
  const fs::path dir =
      fs::temp_directory_path() / fmt::format("dateline-render-bench-{}-{}", articles, seed);
  synth::SynthOptions so;
  so.seed = seed;
  so.articles = articles;
  synth::write_corpus(synth::generate(so), dir);
  core::write_file_atomically(dir / "gazetteer.yaml", synth::gazetteer_yaml(so));
  core::Pipeline pipeline{core::PipelineConfig(core::default_data_dir(), {dir / "gazetteer.yaml"})};
  const auto manifest = ingest::Manifest::load(dir / "manifest.yaml");
  ingest::IngestOptions options;
  options.manifest = &manifest;
  auto corpus = graph::build(pipeline, ingest::expand_inputs({dir.string()}).files, options);
  fs::remove_all(dir);
  return std::move(corpus.graph);
}

// The window from the first dated event to the day by which `count` events have begun.
render::Filter window_of(const graph::Graph& g, size_t count) {
  std::vector<temporal::Date> starts;
  for (const auto& e : g.events)
    if (const auto r = graph::day_range(e.date.value)) starts.push_back(r->first);
  std::sort(starts.begin(), starts.end());
  render::Filter f;
  f.statements = false;
  f.top = -1;  // every lane: all the window's events drawn
  if (starts.empty()) return f;
  f.from = starts.front();
  f.to = starts[std::min(count, starts.size()) - 1];
  return f;
}

size_t events_in(const graph::Graph& g, const render::Filter& f) {
  size_t n = 0;
  for (const auto& e : g.events)
    if (const auto r = graph::day_range(e.date.value); r && r->last >= *f.from && r->first <= *f.to)
      ++n;
  return n;
}

struct Figure {
  double seconds = 0;
  size_t bytes = 0;
};

Figure measure(int runs, const std::function<std::string()>& render) {
  std::vector<double> times;
  size_t bytes = 0;
  for (int run = 0; run < runs; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    bytes = render().size();
    times.push_back(seconds_since(t0));
  }
  return {median(times), bytes};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"render_bench: time the timeline and the relationship diagram"};
  std::string path;
  size_t articles = 5000, events = 1000;
  int actors = 500, runs = 5;
  app.add_option("--graph", path, "graph.json to draw (default: build a synthetic corpus)");
  app.add_option("--articles", articles, "Articles of the synthetic corpus");
  app.add_option("--events", events, "Events of the timeline");
  app.add_option("--actors", actors, "Actors of the relationship diagram");
  app.add_option("--runs", runs, "Runs of each diagram (the median is reported)");
  CLI11_PARSE(app, argc, argv);

  auto t0 = std::chrono::steady_clock::now();
  const graph::Graph g = path.empty() ? synthetic_graph(articles, 1) : graph::load_graph(path);
  std::cerr << fmt::format("graph: {} articles, {} actors, {} events, {} statements ({:.1f} s)\n",
                           g.articles.size(), g.actors.size(), g.events.size(), g.statements.size(),
                           seconds_since(t0));
  const auto theme = render::load_theme(render::default_theme_path());
  const auto svg = render::Format::Svg;

  const auto window = window_of(g, events);
  const auto timeline = measure(runs, [&] { return render::timeline(g, window, theme, svg); });
  std::cout << fmt::format(
      "timeline of {} events ({} to {}, every lane): {:.2f} s median of {} (target <= 3 s), "
      "{:.1f} MB of SVG\n",
      window.from ? events_in(g, window) : 0,
      window.from ? boost::gregorian::to_iso_extended_string(*window.from) : "-",
      window.to ? boost::gregorian::to_iso_extended_string(*window.to) : "-", timeline.seconds,
      runs, static_cast<double>(timeline.bytes) / 1e6);

  render::Filter most_central;
  most_central.top = actors;
  const auto relations =
      measure(runs, [&] { return render::relations(g, most_central, theme, svg); });
  std::cout << fmt::format(
      "relationship diagram of the {} most central actors: {:.2f} s median of {} (target <= 3 s), "
      "{:.1f} MB of SVG\n",
      actors, relations.seconds, runs, static_cast<double>(relations.bytes) / 1e6);

  const auto capped = measure(runs, [&] { return render::relations(g, {}, theme, svg); });
  const auto lanes = measure(runs, [&] { return render::timeline(g, {}, theme, svg); });
  std::cout << fmt::format(
      "default caps on the whole graph ({} articles): relationship diagram {:.2f} s (target <= "
      "5 s at 100,000 articles), timeline {:.2f} s, medians of {}\n",
      g.articles.size(), capped.seconds, lanes.seconds, runs);
  std::cout << fmt::format("peak memory {} MB\n", peak_rss_mb());
  return 0;
}
