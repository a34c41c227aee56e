// render/theme.yaml: the look of the diagrams, and the CAMEO root labels edges are named by.
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/pipeline.h"
#include "core/yaml.h"
#include "render/render.h"

namespace dateline::render {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Attribute values as Graphviz reads them: numbers printed plainly.
Attributes attributes(const json& j) {
  Attributes out;
  for (const auto& [name, value] : j.items())
    out.emplace_back(name, value.is_string() ? value.get<std::string>() : value.dump());
  return out;
}

void read_timeline(const json& j, Theme::Timeline& t) {
  t.day_width = j.at("day_width").get<double>();
  t.max_width = j.at("max_width").get<double>();
  t.lane_height = j.at("lane_height").get<double>();
  t.label_width = j.at("label_width").get<double>();
  t.max_label_chars = j.at("max_label_chars").get<int>();
  t.lanes = j.at("lanes").get<int>();
  const std::pair<const char*, Attributes*> sets[] = {{"lane", &t.lane},
                                                      {"lane_line", &t.lane_line},
                                                      {"grid", &t.grid},
                                                      {"axis", &t.axis},
                                                      {"tick_label", &t.tick_label},
                                                      {"event", &t.event},
                                                      {"statement", &t.statement},
                                                      {"span", &t.span},
                                                      {"link", &t.link},
                                                      {"note", &t.note},
                                                      {"uncertain", &t.uncertain},
                                                      {"inferred", &t.inferred},
                                                      {"conflict", &t.conflict}};
  for (const auto& [key, set] : sets) *set = attributes(j.at(key));
}

void read_relations(const json& j, Theme::Relations& r) {
  r.top = j.at("top").get<int>();
  r.links_per_actor = j.at("links_per_actor").get<int>();
  const std::pair<const char*, Attributes*> sets[] = {
      {"graph", &r.graph},
      {"person", &r.person},
      {"organisation", &r.organisation},
      {"country", &r.country},
      {"group", &r.group},
      {"cluster", &r.cluster},
      {"verbal_cooperation", &r.verbal_cooperation},
      {"material_cooperation", &r.material_cooperation},
      {"verbal_conflict", &r.verbal_conflict},
      {"material_conflict", &r.material_conflict},
      {"said", &r.said}};
  for (const auto& [key, set] : sets) *set = attributes(j.at(key));
}

// The root labels of data/cameo/NN-name.yaml; none when the folder is missing.
std::map<std::string, std::string> cameo_roots(const fs::path& dir) {
  std::map<std::string, std::string> out;
  if (!fs::is_directory(dir)) return out;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const auto doc = core::load_yaml(file, "cameo.schema.json");
    out[doc.value.at("root").get<std::string>()] = doc.value.at("label").get<std::string>();
  }
  return out;
}

}  // namespace

fs::path default_theme_path() {
  if (const char* env = std::getenv("DATELINE_THEME"); env && *env) return env;
  return fs::path(DATELINE_SOURCE_DIR) / "render" / "theme.yaml";
}

Theme load_theme(const fs::path& path, const fs::path& data_dir) {
  const auto doc = core::load_yaml(path, "theme.schema.json");
  Theme t;
  t.graph = attributes(doc.value.at("graph"));
  t.node = attributes(doc.value.at("node"));
  t.edge = attributes(doc.value.at("edge"));
  read_timeline(doc.value.at("timeline"), t.timeline);
  read_relations(doc.value.at("relations"), t.relations);
  t.categories = cameo_roots((data_dir.empty() ? core::default_data_dir() : data_dir) / "cameo");
  t.file = path;
  return t;
}

}  // namespace dateline::render
