#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/tokenizer.h"
#include "core/vocabulary.h"
#include "temporal/value.h"

namespace dateline::temporal {

enum class AnchorKind : uint8_t { None, Dateline, Previous, Following };
enum class Direction : uint8_t { Auto, Past, Future, Same };

// "last", "next", "ago", "earlier": which one, counted from what.
struct Relative {
  bool present = false;
  Direction direction = Direction::Auto;
  AnchorKind anchor = AnchorKind::Dateline;
  AnchorKind after_the = AnchorKind::None;  // the anchor when "the" comes first
};

// A fixed expression: shift the anchor by offset units (today, a day earlier, that evening).
struct FixedSpec {
  Unit unit = Unit::Day;
  int offset = 0;
  AnchorKind anchor = AnchorKind::Dateline;
  PartOfDay part = PartOfDay::None;
  int month = 0, day = 0;  // then set these fields (year-end: 12-31)
  Mod mod = Mod::None;
  bool only_alone = false;
};

struct SetSpec {
  Unit unit = Unit::Day;
  PartOfDay part = PartOfDay::None;
  bool adverb_only = false;
};

// What a phrase of several tokens (or one word) is.
struct PhraseHit {
  enum class Kind : uint8_t { Fixed, Reference, Set, Modifier, FutureCue, NotTemporal };
  Kind kind = Kind::Fixed;
  uint32_t index = 0;   // into fixed(), sets(); or the Ref / Mod value
  uint32_t length = 0;  // tokens
  uint32_t skip = 0;  // leading tokens that must be there but stay out of the span ("[at] present")
};

// Everything one word can be.
struct WordInfo {
  int month = 0;  // 1-12
  bool month_abbreviation = false, month_ambiguous = false;
  int weekday = 0;  // 1-7
  bool weekday_abbreviation = false, weekday_ambiguous = false;
  Unit unit = Unit::None;
  bool plural = false;
  int cardinal = -1;  // -1: not a number word; 0: an unspecified count
  int ordinal = 0;
  int decade = 0;
  PartOfDay part = PartOfDay::None;
  int clock_hour = -1;
  Season season = Season::None;
  Relative before, after;
  int meridiem = 0;  // 1 am, 2 pm
  int frequency = 0;
  bool time_zone = false, ordinal_suffix = false, per_word = false;
  bool not_year_after = false, quantity_word = false, past_cue = false, past_auxiliary = false;
  bool duration_filler = false, age_word = false, abbreviation = false, deadline = false,
       origin = false, effective = false;
  bool name_head = false;  // "Mosque" in "the Friday Mosque"
  // Tense around "to" and -ed words: "according [to]" makes "to" a preposition; "to the" is no
  // infinitive; "indeed" is no past form; "a [newly] signed deal" holds a participle.
  bool to_preposition = false, not_verb_after_to = false, not_past_form = false,
       participle_marker = false;
  Unit multiple_of = Unit::None;  // "fortnight": two weeks
  int multiple = 0;
  std::string quantifier;  // EVERY, EACH
  bool phrase_start = false;
  bool future_cue_start = false;  // a future cue's phrase starts here (computed on load)
};

// The temporal words of data/lexicon/temporal.yaml and calendar.yaml, with token ids: every
// word or punctuation mark any list or phrase uses gets an id; tokens are looked up once and
// the parsers compare ids, never strings.
class Lexicon {
 public:
  // With `extend`, the ids of that vocabulary's keys are kept (core::Vocabulary::extend), so
  // that tokens labelled here are labelled for its lists too (the extractor's).
  static Lexicon load(const std::filesystem::path& temporal_yaml,
                      const core::CalendarWords& calendar,
                      const core::Vocabulary* extend = nullptr);
  const core::Vocabulary& vocabulary() const { return vocab_; }

  // Appends the tokens of text[range) to `out`, each with its id (lex), in one pass.
  void tokenize(std::string_view text, core::Span range, std::vector<core::Token>& out) const {
    core::tokenize(text, range, out, vocab_);
  }
  // Whether some parser may start at a token so labelled: a number or a trigger word.
  bool trigger(const core::Token& t) const { return t.is_number() | trigger_by_id_[t.lex]; }

  const WordInfo& info(uint32_t id) const { return words_[id]; }
  uint32_t id(std::string_view key) const;  // a lower-case word or a punctuation mark

  // The longest phrases starting at token i, longest first; each hit once per kind.
  void phrases_at(const std::vector<core::Token>& tokens, size_t i,
                  std::vector<PhraseHit>& out) const;

  const std::vector<FixedSpec>& fixed() const { return fixed_; }
  const std::vector<SetSpec>& sets() const { return sets_; }

 private:
  uint32_t intern(const std::string& key);
  void add_phrase(const std::string& text, PhraseHit hit);

  core::Vocabulary vocab_;
  core::PhraseTrie<PhraseHit> phrases_;
  std::vector<WordInfo> words_;  // by word id; words_[0] is the empty entry
  // By word id: some parser may start there (computed on load), a byte apart from the wide
  // WordInfo so that scanning a text touches a small table.
  std::vector<uint8_t> trigger_by_id_;
  std::vector<FixedSpec> fixed_;
  std::vector<SetSpec> sets_;
};

}  // namespace dateline::temporal
