#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "ingest/layout_cues.h"
#include "temporal/engine.h"
#include "temporal/lexicon.h"

namespace dateline::core {

struct PipelineConfig {
  std::filesystem::path data_dir;  // holds lexicon/, actors/, cameo/
};

// The data folder: $DATELINE_DATA when set, else the data/ folder of the source tree the binary
// was built from.
std::filesystem::path default_data_dir();

// Owns everything loaded from the data folder, shared read-only by every article and thread.
class Pipeline {
 public:
  explicit Pipeline(PipelineConfig config);

  const PipelineConfig& config() const { return config_; }
  const CalendarWords& calendar() const { return calendar_; }
  const ingest::LayoutCues& layout() const { return layout_; }
  const temporal::Lexicon& temporal_lexicon() const { return temporal_lexicon_; }
  const temporal::Engine& temporal() const { return *temporal_; }

 private:
  PipelineConfig config_;
  CalendarWords calendar_;
  ingest::LayoutCues layout_;
  temporal::Lexicon temporal_lexicon_;
  std::unique_ptr<temporal::Engine> temporal_;
};

}  // namespace dateline::core
