#include "query/lexer.h"

#include "query/error.h"

namespace dateline::query {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool ends_word(char c) {
  return is_space(c) || c == '"' || c == ',' || c == ';';
}

// A quoted string starting at line[i] == '"'; advances i past the closing quote.
Token quoted(std::string_view line, size_t& i) {
  Token t{Token::Kind::String, {}, i, i};
  for (++i; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      t.end = ++i;
      return t;
    }
    if (c == '\\' && i + 1 < line.size() && (line[i + 1] == '"' || line[i + 1] == '\\')) ++i;
    t.text += line[i];
  }
  throw QueryError("this string has no closing quote", t.begin, t.begin + 1);
}

}  // namespace

std::vector<Token> lex(std::string_view line) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (is_space(c)) {
      ++i;
    } else if (c == '"') {
      out.push_back(quoted(line, i));
    } else if (c == ',' || c == ';') {
      out.push_back({c == ',' ? Token::Kind::Comma : Token::Kind::Semicolon, {c}, i, i + 1});
      ++i;
    } else {
      const size_t begin = i;
      while (i < line.size() && !ends_word(line[i])) ++i;
      out.push_back({Token::Kind::Word, std::string(line.substr(begin, i - begin)), begin, i});
    }
  }
  out.push_back({Token::Kind::End, {}, line.size(), line.size()});
  return out;
}

}  // namespace dateline::query
