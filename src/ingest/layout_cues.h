#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace dateline::ingest {

// The cues of data/lexicon/layout.yaml (schemas/layout.schema.json).
struct LayoutCues {
  std::vector<std::string> credit_leads, credit_parenthesized, credit_via, agency_words, agencies;
  std::vector<std::string> byline_leads;
  std::vector<std::string> related_leads, related_counters;
  std::vector<std::string> embed_markers;
  std::vector<std::string> boilerplate_lines;
  std::vector<std::string> caption_leads;
  std::vector<std::string> header_date_keys;

  static LayoutCues load(const std::filesystem::path& file);
};

}  // namespace dateline::ingest
