// The temporal engine: every article of any text, with a fixed dateline (2026-03-02), gets
// timexes whose spans lie inside the text and whose anchors name other timexes.
#include "fuzz_common.h"
#include "temporal/timex3.h"

using namespace dateline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& engine = fuzz::pipeline().temporal();
  for (const auto& a : fuzz::articles_of(data, size, true)) {
    const auto timexes = engine.annotate(a);
    for (size_t i = 0; i < timexes.size(); ++i) {
      const auto& t = timexes[i];
      fuzz::expect(t.span.begin < t.span.end && t.span.end <= a.text().size(),
                   "timex span inside the text");
      fuzz::expect(t.anchor_index >= -1 && t.anchor_index < static_cast<int>(timexes.size()) &&
                       t.anchor_index != static_cast<int>(i),
                   "an anchor is another timex of the article");
      (void)temporal::timex3_value(t.value);
    }
  }
  return 0;
}
