#include "ingest/paragraphs.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "core/text.h"
#include "core/utf8.h"

namespace dateline::ingest {

namespace text = core::text;
using core::Span;

namespace {

// Classification looks at the start and end of a unit; a unit longer than this is prose.
constexpr size_t kShortUnit = 2000;
// How far back from a unit's end a photo credit may start.
constexpr size_t kCreditWindow = 320;

struct Line {
  Span span;  // without the line break
  bool blank = false;
};

std::vector<Line> split_lines(std::string_view t, Span range) {
  std::vector<Line> lines;
  uint32_t start = range.begin;
  while (true) {
    const void* nl = std::memchr(t.data() + start, '\n', range.end - start);
    const uint32_t i =
        nl ? static_cast<uint32_t>(static_cast<const char*>(nl) - t.data()) : range.end;
    uint32_t end = i;
    if (end > start && t[end - 1] == '\r') --end;
    const Span s{start, end};
    lines.push_back({s, text::is_blank(s.of(t))});
    if (!nl) break;
    start = i + 1;
  }
  return lines;
}

// A block of lines of about the same width, none very long, is prose wrapped by hand.
bool hard_wrapped(std::string_view t, const std::vector<Line>& lines, size_t first, size_t last) {
  if (last - first < 2) return false;
  // Widths in bytes: near enough to characters for comparing lines of one block.
  size_t widest = 0;
  for (size_t i = first; i < last; ++i) widest = std::max<size_t>(widest, lines[i].span.size());
  if (widest < 40 || widest > 130) return false;
  for (size_t i = first; i + 1 < last; ++i) {
    if (size_t(lines[i].span.size()) * 10 < widest * 6) return false;
    // A line repeated (a caption, a headline) is not wrapped prose.
    if (text::trim(lines[i].span.of(t)) == text::trim(lines[i + 1].span.of(t))) return false;
  }
  return true;
}

// Whether s starts with one of the phrases (ignoring case); a cheap first-letter test first.
bool starts_with_any(std::string_view s, const std::vector<std::string>& list) {
  if (s.empty()) return false;
  const char first = static_cast<char>(s[0] | 0x20);
  for (const auto& p : list)
    if (!p.empty() && static_cast<char>(p[0] | 0x20) == first && text::starts_with_ci(s, p))
      return true;
  return false;
}

bool word_is(std::string_view w, const std::vector<std::string>& list) {
  for (const auto& x : list)
    if (text::equals_ci(w, x)) return true;
  return false;
}

bool has_letter(std::string_view s) {
  size_t i = 0;
  while (i < s.size())
    if (core::utf8::is_letter(core::utf8::decode(s, i))) return true;
  return false;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view strip_punct(std::string_view w) {
  const auto punct = [](char c) {
    return c == '(' || c == ')' || c == ',' || c == ';' || c == ':' || c == '/' || c == '.';
  };
  while (!w.empty() && punct(w.front())) w.remove_prefix(1);
  while (!w.empty() && punct(w.back())) w.remove_suffix(1);
  return w;
}

bool is_connector(std::string_view w) {
  static const char* const kSmall[] = {"of",  "and", "the", "for", "de",  "di", "da", "du", "von",
                                       "van", "der", "al",  "el",  "bin", "la", "le", "&"};
  for (const char* s : kSmall)
    if (w == s) return true;
  return false;
}

// "Yaroslav Chingaev / Moskva News Agency", "WANA (West Asia News Agency)/Name via Reuters",
// "via AP": a short run of names joined by a slash or handed on by "via".
bool credit_like(std::string_view s, const LayoutCues& cues) {
  s = text::trim(s);
  if (s.empty() || s.size() > kCreditWindow) return false;
  // A credit has a slash or a "via", starts with a lead ("Photograph:") or is an agency's name.
  if (s.find('/') == std::string_view::npos && s.find("via") == std::string_view::npos &&
      s.size() > 24 && !starts_with_any(s, cues.credit_leads))
    return false;
  if (text::ends_sentence(s) || text::count_words(s, 14) > 14) return false;
  if (starts_with_any(s, cues.credit_leads)) return true;
  for (const auto& agency : cues.agencies)
    if (s == agency) return true;
  const auto ws = text::words(s);
  if (ws.empty() || ws.size() > 14) return false;
  bool slash = s.find('/') != std::string_view::npos, via = false;
  size_t names = 0;
  for (const auto& w : ws) {
    if (word_is(w.text, cues.credit_via)) {
      via = true;
      continue;
    }
    // Split "Agency)/Majid" into its pieces.
    size_t at = 0;
    std::string_view rest = w.text;
    while (at <= rest.size()) {
      const size_t slash_at = rest.find('/', at);
      const auto piece = strip_punct(rest.substr(
          at, slash_at == std::string_view::npos ? std::string_view::npos : slash_at - at));
      if (!piece.empty()) {
        if (is_connector(piece)) {
        } else if (text::is_capitalized(piece) || text::is_all_caps(piece)) {
          ++names;
        } else {
          return false;
        }
      }
      if (slash_at == std::string_view::npos) break;
      at = slash_at + 1;
    }
  }
  return names > 0 && (slash || via);
}

bool looks_like_name_line(std::string_view s) {
  const auto ws = text::words(s);
  if (ws.size() < 2 || ws.size() > 4 || text::ends_sentence(s) || has_digit(s)) return false;
  for (const std::string_view article :
       {"The", "A", "An"})  // "The Daily" is an outlet, not a person
    if (ws.front().text == article) return false;
  for (const auto& w : ws) {
    if (is_connector(w.text)) continue;
    if (!text::is_capitalized(w.text) || text::is_all_caps(w.text)) return false;
    size_t i = 0;
    while (i < w.text.size()) {
      const char32_t cp = core::utf8::decode(w.text, i);
      if (!core::utf8::is_letter(cp) && cp != '-' && cp != '\'' && cp != 0x2019 && cp != '.')
        return false;
    }
  }
  return true;
}

bool is_byline(std::string_view s, const LayoutCues& cues) {
  if (!starts_with_any(s, cues.byline_leads)) return false;
  for (const auto& lead : cues.byline_leads) {
    if (!text::starts_with_ci(s, lead) || s.size() <= lead.size() + 1) continue;
    if (!core::utf8::is_space(static_cast<unsigned char>(s[lead.size()]))) continue;
    const auto rest = text::trim(s.substr(lead.size()));
    if (text::is_capitalized(rest) && text::count_words(rest, 15) <= 15 &&
        !text::ends_sentence(rest))
      return true;
  }
  return false;
}

bool is_embed(std::string_view s, const LayoutCues& cues) {
  if (s.size() > kShortUnit * 2) return false;
  // Every marker is a link with a slash ("pic.twitter.com/"): look for one only around slashes.
  for (size_t slash = s.find('/'); slash != std::string_view::npos;
       slash = s.find('/', slash + 1)) {
    for (const auto& m : cues.embed_markers) {
      const size_t k = m.find('/');
      if (k == std::string::npos || slash < k || slash - k + m.size() > s.size()) continue;
      if (text::equals_ci(s.substr(slash - k, m.size()), m)) return true;
    }
  }
  // "— Name (@handle) February 21, 2026"
  return s.find("(@") != std::string_view::npos && s.size() >= 4 &&
         std::all_of(s.end() - 4, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "... headline text01.03.26, 10:49 • 14914 views" ends with a count and a counter word.
bool ends_with_counter(std::string_view s, const LayoutCues& cues, size_t& words_before) {
  // The last two words, found from the end without building a list.
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t end = s.size();
  while (end > 0 && is_space(s[end - 1])) --end;
  size_t start = end;
  while (start > 0 && !is_space(s[start - 1])) --start;
  if (start == 0 || !word_is(s.substr(start, end - start), cues.related_counters)) return false;
  size_t count_end = start;
  while (count_end > 0 && is_space(s[count_end - 1])) --count_end;
  size_t count_start = count_end;
  while (count_start > 0 && !is_space(s[count_start - 1])) --count_start;
  const auto count = s.substr(count_start, count_end - count_start);
  if (count.empty() || !std::all_of(count.begin(), count.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == ',' || c == '.' || c == 'K' || c == 'k';
      }))
    return false;
  words_before = 0;
  for (const auto& w : text::words(s.substr(0, count_start)))
    words_before += has_letter(w.text) ? 1 : 0;
  return true;
}

bool is_boilerplate_line(std::string_view s, const LayoutCues& cues) {
  if (!has_letter(s) || (s.size() <= 12 && text::length(s) <= 3)) return true;
  // A lone word is a label ("Details", "Timeline"), not prose.
  if (text::count_words(s, 1) == 1 && !text::ends_sentence(s)) return true;
  std::string_view bare = s;
  while (!bare.empty() && (bare.back() == ':' || bare.back() == '.')) bare.remove_suffix(1);
  if (word_is(bare, cues.boilerplate_lines)) return true;
  // "Kyiv • UNN": a short line of bullet-separated labels.
  if (s.find("\xE2\x80\xA2") != std::string_view::npos && text::count_words(s, 6) <= 6 &&
      !text::ends_sentence(s))
    return true;
  return false;
}

// A hash of the text with runs of whitespace as one space, of its first `limit` characters
// after that: texts that are equal up to spacing have equal hashes.
uint64_t normalized_hash(std::string_view s, size_t limit = std::string_view::npos) {
  uint64_t h = 1469598103934665603ull;
  bool pending = false, any = false;
  for (size_t i = 0; i < s.size() && limit > 0; ++i) {
    const char c = s[i];
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      pending = any;
      continue;
    }
    if (pending) h = (h ^ ' ') * 1099511628211ull;
    pending = false;
    any = true;
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    --limit;
  }
  return h;
}

// Finds paragraphs seen before (up to spacing). Most paragraphs differ in their first words, so
// only those are hashed at first; a whole text is hashed when another began alike, and each at
// most once, so the work stays linear however many paragraphs share an opening.
class RepeatFinder {
 public:
  RepeatFinder(std::string_view text, const std::vector<Unit>& units) : text_(text), units_(units) {
    openings_.reserve(units.size());
  }
  // The first unit with the text of unit i, or i itself when it is the first.
  size_t first_with_text_of(size_t i) {
    const auto s = units_[i].span.of(text_);
    const auto [opening, fresh] = openings_.emplace(normalized_hash(s, 32), i);
    if (fresh) return i;
    if (opening->second != kHashed) {  // the first with this opening: now hashed whole
      const size_t j = opening->second;
      whole_.emplace(normalized_hash(units_[j].span.of(text_)), j);
      opening->second = kHashed;
    }
    const auto [seen, new_text] = whole_.emplace(normalized_hash(s), i);
    if (new_text) return i;
    const size_t j = seen->second;
    return text::collapse_spaces(units_[j].span.of(text_)) == text::collapse_spaces(s) ? j : i;
  }

 private:
  static constexpr size_t kHashed = static_cast<size_t>(-1);
  std::string_view text_;
  const std::vector<Unit>& units_;
  std::unordered_map<uint64_t, size_t> openings_;  // hash of the opening -> first unit, or kHashed
  std::unordered_map<uint64_t, size_t> whole_;     // hash of the whole text -> first unit
};

}  // namespace

size_t header_length(std::string_view s, const LayoutCues& cues) {
  if (!starts_with_any(s, cues.header_date_keys)) return 0;
  for (const auto& key : cues.header_date_keys) {
    if (!text::starts_with_ci(s, key)) continue;
    size_t i = key.size();
    if (i < s.size() && s[i] == ':') ++i;
    const size_t gap = i;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i == gap || i + 10 > s.size()) continue;
    const auto d = s.substr(i, 10);
    const bool shaped = d[4] == '-' && d[7] == '-' && std::all_of(d.begin(), d.end(), [](char c) {
                          return (c >= '0' && c <= '9') || c == '-';
                        });
    if (!shaped) continue;
    if (i + 10 < s.size() && !core::utf8::is_space(static_cast<unsigned char>(s[i + 10]))) continue;
    return i + 10;
  }
  return 0;
}

size_t trailing_credit(std::string_view s, const LayoutCues& cues) {
  s = text::trim(s);
  if (s.empty()) return std::string_view::npos;
  const size_t window_start = s.size() > kCreditWindow ? s.size() - kCreditWindow : 0;
  // "(AP Photo/Name)" at the very end.
  if (s.back() == ')') {
    const size_t open = s.rfind('(');
    if (open != std::string_view::npos && open >= window_start) {
      const auto inside = s.substr(open + 1, s.size() - open - 2);
      for (const auto& lead : cues.credit_parenthesized) {
        if (!text::starts_with_ci(inside, lead)) continue;
        const size_t after = lead.size();
        if (after == inside.size() || inside[after] == '/' || inside[after] == ':' ||
            inside[after] == ' ')
          return open;
      }
    }
  }
  // "... in Moscow. Name / Agency": the text after the last sentence end is a credit. A credit
  // has at most fourteen words, so the search stops after that many spaces. A credit never ends
  // a sentence, so a paragraph that does (most of them) has none there.
  size_t spaces = 0;
  const bool ends_sentence = text::ends_sentence(s);
  for (size_t i = ends_sentence ? window_start : s.size(); i-- > window_start;) {
    if ((s[i] == ' ' || s[i] == '\n') && ++spaces > 15) break;
    // A sentence ends before a space: a full stop, a question or exclamation mark, or a closing
    // quote or bracket after one (checked in full only then).
    const auto before = i >= 2 ? static_cast<unsigned char>(s[i - 2]) : 0;
    const bool candidate = i >= 2 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n') &&
                           (before == '.' || before == '!' || before == '?' || before == '"' ||
                            before == '\'' || before == ')' || before >= 0x80);
    const bool boundary = i == 0 || (candidate && text::ends_sentence(s.substr(0, i - 1)));
    if (!boundary) continue;
    if (credit_like(s.substr(i), cues)) return i;
    if (i > 0) break;  // only the last sentence may be a credit
  }
  // "... in May 2024. Photograph: Name/Agency": a credit lead after a sentence. Every lead ends
  // with a colon, so without one in the window there is none.
  if (s.find(':', window_start) == std::string_view::npos) return std::string_view::npos;
  for (const auto& lead : cues.credit_leads) {
    for (size_t at = s.find(lead, window_start); at != std::string_view::npos;
         at = s.find(lead, at + 1)) {
      if (at == 0 || (s[at - 1] == ' ' && text::ends_sentence(s.substr(0, at - 1)))) return at;
    }
  }
  return std::string_view::npos;
}

bool headline_shaped(std::string_view s) {
  if (s.size() > 400 || text::ends_sentence(s)) return false;
  const size_t n = text::count_words(s, 30);
  if (n < 3 || n > 30) return false;
  const char32_t first = text::first_code_point(s);
  return text::is_upper(first) || (first >= '0' && first <= '9') || first == '"' ||
         first == 0x201C || first == '\'';
}

bool prose_shaped(std::string_view s) {
  return text::ends_sentence(s) &&
         text::count_words(s.substr(0, std::min<size_t>(s.size(), 400)), 6) >= 6;
}

std::vector<Unit> segment(std::string_view t, Span range, const LayoutCues& cues) {
  const auto lines = split_lines(t, range);
  std::vector<Unit> units;
  int gap = 0, block = 0;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].blank) {
      ++gap;
      ++i;
      continue;
    }
    size_t end = i;
    while (end < lines.size() && !lines[end].blank) ++end;
    const int count = static_cast<int>(end - i);
    const auto add = [&](Span s) {
      s = text::trimmed(t, s);
      if (s.empty()) return;
      units.push_back({s, units.empty() || units.back().block != block ? gap : 0, block, count});
    };
    if (hard_wrapped(t, lines, i, end)) {
      add({lines[i].span.begin, lines[end - 1].span.end});
    } else {
      for (size_t k = i; k < end; ++k) add(lines[k].span);
    }
    gap = 0;
    ++block;
    i = end;
  }
  // Split headers and credits off.
  std::vector<Unit> out;
  out.reserve(units.size());
  for (Unit u : units) {
    const auto s = u.span.of(t);
    if (const size_t h = header_length(s, cues); h > 0) {
      Unit header = u;
      header.span.end = u.span.begin + static_cast<uint32_t>(h);
      header.kind = Unit::Kind::Header;
      out.push_back(header);
      u.span = text::trimmed(t, {header.span.end, u.span.end});
      u.gap_before = 0;
      if (u.span.empty()) continue;
    }
    const auto rest = u.span.of(t);
    if (const size_t c = trailing_credit(rest, cues); c != std::string_view::npos) {
      Unit credit = u;
      credit.span = text::trimmed(t, {u.span.begin + static_cast<uint32_t>(c), u.span.end});
      credit.kind = Unit::Kind::Credit;
      credit.gap_before = 0;
      u.span = text::trimmed(t, {u.span.begin, u.span.begin + static_cast<uint32_t>(c)});
      if (!u.span.empty()) {
        u.had_credit = true;
        out.push_back(u);
      } else {
        credit.gap_before = u.gap_before;
      }
      out.push_back(credit);
      continue;
    }
    out.push_back(u);
  }
  return out;
}

