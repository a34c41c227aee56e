// The extraction stage: the whole per-article annotation (temporal engine, actors, events,
// statements) of any text, printed as `dateline annotate` prints it. Inputs of odd length get
// the dateline 2026-03-02, others only what their text says (often none: nothing resolves).
#include <nlohmann/json.hpp>

#include "extract/json.h"
#include "fuzz_common.h"

using namespace dateline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  for (auto& a : fuzz::articles_of(data, size, size % 2 == 1)) {
    const auto annotated = fuzz::pipeline().annotate(std::move(a));
    (void)extract::article_json(annotated).dump();  // throws on ill-formed UTF-8 in any string
  }
  return 0;
}
