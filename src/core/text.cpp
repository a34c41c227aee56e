#include "core/text.h"

#include "core/utf8.h"

namespace dateline::core::text {

namespace {
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether the character at s[i] is whitespace; sets len to its length in bytes. ASCII first.
bool space_at(std::string_view s, size_t i, size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    len = 1;
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  }
  size_t k = i;
  const char32_t cp = utf8::decode(s, k);
  len = k - i;
  return utf8::is_space(cp);
}

bool ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
}  // namespace

size_t count_words(std::string_view s, size_t limit) {
  size_t n = 0, len = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size(); i += len) {
    const bool space = space_at(s, i, len);
    if (!space && !in_word && ++n > limit) return n;
    in_word = !space;
  }
  return n;
}

std::vector<std::string_view> last_words(std::string_view s, size_t n) {
  std::vector<std::string_view> out;
  size_t end = s.size();
  while (out.size() < n) {
    while (end > 0 && ascii_space(s[end - 1])) --end;
    if (end == 0) break;
    size_t start = end;
    while (start > 0 && !ascii_space(s[start - 1])) --start;
    out.insert(out.begin(), s.substr(start, end - start));
    end = start;
  }
  return out;
}

std::string collapse_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t len = 0;
  bool pending = false;
  for (size_t i = 0; i < s.size(); i += len) {
    if (space_at(s, i, len)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out.append(s.substr(i, len));
  }
  return out;
}

bool is_blank(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'))
        return false;
      ++i;
      continue;
    }
    const char32_t cp = utf8::decode(s, i);
    if (!utf8::is_space(cp) && !utf8::is_zero_width(cp)) return false;
  }
  return true;
}

Span trimmed(std::string_view text, Span s) {
  uint32_t b = s.begin, e = s.end;
  while (b < e) {
    const auto c = static_cast<unsigned char>(text[b]);
    if (c < 0x80) {
      if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) break;
      ++b;
      continue;
    }
    size_t i = b;
    const char32_t cp = utf8::decode(text, i);
    if (!utf8::is_space(cp) && !utf8::is_zero_width(cp)) break;
    b = static_cast<uint32_t>(i);
  }
  while (e > b) {
    const auto c = static_cast<unsigned char>(text[e - 1]);
    if (c < 0x80) {
      if (!(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) break;
      --e;
      continue;
    }
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
  if (static_cast<unsigned char>(s[0]) < 0x80) return static_cast<unsigned char>(s[0]);
  size_t i = 0;
  return utf8::decode(s, i);
}

char32_t last_code_point(std::string_view s) {
  if (s.empty()) return 0;
  if (static_cast<unsigned char>(s.back()) < 0x80) return static_cast<unsigned char>(s.back());
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
  size_t start = std::string_view::npos, len = 0;
  for (size_t i = 0; i < s.size(); i += len) {
    const bool space = space_at(s, i, len);
    if (space && start != std::string_view::npos) {
      out.push_back({s.substr(start, i - start), start});
      start = std::string_view::npos;
    } else if (!space && start == std::string_view::npos) {
      start = i;
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

std::string visible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t at = i;
    if (!utf8::is_zero_width(utf8::decode(s, i))) out.append(s.substr(at, i - at));
  }
  return out;
}

}  // namespace dateline::core::text
