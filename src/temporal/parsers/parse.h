#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/tokenizer.h"
#include "temporal/lexicon.h"
#include "temporal/value.h"

namespace dateline::temporal {

// What a parser found: a typed, unresolved description of a temporal expression. The
// resolver turns it into a Value against the dateline or the date mentioned before it.
struct Draft {
  enum class Form : uint8_t {
    Absolute,  // the fields of `point` as stated; a missing year comes from the reference
    Named,     // a month, weekday, season or quarter without a year: which one by `direction`
    Shift,     // the anchor moved by `offset` `unit`s ("yesterday", "three weeks ago")
    Duration,
    Set,
    Ref,
    Unresolvable,  // a date with nothing to resolve it ("the eve of the bombing")
  };

  uint32_t first = 0, last = 0;  // tokens [first, last)
  TimexType type = TimexType::kDate;
  Form form = Form::Absolute;
  Mod mod = Mod::None;
  AnchorKind anchor = AnchorKind::Dateline;
  Direction direction = Direction::Auto;
  Point point;  // Absolute: the stated fields; Named: which month/weekday/season/quarter;
                // Shift: part of day, clock time and fixed month/day to apply after shifting
  Unit unit = Unit::None;  // Shift: unit of the offset; Named: the kind of name
  int offset = 0;          // Shift
  bool offset_unknown = false;
  bool keep_anchor_gran = false;  // Shift: "a year earlier" after a quarter is that quarter
  bool stated = false;  // Shift: the text names the period ("this year's third quarter", "the
                        // latest quarter"), so it may anchor "a year earlier" like a stated date
  bool same_as_previous = false;  // "until then": the date stated last in its paragraph, or none
  Duration duration;
  SetValue set;
  Ref ref = Ref::Present;
  bool weak = false;        // a bare clock time: kept only when it joins a date
  bool clock = false;       // carries a clock time
  int priority = 0;         // breaks ties between drafts of the same length
  bool future = false;      // its clause speaks of the future (set by refine)
  const char* family = "";  // which parser found it

  uint32_t length() const { return last - first; }
};

// Read access to the tokens of one paragraph with lexicon ids, for the parsers.
class Scanner {
 public:
  struct Ids;
  // `triggers` is scratch space the caller may reuse between paragraphs.
  Scanner(std::string_view text, const std::vector<core::Token>& tokens, const Lexicon& lex,
          const Ids& ids, std::vector<uint32_t>& triggers);

  size_t size() const { return tokens_.size(); }
  // The tokens a parser may start at: numbers, an apostrophe, and words some list knows as a
  // possible start. Most words of a text are none of these; the parsers loop over this.
  const std::vector<uint32_t>& triggers() const { return triggers_; }
  // Scratch space for phrase lookups, reused by every parser on this paragraph.
  std::vector<PhraseHit>& hits() const { return hits_; }
  // Every accessor takes any index: past the end there is an empty punctuation token, so the
  // parsers can look ahead without checking bounds first.
  const core::Token& tok(size_t i) const { return i < tokens_.size() ? tokens_[i] : kNone; }
  std::string_view text(size_t i) const {
    return i < tokens_.size() ? tokens_[i].text(text_) : std::string_view();
  }
  std::string_view text() const { return text_; }
  const WordInfo& info(size_t i) const {
    return lex_.info(i < tokens_.size() ? tokens_[i].lex : 0);
  }
  bool is(size_t i, uint32_t id) const {
    return i < tokens_.size() && id != 0 && tokens_[i].lex == id;
  }
  bool is_number(size_t i) const { return i < tokens_.size() && tokens_[i].is_number(); }
  bool is_word(size_t i) const { return i < tokens_.size() && tokens_[i].is_word(); }
  // Token i touches token i - 1 (no space between).
  bool glued(size_t i) const { return i < tokens_.size() && !tokens_[i].space_before; }
  uint32_t number(size_t i) const { return tok(i).number; }
  uint32_t digits(size_t i) const { return tok(i).size(); }
  const Lexicon& lexicon() const { return lex_; }
  // Phrases of the lexicon starting at token i, longest first.
  void phrases_at(size_t i, std::vector<PhraseHit>& out) const { lex_.phrases_at(tokens_, i, out); }
  // The ends a sentence: ';', '?', '!', or a full stop before a capitalised word.
  bool sentence_break(size_t i) const;

  // A number written in words or digits at i ("three", "twenty-five", "30", "a couple of"):
  // its value (0 for "several", "a few") and the tokens it takes; nullopt if none.
  struct Count {
    int value = 0;
    bool unknown = false;
    size_t length = 0;
    double fraction = 0;  // "2 1/2", "and a half"
  };
  std::optional<Count> count_at(size_t i) const;

  // Ids of words the parsers look for.
  struct Ids {
    uint32_t the, of, in, on, at, by, and_, or_, to, s, fiscal, year, from, since, until, through,
        during, for_, within, o, clock, half, quarter, x, times, local, time, than, ago;
    uint32_t early, late, mid, over, after, latest, recent, comparable, corresponding, same,
        current, period, ended, ending, earlier, later, last, final_;
    uint32_t hyphen, dot, comma, apostrophe, slash, colon, lparen, rparen, quote;
  };
  const Ids& ids() const { return ids_; }
  // Looked up once per lexicon, not per paragraph.
  static Ids make_ids(const Lexicon& lex);

 private:
  static inline const core::Token kNone{};
  std::string_view text_;
  const std::vector<core::Token>& tokens_;
  const Lexicon& lex_;
  const Ids& ids_;
  std::vector<uint32_t>& triggers_;
  mutable std::vector<PhraseHit> hits_;
};

// A draft over tokens [first, last) from a parser family.
Draft make_draft(size_t first, size_t last, const char* family,
                 Draft::Form form = Draft::Form::Absolute, TimexType type = TimexType::kDate);
// A time of day on the date before it (the resolver moves it to the date after when told):
// a clock time at hour or minute grain, or a part of the day.
Draft time_of_day_draft(size_t first, size_t last, int hour, int minute, Unit gran);
// A duration of `amount` units; kUnknown for an unknown count ("for weeks").
Draft duration_draft(size_t first, size_t last, Unit unit, double amount);

// The parser families, one file each under parsers/. Each appends its drafts.
void parse_absolute(const Scanner& s, std::vector<Draft>& out);
void parse_weekdays(const Scanner& s, std::vector<Draft>& out);
void parse_relative(const Scanner& s, std::vector<Draft>& out);  // deictic and anaphoric
void parse_durations(const Scanner& s, std::vector<Draft>& out);
void parse_sets(const Scanner& s, std::vector<Draft>& out);
void parse_clock(const Scanner& s, std::vector<Draft>& out);  // clock times, parts of day
void parse_quarters(const Scanner& s, std::vector<Draft>& out);
void parse_phrases(const Scanner& s, std::vector<Draft>& out);  // fixed phrases, references

// After parsing: keep the longest of overlapping drafts, extend drafts over the modifiers before
// them ("early Saturday", "more than four hours"), join a date and a clock time
// ("28.02.26, 16:20"), drop what is left weak.
void refine(const Scanner& s, std::vector<Draft>& drafts);

// Whether the clause around tokens [first, last) speaks of the future.
bool future_clause(const Scanner& s, size_t first, size_t last);

}  // namespace dateline::temporal
