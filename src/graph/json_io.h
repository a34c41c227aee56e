#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "graph/graph.h"

namespace dateline::graph {

// graph.json (schemas/graph.schema.json): the graph's tables; cross-references are indices
// into the arrays; dates are TIMEX3 values. Edges follow from the tables (Graph::link).
// Version 2: mentions are arrays that carry their sentence. Older versions are refused.
inline constexpr int kGraphFormatVersion = 2;

nlohmann::json graph_json(const Graph& g);
std::string graph_json_text(const Graph& g);  // one line per node, deterministic
// Writes graph.json to `path` atomically, as it goes.
void write_graph_json(const Graph& g, const std::filesystem::path& path);

// Reads graph.json. A file that is not JSON, is cut short, is from a newer format version or
// breaks the shape is refused with an Error naming the file (and the line, for bad JSON).
Graph load_graph(const std::filesystem::path& path);
Graph graph_from_json_text(std::string_view text, const std::string& name);

}  // namespace dateline::graph
