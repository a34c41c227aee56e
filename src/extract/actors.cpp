// Actors and their mentions:
//  - names, aliases, demonyms and metonyms of the gazetteer ("Putin", "Iranian officials",
//    "Moscow said"; "in Moscow" is a place);
//  - people no gazetteer holds, discovered from a title before a name ("Human Rights
//    Commissioner Tatyana Moskalkova", "Kremlin spokesman Dmitry Peskov"), a description after
//    one ("Pieter Lunde, an engineer at the dam,"), or a reporting verb beside one ("said Ines
//    Tarrow"); organisations from their head word ("the Dock Workers' Union");
//  - later mentions by surname ("Peskov").
// Pronouns are resolved where an event or a quote needs its actor (resolve_pronoun).
#include <algorithm>
#include <cctype>

#include "core/text.h"
#include "core/utf8.h"
#include "extract/context.h"

namespace dateline::extract {

namespace {

constexpr size_t kMaxNameWords = 4;
// Marks an owner index as a gazetteer record rather than an article actor.
constexpr int kRecord = 1 << 30;

}  // namespace

std::string actor_slug(std::string_view name) {
  std::string out;
  bool dash = false;
  size_t i = 0;
  while (i < name.size()) {
    const size_t at = i;
    const char32_t cp = core::utf8::decode(name, i);
    if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(cp);
    } else if (cp >= 'A' && cp <= 'Z') {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(cp - 'A' + 'a');
    } else if (cp == '\'' || cp == 0x2019 || core::utf8::is_zero_width(cp)) {
      continue;  // "Fishermen's" -> fishermens; "Ola<U+200B> Brenn" -> ola-brenn
    } else if (core::utf8::is_letter(cp)) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out.append(name.substr(at, i - at));
    } else {
      dash = true;
    }
  }
  return out;
}

uint32_t known_actor(Context& c, size_t record) {
  const auto& r = c.gazetteer.actors()[record];
  for (size_t a = 0; a < c.out.actors.size(); ++a)
    if (c.out.actors[a].id == r.id) return static_cast<uint32_t>(a);
  ArticleActor a;
  a.id = r.id;
  a.name = r.name;
  a.kind = r.kind;
  a.media = r.media;
  a.known = true;
  a.affiliations = r.affiliations;
  a.country = r.country;
  c.out.actors.push_back(std::move(a));
  return static_cast<uint32_t>(c.out.actors.size() - 1);
}

namespace {

class ActorFinder {
 public:
  explicit ActorFinder(Context& c) : c_(c) {}

  void run() {
    c_.mention_at.assign(c_.size(), -1);
    find_home();
    for (size_t s = 0; s < c_.out.sentences.size(); ++s) {
      const auto& sentence = c_.out.sentences[s];
      size_t i = sentence.first_token;
      while (i < sentence.last_token) {
        const size_t next = at(i, sentence.last_token);
        i = next > i ? next : i + 1;
      }
    }
    for (size_t m = 0; m < c_.out.mentions.size(); ++m) appositive_role(c_.out.mentions[m]);
  }

 private:
  // The country of the place a wire-style dateline names ("TALLISK —", "SORN, April 6 (TWS)
  // —"): the place is where the story was filed, not an actor, and the bodies the story names
  // without their country ("the Foreign Ministry said") are that country's.
  void find_home() {
    const auto& d = c_.out.article.dateline;
    if (d.source != ingest::DatelineSource::Wire || d.evidence.empty()) return;
    for (size_t k = 0; k < c_.size() && c_.tokens[k].begin < d.evidence.end; ++k) {
      if (c_.tokens[k].begin < d.evidence.begin) continue;
      if (place_end_ == 0) place_start_ = k;
      place_end_ = k + 1;
      NameHit hit;
      if (home_ < 0 && gazetteer_match(k, hit) > k) {
        const auto& r = c_.gazetteer.actors()[hit.actor];
        if (r.kind == ActorKind::Country)
          home_ = static_cast<int>(hit.actor);
        else if (!r.country.empty())
          if (const auto country = c_.gazetteer.find(r.country)) home_ = static_cast<int>(*country);
      }
    }
  }

  // The home country's body whose name ends in `name` ("Foreign Ministry" of "Brevonian
  // Foreign Ministry"), or -1.
  int home_body(std::string_view name) const {
    if (home_ < 0) return -1;
    const std::string& country = c_.gazetteer.actors()[static_cast<size_t>(home_)].id;
    for (size_t r = 0; r < c_.gazetteer.actors().size(); ++r) {
      const auto& a = c_.gazetteer.actors()[r];
      if (a.kind == ActorKind::Person || a.kind == ActorKind::Country || a.country != country)
        continue;
      const auto ends = [&](const std::string& n) {
        return n.size() > name.size() && n[n.size() - name.size() - 1] == ' ' &&
               core::text::equals_ci(std::string_view(n).substr(n.size() - name.size()), name);
      };
      if (ends(a.name) || std::any_of(a.aliases.begin(), a.aliases.end(), ends))
        return static_cast<int>(r);
    }
    return -1;
  }

