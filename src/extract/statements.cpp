// Quotes and who said them. A quotation is the text between double quotation marks (straight
// or curly); one left open at the end of a paragraph and opened again at the start of the next
// runs on. Its speaker is found by the reporting verb around it: `"...," X said`, `said X`,
// `X told reporters: "..."`, `X expressed "deep disappointment"`, `according to X`,
// `X: "..."`, a verb of speaking such as "blasted" before a quoted word, or a pronoun for the
// person named before. A quote with no attribution of its own continues the quote before it
// in its paragraph, or, when it opens a paragraph, the one that closed the paragraph before.
// Speakers are known before events are read, so that "we" in a quote stands for the speaker's
// side; statements are made after, so that they list the events they mention.
#include <algorithm>

#include "extract/context.h"

namespace dateline::extract {

namespace {

bool opening_mark(char32_t cp) {
  return cp == 0x201C || cp == 0xAB;
}
bool closing_mark(char32_t cp) {
  return cp == 0x201D || cp == 0xBB;
}

bool sentence_mark(const Context& c, size_t i) {
  const char32_t cp = c.mark(i);
  return cp == '.' || cp == ',' || cp == '!' || cp == '?' || cp == 0x2026;
}

}  // namespace

void find_quotes(Context& c) {
  c.quote_of.assign(c.size(), -1);
  std::optional<size_t> open;
  Quote q;
  const auto finish = [&](size_t close) {
    q.close = static_cast<uint32_t>(close);
    if (!q.parts.empty()) {
      const auto [from, to] = q.parts.back();
      q.partial = q.parts.size() == 1 && to > from && !sentence_mark(c, to - 1);
      if (std::any_of(q.parts.begin(), q.parts.end(),
                      [](const auto& p) { return p.second > p.first; })) {
        for (const auto& [a, b] : q.parts)
          for (size_t k = a; k < b; ++k) c.quote_of[k] = static_cast<int>(c.quotes.size());
        c.quotes.push_back(q);
      }
    }
    q = Quote{};
    open.reset();
  };
  for (size_t i = 0; i < c.size(); ++i) {
    // A paragraph ends while a quote is open: it runs on if the next opens with a mark.
    if (open && i > 0 && c.paragraph_of[i] != c.paragraph_of[i - 1]) {
      q.parts.emplace_back(static_cast<uint32_t>(*open), static_cast<uint32_t>(i));
      const char32_t cp = c.mark(i);
      if (cp == '"' || opening_mark(cp)) {
        open = i + 1;
        continue;
      }
      finish(i);
    }
    const char32_t cp = c.mark(i);
    if (cp == '"') {
      if (open) {
        q.parts.emplace_back(static_cast<uint32_t>(*open), static_cast<uint32_t>(i));
        finish(i);
      } else {
        q.open = static_cast<uint32_t>(i);
        open = i + 1;
      }
    } else if (opening_mark(cp)) {
      if (open) {  // two openings in a row: the first was never closed
        q.parts.emplace_back(static_cast<uint32_t>(*open), static_cast<uint32_t>(i));
        finish(i);
      }
      q.open = static_cast<uint32_t>(i);
      open = i + 1;
    } else if (closing_mark(cp) && open) {
      q.parts.emplace_back(static_cast<uint32_t>(*open), static_cast<uint32_t>(i));
      finish(i);
    }
  }
  if (open) {
    q.parts.emplace_back(static_cast<uint32_t>(*open), static_cast<uint32_t>(c.size()));
    finish(c.size());
  }
}

namespace {

class Attributor {
 public:
  explicit Attributor(Context& c) : c_(c) {}

  void run() {
    std::optional<uint32_t> last_speaker;
    std::string last_verb;
    uint32_t last_paragraph = UINT32_MAX;
    for (auto& q : c_.quotes) {
      const size_t first = q.parts.front().first, last = q.parts.back().second;
      if (first >= last) continue;
      const uint32_t paragraph = c_.paragraph_of[first];
      if (!c_.event_paragraph[paragraph] || !body(first)) continue;
      q.speaker = attribute(q);
      // A quote nobody is said to have said goes on from the one before: in its paragraph, or
      // in the paragraph before when it opens its own.
      if (!q.speaker && !q.partial && last_speaker &&
          (last_paragraph == paragraph ||
           (opens_paragraph(q) && last_paragraph + 1 == paragraph))) {
        q.speaker = last_speaker;
        q.verb = last_verb;
      }
      if (!q.speaker) continue;
      q.speaks_for = body_of(*q.speaker);
      last_speaker = q.speaker;
      last_verb = q.verb;
      last_paragraph = c_.paragraph_of[last - 1];
    }
  }

