#include "extract/json.h"

#include <nlohmann/json.hpp>

#include "ingest/report.h"
#include "temporal/timex3.h"

namespace dateline::extract {

using nlohmann::json;

namespace {

json span_json(const core::Span& s) {
  return {{"start", s.begin}, {"end", s.end}};
}

json span_text(std::string_view text, const core::Span& s) {
  json j = span_json(s);
  j["text"] = std::string(s.of(text));
  return j;
}

json ids(const AnnotatedArticle& a, const std::vector<uint32_t>& actors) {
  json out = json::array();
  for (uint32_t x : actors) out.push_back(a.actors[x].id);
  return out;
}

std::string_view credit_name(CreditRole r) {
  return r == CreditRole::Photographer ? "photographer" : r == CreditRole::Author ? "author" : "";
}

}  // namespace

json time_json(const EventTime& t) {
  json j;
  j["value"] = t.value.kind == temporal::Value::Kind::None ? json(nullptr)
                                                           : json(temporal::timex3_value(t.value));
  j["timex"] =
      t.timex >= 0 ? json(temporal::timex_id(static_cast<size_t>(t.timex))) : json(nullptr);
  j["basis"] = t.basis;
  return j;
}

json article_json(const AnnotatedArticle& a) {
  const auto& art = a.article;
  const std::string_view text = art.text();
  json j;
  j["article"] = art.id;
  j["file"] = art.file();
  if (art.doc->timeml && !art.doc->timeml_id.empty()) j["doc"] = art.doc->timeml_id;
  if (!art.source().empty()) j["source"] = art.source();
  if (!art.url().empty()) j["url"] = art.url();
  if (!art.title.empty()) j["title"] = art.title;
  j["span"] = span_json(art.span);
  j["dateline"] = ingest::dateline_json(art.dateline);
  if (!art.warning.empty()) j["warning"] = art.warning;
  j["timex"] = temporal::timexes_json(text, a.timexes);

  json actors = json::array();
  for (const auto& actor : a.actors) {
    json x{{"id", actor.id},
           {"name", actor.name},
           {"kind", std::string(to_string(actor.kind))},
           {"aliases", actor.names}};
    if (actor.known) x["known"] = true;
    if (actor.media) x["media"] = true;
    if (actor.generic) x["generic"] = true;
    if (!actor.roles.empty()) x["roles"] = actor.roles;
    if (!actor.affiliations.empty()) x["affiliations"] = actor.affiliations;
    if (!actor.country.empty()) x["country"] = actor.country;
    if (actor.credit != CreditRole::None) x["credit"] = std::string(credit_name(actor.credit));
    json mentions = json::array();
    for (uint32_t m : actor.mentions) {
      const auto& mention = a.mentions[m];
      json mj = span_json(mention.span);
      if (mention.via != Via::Name) mj["via"] = std::string(to_string(mention.via));
      mentions.push_back(std::move(mj));
    }
    x["mentions"] = std::move(mentions);
    actors.push_back(std::move(x));
  }
  j["actors"] = std::move(actors);

  json events = json::array();
  for (size_t e = 0; e < a.events.size(); ++e) {
    const auto& ev = a.events[e];
    json x{{"id", "e" + std::to_string(e + 1)},
           {"cameo", ev.code},
           {"label", ev.label},
           {"trigger", span_text(text, ev.trigger)},
           {"source", ids(a, ev.source)},
           {"target", ids(a, ev.target)},
           {"time", time_json(ev.time)},
           {"sentence", span_json(ev.sentence)},
           {"confidence", ev.confidence}};
    if (ev.place) x["place"] = span_text(text, *ev.place);
    events.push_back(std::move(x));
  }
  j["events"] = std::move(events);

  json statements = json::array();
  for (size_t s = 0; s < a.statements.size(); ++s) {
    const auto& st = a.statements[s];
    std::string quote;
    for (const auto& part : st.parts)
      quote += (quote.empty() ? "" : " ") + std::string(part.of(text));
    json q = span_json(st.quote);
    q["text"] = quote;
    json x{{"id", "s" + std::to_string(s + 1)},
           {"speaker", st.speaker ? json(a.actors[*st.speaker].id) : json(nullptr)},
           {"quote", std::move(q)},
           {"verb", st.verb},
           {"time", time_json(st.time)},
           {"sentence", span_json(st.sentence)},
           {"actors", ids(a, st.actors)}};
    if (st.partial) x["partial"] = true;
    if (st.parts.size() > 1) {
      json parts = json::array();
      for (const auto& p : st.parts) parts.push_back(span_json(p));
      x["parts"] = std::move(parts);
    }
    json evs = json::array();
    for (uint32_t e : st.events) evs.push_back("e" + std::to_string(e + 1));
    x["events"] = std::move(evs);
    statements.push_back(std::move(x));
  }
  j["statements"] = std::move(statements);

  json credits = json::array();
  for (const auto& c : a.credits) {
    json x = span_json(c.span);
    x["actor"] = a.actors[c.actor].id;
    x["role"] = std::string(credit_name(c.role));
    credits.push_back(std::move(x));
  }
  j["credits"] = std::move(credits);
  return j;
}

}  // namespace dateline::extract
