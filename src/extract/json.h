#pragma once
#include <nlohmann/json_fwd.hpp>

#include "extract/annotation.h"

namespace dateline::extract {

// The article as `dateline annotate` prints it (schemas/annotation.schema.json): the dateline,
// timexes, actors with their mentions, events, statements and credits.
nlohmann::json article_json(const AnnotatedArticle& a);
nlohmann::json time_json(const EventTime& t);

}  // namespace dateline::extract
