#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dateline::core::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF are ill-formed), or nullopt.
std::optional<size_t> first_invalid(std::string_view text);

// A copy of text with every ill-formed sequence replaced by U+FFFD (one per maximal subpart).
std::string replace_invalid(std::string_view text);

// Decodes the code point starting at text[i] and advances i past it. Ill-formed bytes decode
// to U+FFFD and advance by one byte, so decoding never stalls.
char32_t decode(std::string_view text, size_t& i);

// Appends the UTF-8 encoding of cp to out.
void append(std::string& out, char32_t cp);

// 1-based line and column (in bytes) of a byte offset.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column(std::string_view text, size_t offset);

// True for the characters news text uses as letters (ASCII letters and any non-ASCII
// code point outside the punctuation, symbol and space blocks below).
bool is_letter(char32_t cp);
// Spaces, including no-break and the zero-width ones, which count as nothing inside words.
bool is_space(char32_t cp);
bool is_zero_width(char32_t cp);

}  // namespace dateline::core::utf8
