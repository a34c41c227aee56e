#pragma once
// The facts and actors a Filter keeps, shared by both diagrams.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/graph.h"
#include "render/render.h"

namespace dateline::render {

struct Selection {
  std::vector<uint32_t> events, statements;  // kept facts, in index order
  std::vector<char> allowed;                 // per actor: may be drawn (ego network, or all)
  uint32_t focus = graph::kNone;             // the --actor, when one
  size_t undated = 0;                        // facts left out for want of a date (timeline)
};

// `need_dates`: facts without a calendar day range are left out (and counted), as the timeline
// has nowhere to put them.
Selection select(const graph::Graph& g, const Filter& f, bool need_dates);

// The actors of a fact: an event's sources then targets; a statement's speaker then the actors
// it is about.
std::vector<uint32_t> event_actors(const graph::EventNode& e);
std::vector<uint32_t> statement_actors(const graph::StatementNode& s);

// The cap a filter asks for: its own top, else the theme's; SIZE_MAX for none.
size_t cap_of(const Filter& f, int theme_cap);

// "12 actors" / "1 actor".
std::string count_of(size_t n, const char* one, const char* many);

}  // namespace dateline::render
