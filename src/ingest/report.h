#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "ingest/article.h"

namespace dateline::ingest {

// The article as `dateline ingest --json` prints it (one JSON object, see
// schemas/ingest.schema.json).
nlohmann::json to_json(const Article& a, bool with_text = true);
nlohmann::json dateline_json(const Dateline& d);

// The same, for people: an indented outline.
std::string to_text(const Article& a);

}  // namespace dateline::ingest
