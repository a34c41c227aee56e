#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/annotation.h"

namespace dateline::extract {

struct RoleRecord {
  std::string title, of;
  std::optional<ingest::Date> from, to;
};

struct ActorRecord {
  std::string id, name;
  ActorKind kind = ActorKind::Person;
  bool media = false;
  std::vector<std::string> aliases, titles, demonyms, metonyms;
  std::string code, country;
  std::vector<std::string> affiliations;
  std::vector<RoleRecord> roles;
};

// The actors of data/actors/*.yaml (schemas/actors.schema.json), and any extra files. Ids are
// unique across files, and every affiliation, country and role names an id that exists; a
// file that breaks either is refused with its file and line.
class Gazetteer {
 public:
  static Gazetteer load(const std::vector<std::filesystem::path>& files);
  // data/actors/*.yaml, sorted (or the one file `folder` names), then the extra files.
  static Gazetteer load_folder(const std::filesystem::path& folder,
                               const std::vector<std::filesystem::path>& extra = {});

  const std::vector<ActorRecord>& actors() const { return actors_; }
  std::optional<size_t> find(std::string_view id) const;

 private:
  std::vector<ActorRecord> actors_;
  std::unordered_map<std::string, size_t> by_id_;
};

}  // namespace dateline::extract
