// Events: CAMEO triggers (data/cameo) in body and caption sentences, each with its source and
// target actors, its time (the timex of its clause, else one of its sentence not tied to a
// reporting verb, else the dateline, the rule recorded), its place, and a confidence.
#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "extract/context.h"

namespace dateline::extract {

namespace {

// Words that join actors: "the United States and Israel", "Britain, France and Germany".
bool joins(const Context& c, size_t i) {
  return c.is(i, "and") || c.is(i, ",");
}

bool dash(const Context& c, size_t i) {
  const char32_t cp = c.mark(i);
  return cp == 0x2014 || cp == 0x2013;
}

}  // namespace

// "and are discussing", "but was": a conjunction before a verb starts a clause that shares
// the subject of the one before.
bool shares_subject(const Context& c, size_t i) {
  return (c.is(i, "and") || c.is(i, "but")) && c.facts(i + 1).be_form;
}

// A conjunction that starts a clause: before a verb ("and are discussing"), before a subject of
// its own after a comma (", and Brevonia withdrew its frigates"; not "Britain, France, and
// Germany"), or before a pronoun ("and he said").
bool conjoined_clause(const Context& c, size_t i) {
  if (!(c.is(i, "and") || c.is(i, "but"))) return false;
  if (shares_subject(c, i) || c.facts(i + 1).subject_pronoun) return true;
  if (i == 0 || !c.is(i - 1, ",") || i < 2 || c.mention(i - 2) >= 0) return false;
  size_t n = i + 1;
  if (c.is(n, "the")) ++n;
  return n < c.size() && c.mention(n) >= 0 && subject_mention(c, c.mention(n));
}

std::pair<size_t, size_t> clause_of(const Context& c, size_t i) {
  const auto& s = c.sentence(i);
  size_t first = i;
  while (first > s.first_token) {
    const size_t p = first - 1;
    if (c.is(p, ";") || c.is(p, ":") || dash(c, p) || conjoined_clause(c, p)) break;
    if (c.facts(p).clause_opener) {
      first = p;
      break;
    }
    first = p;
  }
  size_t last = i + 1;
  while (last < s.last_token) {
    if (c.is(last, ";") || c.is(last, ":") || dash(c, last) || c.facts(last).clause_opener ||
        conjoined_clause(c, last))
      break;
    ++last;
  }
  return {first, last};
}

namespace {

// A date or time that says something: not "the eve" of an unnamed day (XXXX-XX-XX).
bool is_point(const temporal::Timex& t) {
  if (t.value.kind != temporal::Value::Kind::Point ||
      !(t.type == temporal::TimexType::kDate || t.type == temporal::TimexType::kTime))
    return false;
  const auto& p = t.value.point;
  constexpr int u = temporal::kUnknown;
  return p.year != u || p.month != u || p.day != u || p.weekday != u || p.week != u ||
         p.decade != u || p.century != u || p.quarter != u || p.season != temporal::Season::None;
}

// A timex right after or before a reporting verb dates the speaking ("said Monday").
bool speech_bound(const Context& c, const temporal::Timex& t, size_t token) {
  const auto& s = c.sentence(token);
  for (size_t k = token; k-- > s.first_token && k + 3 > token;)
    if (c.facts(k).reporting_verb >= 0) return true;
  size_t after = token;
  while (after < c.size() && c.timex_at[after] == c.timex_at[token]) ++after;
  (void)t;
  return after < s.last_token && c.facts(after).reporting_verb >= 0;
}

}  // namespace

// Whether an infinitive ("to meet") stands between `from` and the timex at k, in k's clause:
// the timex dates what the infinitive names, which is still to come.
bool after_infinitive(const Context& c, size_t from, size_t k) {
  for (size_t j = k; j-- > from;) {
    if (c.facts(j).clause_opener) return false;  // "to renew it when it expired on Jan. 1"
    if (c.is(j, "to") && j + 1 < k && c.tokens[j + 1].is_word() && !c.capitalized(j + 1) &&
        !c.is(j + 1, "the") && !c.is(j + 1, "a") && !c.is(j + 1, "an") && c.timex_at[j + 1] < 0 &&
        c.mention(j + 1) < 0)
      return true;
  }
  return false;
}

EventTime time_at(const Context& c, size_t i, bool speech, std::pair<size_t, size_t> ignore) {
  EventTime out;
  // Named variables, not a structured binding: clang before 16 cannot capture bindings.
  const auto clause = clause_of(c, i);
  const size_t first = clause.first, last = clause.second;
  const auto& s = c.sentence(i);
  // The nearest timex of a range, optionally only those dating speech (or only those not).
  // A timex after an infinitive dates the infinitive ("offered to meet union leaders on
  // Wednesday"); one in another main clause of the sentence dates that clause (", and Brevonia
  // withdrew its frigates on Monday").
  const auto elsewhere = [&](size_t k) {
    if (k > i && after_infinitive(c, i + 1, k)) return true;
    if (k >= first && k < last) return false;
    const auto [kf, kl] = clause_of(c, k);
    (void)kl;
    for (size_t j = std::min(kf, first); j < std::max(kf, first) && j < s.last_token; ++j)
      if (conjoined_clause(c, j) && !shares_subject(c, j)) return true;
    return false;
  };
  const auto usable = [&](size_t from, size_t k, int want_speech) {
    const int t = c.timex_at[k];
    if (t < 0 || (k > from && c.timex_at[k - 1] == t) || (k >= ignore.first && k < ignore.second))
      return -1;
    if (elsewhere(k)) return -1;
    const auto& timex = c.out.timexes[static_cast<size_t>(t)];
    if (!is_point(timex)) return -1;
    if (want_speech >= 0 && speech_bound(c, timex, k) != (want_speech == 1)) return -1;
    return t;
  };
  // Looks outward from i, the earlier side first at each distance, and stops at the first: a
  // long clause costs no more than the way to its nearest date.
  const auto nearest = [&](size_t from, size_t to, int want_speech) {
    for (size_t d = 0; (i >= from + d) || (i + d < to); ++d) {
      if (i >= from + d && i - d < to)
        if (const int t = usable(from, i - d, want_speech); t >= 0) return t;
      if (d > 0 && i + d < to && i + d >= from)
        if (const int t = usable(from, i + d, want_speech); t >= 0) return t;
    }
    return -1;
  };
  int t = speech ? nearest(first, last, 1) : -1;
  if (t < 0) t = nearest(first, last, speech ? -1 : 0);
  if (t >= 0) {
    out.timex = t;
    out.basis = "clause";
  } else if ((t = nearest(s.first_token, s.last_token, speech ? 1 : 0)) >= 0) {
    out.timex = t;
    out.basis = "sentence";
  }
  if (out.timex >= 0) {
    out.value = c.out.timexes[static_cast<size_t>(out.timex)].value;
    return out;
  }
  return dateline_time(c);
}

EventTime dateline_time(const Context& c) {
  EventTime out;
  if (const auto& day = c.out.article.dateline.day) {
    out.value = temporal::Value::of(temporal::Point::of_day(*day));
    out.basis = "dateline";
  } else {
    out.basis = "none";
  }
  return out;
}

namespace {

void add_actor(std::vector<uint32_t>& to, uint32_t actor) {
  if (std::find(to.begin(), to.end(), actor) == to.end()) to.push_back(actor);
}

}  // namespace

bool usable_mention(const Context& c, int mention) {
  if (mention < 0) return false;
  const auto& m = c.out.mentions[static_cast<size_t>(mention)];
  const auto& a = c.out.actors[m.actor];
  return !a.media && a.credit == CreditRole::None;
}

namespace {}  // namespace

bool after_preposition(const Context& c, const Mention& m) {
  size_t k = m.token;
  if (k > 0 && c.is(k - 1, "the")) --k;
  return k > 0 && c.same_sentence(k - 1, k) && c.facts(k - 1).preposition;
}

bool subject_mention(const Context& c, int mention) {
  if (!usable_mention(c, mention)) return false;
  const auto& m = c.out.mentions[static_cast<size_t>(mention)];
  return !m.modifier && !m.possessive && !after_preposition(c, m);
}

bool pronoun_at(const Context& c, size_t i) {
  if (c.facts(i).subject_pronoun || c.facts(i).neuter == 1) return true;
  if (!c.lex.pronoun_phrases().starts(c.tokens[i].lex)) return false;
  std::vector<core::PhraseTrie<int>::Match> found;
  c.lex.pronoun_phrases().match(c.tokens, i, found);
  return !found.empty();
}

bool reports(const Context& c, size_t i) {
  if (c.facts(i).reporting_verb < 0 || c.mention(i) >= 0) return false;
  if (i > 0 && c.facts(i - 1).modal && c.same_sentence(i - 1, i)) return false;  // "would respond"
  // "state television", "the report": a form that is also a noun is a verb only after a name, a
  // pronoun or a verb marker ("officials claim", "to note", "they report").
  if (c.facts(i).reporting_noun) {
    if (i == 0 || !c.same_sentence(i - 1, i)) return false;
    const size_t p = i - 1;
    const int m = c.mention(p);
    const bool named = m >= 0 && !c.out.mentions[static_cast<size_t>(m)].modifier;
    if (!named && !c.facts(p).subject_pronoun && !c.facts(p).verb_marker && !c.facts(p).group_noun)
      return false;
  }
  // "continues to refuse", "promised to act": a verb of its own follows, not speech.
  if (c.is(i + 1, "to") && c.same_sentence(i, i + 1) && c.mention(i + 2) < 0 &&
      !c.is(i + 2, "the") && !c.facts(i + 2).subject_pronoun)
    return false;
  return true;
}

int clause_subject(const Context& c, size_t first, size_t to) {
  // A call under way from the same token has found no one before `to` already: a pronoun it
  // is resolving asks again for the clause before itself. (The answers cannot differ: nothing
  // changes while a call is under way.)
  for (const auto& scan : c.subject_scans)
    if (scan.first == first && scan.clear_until >= to) return -1;
  c.subject_scans.push_back({first, first});
  const size_t frame = c.subject_scans.size() - 1;
  struct Pop {
    const Context& c;
    ~Pop() { c.subject_scans.pop_back(); }
  } pop{c};
  for (size_t k = first; k < to && k < c.size(); ++k) {
    c.subject_scans[frame].clear_until = k;
    // A pronoun that names no one ("It is noted that X...") leaves the subject to come.
    if (pronoun_at(c, k))
      if (const int a = resolve_pronoun(c, k); a >= 0) return a;
    const int m = c.mention(k);
    if (subject_mention(c, m))
      return static_cast<int>(c.out.mentions[static_cast<size_t>(m)].actor);
    if (m >= 0) k = c.out.mentions[static_cast<size_t>(m)].last_token - 1;
  }
  return -1;
}

namespace {

// Scanning left from a verb, at the comma that closes ", who chairs the union," or ", a union
// organiser,": the comma that opens it, or k when there is none.
size_t parenthesis_start(const Context& c, size_t k, size_t from) {
  for (size_t j = k; j-- > from && j + 20 > k;) {
    if (!c.is(j, ",")) continue;
    const size_t n = j + 1;
    const bool opens = c.is(n, "who") || c.is(n, "whose") || c.is(n, "which") || c.is(n, "where") ||
                       c.is(n, "a") || c.is(n, "an") || c.is(n, "the");
    return opens && n < k ? j : k;
  }
  return k;
}

}  // namespace

std::vector<uint32_t> actors_left(const Context& c, size_t i, size_t from, bool allow_modifiers) {
  std::vector<uint32_t> out;
  for (size_t k = i; k-- > from;) {
    if (!allow_modifiers) {
      // "X said a patrol vessel opened fire": the subject comes after the reporting verb, and
      // is not X.
      if (k + 1 < i && reports(c, k) && !c.facts(k).reporting_object) return out;
      // "Jorun Vask, who chairs the cooperative, accused": past the clause to its subject.
      if (c.is(k, ",") && k + 1 < i) {
        k = parenthesis_start(c, k, from);
        continue;
      }
    }
    if (pronoun_at(c, k)) {
      if (const int a = resolve_pronoun(c, k); a >= 0) out.push_back(static_cast<uint32_t>(a));
      return out;
    }
    const int m = c.mention(k);
    if (!usable_mention(c, m)) continue;
    const auto& mention = c.out.mentions[static_cast<size_t>(m)];
    if (!allow_modifiers && !subject_mention(c, m)) continue;
    add_actor(out, mention.actor);
    // Joined actors to the left of it: "the United States and Israel".
    size_t j = mention.token;
    while (j > from + 1 && joins(c, j - 1) && usable_mention(c, c.mention(j - 2))) {
      const auto& other = c.out.mentions[static_cast<size_t>(c.mention(j - 2))];
      add_actor(out, other.actor);
      j = other.token;
    }
    return out;
  }
  return out;
}

namespace {

// Whether the word at k is a thing a demonym before it says whose: a lower-case noun, not a
// title ("President") and not another name.
bool owned_thing(const Context& c, size_t k) {
  return k < c.size() && c.tokens[k].is_word() && !c.capitalized(k) && c.mention(k) < 0 &&
         !c.lex.title_phrases().starts(c.tokens[k].lex) && !c.facts(k).title_modifier;
}

}  // namespace

std::vector<uint32_t> plural_reference(const Context& c, size_t k,
                                       const std::vector<uint32_t>& exclude) {
  std::vector<uint32_t> out;
  if (k >= c.size() || !c.lex.plural_references().starts(c.tokens[k].lex)) return out;
  std::vector<core::PhraseTrie<PluralReference>::Match> found;
  c.lex.plural_references().match(c.tokens, k, found);
  if (found.empty()) return out;
  const PluralReference kind = found.front().hit;
  for (size_t m = c.out.mentions.size(); m-- > 0 && out.size() < 2;) {
    const auto& mention = c.out.mentions[m];
    if (mention.token >= k || !usable_mention(c, static_cast<int>(m))) continue;
    if (std::find(exclude.begin(), exclude.end(), mention.actor) != exclude.end()) continue;
    const auto actor_kind = c.out.actors[mention.actor].kind;
    const bool fits = kind == PluralReference::People      ? actor_kind == ActorKind::Person
                      : kind == PluralReference::Countries ? actor_kind == ActorKind::Country
                                                           : actor_kind != ActorKind::Person;
    if (fits) add_actor(out, mention.actor);
  }
  if (out.size() < 2) out.clear();
  return out;
}

std::vector<uint32_t> actors_right(const Context& c, size_t i, size_t to,
                                   const std::vector<uint32_t>& exclude) {
  std::vector<uint32_t> out;
  to = std::min(to, c.size());  // callers' windows may run past the last token
  const size_t sentence_end = i < c.size() ? c.sentence(i).last_token : to;
  for (size_t k = i; k < to; ++k) {
    if (auto both = plural_reference(c, k, exclude); !both.empty()) return both;
    if (c.facts(k).object_pronoun) {  // "accused him of": the person named last
      for (size_t m = c.out.mentions.size(); m-- > 0;) {
        const auto& mention = c.out.mentions[m];
        if (mention.token >= k || !usable_mention(c, static_cast<int>(m)) ||
            mention.in_quote != c.quoted(k) ||
            c.out.actors[mention.actor].kind != ActorKind::Person)
          continue;
        if (std::find(exclude.begin(), exclude.end(), mention.actor) != exclude.end()) continue;
        out.push_back(mention.actor);
        return out;
      }
      return out;
    }
    const int m = c.mention(k);
    if (!usable_mention(c, m)) continue;
    const auto& mention = c.out.mentions[static_cast<size_t>(m)];
    // "Brevonian fish imports", "a Brevonian trawler": the country whose things they are; but
    // "Iranian President Masoud Pezeshkian" is the person.
    if (mention.modifier && !(mention.via == Via::Demonym && owned_thing(c, mention.last_token)))
      continue;
    add_actor(out, mention.actor);
    size_t j = mention.last_token;
    // "the leaders of Saudi Arabia, Qatar, Bahrain and the UAE": the list may run past `to`.
    while (j + 1 < sentence_end && joins(c, j)) {
      size_t n = j + 1;
      if (c.is(n, "and")) ++n;
      if (c.is(n, "the")) ++n;
      if (!usable_mention(c, c.mention(n))) break;
      const auto& other = c.out.mentions[static_cast<size_t>(c.mention(n))];
      add_actor(out, other.actor);
      j = other.last_token;
    }
    return out;
  }
  return out;
}

// When the sentence of token i opens its paragraph with a pronoun naming someone already named
// ("He expressed condolences..."), the story of the paragraph before goes on: the time of that
// person's last dated act there.
std::optional<EventTime> continued_story(const Context& c, size_t i) {
  const size_t first = c.sentence(i).first_token;
  if (first == 0 || c.paragraph_of[first - 1] == c.paragraph_of[first] ||
      !c.facts(first).subject_pronoun)
    return std::nullopt;
  const int who = resolve_pronoun(c, first);
  if (who < 0) return std::nullopt;
  const uint32_t before = c.paragraph_of[first - 1];
  for (auto e = c.out.events.rbegin(); e != c.out.events.rend(); ++e) {
    if (e->paragraph < before) break;
    if (e->paragraph != before || e->time.timex < 0) continue;
    if (std::find(e->source.begin(), e->source.end(), static_cast<uint32_t>(who)) ==
        e->source.end())
      continue;
    EventTime t = e->time;
    t.basis = "paragraph";
    return t;
  }
  return std::nullopt;
}

// A sentence with no date of its own goes on with the story its paragraph was telling: "The
// boat was stopped on Wednesday. ... The crew were detained" dates the detention Wednesday.
// The day of the last date of an earlier sentence of the paragraph that names a day (not a
// year, not a week), outside quotes, not dating speech, and not after the dateline; or, for a
// paragraph opening with a pronoun, the time of that person's act in the paragraph before.
// Without a dateline, a weekday names that day until the dateline is known.
void narrative_time(const Context& c, size_t i, EventTime& t) {
  if ((t.basis != "dateline" && t.basis != "none") || c.quoted(i)) return;
  if (const auto story = continued_story(c, i)) {
    t = *story;
    return;
  }
  const auto& s = c.sentence(i);
  const uint32_t paragraph = c.paragraph_of[i];
  const auto& dateline = c.out.article.dateline.day;
  for (size_t k = s.first_token; k-- > 0 && c.paragraph_of[k] == paragraph;) {
    const int x = c.timex_at[k];
    if (x < 0 || c.quoted(k) || (k > 0 && c.timex_at[k - 1] == x)) continue;
    const auto& timex = c.out.timexes[static_cast<size_t>(x)];
    if (!is_point(timex) || speech_bound(c, timex, k) ||
        after_infinitive(c, c.sentence(k).first_token, k))
      continue;
    auto p = timex.value.point;
    const auto day = p.date();
    const bool weekday =
        !dateline && p.gran == temporal::Unit::Day && p.weekday != temporal::kUnknown;
    if (!weekday && (!day || (dateline && *day > *dateline))) continue;
    t.value = weekday ? timex.value : temporal::Value::of(temporal::Point::of_day(*day));
    t.timex = x;
    t.basis = "paragraph";
    return;
  }
}

bool words_near(const Context& c, size_t i, size_t length, const std::vector<uint32_t>& words) {
  const auto& s = c.sentence(i);
  const size_t from = i >= s.first_token + 4 ? i - 4 : s.first_token;
  const size_t to = std::min<size_t>(s.last_token, i + length + 4);
  for (size_t k = from; k < to; ++k)
    if (k < i || k >= i + length)
      for (uint32_t w : words)
        if (c.tokens[k].lex == w) return true;
  return false;
}

namespace {

class EventFinder {
 public:
  explicit EventFinder(Context& c) : c_(c), by_{c.lex.id("by")} {}