 private:
  bool body(size_t i) const {
    return c_.out.article.paragraphs[c_.paragraph_of[i]].cls == ingest::ParagraphClass::Body;
  }

  bool opens_paragraph(const Quote& q) const {
    return q.open == 0 || c_.paragraph_of[q.open - 1] != c_.paragraph_of[q.open];
  }

  // What "we" stands for in a person's mouth: the first body the person belongs to (a
  // spokesman's ministry, a president's office), else the person.
  uint32_t body_of(uint32_t speaker) {
    const auto& a = c_.out.actors[speaker];
    if (a.kind != ActorKind::Person) return speaker;
    for (const std::string& id : a.affiliations) {
      for (size_t k = 0; k < c_.out.actors.size(); ++k)
        if (c_.out.actors[k].id == id && c_.out.actors[k].kind != ActorKind::Person)
          return static_cast<uint32_t>(k);
      if (const auto r = c_.gazetteer.find(id);
          r && c_.gazetteer.actors()[*r].kind != ActorKind::Person)
        return known_actor(c_, *r);
    }
    return speaker;
  }

  std::string verb_name(size_t k) const {
    const int v = c_.facts(k).reporting_verb;
    return v >= 0 ? c_.lex.reporting_verbs()[static_cast<size_t>(v)] : std::string(c_.text_of(k));
  }

  static std::optional<uint32_t> first_of(const std::vector<uint32_t>& actors) {
    if (actors.empty()) return std::nullopt;
    return actors.front();
  }
  static std::optional<uint32_t> actor(int a) {
    if (a < 0) return std::nullopt;
    return static_cast<uint32_t>(a);
  }

  // A reporting phrase at k ("according to"): its length (0 when none) and whether its
  // speaker comes after it.
  std::pair<size_t, bool> reporting_phrase(size_t k) const {
    if (!c_.lex.reporting().starts(c_.tokens[k].lex)) return {0, false};
    std::vector<core::PhraseTrie<uint32_t>::Match> m;
    c_.lex.reporting().match(c_.tokens, k, m);
    if (m.empty()) return {0, false};
    return {m.front().length, c_.lex.speaker_after(m.front().hit)};
  }

  // The speaker of a reporting phrase at k of n tokens, in the sentence s, before `limit`.
  std::optional<uint32_t> phrase_speaker(size_t k, size_t n, bool after, size_t limit,
                                         const Sentence& s) const {
    if (after) return first_of(actors_right(c_, k + n, limit));
    return first_of(actors_left(c_, k, s.first_token, false));
  }

  // A verb of an event done by speaking at k ("blasted", "denounced"): its lemma's text, or "".
  std::string spoken_verb(size_t k) const {
    if (c_.mention(k) >= 0 || !c_.lex.trigger_phrases().starts(c_.tokens[k].lex)) return {};
    if (c_.is(k + 1, "to")) return {};  // "continues to refuse to support"
    std::vector<core::PhraseTrie<TriggerHit>::Match> m;
    c_.lex.trigger_phrases().match(c_.tokens, k, m);
    for (const auto& hit : m) {
      const Trigger& t = c_.lex.triggers()[hit.hit.trigger];
      if (!t.spoken || t.kind != Trigger::Kind::Verb) continue;
      if (!t.near.empty() && !words_near(c_, k, hit.length, t.near)) continue;
      if (!t.not_near.empty() && words_near(c_, k, hit.length, t.not_near)) continue;
      return t.lemma;
    }
    return {};
  }

  std::string phrase_text(size_t k, size_t n) const {
    return std::string(
        c_.text.substr(c_.tokens[k].begin, c_.tokens[k + n - 1].end - c_.tokens[k].begin));
  }

