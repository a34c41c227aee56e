#include "core/tokenizer.h"

#include <array>
#include <cstring>

#include "core/utf8.h"
#include "core/vocabulary.h"

namespace dateline::core {

namespace {

enum Class : uint8_t { kSpace, kLetter, kDigit, kPunct, kNewline, kMulti };

constexpr std::array<uint8_t, 256> make_table() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    uint8_t k = kPunct;
    if (c >= 0x80)
      k = kMulti;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      k = kLetter;
    else if (c >= '0' && c <= '9')
      k = kDigit;
    else if (c == '\n')
      k = kNewline;
    else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0)
      k = kSpace;
    t[static_cast<size_t>(c)] = k;
  }
  return t;
}
constexpr auto kTable = make_table();

// Class of the multi-byte character at i; advances i.
uint8_t multi_byte_class(std::string_view s, size_t& i) {
  const char32_t cp = utf8::decode(s, i);
  if (cp == 0x2028 || cp == 0x2029) return kNewline;
  if (utf8::is_space(cp)) return kSpace;
  if (utf8::is_zero_width(cp)) return kMulti;  // ignorable: continues whatever it is inside
  if (utf8::is_letter(cp)) return kLetter;
  return kPunct;
}

// Class of the (possibly multi-byte) character at i; advances i. Inline, with the loop below:
// they run for every token of every text.
[[gnu::always_inline]] inline uint8_t next_class(std::string_view s, size_t& i) {
  const uint8_t k = kTable[static_cast<unsigned char>(s[i])];
  if (k != kMulti) {
    ++i;
    return k;
  }
  return multi_byte_class(s, i);
}

// How many ASCII letters start p[0, n), eight bytes at a time.
[[gnu::always_inline]] inline size_t ascii_letters(const char* p, size_t n) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  size_t k = 0;
  while (k + 8 <= n) {
    uint64_t w;
    std::memcpy(&w, p + k, 8);
    const uint64_t x = (w | 0x2020202020202020ull) & 0x7F7F7F7F7F7F7F7Full;
    const uint64_t at_least_a = x + (0x80 - 'a') * kOnes;   // bit 7 set when x >= 'a'
    const uint64_t above_z = x + (0x80 - 'z' - 1) * kOnes;  // bit 7 set when x > 'z'
    const uint64_t letters = at_least_a & ~above_z & ~w & kHigh;
    if (letters != kHigh) return k + static_cast<size_t>(__builtin_ctzll(~letters & kHigh)) / 8;
    k += 8;
  }
  while (k < n && kTable[static_cast<unsigned char>(p[k])] == kLetter) ++k;
  return k;
}

bool upper_start(std::string_view s, size_t at) {
  const unsigned char c = static_cast<unsigned char>(s[at]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t i = at;
  const char32_t cp = utf8::decode(s, i);
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp <= 0x17F && cp % 2 == 0) ||
         (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
}

// The tokenizer; label(token) is called for each token as it is made.
template <typename Label>
[[gnu::always_inline]] inline void tokenize_with(std::string_view text, Span range,
                                                 std::vector<Token>& out, const Label& label) {
  size_t i = range.begin;
  const size_t end = range.end;
  bool space = true, newline = true;
  std::string_view s = text.substr(0, end);
  while (i < end) {
    // Runs of ASCII spaces first.
    while (i < end && (s[i] == ' ' || s[i] == '\n')) {
      space = true;
      newline = newline || s[i] == '\n';
      ++i;
    }
    if (i >= end) break;
    const size_t start = i;
    const uint8_t k = next_class(s, i);
    if (k == kSpace || k == kNewline) {
      space = true;
      newline = newline || k == kNewline;
      continue;
    }
    if (k == kMulti) continue;  // a stray zero-width character
    Token& t = out.emplace_back();
    t.begin = static_cast<uint32_t>(start);
    t.space_before = space;
    t.newline_before = newline;
    space = newline = false;
    if (k == kPunct) {
      t.kind = TokenKind::Punct;
      t.end = static_cast<uint32_t>(i);
      label(t);
      continue;
    }
    // A run of letters or of digits; zero-width characters inside are carried along. The ASCII
    // part of a run is taken in a tight loop first.
    size_t j = i;
    uint64_t value = k == kDigit ? uint64_t(s[start] - '0') : 0;
    if (k == kLetter) {
      j += ascii_letters(s.data() + j, end - j);
    } else {
      while (j < end && kTable[static_cast<unsigned char>(s[j])] == kDigit) {
        if (value < 1'000'000'000) value = value * 10 + uint64_t(s[j] - '0');
        ++j;
      }
    }
    while (j < end && static_cast<unsigned char>(s[j]) >= 0x80) {
      size_t next = j;
      const uint8_t c = next_class(s, next);
      if (c != k && c != kMulti) break;
      j = next;
      if (k == kLetter) j += ascii_letters(s.data() + j, end - j);
    }
    i = j;
    t.end = static_cast<uint32_t>(j);
    if (k == kDigit) {
      t.kind = TokenKind::Number;
      t.number = static_cast<uint32_t>(value > 999'999'999 ? 999'999'999 : value);
    } else {
      t.kind = TokenKind::Word;
      t.capitalized = upper_start(s, start);
    }
    label(t);
  }
}

}  // namespace

void tokenize(std::string_view text, Span range, std::vector<Token>& out) {
  tokenize_with(text, range, out, [](Token&) {});
}

void tokenize(std::string_view text, Span range, std::vector<Token>& out, const Vocabulary& vocab) {
  tokenize_with(text, range, out, [&](Token& t) {
    t.lex = t.is_punct() ? vocab.id_of_mark(text, t) : vocab.id_of_run(text, t);
  });
}

bool lower_key(std::string_view word, std::string& out, size_t max_bytes) {
  out.clear();
  if (word.size() > max_bytes) return false;
  for (size_t i = 0; i < word.size();) {
    const unsigned char c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
      ++i;
      continue;
    }
    const size_t at = i;
    const char32_t cp = utf8::decode(word, i);
    if (utf8::is_zero_width(cp)) continue;
    out.append(word.substr(at, i - at));
  }
  return true;
}

char32_t punct_code_point(std::string_view text, const Token& t) {
  size_t i = t.begin;
  return utf8::decode(text, i);
}

}  // namespace dateline::core