  void run() {
    for (const auto& s : c_.out.sentences) {
      if (!c_.event_paragraph[s.paragraph]) continue;
      for (size_t i = s.first_token; i < s.last_token; ++i) {
        const auto& t = c_.tokens[i];
        if (!t.is_word() || !c_.lex.trigger_phrases().starts(t.lex)) continue;
        const size_t next = at(i, s);
        if (next > i + 1) i = next - 1;
      }
    }
  }

 private:
  bool near(size_t i, size_t length, const std::vector<uint32_t>& words) const {
    return words_near(c_, i, length, words);
  }
  // Whether a noun event takes its date from an act of speaking before it in the sentence,
  // whose date comes before that act: in "on March 1, Putin sent condolences over the death of
  // X", March 1 dates the condolences, not the death.
  bool dated_by_saying(const Event& e) const {
    if (!e.nominal || e.spoken || e.time.timex < 0) return false;
    const auto& timex = c_.out.timexes[static_cast<size_t>(e.time.timex)];
    for (auto s = c_.out.events.rbegin(); s != c_.out.events.rend(); ++s) {
      if (s->sentence.begin != e.sentence.begin) break;
      if (s->spoken && s->time.timex == e.time.timex && timex.span.end <= s->trigger.begin)
        return true;
    }
    return false;
  }

