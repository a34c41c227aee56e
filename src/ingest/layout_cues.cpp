#include "ingest/layout_cues.h"

#include "core/yaml.h"

namespace dateline::ingest {

LayoutCues LayoutCues::load(const std::filesystem::path& file) {
  const auto doc = core::load_yaml(file, "layout.schema.json");
  const auto& v = doc.value;
  const auto list = [&](const char* group, const char* key) {
    return v.at(group).at(key).get<std::vector<std::string>>();
  };
  LayoutCues c;
  c.credit_leads = list("credit", "leads");
  c.credit_parenthesized = list("credit", "parenthesized");
  c.credit_via = list("credit", "via");
  c.agency_words = list("credit", "agency_words");
  c.agencies = list("credit", "agencies");
  c.byline_leads = list("byline", "leads");
  c.related_leads = list("related", "leads");
  c.related_counters = list("related", "counters");
  c.embed_markers = list("embed", "markers");
  c.boilerplate_lines = list("boilerplate", "lines");
  c.caption_leads = list("caption", "leads");
  c.header_date_keys = list("header", "date_keys");
  return c;
}

}  // namespace dateline::ingest
