#include "graph/infer.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "graph/facts.h"
#include "ingest/article.h"
#include "temporal/timex3.h"

namespace dateline::graph {

namespace {

using temporal::Date;
namespace bg = boost::gregorian;

constexpr long kWeek = 6;  // days a weekday reference may lie before the dateline

// An expression of the undated article whose value another article fixes.
struct Pin {
  core::Span span;            // the timex
  std::set<Date> days;        // what it may resolve to
  std::string text, because;  // for the evidence note
};

bool dated_article(const extract::AnnotatedArticle& a) {
  return a.article.dateline.known() &&
         a.article.dateline.source != ingest::DatelineSource::Inferred;
}

std::optional<Date> single_day(const temporal::Value& v) {
  const auto r = day_range(v);
  if (!r || r->first != r->last) return std::nullopt;
  return r->first;
}

// A date the text states whole ("March 13, 2025"), needing no dateline.
bool absolute(const temporal::Timex& t) {
  return t.resolved && t.anchor == temporal::AnchorKind::None;
}

const temporal::Timex* timex_at(const std::vector<temporal::Timex>& list, core::Span span) {
  for (const auto& t : list)
    if (t.span.begin == span.begin && t.span.end == span.end) return &t;
  return nullptr;
}

// The merged events by CAMEO root category and actor, and each article's event mentions, so
// that an article's evidence is found without going through every event of the corpus.
struct EventIndex {
  std::map<std::pair<std::string, uint32_t>, std::vector<uint32_t>> by_root_actor;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> by_article;  // (event, mention)

