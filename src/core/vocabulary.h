#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/tokenizer.h"

namespace dateline::core {

// Ids for the words and marks of word lists: every key a list uses is interned once; a text's
// tokens are then looked up once each and compared as integers. Keys are lower case; curly
// quotes and dashes are folded to their plain forms (see punct_key).
class Vocabulary {
 public:
  Vocabulary();

  uint32_t intern(std::string_view key);    // the key's id, new or not (ids start at 1)
  uint32_t id(std::string_view key) const;  // 0 when unknown
  // The id of a token of `text` (0 when no list knows it). Call finalize() first. Inline: it is
  // called once for every token of every text; words of up to 16 ASCII letters or numbers of
  // up to 16 digits (most tokens), and ASCII marks, take the short way.
  uint32_t id_of(std::string_view text, const Token& t) const {
    return t.is_punct() ? id_of_mark(text, t) : id_of_run(text, t);
  }
  // id_of for a token known to be a punctuation mark, and for a word or a number.
  uint32_t id_of_mark(std::string_view text, const Token& t) const {
    if (t.size() == 1) return ascii_punct_[static_cast<unsigned char>(text[t.begin]) & 0x7F];
    return id_of_other(text, t);
  }
  uint32_t id_of_run(std::string_view text, const Token& t) const {
    uint64_t a, b;
    if (pack_token({text.data() + t.begin, text.size() - t.begin}, t.size(), a, b))
      return find_ascii(a, b, t.size());
    return id_of_other(text, t);
  }
  // Builds the lookup tables; call after the last intern().
  void finalize();
  // Interns every key of `base` first, in its order, so that ids below base.size() are the
  // same in both: a text labelled by this vocabulary is labelled for base's lists too.
  void extend(const Vocabulary& base);
  // How many ids (from 0) this vocabulary shares with `v`: v.size() when it extends v.
  size_t ids_shared_with(const Vocabulary& v) const { return base_ == &v ? base_size_ : 0; }

  size_t size() const { return keys_.size(); }
  const std::string& key(uint32_t id) const { return keys_[id]; }
  // The key a token is looked up by: lower case, zero-width characters dropped.
  static std::string key_of(std::string_view text, const Token& t);

 private:
  uint32_t find(std::string_view key, uint64_t hash) const;
  uint32_t id_of_other(std::string_view text, const Token& t) const;

  // The `n` bytes at w.data() (of w's size) packed lower-case into two integers, eight bytes at a
  // time by setting bit 5 of each: for a word of letters or a number of digits (digits have
  // bit 5 set already). False when a byte is not ASCII or n is not 1 to 16.
  static bool pack_token(std::string_view w, size_t n, uint64_t& a, uint64_t& b) {
    if (n > 16 || n == 0) return false;
    // The masks of the bytes in a and in b, from a table rather than by branches: a word's
    // length is no pattern a predictor could learn.
    static constexpr uint64_t kBytes[9] = {
        0,           0xFF,         0xFFFF,         0xFFFFFF,
        0xFFFFFFFF,  0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF,
        ~uint64_t(0)};
    const size_t low = n < 8 ? n : 8, high = n - low;
    const uint64_t in_a = kBytes[low], in_b = kBytes[high];
    if (w.size() >= 16) {
      std::memcpy(&a, w.data(), 8);
      std::memcpy(&b, w.data() + 8, 8);
      a &= in_a;
      b &= in_b;
    } else {
      a = b = 0;
      std::memcpy(&a, w.data(), low);
      std::memcpy(&b, w.data() + low, high);
    }
    if ((a | b) & 0x8080808080808080ull) return false;
    constexpr uint64_t kLower = 0x2020202020202020ull;
    a |= kLower & in_a;
    b |= kLower & in_b;
    return true;
  }
  static size_t ascii_hash(uint64_t a, uint64_t b, uint32_t length) {
    uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ length;
    h ^= h >> 29;
    return static_cast<size_t>(h * 0xBF58476D1CE4E5B9ull >> 20);
  }
  uint32_t find_ascii(uint64_t a, uint64_t b, uint32_t length) const {
    const size_t mask = ascii_.size() - 1;
    const size_t h = ascii_hash(a, b, length);
    const uint8_t tag = static_cast<uint8_t>((h >> 40) | 1);
    for (size_t at = h & mask; ascii_tags_[at] != 0; at = (at + 1) & mask) {
      if (ascii_tags_[at] != tag) continue;
      const AsciiSlot& slot = ascii_[at];
      if (slot.a == a && slot.b == b && slot.length == length) return slot.id;
    }
    return 0;
  }

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept;
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> keys_;  // by id; keys_[0] is empty
  struct Slot {
    uint64_t hash = 0;
    uint32_t id = 0;
  };
  std::vector<Slot> table_;
  // Words of up to 16 ASCII letters and numbers of up to 16 digits, packed lower-case into two
  // integers, with a byte of hash
  // per slot kept apart so most words (in no list) are turned away in one cache line.
  struct AsciiSlot {
    uint64_t a = 0, b = 0;
    uint32_t length = 0, id = 0;
  };
  std::vector<AsciiSlot> ascii_;
  std::vector<uint8_t> ascii_tags_;
  std::array<uint32_t, 128> ascii_punct_{};
  const Vocabulary* base_ = nullptr;
  size_t base_size_ = 0;
};

// Normalised key of a punctuation mark: curly quotes and apostrophes become straight ones,
// dashes a hyphen.
std::string punct_key(char32_t cp);

// Phrases of one or more tokens, matched by token ids; each phrase carries a Hit.
template <typename Hit>
class PhraseTrie {
 public:
  struct Match {
    Hit hit;
    uint32_t length = 0;  // tokens
  };