  // Tries every kind of mention at token i; returns the token after what it took.
  size_t at(size_t i, size_t end) {
    if (!c_.tokens[i].is_word()) return i + 1;
    // Every kind of mention starts with a capital or with a word some list knows.
    if (c_.tokens[i].lex == 0 && !c_.capitalized(i)) return i + 1;
    if (i >= place_start_ && i < place_end_) return place_end_;  // the dateline's place
    if (size_t n = title_then_name(i, end); n > i) return n;
    if (size_t n = title_comma_name(i, end); n > i) return n;
    if (size_t n = gazetteer_name(i, end); n > i) return n;
    if (size_t n = organisation(i, end); n > i) return n;
    if (size_t n = institution(i, end); n > i) return n;
    if (size_t n = definite_reference(i); n > i) return n;
    if (size_t n = described_name(i, end); n > i) return n;
    if (size_t n = reported_name(i, end); n > i) return n;
    if (size_t n = surname(i); n > i) return n;
    return i + 1;
  }

  // ---- names ----

  bool name_word(size_t i) const {
    if (i >= c_.size() || !c_.tokens[i].is_word()) return false;
    if (c_.capitalized(i)) {
      const auto w = c_.text_of(i);
      return !core::text::is_all_caps(w) ||
             w.size() <= 4;  // "UNN" may be a name, a shouted word not
    }
    return false;
  }

  // A run of capitalised words that can be a person's name, with particles ("bin", "von der")
  // and hyphens ("Jean-Yves"); at most four words. Returns its end, or i.
  size_t name_shape(size_t i, size_t end, bool first_may_be_common = false) const {
    if (!name_word(i) || (!first_may_be_common && c_.facts(i).not_name)) return i;
    // Several kinds of mention ask for the shape at the same token in turn.
    if (shape_memo_.from == i && shape_memo_.to == end && shape_memo_.common == first_may_be_common)
      return shape_memo_.result;
    shape_memo_ = {i, end, first_may_be_common, name_shape_from(i, end)};
    return shape_memo_.result;
  }
  struct ShapeMemo {
    size_t from = SIZE_MAX, to = 0;
    bool common = false;
    size_t result = 0;
  };
  mutable ShapeMemo shape_memo_;

  size_t name_shape_from(size_t i, size_t end) const {
    size_t k = i, words = 0;
    while (k < end && words < kMaxNameWords) {
      if (name_word(k)) {
        if (c_.lex.title_phrases().starts(c_.tokens[k].lex) && k > i) break;  // "Putin President"
        ++k;
        ++words;
        // "Jean-Yves", "Al-Sisi", "O'Brien"
        while (k + 1 < end && !c_.tokens[k].space_before && (c_.is(k, "-") || c_.is(k, "'")) &&
               !c_.tokens[k + 1].space_before && c_.tokens[k + 1].is_word() &&
               !(c_.is(k, "'") && c_.is(k + 1, "s")))
          k += 2;
        // An initial: "J. Smith"
        if (c_.tokens[k - 1].size() == 1 && c_.is(k, ".") && !c_.tokens[k].space_before) ++k;
        continue;
      }
      if (words > 0 && c_.tokens[k].is_word() && c_.facts(k).name_particle && name_word(k + 1)) {
        ++k;
        continue;
      }
      break;
    }
    return k;
  }

  // The gazetteer name starting at i, longest; sets hit.
  size_t gazetteer_match(size_t i, NameHit& hit) const {
    // A name starts capitalized, or with "the" before a capital: "the Islamic Republic".
    const bool the_name = c_.is(i, "the") && i + 1 < c_.size() && c_.capitalized(i + 1);
    if ((!c_.capitalized(i) && !the_name) || !c_.lex.names().starts(c_.tokens[i].lex)) return i;
    c_.lex.names().match(c_.tokens, i, matches_);
    for (const auto& m : matches_) {
      const size_t end = i + m.length;
      // A name must end at a word boundary of the same sentence.
      if (end > c_.size() || !c_.same_sentence(i, end - 1)) continue;
      hit = m.hit;
      return end;
    }
    return i;
  }

  bool possessive_after(size_t end) const {
    return end + 1 < c_.size() && c_.is(end, "'") && c_.is(end + 1, "s") &&
           !c_.tokens[end].space_before;
  }

