// Query speed on a graph.json (issue 7): the time to load it (and index it for queries), then
// many random queries of two kinds, several runs each, with the median of each run's p50 and
// p99: events of an actor in a stretch of dates, and the path between two actors. Actors are
// drawn as often as events name them, so busy actors are asked about most. The queries
// go through the parser and executor as a REPL line does; printing is not timed. Not a test.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>

#include <fmt/format.h>
#include <CLI/CLI.hpp>
#include <boost/date_time/gregorian/gregorian.hpp>

#include "common.h"
#include "core/pipeline.h"
#include "graph/json_io.h"
#include "query/executor.h"
#include "query/parser.h"

using namespace dateline;
using Clock = std::chrono::steady_clock;
using bench::median;
using bench::seconds_since;

namespace {

// User and system time of the process so far.
double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  const auto s = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

struct Figures {
  std::vector<double> p50, p99, max;
};

// Runs each line through the parser and executor, `runs` times; per run the p50, p99 and max
// in milliseconds.
Figures time_lines(query::Executor& ex, const std::vector<std::string>& lines, int runs,
                   size_t& rows) {
  Figures f;
  for (int run = 0; run < runs; ++run) {
    std::vector<double> ms;
    for (const auto& line : lines) {
      const auto t0 = Clock::now();
      for (const auto& c : query::parse(line)) {
        const auto r = std::visit(
            [&](const auto& q) -> query::Result {
              if constexpr (requires { ex.run(q); })
                return ex.run(q);
              else
                return query::Message{};
            },
            c);
        if (const auto* e = std::get_if<query::EventList>(&r)) rows += e->total;
        if (const auto* p = std::get_if<query::Path>(&r)) rows += p->vertices.size();
      }
      ms.push_back(seconds_since(t0) * 1e3);
    }
    f.p50.push_back(percentile(ms, 0.5));
    f.p99.push_back(percentile(ms, 0.99));
    f.max.push_back(*std::max_element(ms.begin(), ms.end()));
    std::cerr << fmt::format("  run {}: p50 {:.3f} ms, p99 {:.3f} ms, max {:.3f} ms\n", run + 1,
                             f.p50.back(), f.p99.back(), f.max.back());
  }
  return f;
}

// The actor of every part in every event, by id: picking from it asks about an actor as often
// as the news names it in events, so the busiest actors are asked about most.
std::vector<std::string> event_parts(const graph::Graph& g) {
  std::vector<std::string> ids;
  for (const auto& e : g.events) {
    for (uint32_t a : e.source) ids.push_back(g.actors[a].id);
    for (uint32_t a : e.target) ids.push_back(g.actors[a].id);
  }
  return ids;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"query_bench: load a graph.json, then time events-by-actor-and-dates and paths"};
  std::string path;
  int runs = 5, load_runs = 3;
  size_t events_queries = 2000, path_queries = 200;
  unsigned seed = 7;
  app.add_option("--graph", path, "graph.json")->required();
  app.add_option("--runs", runs, "Runs of each query set (medians are reported)");
  app.add_option("--load-runs", load_runs, "Loads of the graph (the median is reported)");
  app.add_option("--events", events_queries, "Events queries per run");
  app.add_option("--paths", path_queries, "Path queries per run");
  app.add_option("--seed", seed, "Seed of the random actors and dates");
  CLI11_PARSE(app, argc, argv);

  std::vector<double> load_s, link_s, index_s;
  graph::Graph g;
  for (int run = 0; run < load_runs; ++run) {
    auto t0 = Clock::now();
    g = graph::load_graph(path);
    load_s.push_back(seconds_since(t0));
    // Linking again costs what the load spent building the Boost graph from the tables.
    t0 = Clock::now();
    g.link();
    link_s.push_back(seconds_since(t0));
    t0 = Clock::now();
    const query::Index index(g);
    index_s.push_back(seconds_since(t0));
    std::cerr << fmt::format("load run {}: {:.2f} s (linking {:.2f} s), index {:.2f} s\n", run + 1,
                             load_s.back(), link_s.back(), index_s.back());
  }
  const double load_cpu_s = cpu_seconds();
  std::optional<core::Pipeline> pipeline;  // only if a date needs the engine (none here)
  query::Loaders loaders;
  loaders.engine = [&]() -> const temporal::Engine& {
    if (!pipeline) pipeline.emplace(core::PipelineConfig(core::default_data_dir()));
    return pipeline->temporal();
  };
  query::Executor ex(g, loaders, query::ArticleTexts());

  // Random actors, and stretches of 1 to 31 days inside the span of the graph's dates.
  std::mt19937 rng(seed);
  const auto actors = event_parts(g);
  if (actors.size() < 2) {
    std::cerr << "the graph has no events with actors\n";
    return 2;
  }
  int32_t first = INT32_MAX, last = INT32_MIN;
  for (uint32_t e = 0; e < g.events.size(); ++e)
    if (const auto d = ex.index().event_days(e); d.known()) {
      first = std::min(first, d.first);
      last = std::max(last, d.last);
    }
  if (first > last) first = last = query::day_number(ex.now());
  std::uniform_int_distribution<size_t> pick(0, actors.size() - 1);
  std::uniform_int_distribution<int32_t> day(first, last), length(0, 30);
  const auto iso = [](int32_t n) {
    return boost::gregorian::to_iso_extended_string(query::date_of(n));
  };
  std::vector<std::string> events_lines, path_lines;
  for (size_t i = 0; i < events_queries; ++i) {
    const int32_t from = day(rng);
    events_lines.push_back(fmt::format("events actor {} from {} to {}", actors[pick(rng)],
                                       iso(from), iso(from + length(rng))));
  }
  for (size_t i = 0; i < path_queries; ++i)
    path_lines.push_back(fmt::format("path {} to {}", actors[pick(rng)], actors[pick(rng)]));

  // The first path builds the undirected view of the graph that later ones share.
  size_t rows = 0;
  std::vector<std::string> first_path = {path_lines.front()};
  const double first_path_ms = time_lines(ex, first_path, 1, rows).max.front();
  std::cerr << "events by actor and dates:\n";
  const auto events = time_lines(ex, events_lines, runs, rows);
  std::cerr << "paths:\n";
  const auto paths = time_lines(ex, path_lines, runs, rows);

  std::cout << fmt::format(
      "graph {}: {} articles, {} actors, {} events, {} statements\n"
      "load (graph.json): {:.2f} s, of which linking the Boost graph {:.2f} s; index for "
      "queries {:.2f} s (medians of {} loads; CPU time a load, the extra linking and index "
      "included: {:.1f} s)\n"
      "events by actor and date range: p50 {:.3f} ms, p99 {:.3f} ms, max {:.3f} ms "
      "({} random queries x {} runs, medians)\n"
      "path between two actors: p50 {:.1f} ms, p99 {:.1f} ms, max {:.1f} ms "
      "({} random pairs x {} runs, medians), after a first path of {:.0f} ms that builds the "
      "view they share\n"
      "peak memory {} MB ({} rows found)\n",
      path, g.articles.size(), g.actors.size(), g.events.size(), g.statements.size(),
      median(load_s), median(link_s), median(index_s), load_runs, load_cpu_s / load_runs,
      median(events.p50), median(events.p99), median(events.max), events_queries, runs,
      median(paths.p50), median(paths.p99), median(paths.max), path_queries, runs, first_path_ms,
      bench::peak_rss_mb(), rows);
  return 0;
}
