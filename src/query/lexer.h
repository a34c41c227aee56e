#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::query {

// One token of a query line, with where it stands in the line, so errors can point at it.
struct Token {
  enum class Kind : uint8_t {
    Word,       // anything up to a space, quote, comma or semicolon: events, e12, Sept., 2026-03
    String,     // "Edvin Kask": text holds the words inside, \" and \\ unescaped
    Comma,      // inside dates: March 1, 2026
    Semicolon,  // separates commands on one line
    End,        // after the last token; begin = end = the line's length
  };
  Kind kind = Kind::End;
  std::string text;
  size_t begin = 0, end = 0;  // bytes of the line, quotes included
};

// Splits a line into tokens, ending with one End token. An unterminated string is a
// QueryError pointing at its opening quote.
std::vector<Token> lex(std::string_view line);

}  // namespace dateline::query
