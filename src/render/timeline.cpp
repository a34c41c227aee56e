// The timeline: events and statements on a true date axis (x computed from the dates, so gaps
// show), a lane per actor, laid out by Graphviz's nop engine (neato -n) with every node pinned.
#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <boost/date_time/gregorian/gregorian.hpp>

#include "render/canvas.h"
#include "render/escape.h"
#include "render/select.h"
#include "render/sources.h"
#include "temporal/timex3.h"

namespace dateline::render {

namespace {

using temporal::Date;
namespace greg = boost::gregorian;

constexpr double kGap = 8;        // points between two facts in one row
constexpr double kBarHeight = 4;  // points: the bar under a span's box
constexpr double kAxisRow = 13;   // points between the axis's rows of labels
constexpr double kLaneLabelChars = 26;

// One fact to draw, and the actors whose lanes it sits in.
struct Fact {
  bool statement = false;
  uint32_t index = 0;
  graph::DayRange range;
  std::vector<uint32_t> actors;  // drawable actors; kNone alone for facts naming none
  std::string label;
  Attributes look;
  double width = 0, height = 0;  // of its box, measured
};

struct Lane {
  uint32_t actor = graph::kNone;  // kNone: facts that name no actor
  std::vector<size_t> facts;
  int rows = 1;
  double top = 0;  // y of the upper edge; y grows upwards, lanes go down from 0
};

// One fact in one lane.
struct Item {
  size_t fact = 0, lane = 0;
  double center = 0, left = 0, right = 0;
  int row = 0;
  Agnode_t* node = nullptr;
};

struct Axis {
  Date first, last;  // the days shown, whole
  double x0 = 0, scale = 1;
  double x(Date d) const { return x0 + static_cast<double>((d - first).days()) * scale; }
  double end() const { return x(last + greg::days(1)); }
};

// A CAMEO label without the lexicon's "not specified below" tail, which says nothing here.
std::string short_label(const std::string& label) {
  const auto cut = label.find(", not specified below");
  return cut == std::string::npos ? label : label.substr(0, cut);
}

Attributes look_of(const Theme::Timeline& t, bool statement, Standing standing) {
  Attributes look = statement ? t.statement : t.event;
  if (standing >= Standing::Uncertain && standing != Standing::Inferred)
    look.insert(look.end(), t.uncertain.begin(), t.uncertain.end());
  if (standing == Standing::Inferred) look.insert(look.end(), t.inferred.begin(), t.inferred.end());
  if (standing == Standing::Conflict) look.insert(look.end(), t.conflict.begin(), t.conflict.end());
  return look;
}

std::vector<Fact> facts_of(const graph::Graph& g, const Selection& s, const Theme::Timeline& t) {
  std::vector<Fact> out;
  const auto drawable = [&](std::vector<uint32_t> actors) {
    actors.erase(
        std::remove_if(actors.begin(), actors.end(), [&](uint32_t a) { return s.allowed[a] == 0; }),
        actors.end());
    std::vector<uint32_t> unique;
    for (uint32_t a : actors)
      if (std::find(unique.begin(), unique.end(), a) == unique.end()) unique.push_back(a);
    if (unique.empty()) unique.push_back(graph::kNone);
    return unique;
  };
  const size_t chars = static_cast<size_t>(t.max_label_chars);
  for (uint32_t i : s.events) {
    const auto& e = g.events[i];
    out.push_back({false, i, *graph::day_range(e.date.value), drawable(event_actors(e)),
                   label_text(short_label(e.label), chars),
                   look_of(t, false, standing_of(e.date))});
  }
  for (uint32_t i : s.statements) {
    const auto& st = g.statements[i];
    // In its speaker's lane; in the lanes of those it is about only when the speaker has none.
    auto who = drawable(st.speaker == graph::kNone ? std::vector<uint32_t>{}
                                                   : std::vector<uint32_t>{st.speaker});
    if (who.front() == graph::kNone) who = drawable(statement_actors(st));
    out.push_back({true, i, *graph::day_range(st.date.value), std::move(who),
                   label_text("\u201c" + st.quote + "\u201d", chars),
                   look_of(t, true, standing_of(st.date))});
  }
  return out;
}

// The lanes: the actors with the most facts (the focus always), in order of first fact.
std::vector<Lane> lanes_of(const graph::Graph& g, const std::vector<Fact>& facts, uint32_t focus,
                           size_t cap, std::vector<uint32_t>& left_out) {
  std::map<uint32_t, Lane> by_actor;
  std::map<uint32_t, Date> first;
  for (size_t i = 0; i < facts.size(); ++i)
    for (uint32_t a : facts[i].actors) {
      by_actor[a].actor = a;
      by_actor[a].facts.push_back(i);
      auto [it, fresh] = first.emplace(a, facts[i].range.first);
      if (!fresh) it->second = std::min(it->second, facts[i].range.first);
    }
  std::vector<Lane> all;
  for (auto& [a, lane] : by_actor) all.push_back(std::move(lane));
  const auto rank = [&](const Lane& x) {
    return std::make_tuple(x.actor != focus, x.actor == graph::kNone,
                           -static_cast<long>(x.facts.size()), x.actor);
  };
  std::sort(all.begin(), all.end(),
            [&](const Lane& x, const Lane& y) { return rank(x) < rank(y); });
  if (all.size() > cap) {
    for (size_t i = cap; i < all.size(); ++i) left_out.push_back(all[i].actor);
    all.resize(cap);
  }
  const auto order = [&](const Lane& x) {
    const std::string& name = x.actor == graph::kNone ? std::string() : g.actors[x.actor].name;
    return std::make_tuple(x.actor != focus, x.actor == graph::kNone, first[x.actor], name,
                           x.actor);
  };
  std::sort(all.begin(), all.end(),
            [&](const Lane& x, const Lane& y) { return order(x) < order(y); });
  return all;
}

// Graphviz's sizes for each fact's box, from a throwaway graph.
void measure(std::vector<Fact>& facts, const Theme& theme) {
  Canvas c(false);
  c.defaults(AGNODE, theme.node);
  std::vector<Agnode_t*> nodes;
  for (size_t i = 0; i < facts.size(); ++i) {
    Agnode_t* n = c.node(fmt::format("m{}", i));
    Canvas::apply(n, facts[i].look);
    Canvas::set(n, "label", facts[i].label);
    Canvas::place(n, 0, 0);
    nodes.push_back(n);
  }
  c.measure();
  for (size_t i = 0; i < facts.size(); ++i) {
    facts[i].width = Canvas::width_of(nodes[i]);
    facts[i].height = Canvas::height_of(nodes[i]);
  }
}

Axis axis_of(const std::vector<Fact>& facts, const Theme::Timeline& t) {
  Axis a;
  a.first = facts.front().range.first;
  a.last = facts.front().range.last;
  for (const auto& f : facts) {
    a.first = std::min(a.first, f.range.first);
    a.last = std::max(a.last, f.range.last);
  }
  a.first -= greg::days(1);  // a day's margin each side
  a.last += greg::days(1);
  const double days = static_cast<double>((a.last - a.first).days() + 1);
  a.x0 = t.label_width;
  a.scale = std::min(t.day_width, t.max_width / days);
  return a;
}

// Lengthens the axis by whole days so that the boxes of its first and last facts, wider than
// their days, stay over it; whether it changed.
bool widen(Axis& a, const std::vector<Item>& items) {
  double left = a.x0, right = a.end();
  for (const auto& it : items) {
    left = std::min(left, it.left);
    right = std::max(right, it.right);
  }
  const auto days = [&](double points) { return static_cast<long>(std::ceil(points / a.scale)); };
  const long before = days(a.x0 - left), after = days(right - a.end());
  a.first -= greg::days(before);
  a.last += greg::days(after);
  return before > 0 || after > 0;
}

// Places each fact in its lanes: centred on its days, in the first row of the lane where it
// does not overlap the one before; then stacks the lanes downwards from the axis.
std::vector<Item> items_of(const std::vector<Fact>& facts, std::vector<Lane>& lanes,
                           const Axis& axis, double lane_height) {
  std::vector<Item> items;
  double top = -kAxisRow / 2;
  for (size_t l = 0; l < lanes.size(); ++l) {
    std::vector<Item> lane_items;
    for (size_t f : lanes[l].facts) {
      const auto& fact = facts[f];
      const double from = axis.x(fact.range.first), to = axis.x(fact.range.last + greg::days(1));
      Item it;
      it.fact = f;
      it.lane = l;
      it.center = (from + to) / 2;
      it.left = std::min(from, it.center - fact.width / 2);
      it.right = std::max(to, it.center + fact.width / 2);
      lane_items.push_back(it);
    }
    std::sort(lane_items.begin(), lane_items.end(), [](const Item& x, const Item& y) {
      return std::tie(x.left, x.fact) < std::tie(y.left, y.fact);
    });
    std::vector<double> row_end;
    for (auto& it : lane_items) {
      size_t r = 0;
      while (r < row_end.size() && row_end[r] + kGap > it.left) ++r;
      if (r == row_end.size()) row_end.push_back(0);
      row_end[r] = it.right;
      it.row = static_cast<int>(r);
    }
    lanes[l].rows = std::max<int>(1, static_cast<int>(row_end.size()));
    lanes[l].top = top;
    top -= lanes[l].rows * lane_height;
    items.insert(items.end(), lane_items.begin(), lane_items.end());
  }
  return items;
}

double row_y(const Lane& lane, int row, double lane_height) {
  return lane.top - (row + 0.5) * lane_height;
}

double bottom_of(const std::vector<Lane>& lanes, double lane_height) {
  return lanes.empty() ? -kAxisRow : lanes.back().top - lanes.back().rows * lane_height;
}

// A box of fixed size, no label: lines, bars, the axis.
Agnode_t* mark(Canvas& c, const std::string& name, const Attributes& look, double x, double y,
               double width, double height) {
  Agnode_t* n = c.node(name);
  Canvas::apply(n, look);
  Canvas::set(n, "fixedsize", "true");
  Canvas::set(n, "width", inches(width));
  Canvas::set(n, "height", inches(height));
  Canvas::place(n, x, y);
  return n;
}

Agnode_t* text(Canvas& c, const std::string& name, const Attributes& look, const std::string& label,
               double x, double y) {
  Agnode_t* n = c.node(name);
  Canvas::apply(n, look);
  Canvas::set(n, "label", label);
  Canvas::place(n, x, y);
  return n;
}

// The axis's labels: days (or Mondays) when there is room, months, years; and where the grid's
// vertical lines stand.
std::vector<double> draw_ticks(Canvas& c, const Theme::Timeline& t, const Axis& a) {
  std::vector<double> grid;
  int row = 0;
  const auto y_of = [&](int r) { return kAxisRow * (r + 0.7); };
  const bool days = a.scale >= 14, mondays = !days && a.scale * 7 >= 18;
  if (days || mondays) {
    for (Date d = a.first; d <= a.last; d += greg::days(1)) {
      const bool monday = temporal::iso_weekday(d) == 1;
      if (monday && d != a.first) grid.push_back(a.x(d));
      if (days || monday)
        text(c, "tick_d" + greg::to_iso_string(d), t.tick_label,
             std::to_string(temporal::day_of(d)), a.x(d) + a.scale / 2, y_of(row));
    }
    ++row;
  }
  const bool months = a.scale * 28 >= 24;
  if (months) {
    for (Date m(a.first.year(), a.first.month(), 1); m <= a.last; m += greg::months(1)) {
      const Date from = std::max(m, a.first), to = std::min(m.end_of_month(), a.last);
      if (m > a.first && grid.empty()) grid.push_back(a.x(m));
      if (a.x(to + greg::days(1)) - a.x(from) < 24) continue;
      const double x = (a.x(from) + a.x(to + greg::days(1))) / 2;
      text(c, fmt::format("tick_m{:04}{:02}", temporal::year_of(m), temporal::month_of(m)),
           t.tick_label, m.month().as_short_string(), x, y_of(row));
    }
    ++row;
  }
  for (int y = temporal::year_of(a.first); y <= temporal::year_of(a.last); ++y) {
    const auto year = static_cast<unsigned short>(y);
    const Date from = std::max(Date(year, 1, 1), a.first);
    const Date to = std::min(Date(year, 12, 31), a.last);
    if (!months && y > temporal::year_of(a.first)) grid.push_back(a.x(from));
    if (a.x(to + greg::days(1)) - a.x(from) < 30) continue;
    text(c, fmt::format("tick_y{}", y), t.tick_label, std::to_string(y),
         (a.x(from) + a.x(to + greg::days(1))) / 2, y_of(row));
  }
  return grid;
}

// Lane lines and the grid first, so that everything else is drawn over them.
void draw_background(Canvas& c, const Theme::Timeline& t, const std::vector<Lane>& lanes,
                     const Axis& a, const std::vector<double>& grid) {
  const double bottom = bottom_of(lanes, t.lane_height);
  for (size_t i = 0; i < grid.size(); ++i)
    mark(c, fmt::format("grid{}", i), t.grid, grid[i], bottom / 2, 0.6, -bottom);
  for (size_t l = 0; l < lanes.size(); ++l) {
    const double y = lanes[l].top - lanes[l].rows * t.lane_height;
    mark(c, fmt::format("line{}", l), t.lane_line, a.end() / 2, y, a.end(), 0.5);
  }
  mark(c, "axis", t.axis, (a.x0 + a.end()) / 2, 0, a.end() - a.x0, 1);
}

void draw_lane_labels(Canvas& c, const graph::Graph& g, const Theme::Timeline& t,
                      const std::vector<Lane>& lanes) {
  for (size_t l = 0; l < lanes.size(); ++l) {
    const uint32_t a = lanes[l].actor;
    const double y = lanes[l].top - lanes[l].rows * t.lane_height / 2;
    const std::string name = a == graph::kNone ? "(no actor named)" : g.actors[a].name;
    Agnode_t* n =
        text(c, fmt::format("lane{}", l), t.lane,
             label_text(name, static_cast<size_t>(kLaneLabelChars)), t.label_width / 2, y);
    if (a != graph::kNone)
      Canvas::set(n, "tooltip",
                  tooltip_text(fmt::format(
                      "{} ({}){}", name, extract::to_string(g.actors[a].kind),
                      g.actors[a].roles.empty() ? "" : ": " + g.actors[a].roles.front())));
  }
}

std::string fact_title(const graph::Graph& g, const Fact& f) {
  if (f.statement) {
    const auto& s = g.statements[f.index];
    const std::string who =
        s.speaker == graph::kNone ? "Someone" : clean_text(g.actors[s.speaker].name);
    return fmt::format("{}: {} {}: \u201c{}\u201d", s.id, who, s.verb.empty() ? "said" : s.verb,
                       s.quote);
  }
  const auto& e = g.events[f.index];
  std::string title = fmt::format("{}: {} {}", e.id, e.code, e.label);
  if (!e.source.empty() || !e.target.empty())
    title += fmt::format("\n{} \u2192 {}", e.source.empty() ? "?" : names_of(g, e.source),
                         e.target.empty() ? "-" : names_of(g, e.target));
  if (!e.place.empty()) title += "\nPlace: " + e.place;
  return title;
}

// Each fact in each of its lanes: a box with its label and sources, a bar under it for a span
// of days, and a dashed line joining its boxes across lanes.
void draw_facts(Canvas& c, const graph::Graph& g, const Theme::Timeline& t,
                const std::vector<Fact>& facts, std::vector<Item>& items,
                const std::vector<Lane>& lanes, const Axis& a) {
  std::vector<std::string> tooltips(facts.size()), urls(facts.size());
  for (size_t i = 0; i < facts.size(); ++i) {
    const auto& f = facts[i];
    const auto& date = f.statement ? g.statements[f.index].date : g.events[f.index].date;
    const auto& mentions =
        f.statement ? g.statements[f.index].mentions : g.events[f.index].mentions;
    tooltips[i] = tooltip_text(fact_tooltip(g, fact_title(g, f), date, mentions));
    urls[i] = fact_url(g, mentions);
  }
  const auto link = [&](Agnode_t* n, size_t fact) {
    Canvas::set(n, "tooltip", tooltips[fact]);
    if (!urls[fact].empty()) Canvas::set(n, "URL", urls[fact]);
  };
  for (auto& it : items) {
    const auto& f = facts[it.fact];
    const double y = row_y(lanes[it.lane], it.row, t.lane_height);
    const std::string name = fmt::format("{}{}_{}", f.statement ? "s" : "e", f.index, it.lane);
    if (f.range.last > f.range.first) {
      const double from = a.x(f.range.first), to = a.x(f.range.last + greg::days(1));
      link(mark(c, name + "_span", t.span, (from + to) / 2, y - f.height / 2 - kBarHeight / 2 + 1,
                to - from, kBarHeight),
           it.fact);
    }
    it.node = text(c, name, f.look, f.label, it.center, y);
    link(it.node, it.fact);
  }
  // Items are grouped by lane, lanes in order: each fact's copies come top to bottom.
  std::vector<Agnode_t*> last(facts.size(), nullptr);
  for (const auto& it : items) {
    if (last[it.fact]) Canvas::apply(c.edge(last[it.fact], it.node), t.link);
    last[it.fact] = it.node;
  }
}

// Drops the facts none of whose lanes was kept, renumbering the lanes' facts; returns how many.
size_t keep_drawn(std::vector<Fact>& facts, std::vector<Lane>& lanes) {
  std::vector<size_t> renumbered(facts.size(), SIZE_MAX);
  for (const auto& lane : lanes)
    for (size_t f : lane.facts) renumbered[f] = 0;
  std::vector<Fact> kept;
  for (size_t i = 0; i < facts.size(); ++i)
    if (renumbered[i] == 0) {
      renumbered[i] = kept.size();
      kept.push_back(std::move(facts[i]));
    }
  const size_t dropped = facts.size() - kept.size();
  facts = std::move(kept);
  for (auto& lane : lanes)
    for (size_t& f : lane.facts) f = renumbered[f];
  return dropped;
}

// Samples of each look, in a row under the lanes.
void draw_legend(Canvas& c, const Theme& theme, double x, double y) {
  const auto& t = theme.timeline;
  std::vector<Fact> keys = {
      {false, 0, {}, {}, "date stated", look_of(t, false, Standing::Firm)},
      {false, 0, {}, {}, "date not stated: the article's", look_of(t, false, Standing::Uncertain)},
      {false, 0, {}, {}, "inferred dateline", look_of(t, false, Standing::Inferred)},
      {false, 0, {}, {}, "reports disagree", look_of(t, false, Standing::Conflict)},
      {true, 0, {}, {}, "statement", look_of(t, true, Standing::Firm)},
      {false, 0, {}, {}, "a week, a month or longer", look_of(t, false, Standing::Firm)}};
  measure(keys, theme);
  for (size_t i = 0; i < keys.size(); ++i) {
    const double center = x + keys[i].width / 2;
    if (i + 1 == keys.size())
      mark(c, "key_span", t.span, center, y - keys[i].height / 2 - kBarHeight / 2 + 1,
           keys[i].width * 1.2, kBarHeight);
    text(c, fmt::format("key{}", i), keys[i].look, keys[i].label, center, y);
    x += keys[i].width + 3 * kGap;
  }
}

std::string note_of(const graph::Graph& g, const std::vector<uint32_t>& left_out, size_t hidden,
                    size_t undated, bool empty) {
  std::vector<std::string> lines;
  if (empty) lines.push_back("Nothing to draw: no dated event or statement matches.");
  if (!left_out.empty()) {
    std::string names;
    for (size_t i = 0; i < left_out.size() && i < 8; ++i)
      names += (i ? ", " : "") + (left_out[i] == graph::kNone ? std::string("(no actor named)")
                                                              : g.actors[left_out[i]].name);
    if (left_out.size() > 8) names += ", ...";
    lines.push_back(
        fmt::format("Left out: the lanes of {} with fewer facts ({}); use --top N or "
                    "--actor NAME.",
                    count_of(left_out.size(), "actor", "actors"), names));
  }
  if (hidden)
    lines.push_back(
        fmt::format("{} of theirs alone not drawn.", count_of(hidden, "fact", "facts")));
  if (undated)
    lines.push_back(
        fmt::format("{} without a calendar date not drawn.", count_of(undated, "fact", "facts")));
  std::string note;
  for (const auto& line : lines) note += label_text(line) + "\\l";
  return note;
}

}  // namespace

std::string timeline(const graph::Graph& g, const Filter& f, const Theme& theme, Format format) {
  const auto& t = theme.timeline;
  const Selection sel = select(g, f, true);
  std::vector<Fact> facts = facts_of(g, sel, t);
  std::vector<uint32_t> left_out;
  std::vector<Lane> lanes = lanes_of(g, facts, sel.focus, cap_of(f, t.lanes), left_out);
  const size_t hidden = keep_drawn(facts, lanes);
  measure(facts, theme);

  Canvas c(false);
  c.defaults(AGRAPH, theme.graph);
  c.defaults(AGNODE, {{"label", ""}});
  c.defaults(AGNODE, theme.node);
  c.defaults(AGEDGE, theme.edge);
  Canvas::set(c.root(), "outputorder", "edgesfirst");  // joining lines under the boxes
  Canvas::set(c.root(), "splines", "false");
  double x0 = t.label_width, width = t.max_width;
  if (!facts.empty()) {
    Axis axis = axis_of(facts, t);
    auto items = items_of(facts, lanes, axis, t.lane_height);
    if (widen(axis, items)) items = items_of(facts, lanes, axis, t.lane_height);
    const auto grid = draw_ticks(c, t, axis);
    draw_background(c, t, lanes, axis, grid);
    draw_lane_labels(c, g, t, lanes);
    draw_facts(c, g, t, facts, items, lanes, axis);
    width = axis.end() - x0;
  }
  const double bottom = bottom_of(lanes, t.lane_height);
  draw_legend(c, theme, x0, bottom - t.lane_height * 0.8);
  const std::string note = note_of(g, left_out, hidden, sel.undated, facts.empty());
  if (!note.empty()) text(c, "note", t.note, note, x0 + width / 2, bottom - t.lane_height * 1.8);
  return c.render("nop", format);
}

}  // namespace dateline::render
