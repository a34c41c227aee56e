#include "render/sources.h"

#include <fmt/format.h>

#include "graph/facts.h"
#include "render/escape.h"
#include "temporal/timex3.h"

namespace dateline::render {

namespace {

constexpr size_t kMaxReports = 6;     // reports listed in a tooltip
constexpr size_t kMaxSentence = 280;  // characters of a report's sentence

std::string date_line(const graph::Graph& g, const graph::FactDate& d) {
  if (d.value.kind == temporal::Value::Kind::None) return "Date: unknown";
  std::string line = "Date: " + temporal::timex3_value(d.value);
  switch (standing_of(d)) {
    case Standing::Conflict: {
      line += " (reports disagree:";
      const auto& c = g.conflicts[static_cast<size_t>(d.conflict)];
      for (size_t i = 0; i < c.stated.size(); ++i)
        line += fmt::format("{} {} says {}", i ? ";" : "", g.articles[c.stated[i].article].id,
                            temporal::timex3_value(c.stated[i].date));
      return line + ")";
    }
    case Standing::Inferred:
      return line + " (from an inferred dateline)";
    case Standing::Uncertain:
      return line + " (not stated: the article's date)";
    case Standing::Firm:
      break;
  }
  return line + " (stated in the text)";
}

std::string report_line(const graph::Graph& g, const graph::Mention& m) {
  const auto& a = g.articles[m.article];
  std::string where = a.source.empty() ? a.id : a.source + ", " + a.id;
  if (!a.title.empty()) where += ": " + clean_text(a.title, 120);
  const std::string stated =
      m.date.kind == temporal::Value::Kind::None ? "" : " [" + temporal::timex3_value(m.date) + "]";
  std::string line = "- " + where + stated;
  if (!m.text.empty()) line += "\n  \"" + clean_text(m.text, kMaxSentence) + "\"";
  return line;
}

}  // namespace

Standing standing_of(const graph::FactDate& d) {
  if (d.conflict >= 0) return Standing::Conflict;
  if (d.inferred) return Standing::Inferred;
  if (!graph::firm_basis(d.basis)) return Standing::Uncertain;
  return Standing::Firm;
}

std::string fact_tooltip(const graph::Graph& g, const std::string& title,
                         const graph::FactDate& date, const std::vector<graph::Mention>& mentions) {
  std::string out = title + "\n" + date_line(g, date) + "\nReported in:";
  for (size_t i = 0; i < mentions.size() && i < kMaxReports; ++i)
    out += "\n" + report_line(g, mentions[i]);
  if (mentions.size() > kMaxReports)
    out += fmt::format("\n... and {} more", mentions.size() - kMaxReports);
  return out;
}

std::string fact_url(const graph::Graph& g, const std::vector<graph::Mention>& mentions) {
  for (const auto& m : mentions)
    if (auto url = safe_url(g.articles[m.article].url); !url.empty()) return url;
  return {};
}

std::string names_of(const graph::Graph& g, const std::vector<uint32_t>& actors) {
  std::string out;
  for (uint32_t a : actors) out += (out.empty() ? "" : ", ") + clean_text(g.actors[a].name);
  return out;
}

}  // namespace dateline::render
