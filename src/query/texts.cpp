#include "query/texts.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "ingest/ingest.h"

namespace dateline::query {

namespace fs = std::filesystem;

void ArticleTexts::keep(uint32_t article, std::shared_ptr<const ingest::Document> doc) {
  docs_[article] = std::move(doc);
}

const ingest::Document* ArticleTexts::document(const graph::Graph& g, uint32_t article,
                                               std::string& why) {
  if (const auto it = docs_.find(article); it != docs_.end()) return it->second.get();
  if (const auto it = failures_.find(article); it != failures_.end()) {
    why = it->second;
    return nullptr;
  }
  const fs::path recorded = g.articles[article].file;
  fs::path path = recorded;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) && !folder_.empty() && recorded.is_relative())
    path = folder_ / recorded;
  try {
    auto doc = ingest::read_document(path, {});
    return (docs_[article] = std::move(doc)).get();
  } catch (const core::Error& e) {
    why = recorded.empty() ? "the graph names no file for the article"
                           : fmt::format("cannot read {}: {}", recorded.string(), e.message());
    failures_[article] = why;
    return nullptr;
  }
}

bool ArticleTexts::sentence(const graph::Graph& g, const graph::Mention& m, std::string& text) {
  if (!m.text.empty()) {
    text = core::text::collapse_spaces(m.text);
    return true;
  }
  const ingest::Document* doc = document(g, m.article, text);
  if (!doc) return false;
  if (m.sentence.end > doc->text.size() || m.sentence.empty()) {
    text = fmt::format("{} no longer holds this sentence (changed since the graph was built?)",
                       doc->path);
    return false;
  }
  text = core::text::collapse_spaces(m.sentence.of(doc->text));
  return true;
}

}  // namespace dateline::query
