#pragma once
#include <vector>

#include "core/pipeline.h"
#include "extract/annotation.h"
#include "graph/graph.h"

namespace dateline::graph {

// Datelines for the articles that have none, from evidence:
// - events and statements they share with dated articles: the date the dated articles state
//   is what the undated article's own expression for it ("on Sunday") must resolve to;
// - absolute dates in captions: the article is no older than its photographs, and the days it
//   names by weekday are not before them;
// - the days it names relative to its dateline ("Monday", "yesterday") lie within one week
//   ending on the dateline, as news reads.
// Every candidate day within a week of the evidence is tried by resolving the article against
// it; the candidates that satisfy all of it give a day, or an honest interval when several
// remain. The article is then annotated again against it. Articles without evidence stay
// unknown. Returns the indices of the articles that got a dateline.
std::vector<uint32_t> infer_datelines(std::vector<extract::AnnotatedArticle>& articles,
                                      const Graph& merged, const core::Pipeline& pipeline);

}  // namespace dateline::graph
