#pragma once
#include <vector>

#include "extract/annotation.h"
#include "extract/gazetteer.h"
#include "graph/graph.h"

namespace dateline::graph {

struct MergeOptions {
  // Two reports of one event may date it this many days apart (a conflict); further apart they
  // are two events.
  int window_days = 3;
};

// Merges annotated articles (in the order given, which fixes every id) into one graph:
// - actors by id (gazetteer id or the slug of a discovered name); generic actors ("police")
//   stay one per article; a surname alone joins the one person of the corpus it ends;
// - events of one CAMEO root category whose participants overlap and whose dates agree within
//   the window; a finer date refines a coarser one, disagreeing stated dates become a conflict;
// - statements by the same speaker whose quoted words are the same, or one within the other.
// The gazetteer, when given, names affiliated actors that no article mentions.
Graph merge(const std::vector<extract::AnnotatedArticle>& articles,
            const extract::Gazetteer* gazetteer = nullptr, const MergeOptions& options = {});

// The words of a quote, lower case, letters and digits only, one space between words.
std::string normalized_quote(std::string_view quote);

}  // namespace dateline::graph