  // ---- actors ----

  uint32_t actor_for_record(size_t record) { return known_actor(c_, record); }

  uint32_t actor_named(std::string name, ActorKind kind) {
    const std::string id = actor_slug(name);
    for (size_t a = 0; a < c_.out.actors.size(); ++a)
      if (c_.out.actors[a].id == id) return static_cast<uint32_t>(a);
    // The same person under a fuller name seen before ("Haln" after "Gregor Haln").
    ArticleActor a;
    a.id = id;
    a.name = core::text::visible(name);
    a.kind = kind;
    c_.out.actors.push_back(std::move(a));
    return static_cast<uint32_t>(c_.out.actors.size() - 1);
  }

  int add_mention(size_t first, size_t last, uint32_t actor, Via via, bool modifier = false) {
    for (size_t k = first; k < last; ++k)
      if (c_.mention(k) >= 0) return c_.mention(k);
    Mention m;
    m.span = {c_.tokens[first].begin, c_.tokens[last - 1].end};
    m.actor = actor;
    m.via = via;
    m.sentence = c_.sentence_of[first];
    m.token = static_cast<uint32_t>(first);
    m.last_token = static_cast<uint32_t>(last);
    m.possessive = possessive_after(last);
    m.modifier = modifier;
    m.in_quote = c_.quoted(first);
    const int index = static_cast<int>(c_.out.mentions.size());
    for (size_t k = first; k < last; ++k) c_.mention_at[k] = index;
    auto& a = c_.out.actors[actor];
    a.mentions.push_back(static_cast<uint32_t>(index));
    const std::string said = core::text::visible(m.span.of(c_.text));
    if (via == Via::Name && std::find(a.names.begin(), a.names.end(), said) == a.names.end())
      a.names.push_back(said);
    c_.out.mentions.push_back(m);
    return index;
  }

  void add_role(uint32_t actor, std::string role) {
    auto& roles = c_.out.actors[actor].roles;
    role = std::string(core::text::trim(role));
    if (!role.empty() && std::find(roles.begin(), roles.end(), role) == roles.end())
      roles.push_back(role);
  }

  void add_affiliation(uint32_t actor, const std::string& id) {
    auto& a = c_.out.actors[actor];
    if (id != a.id &&
        std::find(a.affiliations.begin(), a.affiliations.end(), id) == a.affiliations.end())
      a.affiliations.push_back(id);
  }

  // ---- the patterns ----

  // A gazetteer name, demonym or metonym at i.
  size_t gazetteer_name(size_t i, size_t end) {
    NameHit hit;
    const size_t e = gazetteer_match(i, hit);
    if (e == i || e > end) return i;
    const auto& record = c_.gazetteer.actors()[hit.actor];
    const bool located =
        i > 0 && c_.same_sentence(i - 1, i) &&
        (c_.facts(i - 1).locative || (c_.is(i - 1, "the") && i > 1 && c_.facts(i - 2).locative));
    switch (hit.kind) {
      case NameHit::Kind::Name:
        // "in Moscow" names the city when the name is a country's capital alias; a country
        // itself after "in" is still the country.
        add_mention(i, e, actor_for_record(hit.actor), Via::Name, modifies_next(e));
        return e;
      case NameHit::Kind::Metonym:
        if (located) return e;  // a place
        add_mention(i, e, actor_for_record(hit.actor), Via::Metonym);
        return e;
      case NameHit::Kind::Demonym: {
        // "Iranian officials" acts; "Iranian President Masoud Pezeshkian" qualifies a person.
        if (e < c_.size() && c_.facts(e).group_noun) {
          add_mention(i, e + 1, actor_for_record(hit.actor), Via::Demonym);
          return e + 1;
        }
        (void)record;
        add_mention(i, e, actor_for_record(hit.actor), Via::Demonym, true);
        return e;
      }
    }
    return e;
  }

  // Whether what ends at e qualifies what follows: "Kremlin spokesman", "Russia's envoy".
  bool modifies_next(size_t e) const {
    if (e >= c_.size()) return false;
    if (possessive_after(e)) return false;
    return c_.lex.title_phrases().starts(c_.tokens[e].lex) && !c_.capitalized(e) ? true : false;
  }

