#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"

namespace dateline::core::text {

// Whitespace includes the Unicode spaces and zero-width characters (see utf8::is_space).
bool is_blank(std::string_view s);
// The span of s within [begin, end) with surrounding whitespace removed.
Span trimmed(std::string_view text, Span s);
std::string_view trim(std::string_view s);

bool starts_with_ci(std::string_view s, std::string_view prefix);
bool equals_ci(std::string_view a, std::string_view b);
bool contains_ci(std::string_view haystack, std::string_view needle);

// Upper/lower case for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic letters.
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
// The word starts with an upper-case letter.
bool is_capitalized(std::string_view word);
// Every letter is upper case and there are at least two.
bool is_all_caps(std::string_view word);
// The first code point of s, or 0.
char32_t first_code_point(std::string_view s);
char32_t last_code_point(std::string_view s);

// s without closing quotes and brackets at its end ("...said.”)" -> "...said.").
std::string_view strip_closers(std::string_view s);
// Ends a sentence: '.', '!', '?' or '…' before any closing quotes and brackets.
bool ends_sentence(std::string_view s);

// Whitespace-separated words with their offsets into s.
struct Word {
  std::string_view text;
  size_t offset = 0;
};
std::vector<Word> words(std::string_view s);

// How many whitespace-separated words s holds, counting no further than limit + 1.
size_t count_words(std::string_view s, size_t limit = static_cast<size_t>(-2));
// The last n words of s (fewer when it has fewer), in order.
std::vector<std::string_view> last_words(std::string_view s, size_t n);
// s with runs of whitespace made single spaces and none at the ends.
std::string collapse_spaces(std::string_view s);

// Number of code points.
size_t length(std::string_view s);

// s without zero-width and direction-control characters (utf8::is_zero_width): they show
// nothing, yet would make two spellings of one name differ, or turn a name around on screen.
std::string visible(std::string_view s);

}  // namespace dateline::core::text
