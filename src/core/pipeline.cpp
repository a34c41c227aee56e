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
  temporal_lexicon_ = temporal::Lexicon::load(lexicon / "temporal.yaml", calendar_);
  temporal_ = std::make_unique<temporal::Engine>(temporal_lexicon_);
}

}  // namespace dateline::core
