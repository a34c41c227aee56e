#include "extract/lexicon.h"

#include <algorithm>

#include "core/calendar.h"
#include "core/error.h"
#include "core/yaml.h"

namespace dateline::extract {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// Consonant-vowel-consonant at the end ("stop", "ban"): the consonant may double.
bool cvc(const std::string& w) {
  const size_t n = w.size();
  return n >= 3 && !vowel(w[n - 1]) && w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y' &&
         vowel(w[n - 2]) && !vowel(w[n - 3]);
}

bool ends_with(const std::string& w, std::string_view end) {
  return w.size() >= end.size() && w.compare(w.size() - end.size(), end.size(), end) == 0;
}

std::vector<std::string> words_of(const json& list) {
  return list.get<std::vector<std::string>>();
}

}  // namespace

std::vector<VerbForm> verb_forms(
    const std::string& lemma,
    const std::unordered_map<std::string, std::vector<std::string>>& irregular) {
  // A verb with a particle ("walk away") inflects its first word.
  const auto space = lemma.find(' ');
  const std::string head = lemma.substr(0, space);
  const std::string rest = space == std::string::npos ? "" : lemma.substr(space);
  std::vector<VerbForm> out{{head, false}};
  if (auto it = irregular.find(head); it != irregular.end()) {
    for (const auto& f : it->second) {
      const bool third = f.size() <= head.size() + 2 &&
                         f.rfind(head.substr(0, head.size() - 1), 0) == 0 && f.back() == 's';
      out.push_back({f, !ends_with(f, "ing") && !third && f != head});
    }
  } else {
    const char last = head.back();
    const bool consonant_y = last == 'y' && head.size() > 1 && !vowel(head[head.size() - 2]);
    if (ends_with(head, "s") || ends_with(head, "x") || ends_with(head, "z") ||
        ends_with(head, "ch") || ends_with(head, "sh"))
      out.push_back({head + "es", false});
    else if (consonant_y)
      out.push_back({head.substr(0, head.size() - 1) + "ies", false});
    else
      out.push_back({head + "s", false});
    if (last == 'e') {
      out.push_back({head + "d", true});
      out.push_back(
          {ends_with(head, "ee") ? head + "ing" : head.substr(0, head.size() - 1) + "ing", false});
    } else if (consonant_y) {
      out.push_back({head.substr(0, head.size() - 1) + "ied", true});
      out.push_back({head + "ing", false});
    } else {
      out.push_back({head + "ed", true});
      out.push_back({head + "ing", false});
      if (cvc(head)) {  // "stopped", "banning"; the undoubled forms stay for "visited"
        out.push_back({head + last + "ed", true});
        out.push_back({head + last + "ing", false});
      }
    }
  }
  for (auto& f : out) f.form += rest;
  return out;
}

std::string noun_plural(const std::string& noun) {
  const auto space = noun.rfind(' ');
  const std::string head = space == std::string::npos ? "" : noun.substr(0, space + 1);
  const std::string last = space == std::string::npos ? noun : noun.substr(space + 1);
  if (ends_with(last, "s") || ends_with(last, "x") || ends_with(last, "z") ||
      ends_with(last, "ch") || ends_with(last, "sh"))
    return head + last + "es";
  if (last.size() > 1 && last.back() == 'y' && !vowel(last[last.size() - 2]))
    return head + last.substr(0, last.size() - 1) + "ies";
  return head + last + "s";
}

WordFacts& ExtractLexicon::word(const std::string& key) {
  const uint32_t id = vocab_.intern(key);
  if (facts_.size() <= id) facts_.resize(id + 1);
  return facts_[id];
}