  // "Human Rights Commissioner Tatyana Moskalkova", "Kremlin spokesman Dmitry Peskov",
  // "Ambassador to Israel Anatoly Viktorov", "Russia's Permanent Representative to the UN
  // Vasily Nebenzya", "Transport Minister Lidia Marsh", "President Putin".
  size_t title_then_name(size_t i, size_t end) {
    if (!c_.capitalized(i) && !c_.facts(i).title_modifier &&
        !c_.lex.title_phrases().starts(c_.tokens[i].lex))
      return i;
    // The modifiers before the title: capitalised words, a gazetteer organisation or country,
    // a possessive ("Russia's"), title modifiers ("top", "former").
    size_t k = i;
    std::vector<uint32_t> affiliated;
    while (k < end) {
      NameHit hit;
      const size_t g = gazetteer_match(k, hit);
      if (g > k && (hit.kind != NameHit::Kind::Name ||
                    c_.gazetteer.actors()[hit.actor].kind != ActorKind::Person)) {
        if (g < end &&
            c_.lex.title_phrases().starts(c_.tokens[possessive_after(g) ? g + 2 : g].lex)) {
          affiliated.push_back(hit.actor);
          k = possessive_after(g) ? g + 2 : g;
          continue;
        }
        if (possessive_after(g)) {
          affiliated.push_back(hit.actor);
          k = g + 2;
          continue;
        }
        break;
      }
      if (c_.facts(k).title_modifier && !c_.lex.title_phrases().starts(c_.tokens[k].lex)) {
        ++k;
        continue;
      }
      if (c_.capitalized(k) && !c_.facts(k).not_name &&
          !c_.lex.title_phrases().starts(c_.tokens[k].lex) && k + 1 < end &&
          (c_.capitalized(k + 1) || c_.lex.title_phrases().starts(c_.tokens[k + 1].lex)) &&
          k < i + 3 && gazetteer_match(k, hit) == k) {
        ++k;  // "Human Rights Commissioner", "Sabrenna Mayor"
        continue;
      }
      break;
    }
    if (k >= end || !c_.lex.title_phrases().starts(c_.tokens[k].lex)) return i;
    c_.lex.title_phrases().match(c_.tokens, k, titles_);
    if (titles_.empty()) return i;
    size_t t_end = k + titles_.front().length;
    // "Col. Fenno Drask", "Mr. Aldo Perrin": the stop of an abbreviated title.
    if (t_end < end && c_.is(t_end, ".") && !c_.tokens[t_end].space_before &&
        c_.facts(t_end - 1).abbreviation)
      ++t_end;
    // "to Israel", "to the UN", "of Defence": what the title is of. A gazetteer name ends it;
    // else a run of capitals leaves its last two words to the name ("Minister of Foreign
    // Affairs Sergei Lavrov").
    if (t_end < end && c_.facts(t_end).title_link) {
      size_t j = t_end + 1;
      if (c_.is(j, "the")) ++j;
      NameHit object;
      const size_t g = gazetteer_match(j, object);
      if (g > j && c_.gazetteer.actors()[object.actor].kind != ActorKind::Person) {
        t_end = g;
      } else {
        size_t caps = j;
        while (caps < end && caps < j + 6 &&
               (c_.capitalized(caps) || (caps > j && c_.is(caps, "of"))))
          ++caps;
        if (caps >= j + 3)
          t_end = caps - 2;
        else if (caps > j)
          t_end = caps;
      }
    }
    if (t_end < end && c_.is(t_end, ",")) return i;  // "the president, who ..."
    const size_t name_end = name_shape(t_end, end, true);
    if (name_end == t_end) return i;
    // The name: a gazetteer person, or one discovered here.
    NameHit hit;
    const size_t g = gazetteer_match(t_end, hit);
    uint32_t actor;
    size_t last;
    if (g > t_end && hit.kind == NameHit::Kind::Name &&
        c_.gazetteer.actors()[hit.actor].kind == ActorKind::Person) {
      actor = actor_for_record(hit.actor);
      last = g;
    } else if (g > t_end) {
      return i;  // a title before an organisation or a place
    } else {
      // One word after a title may be a surname told before ("President Kostan").
      const std::string name(c_.text.substr(c_.tokens[t_end].begin,
                                            c_.tokens[name_end - 1].end - c_.tokens[t_end].begin));
      const int known = by_surname(t_end, name_end);
      actor = known >= 0 ? static_cast<uint32_t>(known) : actor_named(name, ActorKind::Person);
      last = name_end;
    }
    const size_t role_first = i;
    // Mentions of the modifiers (the Kremlin in "Kremlin spokesman") are kept as modifiers.
    for (size_t m = role_first; m < k;) {
      NameHit h;
      const size_t ge = gazetteer_match(m, h);
      if (ge > m) {
        add_mention(m, ge, actor_for_record(h.actor),
                    h.kind == NameHit::Kind::Name ? Via::Name : Via::Demonym, true);
        m = ge;
      } else {
        ++m;
      }
    }
    add_mention(t_end, last, actor, Via::Name);
    std::string role(c_.text.substr(c_.tokens[role_first].begin,
                                    c_.tokens[t_end - 1].end - c_.tokens[role_first].begin));
    // "Mr. Perrin": a title of courtesy alone is no role.
    const bool courtesy = role_first == k && c_.facts(k).honorific;
    if (!courtesy) add_role(actor, role);
    for (const auto rec : affiliated) add_affiliation(actor, c_.gazetteer.actors()[rec].id);
    return last;
  }

