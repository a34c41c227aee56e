#include "graph/merge.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "core/text.h"
#include "core/utf8.h"
#include "graph/facts.h"
#include "temporal/timex3.h"

namespace dateline::graph {

namespace {

using extract::AnnotatedArticle;

// Disjoint sets over fact mentions.
struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  // The smaller index stays the root, so a fact is named by its first mention.
  void join(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent[b] = a;
  }
};

// How long before an article's dateline an event it reports without a date may lie.
constexpr long kStaleDays = 30;

// Days between two stretches of the calendar (0 when they overlap).
long gap_days(const DayRange& a, const DayRange& b) {
  if (a.last < b.first) return (b.first - a.last).days();
  if (b.last < a.first) return (a.first - b.last).days();
  return 0;
}

bool contains(const DayRange& outer, const DayRange& inner) {
  return outer.first <= inner.first && inner.last <= outer.last;
}

// One article's event or statement, with its actors already global.
struct FactRef {
  uint32_t article = 0, local = 0;
  std::vector<uint32_t> source, target;  // events; statements: the speaker in source
  std::string root;                      // CAMEO root category ("01".."20")
  std::optional<DayRange> range;
  bool firm = false;
  std::string quote;  // statements: normalized words
};

// The date a fact keeps: among the firm mentions, the one most others agree with (a coarser
// mention agrees with a finer one inside it), the finer on a tie, the first on a tie again.
// Firm mentions that disagree with it make a conflict.
template <typename Node>
void choose_date(Node& node, Conflict::Of of, uint32_t index, std::vector<Conflict>& conflicts,
                 const std::vector<bool>& inferred_article) {
  const auto& ms = node.mentions;
  std::vector<std::optional<DayRange>> ranges(ms.size());
  for (size_t i = 0; i < ms.size(); ++i)
    if (firm_basis(ms[i].basis)) ranges[i] = day_range(ms[i].date);
  // The distinct firm ranges, in order of first mention, with how many mentions state each:
  // a fact reported a thousand times states only a few dates.
  struct Stated {
    DayRange range;
    size_t count = 0, first = 0;
  };
  std::vector<Stated> stated;
  std::map<std::pair<temporal::Date, temporal::Date>, size_t> seen;
  for (size_t i = 0; i < ms.size(); ++i) {
    if (!ranges[i]) continue;
    auto [it, fresh] = seen.emplace(std::pair{ranges[i]->first, ranges[i]->last}, stated.size());
    if (fresh) stated.push_back({*ranges[i], 0, i});
    ++stated[it->second].count;
  }
  int best = -1;
  size_t best_support = 0;
  long best_width = 0;
  for (const auto& s : stated) {
    size_t support = 0;
    for (const auto& o : stated)
      if (contains(o.range, s.range)) support += o.count;
    const long width = (s.range.last - s.range.first).days();
    if (best < 0 || support > best_support || (support == best_support && width < best_width)) {
      best = static_cast<int>(s.first);
      best_support = support;
      best_width = width;
    }
  }
  if (best < 0) {
    // No mention states a date: the first one that has any (its article's dateline).
    for (size_t i = 0; i < ms.size(); ++i)
      if (ms[i].date.kind != temporal::Value::Kind::None) {
        best = static_cast<int>(i);
        break;
      }
    if (best < 0) return;
    node.date.value = ms[static_cast<size_t>(best)].date;
    node.date.basis = ms[static_cast<size_t>(best)].basis;
    node.date.inferred = inferred_article[ms[static_cast<size_t>(best)].article];
    return;
  }
  const auto& chosen = ms[static_cast<size_t>(best)];
  node.date.value = chosen.date;
  node.date.basis = chosen.basis;
  node.date.inferred = inferred_article[chosen.article];
  const DayRange& r = *ranges[static_cast<size_t>(best)];
  bool disagree = false;
  for (size_t i = 0; i < ms.size(); ++i)
    if (ranges[i] && gap_days(*ranges[i], r) > 0) disagree = true;
  if (!disagree) return;
  Conflict c;
  c.of = of;
  c.index = index;
  for (size_t i = 0; i < ms.size(); ++i)
    if (ranges[i]) c.stated.push_back({ms[i].article, ms[i].date});
  node.date.conflict = static_cast<int>(conflicts.size());
  conflicts.push_back(std::move(c));
}

std::vector<uint32_t> all_of(const FactRef& f) {
  std::vector<uint32_t> out = f.source;
  out.insert(out.end(), f.target.begin(), f.target.end());
  return out;
}

// Whether two reports whose texts both date them can be one event: their participants agree
// and their dates lie within the window (the same day, without a target: "Putin said").
bool same_firm_event(const FactRef& a, const FactRef& b, int window) {
  if (!participants_agree(a.source, a.target, b.source, b.target)) return false;
  const bool targets = !a.target.empty() && !b.target.empty();
  return gap_days(*a.range, *b.range) <= (targets ? window : 0);
}

// Whether a report dated only by its article's dateline (`weak`) can be the firm report's
// event: that date says only "by then", so the firm date lies on or before it, at most a month
// before it (a day, without a target).
bool weak_fits(const FactRef& weak, const FactRef& firm) {
  if (!participants_agree(weak.source, weak.target, firm.source, firm.target)) return false;
  if (firm.range->first > weak.range->last) return false;
  const bool targets = !weak.target.empty() && !firm.target.empty();
  return (weak.range->first - firm.range->last).days() <= (targets ? kStaleDays : 1);
}

// Event reports that may be one event share a CAMEO root category and an actor: a bucket.
struct EventBucket {
  std::vector<uint32_t> day;   // firm reports of one day, in date order
  std::vector<uint32_t> wide;  // firm reports of a wider stretch ("last week", "in March")
  std::vector<uint32_t> weak;  // reports dated by their dateline, in date order
};

// Groups event reports into events.
// 1. Reports of a day join when they agree: within the window with a target, the same day
//    without one; and an event's reports of a day all lie within the window.
// 2. A report of a wider stretch joins one event at most, the one with the most reports of a
//    day inside that stretch, so that "last month" never welds a month's events together.
// 3. A report dated by its dateline alone joins one event at most, the report of a day nearest
//    before its dateline.
// 4. Those that joined nothing join others of the same stretch or the same dateline.
UnionFind cluster_events(const std::vector<FactRef>& refs, int window) {
  UnionFind uf(refs.size());
  std::map<std::pair<std::string, uint32_t>, EventBucket> buckets;
  for (uint32_t i = 0; i < refs.size(); ++i) {
    const auto& f = refs[i];
    if (!f.range) continue;
    const bool day = f.range->first == f.range->last;
    for (uint32_t a : all_of(f)) {
      auto& b = buckets[{f.root, a}];
      (!f.firm ? b.weak : day ? b.day : b.wide).push_back(i);
    }
  }
  const auto first_day = [&](uint32_t i) { return refs[i].range->first; };
  const auto by_first = [&](uint32_t x, uint32_t y) { return first_day(x) < first_day(y); };
  const auto days = [](auto later, auto earlier) { return (later - earlier).days(); };
  const auto after = [&](auto date) {
    return [&, date](const std::vector<uint32_t>& list) {
      return std::upper_bound(list.begin(), list.end(), date,
                              [&](auto d, uint32_t i) { return d < first_day(i); });
    };
  };
  // The first and last day its reports of a day give each event (at its root): every report
  // of an event lies within the window of every other, so that reports a few days apart each
  // never chain a month of meetings into one.
  std::vector<temporal::Date> lo(refs.size()), hi(refs.size());
  for (auto& [key, b] : buckets)
    for (uint32_t i : b.day) lo[i] = hi[i] = first_day(i);
  const auto join_days = [&](uint32_t a, uint32_t b) {
    a = uf.find(a);
    b = uf.find(b);
    if (a == b) return;
    const auto first = std::min(lo[a], lo[b]), last = std::max(hi[a], hi[b]);
    if (days(last, first) > window) return;
    uf.join(a, b);
    const uint32_t root = uf.find(a);
    lo[root] = first;
    hi[root] = last;
  };
  for (auto& [key, b] : buckets) {
    std::stable_sort(b.day.begin(), b.day.end(), by_first);
    std::stable_sort(b.weak.begin(), b.weak.end(), by_first);
    for (size_t i = 0; i < b.day.size(); ++i)
      for (size_t j = i; j-- > 0 && days(first_day(b.day[i]), first_day(b.day[j])) <= window;)
        if (same_firm_event(refs[b.day[i]], refs[b.day[j]], window)) join_days(b.day[i], b.day[j]);
  }
  std::vector<uint32_t> joined(refs.size(), kNone);
  {  // 2: count, per event, the fitting reports of a day inside the stretch
    std::vector<std::map<uint32_t, uint32_t>> votes(refs.size());
    for (auto& [key, b] : buckets)
      for (uint32_t w : b.wide) {
        const auto& wide = refs[w];
        const auto end = after(wide.range->last)(b.day);
        auto it = std::lower_bound(b.day.cbegin(), end, wide.range->first,
                                   [&](uint32_t i, auto d) { return first_day(i) < d; });
        for (; it != end; ++it)
          if (participants_agree(wide.source, wide.target, refs[*it].source, refs[*it].target))
            ++votes[w][uf.find(*it)];
      }
    for (uint32_t w = 0; w < refs.size(); ++w) {
      uint32_t most = 0;
      for (const auto& [event, count] : votes[w])
        if (count > most) {
          most = count;
          joined[w] = event;
        }
    }
  }
  // 3: the fitting report of a day with the latest date, over all the buckets (the first
  // report on a tie).
  for (auto& [key, b] : buckets)
    for (uint32_t w : b.weak) {
      const auto& weak = refs[w];
      for (auto it = after(weak.range->last)(b.day); it != b.day.begin();) {
        const uint32_t n = *--it;
        if (days(weak.range->first, first_day(n)) > kStaleDays) break;
        if (joined[w] != kNone && first_day(n) < first_day(joined[w])) break;
        if (weak_fits(weak, refs[n]) &&
            (joined[w] == kNone || first_day(n) > first_day(joined[w]) || n < joined[w]))
          joined[w] = n;
      }
    }
  for (uint32_t i = 0; i < refs.size(); ++i)
    if (joined[i] != kNone) uf.join(i, joined[i]);
  // 4: the same stretch, or the same dateline, and participants that agree.
  const auto group_rest = [&](const std::vector<uint32_t>& list) {
    for (size_t i = 0; i < list.size(); ++i) {
      if (joined[list[i]] != kNone) continue;
      const auto& fi = refs[list[i]];
      for (size_t j = i; j-- > 0 && first_day(list[j]) == first_day(list[i]);) {
        const auto& fj = refs[list[j]];
        if (joined[list[j]] == kNone && fi.range->last == fj.range->last &&
            participants_agree(fi.source, fi.target, fj.source, fj.target))
          uf.join(list[i], list[j]);
      }
    }
  };
  for (auto& [key, b] : buckets) {
    std::stable_sort(b.wide.begin(), b.wide.end(), by_first);
    group_rest(b.wide);
    group_rest(b.weak);
  }
  return uf;
}

}  // namespace

