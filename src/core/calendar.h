#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace dateline::core {

// Month and weekday names from data/lexicon/calendar.yaml.
class CalendarWords {
 public:
  struct Entry {
    int number = 0;             // month 1-12, weekday 1 (Monday) - 7 (Sunday)
    bool abbreviation = false;  // may be followed by a full stop
    bool ambiguous = false;     // also an ordinary word: needs a date around it
  };

  static CalendarWords load(const std::filesystem::path& file);

  // Lookups take the word in any case.
  std::optional<Entry> month(std::string_view word) const;
  std::optional<Entry> weekday(std::string_view word) const;
  const std::unordered_map<std::string, Entry>& month_entries() const { return months_; }
  const std::unordered_map<std::string, Entry>& weekday_entries() const { return weekdays_; }

 private:
  std::unordered_map<std::string, Entry> months_, weekdays_;
};

// The years Boost.Date_Time handles. Its arithmetic runs on past them, but a day outside cannot
// be read (it throws).
inline constexpr int kFirstYear = 1400, kLastYear = 9999;

// The day y-m-d, or nullopt when there is no such day (February 30, month 13) or the year is
// outside kFirstYear..kLastYear.
std::optional<boost::gregorian::date> make_date(int y, int m, int d);

// ASCII lowercase copy (non-ASCII bytes are kept as they are).
std::string ascii_lower(std::string_view s);

}  // namespace dateline::core