  // "Pieter Lunde, an engineer at the dam," / "Alexander Dugin, a pro-war thinker".
  size_t described_name(size_t i, size_t end) {
    const size_t e = name_shape(i, end);
    if (e < i + 2 || e + 2 >= end || !c_.is(e, ",")) return i;
    // "X, a thinker", "X, the ministry's spokesman", "X, Putin's key propagandist", "X, his
    // deputy", "X, spokesman for the union".
    const size_t n = e + 1;
    const bool article = c_.is(n, "a") || c_.is(n, "an") || c_.is(n, "the");
    const bool owner =
        c_.facts(n).possessive_pronoun ||
        (c_.capitalized(n) &&
         (possessive_after(n + 1) ||
          (c_.mention(n) >= 0 && c_.out.mentions[static_cast<size_t>(c_.mention(n))].possessive)));
    const bool title =
        c_.lex.title_phrases().starts(c_.tokens[n].lex) || c_.facts(n).title_modifier;
    // "Lise Harrow, whose son is among the crew, said", "Jorun Vask, who chairs the union,".
    if (!article && !owner && !title && (c_.is(n, "who") || c_.is(n, "whose"))) {
      actor_of_name(i, e);
      return e;
    }
    if (!article && !owner && !title) return i;
    size_t d = article ? e + 2 : e + 1, stop = d;
    while (stop < end && stop < d + 14 && !c_.is(stop, ",") && !c_.is(stop, ".") &&
           !c_.is(stop, ";"))
      ++stop;
    if (stop == d) return i;
    const uint32_t actor = actor_of_name(i, e);
    add_role(actor, std::string(c_.text.substr(c_.tokens[d].begin,
                                               c_.tokens[stop - 1].end - c_.tokens[d].begin)));
    return e;
  }

  // "Gregor Haln said", "said Ines Tarrow", "wrote Alexander Dugin".
  size_t reported_name(size_t i, size_t end) {
    const size_t e = name_shape(i, end);
    if (e < i + 2) return i;
    const bool before_verb = e < end && c_.facts(e).reporting_verb >= 0;
    const bool after_verb =
        i > 0 && c_.same_sentence(i - 1, i) && c_.facts(i - 1).reporting_verb >= 0;
    if (!before_verb && !after_verb) return i;
    actor_of_name(i, e);
    return e;
  }

  // A person named by the name shape [i, e): the gazetteer's, one seen before, or a new one.
  uint32_t actor_of_name(size_t i, size_t e) {
    NameHit hit;
    const size_t g = gazetteer_match(i, hit);
    if (g == e && hit.kind == NameHit::Kind::Name) {
      const uint32_t a = actor_for_record(hit.actor);
      add_mention(i, e, a, Via::Name);
      return a;
    }
    const std::string name(
        c_.text.substr(c_.tokens[i].begin, c_.tokens[e - 1].end - c_.tokens[i].begin));
    const uint32_t a = actor_named(name, ActorKind::Person);
    add_mention(i, e, a, Via::Name);
    return a;
  }

  // "the Dock Workers' Union", "the Lusaran Foreign Ministry": capitalised words ending in an
  // organisation's head word.
  size_t organisation(size_t i, size_t end) {
    if (!c_.capitalized(i) || c_.facts(i).not_name) return i;
    size_t k = i, last_head = i;
    while (k < end && k < i + 8) {
      if (c_.capitalized(k)) {
        if (c_.facts(k).organisation_head && c_.tokens[k].capitalized) last_head = k + 1;
        ++k;
      } else if ((c_.is(k, "of") || c_.is(k, "for") || c_.is(k, "and") || c_.is(k, "the")) &&
                 k + 1 < end && c_.capitalized(k + 1)) {
        ++k;
      } else if (c_.is(k, "'") && !c_.tokens[k].space_before) {  // "Workers' Union"
        ++k;
        if (c_.is(k, "s") && !c_.tokens[k].space_before) ++k;  // "Fishermen's Cooperative"
      } else {
        break;
      }
    }
    if (last_head == i || last_head < i + 2) return i;
    NameHit hit;
    if (gazetteer_match(i, hit) >= last_head) return i;
    std::string name(
        c_.text.substr(c_.tokens[i].begin, c_.tokens[last_head - 1].end - c_.tokens[i].begin));
    // "the Foreign Ministry" in a story filed from Tallisk: Brevonia's.
    if (const int r = home_body(name); r >= 0) {
      add_mention(i, last_head, known_actor(c_, static_cast<size_t>(r)), Via::Description);
      return last_head;
    }
    // "the student movement Free Banks Alliance", "the Harbour Militia": a group.
    bool group = c_.facts(last_head - 1).group_head;
    for (size_t b = i; b-- > 0 && b + 3 > i && c_.same_sentence(b, i);)
      group = group || c_.facts(b).group_descriptor;
    const uint32_t a = actor_named(name, group ? ActorKind::Group : ActorKind::Organisation);
    // Its country, when a demonym or country starts it ("the Lusaran Foreign Ministry").
    const size_t g = gazetteer_match(i, hit);
    if (g > i && c_.gazetteer.actors()[hit.actor].kind == ActorKind::Country)
      add_affiliation(a, c_.gazetteer.actors()[hit.actor].id);
    add_mention(i, last_head, a, Via::Name);
    return last_head;
  }

