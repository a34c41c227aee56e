#include "core/calendar.h"

#include "core/yaml.h"

namespace dateline::core {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::optional<boost::gregorian::date> make_date(int y, int m, int d) {
  if (y < kFirstYear || y > kLastYear || m < 1 || m > 12 || d < 1) return std::nullopt;
  const int last = boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(y), static_cast<unsigned short>(m));
  if (d > last) return std::nullopt;
  return boost::gregorian::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                                static_cast<unsigned short>(d));
}

namespace {

void add_entries(const nlohmann::json& list,
                 std::unordered_map<std::string, CalendarWords::Entry>& into) {
  for (const auto& item : list) {
    const int number = item["number"].get<int>();
    std::unordered_map<std::string, bool> ambiguous;
    if (item.contains("ambiguous"))
      for (const auto& w : item["ambiguous"]) ambiguous[w.get<std::string>()] = true;
    for (const auto& w : item["names"]) {
      const auto word = w.get<std::string>();
      into[word] = {number, false, ambiguous.count(word) > 0};
    }
    if (item.contains("abbreviations"))
      for (const auto& w : item["abbreviations"]) {
        const auto word = w.get<std::string>();
        into[word] = {number, true, ambiguous.count(word) > 0};
      }
  }
}

std::optional<CalendarWords::Entry> find(
    const std::unordered_map<std::string, CalendarWords::Entry>& map, std::string_view word) {
  if (word.size() > 12) return std::nullopt;
  auto it = map.find(ascii_lower(word));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

}  // namespace

CalendarWords CalendarWords::load(const std::filesystem::path& file) {
  const YamlDocument doc = load_yaml(file, "calendar.schema.json");
  CalendarWords words;
  add_entries(doc.value["months"], words.months_);
  add_entries(doc.value["weekdays"], words.weekdays_);
  return words;
}

std::optional<CalendarWords::Entry> CalendarWords::month(std::string_view word) const {
  return find(months_, word);
}
std::optional<CalendarWords::Entry> CalendarWords::weekday(std::string_view word) const {
  return find(weekdays_, word);
}

}  // namespace dateline::core
