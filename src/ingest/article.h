#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "core/span.h"

namespace dateline::ingest {

using Date = boost::gregorian::date;

enum class ParagraphClass : uint8_t {
  Body,
  Headline,
  Caption,
  Credit,
  Byline,
  RelatedLink,
  Embed,
  Boilerplate,
};
std::string_view to_string(ParagraphClass c);
std::optional<ParagraphClass> paragraph_class_from(std::string_view name);

struct Paragraph {
  core::Span span;
  ParagraphClass cls = ParagraphClass::Body;
  bool repeat = false;  // the same text stood earlier in the article: counted once
};

enum class DatelineSource : uint8_t {
  Unknown,
  Manifest,  // the manifest's `published`
  Header,    // a line "date YYYY-MM-DD"
  Wire,      // a wire-style opening: "MOSCOW, March 2 (Reuters) —"
  TimeML,    // the DCT of a TimeML file
  Given,     // --dct on the command line
  Inferred,  // from evidence elsewhere (graph stage)
};
std::string_view to_string(DatelineSource s);

// When the article was written: a day, or an interval (earliest..latest) when only that much is
// known, or nothing. A wire-style date without a year keeps its month and day.
struct Dateline {
  DatelineSource source = DatelineSource::Unknown;
  std::optional<Date> day;
  std::optional<Date> earliest, latest;  // an interval, when day is unknown
  int month = 0, day_of_month = 0;       // month and day known without a year
  core::Span evidence;                   // the text that gave it (header, wire opening)
  std::string note;                      // how it was found, in words

  bool known() const { return day.has_value(); }
  bool is_interval() const { return !day && earliest && latest; }
  // "2026-03-02", "2026-03" (a whole month), "2026" (a whole year), "2026-02-27/2026-03-04",
  // "XXXX-03-02", or "" when unknown.
  std::string value() const;
};

// One input file: the text every offset refers to (the file's bytes, or for TimeML the
// character content of its TEXT element) and what the manifest says about it.
struct Document {
  std::string path;  // as given or found
  std::string text;
  bool timeml = false;
  std::string timeml_id;           // DOCID of a TimeML file
  std::optional<Date> timeml_dct;  // its document creation time
  std::string manifest_source, manifest_url, manifest_title;
  std::optional<Date> manifest_day;                        // published, when a full date
  std::optional<Date> manifest_earliest, manifest_latest;  // published as a year or month
  std::string manifest_published;                          // as written
  int manifest_line = 0;
  bool replaced_invalid = false;  // ill-formed UTF-8 was replaced by U+FFFD
};

struct Article {
  std::string id;
  std::shared_ptr<const Document> doc;
  core::Span span;  // the article within doc->text
  std::vector<Paragraph> paragraphs;
  Dateline dateline;
  std::string title;    // the manifest's, else the first headline
  std::string warning;  // e.g. the manifest and a header line disagree

  std::string_view text() const { return doc->text; }
  std::string_view text_of(core::Span s) const { return s.of(doc->text); }
  const std::string& file() const { return doc->path; }
  const std::string& source() const { return doc->manifest_source; }
  const std::string& url() const { return doc->manifest_url; }
};

std::string format_date(const Date& d);  // YYYY-MM-DD

}  // namespace dateline::ingest
