#include "ingest/report.h"

#include <fmt/format.h>

#include "core/text.h"

namespace dateline::ingest {

using nlohmann::json;

json dateline_json(const Dateline& d) {
  json j;
  const std::string v = d.value();
  j["value"] = v.empty() ? json(nullptr) : json(v);
  j["source"] = std::string(to_string(d.source));
  if (!d.note.empty()) j["note"] = d.note;
  if (!d.evidence.empty()) j["evidence"] = {{"start", d.evidence.begin}, {"end", d.evidence.end}};
  return j;
}

json to_json(const Article& a, bool with_text) {
  json j;
  j["article"] = a.id;
  j["file"] = a.file();
  if (a.doc->timeml && !a.doc->timeml_id.empty()) j["doc"] = a.doc->timeml_id;
  if (!a.source().empty()) j["source"] = a.source();
  if (!a.url().empty()) j["url"] = a.url();
  if (!a.title.empty()) j["title"] = a.title;
  j["span"] = {{"start", a.span.begin}, {"end", a.span.end}};
  j["dateline"] = dateline_json(a.dateline);
  if (!a.warning.empty()) j["warning"] = a.warning;
  json ps = json::array();
  for (const auto& p : a.paragraphs) {
    json pj{{"class", std::string(to_string(p.cls))}, {"start", p.span.begin}, {"end", p.span.end}};
    if (p.repeat) pj["repeat"] = true;
    if (with_text) pj["text"] = std::string(a.text_of(p.span));
    ps.push_back(std::move(pj));
  }
  j["paragraphs"] = std::move(ps);
  return j;
}

std::string to_text(const Article& a) {
  std::string out = fmt::format("{}  {}\n", a.id, a.file());
  const std::string v = a.dateline.value();
  out += fmt::format("  dateline  {} ({}{}{})\n", v.empty() ? "unknown" : v,
                     to_string(a.dateline.source), a.dateline.note.empty() ? "" : ": ",
                     a.dateline.note);
  if (!a.warning.empty()) out += fmt::format("  warning   {}\n", a.warning);
  for (const auto& p : a.paragraphs) {
    auto s = a.text_of(p.span);
    std::string shown;
    for (const auto& w : core::text::words(s)) {
      if (shown.size() > 72) {
        shown += " …";
        break;
      }
      shown += (shown.empty() ? "" : " ") + std::string(w.text);
    }
    out += fmt::format("  {:>6}-{:<6} {:<12}{} {}\n", p.span.begin, p.span.end, to_string(p.cls),
                       p.repeat ? "=" : " ", shown);
  }
  return out;
}

}  // namespace dateline::ingest
