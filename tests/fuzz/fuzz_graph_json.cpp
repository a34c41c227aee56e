// The graph.json loader: any text is a Graph or an Error naming the file; a graph it accepts
// writes back and reads again to the same text, and every export can be written from it.
#include "core/error.h"
#include "fuzz_common.h"
#include "graph/export/exports.h"
#include "graph/json_io.h"

using namespace dateline;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  graph::Graph g;
  try {
    g = graph::graph_from_json_text(text, "fuzz.json");
  } catch (const core::Error& e) {
    fuzz::expect(e.where().file == "fuzz.json", "an error names the file");
    return 0;
  }
  const std::string once = graph::graph_json_text(g);
  const std::string twice = graph::graph_json_text(graph::graph_from_json_text(once, "again"));
  fuzz::expect(once == twice, "a graph written and read again writes the same");
  (void)graph::to_dot(g);
  (void)graph::to_graphml(g);
  (void)graph::to_neo4j(g);
  (void)graph::to_timelinejs(g);
  return 0;
}
