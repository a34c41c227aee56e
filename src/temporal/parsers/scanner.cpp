#include <algorithm>

#include "temporal/parsers/parse.h"

namespace dateline::temporal {

Scanner::Ids Scanner::make_ids(const Lexicon& lex) {
  const auto id = [&](std::string_view w) { return lex.id(w); };
  return {id("the"),        id("of"),
          id("in"),         id("on"),
          id("at"),         id("by"),
          id("and"),        id("or"),
          id("to"),         id("s"),
          id("fiscal"),     id("year"),
          id("from"),       id("since"),
          id("until"),      id("through"),
          id("during"),     id("for"),
          id("within"),     id("o"),
          id("clock"),      id("half"),
          id("quarter"),    id("x"),
          id("times"),      id("local"),
          id("time"),       id("than"),
          id("ago"),        id("early"),
          id("late"),       id("mid"),
          id("over"),       id("after"),
          id("latest"),     id("recent"),
          id("comparable"), id("corresponding"),
          id("same"),       id("current"),
          id("period"),     id("ended"),
          id("ending"),     id("earlier"),
          id("later"),      id("last"),
          id("final"),      id("-"),
          id("."),          id(","),
          id("'"),          id("/"),
          id(":"),          id("("),
          id(")"),          id("\"")};
}

Scanner::Scanner(std::string_view text, const std::vector<core::Token>& tokens, const Lexicon& lex,
                 const Ids& ids, std::vector<uint32_t>& triggers)
    : text_(text), tokens_(tokens), lex_(lex), ids_(ids), triggers_(triggers) {
  // Without a branch: whether a token is a trigger follows no pattern a predictor could learn.
  triggers_.resize(tokens.size());
  size_t n = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    triggers_[n] = static_cast<uint32_t>(i);
    n += lex.trigger(tokens[i]);
  }
  triggers_.resize(n);
}

std::optional<Scanner::Count> Scanner::count_at(size_t i) const {
  if (i >= size()) return std::nullopt;
  Count c;
  if (is_number(i)) {
    // Not a part of a larger number: "2,000", "1.5" handled below, "10:35".
    if (i > 0 && glued(i) &&
        (is(i - 1, ids_.comma) || is(i - 1, ids_.dot) || is(i - 1, ids_.colon) || is_number(i - 1)))
      return std::nullopt;
    if (is(i + 1, ids_.comma) && glued(i + 1) && is_number(i + 2) && glued(i + 2) &&
        digits(i + 2) == 3)
      return std::nullopt;
    if (digits(i) > 6) return std::nullopt;
    // "the 1988 quarter": a year, not a count.
    if (digits(i) == 4 && number(i) >= 1000 && info(i + 1).unit != Unit::None &&
        !info(i + 1).plural)
      return std::nullopt;
    c.value = static_cast<int>(number(i));
    c.length = 1;
    // "1.5 hours"
    if (is(i + 1, ids_.dot) && glued(i + 1) && is_number(i + 2) && glued(i + 2) &&
        digits(i + 2) <= 2) {
      c.fraction = number(i + 2) / (digits(i + 2) == 1 ? 10.0 : 100.0);
      c.length = 3;
    }
    // "2 1/2 years"
    if (is_number(i + 1) && is(i + 2, ids_.slash) && glued(i + 2) && is_number(i + 3) &&
        glued(i + 3) && number(i + 3) > 0) {
      c.fraction = double(number(i + 1)) / number(i + 3);
      c.length = 4;
    }
    return c;
  }
  const WordInfo& w = info(i);
  if (w.cardinal < 0) return std::nullopt;
  size_t k = i;
  // "a few", "a couple of", "a dozen"
  if (w.cardinal == 1 && info(i + 1).cardinal >= 0 && !is_number(i + 1)) {
    const auto next = text(i + 1);
    if (info(i + 1).cardinal == 0 || next == "couple" || next == "dozen") k = i + 1;
  }
  const WordInfo& head = info(k);
  c.value = head.cardinal;
  c.unknown = head.cardinal == 0;
  ++k;
  // "twenty-five", "twenty five", "one hundred"
  if (c.value >= 20 && c.value < 100 && c.value % 10 == 0) {
    size_t j = k;
    if (is(j, ids_.hyphen) && glued(j)) ++j;
    if (info(j).cardinal >= 1 && info(j).cardinal <= 9 && !is(j, lex_.id("a")) &&
        !is(j, lex_.id("an"))) {
      c.value += info(j).cardinal;
      k = j + 1;
    }
  }
  if (info(k).cardinal == 100 || info(k).cardinal == 1000) {
    c.value = (c.value == 0 ? 1 : c.value) * info(k).cardinal;
    ++k;
  }
  if (is(k, ids_.of) && (head.cardinal == 2 || c.unknown)) ++k;  // "a couple of", "dozens of"
  c.length = k - i;
  return c;
}

Draft make_draft(size_t first, size_t last, const char* family, Draft::Form form, TimexType type) {
  Draft d;
  d.first = static_cast<uint32_t>(first);
  d.last = static_cast<uint32_t>(last);
  d.family = family;
  d.form = form;
  d.type = type;
  return d;
}

