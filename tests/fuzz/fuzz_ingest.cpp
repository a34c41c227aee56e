// The article reader and splitter: any bytes (TimeML when they start with '<', else a text
// file) are either refused with an Error or split into articles whose spans lie inside the
// text, in order. Read strictly and with ill-formed UTF-8 replaced, both must agree when the
// strict reading succeeds.
#include "core/error.h"
#include "fuzz_common.h"
#include "ingest/ingest.h"

using namespace dateline;

namespace {

void check(const ingest::Article& a) {
  const size_t size = a.text().size();
  fuzz::expect(a.span.begin <= a.span.end && a.span.end <= size, "article span inside the text");
  uint32_t last = a.span.begin;
  for (const auto& p : a.paragraphs) {
    fuzz::expect(p.span.begin <= p.span.end, "paragraph span not reversed");
    fuzz::expect(p.span.begin >= last && p.span.end <= a.span.end, "paragraphs in order, inside");
    last = p.span.end;
  }
  const auto& e = a.dateline.evidence;
  fuzz::expect(e.begin <= e.end && e.end <= size, "dateline evidence inside the text");
}

// The document's text, or nullopt when it is refused; checks the articles of an accepted one.
std::optional<std::string> read(const std::string& bytes, bool timeml, bool replace_invalid) {
  ingest::IngestOptions options;
  options.replace_invalid = replace_invalid;
  try {
    auto doc = ingest::make_document(bytes, timeml ? "fuzz.tml" : "fuzz.txt", timeml, options);
    const auto& p = fuzz::pipeline();
    for (const auto& a : ingest::split_articles(doc, p.calendar(), p.layout(), options)) check(a);
    return doc->text;
  } catch (const core::Error& e) {
    fuzz::expect(e.where().file == (timeml ? "fuzz.tml" : "fuzz.txt"), "an error names the file");
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const bool timeml = size > 0 && data[0] == '<';
  const auto strict = read(bytes, timeml, false);
  const auto lenient = read(bytes, timeml, true);
  if (strict) fuzz::expect(lenient == strict, "valid UTF-8 reads the same with --replace-invalid");
  return 0;
}
