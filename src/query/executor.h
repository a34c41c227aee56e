#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "graph/algorithms.h"
#include "graph/graph.h"
#include "query/dates.h"
#include "query/index.h"
#include "query/query.h"
#include "query/result.h"
#include "query/texts.h"

namespace dateline::render {
struct Theme;
}

namespace dateline::query {

// What a session loads only when a command needs it, so a session that never does never pays.
struct Loaders {
  DateReader::EngineSource engine;              // dates the TIMEX3 reading does not take
  std::function<const render::Theme&()> theme;  // render
};

// What the last query looked at, for drawing it: one actor, a stretch of days, a CAMEO code.
struct Selection {
  std::optional<uint32_t> actor;
  int depth = 1;
  std::optional<temporal::Date> from, to;
  std::string cameo;
};

// Runs queries over one graph. Names, ids and dates are resolved here; what cannot be is a
// QueryError pointing at the words of the query.
class Executor {
 public:
  Executor(const graph::Graph& g, Loaders loaders, ArticleTexts texts,
           std::optional<temporal::Date> now = std::nullopt);

  Result run(const EventsQuery& q);
  Result run(const StatementsQuery& q);
  Result run(const TimelineQuery& q);
  Result run(const PathQuery& q);
  Result run(const NeighboursQuery& q);
  Result run(const SourcesQuery& q);
  Result run(const ConflictsQuery& q);
  Result run(const ProfileQuery& q);
  Result run(const StatsQuery& q);
  Result run(const SetNow& q);
  Result run(const RenderCommand& q);

  // The day relative dates are read against: set by `set now`, at first the latest dateline of
  // the graph's articles (so a corpus reads the same on any day), or today for a graph without.
  const temporal::Date& now() const { return now_; }
  const Selection& selection() const { return selection_; }
  const Index& index() const { return index_; }
  const graph::Graph& graph() const { return g_; }

 private:
  struct Bounds;
  struct Resolved;
  std::vector<uint32_t> actors(const Phrase& p) const;
  uint32_t one_actor(const Phrase& p) const;
  Resolved resolve(const Filters& f) const;
  void select(const Resolved& r, std::string cameo = {});

  const graph::Graph& g_;
  Index index_;
  std::function<const render::Theme&()> theme_;
  DateReader dates_;
  ArticleTexts texts_;
  temporal::Date now_;
  Selection selection_;
  std::unique_ptr<graph::PathFinder> paths_;  // made on the first path asked for
};

}  // namespace dateline::query