  // "Ransk's lawyer, Sigge Maltby,", "Its Secretary-General, Imre Valcourt,", "The Ardessan
  // Prime Minister, Davor Mirell,": a title, a comma, then the name it belongs to.
  size_t title_comma_name(size_t i, size_t end) {
    if (!c_.capitalized(i) && !c_.is(i, "the") && !c_.is(i, "its") &&
        !c_.facts(i).possessive_pronoun && !c_.facts(i).title_modifier &&
        !c_.lex.title_phrases().starts(c_.tokens[i].lex))
      return i;
    size_t k = i;
    int owner = -1;  // the actor the title is of, when said ("Its", a demonym)
    if (c_.is(k, "the")) ++k;
    if (k < end && c_.is(k, "its")) {
      owner = last_body_before(k);
      ++k;
    } else if (k < end && c_.facts(k).possessive_pronoun) {
      ++k;
    } else if (k + 2 < end && c_.capitalized(k) && possessive_after(k + 1)) {
      k += 3;  // "Ransk's", "Gullhaven's"
    }
    NameHit hit;
    while (k < end) {
      const size_t g = gazetteer_match(k, hit);
      if (g > k && hit.kind == NameHit::Kind::Demonym) {
        owner = static_cast<int>(hit.actor) | kRecord;
        k = g;
      } else if (c_.facts(k).title_modifier && !c_.lex.title_phrases().starts(c_.tokens[k].lex)) {
        ++k;
      } else {
        break;
      }
    }
    if (k >= end || !c_.lex.title_phrases().starts(c_.tokens[k].lex)) return i;
    c_.lex.title_phrases().match(c_.tokens, k, titles_);
    if (titles_.empty()) return i;
    const size_t t_end = k + titles_.front().length;
    if (t_end + 1 >= end || !c_.is(t_end, ",")) return i;
    const size_t name = t_end + 1;
    const size_t name_end = name_shape(name, end);
    if (name_end < name + 2) return i;
    // The name stands alone between commas, or ends the sentence, or its verb follows.
    if (name_end < end && !c_.is(name_end, ",") && !c_.is(name_end, ".") &&
        c_.facts(name_end).reporting_verb < 0)
      return i;
    const uint32_t actor = actor_of_name(name, name_end);
    add_role(actor, std::string(c_.text.substr(c_.tokens[i].begin,
                                               c_.tokens[t_end - 1].end - c_.tokens[i].begin)));
    if (owner >= 0 && (owner & kRecord))
      add_affiliation(actor, c_.gazetteer.actors()[static_cast<size_t>(owner & ~kRecord)].id);
    else if (owner >= 0)
      add_affiliation(actor, c_.out.actors[static_cast<size_t>(owner)].id);
    return name_end;
  }

  // The organisation or group named last before token k, in this sentence or the one before.
  int last_body_before(size_t k) const {
    for (size_t m = c_.out.mentions.size(); m-- > 0;) {
      const auto& mention = c_.out.mentions[m];
      if (mention.token >= k) continue;
      if (c_.sentence_of[k] - mention.sentence > 1) break;
      const auto kind = c_.out.actors[mention.actor].kind;
      if (kind == ActorKind::Organisation || kind == ActorKind::Group)
        return static_cast<int>(mention.actor);
    }
    return -1;
  }