  bool in_sentence(size_t i, const std::vector<uint32_t>& words) const {
    const auto& s = c_.sentence(i);
    for (size_t k = s.first_token; k < s.last_token; ++k)
      if (std::find(words.begin(), words.end(), c_.tokens[k].lex) != words.end()) return true;
    return false;
  }

  // The trigger at i that fits its context best: one whose `near` words are there, else one
  // without conditions; none whose `not_near` words are there.
  // Whether the word at i is used as a noun ("escalating attacks", "the talks") rather than a
  // verb ("Israel attacks", "to attack"): by the word before it.
  bool noun_use(size_t i) const {
    if (i == 0 || !c_.same_sentence(i - 1, i)) return true;
    const size_t p = i - 1;
    if (c_.is(p, "to") || c_.facts(p).subject_pronoun || c_.facts(p).be_form) return false;
    if (c_.mention(p) >= 0 && !c_.out.mentions[static_cast<size_t>(c_.mention(p))].modifier &&
        !c_.out.mentions[static_cast<size_t>(c_.mention(p))].possessive)
      return false;  // "Israel attacks Iran"
    return true;
  }

  std::optional<std::pair<TriggerHit, uint32_t>> choose(size_t i) {
    c_.lex.trigger_phrases().match(c_.tokens, i, matches_);
    std::optional<std::pair<TriggerHit, uint32_t>> plain, specific;
    bool noun = false, verb = false;
    for (const auto& m : matches_) {
      const auto kind = c_.lex.triggers()[m.hit.trigger].kind;
      noun = noun || kind == Trigger::Kind::Noun;
      verb = verb || kind == Trigger::Kind::Verb;
    }
    const bool as_noun = noun && verb ? noun_use(i) : noun;
    for (const auto& m : matches_) {
      const Trigger& trig = c_.lex.triggers()[m.hit.trigger];
      if (!c_.same_sentence(i, i + m.length - 1)) continue;
      if (noun && verb && (trig.kind == Trigger::Kind::Noun) != as_noun &&
          trig.kind != Trigger::Kind::Phrase)
        continue;
      if (!trig.not_near.empty() && near(i, m.length, trig.not_near)) continue;
      if (!trig.in_sentence.empty() && !in_sentence(i, trig.in_sentence)) continue;
      if (!trig.near.empty()) {
        if (near(i, m.length, trig.near) && !specific) specific = {m.hit, m.length};
      } else if (!plain) {
        plain = {m.hit, m.length};
      }
      if (specific) break;
    }
    return specific ? specific : plain;
  }

