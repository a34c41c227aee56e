#pragma once
#include <functional>

#include "graph/graph.h"
#include "query/query.h"
#include "temporal/engine.h"

namespace dateline::query {

// Reads the dates of queries as articles write them ("2026-03", "March 1", "Sept. 12, 2026",
// "last week", "three days ago") with the temporal engine, `now` standing as the dateline. TIMEX3
// values (2026-03, 2026-W09, 2026-Q1) are read as such first.
class DateReader {
 public:
  // The engine is asked for on the first date the TIMEX3 reading does not take, so a session
  // that never needs it never loads the lexicons.
  using EngineSource = std::function<const temporal::Engine&()>;
  explicit DateReader(EngineSource engine) : engine_(std::move(engine)) {}

  // The value of the phrase; a QueryError pointing at the phrase when it is not a calendar date
  // or when words of it are not part of the date.
  temporal::Value value(const Phrase& p, const temporal::Date& now) const;
  // The days it covers.
  graph::DayRange days(const Phrase& p, const temporal::Date& now) const;

 private:
  EngineSource engine_;
};

}  // namespace dateline::query
