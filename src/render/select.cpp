#include "render/select.h"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "core/error.h"
#include "graph/algorithms.h"
#include "temporal/timex3.h"

namespace dateline::render {

namespace fs = std::filesystem;

graph::DayRange parse_date(std::string_view text) {
  const auto value = temporal::value_from_timex3(text);
  const auto range = value ? graph::day_range(*value) : std::nullopt;
  if (!range)
    throw core::Error(fmt::format("'{}' is not a date: give YYYY, YYYY-MM or YYYY-MM-DD", text));
  return *range;
}

void check_filter(const graph::Graph& g, const Filter& f) {
  if (!f.actor.empty() && g.find_actor(f.actor) == graph::kNone)
    throw core::Error(fmt::format("no actor '{}' in the graph (give an id or a name)", f.actor));
  if (f.depth < 0) throw core::Error(fmt::format("--depth {} is negative", f.depth));
  if (f.from && f.to && *f.to < *f.from) throw core::Error("--to is before --from");
}

Format format_of(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".svg") return Format::Svg;
  if (ext == ".png") return Format::Png;
  if (ext == ".dot" || ext == ".gv") return Format::Dot;
  throw core::Error("give a file name ending in .svg, .png or .dot", {file.string()});
}

std::vector<uint32_t> event_actors(const graph::EventNode& e) {
  std::vector<uint32_t> out = e.source;
  out.insert(out.end(), e.target.begin(), e.target.end());
  return out;
}

std::vector<uint32_t> statement_actors(const graph::StatementNode& s) {
  std::vector<uint32_t> out;
  if (s.speaker != graph::kNone) out.push_back(s.speaker);
  for (uint32_t a : s.about_actors)
    if (a != s.speaker) out.push_back(a);
  return out;
}

size_t cap_of(const Filter& f, int theme_cap) {
  const int top = f.top != 0 ? f.top : theme_cap;
  return top < 0 ? SIZE_MAX : static_cast<size_t>(top);
}

std::string count_of(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

namespace {

// Whether a fact's date fits the filter's window; nullopt when it has no day range.
std::optional<bool> in_window(const graph::FactDate& d, const Filter& f) {
  const auto range = graph::day_range(d.value);
  if (!range) return std::nullopt;
  return !(f.from && range->last < *f.from) && !(f.to && range->first > *f.to);
}

bool any_allowed(const std::vector<uint32_t>& actors, const std::vector<char>& allowed) {
  return std::any_of(actors.begin(), actors.end(), [&](uint32_t a) { return allowed[a] != 0; });
}

// Keeps a fact when its date fits (or, for the relationship diagram, it has no date and no
// window was asked for) and one of its actors may be drawn.
bool keep(const graph::FactDate& d, const std::vector<uint32_t>& actors, const Filter& f,
          bool need_dates, bool focused, const std::vector<char>& allowed, size_t& undated) {
  const auto fits = in_window(d, f);
  if (!fits) {
    if (need_dates || f.from || f.to) {
      if (!focused || any_allowed(actors, allowed)) ++undated;
      return false;
    }
  } else if (!*fits) {
    return false;
  }
  return !focused || any_allowed(actors, allowed);
}

}  // namespace

Selection select(const graph::Graph& g, const Filter& f, bool need_dates) {
  check_filter(g, f);
  Selection s;
  const bool focused = !f.actor.empty();
  s.allowed.assign(g.actors.size(), focused ? 0 : 1);
  if (focused) {
    s.focus = g.find_actor(f.actor);
    for (const auto& [actor, distance] : graph::ego_network(g, s.focus, f.depth))
      s.allowed[actor] = 1;
    s.allowed[s.focus] = 1;
  }
  for (uint32_t i = 0; i < g.events.size(); ++i) {
    const auto& e = g.events[i];
    if (!f.cameo.empty() && e.code.rfind(f.cameo, 0) != 0) continue;
    if (keep(e.date, event_actors(e), f, need_dates, focused, s.allowed, s.undated))
      s.events.push_back(i);
  }
  if (!f.statements || !f.cameo.empty()) return s;
  for (uint32_t i = 0; i < g.statements.size(); ++i) {
    const auto& st = g.statements[i];
    if (keep(st.date, statement_actors(st), f, need_dates, focused, s.allowed, s.undated))
      s.statements.push_back(i);
  }
  return s;
}

}  // namespace dateline::render