  // The first of the prepositions at or after i, within `span` tokens; its position or npos.
  size_t preposition(size_t i, size_t to, const std::vector<uint32_t>& preps) const {
    for (size_t k = i; k < to && k < i + 8; ++k)
      for (uint32_t p : preps)
        if (c_.tokens[k].lex == p) return k;
    return std::string::npos;
  }

  size_t at(size_t i, const Sentence& s) {
    const auto chosen = choose(i);
    if (!chosen) return i + 1;
    const auto [hit, length] = *chosen;
    const Trigger& trig = c_.lex.triggers()[hit.trigger];
    const size_t end = i + length;
    const auto [first, last] = clause_of(c_, i);
    if (!realised(i, first, trig)) return end;
    Event e;
    e.code = trig.code;
    e.label = trig.label;
    e.spoken = trig.spoken;
    e.nominal = trig.kind == Trigger::Kind::Noun;
    e.trigger = {c_.tokens[i].begin, c_.tokens[end - 1].end};
    e.sentence = s.span;
    e.paragraph = s.paragraph;
    const size_t sentence_end = s.last_token;
    if (trig.kind == Trigger::Kind::Noun) {
      noun_roles(i, end, first, sentence_end, trig, e);
    } else {
      verb_roles(i, end, first, sentence_end, trig, hit.past, e);
    }
    if (e.source.empty() && e.target.empty()) return end;
    // A participant is not both.
    for (uint32_t a : e.source)
      e.target.erase(std::remove(e.target.begin(), e.target.end(), a), e.target.end());
    // "attacks" by states are military force: the trigger may name another code for that.
    if (!trig.state_code.empty() && !e.source.empty() &&
        std::all_of(e.source.begin(), e.source.end(), [&](uint32_t a) { return state(a); })) {
      e.code = trig.state_code;
      e.label = trig.state_label;
    }
    // An act done by speaking (a criticism, condolences) is dated by the time of the speaking.
    e.time = time_at(c_, i, trig.spoken);
    if (trig.spoken && e.time.timex < 0) e.time = time_at(c_, i, false);
    narrative_time(c_, i, e.time);
    if (dated_by_saying(e)) e.time = dateline_time(c_);
    e.place = place(end, last);
    double confidence = trig.confidence;
    if (e.source.empty()) confidence *= 0.85;
    if (e.target.empty()) confidence *= 0.9;
    if (c_.quoted(i)) confidence *= 0.7;  // told by someone, not by the article
    if (e.time.basis == "dateline") confidence *= 0.9;
    e.confidence = std::round(confidence * 100) / 100;
    c_.out.events.push_back(std::move(e));
    last_end_ = end;
    last_spoken_ = trig.spoken;
    return end;
  }