  // The subject of a verb at k before a quote: a participle ("calling it an 'assassination'",
  // "while also voicing 'deep appreciation'") has the subject of the sentence; otherwise the
  // nearest actor before the verb.
  std::optional<uint32_t> subject_of(size_t k, const Sentence& s) const {
    const auto word = c_.text_of(k);
    const bool participle = word.size() > 4 && word.substr(word.size() - 3) == "ing" &&
                            !(k > s.first_token && c_.facts(k - 1).be_form);
    if (participle) return actor(clause_subject(c_, s.first_token, k));
    return first_of(actors_left(c_, k, s.first_token, false));
  }

  // Who said the quote: a full quote looks for its reporting verb after it first (`"...,"
  // Peskov said`), a few quoted words before them (`expressed "deep disappointment"`).
  std::optional<uint32_t> attribute(Quote& q) const {
    if (q.partial) {
      if (auto a = before(q); a || q.verb_at != SIZE_MAX) return a;
      return after(q);
    }
    if (auto a = after(q); a || q.verb_at != SIZE_MAX) return a;
    return before(q);
  }

  // After the quote, in the sentence of its closing mark: `," X said`, `said X`, `according to
  // X`, before any new clause (`"deep disappointment" that talks had failed, while voicing`).
  std::optional<uint32_t> after(Quote& q) const {
    const size_t close = q.close;  // the closing mark, or the end
    if (close >= c_.size() || !c_.same_sentence(close > 0 ? close - 1 : close, close))
      return std::nullopt;
    const auto& s = c_.sentence(close);
    const size_t limit = std::min<size_t>(s.last_token, close + 16);
    for (size_t k = close + 1; k < limit; ++k) {
      if (c_.mark(k) == 0x201C || c_.mark(k) == '"' || c_.facts(k).clause_opener) break;
      if (const auto [n, speaker_after] = reporting_phrase(k); n > 0) {
        q.verb_at = k;
        q.verb = phrase_text(k, n);
        if (speaker_after) return first_of(actors_right(c_, k + n, limit));
        return first_of(actors_left(c_, k, close + 1, false));
      }
      if (!reports(c_, k)) continue;
      q.verb_at = k;
      q.verb = verb_name(k);
      // `," said Peskov`: the actor after the verb, when the verb follows the quote at once.
      const bool at_once = k == close + 1 || (k == close + 2 && c_.is(close + 1, ","));
      if (at_once)
        if (auto a = first_of(actors_right(c_, k + 1, std::min(limit, k + 8)))) return a;
      // "Peskov said", "President Putin's top spokesman Dmitry Peskov told": the nearest before.
      return first_of(actors_left(c_, k, close + 1, false));
    }
    return std::nullopt;
  }

  // Before the quote, in the sentence of its opening: `X said: "..."`, `X expressed "..."`,
  // `what he called a "cynical assassination"`, `X: "..."`.
  std::optional<uint32_t> before(Quote& q) const {
    const size_t first = q.parts.front().first;
    if (first == 0) return std::nullopt;
    const auto& s = c_.sentence(first);
    const size_t from = std::max<size_t>(s.first_token, first >= 30 ? first - 30 : 0);
    for (size_t k = first; k-- > from;) {
      if (c_.quoted(k)) {
        // An earlier quote of the sentence: `calling it an "assassination" committed in a
        // "cynical manner"` are the words of one speaker.
        const Quote& earlier = c_.quotes[static_cast<size_t>(c_.quote_of[k])];
        if (q.partial && earlier.speaker && earlier.verb_at != SIZE_MAX &&
            c_.same_sentence(earlier.verb_at, first)) {
          q.verb_at = earlier.verb_at;
          q.verb = earlier.verb;
          return earlier.speaker;
        }
        break;
      }
      if (const auto [n, speaker_after] = reporting_phrase(k); n > 0) {
        q.verb_at = k;
        q.verb = phrase_text(k, n);
        return phrase_speaker(k, n, speaker_after, first, s);
      }
      if (reports(c_, k)) {
        q.verb_at = k;
        q.verb = verb_name(k);
        return subject_of(k, s);
      }
    }
    // `Putin last month: "I apologize..."`: a name, perhaps a date, and a colon right before
    // the quote stand for "said" (not `a piece titled: "..."`).
    if (q.open > s.first_token && c_.is(q.open - 1, ":")) {
      size_t k = s.first_token;
      if (c_.is(k, "the")) ++k;
      const int m = c_.mention(k);
      if (m >= 0 && subject_mention(c_, m)) {
        size_t j = c_.out.mentions[static_cast<size_t>(m)].last_token;
        while (j < q.open - 1 && c_.timex_at[j] >= 0) ++j;
        if (j == q.open - 1) {
          q.verb = c_.lex.reporting_verbs().front();
          return c_.out.mentions[static_cast<size_t>(m)].actor;
        }
      }
    }
    // A quote after a verb of speaking: `Putin blasted the "cynical" killing`, `He accused the
    // authority of using the crisis "as cover for cuts."`.
    for (size_t k = first; k-- > from;) {
      if (c_.quoted(k)) break;
      if (auto lemma = spoken_verb(k); !lemma.empty()) {
        q.verb_at = k;
        q.verb = lemma;
        return subject_of(k, s);
      }
    }
    return std::nullopt;
  }