ExtractLexicon ExtractLexicon::load(const fs::path& english, const Gazetteer& gazetteer,
                                    const fs::path& cameo_folder) {
  ExtractLexicon lex;
  const auto doc = core::load_yaml(english, "english.schema.json");
  const json& v = doc.value;
  for (const auto& w : words_of(v["abbreviations"])) lex.word(w).abbreviation = true;
  for (const auto& w : words_of(v["pronouns"]["subject"])) lex.word(w).subject_pronoun = true;
  for (const auto& w : words_of(v["pronouns"]["possessive"])) lex.word(w).possessive_pronoun = true;
  for (const auto& w : words_of(v["pronouns"]["speaker"])) lex.word(w).first_person = 1;
  for (const auto& w : words_of(v["pronouns"]["speaker_body"])) lex.word(w).first_person = 2;
  for (const auto& w : words_of(v["prepositions"])) lex.word(w).preposition = true;
  for (const auto& w : words_of(v["group_heads"])) lex.word(core::ascii_lower(w)).group_head = true;
  for (const auto& w : words_of(v["group_descriptors"])) lex.word(w).group_descriptor = true;
  for (const auto& p : words_of(v["institutions"])) {
    lex.institution_trie_.add(lex.vocab_, p, static_cast<uint32_t>(lex.institutions_.size()));
    lex.institutions_.push_back(p);
  }
  for (const auto& w : words_of(v["attending_prepositions"])) lex.word(w).attending = true;
  for (const auto& w : words_of(v["pronouns"]["plural_possessive"]))
    lex.word(w).plural_possessive = true;
  for (const auto& w : words_of(v["pronouns"]["neuter"])) lex.word(w).neuter = 1;
  for (const auto& w : words_of(v["pronouns"]["object"])) lex.word(w).object_pronoun = true;
  for (const auto& w : words_of(v["pronouns"]["neuter_possessive"])) lex.word(w).neuter = 2;
  for (const auto& p : words_of(v["pronouns"]["latter"])) lex.pronoun_trie_.add(lex.vocab_, p, 1);
  for (const auto& p : words_of(v["pronouns"]["former"])) lex.pronoun_trie_.add(lex.vocab_, p, -1);
  for (const auto& w : words_of(v["title_modifiers"])) lex.word(w).title_modifier = true;
  for (const auto& w : words_of(v["honorifics"])) lex.word(w).honorific = true;
  {
    const std::pair<const char*, PluralReference> kinds[] = {
        {"countries", PluralReference::Countries},
        {"bodies", PluralReference::Bodies},
        {"people", PluralReference::People}};
    for (const auto& [key, kind] : kinds)
      for (const auto& p : words_of(v["plural_references"][key]))
        lex.plural_trie_.add(lex.vocab_, p, kind);
  }
  for (const auto& w : words_of(v["title_links"])) lex.word(w).title_link = true;
  for (const auto& w : words_of(v["name_particles"])) lex.word(w).name_particle = true;
  for (const auto& w : words_of(v["not_names"])) lex.word(w).not_name = true;
  for (const auto& w : words_of(v["organisation_heads"]))
    lex.word(core::ascii_lower(w)).organisation_head = true;
  for (const auto& w : words_of(v["group_nouns"])) lex.word(w).group_noun = true;
  for (const auto& w : words_of(v["locative_prepositions"])) lex.word(w).locative = true;
  for (const auto& w : words_of(v["clause_openers"])) lex.word(w).clause_opener = true;

  std::unordered_map<std::string, std::vector<std::string>> irregular;
  for (const auto& [lemma, forms] : v["irregular_verbs"].items())
    irregular[lemma] = words_of(forms);
  for (const auto& f : irregular["be"]) lex.word(f).be_form = true;
  lex.word("be").be_form = true;
  for (const auto& [lemma, forms] : irregular)
    for (const auto& f : verb_forms(lemma, irregular))
      if (f.past) lex.word(f.form).past_form = true;

  lex.reporting_verbs_ = words_of(v["reporting_verbs"]);
  for (size_t i = 0; i < lex.reporting_verbs_.size(); ++i)
    for (const auto& f : verb_forms(lex.reporting_verbs_[i], irregular)) {
      auto& facts = lex.word(f.form);
      if (facts.reporting_verb < 0) facts.reporting_verb = static_cast<int>(i);
      facts.past_form = facts.past_form || f.past;
    }
  for (const auto& lv : words_of(v["light_verbs"]))
    for (const auto& f : verb_forms(lv, irregular))
      lex.word(f.form.substr(0, f.form.find(' '))).light_verb = true;
  for (const auto& w : words_of(v["reporting_nouns"]))
    for (const auto& f : verb_forms(w, irregular))
      if (!f.past && f.form.size() > 3 && f.form.compare(f.form.size() - 3, 3, "ing") != 0)
        lex.word(f.form).reporting_noun = true;  // "state", "states"; not "stated", "stating"
  for (const auto& w : words_of(v["verb_markers"])) lex.word(w).verb_marker = true;
  for (const auto& w : words_of(v["modals"])) lex.word(w).modal = true;
  {
    const auto objects = words_of(v["reporting_with_object"]);
    for (const auto& w : objects)
      for (const auto& f : verb_forms(w, irregular)) lex.word(f.form).reporting_object = true;
  }
  for (const char* side : {"speaker_after", "speaker_before"})
    for (const auto& p : words_of(v["reporting_phrases"][side])) {
      lex.reporting_trie_.add(lex.vocab_, p, static_cast<uint32_t>(lex.reporting_phrases_.size()));
      lex.reporting_phrases_.push_back(p);
      lex.speaker_after_.push_back(side[8] == 'a');
    }
  lex.titles_ = words_of(v["titles"]);
  for (size_t i = 0; i < lex.titles_.size(); ++i) {
    lex.title_trie_.add(lex.vocab_, lex.titles_[i], static_cast<uint32_t>(i));
    lex.title_trie_.add(lex.vocab_, noun_plural(lex.titles_[i]), static_cast<uint32_t>(i));
  }

  // The gazetteer's names.
  const auto& actors = gazetteer.actors();
  for (size_t i = 0; i < actors.size(); ++i) {
    const auto& a = actors[i];
    const auto idx = static_cast<uint32_t>(i);
    lex.names_.add(lex.vocab_, a.name, {idx, NameHit::Kind::Name});
    for (const auto& n : a.aliases) lex.names_.add(lex.vocab_, n, {idx, NameHit::Kind::Name});
    for (const auto& n : a.demonyms) lex.names_.add(lex.vocab_, n, {idx, NameHit::Kind::Demonym});
    for (const auto& n : a.metonyms) lex.names_.add(lex.vocab_, n, {idx, NameHit::Kind::Metonym});
  }

  // The CAMEO triggers, one file per root.
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(cameo_folder, ec))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  if (ec) throw core::Error("cannot read the CAMEO folder", {cameo_folder.string()});
  std::sort(files.begin(), files.end());
  const auto ids = [&](const json& t, const char* key) {
    std::vector<uint32_t> out;
    if (t.contains(key))
      for (const auto& w : t[key]) out.push_back(lex.vocab_.intern(w.get<std::string>()));
    return out;
  };
  std::vector<std::pair<size_t, std::string>> state_codes;  // trigger -> code, labelled below
  std::unordered_map<std::string, std::string> labels;
  for (const auto& file : files) {
    const auto cameo = core::load_yaml(file, "cameo.schema.json");
    const std::string root = cameo.value["root"];
    const bool spoken = cameo.value.value("spoken", false);
    const bool attended = cameo.value.value("attended", false);
    for (size_t c = 0; c < cameo.value["codes"].size(); ++c) {
      const auto& code = cameo.value["codes"][c];
      const std::string number = code["code"];
      labels[number] = code["label"];
      if (number.rfind(root, 0) != 0)
        throw cameo.error_at("/codes/" + std::to_string(c) + "/code",
                             "code " + number + " does not belong to root " + root);
      for (const auto& t : code["triggers"]) {
        Trigger trig;
        trig.code = number;
        trig.label = code["label"];
        trig.near = ids(t, "near");
        trig.not_near = ids(t, "not_near");
        trig.in_sentence = ids(t, "in_sentence");
        trig.possessor_target = t.value("possessor", std::string("source")) == "target";
        trig.target_preps = ids(t, "target");
        trig.source_preps = ids(t, "source");
        trig.confidence = t.value("confidence", 0.8);
        trig.spoken = spoken;
        trig.attended = attended;
        const auto index = static_cast<uint32_t>(lex.triggers_.size());
        if (t.contains("state_code")) state_codes.emplace_back(index, t["state_code"]);
        trig.lemma = t.contains("verb") ? t["verb"] : t.contains("noun") ? t["noun"] : t["phrase"];
        if (t.contains("verb")) {
          trig.kind = Trigger::Kind::Verb;
          for (const auto& f : verb_forms(t["verb"], irregular)) {
            lex.trigger_trie_.add(lex.vocab_, f.form, {index, f.past});
            if (f.past) lex.word(f.form.substr(0, f.form.find(' '))).past_form = true;
          }
        } else if (t.contains("noun")) {
          trig.kind = Trigger::Kind::Noun;
          const std::string noun = t["noun"];
          lex.trigger_trie_.add(lex.vocab_, noun, {index, false});
          lex.trigger_trie_.add(lex.vocab_, t.value("plural", noun_plural(noun)), {index, false});
        } else {
          trig.kind = Trigger::Kind::Phrase;
          lex.trigger_trie_.add(lex.vocab_, t["phrase"].get<std::string>(), {index, false});
        }
        lex.triggers_.push_back(std::move(trig));
      }
    }
  }
  for (const auto& [index, code] : state_codes) {
    if (!labels.count(code))
      throw core::Error("state_code " + code + " is no code of the CAMEO lexicon",
                        {cameo_folder.string()});
    lex.triggers_[index].state_code = code;
    lex.triggers_[index].state_label = labels[code];
  }
  // Punctuation and words the extractor looks for.
  static constexpr const char* kLooked[] = {
      ".",    ",",   ";",   ":",     "\"",    "'",       "-",   "(",    ")",     "!",
      "?",    "s",   "by",  "the",   "a",     "an",      "and", "said", "says",  "told",
      "to",   "of",  "on",  "with",  "for",   "against", "in",  "at",   "who",   "whose",
      "that", "but", "its", "which", "where", "or",      "as",  "from", "after", "before"};
  for (const char* p : kLooked) lex.vocab_.intern(p);
  lex.vocab_.finalize();
  for (const char* p : kLooked) lex.add_short(p);
  lex.facts_.resize(lex.vocab_.size());
  lex.names_.finalize(lex.vocab_.size());
  lex.title_trie_.finalize(lex.vocab_.size());
  lex.trigger_trie_.finalize(lex.vocab_.size());
  lex.reporting_trie_.finalize(lex.vocab_.size());
  lex.pronoun_trie_.finalize(lex.vocab_.size());
  lex.institution_trie_.finalize(lex.vocab_.size());
  lex.plural_trie_.finalize(lex.vocab_.size());
  return lex;
}

void ExtractLexicon::add_short(std::string_view key) {
  const uint64_t packed = pack_short(key);
  size_t at = short_slot(packed);
  while (short_keys_[at].first != 0 && short_keys_[at].first != packed) at = (at + 1) % kShortSlots;
  short_keys_[at] = {packed, vocab_.id(key)};
}

}  // namespace dateline::extract
