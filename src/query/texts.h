#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

#include "graph/graph.h"
#include "ingest/article.h"

namespace dateline::query {

// The words of the sentences facts are reported in: the mention's own copy (graph.json keeps
// it), else, for graphs written before it did, from the documents of a corpus just built or the
// article files, read once each: the path recorded in the graph, else that path under the
// graph's folder.
class ArticleTexts {
 public:
  explicit ArticleTexts(std::filesystem::path graph_folder = {})
      : folder_(std::move(graph_folder)) {}

  // The document an article of the graph was read from (a session over a corpus just built).
  void keep(uint32_t article, std::shared_ptr<const ingest::Document> doc);

  // The sentence of a mention; false with the reason in `text` when it cannot be had (the file
  // is gone, or no longer holds the sentence).
  bool sentence(const graph::Graph& g, const graph::Mention& m, std::string& text);

 private:
  const ingest::Document* document(const graph::Graph& g, uint32_t article, std::string& why);

  std::filesystem::path folder_;
  std::unordered_map<uint32_t, std::shared_ptr<const ingest::Document>> docs_;
  std::unordered_map<uint32_t, std::string> failures_;  // articles whose file could not be read
};

}  // namespace dateline::query
