#pragma once
#include <string_view>
#include <vector>

#include "core/span.h"
#include "ingest/article.h"
#include "ingest/layout_cues.h"

namespace dateline::ingest {

// A piece of text that gets one class: a paragraph, a line of a block of short lines, or the
// part of a line that a header or a photo credit was split from.
struct Unit {
  enum class Kind : uint8_t { Text, Header, Credit };
  core::Span span;
  int gap_before = 0;  // blank lines before this unit (0 inside a block)
  int block = 0;       // the block (run of non-blank lines) it belongs to
  int lines_in_block = 1;
  Kind kind = Kind::Text;
  bool had_credit = false;  // a photo credit was split off its end: it is a caption
};

// Splits [range) of text into units. Blocks are separated by blank lines; a block whose lines
// all have about the same width (hard-wrapped prose) is one unit, any other block gives a unit
// per line. A leading header ("date 2026-03-04 ...") and a trailing photo credit are split off.
std::vector<Unit> segment(std::string_view text, core::Span range, const LayoutCues& cues);

// Classifies the units of one article (see ParagraphClass) and marks repeated ones.
std::vector<Paragraph> classify(std::string_view text, const std::vector<Unit>& units,
                                const LayoutCues& cues);

// Length of a header "date YYYY-MM-DD" at the start of s, or 0.
size_t header_length(std::string_view s, const LayoutCues& cues);
// Where a photo credit at the end of s starts, or npos.
size_t trailing_credit(std::string_view s, const LayoutCues& cues);

// No final full stop, 3 to 30 words, starts with a capital: a headline, if it stands first.
bool headline_shaped(std::string_view s);
// Looks like running prose: ends a sentence and has several words.
bool prose_shaped(std::string_view s);

// A person named in a credit or byline.
struct CreditedPerson {
  core::Span name;
  bool photographer = false;  // else the author
};
// The people a credit or byline paragraph names (not the agencies and outlets).
std::vector<CreditedPerson> credited_people(std::string_view text, const Paragraph& p,
                                            const LayoutCues& cues);

}  // namespace dateline::ingest