  // The organisation of this article whose name ends in `words` (any case): "Coast Guard" of
  // "Ardessan Coast Guard", "Authority" of "Gullhaven Port Authority"; the last named, or -1.
  int body_named(std::string_view words) const {
    for (size_t m = c_.out.mentions.size(); m-- > 0;) {
      const auto& a = c_.out.actors[c_.out.mentions[m].actor];
      if (a.kind != ActorKind::Organisation && a.kind != ActorKind::Group) continue;
      if (a.generic || a.name.size() <= words.size()) continue;
      const std::string_view tail = std::string_view(a.name).substr(a.name.size() - words.size());
      if (a.name[a.name.size() - words.size() - 1] == ' ' && core::text::equals_ci(tail, words))
        return static_cast<int>(c_.out.mentions[m].actor);
    }
    return -1;
  }

  // "the authority", "the court", "the cooperative": an organisation named before, by the last
  // word of its name.
  size_t definite_reference(size_t i) {
    if (!c_.is(i, "the") || i + 1 >= c_.size() || c_.capitalized(i + 1) ||
        !c_.same_sentence(i, i + 1))
      return i;
    if (!c_.facts(i + 1).organisation_head) return i;
    const int named = body_named(c_.text_of(i + 1));
    if (named < 0) return i;
    add_mention(i, i + 2, static_cast<uint32_t>(named), Via::Description);
    return i + 2;
  }

  // "Police said", "according to police": a body named by a common noun.
  size_t institution(size_t i, size_t end) {
    if (!c_.lex.institution_phrases().starts(c_.tokens[i].lex)) return i;
    c_.lex.institution_phrases().match(c_.tokens, i, institutions_);
    if (institutions_.empty() || i + institutions_.front().length > end) return i;
    const size_t e = i + institutions_.front().length;
    // "police officers", "the police chief": the noun qualifies another one.
    if (e < end && c_.lex.title_phrases().starts(c_.tokens[e].lex)) return i;
    std::string name = c_.lex.institutions()[institutions_.front().hit];
    // "the coast guard" after "the Ardessan Coast Guard": the body named before.
    if (const int named = body_named(name); named >= 0) {
      add_mention(i, e, static_cast<uint32_t>(named), Via::Description);
      return e;
    }
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    const uint32_t a = actor_named(name, ActorKind::Organisation);
    c_.out.actors[a].generic = true;
    add_mention(i, e, a, Via::Name);
    return e;
  }

  // "Gen. Ottar Brisk, the chief of the defence staff, ordered", "Mr. Oderin, the foreign
  // minister, told": a description naming a title between commas after a name is a role.
  void appositive_role(const Mention& m) {
    if (m.modifier || m.possessive || c_.out.actors[m.actor].kind != ActorKind::Person) return;
    const size_t comma = m.last_token;
    if (comma + 2 >= c_.size() || !c_.is(comma, ",") || !c_.same_sentence(comma, comma + 2)) return;
    size_t d = comma + 1;
    if (c_.facts(d).clause_opener) return;  // ", who chairs the union,": a clause, no title
    if (c_.is(d, "the") || c_.is(d, "a") || c_.is(d, "an")) ++d;
    const auto& s = c_.sentence(comma);
    size_t stop = d;
    bool titled = false;
    while (stop < s.last_token && stop < d + 10 && !c_.is(stop, ",") && !c_.is(stop, ".") &&
           !c_.is(stop, ";")) {
      titled = titled || c_.lex.title_phrases().starts(c_.tokens[stop].lex);
      ++stop;
    }
    if (!titled || stop == d || stop >= s.last_token || !(c_.is(stop, ",") || c_.is(stop, ".")))
      return;
    add_role(m.actor, std::string(c_.text.substr(c_.tokens[d].begin,
                                                 c_.tokens[stop - 1].end - c_.tokens[d].begin)));
  }

  // The person whose name ends in the words [i, e), named before in this article, or -1.
  int by_surname(size_t i, size_t e) const {
    const std::string_view words =
        c_.text.substr(c_.tokens[i].begin, c_.tokens[e - 1].end - c_.tokens[i].begin);
    for (size_t a = c_.out.actors.size(); a-- > 0;) {
      const auto& actor = c_.out.actors[a];
      if (actor.kind != ActorKind::Person) continue;
      for (const auto& n : actor.names) {
        if (n.size() <= words.size() + 1) continue;
        if (n.compare(n.size() - words.size(), words.size(), words) == 0 &&
            n[n.size() - words.size() - 1] == ' ')
          return static_cast<int>(a);
      }
    }
    return -1;
  }

  // "Peskov" after "Dmitry Peskov"; "Haln" after "Gregor Haln".
  size_t surname(size_t i) {
    if (!name_word(i) || c_.facts(i).not_name) return i;
    const int a = by_surname(i, i + 1);
    if (a < 0) return i;
    add_mention(i, i + 1, static_cast<uint32_t>(a), Via::Surname);
    return i + 1;
  }