  // Whether the trigger at i reports an act rather than one wished for or described by the
  // event just read: not "agreed to hold talks" or "urged both sides to settle" (the agreeing and
  // the urging are the events), not "demanded that Corvell release the crew", and not an
  // adjective that looks like a verb ("had been free on bail").
  bool realised(size_t i, size_t first, const Trigger& trig) const {
    if (trig.kind == Trigger::Kind::Verb && i >= 1 && c_.is(i - 1, "to") && last_end_ != SIZE_MAX &&
        last_end_ < i && c_.same_sentence(last_end_, i) && i - last_end_ <= 8) {
      bool plain = true;  // nothing between but words of the same clause
      for (size_t k = last_end_; k + 1 < i; ++k)
        plain = plain && !c_.is(k, ",") && !c_.facts(k).clause_opener;
      if (plain) return false;
    }
    if (c_.is(first, "that") && last_spoken_ && last_end_ == first) return false;
    if (trig.kind == Trigger::Kind::Verb && i >= 1 && c_.facts(i - 1).be_form &&
        core::text::equals_ci(c_.text_of(i),
                              std::string_view(trig.lemma).substr(0, trig.lemma.find(' '))))
      return false;
    return true;
  }

  // A country, or a body of one ("the Kremlin", "the Russian Foreign Ministry").
  bool state(uint32_t actor) const {
    const auto& a = c_.out.actors[actor];
    if (a.kind == ActorKind::Country) return true;
    if (a.kind != ActorKind::Organisation) return false;
    return std::any_of(a.affiliations.begin(), a.affiliations.end(), [&](const std::string& id) {
      const auto r = c_.gazetteer.find(id);
      return r && c_.gazetteer.actors()[*r].kind == ActorKind::Country;
    });
  }

