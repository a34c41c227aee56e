#include "temporal/lexicon.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "core/error.h"
#include "core/utf8.h"
#include "core/yaml.h"

namespace dateline::temporal {

using nlohmann::json;

std::string punct_key(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0x2032:
      return "'";
    case 0x201C:
    case 0x201D:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
      return "-";
    default:
      break;
  }
  std::string s;
  core::utf8::append(s, cp);
  return s;
}

size_t Lexicon::Hash::operator()(std::string_view s) const noexcept {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return static_cast<size_t>(h);
}

uint32_t Lexicon::intern(const std::string& key) {
  auto [it, fresh] = ids_.emplace(key, static_cast<uint32_t>(words_.size()));
  if (fresh) words_.emplace_back();
  return it->second;
}

namespace {
constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// Packs a word of up to 16 ASCII letters, lower-cased, into a and b.
bool pack_letters(std::string_view w, uint64_t& a, uint64_t& b) {
  a = b = 0;
  if (w.size() > 16 || w.empty()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    const uint64_t lower = c | 0x20u;
    if (i < 8)
      a |= lower << (8 * i);
    else
      b |= lower << (8 * (i - 8));
  }
  return true;
}

// The same for a word token, which holds letters only: eight bytes at a time, lower-cased by
// setting bit 5 of each. False when a byte is not ASCII.
bool pack_token(std::string_view w, size_t room, uint64_t& a, uint64_t& b) {
  const size_t n = w.size();
  if (n > 16 || n == 0) return false;
  a = b = 0;
  if (room >= 16) {  // sixteen readable bytes: fixed-size loads, then keep the word's own
    std::memcpy(&a, w.data(), 8);
    std::memcpy(&b, w.data() + 8, 8);
    if (n < 8) a &= (uint64_t(1) << (8 * n)) - 1;
    if (n <= 8)
      b = 0;
    else if (n < 16)
      b &= (uint64_t(1) << (8 * (n - 8))) - 1;
  } else {
    std::memcpy(&a, w.data(), n < 8 ? n : 8);
    if (n > 8) std::memcpy(&b, w.data() + 8, n - 8);
  }
  if ((a | b) & 0x8080808080808080ull) return false;
  constexpr uint64_t kLower = 0x2020202020202020ull;
  a |= n >= 8 ? kLower : (kLower & ((uint64_t(1) << (8 * n)) - 1));
  if (n > 8) b |= n == 16 ? kLower : (kLower & ((uint64_t(1) << (8 * (n - 8))) - 1));
  return true;
}

size_t ascii_hash(uint64_t a, uint64_t b, uint32_t length) {
  uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ length;
  h ^= h >> 29;
  return static_cast<size_t>(h * 0xBF58476D1CE4E5B9ull >> 20);
}
}  // namespace

uint32_t Lexicon::find_ascii(uint64_t a, uint64_t b, uint32_t length) const {
  const size_t mask = ascii_.size() - 1;
  const size_t h = ascii_hash(a, b, length);
  const uint8_t tag = static_cast<uint8_t>((h >> 40) | 1);
  // The one-byte tags sit in a small array of their own, so a word that is in no list (most
  // words) is turned away without touching the slots.
  for (size_t at = h & mask; ascii_tags_[at] != 0; at = (at + 1) & mask) {
    if (ascii_tags_[at] != tag) continue;
    const AsciiSlot& slot = ascii_[at];
    if (slot.a == a && slot.b == b && slot.length == length) return slot.id;
  }
  return 0;
}

void Lexicon::build_table() {
  size_t size = 64;
  while (size < ids_.size() * 4) size *= 2;
  table_.assign(size, Slot{});
  keys_.assign(words_.size(), std::string());
  ascii_.assign(size, AsciiSlot{});
  ascii_tags_.assign(size, 0);
  for (const auto& [key, id] : ids_) {
    keys_[id] = key;
    const uint64_t h = Hash{}(key);
    size_t at = h & (size - 1);
    while (table_[at].id != 0) at = (at + 1) & (size - 1);
    table_[at] = {h, id};
    uint64_t a, b;
    if (!pack_letters(key, a, b)) continue;
    const auto length = static_cast<uint32_t>(key.size());
    const size_t h2 = ascii_hash(a, b, length);
    size_t slot = h2 & (size - 1);
    while (ascii_[slot].id != 0) slot = (slot + 1) & (size - 1);
    ascii_[slot] = {a, b, length, id};
    ascii_tags_[slot] = static_cast<uint8_t>((h2 >> 40) | 1);
  }
}

