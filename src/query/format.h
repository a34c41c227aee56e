#pragma once
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "graph/graph.h"
#include "query/result.h"

namespace dateline::query {

// A result as text: aligned tables with a line saying how many rows there are.
std::string to_text(const graph::Graph& g, const Result& r);

// A result as JSON: {"kind": "events", ...}; dates are TIMEX3 values, actors {id, name}.
nlohmann::json to_json(const graph::Graph& g, const Result& r);

}  // namespace dateline::query
