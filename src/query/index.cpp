#include "query/index.h"

#include <algorithm>
#include <numeric>

#include "core/calendar.h"
#include "graph/facts.h"

namespace dateline::query {

int32_t day_number(const temporal::Date& d) {
  return static_cast<int32_t>(d.day_number());
}

temporal::Date date_of(int32_t day_number) {
  // Boost counts days from its own epoch; step from a known day to reach the number.
  static const temporal::Date epoch(2000, 1, 1);
  return epoch + boost::gregorian::date_duration(day_number - query::day_number(epoch));
}

namespace {

Days days_of(const graph::FactDate& d) {
  const auto range = graph::day_range(d.value);
  if (!range) return {};
  return {day_number(range->first), day_number(range->last)};
}

// Facts in date order, and their ranks in it: rank[i] is fact i's place.
std::vector<uint32_t> ranks(const std::vector<Days>& days, std::vector<uint32_t>& order) {
  order.resize(days.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(days[a].first, days[a].last) < std::tie(days[b].first, days[b].last);
  });
  std::vector<uint32_t> rank(days.size());
  for (uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  return rank;
}

template <typename Before>
void order_each(std::vector<std::vector<uint32_t>>& lists, Before before) {
  for (auto& list : lists) {
    graph::sort_unique(list);
    std::sort(list.begin(), list.end(), before);
  }
}

}  // namespace

Index::Index(const graph::Graph& g)
    : g_(g), events_of_(g.actors.size()), said_by_(g.actors.size()), about_(g.actors.size()) {
  for (uint32_t a = 0; a < g.actors.size(); ++a) {
    const auto& actor = g.actors[a];
    ids_.emplace(core::ascii_lower(actor.id), a);
    names_.push_back(actor.name);
    for (const auto& n : actor.names) names_.push_back(n);
    std::vector<std::string> keys = {core::ascii_lower(actor.name)};
    for (const auto& n : actor.names) keys.push_back(core::ascii_lower(n));
    graph::sort_unique(keys);
    for (const auto& k : keys) by_name_[k].push_back(a);
  }
  graph::sort_unique(names_);
  for (auto& [key, list] : by_name_) graph::sort_unique(list);

  for (uint32_t e = 0; e < g.events.size(); ++e) {
    const auto& ev = g.events[e];
    event_ids_.emplace(ev.id, e);
    event_days_.push_back(days_of(ev.date));
    for (uint32_t a : ev.source) events_of_[a].push_back(e);
    for (uint32_t a : ev.target) events_of_[a].push_back(e);
  }
  for (uint32_t s = 0; s < g.statements.size(); ++s) {
    const auto& st = g.statements[s];
    statement_ids_.emplace(st.id, s);
    statement_days_.push_back(days_of(st.date));
    if (st.speaker != graph::kNone) said_by_[st.speaker].push_back(s);
    for (uint32_t a : st.about_actors) about_[a].push_back(s);
  }
  event_rank_ = ranks(event_days_, event_order_);
  statement_rank_ = ranks(statement_days_, statement_order_);
  order_each(events_of_, [&](uint32_t a, uint32_t b) { return event_before(a, b); });
  order_each(said_by_, [&](uint32_t a, uint32_t b) { return statement_before(a, b); });
  order_each(about_, [&](uint32_t a, uint32_t b) { return statement_before(a, b); });
}

std::vector<uint32_t> Index::actors_named(std::string_view id_or_name) const {
  const std::string key = core::ascii_lower(id_or_name);
  if (const auto id = ids_.find(key); id != ids_.end()) return {id->second};
  const auto it = by_name_.find(key);
  return it == by_name_.end() ? std::vector<uint32_t>{} : it->second;
}

uint32_t Index::event(std::string_view id) const {
  const auto it = event_ids_.find(std::string(id));
  return it == event_ids_.end() ? graph::kNone : it->second;
}

uint32_t Index::statement(std::string_view id) const {
  const auto it = statement_ids_.find(std::string(id));
  return it == statement_ids_.end() ? graph::kNone : it->second;
}

}  // namespace dateline::query
