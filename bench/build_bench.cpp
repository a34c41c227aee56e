// Graph build at scale: writes a synthetic corpus (bench/synth) of --articles articles to a
// folder, then builds its graph the way `dateline build` does (read and annotate on every
// core, merge, infer datelines, merge again), writes graph.json and loads it back. Prints the
// time of each phase and the peak memory; with --runs N, the medians of N builds.
//
//   build/bench/build_bench --articles 100000 --runs 3

#include <algorithm>
#include <chrono>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "common.h"
#include "core/files.h"
#include "core/pipeline.h"
#include "graph/build.h"
#include "graph/infer.h"
#include "graph/json_io.h"
#include "graph/merge.h"
#include "ingest/ingest.h"
#include "synth.h"

using namespace dateline;
namespace fs = std::filesystem;

using bench::median;
using bench::peak_rss_mb;
using bench::rss_mb;
using bench::seconds_since;

namespace {

struct Phases {
  double annotate = 0, merge = 0, write = 0, load = 0;
  double total() const { return annotate + merge + write; }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"build_bench: build the graph of a synthetic corpus, write and load graph.json"};
  size_t articles = 100000;
  int runs = 1;
  unsigned threads = 0;
  uint64_t seed = 1;
  std::string folder;
  app.add_option("--articles", articles, "Articles in the corpus");
  app.add_option("--runs", runs, "Builds (the median of each phase is reported)");
  app.add_option("-j,--threads", threads, "Threads (default: every core)");
  app.add_option("--seed", seed, "Seed of the synthetic corpus");
  app.add_option("--corpus", folder,
                 "Folder for the corpus (default: a temporary folder; reused when it already "
                 "holds a manifest)");
  CLI11_PARSE(app, argc, argv);

  const bool temporary = folder.empty();
  const fs::path dir = temporary ? fs::temp_directory_path() /
                                       fmt::format("dateline-build-bench-{}-{}", articles, seed)
                                 : fs::path(folder);
  synth::SynthOptions so;
  so.seed = seed;
  so.articles = articles;
  if (!fs::exists(dir / "manifest.yaml")) {
    const auto t0 = std::chrono::steady_clock::now();
    synth::write_corpus(synth::generate(so), dir);
    core::write_file_atomically(dir / "gazetteer.yaml", synth::gazetteer_yaml(so));
    std::cerr << fmt::format("wrote {} articles to {} in {:.1f} s\n", articles, dir.string(),
                             seconds_since(t0));
  }

  core::Pipeline pipeline{core::PipelineConfig(core::default_data_dir(), {dir / "gazetteer.yaml"})};
  const auto manifest = ingest::Manifest::load(dir / "manifest.yaml");
  ingest::IngestOptions options;
  options.manifest = &manifest;
  const auto files = ingest::expand_inputs({dir.string()}).files;
  const fs::path json_path = dir.string() + ".graph.json";

  std::vector<Phases> all;
  size_t bytes = 0;
  for (const auto& f : files) bytes += fs::file_size(f);
  std::string summary;
  for (int run = 0; run < runs; ++run) {
    Phases p;
    auto t0 = std::chrono::steady_clock::now();
    graph::BuildOptions bo;
    bo.threads = threads;
    auto corpus = graph::annotate_files(pipeline, files, options, bo);
    p.annotate = seconds_since(t0);
    const long annotated_mb = rss_mb();
    t0 = std::chrono::steady_clock::now();
    graph::merge_corpus(pipeline, corpus);
    p.merge = seconds_since(t0);
    const long merged_mb = rss_mb();
    t0 = std::chrono::steady_clock::now();
    graph::write_graph_json(corpus.graph, json_path);
    p.write = seconds_since(t0);
    const auto& g = corpus.graph;
    summary = fmt::format(
        "{} articles ({:.0f} MB), {} actors, {} events, {} statements, {} conflicts, {} "
        "datelines inferred, {} failures",
        g.articles.size(), static_cast<double>(bytes) / 1e6, g.actors.size(), g.events.size(),
        g.statements.size(), g.conflicts.size(), corpus.inferred.size(), corpus.failures.size());
    corpus = {};
    t0 = std::chrono::steady_clock::now();
    const auto loaded = graph::load_graph(json_path);
    p.load = seconds_since(t0);
    std::cerr << fmt::format(
        "run {}: annotate {:.1f} s ({} MB resident after), merge and infer {:.1f} s ({} MB), "
        "write graph.json {:.1f} s, load {:.1f} s ({} MB)\n",
        run + 1, p.annotate, annotated_mb, p.merge, merged_mb, p.write, p.load, rss_mb());
    all.push_back(p);
  }
  const auto med = [&](double Phases::*field) {
    std::vector<double> v;
    for (const auto& p : all) v.push_back(p.*field);
    return median(v);
  };
  std::vector<double> totals;
  for (const auto& p : all) totals.push_back(p.total());
  std::cout << summary << "\n";
  std::cout << fmt::format(
      "build (annotate {:.1f} s + merge/infer {:.1f} s + write graph.json {:.1f} s): {:.1f} s "
      "median of {} (target <= 60 s), {:.0f} articles/s\n",
      med(&Phases::annotate), med(&Phases::merge), med(&Phases::write), median(totals), runs,
      static_cast<double>(articles) / median(totals));
  std::cout << fmt::format("graph.json {:.0f} MB loads in {:.1f} s (target <= 5 s)\n",
                           static_cast<double>(fs::file_size(json_path)) / 1e6, med(&Phases::load));
  std::cout << fmt::format("peak memory {} MB (target <= 4096 MB)\n", peak_rss_mb());
  if (temporary) fs::remove_all(dir);
  fs::remove(json_path);
  return 0;
}
