#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/error.h"

namespace dateline::core {

// A YAML document turned into JSON values, remembering where each value stood in the file so
// that every later complaint can name the file and line.
class YamlDocument {
 public:
  nlohmann::json value;

  // Where the value at a JSON pointer ("/articles/3/file") stood; the nearest enclosing value
  // when that one has no position of its own.
  Location locate(std::string_view pointer) const;
  // An Error at the value the pointer names.
  Error error_at(std::string_view pointer, const std::string& message) const;

  std::string file;
  std::unordered_map<std::string, Location> positions;
};

// Limits that keep a hostile document (nested aliases, "billion laughs") from exhausting memory.
// Without aliases a document holds fewer values than bytes; aliases may repeat parts of it, but
// not multiply it: values beyond kYamlValuesPerByte per byte of text are refused at once.
inline constexpr size_t kMaxYamlNodes = 2'000'000;
inline constexpr size_t kYamlValuesPerByte = 4;
inline constexpr size_t kMaxYamlBytes = size_t(64) << 20;

// Parses YAML text; plain scalars get YAML 1.2 core types (null, booleans, integers, floats),
// quoted ones stay strings. Duplicate keys are an error. If schema is not empty the document is
// validated against that schema (see Schema) and the first problem is thrown with its line.
YamlDocument parse_yaml(std::string_view text, const std::string& file,
                        std::string_view schema = {});
YamlDocument load_yaml(const std::filesystem::path& path, std::string_view schema = {});

}  // namespace dateline::core