std::string normalized_quote(std::string_view quote) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < quote.size();) {
    const char32_t cp = core::utf8::decode(quote, i);
    const bool digit = cp >= '0' && cp <= '9';
    if (core::utf8::is_letter(cp) || digit) {
      if (space && !out.empty()) out += ' ';
      space = false;
      if (cp < 0x80)
        out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
      else
        core::utf8::append(out, cp);
    } else if (cp != '\'' && cp != 0x2019) {
      space = true;
    }
  }
  return out;
}

Graph merge(const std::vector<AnnotatedArticle>& articles, const extract::Gazetteer* gazetteer,
            const MergeOptions& options) {
  Graph g;
  std::vector<bool> inferred(articles.size(), false);

  // ---- actors ----
  std::unordered_map<std::string, uint32_t> actor_by_key;
  std::vector<std::vector<uint32_t>> local_actor(articles.size());
  for (uint32_t r = 0; r < articles.size(); ++r) {
    const auto& a = articles[r];
    inferred[r] = a.article.dateline.source == ingest::DatelineSource::Inferred;
    for (const auto& x : a.actors) {
      const std::string key = x.generic ? x.id + "@" + a.article.id : x.id;
      auto [it, fresh] = actor_by_key.emplace(key, static_cast<uint32_t>(g.actors.size()));
      if (fresh) {
        ActorNode n;
        n.id = key;
        n.name = x.name;
        n.kind = x.kind;
        n.known = x.known;
        n.generic = x.generic;
        n.media = x.media;
        g.actors.push_back(std::move(n));
      }
      ActorNode& n = g.actors[it->second];
      // A longer name for an unknown person names it better ("Gregor Haln" over "Haln").
      if (!n.known && x.name.size() > n.name.size()) n.name = x.name;
      for (const auto& name : x.names) n.names.push_back(name);
      for (const auto& role : x.roles) n.roles.push_back(role);
      n.mentions += static_cast<uint32_t>(x.mentions.size());
      if (n.articles.empty() || n.articles.back() != r) n.articles.push_back(r);
      local_actor[r].push_back(it->second);
    }
  }
  // A surname alone ("Haln") joins the one person of the corpus whose name ends with it.
  {
    std::unordered_map<std::string, std::vector<uint32_t>> by_last;
    for (uint32_t i = 0; i < g.actors.size(); ++i) {
      const auto& n = g.actors[i];
      if (n.kind != extract::ActorKind::Person || n.generic) continue;
      const auto space = n.name.rfind(' ');
      if (space == std::string::npos) continue;
      by_last[extract::actor_slug(n.name.substr(space + 1))].push_back(i);
    }
    std::vector<uint32_t> to(g.actors.size());
    std::iota(to.begin(), to.end(), 0u);
    for (uint32_t i = 0; i < g.actors.size(); ++i) {
      const auto& n = g.actors[i];
      if (n.known || n.generic || n.kind != extract::ActorKind::Person ||
          n.name.find(' ') != std::string::npos)
        continue;
      const auto it = by_last.find(n.id);
      if (it != by_last.end() && it->second.size() == 1) to[i] = it->second.front();
    }
    // Fold the merged ones into their targets and renumber.
    std::vector<uint32_t> renumber(g.actors.size(), kNone);
    std::vector<ActorNode> kept;
    for (uint32_t i = 0; i < g.actors.size(); ++i)
      if (to[i] == i) {
        renumber[i] = static_cast<uint32_t>(kept.size());
        kept.push_back(std::move(g.actors[i]));
      }
    for (uint32_t i = 0; i < g.actors.size(); ++i) {
      if (to[i] == i) continue;
      renumber[i] = renumber[to[i]];
      ActorNode& into = kept[renumber[i]];
      const ActorNode& from = g.actors[i];
      into.names.insert(into.names.end(), from.names.begin(), from.names.end());
      into.roles.insert(into.roles.end(), from.roles.begin(), from.roles.end());
      into.mentions += from.mentions;
      into.articles.insert(into.articles.end(), from.articles.begin(), from.articles.end());
    }
    g.actors = std::move(kept);
    for (auto& list : local_actor)
      for (auto& a : list) a = renumber[a];
    actor_by_key.clear();
    for (uint32_t i = 0; i < g.actors.size(); ++i) actor_by_key[g.actors[i].id] = i;
  }
  const auto actor_for_id = [&](const std::string& id) -> uint32_t {
    if (auto it = actor_by_key.find(id); it != actor_by_key.end()) return it->second;
    ActorNode n;
    n.id = id;
    n.name = id;
    if (gazetteer)
      if (const auto rec = gazetteer->find(id)) {
        const auto& record = gazetteer->actors()[*rec];
        n.name = record.name;
        n.kind = record.kind;
        n.known = true;
        n.media = record.media;
      }
    const auto index = static_cast<uint32_t>(g.actors.size());
    g.actors.push_back(std::move(n));
    actor_by_key.emplace(id, index);
    return index;
  };
  for (uint32_t r = 0; r < articles.size(); ++r)
    for (size_t x = 0; x < articles[r].actors.size(); ++x)
      for (const auto& aff : articles[r].actors[x].affiliations) {
        const uint32_t from = local_actor[r][x];
        const uint32_t to = actor_for_id(aff);
        if (to != from) g.actors[from].affiliations.push_back(to);
      }
  for (auto& n : g.actors) {
    for (auto* list : {&n.names, &n.roles}) {
      sort_unique(*list);
    }
    sort_unique(n.affiliations);
    sort_unique(n.articles);
  }

  // ---- articles ----
  for (uint32_t r = 0; r < articles.size(); ++r) {
    const auto& a = articles[r].article;
    ArticleNode n;
    n.id = a.id;
    n.file = a.file();
    n.source = a.source();
    n.url = a.url();
    n.title = a.title;
    n.dateline = a.dateline.value();
    n.dateline_source = std::string(ingest::to_string(a.dateline.source));
    if (!a.dateline.note.empty()) n.evidence.push_back(a.dateline.note);
    for (const auto& c : articles[r].credits)
      n.credits.push_back({local_actor[r][c.actor], c.role});
    g.articles.push_back(std::move(n));
  }

  const auto globals = [&](uint32_t r, const std::vector<uint32_t>& local) {
    std::vector<uint32_t> out;
    for (uint32_t x : local) out.push_back(local_actor[r][x]);
    sort_unique(out);
    return out;
  };

  // ---- events ----
  std::vector<FactRef> refs;
  for (uint32_t r = 0; r < articles.size(); ++r)
    for (uint32_t e = 0; e < articles[r].events.size(); ++e) {
      const auto& ev = articles[r].events[e];
      FactRef f;
      f.article = r;
      f.local = e;
      f.source = globals(r, ev.source);
      f.target = globals(r, ev.target);
      f.root = ev.code.substr(0, std::min<size_t>(2, ev.code.size()));
      f.range = day_range(ev.time.value);
      f.firm = firm_basis(ev.time.basis);
      refs.push_back(std::move(f));
    }
  UnionFind events = cluster_events(refs, options.window_days);
  std::vector<uint32_t> event_of(refs.size(), kNone);
  std::vector<std::vector<uint32_t>> local_event(articles.size());
  for (uint32_t r = 0; r < articles.size(); ++r)
    local_event[r].assign(articles[r].events.size(), kNone);
  for (uint32_t i = 0; i < refs.size(); ++i) {
    const uint32_t root = events.find(i);
    if (event_of[root] == kNone) {
      event_of[root] = static_cast<uint32_t>(g.events.size());
      const auto& ev = articles[refs[i].article].events[refs[i].local];
      EventNode n;
      n.id = fmt::format("e{}", g.events.size() + 1);
      n.code = ev.code;
      n.label = ev.label;
      g.events.push_back(std::move(n));
    }
    const uint32_t index = event_of[root];
    EventNode& n = g.events[index];
    const auto& a = articles[refs[i].article];
    const auto& ev = a.events[refs[i].local];
    n.source.insert(n.source.end(), refs[i].source.begin(), refs[i].source.end());
    n.target.insert(n.target.end(), refs[i].target.begin(), refs[i].target.end());
    if (n.place.empty() && ev.place) n.place = std::string(a.article.text_of(*ev.place));
    n.confidence = std::max(n.confidence, ev.confidence);
    n.mentions.push_back({refs[i].article, ev.trigger, ev.sentence, ev.time.value, ev.time.basis,
                          std::string(a.article.text_of(ev.sentence))});
    local_event[refs[i].article][refs[i].local] = index;
  }
  for (uint32_t e = 0; e < g.events.size(); ++e) {
    auto& n = g.events[e];
    for (auto* list : {&n.source, &n.target}) {
      sort_unique(*list);
    }
    // A participant is not both.
    n.target.erase(std::remove_if(n.target.begin(), n.target.end(),
                                  [&](uint32_t a) {
                                    return std::binary_search(n.source.begin(), n.source.end(), a);
                                  }),
                   n.target.end());
    choose_date(n, Conflict::Of::Event, e, g.conflicts, inferred);
  }

  // ---- statements ----
  std::vector<FactRef> said;
  for (uint32_t r = 0; r < articles.size(); ++r)
    for (uint32_t s = 0; s < articles[r].statements.size(); ++s) {
      const auto& st = articles[r].statements[s];
      FactRef f;
      f.article = r;
      f.local = s;
      if (st.speaker) f.source = {local_actor[r][*st.speaker]};
      f.range = day_range(st.time.value);
      f.firm = firm_basis(st.time.basis);
      f.quote = normalized_quote(articles[r].article.text_of(st.quote));
      said.push_back(std::move(f));
    }
  UnionFind statements(said.size());
  {
    std::map<uint32_t, std::vector<uint32_t>> by_speaker;
    std::unordered_map<std::string, uint32_t> by_words;  // speaker + words -> first
    for (uint32_t i = 0; i < said.size(); ++i) {
      const uint32_t speaker = said[i].source.empty() ? kNone : said[i].source.front();
      const std::string key = fmt::format("{}|{}", speaker, said[i].quote);
      auto [it, fresh] = by_words.emplace(key, i);
      if (!fresh) {
        statements.join(it->second, i);
        continue;
      }
      if (speaker != kNone) by_speaker[speaker].push_back(i);
    }
    // Partial quotes: one speaker's words inside another report of his (at least four words).
    constexpr size_t kCompared = 400;
    for (auto& [speaker, list] : by_speaker)
      for (size_t i = 0; i < list.size(); ++i) {
        const auto& qi = said[list[i]].quote;
        if (std::count(qi.begin(), qi.end(), ' ') < 3) continue;
        for (size_t j = i; j-- > 0 && i - j <= kCompared;) {
          const auto& qj = said[list[j]].quote;
          if (std::count(qj.begin(), qj.end(), ' ') < 3) continue;
          const bool inside = qi.size() <= qj.size() ? qj.find(qi) != std::string::npos
                                                     : qi.find(qj) != std::string::npos;
          if (inside) statements.join(list[i], list[j]);
        }
      }
  }
  std::vector<uint32_t> statement_of(said.size(), kNone);
  for (uint32_t i = 0; i < said.size(); ++i) {
    const uint32_t root = statements.find(i);
    const auto& a = articles[said[i].article];
    const auto& st = a.statements[said[i].local];
    if (statement_of[root] == kNone) {
      statement_of[root] = static_cast<uint32_t>(g.statements.size());
      StatementNode n;
      n.id = fmt::format("s{}", g.statements.size() + 1);
      n.speaker = said[i].source.empty() ? kNone : said[i].source.front();
      n.verb = st.verb;
      g.statements.push_back(std::move(n));
    }
    StatementNode& n = g.statements[statement_of[root]];
    // The longest report of the words is the quote.
    const std::string words(a.article.text_of(st.quote));
    if (words.size() > n.quote.size()) n.quote = words;
    if (n.speaker == kNone && !said[i].source.empty()) n.speaker = said[i].source.front();
    for (uint32_t x : st.actors) n.about_actors.push_back(local_actor[said[i].article][x]);
    for (uint32_t e : st.events)
      if (const uint32_t ge = local_event[said[i].article][e]; ge != kNone)
        n.about_events.push_back(ge);
    n.mentions.push_back({said[i].article, st.quote, st.sentence, st.time.value, st.time.basis,
                          std::string(a.article.text_of(st.sentence))});
  }
  for (uint32_t s = 0; s < g.statements.size(); ++s) {
    auto& n = g.statements[s];
    for (auto* list : {&n.about_actors, &n.about_events}) {
      sort_unique(*list);
    }
    if (n.speaker != kNone)
      n.about_actors.erase(std::remove(n.about_actors.begin(), n.about_actors.end(), n.speaker),
                           n.about_actors.end());
    choose_date(n, Conflict::Of::Statement, s, g.conflicts, inferred);
  }
  // A large corpus's graph is mostly mentions: no room kept for growth.
  for (auto& n : g.events) n.mentions.shrink_to_fit();
  for (auto& n : g.statements) n.mentions.shrink_to_fit();
  g.link();
  return g;
}

}  // namespace dateline::graph
