#include "core/pipeline.h"

#include <cstdlib>

#include "core/error.h"

namespace dateline::core {

namespace fs = std::filesystem;

fs::path default_data_dir() {
  if (const char* env = std::getenv("DATELINE_DATA"); env && *env) return env;
  return fs::path(DATELINE_SOURCE_DIR) / "data";
}

Pipeline::Pipeline(PipelineConfig config) : config_(std::move(config)) {
  const fs::path lexicon = config_.data_dir / "lexicon";
  if (!fs::is_directory(lexicon))
    throw Error("no lexicon folder here; set DATELINE_DATA or --data to the data folder",
                {lexicon.string()});
  calendar_ = CalendarWords::load(lexicon / "calendar.yaml");
  layout_ = ingest::LayoutCues::load(lexicon / "layout.yaml");
  const fs::path actors =
      config_.actors_dir.empty() ? config_.data_dir / "actors" : config_.actors_dir;
  gazetteer_ = extract::Gazetteer::load_folder(actors, config_.gazetteers);
  extract_lexicon_ = std::make_unique<extract::ExtractLexicon>(extract::ExtractLexicon::load(
      lexicon / "english.yaml", gazetteer_, config_.data_dir / "cameo"));
  extractor_ = std::make_unique<extract::Extractor>(*extract_lexicon_, gazetteer_, layout_);
  // The temporal engine labels each token once for both stages: its vocabulary extends the
  // extractor's.
  temporal_lexicon_ = temporal::Lexicon::load(lexicon / "temporal.yaml", calendar_,
                                              &extract_lexicon_->vocabulary());
  temporal_ = std::make_unique<temporal::Engine>(temporal_lexicon_);
}

extract::AnnotatedArticle Pipeline::annotate(ingest::Article article) const {
  thread_local core::ParagraphTokens tokens;
  auto timexes =
      temporal_->annotate(article, temporal::Engine::reference_of(article.dateline), &tokens);
  return extractor_->annotate(std::move(article), std::move(timexes), &tokens);
}

std::vector<extract::AnnotatedArticle> Pipeline::annotate_file(
    const fs::path& file, const ingest::IngestOptions& options) const {
  auto doc = ingest::read_document(file, options);
  std::vector<extract::AnnotatedArticle> out;
  for (auto& a : ingest::split_articles(doc, calendar_, layout_, options))
    out.push_back(annotate(std::move(a)));
  return out;
}

}  // namespace dateline::core
