// The manifest loader: any YAML text, read as if it were a manifest in data/articles (so that
// the demo corpus's files exist), is either a Manifest or an Error naming the manifest.
#include <filesystem>
#include <string_view>

#include "core/error.h"
#include "core/pipeline.h"
#include "fuzz_common.h"
#include "ingest/manifest.h"

using namespace dateline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto path = core::default_data_dir() / "articles" / "fuzz-manifest.yaml";
  try {
    const auto m =
        ingest::Manifest::parse(std::string_view(reinterpret_cast<const char*>(data), size), path);
    for (const auto& e : m.entries) fuzz::expect(m.find(e.path) == &e, "every entry found again");
  } catch (const core::Error& e) {
    fuzz::expect(e.where().file == path.string(), "an error names the manifest");
  }
  return 0;
}