uint32_t Lexicon::find(std::string_view key, uint64_t hash) const {
  if (table_.empty()) return 0;
  const size_t mask = table_.size() - 1;
  for (size_t at = hash & mask; table_[at].id != 0; at = (at + 1) & mask)
    if (table_[at].hash == hash && keys_[table_[at].id] == key) return table_[at].id;
  return 0;
}

uint32_t Lexicon::id(std::string_view key) const {
  if (table_.empty()) {
    auto it = ids_.find(key);
    return it == ids_.end() ? 0 : it->second;
  }
  return find(key, Hash{}(key));
}

uint32_t Lexicon::id_of(std::string_view text, const core::Token& t) const {
  const auto s = t.text(text);
  if (t.is_punct()) {
    if (s.size() == 1) return ascii_punct_[static_cast<unsigned char>(s[0]) & 0x7F];
    return id(punct_key(core::punct_code_point(text, t)));
  }
  if (s.size() > 24) return 0;
  if (uint64_t a, b; !ascii_.empty() && t.is_word() && pack_token(s, text.size() - t.begin, a, b))
    return find_ascii(a, b, static_cast<uint32_t>(s.size()));
  char buf[24];
  size_t n = 0;
  bool ascii = true;
  uint64_t h = kFnvOffset;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      ascii = false;
      break;
    }
    const char lower = (u >= 'A' && u <= 'Z') ? static_cast<char>(u + 32) : c;
    buf[n++] = lower;
    h = (h ^ static_cast<unsigned char>(lower)) * kFnvPrime;
  }
  if (ascii) return find(std::string_view(buf, n), h);
  std::string key;
  core::lower_key(s, key);
  return id(key);
}

void Lexicon::label(std::string_view text, std::vector<core::Token>& tokens) const {
  const uint32_t apostrophe = id("'");
  for (auto& t : tokens) {
    t.lex = id_of(text, t);
    t.trigger = t.is_number() || (t.lex != 0 && (words_[t.lex].trigger || t.lex == apostrophe));
  }
}

void Lexicon::add_phrase(const std::string& written, PhraseHit hit) {
  // Leading words in brackets are context: "[at] the moment".
  std::string phrase;
  for (char c : written)
    if (c == '[')
      ++hit.skip;
    else if (c != ']')
      phrase += c;
  std::vector<core::Token> tokens;
  core::tokenize(phrase, {0, static_cast<uint32_t>(phrase.size())}, tokens);
  if (tokens.empty()) return;
  uint32_t node = 0;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const auto& t = tokens[k];
    std::string key;
    if (t.is_punct())
      key = punct_key(core::punct_code_point(phrase, t));
    else
      core::lower_key(t.text(phrase), key);
    const uint32_t tid = intern(key);
    if (k == 0) words_[tid].phrase_start = true;
    auto& next = trie_[node].next;
    auto it = std::find_if(next.begin(), next.end(), [&](const auto& e) { return e.first == tid; });
    if (it == next.end()) {
      trie_.emplace_back();
      trie_[node].next.emplace_back(tid, static_cast<uint32_t>(trie_.size() - 1));
      node = static_cast<uint32_t>(trie_.size() - 1);
    } else {
      node = it->second;
    }
  }
  hit.length = static_cast<uint32_t>(tokens.size());
  trie_[node].hits.push_back(hit);
}

void Lexicon::phrases_at(const std::vector<core::Token>& tokens, size_t i,
                         std::vector<PhraseHit>& out) const {
  out.clear();
  if (i >= tokens.size() || !words_[tokens[i].lex].phrase_start) return;
  uint32_t node = root_next_[tokens[i].lex];
  for (size_t j = i + 1;; ++j) {
    for (const auto& h : trie_[node].hits) out.push_back(h);
    if (j >= tokens.size() || tokens[j].lex == 0) break;
    const auto& next = trie_[node].next;
    auto it = std::find_if(next.begin(), next.end(),
                           [&](const auto& e) { return e.first == tokens[j].lex; });
    if (it == next.end()) break;
    node = it->second;
  }
  // Longest first: hits were added shortest first, so reversing sorts them (stable within a
  // length).
  std::reverse(out.begin(), out.end());
}

namespace {

Relative relative_from(const json& j) {
  Relative r;
  r.present = true;
  const std::string dir = j.at("direction");
  r.direction = dir == "past"     ? Direction::Past
                : dir == "future" ? Direction::Future
                                  : Direction::Same;
  r.anchor = j.at("anchor") == "previous" ? AnchorKind::Previous : AnchorKind::Dateline;
  if (j.contains("after_the"))
    r.after_the = j["after_the"] == "previous" ? AnchorKind::Previous : AnchorKind::Dateline;
  return r;
}

AnchorKind anchor_from(const std::string& s) {
  if (s == "previous") return AnchorKind::Previous;
  if (s == "following") return AnchorKind::Following;
  return AnchorKind::Dateline;
}

}  // namespace

