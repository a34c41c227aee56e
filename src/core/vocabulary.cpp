#include "core/vocabulary.h"

#include <cstring>

#include "core/utf8.h"

namespace dateline::core {

namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

// A key of up to 16 ASCII letters or of up to 16 digits, lower-cased, packed into a and b as
// Vocabulary::pack_token packs a token.
bool pack_key(std::string_view w, uint64_t& a, uint64_t& b) {
  a = b = 0;
  if (w.size() > 16 || w.empty()) return false;
  const auto digit = [](unsigned char c) { return c >= '0' && c <= '9'; };
  const bool number = digit(static_cast<unsigned char>(w[0]));
  for (size_t i = 0; i < w.size(); ++i) {
    const auto c = static_cast<unsigned char>(w[i]);
    if (number ? !digit(c) : !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    const uint64_t lower = c | 0x20u;
    if (i < 8)
      a |= lower << (8 * i);
    else
      b |= lower << (8 * (i - 8));
  }
  return true;
}

}  // namespace

std::string punct_key(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0x2032:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x00AB:
    case 0x00BB:
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
  utf8::append(s, cp);
  return s;
}

size_t Vocabulary::Hash::operator()(std::string_view s) const noexcept {
  uint64_t h = kFnvOffset;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * kFnvPrime;
  return static_cast<size_t>(h);
}

Vocabulary::Vocabulary() {
  keys_.emplace_back();
}

uint32_t Vocabulary::intern(std::string_view key) {
  auto it = ids_.find(key);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(keys_.size());
  ids_.emplace(std::string(key), id);
  keys_.emplace_back(key);
  return id;
}

void Vocabulary::extend(const Vocabulary& base) {
  for (uint32_t id = 1; id < base.size(); ++id) intern(base.key(id));
  base_ = &base;
  base_size_ = base.size();
}

uint32_t Vocabulary::id(std::string_view key) const {
  if (table_.empty()) {
    auto it = ids_.find(key);
    return it == ids_.end() ? 0 : it->second;
  }
  return find(key, Hash{}(key));
}

std::string Vocabulary::key_of(std::string_view text, const Token& t) {
  if (t.is_punct()) return punct_key(punct_code_point(text, t));
  std::string key;
  lower_key(t.text(text), key, 4096);
  return key;
}

void Vocabulary::finalize() {
  size_t size = 64;
  while (size < ids_.size() * 2) size *= 2;  // at most half full: short probes, small tables
  table_.assign(size, Slot{});
  ascii_.assign(size, AsciiSlot{});
  ascii_tags_.assign(size, 0);
  for (const auto& [key, id] : ids_) {
    const uint64_t h = Hash{}(key);
    size_t at = h & (size - 1);
    while (table_[at].id != 0) at = (at + 1) & (size - 1);
    table_[at] = {h, id};
    uint64_t a, b;
    if (!pack_key(key, a, b)) continue;
    const auto length = static_cast<uint32_t>(key.size());
    const size_t h2 = ascii_hash(a, b, length);
    size_t slot = h2 & (size - 1);
    while (ascii_[slot].id != 0) slot = (slot + 1) & (size - 1);
    ascii_[slot] = {a, b, length, id};
    ascii_tags_[slot] = static_cast<uint8_t>((h2 >> 40) | 1);
  }
  for (int c = 0; c < 128; ++c)
    ascii_punct_[static_cast<size_t>(c)] = id(std::string(1, static_cast<char>(c)));
}

uint32_t Vocabulary::find(std::string_view key, uint64_t hash) const {
  const size_t mask = table_.size() - 1;
  for (size_t at = hash & mask; table_[at].id != 0; at = (at + 1) & mask)
    if (table_[at].hash == hash && keys_[table_[at].id] == key) return table_[at].id;
  return 0;
}

uint32_t Vocabulary::id_of_other(std::string_view text, const Token& t) const {
  const auto s = t.text(text);
  if (t.is_punct()) {
    if (s.size() == 1) return ascii_punct_[static_cast<unsigned char>(s[0]) & 0x7F];
    return id(punct_key(punct_code_point(text, t)));
  }
  if (s.size() > 64) return 0;
  std::string key;
  lower_key(s, key);
  return id(key);
}

}  // namespace dateline::core
