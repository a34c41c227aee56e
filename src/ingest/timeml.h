#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"
#include "ingest/article.h"

namespace dateline::ingest {

// A TIMEX3 element found inside TEXT (the gold annotation of a TimeML file).
struct TimemlTimex {
  core::Span span;  // byte offsets into the TEXT content
  std::string tid, type, value, mod, anchor;
};

struct TimemlFile {
  std::string docid;
  std::optional<Date> dct;
  std::string text;  // the character content of TEXT, markup removed
  std::vector<TimemlTimex> timexes;
};

// Reads a TimeML document with expat. Throws core::Error naming the file and line when the XML
// is not well formed or has no TEXT element.
TimemlFile parse_timeml(std::string_view bytes, const std::string& file);

}  // namespace dateline::ingest