  void verb_roles(size_t i, size_t end, size_t first, size_t sentence_end, const Trigger& trig,
                  bool past, Event& e) {
    // "was killed", "has been expelled": the passive turns the roles round.
    bool passive = false;
    if (past)
      for (size_t k = i; k-- > first && k + 3 > i;) passive = passive || c_.facts(k).be_form;
    if (passive) {
      e.target = actors_left(c_, i, c_.sentence(i).first_token, false);
      if (const size_t by = preposition(end, sentence_end, {c_.lex.id("by")});
          by != std::string::npos)
        e.source = actors_right(c_, by + 1, std::min(sentence_end, by + 7));
      return;
    }
    // "We are in contact with Iran and are discussing it": the subject of the clause before.
    if (first > c_.sentence(i).first_token + 1 && shares_subject(c_, first - 1)) {
      const size_t before = clause_of(c_, first - 2).first;
      if (const int a = clause_subject(c_, before, first - 1); a >= 0)
        e.source.push_back(static_cast<uint32_t>(a));
    }
    if (e.source.empty()) e.source = actors_left(c_, i, c_.sentence(i).first_token, false);
    const size_t prep = preposition(end, sentence_end, trig.target_preps);
    if (prep != std::string::npos)
      e.target = actors_right(c_, prep + 1, std::min(sentence_end, prep + 8), e.source);
    if (e.target.empty())
      e.target = actors_right(c_, end, std::min(sentence_end, end + 5), e.source);
  }

