#pragma once
#include <vector>

#include "temporal/parsers/parse.h"
#include "temporal/timex.h"

namespace dateline::temporal {

// A draft placed in its article: its byte span, its paragraph, and the stream of dates it
// belongs to. Body and headline paragraphs share stream 0 (one story told in order); a
// caption, related link or embedded post is a stream of its own, since its dates do not
// continue the story's.
struct PlacedDraft {
  Draft draft;
  core::Span span;
  uint32_t paragraph = 0;
  uint32_t stream = 0;
};

// Walks an article's drafts in reading order, feeding each resolved date forward: deictic
// expressions resolve against the reference, anaphoric ones against the last date of their
// stream at a compatible granularity. Against an interval of candidate datelines every
// candidate is tried and a value is kept only where they all agree.
std::vector<Timex> resolve(const std::vector<PlacedDraft>& drafts, const Reference& ref);

}  // namespace dateline::temporal
