#pragma once
// A small graph of an invented world for the query tests: four articles from three outlets,
// nine actors (two "border police" bodies share a name), six events (one reported with two
// dates, one dated from an inferred dateline, one undated) and four statements.
#include <filesystem>

#include "graph/graph.h"

namespace dateline::test {

// The graph, with its articles' files named relative to the folder it is written to.
graph::Graph query_fixture();

// Writes graph.json and the article files into `folder`; returns the graph.json path.
std::filesystem::path write_query_fixture(const std::filesystem::path& folder);

}  // namespace dateline::test