  void noun_roles(size_t i, size_t end, size_t first, size_t sentence_end, const Trigger& trig,
                  Event& e) {
    // Who: "Putin's condolences", "his condolences", "attacks by X", "Israeli strikes", or the
    // subject of the clause.
    for (size_t k = i; k-- > first && k + 4 > i;) {
      const int m = c_.mention(k);
      if (usable_mention(c_, m)) {
        const auto& mention = c_.out.mentions[static_cast<size_t>(m)];
        if (mention.possessive && trig.possessor_target) {
          e.target = actors_left(c_, mention.last_token, first, true);
          break;
        }
        if (mention.possessive || (mention.modifier && mention.last_token == i)) {
          e.source = actors_left(c_, mention.last_token, first, true);
          break;
        }
      }
      if (c_.facts(k).possessive_pronoun || c_.facts(k).neuter == 2) {
        if (const int a = resolve_pronoun(c_, k); a >= 0)
          e.source.push_back(static_cast<uint32_t>(a));
        break;
      }
      if (c_.facts(k).plural_possessive) {
        // "Putin ... with Lukashenko following their talks": the first acts, with the others.
        const auto named = named_before(k);
        if (named.size() >= 2) {
          e.source.push_back(named.front());
          e.target.assign(named.begin() + 1, named.end());
          return;
        }
        break;
      }
    }
    // "Putin speaks during a joint news conference", "X at the talks": the subject takes part.
    if (e.source.empty() && trig.attended) {
      size_t k = i;
      while (k > first && k + 4 > i && !c_.facts(k - 1).attending) --k;
      if (k > first && c_.facts(k - 1).attending)
        if (const int a = clause_subject(c_, first, k - 1); a >= 0)
          e.source.push_back(static_cast<uint32_t>(a));
    }
    // "attacks by X", "the seizure of a trawler by X": "by" unless the trigger names others.
    if (e.source.empty()) {
      const auto& preps = trig.source_preps.empty() ? by_ : trig.source_preps;
      if (const size_t by = preposition(end, sentence_end, preps); by != std::string::npos)
        e.source = actors_right(c_, by + 1, std::min(sentence_end, by + 7));
    }
    // The subject of a light verb before the noun: "the United States and Israel carried out
    // attacks", "Putin extended condolences". Not the subject of any verb: in "Putin called it
    // an assassination" Putin did not assassinate.
    // Within the clause: in "a standoff that began with the seizure", the standoff began it.
    // A clause opened by "who" has the person before it: "Putin, who extended condolences".
    // The light verb is this noun's own only with no other act named between them: in
    // "expressing condolences over the death of X" it is the condolences'.
    if (e.source.empty())
      for (size_t k = i; k-- > first && k + 5 > i;) {
        if (k + 1 < i && c_.lex.trigger_phrases().starts(c_.tokens[k + 1].lex)) break;
        if (c_.facts(k).light_verb) {
          // ", expressing condolences": a participle after a comma acts for the subject of
          // the sentence ("Putin sent a message to X, expressing condolences").
          if (k > 0 && c_.is(k - 1, ",") && c_.text_of(k).ends_with("ing")) {
            if (const int a = clause_subject(c_, c_.sentence(i).first_token, k - 1); a >= 0) {
              e.source.push_back(static_cast<uint32_t>(a));
              break;
            }
          }
          e.source = actors_left(c_, k, first, false);
          if (e.source.empty() && c_.is(first, "who") && first > 0) {
            size_t b = first - 1;
            if (c_.is(b, ",") && b > 0) --b;
            if (subject_mention(c_, c_.mention(b)))
              e.source.push_back(c_.out.mentions[static_cast<size_t>(c_.mention(b))].actor);
          }
          break;
        }
      }
    // Whom: "condolences to X", "attacks on X", "the killing of X".
    if (!e.target.empty()) return;
    if (const size_t prep = preposition(end, sentence_end, trig.target_preps);
        prep != std::string::npos)
      e.target = actors_right(c_, prep + 1, std::min(sentence_end, prep + 8), e.source);
    // A noun with no preposition of its own takes its object with "of" right after it: "the
    // seizure of a Brevonian trawler", "the arrest of X".
    else if (trig.target_preps.empty() && c_.is(end, "of"))
      e.target = actors_right(c_, end + 1, std::min(sentence_end, end + 8), e.source);
  }

