// The lexicon's fixed phrases (today, yesterday, the day prior, later in the day, that evening,
// year-end, the eve), references (now, recently, the near future) and set words (daily).
#include "temporal/parsers/parse.h"

namespace dateline::temporal {

namespace {

// Before a noun "daily" is an adjective ("a daily briefing"), not a set.
bool adverb_position(const Scanner& s, size_t next) {
  if (next >= s.size() || s.tok(next).is_punct()) return true;
  for (const std::string_view w :
       {"and",   "or",     "in",      "on",    "at",     "for",  "to",   "from",
        "since", "until",  "by",      "with",  "but",    "as",   "the",  "a",
        "an",    "during", "through", "after", "before", "over", "basis"})
    if (s.text(next) == w) return true;
  return false;
}

// A capitalised word glued to the name before it in a sentence that is not in title case: "told
// USA Today", "This is VOA Today." A headline in title case ("Rates Fall Today") keeps its date.
bool name_part(const Scanner& s, size_t i) {
  if (i == 0 || !s.tok(i).capitalized || s.tok(i).newline_before || !s.is_word(i - 1) ||
      !s.tok(i - 1).capitalized)
    return false;
  const WordInfo& w = s.info(i - 1);
  if (w.month || w.weekday || w.unit != Unit::None || w.before.present) return false;
  const bool lower_after = s.is_word(i + 1) && !s.tok(i + 1).capitalized;
  const bool lower_before = i >= 2 && s.is_word(i - 2) && !s.tok(i - 2).capitalized;
  if (!lower_after && !lower_before) return false;
  // Title case capitalises most words around it ("Oil Prices Climb Today as Talks Stall").
  int words = 0, capitals = 0;
  for (size_t k = i >= 8 ? i - 8 : 0; k < i + 9 && k < s.size(); ++k)
    if (s.is_word(k)) ++words, capitals += s.tok(k).capitalized;
  return capitals * 10 < words * 6;
}

}  // namespace

void parse_phrases(const Scanner& s, std::vector<Draft>& out) {
  std::vector<PhraseHit>& hits = s.hits();
  for (const size_t i : s.triggers()) {
    if (!s.info(i).phrase_start) continue;
    s.phrases_at(i, hits);
    for (const auto& h : hits) {
      const size_t end = i + h.length;
      Draft d = make_draft(i + h.skip, end, "phrase");
      d.priority = 1;
      if (h.kind == PhraseHit::Kind::Fixed) {
        const FixedSpec& f = s.lexicon().fixed()[h.index];
        if (f.only_alone && end < s.size() && s.is_word(end) && !s.tok(end).capitalized) continue;
        if (i > 0 && s.is(i - 1, s.ids().hyphen) && s.glued(i))
          continue;                                      // "non-today" and the like
        if (h.length == 1 && name_part(s, i)) continue;  // "USA Today", "VOA Today"
        d.form = Draft::Form::Shift;
        d.unit = f.unit;
        d.offset = f.offset;
        d.anchor = f.anchor;
        // One word that names the date last mentioned ("[until] then"), whatever its grain.
        d.same_as_previous = h.length - h.skip == 1 && f.anchor == AnchorKind::Previous &&
                             f.offset == 0 && f.part == PartOfDay::None;
        d.mod = f.mod;
        d.point.gran = f.unit;
        d.point.part = f.part;
        if (f.part != PartOfDay::None) d.point.gran = Unit::PartOfDay, d.type = TimexType::kTime;
        if (f.month) d.point.month = f.month, d.point.gran = Unit::Month;
        if (f.day) d.point.day = f.day, d.point.gran = Unit::Day;
        // "yesterday morning", "tomorrow night"
        if (f.unit == Unit::Day && f.part == PartOfDay::None && s.is_word(end) &&
            s.info(end).part != PartOfDay::None && s.text(end).back() != 's') {
          d.point.part = s.info(end).part;
          d.point.gran = Unit::PartOfDay;
          d.type = TimexType::kTime;
          d.last = static_cast<uint32_t>(end + 1);
        }
      } else if (h.kind == PhraseHit::Kind::Reference) {
        if (end < s.size() && s.is(end, s.ids().hyphen) && s.glued(end)) continue;  // "now-defunct"
        // "the past three summers": before a count "past" describes what is counted.
        if (s.is(i, s.ids().the) && (s.is_number(end) || s.info(end).cardinal > 0)) continue;
        d.form = Draft::Form::Ref;
        d.ref = static_cast<Ref>(h.index);
      } else if (h.kind == PhraseHit::Kind::Set) {
        const SetSpec& spec = s.lexicon().sets()[h.index];
        if (spec.adverb_only && !adverb_position(s, end)) continue;
        d.form = Draft::Form::Set;
        if (i > 0 && s.info(i - 1).frequency > 0) {  // "twice daily"
          d.set.times = s.info(i - 1).frequency;
          d.first = static_cast<uint32_t>(i - 1);
        }
        d.type = TimexType::kSet;
        Duration every;
        every.parts.push_back({spec.unit, 1});
        d.set.every = every;
        if (spec.part != PartOfDay::None) {
          Point p;
          p.gran = Unit::PartOfDay;
          p.part = spec.part;
          d.set.pattern = p;
          d.set.every.reset();
        }
      } else if (h.kind == PhraseHit::Kind::NotTemporal) {
        // Takes its words from shorter drafts ("soon" in "as soon as"), then is dropped.
        d.form = Draft::Form::Unresolvable;
        d.weak = true;
      } else {
        continue;
      }
      out.push_back(d);
    }
  }
}

}  // namespace dateline::temporal
