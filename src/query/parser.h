#pragma once
#include <string_view>
#include <vector>

#include "query/query.h"

namespace dateline::query {

// Parses a line of the query language (README.md, "Querying") into its commands, separated by
// ';'. A blank line gives none. Anything that does not follow the grammar is a QueryError
// pointing at the token where it went wrong; nothing of the line is run then.
std::vector<Command> parse(std::string_view line);

// The names of the commands, for help and completion, in the order help lists them.
const std::vector<std::string_view>& command_names();
// The keywords that may follow a command (its filters and words), for completion.
std::vector<std::string_view> keywords_of(std::string_view command);

}  // namespace dateline::query