Draft time_of_day_draft(size_t first, size_t last, int hour, int minute, Unit gran) {
  Draft d = make_draft(first, last, "clock", Draft::Form::Shift, TimexType::kTime);
  d.anchor = AnchorKind::Previous;
  d.unit = Unit::Day;
  d.clock = hour != kUnknown;
  d.point.hour = hour;
  d.point.minute = minute;
  d.point.gran = gran;
  return d;
}

Draft duration_draft(size_t first, size_t last, Unit unit, double amount) {
  Draft d = make_draft(first, last, "duration", Draft::Form::Duration, TimexType::kDuration);
  if (unit == Unit::Weekend) unit = Unit::Week;
  if (unit == Unit::Quarter) {  // three months each: "the next three quarters" is P9M
    unit = Unit::Month;
    if (amount != kUnknown) amount *= 3;
  }
  d.duration.parts.push_back({unit, amount});
  return d;
}

bool Scanner::sentence_break(size_t i) const {
  const auto& t = tok(i);
  if (!t.is_punct()) return false;
  const auto ch = text(i);
  if (ch == ";" || ch == "?" || ch == "!") return true;
  if (ch != ".") return false;
  // Not after an initial or an abbreviation: "Daniel P. Davison", "Mr. Putin", "Sept. 30".
  if (i > 0 && is_word(i - 1) &&
      (info(i - 1).abbreviation || (tok(i - 1).size() == 1 && tok(i - 1).capitalized)))
    return false;
  size_t next = i + 1;
  while (next < size() && tok(next).is_punct() &&
         (is(next, ids_.quote) || is(next, ids_.apostrophe) || is(next, ids_.rparen)))
    ++next;  // closing quotes: `said so." Then`
  return next >= size() || (tok(next).capitalized && (tok(next).space_before || next > i + 1));
}

namespace {

// Words after "to" that are not verbs: a date word, or one of the lexicon's not_verbs_after_to
// ("to the", "to his", "to officials").
bool not_a_verb(const Scanner& s, size_t i) {
  const WordInfo& w = s.info(i);
  return w.month || w.weekday || w.unit != Unit::None || w.cardinal >= 0 || w.ordinal ||
         w.season != Season::None || w.part != PartOfDay::None || w.not_verb_after_to;
}

// +1 when a future cue starts at token j, -1 for a past cue, 0 for neither.
int cue_at(const Scanner& s, size_t j, std::vector<PhraseHit>& hits) {
  // An auxiliary in the past before a cue puts it in the past: "was expected to".
  const bool after_past_auxiliary = j > 0 && s.info(j - 1).past_auxiliary;
  // A capitalised month is no modal: "In May" is not "may".
  if (s.info(j).future_cue_start && !(s.tok(j).capitalized && s.info(j).month)) {
    s.phrases_at(j, hits);
    for (const auto& h : hits) {
      if (h.kind != PhraseHit::Kind::FutureCue) continue;
      // "may have been", "would have": a modal with "have" looks back.
      if (h.length == 1 && s.text(j + 1) == "have") return -1;
      return after_past_auxiliary ? -1 : 1;
    }
  }
  if (!s.is_word(j)) return 0;
  const auto w = s.text(j);
  if (s.info(j).past_cue)
    return j > 0 && (s.text(j - 1) == "be" || s.text(j - 1) == "being") ? 0 : -1;  // "will be held"
  // An infinitive looks ahead: "agreed to buy it in February", "a program to pay it down by May";
  // unless what it depends on is in the past perfect or the passive past ("had planned to").
  if (w == "to" && s.is_word(j + 1) && !s.tok(j + 1).capitalized && j > 0 &&
      !s.info(j - 1).to_preposition && !not_a_verb(s, j + 1)) {
    if (j >= 2 && (s.text(j - 2) == "had" || s.text(j - 2) == "was" || s.text(j - 2) == "were"))
      return -1;
    // "had been scheduled to expire Friday": the past perfect passive.
    if (j >= 3 && s.text(j - 2) == "been" && s.text(j - 3) == "had") return -1;
    return 1;
  }
  if (w.size() >= 4 && w.substr(w.size() - 2) == "ed" && !s.tok(j).capitalized &&
      !s.info(j).not_past_form) {
    // A participle after a determiner or an adverb ("a still unspecified date") or in the
    // passive ("to be published") leaves the tense to something else.
    if (j > 0 && s.info(j - 1).participle_marker) return 0;
    return -1;
  }
  return 0;
}

}  // namespace

bool future_clause(const Scanner& s, size_t first, size_t last) {
  std::vector<PhraseHit>& hits = s.hits();
  if (first > 0 && s.info(first - 1).origin) return false;    // "since March"
  if (first > 0 && s.info(first - 1).effective) return true;  // "effective June 1"
  // Back to the start of the sentence, or 40 tokens at most: a clause is not longer.
  for (size_t j = first; j-- > 0 && j + 40 >= first;) {
    if (s.sentence_break(j)) break;
    if (const int c = cue_at(s, j, hits)) return c > 0;
  }
  // No tense before it: a deadline looks ahead ("due Thursday", "by February").
  if (first > 0 && s.info(first - 1).deadline) return true;
  for (size_t j = last; j < s.size() && j < last + 6; ++j) {
    if (s.sentence_break(j)) break;
    if (const int c = cue_at(s, j, hits)) return c > 0;
  }
  return false;
}

}  // namespace dateline::temporal
