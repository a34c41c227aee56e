#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/span.h"

namespace dateline::core {

class Vocabulary;

enum class TokenKind : uint8_t { Word, Number, Punct };

// A token of news text: a run of letters, a run of digits, or one punctuation mark or symbol.
// Words and numbers split where letters meet digits ("Zelenskyy28" -> "Zelenskyy", "28").
// Hyphens, apostrophes and full stops are tokens of their own; `space_before` tells glued
// tokens ("30-day", "U.S.") from separate ones.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::Punct;
  bool space_before = false;    // whitespace (or the start of the range) precedes it
  bool newline_before = false;  // a line break precedes it
  bool capitalized = false;     // word starting with an upper-case letter
  uint32_t number = 0;          // value of a Number (saturated at 999,999,999)
  uint32_t lex = 0;             // filled by a stage: its lexicon entry, 0 for none

  uint32_t size() const { return end - begin; }
  Span span() const { return {begin, end}; }
  std::string_view text(std::string_view t) const { return t.substr(begin, end - begin); }
  bool is_word() const { return kind == TokenKind::Word; }
  bool is_number() const { return kind == TokenKind::Number; }
  bool is_punct() const { return kind == TokenKind::Punct; }
};

// The tokens of an article's paragraphs, kept by one stage so the next need not tokenize
// again: tokens[range[p].first, range[p].second) are paragraph p's; an empty range when the
// paragraph was not tokenized.
struct ParagraphTokens {
  std::vector<Token> tokens;
  const Vocabulary* labelled_by = nullptr;  // the vocabulary of the tokens' lex ids
  std::vector<std::pair<uint32_t, uint32_t>> range;
  void clear(size_t paragraphs) {
    tokens.clear();
    range.assign(paragraphs, {0, 0});
  }
  bool has(size_t p) const { return p < range.size() && range[p].second > range[p].first; }
};

// Appends the tokens of text[range) to out (out is not cleared).
void tokenize(std::string_view text, Span range, std::vector<Token>& out);
// The same in one pass with each token's `lex` set to its id in `vocab` (Vocabulary::id_of).
void tokenize(std::string_view text, Span range, std::vector<Token>& out, const Vocabulary& vocab);

// The lower-case key of a word for lexicon lookups: ASCII letters lowered, zero-width
// characters dropped, other bytes kept. Returns false if the word is longer than the buffer.
bool lower_key(std::string_view word, std::string& out, size_t max_bytes = 64);

// The code point of a one-character punctuation token.
char32_t punct_code_point(std::string_view text, const Token& t);

}  // namespace dateline::core
