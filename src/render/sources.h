#pragma once
// What a fact's tooltip says: its date and how that date stands, and where it is reported
// (outlet, article, the sentence); and the link to its first report's article.
#include <string>
#include <vector>

#include "graph/graph.h"

namespace dateline::render {

// How a fact's date stands, weakest last: the style a diagram gives it.
enum class Standing { Firm, Uncertain, Inferred, Conflict };
Standing standing_of(const graph::FactDate& d);

// The tooltip of a fact (plain text, several lines; escape with tooltip_text): its title,
// then its date, then its reports.
std::string fact_tooltip(const graph::Graph& g, const std::string& title,
                         const graph::FactDate& date, const std::vector<graph::Mention>& mentions);

// The first http(s) address among the articles reporting it, made safe (safe_url); "" when none.
std::string fact_url(const graph::Graph& g, const std::vector<graph::Mention>& mentions);

// Actors' names joined with ", ".
std::string names_of(const graph::Graph& g, const std::vector<uint32_t>& actors);

}  // namespace dateline::render
