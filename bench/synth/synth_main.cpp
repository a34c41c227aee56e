// synth_articles: writes a corpus of synthetic news articles about an invented world.
//
//   synth_articles --articles 1000 --seed 7 --out /tmp/corpus
//   dateline --gazetteer /tmp/corpus/gazetteer.yaml annotate /tmp/corpus
//     --manifest /tmp/corpus/manifest.yaml
//
// Without --out it only generates the articles in memory and reports how long that took, which
// is how the generator's own speed is measured.

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <exception>

#include "synth.h"

int main(int argc, char** argv) {
  using Clock = std::chrono::steady_clock;
  dateline::synth::SynthOptions o;
  std::string out, gold, world;
  bool gazetteer = true;

  CLI::App app{"Writes synthetic news articles about an invented world, for benchmarks."};
  app.add_option("--seed", o.seed, "Seed: the same seed and options give the same corpus")
      ->capture_default_str();
  app.add_option("--articles", o.articles, "How many articles")->capture_default_str();
  app.add_option("--start", o.start, "First day of the timeline, YYYY-MM-DD")
      ->capture_default_str();
  app.add_option("--days", o.days, "Length of the timeline in days")
      ->capture_default_str()
      ->check(CLI::Range(1, 3660));
  app.add_option("--out", out, "Folder to write the .txt files, manifest.yaml and gazetteer.yaml");
  app.add_option("--gold", gold, "Also write the gold date expressions (JSON Lines) to this file");
  app.add_option("--world", world, "World file (default: bench/synth/world.yaml)");
  app.add_flag("!--no-gazetteer", gazetteer, "Do not write gazetteer.yaml into the folder");
  CLI11_PARSE(app, argc, argv);
  if (!world.empty()) o.world = world;

  try {
    const auto t0 = Clock::now();
    const auto articles = dateline::synth::generate(o);
    const auto t1 = Clock::now();
    size_t bytes = 0;
    for (const auto& a : articles) bytes += a.text.size();
    const double gen = std::chrono::duration<double>(t1 - t0).count();
    fmt::print(stderr, "generated {} articles, {:.1f} MB, {} bytes on average, in {:.2f} s\n",
               articles.size(), static_cast<double>(bytes) / 1e6,
               articles.empty() ? 0 : bytes / articles.size(), gen);
    if (!out.empty()) {
      dateline::synth::write_corpus(articles, out);
      if (gazetteer)
        dateline::synth::write_file_atomically(std::filesystem::path(out) / "gazetteer.yaml",
                                               dateline::synth::gazetteer_yaml(o));
    }
    if (!gold.empty())
      dateline::synth::write_file_atomically(gold, dateline::synth::gold_jsonl(articles));
    if (!out.empty())
      fmt::print(stderr, "wrote {} in {:.2f} s\n", out,
                 std::chrono::duration<double>(Clock::now() - t1).count());
  } catch (const std::exception& e) {
    fmt::print(stderr, "synth_articles: {}\n", e.what());
    return 1;
  }
  return 0;
}
