#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/article.h"

namespace dateline::ingest {

struct ManifestEntry {
  std::string file;            // as written, relative to the manifest's folder
  std::filesystem::path path;  // resolved, canonical
  std::string source, url, title, published;
  std::optional<Date> day;               // published as a full date
  std::optional<Date> earliest, latest;  // published as only a year or a month
  int line = 0;
};

// The manifest (schemas/manifest.schema.json). Loading checks the schema, that every date is
// a calendar date, that every file exists inside the manifest's folder and is named once;
// any failure is an Error naming the manifest and the line.
class Manifest {
 public:
  static Manifest load(const std::filesystem::path& path);
  // The same for YAML text already in memory, as if read from `path` (its folder is where the
  // files are looked for).
  static Manifest parse(std::string_view text, const std::filesystem::path& path);

  // The entry for a file, matched by its canonical path, or nullptr.
  const ManifestEntry* find(const std::filesystem::path& file) const;
  // Copies what the manifest says about doc's file into doc.
  void describe(Document& doc) const;

  std::string path;
  std::vector<ManifestEntry> entries;

 private:
  std::unordered_map<std::string, size_t> by_path_;  // canonical path -> entry
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a time after the date is ignored) into a day or an
// interval. Returns false when the text is not a calendar date.
bool parse_published(const std::string& text, std::optional<Date>& day,
                     std::optional<Date>& earliest, std::optional<Date>& latest);

}  // namespace dateline::ingest