  Context& c_;
  int home_ = -1;  // gazetteer record of the country the story was filed from
  size_t place_start_ = 0, place_end_ = 0;  // the tokens of the dateline's place
  mutable std::vector<core::PhraseTrie<NameHit>::Match> matches_;
  std::vector<core::PhraseTrie<uint32_t>::Match> titles_, institutions_;
};

}  // namespace

void find_actors(Context& c) {
  ActorFinder(c).run();
}

int first_person_actor(const Context& c, size_t i) {
  const uint8_t person = c.facts(i).first_person;
  if (person == 0 || !c.quoted(i)) return -1;
  const Quote& q = c.quotes[static_cast<size_t>(c.quote_of[i])];
  const auto& who = person == 1 ? q.speaker : q.speaks_for;
  return who ? static_cast<int>(*who) : -1;
}

namespace {

bool body(const Context& c, uint32_t actor) {
  return c.out.actors[actor].kind != ActorKind::Person;
}

// How many sentences back an opening "It" may look for what it names.
constexpr int kSentencesBack = 16;

// "it" and "its": a body or a country. "The council said it was concerned": the subject of the
// reporting verb just before. "Ardessa agreed to lift its ban": the subject of the sentence.
// "It accused him": the subject of the sentence before. "It is", "it was": no one.
int resolve_neuter(const Context& c, size_t i) {
  if (c.facts(i).neuter == 1 && c.facts(i + 1).be_form) return -1;
  const auto& s = c.sentence(i);
  size_t verb = i;
  if (verb > s.first_token && c.is(verb - 1, "that")) --verb;
  if (verb > s.first_token && reports(c, verb - 1)) {
    const auto before = actors_left(c, verb - 1, s.first_token, false);
    if (!before.empty() && body(c, before.front())) return static_cast<int>(before.front());
    return -1;
  }
  if (const int a = clause_subject(c, s.first_token, i);
      a >= 0 && body(c, static_cast<uint32_t>(a)))
    return a;
  // A few sentences back at most: "It" after a run of sentences opening with "It" looks no
  // further than a reader would.
  if (i == s.first_token && c.sentence_of[i] > 0 && c.sentences_back < kSentencesBack) {
    const auto& previous = c.out.sentences[c.sentence_of[i] - 1];
    if (previous.paragraph != s.paragraph) return -1;
    ++c.sentences_back;
    const int a = clause_subject(c, previous.first_token, previous.last_token);
    --c.sentences_back;
    if (a >= 0 && body(c, static_cast<uint32_t>(a))) return a;
  }
  return -1;
}

}  // namespace

int resolve_pronoun(const Context& c, size_t i) {
  // "I", "we": the speaker of the quote they are in, and no one outside a quote.
  if (c.facts(i).first_person) return first_person_actor(c, i);
  const auto person = [&](const Mention& m) {
    const auto& actor = c.out.actors[m.actor];
    return actor.kind == ActorKind::Person && actor.credit == CreditRole::None && !m.in_quote &&
           !m.modifier && !m.possessive && !after_preposition(c, m);
  };
  // "the latter" / "the former": of the last two people named.
  if (c.lex.pronoun_phrases().starts(c.tokens[i].lex)) {
    std::vector<core::PhraseTrie<int>::Match> found;
    c.lex.pronoun_phrases().match(c.tokens, i, found);
    if (!found.empty()) {
      std::vector<uint32_t> people;
      for (size_t m = c.out.mentions.size(); m-- > 0 && people.size() < 2;) {
        const auto& mention = c.out.mentions[m];
        if (mention.token >= i || !person(mention)) continue;
        if (people.empty() || people.back() != mention.actor) people.push_back(mention.actor);
      }
      if (found.front().hit > 0) return people.empty() ? -1 : static_cast<int>(people[0]);
      return people.size() > 1 ? static_cast<int>(people[1]) : -1;
    }
  }
  if (c.facts(i).neuter) return resolve_neuter(c, i);
  if (!c.facts(i).subject_pronoun && !c.facts(i).possessive_pronoun) return -1;
  // "he", "his": the subject, that is the first person named, of this sentence before it, or
  // else of the nearest sentence before with one.
  const uint32_t here = c.sentence_of[i];
  int best = -1;
  uint32_t best_sentence = 0;
  for (size_t m = c.out.mentions.size(); m-- > 0;) {
    const auto& mention = c.out.mentions[m];
    if (mention.token >= i || !person(mention)) continue;
    if (best >= 0 && mention.sentence != best_sentence) break;
    if (mention.sentence > here) continue;
    best = static_cast<int>(mention.actor);
    best_sentence = mention.sentence;
  }
  return best;
}

}  // namespace dateline::extract
