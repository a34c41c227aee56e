#pragma once
// Lookups the executor needs many times, built once per graph: actors by name, the facts of each
// actor in date order, facts by id, and every fact's days as plain numbers.
#include <climits>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/graph.h"

namespace dateline::query {

// The days a fact's date covers, as day numbers; unknown when the fact is undated.
struct Days {
  static constexpr int32_t kUnknown = INT32_MAX;
  int32_t first = kUnknown, last = kUnknown;
  bool known() const { return first != kUnknown; }
  // Whether the days touch [from, to].
  bool touch(int32_t from, int32_t to) const { return known() && first <= to && last >= from; }
};

int32_t day_number(const temporal::Date& d);
temporal::Date date_of(int32_t day_number);

class Index {
 public:
  explicit Index(const graph::Graph& g);
  const graph::Graph& graph() const { return g_; }

  // The actor with this id, else the actors with this as their name or one of their names (any
  // case): several actors may share a name ("police" of different articles).
  std::vector<uint32_t> actors_named(std::string_view id_or_name) const;
  // Every actor's names (display name first, then the others), for suggestions and completion.
  const std::vector<std::string>& names() const { return names_; }

  // An actor's facts, in date order (undated last): events where it is source or target,
  // statements it made, statements about it.
  std::span<const uint32_t> events_of(uint32_t actor) const { return events_of_[actor]; }
  std::span<const uint32_t> said_by(uint32_t actor) const { return said_by_[actor]; }
  std::span<const uint32_t> about(uint32_t actor) const { return about_[actor]; }

  // Every event and statement in date order.
  std::span<const uint32_t> events_in_order() const { return event_order_; }
  std::span<const uint32_t> statements_in_order() const { return statement_order_; }

  // The event or statement with this id (e12, s4), or graph::kNone.
  uint32_t event(std::string_view id) const;
  uint32_t statement(std::string_view id) const;

  Days event_days(uint32_t e) const { return event_days_[e]; }
  Days statement_days(uint32_t s) const { return statement_days_[s]; }
  // Orders facts by date (first day, then last), undated last, then by position.
  bool event_before(uint32_t a, uint32_t b) const { return event_rank_[a] < event_rank_[b]; }
  bool statement_before(uint32_t a, uint32_t b) const {
    return statement_rank_[a] < statement_rank_[b];
  }

 private:
  const graph::Graph& g_;
  std::unordered_map<std::string, uint32_t> ids_;                   // lower-case keys
  std::unordered_map<std::string, std::vector<uint32_t>> by_name_;  // lower-case keys
  std::vector<std::string> names_;
  std::vector<std::vector<uint32_t>> events_of_, said_by_, about_;
  std::unordered_map<std::string, uint32_t> event_ids_, statement_ids_;
  std::vector<Days> event_days_, statement_days_;
  std::vector<uint32_t> event_rank_, statement_rank_;
  std::vector<uint32_t> event_order_, statement_order_;
};

}  // namespace dateline::query
