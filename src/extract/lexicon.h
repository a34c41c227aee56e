#pragma once
#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "core/vocabulary.h"
#include "extract/gazetteer.h"

namespace dateline::extract {

// What the extractor knows of one word.
struct WordFacts {
  bool abbreviation = false, subject_pronoun = false, possessive_pronoun = false;
  bool title_modifier = false, title_link = false, name_particle = false, not_name = false;
  bool organisation_head = false, group_noun = false, locative = false, clause_opener = false;
  bool be_form = false;      // is, was, were, been, being, be, are
  bool past_form = false;    // a verb form in the past or past participle
  int reporting_verb = -1;   // index of the lemma in reporting_verbs
  bool light_verb = false;   // a form of a light verb's first word ("carried" of "carry out")
  uint8_t first_person = 0;  // 1: "I", "my" (the speaker); 2: "we", "our" (the speaker's body)
  bool preposition = false;  // "with", "in"... (not "of")
  bool attending = false;    // "at", "during": the subject takes part in the event named after it
  bool plural_possessive = false;  // "their": the actors just named together
  bool object_pronoun = false;     // "him": the person named last, not the one acting
  uint8_t neuter = 0;              // 1: "it", 2: "its": a body or country named before
  bool honorific = false;          // "Mr.": a title that gives no role
  bool group_head = false;         // "Movement", "Militia": an organisation so named is a group
  bool group_descriptor = false;   // "the student movement X": X is a group
  bool reporting_object = false;   // a reporting verb with an object, not a clause ("expressed")
  bool reporting_noun = false;  // a reporting verb's form that is also a noun ("state", "claims")
  bool modal = false;           // "would", "to": what follows is not yet done
  bool verb_marker = false;     // "to", "will", "they": what a verb and not a noun follows
};

// What "both governments", "both sides" and "both leaders" stand for.
enum class PluralReference : uint8_t { Countries, Bodies, People };

// A name of the gazetteer found in text.
struct NameHit {
  enum class Kind : uint8_t { Name, Demonym, Metonym };
  uint32_t actor = 0;  // gazetteer index
  Kind kind = Kind::Name;
};

// One trigger of the CAMEO lexicon, with its code.
struct Trigger {
  std::string lemma;  // the verb, noun or phrase as the lexicon gives it
  std::string code, label;
  std::string state_code, state_label;  // when every source is a state
  enum class Kind : uint8_t { Verb, Noun, Phrase } kind = Kind::Verb;
  std::vector<uint32_t> near, not_near;  // word ids
  std::vector<uint32_t> in_sentence;     // one must be in the sentence
  bool possessor_target = false;         // "Khamenei's death": the possessive names the target
  std::vector<uint32_t> target_preps, source_preps;
  double confidence = 0.8;
  bool spoken = false;    // done by speaking (CAMEO 01-03, 10-13): "blasted the 'cynical' killing"
  bool attended = false;  // taken part in (CAMEO 01, 04, 05): "speaks during a news conference"
};

struct TriggerHit {
  uint32_t trigger = 0;
  bool past = false;  // the verb form is a past participle or past ("was killed")
};

// Every word list of the extractor in one vocabulary: data/lexicon/english.yaml, the gazetteer's
// names, the CAMEO triggers (data/cameo/*.yaml, schemas/cameo.schema.json).
class ExtractLexicon {
 public:
  static ExtractLexicon load(const std::filesystem::path& english, const Gazetteer& gazetteer,
                             const std::filesystem::path& cameo_folder);

  const core::Vocabulary& vocabulary() const { return vocab_; }
  const WordFacts& facts(uint32_t id) const { return facts_[id]; }
  const std::vector<Trigger>& triggers() const { return triggers_; }
  const std::vector<std::string>& reporting_verbs() const { return reporting_verbs_; }
  const std::vector<std::string>& reporting_phrases() const { return reporting_phrases_; }
  // Whether the speaker of reporting phrase i comes after it ("according to X").
  bool speaker_after(uint32_t phrase) const { return speaker_after_[phrase]; }
  const std::vector<std::string>& titles() const { return titles_; }

  const core::PhraseTrie<NameHit>& names() const { return names_; }
  const core::PhraseTrie<uint32_t>& title_phrases() const { return title_trie_; }
  const core::PhraseTrie<TriggerHit>& trigger_phrases() const { return trigger_trie_; }
  const core::PhraseTrie<uint32_t>& reporting() const { return reporting_trie_; }
  // Bodies named by a common noun ("police"), by index into institutions().
  const core::PhraseTrie<uint32_t>& institution_phrases() const { return institution_trie_; }
  const std::vector<std::string>& institutions() const { return institutions_; }
  const core::PhraseTrie<PluralReference>& plural_references() const { return plural_trie_; }
  const core::PhraseTrie<int>& pronoun_phrases() const {
    return pronoun_trie_;
  }  // +1 latter, -1 former

  // A key's id. The extractor asks for a few dozen short keys ("the", ",") on every token, so
  // those are kept apart in a small table that stays in cache.
  uint32_t id(std::string_view key) const {
    if (key.size() <= 8 && !key.empty()) {
      const uint64_t packed = pack_short(key);
      for (size_t at = short_slot(packed);; at = (at + 1) % kShortSlots) {
        if (short_keys_[at].first == packed) return short_keys_[at].second;
        if (short_keys_[at].first == 0) break;
      }
    }
    return vocab_.id(key);
  }

 private:
  WordFacts& word(const std::string& key);
  static constexpr uint64_t pack_short(std::string_view key) {
    uint64_t packed = 0;
    for (size_t i = 0; i < key.size(); ++i)
      packed |= uint64_t(static_cast<unsigned char>(key[i])) << (8 * i);
    return packed;
  }
  static constexpr size_t kShortSlots = 128;
  static constexpr size_t short_slot(uint64_t packed) {
    return static_cast<size_t>((packed * 0x9E3779B97F4A7C15ull) >> 57);
  }
  void add_short(std::string_view key);
  std::array<std::pair<uint64_t, uint32_t>, kShortSlots> short_keys_{};

  core::Vocabulary vocab_;
  std::vector<WordFacts> facts_;
  std::vector<Trigger> triggers_;
  std::vector<std::string> reporting_verbs_, reporting_phrases_, titles_;
  std::vector<bool> speaker_after_;
  core::PhraseTrie<NameHit> names_;
  core::PhraseTrie<uint32_t> title_trie_;
  core::PhraseTrie<TriggerHit> trigger_trie_;
  core::PhraseTrie<uint32_t> reporting_trie_;
  core::PhraseTrie<int> pronoun_trie_;
  core::PhraseTrie<uint32_t> institution_trie_;
  core::PhraseTrie<PluralReference> plural_trie_;
  std::vector<std::string> institutions_;
};

// English inflection for the lexicons: a verb's forms (with whether each is a past form) and a
// noun's plural. `irregular` maps lemmas to their listed forms.
struct VerbForm {
  std::string form;
  bool past = false;
};
std::vector<VerbForm> verb_forms(
    const std::string& lemma,
    const std::unordered_map<std::string, std::vector<std::string>>& irregular);
std::string noun_plural(const std::string& noun);

}  // namespace dateline::extract
