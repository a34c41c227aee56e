#pragma once
// The working state of one article's extraction, shared by sentences.cpp, actors.cpp,
// events.cpp and statements.cpp. Not part of the extractor's interface.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/tokenizer.h"
#include "extract/annotation.h"
#include "extract/lexicon.h"
#include "ingest/layout_cues.h"

namespace dateline::extract {

// A quotation: the tokens between its marks, possibly over several paragraphs, and who the
// article says said it (attribute_quotes).
struct Quote {
  uint32_t open = 0, close = 0;  // tokens of the marks (close: one past the last quoted token)
  std::vector<std::pair<uint32_t, uint32_t>> parts;  // quoted token ranges, one per paragraph
  bool partial = false;
  std::optional<uint32_t> speaker;     // actor index
  std::optional<uint32_t> speaks_for;  // what "we" stands for: the speaker's body, or the speaker
  size_t verb_at = SIZE_MAX;           // the reporting verb's token, when one
  std::string verb;
};

struct Context {
  const ExtractLexicon& lex;
  const Gazetteer& gazetteer;
  const ingest::LayoutCues& cues;
  AnnotatedArticle& out;
  std::string_view text;

  std::vector<core::Token> tokens;
  std::vector<uint32_t> paragraph_of;  // per token
  std::vector<uint32_t> sentence_of;   // per token
  std::vector<int> mention_at;         // per token: the mention covering it, or -1
  std::vector<int> timex_at;           // per token: the timex covering it, or -1
  std::vector<int> quote_of;           // per token: the quotation it is inside, or -1
  std::vector<Quote> quotes;
  std::vector<bool> event_paragraph;  // per paragraph: events are read from it (body, caption)

  // Bounds on the pronoun resolution's recursion (clause_subject -> resolve_pronoun ->
  // clause_subject), which otherwise doubles its work with each unresolved "it" of a sentence
  // and follows a chain of sentences opening with "It" to the paragraph's start. Found by
  // fuzzing: a line of "it"s took minutes.
  struct SubjectScan {
    size_t first = 0, clear_until = 0;  // clause_subject(first, ...) has found no one before here
  };
  mutable std::vector<SubjectScan> subject_scans;  // the clause_subject calls under way
  mutable int sentences_back = 0;                  // sentences resolve_neuter has gone back

  // Token helpers.
  size_t size() const { return tokens.size(); }
  std::string_view text_of(size_t i) const {
    return i < tokens.size() ? tokens[i].text(text) : std::string_view();
  }
  const WordFacts& facts(size_t i) const {
    return lex.facts(i < tokens.size() ? tokens[i].lex : 0);
  }
  bool is(size_t i, std::string_view key) const {
    return i < tokens.size() && tokens[i].lex != 0 && tokens[i].lex == lex.id(key);
  }
  bool capitalized(size_t i) const { return i < tokens.size() && tokens[i].capitalized; }
  bool same_sentence(size_t a, size_t b) const {
    return a < tokens.size() && b < tokens.size() && sentence_of[a] == sentence_of[b];
  }
  // The code point of a one-mark token ('"', '“', '”'...), or 0.
  char32_t mark(size_t i) const {
    return i < tokens.size() && tokens[i].is_punct() ? core::punct_code_point(text, tokens[i]) : 0;
  }
  const Sentence& sentence(size_t token) const { return out.sentences[sentence_of[token]]; }
  bool quoted(size_t i) const { return i < quote_of.size() && quote_of[i] >= 0; }
  // The mention covering token i, or -1 (past the last token too, like the helpers above).
  int mention(size_t i) const { return i < mention_at.size() ? mention_at[i] : -1; }
};

// The stages, in order.
void split_sentences(Context& c);
void find_quotes(Context& c);
void find_actors(Context& c);
void attribute_quotes(Context& c);
void find_events(Context& c);
void find_statements(Context& c);

// Shared by the stages: the actor a pronoun or description at token i stands for (the last
// person named before it outside quotes), or -1.
int resolve_pronoun(const Context& c, size_t i);
// The actor a first-person pronoun inside a quote stands for ("I": the speaker; "we": the body
// the speaker speaks for), or -1.
int first_person_actor(const Context& c, size_t i);
// The article's actor for a gazetteer record, added (without mentions) when not there yet.
uint32_t known_actor(Context& c, size_t record);
// Whether a pronoun standing for an actor starts at token i ("he", "we", "the latter").
bool pronoun_at(const Context& c, size_t i);
// Whether token i is a reporting verb used as one: not part of a name ("United States"), not
// "continues to" or "promised to" before another verb.
bool reports(const Context& c, size_t i);
// The subject of the clause that starts at token `first`: the first actor named (or pronoun)
// before `to` that is not a modifier, a possessive or the object of a preposition, or -1.
int clause_subject(const Context& c, size_t first, size_t to);

// Whether a mention may fill a role (no outlet, no credited person).
bool usable_mention(const Context& c, int mention);
// Whether the mention is the object of a preposition ("with the leadership", "in Tehran").
bool after_preposition(const Context& c, const Mention& m);
// Whether it can be the subject of a verb after it: not a modifier ("Iranian President"), a
// possessive ("Khamenei's death") or the object of a preposition ("with Iran").
bool subject_mention(const Context& c, int mention);
// The actors mentioned before token i in [from, i), nearest first, with those joined to it by
// "and" or a comma; a subject pronoun ("he", "the latter") stands for the person it refers to.
std::vector<uint32_t> actors_left(const Context& c, size_t i, size_t from, bool allow_modifiers);
// The actors mentioned from token i on, before `to`, with those joined to them.
std::vector<uint32_t> actors_right(const Context& c, size_t i, size_t to,
                                   const std::vector<uint32_t>& exclude = {});
// The two actors "both governments", "both sides" or "both leaders" at token k stand for: the
// last two countries, bodies or people named before it; empty when it is none of these.
std::vector<uint32_t> plural_reference(const Context& c, size_t k,
                                       const std::vector<uint32_t>& exclude = {});
// Whether one of the words (ids) is within four tokens of the phrase [i, i + length) in its
// sentence: the `near` and `not_near` conditions of the CAMEO lexicon.
bool words_near(const Context& c, size_t i, size_t length, const std::vector<uint32_t>& words);
// The bounds of the clause around token i: [first, last).
std::pair<size_t, size_t> clause_of(const Context& c, size_t i);
// The time of an event or a statement at token i: a timex of its clause, else a timex of its
// sentence not tied to a reporting verb, else the dateline. Timexes in `ignore` (tokens
// [first, second)) do not count: for a statement, those inside what it quotes.
// The time of an event no expression dates: its article's dateline, or none.
EventTime dateline_time(const Context& c);
EventTime time_at(const Context& c, size_t i, bool speech,
                  std::pair<size_t, size_t> ignore = {0, 0});
// When `t` fell back on the dateline: the day of the story the paragraph was telling, if an
// earlier sentence of it named one (basis "paragraph").
void narrative_time(const Context& c, size_t i, EventTime& t);

}  // namespace dateline::extract
