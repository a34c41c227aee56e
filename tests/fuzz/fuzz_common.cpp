#include "fuzz_common.h"

#include <cstdio>
#include <cstdlib>

#include "core/error.h"
#include "ingest/ingest.h"

namespace dateline::fuzz {

const core::Pipeline& pipeline() {
  static const core::Pipeline p{core::PipelineConfig(core::default_data_dir())};
  return p;
}

std::vector<ingest::Article> articles_of(const uint8_t* data, size_t size, bool dct) {
  ingest::IngestOptions options;
  options.replace_invalid = true;
  if (dct) options.dct = ingest::Date(2026, 3, 2);
  try {
    auto doc = ingest::make_document(std::string(reinterpret_cast<const char*>(data), size),
                                     "fuzz.txt", false, options);
    const auto& p = pipeline();
    return ingest::split_articles(doc, p.calendar(), p.layout(), options);
  } catch (const core::Error&) {
    return {};  // refused with a message: what ingestion should do with such input
  }
}

void expect(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

}  // namespace dateline::fuzz