  EventIndex(const Graph& g, size_t articles) : by_article(articles) {
    for (uint32_t k = 0; k < g.events.size(); ++k) {
      const auto& e = g.events[k];
      std::vector<uint32_t> who = e.source;
      who.insert(who.end(), e.target.begin(), e.target.end());
      sort_unique(who);
      for (uint32_t a : who) by_root_actor[{e.code.substr(0, 2), a}].push_back(k);
      for (uint32_t m = 0; m < e.mentions.size(); ++m)
        by_article[e.mentions[m].article].push_back({k, m});
    }
  }
};

// The days stated by the dated reports of events like `e` (same root category, participants
// that agree), when there are at most three of them.
std::set<Date> dated_days_like(const Graph& g, const EventIndex& index,
                               const std::vector<extract::AnnotatedArticle>& arts,
                               const EventNode& e, uint32_t self) {
  // Events like it share an actor with it, so they are in the buckets of its actors. An event
  // in two buckets is seen twice, which adds no day.
  std::set<Date> days;
  for (const auto* who : {&e.source, &e.target})
    for (uint32_t a : *who) {
      const auto it = index.by_root_actor.find({e.code.substr(0, 2), a});
      if (it == index.by_root_actor.end()) continue;
      for (uint32_t k : it->second) {
        if (k == self) continue;
        const auto& o = g.events[k];
        if (!participants_agree(e.source, e.target, o.source, o.target)) continue;
        for (const auto& m : o.mentions) {
          if (!dated_article(arts[m.article]) || !firm_basis(m.basis)) continue;
          if (const auto d = single_day(m.date)) days.insert(*d);
          if (days.size() > 3) return {};  // too many like it to say which
        }
      }
    }
  return days;
}

// Keeps the candidate datelines under which every weekday named alone ("Monday", not "last
// Monday") lies at most five days before, when there are some; returns whether that narrowed
// them.
bool prefer_near_weekdays(const core::Pipeline& pipeline, const ingest::Article& article,
                          std::vector<Date>& candidates) {
  constexpr long kNearDays = 5;
  std::vector<Date> near;
  for (const Date& x : candidates) {
    temporal::Reference ref;
    ref.day = x;
    bool ok = true;
    for (const auto& t : pipeline.temporal().annotate(article, ref)) {
      if (t.family != "weekday" || t.rule != "the most recent") continue;
      const auto d = single_day(t.value);
      if (d && (x - *d).days() > kNearDays) ok = false;
    }
    if (ok) near.push_back(x);
  }
  if (near.empty() || near.size() == candidates.size()) return false;
  candidates = std::move(near);
  return true;
}

}  // namespace

std::vector<uint32_t> infer_datelines(std::vector<extract::AnnotatedArticle>& articles,
                                      const Graph& merged, const core::Pipeline& pipeline) {
  std::vector<uint32_t> changed;
  const EventIndex index(merged, articles.size());
  for (uint32_t r = 0; r < articles.size(); ++r) {
    auto& a = articles[r];
    const auto& dl = a.article.dateline;
    if (dl.known() || dl.is_interval()) continue;
    // ---- the evidence ----
    std::vector<Pin> pins;
    std::optional<Date> caption_day;  // the latest absolute day of a caption
    for (const auto& t : a.timexes) {
      if (!absolute(t) || t.paragraph >= a.article.paragraphs.size()) continue;
      if (a.article.paragraphs[t.paragraph].cls != ingest::ParagraphClass::Caption) continue;
      if (const auto d = single_day(t.value); d && (!caption_day || *d > *caption_day))
        caption_day = d;
    }
    for (const auto& [k, mention] : index.by_article[r]) {
      const auto& e = merged.events[k];
      const auto& m = e.mentions[mention];
      // This article's own expression for the event's time.
      const extract::Event* own = nullptr;
      for (const auto& ev : a.events)
        if (ev.trigger.begin == m.span.begin && ev.trigger.end == m.span.end) own = &ev;
      if (!own || own->time.timex < 0) continue;
      const auto& t = a.timexes[static_cast<size_t>(own->time.timex)];
      if (absolute(t)) continue;  // it needs no dateline
      auto days = dated_days_like(merged, index, articles, e, k);
      if (days.empty()) continue;
      Pin p;
      p.span = t.span;
      p.days = std::move(days);
      p.text = std::string(a.article.text_of(t.span));
      p.because = e.label;
      pins.push_back(std::move(p));
    }
    if (pins.empty() && !caption_day) continue;
    std::optional<Date> lo = caption_day;
    for (const auto& p : pins)
      if (!lo || *p.days.begin() > *lo) lo = *p.days.begin();
    // ---- the candidates ----
    std::vector<Date> feasible;
    for (long k = 0; k <= kWeek; ++k) {
      const Date x = *lo + bg::days(k);
      temporal::Reference ref;
      ref.day = x;
      const auto timexes = pipeline.temporal().annotate(a.article, ref);
      bool ok = true;
      for (const auto& p : pins) {
        const auto* t = timex_at(timexes, p.span);
        const auto d = t ? single_day(t->value) : std::nullopt;
        if (!d || !p.days.count(*d)) ok = false;
      }
      // Days named against the dateline lie in the week that ends on it, and not before the
      // photographs.
      for (const auto& t : timexes) {
        if (!ok) break;
        if (t.anchor != temporal::AnchorKind::Dateline) continue;
        const auto d = single_day(t.value);
        if (!d || *d > x) continue;  // the future, or coarser than a day
        if ((x - *d).days() > kWeek) ok = false;
        if (caption_day && *d < *caption_day) ok = false;
      }
      if (ok) feasible.push_back(x);
    }
    if (feasible.empty()) continue;
    // News names a day of the last six by its weekday alone ("on Monday"); six days back it
    // mostly says "last Monday". Candidates where no bare weekday lies that far are preferred.
    const bool near = prefer_near_weekdays(pipeline, a.article, feasible);
    std::vector<std::string> evidence;
    for (const auto& p : pins) {
      std::vector<std::string> ds;
      for (const auto& d : p.days) ds.push_back(ingest::format_date(d));
      evidence.push_back(fmt::format("'{}' ({}) is {} in dated reports of the same event", p.text,
                                     p.because, fmt::join(ds, " or ")));
    }
    if (caption_day)
      evidence.push_back(
          fmt::format("a caption dates a photograph {}", ingest::format_date(*caption_day)));
    ingest::Dateline inferred;
    inferred.source = ingest::DatelineSource::Inferred;
    if (near) evidence.push_back("a weekday alone names one of the five days before the dateline");
    if (feasible.size() == 1) {
      inferred.day = feasible.front();
    } else {
      inferred.earliest = feasible.front();
      inferred.latest = feasible.back();
      evidence.push_back("days named by weekday lie within a week of the dateline");
    }
    inferred.note = fmt::format("inferred: {}", fmt::join(evidence, "; "));
    ingest::Article article = a.article;
    article.dateline = inferred;
    a = pipeline.annotate(std::move(article));
    changed.push_back(r);
  }
  return changed;
}

}  // namespace dateline::graph