Lexicon Lexicon::load(const std::filesystem::path& file, const core::CalendarWords& calendar) {
  const auto doc = core::load_yaml(file, "temporal.schema.json");
  const json& v = doc.value;
  Lexicon lex;
  lex.words_.emplace_back();  // id 0: nothing
  lex.trie_.emplace_back();
  const auto word = [&](const std::string& w) -> WordInfo& { return lex.words_[lex.intern(w)]; };

  for (const auto& [name, words] : calendar.month_entries())
    word(name).month = words.number, word(name).month_abbreviation = words.abbreviation,
    word(name).month_ambiguous = words.ambiguous;
  for (const auto& [name, words] : calendar.weekday_entries())
    word(name).weekday = words.number, word(name).weekday_abbreviation = words.abbreviation,
    word(name).weekday_ambiguous = words.ambiguous;

  for (const auto& [unit, words] : v["units"].items()) {
    const Unit u = *unit_from(unit);
    bool first = true;
    for (const auto& w : words) {
      auto& info = word(w.get<std::string>());
      info.unit = u;
      info.plural = !first && w.get<std::string>().back() == 's';
      if (!first && (w == "centuries" || w == "millennia")) info.plural = true;
      first = false;
    }
  }
  for (const auto& [w, n] : v["cardinals"].items()) word(w).cardinal = n.get<int>();
  for (const auto& [w, n] : v["ordinals"].items()) word(w).ordinal = n.get<int>();
  for (const auto& w : v["ordinal_suffixes"]) word(w.get<std::string>()).ordinal_suffix = true;
  for (const auto& [w, n] : v["decades"].items()) word(w).decade = n.get<int>();
  for (const auto& [code, words] : v["parts_of_day"].items())
    for (const auto& w : words) word(w.get<std::string>()).part = *part_of_day_from(code);
  for (const auto& [w, h] : v["clock_words"].items()) word(w).clock_hour = h.get<int>();
  for (const auto& [code, words] : v["seasons"].items())
    for (const auto& w : words) word(w.get<std::string>()).season = *season_from(code);
  for (const auto& w : v["meridiem"]["am"]) word(w.get<std::string>()).meridiem = 1;
  for (const auto& w : v["meridiem"]["pm"]) word(w.get<std::string>()).meridiem = 2;
  for (const auto& w : v["time_zones"]) {
    std::string key;
    core::lower_key(w.get<std::string>(), key);
    word(key).time_zone = true;
  }
  for (const auto& [w, r] : v["relative_before"].items()) word(w).before = relative_from(r);
  for (const auto& [w, r] : v["relative_after"].items()) word(w).after = relative_from(r);
  for (const auto& [name, phrases] : v["modifiers"].items())
    for (const auto& p : phrases)
      lex.add_phrase(p, {PhraseHit::Kind::Modifier, static_cast<uint32_t>(*mod_from(name)), 0});

  for (const auto& f : v["fixed"]) {
    FixedSpec spec;
    spec.unit = *unit_from(f["unit"].get<std::string>());
    spec.offset = f["offset"].get<int>();
    spec.anchor = anchor_from(f["anchor"]);
    if (f.contains("part")) spec.part = *part_of_day_from(f["part"].get<std::string>());
    if (f.contains("month")) spec.month = f["month"];
    if (f.contains("day")) spec.day = f["day"];
    if (f.contains("mod")) spec.mod = *mod_from(f["mod"].get<std::string>());
    spec.only_alone = f.value("only_alone", false);
    lex.fixed_.push_back(spec);
    lex.add_phrase(f["text"],
                   {PhraseHit::Kind::Fixed, static_cast<uint32_t>(lex.fixed_.size() - 1), 0});
  }
  const std::pair<const char*, Ref> refs[] = {
      {"PRESENT", Ref::Present}, {"PAST", Ref::Past}, {"FUTURE", Ref::Future}};
  for (const auto& [name, ref] : refs)
    if (v["references"].contains(name))
      for (const auto& p : v["references"][name])
        lex.add_phrase(p, {PhraseHit::Kind::Reference, static_cast<uint32_t>(ref), 0});
  for (const auto& s : v["sets"]) {
    SetSpec spec;
    spec.unit = *unit_from(s["unit"].get<std::string>());
    if (s.contains("part")) spec.part = *part_of_day_from(s["part"].get<std::string>());
    spec.adverb_only = s.value("adverb_only", false);
    lex.sets_.push_back(spec);
    lex.add_phrase(s["text"],
                   {PhraseHit::Kind::Set, static_cast<uint32_t>(lex.sets_.size() - 1), 0});
  }
  if (v.contains("not_temporal"))
    for (const auto& p : v["not_temporal"]) lex.add_phrase(p, {PhraseHit::Kind::NotTemporal, 0, 0});
  for (const auto& [name, words] : v["quantifiers"].items())
    for (const auto& w : words) word(w.get<std::string>()).quantifier = name;
  for (const auto& [w, n] : v["frequencies"].items()) word(w).frequency = n.get<int>();
  for (const auto& w : v["per_words"]) word(w.get<std::string>()).per_word = true;
  for (const auto& p : v["future_cues"]) lex.add_phrase(p, {PhraseHit::Kind::FutureCue, 0, 0});
  for (const auto& w : v["not_year_after"]) word(w.get<std::string>()).not_year_after = true;
  for (const auto& w : v["quantity_words"]) word(w.get<std::string>()).quantity_word = true;
  for (const auto& w : v["past_cues"]) word(w.get<std::string>()).past_cue = true;
  for (const auto& w : v["past_auxiliaries"]) word(w.get<std::string>()).past_auxiliary = true;
  for (const auto& w : v["duration_fillers"]) word(w.get<std::string>()).duration_filler = true;
  for (const auto& w : v["age_words"]) word(w.get<std::string>()).age_word = true;
  for (const auto& w : v["abbreviations"]) word(w.get<std::string>()).abbreviation = true;
  for (const auto& w : v["deadline_words"]) word(w.get<std::string>()).deadline = true;
  for (const auto& w : v["origin_words"]) word(w.get<std::string>()).origin = true;
  for (const auto& w : v["effective_words"]) word(w.get<std::string>()).effective = true;
  for (const auto& w : v["name_heads"]) {
    std::string key;
    core::lower_key(w.get<std::string>(), key);
    word(key).name_head = true;
  }
  for (const auto& [w, m] : v["unit_multiples"].items()) {
    auto& info = word(w);
    info.multiple_of = *unit_from(m["unit"].get<std::string>());
    info.multiple = m["times"].get<int>();
    info.plural = w.back() == 's';
  }
  // Plural weekdays make sets: "on Tuesdays".
  for (const auto& [name, e] : calendar.weekday_entries())
    if (!e.abbreviation) {
      auto& plural = word(name + "s");
      plural.weekday = e.number;
      plural.plural = true;
    }
  // Punctuation the parsers look for.
  for (const char* p : {"-", ".", ",", "'", "/", ":", "(", ")", "\""}) lex.intern(p);
  for (const char* w : {"the",        "of",     "in",         "on",
                        "at",         "by",     "and",        "or",
                        "to",         "s",      "fiscal",     "year",
                        "ago",        "from",   "since",      "until",
                        "through",    "during", "for",        "within",
                        "o",          "clock",  "half",       "quarter",
                        "x",          "times",  "local",      "time",
                        "than",       "latest", "comparable", "corresponding",
                        "period",     "over",   "after",      "so",
                        "now",        "early",  "late",       "mid",
                        "earlier",    "later",  "eve",        "recent",
                        "a",          "an",     "be",         "being",
                        "is",         "are",    "ended",      "ending",
                        "throughout", "over"})
    lex.intern(w);
  for (auto& w : lex.words_)
    w.trigger = w.month || w.weekday || w.unit != Unit::None || w.cardinal >= 0 || w.ordinal ||
                w.decade || w.part != PartOfDay::None || w.clock_hour >= 0 ||
                w.season != Season::None || w.before.present || !w.quantifier.empty() ||
                w.per_word || w.phrase_start || w.frequency || w.multiple;
  for (const char* w : {"period", "half", "q", "h", "final"})
    lex.words_[lex.intern(w)].trigger = true;  // quarters.cpp starts there
  for (int c = 0; c < 128; ++c)
    lex.ascii_punct_[static_cast<size_t>(c)] = lex.id(std::string(1, static_cast<char>(c)));
  lex.root_next_.assign(lex.words_.size(), 0);
  for (const auto& [tid, node] : lex.trie_[0].next) lex.root_next_[tid] = node;
  lex.build_table();
  return lex;
}

}  // namespace dateline::temporal