std::vector<Paragraph> classify(std::string_view t, const std::vector<Unit>& units,
                                const LayoutCues& cues) {
  std::vector<Paragraph> out(units.size());
  const size_t n = units.size();

  // Where prose stops: a lone name or list of short lines after it is furniture.
  size_t last_prose = n;
  for (size_t i = n; i-- > 0;)
    if (units[i].kind == Unit::Kind::Text && prose_shaped(units[i].span.of(t))) {
      last_prose = i;
      break;
    }
  // A tag list: blocks of three or more short unpunctuated lines after the last prose.
  std::vector<bool> tag(n, false);
  for (size_t i = last_prose == n ? 0 : last_prose + 1; i < n; ++i) {
    const auto s = units[i].span.of(t);
    tag[i] = units[i].lines_in_block >= 3 && s.size() <= 240 && text::length(s) <= 60 &&
             !text::ends_sentence(s);
  }

  RepeatFinder repeats(t, units);
  bool body_seen = false;
  for (size_t i = 0; i < n; ++i) {
    const Unit& u = units[i];
    const auto s = u.span.of(t);
    Paragraph& p = out[i];
    p.span = u.span;
    if (s.size() <= kShortUnit) {
      if (const size_t first = repeats.first_with_text_of(i); first != i) {
        p.cls = out[first].cls;
        p.repeat = true;
        continue;
      }
    }
    const bool short_unit = s.size() <= kShortUnit;
    size_t words_before_counter = 0;
    const bool caption_lead = starts_with_any(s, cues.caption_leads);
    if (u.kind == Unit::Kind::Header) {
      p.cls = ParagraphClass::Boilerplate;
    } else if (u.kind == Unit::Kind::Credit) {
      p.cls = ParagraphClass::Credit;
    } else if (u.had_credit || caption_lead) {
      p.cls = ParagraphClass::Caption;
    } else if (short_unit && is_embed(s, cues)) {
      p.cls = ParagraphClass::Embed;
    } else if (short_unit && starts_with_any(s, cues.related_leads)) {
      p.cls = ParagraphClass::RelatedLink;
    } else if (short_unit && ends_with_counter(s, cues, words_before_counter)) {
      p.cls = words_before_counter >= 4 ? ParagraphClass::RelatedLink : ParagraphClass::Boilerplate;
    } else if (tag[i] || (short_unit && is_boilerplate_line(s, cues))) {
      p.cls = ParagraphClass::Boilerplate;
    } else if (short_unit && (is_byline(s, cues) ||
                              (last_prose != n && i > last_prose && looks_like_name_line(s)))) {
      p.cls = ParagraphClass::Byline;
    } else if (!body_seen && headline_shaped(s)) {
      p.cls = ParagraphClass::Headline;
    } else {
      p.cls = ParagraphClass::Body;
      body_seen = true;
    }
  }
  return out;
}

