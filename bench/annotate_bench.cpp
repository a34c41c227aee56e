// Annotation throughput: reads news text (TimeML files' TEXT, or plain .txt files), then
// annotates it article by article on one core until at least --mb megabytes have passed,
// several times; prints the median MB/s and the peak memory, for the temporal engine alone and
// for the whole annotation with extraction. Memory must not grow with the amount streamed:
// every article is annotated and dropped.

#include <algorithm>
#include <chrono>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "common.h"
#include "core/error.h"
#include "core/files.h"
#include "core/pipeline.h"
#include "ingest/ingest.h"
#include "ingest/timeml.h"

using namespace dateline;
namespace fs = std::filesystem;

int main(int argc, char** argv) {
  CLI::App app{
      "annotate_bench: annotation throughput on one core (temporal, and temporal with extraction)"};
  std::vector<std::string> inputs{
      (fs::path(DATELINE_SOURCE_DIR) / ".." / "shared" / "corpora" / "timebank").string()};
  double mb = 100;
  int runs = 5;
  std::string dump, stage = "all";
  app.add_option("--stage", stage, "temporal, extract (temporal and extraction) or all")
      ->check(CLI::IsMember({"temporal", "extract", "all"}));
  app.add_option("inputs", inputs, "TimeML or text files, or folders of them");
  app.add_option("--mb", mb, "Megabytes of text per run");
  app.add_option("--runs", runs, "Runs (the median is reported)");
  app.add_option("--dump", dump,
                 "Also write the text, paragraphs separated by blank lines, to this file "
                 "(for ../shared/eval/chrono_speed.js)");
  CLI11_PARSE(app, argc, argv);

  core::Pipeline pipeline{core::PipelineConfig(core::default_data_dir())};
  std::vector<std::string> texts;
  size_t bytes = 0;
  for (const auto& path : ingest::expand_inputs(inputs).files) {
    std::string raw = core::read_file(path);
    std::string text =
        path.extension() == ".tml" ? ingest::parse_timeml(raw, path.string()).text : raw;
    bytes += text.size();
    texts.push_back(std::move(text));
  }
  if (texts.empty()) {
    std::cerr << "no input\n";
    return 2;
  }
  if (!dump.empty()) {
    std::string all;
    while (all.size() < size_t(mb * 1e6))
      for (const auto& t : texts) all += t + "\n\n";
    core::write_file_atomically(dump, all);
  }
  ingest::IngestOptions options;
  options.dct = core::make_date(2026, 3, 2);
  // Runs `annotate` over the texts until `mb` megabytes have passed, `runs` times; the median.
  size_t found = 0;
  const auto measure = [&](const char* what, const auto& annotate) {
    std::vector<double> rates;
    for (int run = 0; run < runs; ++run) {
      size_t done = 0;
      const auto t0 = std::chrono::steady_clock::now();
      while (double(done) < mb * 1e6) {
        for (const auto& text : texts) {
          auto doc = ingest::make_document(text, "bench.txt", false, options);
          for (auto& a :
               ingest::split_articles(doc, pipeline.calendar(), pipeline.layout(), options))
            found += annotate(std::move(a));
          done += text.size();
        }
      }
      const double s = bench::seconds_since(t0);
      rates.push_back(double(done) / 1e6 / s);
      std::cerr << fmt::format("{} run {}: {:.1f} MB in {:.2f} s = {:.1f} MB/s\n", what, run + 1,
                               double(done) / 1e6, s, rates.back());
    }
    return bench::median(rates);
  };
  const bool temporal = stage == "temporal" || stage == "all";
  const bool extract = stage == "extract" || stage == "all";
  if (temporal) {
    const double median = measure(
        "temporal", [&](ingest::Article a) { return pipeline.temporal().annotate(a).size(); });
    std::cout << fmt::format(
        "annotate (ingest + temporal): {:.1f} MB/s on one core (median of {} runs of {:.0f} MB; "
        "{} source files, {:.2f} MB); peak memory {:.0f} MB\n",
        median, runs, mb, texts.size(), double(bytes) / 1e6, double(bench::peak_rss_mb()));
  }
  if (extract) {
    const double median = measure("extract", [&](ingest::Article a) {
      const auto annotated = pipeline.annotate(std::move(a));
      return annotated.events.size() + annotated.statements.size() + annotated.actors.size();
    });
    std::cout << fmt::format(
        "annotate (ingest + temporal + extraction): {:.1f} MB/s on one core (median of {} runs of "
        "{:.0f} MB; "
        "{} source files, {:.2f} MB); peak memory {:.0f} MB\n",
        median, runs, mb, texts.size(), double(bytes) / 1e6, double(bench::peak_rss_mb()));
  }
  if (found == 0) std::cerr << "nothing found: is the input news text?\n";
  return 0;
}
