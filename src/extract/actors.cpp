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
    for (size_t s = 0; s < c_.out.sentences.size(); ++s) {
      const auto& sentence = c_.out.sentences[s];
      size_t i = sentence.first_token;
      while (i < sentence.last_token) {
        const size_t next = at(i, sentence.last_token);
        i = next > i ? next : i + 1;
      }
    }
  }

 private:
  // Tries every kind of mention at token i; returns the token after what it took.
  size_t at(size_t i, size_t end) {
    if (!c_.tokens[i].is_word()) return i + 1;
    if (size_t n = title_then_name(i, end); n > i) return n;
    if (size_t n = gazetteer_name(i, end); n > i) return n;
    if (size_t n = organisation(i, end); n > i) return n;
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
    if (!c_.capitalized(i) || !c_.lex.names().starts(c_.tokens[i].lex)) return i;
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
    a.name = std::move(name);
    a.kind = kind;
    c_.out.actors.push_back(std::move(a));
    return static_cast<uint32_t>(c_.out.actors.size() - 1);
  }

  int add_mention(size_t first, size_t last, uint32_t actor, Via via, bool modifier = false) {
    for (size_t k = first; k < last; ++k)
      if (c_.mention_at[k] >= 0) return c_.mention_at[k];
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
    const std::string said(m.span.of(c_.text));
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
    add_role(actor, role);
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
    const bool owner = c_.facts(n).possessive_pronoun ||
                       (c_.capitalized(n) &&
                        (possessive_after(n + 1) ||
                         (c_.mention_at[n] >= 0 &&
                          c_.out.mentions[static_cast<size_t>(c_.mention_at[n])].possessive)));
    const bool title =
        c_.lex.title_phrases().starts(c_.tokens[n].lex) || c_.facts(n).title_modifier;
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
      } else {
        break;
      }
    }
    if (last_head == i || last_head < i + 2) return i;
    NameHit hit;
    if (gazetteer_match(i, hit) >= last_head) return i;
    const std::string name(
        c_.text.substr(c_.tokens[i].begin, c_.tokens[last_head - 1].end - c_.tokens[i].begin));
    const uint32_t a = actor_named(name, ActorKind::Organisation);
    // Its country, when a demonym or country starts it ("the Lusaran Foreign Ministry").
    const size_t g = gazetteer_match(i, hit);
    if (g > i && c_.gazetteer.actors()[hit.actor].kind == ActorKind::Country)
      add_affiliation(a, c_.gazetteer.actors()[hit.actor].id);
    add_mention(i, last_head, a, Via::Name);
    return last_head;
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
  mutable std::vector<core::PhraseTrie<NameHit>::Match> matches_;
  std::vector<core::PhraseTrie<uint32_t>::Match> titles_;
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

int resolve_pronoun(const Context& c, size_t i) {
  // "I", "we": the speaker of the quote they are in, and no one outside a quote.
  if (c.facts(i).first_person) return first_person_actor(c, i);
  const auto person = [&](const Mention& m) {
    const auto& actor = c.out.actors[m.actor];
    return actor.kind == ActorKind::Person && actor.credit == CreditRole::None && !m.in_quote &&
           !m.modifier && !m.possessive;
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