std::vector<CreditedPerson> credited_people(std::string_view t, const Paragraph& p,
                                            const LayoutCues& cues) {
  std::vector<CreditedPerson> out;
  if (p.cls != ParagraphClass::Credit && p.cls != ParagraphClass::Byline) return out;
  const bool photographer = p.cls == ParagraphClass::Credit;
  // Work on [b, e) within t, cutting away leads, brackets and agencies.
  uint32_t b = p.span.begin, e = p.span.end;
  auto s = [&] { return std::string_view(t).substr(b, e - b); };
  if (s().size() >= 2 && s().front() == '(' && s().back() == ')') {
    ++b;
    --e;
  }
  for (const auto& lead : photographer ? cues.credit_leads : cues.byline_leads)
    if (text::starts_with_ci(s(), lead)) {
      b += static_cast<uint32_t>(lead.size());
      break;
    }
  // Pieces separated by '/', ',', ';' and the words "via" and "and".
  std::vector<Span> pieces;
  uint32_t start = b;
  const auto cut = [&](uint32_t at, uint32_t skip) {
    pieces.push_back(core::text::trimmed(t, {start, at}));
    start = at + skip;
  };
  for (uint32_t i = b; i < e; ++i) {
    const char c = t[i];
    if (c == '/' || c == ',' || c == ';') {
      cut(i, 1);
    } else if (c == ' ') {
      for (const std::string_view word : {" via ", " and ", " & "}) {
        const std::string_view w(word);
        if (t.substr(i, w.size()) == w) {
          cut(i, static_cast<uint32_t>(w.size()) - 1);
          break;
        }
      }
    }
  }
  pieces.push_back(core::text::trimmed(t, {start, e}));
  for (Span piece : pieces) {
    auto name = piece.of(t);
    if (name.empty() || name.find('(') != std::string_view::npos ||
        name.find(')') != std::string_view::npos)
      continue;
    bool agency = false;
    for (const auto& a : cues.agencies) agency = agency || name == a;
    for (const auto& w : text::words(name)) {
      for (const auto& a : cues.agency_words) agency = agency || w.text == a;
      agency = agency || text::is_all_caps(w.text) || word_is(w.text, cues.credit_via);
    }
    if (agency || !looks_like_name_line(name)) continue;
    out.push_back({piece, photographer});
  }
  return out;
}

}  // namespace dateline::ingest
