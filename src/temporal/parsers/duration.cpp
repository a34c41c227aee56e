// Durations: "four years", "nine days", "a 30-day ceasefire" (30-day), "two-year", "2 1/2 years",
// "a year and a half", "the past two months", "the first nine months", "the next few days",
// "for weeks", "recent years". Approximations ("more than four hours") come from refine().
#include "temporal/parsers/parse.h"

namespace dateline::temporal {

namespace {

bool is_function_word(const Scanner& s, size_t i) {
  const auto& ids = s.ids();
  return s.is(i, ids.for_) || s.is(i, ids.in) || s.is(i, ids.within) || s.is(i, ids.over) ||
         s.is(i, ids.after);
}

// A count and a unit at i: "four years", "30-day", "a year and a half", "one and a half hours".
void count_unit(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto c = s.count_at(i);
  if (!c) return;
  const auto& ids = s.ids();
  size_t j = i + c->length;
  double fraction = c->fraction;
  // "one and a half years"
  if (s.is(j, ids.and_) && s.info(j + 1).cardinal == 1 && s.is(j + 2, ids.half)) {
    fraction = 0.5;
    j += 3;
  }
  bool adjective = false;
  if (s.is(j, ids.hyphen) && s.glued(j) && s.glued(j + 1)) {  // "30-day", "two-year"
    ++j;
    adjective = true;
  }
  if (!adjective && s.info(j).duration_filler && s.info(j + 1).unit != Unit::None)
    ++j;  // "eight trading days"
  if (!s.is_word(j)) return;
  const WordInfo& w = s.info(j);
  // "a fortnight": a word that counts several units.
  if (w.multiple && !adjective) {
    out.push_back(
        duration_draft(i, j + 1, w.multiple_of,
                       c->unknown ? double(kUnknown) : (c->value + fraction) * w.multiple));
    return;
  }
  if (w.unit == Unit::None) return;
  if (adjective && w.plural) return;
  if (!adjective && s.info(j + 1).age_word) return;                            // "52 years old"
  if (adjective && s.is(j + 1, ids.hyphen) && s.info(j + 2).age_word) return;  // "136-year-old"
  const bool article =
      s.text(i) == "a" || s.text(i) == "an" || s.text(i) == "A" || s.text(i) == "An";
  if (w.unit == Unit::Second && article) return;   // "a second term"
  if (w.unit == Unit::Quarter && article) return;  // "a quarter of the budget"
  if (!adjective && !w.plural && !article && c->value != 1 && !c->unknown) {
    // "two year" (TimeBank writes it so) is fine; "four day" too.
  }
  size_t end = j + 1;
  // "a year and a half"
  if (s.is(end, ids.and_) && (s.text(end + 1) == "a" || s.text(end + 1) == "an") &&
      s.is(end + 2, ids.half)) {
    fraction = 0.5;
    end += 3;
  }
  Draft d = duration_draft(i, end, w.unit, c->unknown ? double(kUnknown) : c->value + fraction);
  // "the past two months", "the next four years", "the first nine months": with "the" only
  // ("to last three days" is a verb).
  if (i > 1 && (s.info(i - 1).before.present || s.info(i - 1).ordinal == 1) &&
      s.is(i - 2, ids.the)) {
    d.first = static_cast<uint32_t>(i - 2);
  } else if (i > 0 && s.is(i - 1, ids.the) && !adjective && w.plural) {
    d.first = static_cast<uint32_t>(i - 1);  // "the nine months"
  }
  out.push_back(d);
}

// A plural unit without a count: "for weeks", "recent years", "the past weeks", "in years",
// "over the years", "months of talks".
void bare_plural(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const WordInfo& w = s.info(i);
  const auto& ids = s.ids();
  if (!w.plural || w.unit == Unit::None || w.unit <= Unit::Minute || i == 0) return;
  if (s.info(i + 1).after.present || s.is(i + 1, ids.ago)) return;  // "years ago", "days later"
  size_t first = i;
  const size_t p = i - 1;
  // "months of talks", "years of war": a stretch of unknown length; not "the days of the Raj",
  // "the early years of".
  // "three-quarters of its food" is a share, not time.
  const bool of_noun = s.is(i + 1, ids.of) && s.is_word(i + 2) && w.unit != Unit::Quarter &&
                       !s.tok(i).capitalized && !(s.is(p, ids.hyphen) && s.glued(i)) &&
                       !s.is(p, ids.the) && !s.is(p, ids.early) && !s.is(p, ids.late) &&
                       !s.is(p, ids.mid) && !s.info(p).before.present && s.info(p).ordinal == 0 &&
                       s.info(p).cardinal < 0 && !s.is_number(p);
  if (s.is(p, ids.recent)) {
    first = p;
  } else if (s.info(p).before.present && s.info(p).before.direction != Direction::Same) {
    first = p > 0 && s.is(p - 1, ids.the) ? p - 1 : p;
  } else if (s.is(p, ids.the) && p > 0 && s.is(p - 1, ids.over)) {
    first = p;  // "over the years": the span keeps "the"
  } else if (!is_function_word(s, p) && !of_noun) {
    return;
  }
  out.push_back(duration_draft(first, i + 1, w.unit, kUnknown));
}

}  // namespace

// "week-long", "year-long": one unit. "half an hour", "half a day": half of one.
void long_and_half(const Scanner& s, size_t i, std::vector<Draft>& out) {
  const auto& ids = s.ids();
  const WordInfo& w = s.info(i);
  if (w.unit != Unit::None && !w.plural && s.is(i + 1, ids.hyphen) && s.glued(i + 1) &&
      s.text(i + 2) == "long" && s.glued(i + 2)) {
    out.push_back(duration_draft(i, i + 3, w.unit, 1));
  } else if (s.is(i, ids.half) && (s.text(i + 1) == "a" || s.text(i + 1) == "an") &&
             s.info(i + 2).unit != Unit::None && !s.info(i + 2).plural) {
    out.push_back(duration_draft(i, i + 3, s.info(i + 2).unit, 0.5));
  }
}

void parse_durations(const Scanner& s, std::vector<Draft>& out) {
  for (const size_t i : s.triggers()) {
    if (s.is_number(i) || (s.is_word(i) && s.info(i).cardinal >= 0)) count_unit(s, i, out);
    if (s.is_word(i) && s.info(i).plural && s.info(i).unit != Unit::None) bare_plural(s, i, out);
    if (s.is_word(i) &&
        ((s.info(i).unit != Unit::None && !s.info(i).plural) || s.is(i, s.ids().half)))
      long_and_half(s, i, out);
  }
}

}  // namespace dateline::temporal
