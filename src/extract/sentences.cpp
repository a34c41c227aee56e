// Sentences that survive news text: abbreviations ("U.S.", "Mr.", "Jan.", "a.m.", "Gen."),
// initials, quotes ending a sentence (`said so." Then`), headlines and captions without a final
// stop, and dates glued to words ("Zelenskyy28.02.26": no space after the stop, no break).
#include "extract/context.h"

namespace dateline::extract {

namespace {

// A sentence never runs longer: text without stops (a 10 MB paragraph) is cut into pieces of
// this many tokens, so that the work done per sentence (clauses, nearest dates) stays bounded.
constexpr size_t kMaxSentenceTokens = 250;

bool closer(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 ||
         cp == 0xBB;
}

bool opener(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == '(' || cp == 0x2018 || cp == 0xAB;
}

// Whether a sentence ends after token i of the paragraph [first, last).
bool ends_at(const Context& c, size_t i, size_t last) {
  const char32_t cp = c.mark(i);
  if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026) return false;
  if (cp == '.' && i > 0 && c.tokens[i - 1].is_word() &&
      (c.facts(i - 1).abbreviation || (c.tokens[i - 1].size() == 1 && c.capitalized(i - 1))))
    return false;  // "Mr.", "U.S.", "J."
  size_t next = i + 1;
  while (next < last && closer(c.mark(next))) ++next;
  if (next >= last) return true;
  const auto& t = c.tokens[next];
  if (!t.space_before && next == i + 1) return false;  // "28.02.26", "1.5"
  return t.capitalized || t.is_number() || opener(c.mark(next));
}

}  // namespace

void split_sentences(Context& c) {
  auto& sentences = c.out.sentences;
  c.sentence_of.assign(c.size(), 0);
  size_t i = 0;
  while (i < c.size()) {
    const uint32_t paragraph = c.paragraph_of[i];
    size_t last = i;
    while (last < c.size() && c.paragraph_of[last] == paragraph) ++last;
    size_t start = i;
    for (size_t k = i; k < last; ++k) {
      if (k + 1 < last && !ends_at(c, k, last) && k + 1 - start < kMaxSentenceTokens) continue;
      size_t end = k + 1;
      while (end < last && closer(c.mark(end)) && k + 1 < last) ++end;  // the closing quote stays
      Sentence s;
      s.paragraph = paragraph;
      s.first_token = static_cast<uint32_t>(start);
      s.last_token = static_cast<uint32_t>(end);
      s.span = {c.tokens[start].begin, c.tokens[end - 1].end};
      for (size_t t = start; t < end; ++t)
        c.sentence_of[t] = static_cast<uint32_t>(sentences.size());
      sentences.push_back(s);
      start = end;
      k = end - 1;
    }
    i = last;
  }
}

}  // namespace dateline::extract
