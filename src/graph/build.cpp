#include "graph/build.h"

#include <algorithm>
#include <mutex>
#include <thread>
#include <unordered_set>

#include <fmt/format.h>

#include "core/error.h"
#include "graph/infer.h"
#include "graph/merge.h"

namespace dateline::graph {

namespace {

// What one file gave.
struct FileResult {
  std::vector<extract::AnnotatedArticle> articles;
  std::string failure;
  std::vector<std::string> warnings;
};

// A corpus keeps every article until it is merged: no room kept for growth.
void trim(extract::AnnotatedArticle& a) {
  a.timexes.shrink_to_fit();
  a.sentences.shrink_to_fit();
  a.actors.shrink_to_fit();
  a.mentions.shrink_to_fit();
  a.events.shrink_to_fit();
  a.statements.shrink_to_fit();
  a.article.paragraphs.shrink_to_fit();
}

FileResult annotate_file(const core::Pipeline& pipeline, const std::filesystem::path& file,
                         const ingest::IngestOptions& options) {
  FileResult out;
  try {
    auto doc = ingest::read_document(file, options);
    if (doc->replaced_invalid)
      out.warnings.push_back(doc->path + ": ill-formed UTF-8 replaced by U+FFFD");
    for (auto& article :
         ingest::split_articles(doc, pipeline.calendar(), pipeline.layout(), options)) {
      if (!article.warning.empty()) out.warnings.push_back(article.warning);
      out.articles.push_back(pipeline.annotate(std::move(article)));
      trim(out.articles.back());
    }
  } catch (const std::exception& e) {
    out.articles.clear();
    out.failure = e.what();
  }
  return out;
}

// Files of one name in two folders ("x/a.txt", "y/a.txt") give articles of one id; the later
// ones become "a~2", "a~3" (a name no article has), so that the graph and every output keep
// them apart.
void make_ids_unique(std::vector<extract::AnnotatedArticle>& articles) {
  std::unordered_set<std::string> given, used;
  for (const auto& a : articles) given.insert(a.article.id);
  for (auto& a : articles) {
    std::string& id = a.article.id;
    if (used.insert(id).second) continue;
    for (int k = 2;; ++k)
      if (auto other = fmt::format("{}~{}", id, k);
          !given.count(other) && used.insert(other).second) {
        id = std::move(other);
        break;
      }
  }
}

}  // namespace

void merge_corpus(const core::Pipeline& pipeline, Corpus& corpus) {
  corpus.graph = merge(corpus.articles, &pipeline.gazetteer());
  corpus.inferred = infer_datelines(corpus.articles, corpus.graph, pipeline);
  if (!corpus.inferred.empty()) {
    corpus.graph = {};  // never two graphs at once
    corpus.graph = merge(corpus.articles, &pipeline.gazetteer());
  }
}

Corpus annotate_files(const core::Pipeline& pipeline,
                      const std::vector<std::filesystem::path>& files,
                      const ingest::IngestOptions& options, const BuildOptions& build_options) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads =
      std::max(1u, std::min<unsigned>(build_options.threads ? build_options.threads : cores,
                                      static_cast<unsigned>(std::max<size_t>(files.size(), 1))));
  std::vector<FileResult> results(files.size());
  std::atomic<size_t> next{0}, done{0};
  const auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      results[i] = annotate_file(pipeline, files[i], options);
      ++done;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  if (build_options.progress) {
    // The calling thread reports progress while the others work, then joins in.
    std::thread reporter;
    std::atomic<bool> finished{false};
    reporter = std::thread([&] {
      while (!finished) {
        build_options.progress(done.load(), files.size());
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
      }
    });
    work();
    for (auto& t : pool) t.join();
    finished = true;
    reporter.join();
    build_options.progress(files.size(), files.size());
  } else {
    work();
    for (auto& t : pool) t.join();
  }
  Corpus corpus;
  for (size_t i = 0; i < results.size(); ++i) {
    auto& r = results[i];
    if (!r.failure.empty()) corpus.failures.push_back(r.failure);
    for (auto& w : r.warnings) corpus.warnings.push_back(std::move(w));
    for (auto& a : r.articles) corpus.articles.push_back(std::move(a));
  }
  make_ids_unique(corpus.articles);
  return corpus;
}

Corpus build(const core::Pipeline& pipeline, const std::vector<std::filesystem::path>& files,
             const ingest::IngestOptions& options, const BuildOptions& build_options) {
  auto corpus = annotate_files(pipeline, files, options, build_options);
  merge_corpus(pipeline, corpus);
  return corpus;
}

}  // namespace dateline::graph
