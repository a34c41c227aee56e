#include "query/dates.h"

#include <fmt/format.h>

#include "core/text.h"
#include "query/error.h"
#include "temporal/timex3.h"

namespace dateline::query {

namespace {

// Read after a preposition, as a date stands in a sentence: the engine takes a bare month
// ("March") only there, and "from", "on", "between" are what the query put before it anyway.
constexpr std::string_view kLead = "in ";

[[noreturn]] void not_a_date(const Phrase& p, const std::string& why) {
  throw QueryError(fmt::format("'{}' {}", p.text, why), p.begin, p.end);
}

}  // namespace

temporal::Value DateReader::value(const Phrase& p, const temporal::Date& now) const {
  const std::string_view text = core::text::trim(p.text);
  if (auto v = temporal::value_from_timex3(text);
      v && v->kind == temporal::Value::Kind::Point && graph::day_range(*v))
    return *v;
  temporal::Reference ref;
  ref.day = now;
  const std::string sentence = std::string(kLead) + std::string(text);
  const auto timexes = engine_().annotate_text(sentence, ref);
  const temporal::Timex* found = nullptr;
  for (const auto& t : timexes)
    if (t.span.end > kLead.size() && (!found || t.span.size() > found->span.size())) found = &t;
  if (!found)
    not_a_date(p, "is not a date I can read (try 2026-03-02, 2026-03, March 1, last week)");
  const auto begin = found->span.begin, end = found->span.end;
  if (begin > kLead.size() || end < sentence.size()) {
    const std::string read(found->span.of(sentence));
    const std::string rest = core::text::collapse_spaces(
        std::string(sentence.substr(kLead.size(), begin - kLead.size())) + " " +
        sentence.substr(end));
    not_a_date(p, fmt::format("is not all a date: '{}' reads as one, '{}' does not", read, rest));
  }
  if (found->value.kind != temporal::Value::Kind::Point || !graph::day_range(found->value))
    not_a_date(p, fmt::format("is not a stretch of the calendar ({})",
                              temporal::timex3_value(found->value)));
  return found->value;
}

graph::DayRange DateReader::days(const Phrase& p, const temporal::Date& now) const {
  return *graph::day_range(value(p, now));
}

}  // namespace dateline::query
