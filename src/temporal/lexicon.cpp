#include "temporal/lexicon.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.h"
#include "core/utf8.h"
#include "core/yaml.h"

namespace dateline::temporal {

using nlohmann::json;

uint32_t Lexicon::intern(const std::string& key) {
  const uint32_t id = vocab_.intern(key);
  if (words_.size() <= id) words_.resize(id + 1);
  return id;
}

uint32_t Lexicon::id(std::string_view key) const {
  return vocab_.id(key);
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
  hit.length = static_cast<uint32_t>(tokens.size());
  phrases_.add(vocab_, phrase, hit);
  words_.resize(vocab_.size());
  WordInfo& first = words_[intern(core::Vocabulary::key_of(phrase, tokens.front()))];
  first.phrase_start = true;
  if (hit.kind == PhraseHit::Kind::FutureCue) first.future_cue_start = true;
}

void Lexicon::phrases_at(const std::vector<core::Token>& tokens, size_t i,
                         std::vector<PhraseHit>& out) const {
  out.clear();
  if (i >= tokens.size() || !words_[tokens[i].lex].phrase_start) return;
  phrases_.match_hits(tokens, i, out);  // longest first
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

Lexicon Lexicon::load(const std::filesystem::path& file, const core::CalendarWords& calendar,
                      const core::Vocabulary* extend) {
  const auto doc = core::load_yaml(file, "temporal.schema.json");
  const json& v = doc.value;
  Lexicon lex;
  if (extend) lex.vocab_.extend(*extend);
  lex.words_.resize(lex.vocab_.size());  // id 0: nothing
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
  for (const auto& w : v["to_prepositions"]) word(w.get<std::string>()).to_preposition = true;
  for (const auto& w : v["not_verbs_after_to"]) word(w.get<std::string>()).not_verb_after_to = true;
  for (const auto& w : v["not_past_forms"]) word(w.get<std::string>()).not_past_form = true;
  for (const auto& w : v["participle_markers"]) word(w.get<std::string>()).participle_marker = true;
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
  // Whether some parser may start at a word, one byte per id apart from the wide WordInfo.
  lex.trigger_by_id_.assign(lex.words_.size(), 0);
  for (size_t id = 1; id < lex.words_.size(); ++id) {
    const WordInfo& w = lex.words_[id];
    lex.trigger_by_id_[id] = w.month || w.weekday || w.unit != Unit::None || w.cardinal >= 0 ||
                             w.ordinal || w.decade || w.part != PartOfDay::None ||
                             w.clock_hour >= 0 || w.season != Season::None || w.before.present ||
                             !w.quantifier.empty() || w.per_word || w.phrase_start || w.frequency ||
                             w.multiple;
  }
  // quarters.cpp starts at these; absolute.cpp at the apostrophe of a clipped year ('98).
  for (const char* w : {"period", "half", "q", "h", "final", "'"}) {
    const uint32_t id = lex.intern(w);
    if (lex.trigger_by_id_.size() <= id) lex.trigger_by_id_.resize(id + 1, 0);
    lex.trigger_by_id_[id] = 1;
  }
  lex.vocab_.finalize();
  lex.phrases_.finalize(lex.vocab_.size());
  lex.words_.resize(lex.vocab_.size());
  lex.trigger_by_id_.resize(lex.vocab_.size(), 0);
  return lex;
}

}  // namespace dateline::temporal
