// The query parser: any line is commands or a QueryError whose stretch lies inside the line,
// and the error as the REPL shows it (the line with a caret under the words) can be written.
#include <string_view>

#include "fuzz_common.h"
#include "query/error.h"
#include "query/parser.h"

using namespace dateline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  try {
    (void)query::parse(line);
  } catch (const query::QueryError& e) {
    fuzz::expect(e.begin() <= e.end() && e.end() <= line.size(), "the error's stretch in the line");
    (void)query::describe(e, line);
  }
  return 0;
}
