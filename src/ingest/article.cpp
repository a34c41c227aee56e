#include "ingest/article.h"

#include <array>

#include <fmt/format.h>

namespace dateline::ingest {

namespace {
constexpr std::array<std::string_view, 8> kClassNames = {
    "body", "headline", "caption", "credit", "byline", "related-link", "embed", "boilerplate"};
}

std::string_view to_string(ParagraphClass c) {
  return kClassNames[static_cast<size_t>(c)];
}

std::optional<ParagraphClass> paragraph_class_from(std::string_view name) {
  for (size_t i = 0; i < kClassNames.size(); ++i)
    if (kClassNames[i] == name) return static_cast<ParagraphClass>(i);
  return std::nullopt;
}

std::string_view to_string(DatelineSource s) {
  switch (s) {
    case DatelineSource::Unknown:
      return "unknown";
    case DatelineSource::Manifest:
      return "manifest";
    case DatelineSource::Header:
      return "header";
    case DatelineSource::Wire:
      return "wire";
    case DatelineSource::TimeML:
      return "timeml";
    case DatelineSource::Given:
      return "given";
    case DatelineSource::Inferred:
      return "inferred";
  }
  return "unknown";
}

std::string format_date(const Date& d) {
  return fmt::format("{:04}-{:02}-{:02}", int(d.year()), int(d.month()), int(d.day()));
}

std::string Dateline::value() const {
  if (day) return format_date(*day);
  if (earliest && latest) {
    const Date& a = *earliest;
    const Date& b = *latest;
    if (a.day() == 1 && b == b.end_of_month()) {
      if (a.month() == 1 && b.month() == 12 && a.year() == b.year())
        return fmt::format("{:04}", int(a.year()));
      if (a.month() == b.month() && a.year() == b.year())
        return fmt::format("{:04}-{:02}", int(a.year()), int(a.month()));
    }
    return format_date(a) + "/" + format_date(b);
  }
  if (month > 0 && day_of_month > 0) return fmt::format("XXXX-{:02}-{:02}", month, day_of_month);
  return {};
}

}  // namespace dateline::ingest
