#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/pipeline.h"
#include "extract/annotation.h"
#include "graph/graph.h"
#include "ingest/ingest.h"

namespace dateline::graph {

struct BuildOptions {
  unsigned threads = 0;  // 0: every core
  // Called now and then from the calling thread with (files done, files in all).
  std::function<void(size_t, size_t)> progress;
};

// A corpus read and annotated: the articles in input order (files in the order given, the
// articles of a file in reading order), the graph merged from them after dateline inference,
// and what went wrong.
struct Corpus {
  std::vector<extract::AnnotatedArticle> articles;
  Graph graph;
  std::vector<std::string> failures;  // "file: message", one per file that could not be read
  std::vector<std::string> warnings;  // e.g. a manifest date that disagrees with a header line
  std::vector<uint32_t> inferred;     // articles whose dateline was inferred
};

// Reads, annotates (on `threads` threads) and merges the files; a file that fails is recorded
// and skipped. Deterministic whatever the thread count.
Corpus build(const core::Pipeline& pipeline, const std::vector<std::filesystem::path>& files,
             const ingest::IngestOptions& options, const BuildOptions& build_options = {});

// The first half of build: reads and annotates the files, leaving the graph empty.
Corpus annotate_files(const core::Pipeline& pipeline,
                      const std::vector<std::filesystem::path>& files,
                      const ingest::IngestOptions& options, const BuildOptions& build_options = {});

// The second half: merging and dateline inference over articles already annotated.
void merge_corpus(const core::Pipeline& pipeline, Corpus& corpus);

}  // namespace dateline::graph
