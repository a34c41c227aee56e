#include "extract/gazetteer.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/error.h"
#include "core/yaml.h"
#include "ingest/manifest.h"

namespace dateline::extract {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
constexpr std::array<std::string_view, 4> kKinds = {"person", "organisation", "country", "group"};

std::vector<std::string> strings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (j.contains(key))
    for (const auto& v : j[key]) out.push_back(v.get<std::string>());
  return out;
}

std::optional<ingest::Date> date(const json& j, const char* key) {
  if (!j.contains(key)) return std::nullopt;
  std::optional<ingest::Date> day, earliest, latest;
  ingest::parse_published(j[key].get<std::string>(), day, earliest, latest);
  return day;
}
}  // namespace

std::string_view to_string(ActorKind k) {
  return kKinds[static_cast<size_t>(k)];
}
std::optional<ActorKind> actor_kind_from(std::string_view s) {
  for (size_t i = 0; i < kKinds.size(); ++i)
    if (kKinds[i] == s) return static_cast<ActorKind>(i);
  return std::nullopt;
}

std::string_view to_string(Via v) {
  switch (v) {
    case Via::Name:
      return "name";
    case Via::Surname:
      return "surname";
    case Via::Demonym:
      return "demonym";
    case Via::Metonym:
      return "metonym";
    case Via::Pronoun:
      return "pronoun";
    case Via::Description:
      return "description";
  }
  return "name";
}

Gazetteer Gazetteer::load(const std::vector<fs::path>& files) {
  Gazetteer g;
  // Where each id is defined and each reference made, for errors that name the line.
  std::vector<std::pair<std::string, core::Location>> references;
  std::unordered_map<std::string, core::Location> defined;
  for (const auto& file : files) {
    const auto doc = core::load_yaml(file, "actors.schema.json");
    const auto& list = doc.value["actors"];
    for (size_t i = 0; i < list.size(); ++i) {
      const auto& a = list[i];
      const std::string at = "/actors/" + std::to_string(i);
      ActorRecord r;
      r.id = a["id"];
      r.name = a["name"];
      r.kind = *actor_kind_from(a["kind"].get<std::string>());
      r.media = a.value("media", false);
      r.aliases = strings(a, "aliases");
      r.titles = strings(a, "titles");
      r.demonyms = strings(a, "demonyms");
      r.metonyms = strings(a, "metonyms");
      r.code = a.value("code", "");
      r.country = a.value("country", "");
      r.affiliations = strings(a, "affiliations");
      if (a.contains("roles"))
        for (const auto& role : a["roles"])
          r.roles.push_back(
              {role["title"], role.value("of", ""), date(role, "from"), date(role, "to")});
      if (auto [it, fresh] = defined.emplace(r.id, doc.locate(at + "/id")); !fresh)
        throw doc.error_at(at + "/id",
                           fmt::format("id '{}' is already used at {}", r.id, it->second.str()));
      if (!r.country.empty()) references.emplace_back(r.country, doc.locate(at + "/country"));
      for (size_t k = 0; k < r.affiliations.size(); ++k)
        references.emplace_back(r.affiliations[k],
                                doc.locate(at + "/affiliations/" + std::to_string(k)));
      for (size_t k = 0; k < r.roles.size(); ++k)
        if (!r.roles[k].of.empty())
          references.emplace_back(r.roles[k].of, doc.locate(at + "/roles/" + std::to_string(k)));
      g.by_id_.emplace(r.id, g.actors_.size());
      g.actors_.push_back(std::move(r));
    }
  }
  for (const auto& [id, where] : references)
    if (!defined.count(id)) throw core::Error(fmt::format("no actor has the id '{}'", id), where);
  return g;
}

Gazetteer Gazetteer::load_folder(const fs::path& folder, const std::vector<fs::path>& extra) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_regular_file(folder, ec)) {  // one file in place of a folder
    files.push_back(folder);
    files.insert(files.end(), extra.begin(), extra.end());
    return load(files);
  }
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  if (ec) throw core::Error("cannot read the gazetteer folder", {folder.string()});
  std::sort(files.begin(), files.end());
  files.insert(files.end(), extra.begin(), extra.end());
  return load(files);
}

std::optional<size_t> Gazetteer::find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

}  // namespace dateline::extract
