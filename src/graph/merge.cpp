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
  int best = -1;
  size_t best_support = 0;
  long best_width = 0;
  std::vector<std::optional<DayRange>> ranges(ms.size());
  for (size_t i = 0; i < ms.size(); ++i) ranges[i] = day_range(ms[i].date);
  for (size_t i = 0; i < ms.size(); ++i) {
    if (!firm_basis(ms[i].basis) || !ranges[i]) continue;
    size_t support = 0;
    for (size_t j = 0; j < ms.size(); ++j)
      if (firm_basis(ms[j].basis) && ranges[j] && contains(*ranges[j], *ranges[i])) ++support;
    const long width = (ranges[i]->last - ranges[i]->first).days();
    if (best < 0 || support > best_support || (support == best_support && width < best_width)) {
      best = static_cast<int>(i);
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
    if (firm_basis(ms[i].basis) && ranges[i] && gap_days(*ranges[i], r) > 0) disagree = true;
  if (!disagree) return;
  Conflict c;
  c.of = of;
  c.index = index;
  for (size_t i = 0; i < ms.size(); ++i)
    if (firm_basis(ms[i].basis) && ranges[i]) c.stated.push_back({ms[i].article, ms[i].date});
  node.date.conflict = static_cast<int>(conflicts.size());
  conflicts.push_back(std::move(c));
}

std::vector<uint32_t> all_of(const FactRef& f) {
  std::vector<uint32_t> out = f.source;
  out.insert(out.end(), f.target.begin(), f.target.end());
  return out;
}

// Whether two event mentions report one event.
bool same_event(const FactRef& a, const FactRef& b, int window) {
  if (a.root != b.root) return false;
  const bool targets = !a.target.empty() && !b.target.empty();
  if (!participants_agree(a.source, a.target, b.source, b.target)) return false;
  // Sources may disagree ("the killing of X" by one outlet's account or another's): the target
  // and the date decide.
  if (!a.range || !b.range) return false;
  if (a.firm && b.firm) {
    const long gap = gap_days(*a.range, *b.range);
    // Without a target, an act is only the same when on the same day ("Putin said").
    return targets ? gap <= window : gap == 0;
  }
  // A date that fell back on the dateline says only "by then": the other report's date may be
  // up to a month before it (a day, without a target), never after.
  const FactRef& weak = a.firm ? b : a;
  const FactRef& other = a.firm ? a : b;
  if (other.range->first > weak.range->last)
    return !other.firm && gap_days(*a.range, *b.range) == 0;
  const long before = (weak.range->first - other.range->last).days();
  return before <= (targets ? kStaleDays : 1);
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
  UnionFind events(refs.size());
  {
    // Candidates share a root category and an actor; within a bucket, in date order, each is
    // compared with those at most the window before it.
    std::map<std::pair<std::string, uint32_t>, std::vector<uint32_t>> buckets;
    for (uint32_t i = 0; i < refs.size(); ++i)
      for (uint32_t a : all_of(refs[i])) buckets[{refs[i].root, a}].push_back(i);
    for (auto& [key, list] : buckets) {
      std::stable_sort(list.begin(), list.end(), [&](uint32_t x, uint32_t y) {
        const auto& rx = refs[x].range;
        const auto& ry = refs[y].range;
        if (rx.has_value() != ry.has_value()) return rx.has_value();
        return rx && ry && rx->first < ry->first;
      });
      for (size_t i = 0; i < list.size(); ++i) {
        if (!refs[list[i]].range) break;
        for (size_t j = i; j-- > 0;) {
          if ((refs[list[i]].range->first - refs[list[j]].range->first).days() >
              options.window_days + 366)
            break;  // far before, even for a year-wide range
          if (same_event(refs[list[i]], refs[list[j]], options.window_days))
            events.join(list[i], list[j]);
        }
      }
    }
  }
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
    n.mentions.push_back({refs[i].article, ev.trigger, ev.sentence, ev.time.value, ev.time.basis});
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
    n.mentions.push_back({said[i].article, st.quote, st.sentence, st.time.value, st.time.basis});
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
  g.link();
  return g;
}

}  // namespace dateline::graph