  // The people, bodies and countries named in the sentence before token k, in order, at most
  // four; modifiers ("Belarusian President") and possessives left out.
  std::vector<uint32_t> named_before(size_t k) const {
    std::vector<uint32_t> out;
    for (size_t j = c_.sentence(k).first_token; j < k && out.size() < 4; ++j) {
      const int m = c_.mention(j);
      if (!usable_mention(c_, m)) continue;
      const auto& mention = c_.out.mentions[static_cast<size_t>(m)];
      j = mention.last_token - 1;
      if (mention.modifier || mention.possessive) continue;
      if (c_.out.actors[mention.actor].kind != ActorKind::Person) continue;
      add_actor(out, mention.actor);
    }
    return out;
  }

  // "in Moscow", "at the Grand Kremlin Palace": the first place after the trigger in its clause.
  std::optional<core::Span> place(size_t from, size_t to) const {
    for (size_t k = from; k + 1 < to; ++k) {
      if (!(c_.is(k, "in") || c_.is(k, "at"))) continue;
      size_t j = k + 1;
      if (c_.is(j, "the")) ++j;
      size_t e = j;
      while (e < to && e < j + 5 && c_.capitalized(e) && !c_.facts(e).not_name) {
        const int m = c_.mention(e);
        if (m >= 0 &&
            c_.out.actors[c_.out.mentions[static_cast<size_t>(m)].actor].kind == ActorKind::Person)
          break;
        ++e;
      }
      if (e > j) return core::Span{c_.tokens[j].begin, c_.tokens[e - 1].end};
    }
    return std::nullopt;
  }

  Context& c_;
  std::vector<uint32_t> by_;    // the source preposition of nouns that name none
  size_t last_end_ = SIZE_MAX;  // one past the trigger of the last event read
  bool last_spoken_ = false;    // that event is done by speaking
  std::vector<core::PhraseTrie<TriggerHit>::Match> matches_;
};

}  // namespace

void find_events(Context& c) {
  EventFinder(c).run();
}

}  // namespace dateline::extract
