#include "render/escape.h"

#include <cctype>
#include <string_view>

#include <fmt/format.h>

#include "core/utf8.h"

namespace dateline::render {

namespace {

bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe;
}

void append_trimmed_space(std::string& out) {
  if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
}

void drop_trailing_space(std::string& out) {
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
}

// Replaces each character `from` with `to`.
std::string replace_all(std::string_view s, char from, std::string_view to) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c == from)
      out += to;
    else
      out += c;
  return out;
}

bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

// Characters of RFC 3986 that may stand unescaped in an address (ampersand apart).
bool url_char(char c) {
  static constexpr std::string_view kMarks = "-._~:/?#[]@!$()*+,;=";
  return std::isalnum(static_cast<unsigned char>(c)) || kMarks.find(c) != std::string_view::npos;
}

}  // namespace

std::string clean_text(std::string_view s, size_t max_chars, bool keep_lines) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < s.size();) {
    const char32_t cp = core::utf8::decode(s, i);
    if (cp == '\n' && keep_lines) {
      drop_trailing_space(out);
      out += '\n';
      continue;
    }
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || core::utf8::is_space(cp) ||
        is_control(cp)) {
      append_trimmed_space(out);
      continue;
    }
    if (max_chars && chars + 1 >= max_chars && i < s.size()) {
      drop_trailing_space(out);
      out += "\u2026";
      return out;
    }
    core::utf8::append(out, cp);
    ++chars;
  }
  drop_trailing_space(out);
  return out;
}

std::string label_text(std::string_view s, size_t max_chars) {
  const std::string clean = clean_text(s, max_chars);
  std::string out;
  for (char c : clean) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

std::string tooltip_text(std::string_view s) {
  // Graphviz unescapes a tooltip twice (once reading it, once replacing \N and the like): a
  // backslash survives both as four.
  return replace_all(replace_all(clean_text(s, 0, true), '&', "&amp;"), '\\', "\\\\\\\\");
}

std::string safe_url(std::string_view url) {
  while (!url.empty() && (url.front() == ' ' || url.front() == '\t')) url.remove_prefix(1);
  while (!url.empty() && (url.back() == ' ' || url.back() == '\t')) url.remove_suffix(1);
  std::string scheme;
  for (char c : url.substr(0, url.find(':')))
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (url.find(':') == std::string_view::npos || (scheme != "http" && scheme != "https") ||
      url.substr(scheme.size()).rfind("://", 0) != 0)
    return {};
  std::string out = scheme;
  for (size_t i = scheme.size(); i < url.size(); ++i) {
    const char c = url[i];
    if (c == '&')
      out += "&amp;";
    else if (c == '%' && i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2]))
      out += c;
    else if (url_char(c))
      out += c;
    else
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

}  // namespace dateline::render
