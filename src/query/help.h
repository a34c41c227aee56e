#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace dateline::query {

// `help`: every command with a line on what it does. `help COMMAND`: its forms, filters and
// examples; nullopt for a word that is no command.
std::string help_text();
std::optional<std::string> help_text(std::string_view command);

}  // namespace dateline::query