  // Adds a phrase: its tokens are interned into the vocabulary.
  void add(Vocabulary& vocab, std::string_view phrase, Hit hit) {
    std::vector<Token> tokens;
    tokenize(phrase, {0, static_cast<uint32_t>(phrase.size())}, tokens);
    if (tokens.empty()) return;
    if (nodes_.empty()) nodes_.emplace_back();
    uint32_t node = 0;
    for (const auto& t : tokens) {
      const uint32_t tid = vocab.intern(Vocabulary::key_of(phrase, t));
      uint32_t next = child(node, tid);
      if (next == 0) {
        next = static_cast<uint32_t>(nodes_.size());
        auto& children = nodes_[node].next;  // kept sorted by id
        const std::pair<uint32_t, uint32_t> edge{tid, next};
        children.insert(std::lower_bound(children.begin(), children.end(), edge), edge);
        nodes_.emplace_back();
      }
      node = next;
    }
    nodes_[node].hits.push_back(hit);
    nodes_[node].length = static_cast<uint32_t>(tokens.size());
  }

  // Call once every phrase is in and the vocabulary is final.
  void finalize(size_t vocabulary_size) {
    if (nodes_.empty()) nodes_.emplace_back();
    root_.assign(vocabulary_size, 0);
    for (const auto& [tid, node] : nodes_[0].next) root_[tid] = node;
    // Every edge below the root in one open-addressed table, at most half full: one probe
    // where a binary search over a node's children would branch unpredictably.
    size_t edges = 0;
    for (size_t n = 1; n < nodes_.size(); ++n) edges += nodes_[n].next.size();
    size_t size = 16;
    while (size < edges * 2) size *= 2;
    edges_.assign(size, Edge{});
    for (uint32_t n = 1; n < nodes_.size(); ++n)
      for (const auto& [tid, next] : nodes_[n].next) {
        size_t at = edge_hash(n, tid) & (size - 1);
        while (edges_[at].next != 0) at = (at + 1) & (size - 1);
        edges_[at] = {n, tid, next};
      }
  }

  bool starts(uint32_t token_id) const { return token_id < root_.size() && root_[token_id] != 0; }

  // Every phrase starting at token i (tokens labelled by the same vocabulary), longest first.
  void match(const std::vector<Token>& tokens, size_t i, std::vector<Match>& out) const {
    out.clear();
    walk(tokens, i, [&](const Hit& h, uint32_t length) { out.push_back({h, length}); });
    std::reverse(out.begin(), out.end());
  }
  // The same, the hits alone.
  void match_hits(const std::vector<Token>& tokens, size_t i, std::vector<Hit>& out) const {
    out.clear();
    walk(tokens, i, [&](const Hit& h, uint32_t) { out.push_back(h); });
    std::reverse(out.begin(), out.end());
  }

 private:
  // Calls found(hit, length in tokens) for every phrase starting at token i, shortest first.
  template <typename Found>
  void walk(const std::vector<Token>& tokens, size_t i, Found found) const {
    if (i >= tokens.size() || !starts(tokens[i].lex)) return;
    uint32_t node = root_[tokens[i].lex];
    for (size_t j = i + 1;; ++j) {
      for (const auto& h : nodes_[node].hits) found(h, nodes_[node].length);
      if (j >= tokens.size() || tokens[j].lex == 0) break;
      const uint32_t next = edge(node, tokens[j].lex);
      if (next == 0) break;
      node = next;
    }
  }

  // The node after `node` on token id `tid`, 0 if none; children are sorted by id.
  uint32_t child(uint32_t node, uint32_t tid) const {
    const auto& next = nodes_[node].next;
    const auto it =
        std::lower_bound(next.begin(), next.end(), std::pair<uint32_t, uint32_t>{tid, 0});
    return it != next.end() && it->first == tid ? it->second : 0;
  }

  // The node after `node` (not the root) on token id `tid`, 0 if none; after finalize().
  uint32_t edge(uint32_t node, uint32_t tid) const {
    const size_t mask = edges_.size() - 1;
    for (size_t at = edge_hash(node, tid) & mask; edges_[at].next != 0; at = (at + 1) & mask)
      if (edges_[at].node == node && edges_[at].tid == tid) return edges_[at].next;
    return 0;
  }
  static size_t edge_hash(uint32_t node, uint32_t tid) {
    const uint64_t h = ((uint64_t(node) << 32) | tid) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h >> 32);
  }

  struct Node {
    std::vector<std::pair<uint32_t, uint32_t>> next;  // token id -> node, sorted by id
    std::vector<Hit> hits;
    uint32_t length = 0;
  };
  struct Edge {
    uint32_t node = 0, tid = 0, next = 0;
  };
  std::vector<Node> nodes_;
  std::vector<uint32_t> root_;
  std::vector<Edge> edges_;
};

}  // namespace dateline::core
