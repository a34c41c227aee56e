#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "extract/extractor.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "ingest/ingest.h"
#include "ingest/layout_cues.h"
#include "temporal/engine.h"
#include "temporal/lexicon.h"

namespace dateline::core {

struct PipelineConfig {
  PipelineConfig(std::filesystem::path data = {}, std::vector<std::filesystem::path> extra = {})
      : data_dir(std::move(data)), gazetteers(std::move(extra)) {}
  std::filesystem::path data_dir;                 // holds lexicon/, actors/, cameo/
  std::vector<std::filesystem::path> gazetteers;  // more actor files (--gazetteer)
  std::filesystem::path actors_dir;               // in place of data_dir/actors when set (--actors)
};

// The data folder: $DATELINE_DATA when set, else the data/ folder of the source tree the binary
// was built from.
std::filesystem::path default_data_dir();

// Owns everything loaded from the data folder, shared read-only by every article and thread.
class Pipeline {
 public:
  explicit Pipeline(PipelineConfig config);
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  const PipelineConfig& config() const { return config_; }
  const CalendarWords& calendar() const { return calendar_; }
  const ingest::LayoutCues& layout() const { return layout_; }
  const temporal::Lexicon& temporal_lexicon() const { return temporal_lexicon_; }
  const temporal::Engine& temporal() const { return *temporal_; }
  const extract::Gazetteer& gazetteer() const { return gazetteer_; }
  const extract::Extractor& extractor() const { return *extractor_; }

  // Ingested article -> timexes -> extraction: the whole per-article annotation.
  extract::AnnotatedArticle annotate(ingest::Article article) const;
  // Every article of one file, read, split and annotated.
  std::vector<extract::AnnotatedArticle> annotate_file(const std::filesystem::path& file,
                                                       const ingest::IngestOptions& options) const;

 private:
  PipelineConfig config_;
  CalendarWords calendar_;
  ingest::LayoutCues layout_;
  temporal::Lexicon temporal_lexicon_;
  std::unique_ptr<temporal::Engine> temporal_;
  extract::Gazetteer gazetteer_;
  std::unique_ptr<extract::ExtractLexicon> extract_lexicon_;
  std::unique_ptr<extract::Extractor> extractor_;
};

}  // namespace dateline::core