  Context& c_;
};

}  // namespace

void attribute_quotes(Context& c) {
  Attributor(c).run();
}

namespace {

// `Mirell appealed for calm on Saturday night. "Anger is understandable," he said.`: words the
// article gives no date for were spoken when their speaker last spoke in the paragraph, if an
// earlier sentence of it dates that (an event done by speaking, by the same speaker).
void said_before(const Context& c, Statement& st) {
  if (st.time.basis != "dateline" || !st.speaker) return;
  for (size_t e = c.out.events.size(); e-- > 0;) {
    const auto& ev = c.out.events[e];
    if (ev.paragraph != st.paragraph || ev.trigger.begin >= st.sentence.begin || !ev.spoken)
      continue;
    if (std::find(ev.source.begin(), ev.source.end(), *st.speaker) == ev.source.end()) continue;
    if (ev.time.timex < 0) return;
    st.time = ev.time;
    st.time.basis = "paragraph";
    return;
  }
}

}  // namespace

void find_statements(Context& c) {
  for (const auto& q : c.quotes) {
    if (!q.speaker) continue;
    const size_t first = q.parts.front().first, last = q.parts.back().second;
    Statement st;
    st.speaker = q.speaker;
    st.verb = q.verb;
    st.partial = q.partial;
    st.paragraph = c.paragraph_of[first];
    for (const auto& [a, b] : q.parts)
      if (b > a) st.parts.push_back({c.tokens[a].begin, c.tokens[b - 1].end});
    st.quote = {st.parts.front().begin, st.parts.back().end};
    // When it was said: a date by the reporting verb, never one inside the quote, nor one after
    // a quote that follows its verb ("what he called an 'assassination' a day earlier").
    const bool verb_known = q.verb_at != SIZE_MAX;
    const size_t anchor = verb_known ? q.verb_at : first;
    const std::pair<size_t, size_t> ignore =
        verb_known && q.verb_at < first
            ? std::pair<size_t, size_t>{q.open, c.sentence(first).last_token}
            : std::pair<size_t, size_t>{q.open, q.close};
    st.time = time_at(c, anchor, true, ignore);
    said_before(c, st);
    // A few words quoted inside a sentence were said when what the sentence reports was done:
    // "Putin on Sunday extended his condolences over what he called a 'cynical assassination'".
    if (q.partial && st.time.basis == "dateline") {
      auto t = time_at(c, anchor, false, ignore);
      if (t.basis != "dateline") st.time = std::move(t);
    }
    st.sentence = c.sentence(anchor).span;
    for (size_t k = first; k < last; ++k) {
      const int m = c.mention(k);
      if (m < 0) continue;
      const uint32_t a = c.out.mentions[static_cast<size_t>(m)].actor;
      if (std::find(st.actors.begin(), st.actors.end(), a) == st.actors.end())
        st.actors.push_back(a);
    }
    for (uint32_t e = 0; e < c.out.events.size(); ++e)
      if (st.quote.contains(c.out.events[e].trigger)) st.events.push_back(e);
    c.out.statements.push_back(std::move(st));
  }
}

}  // namespace dateline::extract
