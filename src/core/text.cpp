#include "core/text.h"

#include "core/utf8.h"

namespace dateline::core::text {

namespace {
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
}  // namespace

bool is_blank(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const char32_t cp = utf8::decode(s, i);
    if (!utf8::is_space(cp) && !utf8::is_zero_width(cp)) return false;
  }
  return true;
}

Span trimmed(std::string_view text, Span s) {
  uint32_t b = s.begin, e = s.end;
  while (b < e) {
    size_t i = b;
    const char32_t cp = utf8::decode(text, i);
    if (!utf8::is_space(cp) && !utf8::is_zero_width(cp)) break;
    b = static_cast<uint32_t>(i);
  }
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    size_t i = start;
    const char32_t cp = utf8::decode(text, i);
    if (!utf8::is_space(cp) && !utf8::is_zero_width(cp)) break;
    e = static_cast<uint32_t>(start);
  }
  return {b, e};
}

std::string_view trim(std::string_view s) {
  const Span t = trimmed(s, {0, static_cast<uint32_t>(s.size())});
  return t.of(s);
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (lower(s[i]) != lower(prefix[i])) return false;
  return true;
}

bool equals_ci(std::string_view a, std::string_view b) {
  return a.size() == b.size() && starts_with_ci(a, b);
}

bool contains_ci(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i)
    if (starts_with_ci(haystack.substr(i), needle)) return true;
  return false;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;  // Latin Extended-A pairs, roughly
  if (cp >= 0x391 && cp <= 0x3A9) return true;         // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;         // Cyrillic
  return false;
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 1;
  if (cp >= 0x3B1 && cp <= 0x3C9) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  return false;
}

char32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = 0;
  return utf8::decode(s, i);
}

char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return utf8::decode(s, start);
}

bool is_capitalized(std::string_view word) {
  return is_upper(first_code_point(word));
}

bool is_all_caps(std::string_view word) {
  size_t i = 0, letters = 0;
  while (i < word.size()) {
    const char32_t cp = utf8::decode(word, i);
    if (is_lower(cp)) return false;
    if (is_upper(cp)) ++letters;
  }
  return letters >= 2;
}

std::string_view strip_closers(std::string_view s) {
  while (!s.empty()) {
    const char32_t cp = last_code_point(s);
    const bool closer = cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
                        cp == 0x2019 || cp == 0xBB || cp == '*';
    if (!closer) break;
    size_t start = s.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    s = trim(s.substr(0, start));
  }
  return s;
}

bool ends_sentence(std::string_view s) {
  const char32_t cp = last_code_point(strip_closers(trim(s)));
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

std::vector<Word> words(std::string_view s) {
  std::vector<Word> out;
  size_t i = 0, start = std::string_view::npos;
  while (i < s.size()) {
    const size_t at = i;
    const char32_t cp = utf8::decode(s, i);
    const bool space = utf8::is_space(cp);
    if (space && start != std::string_view::npos) {
      out.push_back({s.substr(start, at - start), start});
      start = std::string_view::npos;
    } else if (!space && start == std::string_view::npos) {
      start = at;
    }
  }
  if (start != std::string_view::npos) out.push_back({s.substr(start), start});
  return out;
}

size_t length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace dateline::core::text
