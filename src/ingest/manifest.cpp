#include "ingest/manifest.h"

#include <fmt/format.h>

#include "core/calendar.h"
#include "core/error.h"
#include "core/files.h"
#include "core/yaml.h"

namespace dateline::ingest {

namespace fs = std::filesystem;
using core::Error;

bool parse_published(const std::string& text, std::optional<Date>& day,
                     std::optional<Date>& earliest, std::optional<Date>& latest) {
  const auto number = [&](size_t at, size_t len) {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (i >= text.size() || text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const auto dash = [&](size_t at) { return at < text.size() && text[at] == '-'; };
  if (text.size() == 4) {
    earliest = core::make_date(number(0, 4), 1, 1);
    latest = core::make_date(number(0, 4), 12, 31);
    return earliest && latest;
  }
  if (text.size() == 7 && dash(4)) {
    earliest = core::make_date(number(0, 4), number(5, 2), 1);
    if (earliest) latest = earliest->end_of_month();
    return earliest.has_value();
  }
  if (text.size() >= 10 && dash(4) && dash(7) &&
      (text.size() == 10 || text[10] == 'T' || text[10] == ' ')) {
    day = core::make_date(number(0, 4), number(5, 2), number(8, 2));
    return day.has_value();
  }
  return false;
}

Manifest Manifest::load(const fs::path& path) {
  return parse(core::read_file(path, core::kMaxYamlBytes), path);
}

Manifest Manifest::parse(std::string_view text, const fs::path& path) {
  const core::YamlDocument doc = core::parse_yaml(text, path.string(), "manifest.schema.json");
  Manifest manifest;
  manifest.path = path.string();
  std::error_code ec;
  const fs::path folder = fs::canonical(fs::absolute(path).parent_path(), ec);
  if (ec) throw Error("cannot resolve the manifest's folder", {path.string()});

  const auto& list = doc.value["articles"];
  for (size_t i = 0; i < list.size(); ++i) {
    const auto& item = list[i];
    const std::string at = "/articles/" + std::to_string(i);
    ManifestEntry e;
    e.file = item["file"].get<std::string>();
    e.line = doc.locate(at).line;
    const fs::path relative(e.file);
    if (relative.is_absolute())
      throw doc.error_at(at + "/file",
                         fmt::format("'{}' must be relative to the manifest's folder", e.file));
    const fs::path resolved = fs::weakly_canonical(folder / relative, ec);
    const auto rel = resolved.lexically_relative(folder);
    if (ec || rel.empty() || *rel.begin() == "..")
      throw doc.error_at(at + "/file",
                         fmt::format("'{}' lies outside the manifest's folder", e.file));
    if (!fs::is_regular_file(resolved, ec))
      throw doc.error_at(at + "/file", fmt::format("'{}' does not exist", e.file));
    e.path = resolved;
    if (auto [it, fresh] = manifest.by_path_.emplace(resolved.string(), manifest.entries.size());
        !fresh)
      throw doc.error_at(at + "/file", fmt::format("'{}' is already described at line {}", e.file,
                                                   manifest.entries[it->second].line));
    if (item.contains("source")) e.source = item["source"].get<std::string>();
    if (item.contains("url")) e.url = item["url"].get<std::string>();
    if (item.contains("title")) e.title = item["title"].get<std::string>();
    if (item.contains("published")) {
      const auto& p = item["published"];
      e.published = p.is_string() ? p.get<std::string>() : std::to_string(p.get<int>());
      if (!parse_published(e.published, e.day, e.earliest, e.latest))
        throw doc.error_at(at + "/published",
                           fmt::format("'{}' is not a calendar date", e.published));
    }
    manifest.entries.push_back(std::move(e));
  }
  return manifest;
}

const ManifestEntry* Manifest::find(const fs::path& file) const {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(file), ec);
  auto it = by_path_.find(canonical.string());
  return it == by_path_.end() ? nullptr : &entries[it->second];
}

void Manifest::describe(Document& doc) const {
  const ManifestEntry* e = find(doc.path);
  if (!e) return;
  doc.manifest_source = e->source;
  doc.manifest_url = e->url;
  doc.manifest_title = e->title;
  doc.manifest_published = e->published;
  doc.manifest_day = e->day;
  doc.manifest_earliest = e->earliest;
  doc.manifest_latest = e->latest;
  doc.manifest_line = e->line;
}

}  // namespace dateline::ingest
