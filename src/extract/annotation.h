#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/span.h"
#include "ingest/article.h"
#include "temporal/timex.h"

namespace dateline::extract {

enum class ActorKind : uint8_t { Person, Organisation, Country, Group };
std::string_view to_string(ActorKind k);
// The id of an actor discovered by name: its letters lower-cased, words joined by hyphens.
std::string actor_slug(std::string_view name);
std::optional<ActorKind> actor_kind_from(std::string_view s);

// A sentence of an article: its bytes and its tokens in the article's token list.
struct Sentence {
  core::Span span;
  uint32_t paragraph = 0;
  uint32_t first_token = 0, last_token = 0;  // [first, last)
};

// How a mention names its actor.
enum class Via : uint8_t {
  Name,         // a full name or an alias from the gazetteer, or a discovered name
  Surname,      // the last part of a name given earlier ("Peskov")
  Demonym,      // "Iranian officials"
  Metonym,      // "Moscow said", "the Kremlin"
  Pronoun,      // "he said", "the latter"
  Description,  // "the Russian spokesman"
};
std::string_view to_string(Via v);

struct Mention {
  core::Span span;
  uint32_t actor = 0;  // index into AnnotatedArticle::actors
  Via via = Via::Name;
  uint32_t sentence = 0;
  uint32_t token = 0;       // first token
  uint32_t last_token = 0;  // one past the last token
  bool possessive = false;  // "Putin's"
  bool modifier = false;    // qualifies a title or noun: "Iranian President", "Kremlin spokesman"
  bool in_quote = false;
};

enum class CreditRole : uint8_t { None, Author, Photographer };

// An actor as one article knows it.
struct ArticleActor {
  std::string id;  // gazetteer id, or a slug of the discovered name
  std::string name;
  ActorKind kind = ActorKind::Person;
  bool media = false;
  bool known = false;    // from the gazetteer
  bool generic = false;  // named by a common noun ("police"): not the same body in every article
  std::vector<std::string> names;         // every name the article uses for it
  std::vector<std::string> roles;         // titles and descriptions the article gives it
  std::vector<std::string> affiliations;  // actor ids
  std::string country;
  std::vector<uint32_t> mentions;  // into AnnotatedArticle::mentions
  CreditRole credit = CreditRole::None;
};

// When an event happened, or a statement was made, and how that was decided.
struct EventTime {
  temporal::Value value;  // Kind::None when unknown
  int timex = -1;         // the timex it comes from, when one
  std::string basis;      // "clause", "sentence", "dateline", "none"
};

struct Event {
  std::string code, label;
  core::Span trigger;
  std::vector<uint32_t> source, target;  // actor indices
  EventTime time;
  core::Span sentence;
  std::optional<core::Span> place;
  double confidence = 0;
  bool spoken = false;   // done by speaking (a statement, an appeal, a criticism...)
  bool nominal = false;  // named by a noun ("the killing of X")
  uint32_t paragraph = 0;
};

struct Statement {
  std::optional<uint32_t> speaker;  // actor index
  core::Span quote;                 // the quoted words, without the quotation marks
  std::vector<core::Span> parts;    // when the quote runs over several paragraphs
  std::string verb;                 // the reporting verb's lemma, or a reporting phrase
  EventTime time;
  core::Span sentence;
  bool partial = false;                  // a few quoted words inside a sentence
  std::vector<uint32_t> actors, events;  // mentioned in the quote
  uint32_t paragraph = 0;
};

struct Credit {
  uint32_t actor = 0;
  CreditRole role = CreditRole::Author;
  core::Span span;
};

// Everything extracted from one article.
struct AnnotatedArticle {
  ingest::Article article;
  std::vector<temporal::Timex> timexes;
  std::vector<Sentence> sentences;
  std::vector<ArticleActor> actors;
  std::vector<Mention> mentions;
  std::vector<Event> events;
  std::vector<Statement> statements;
  std::vector<Credit> credits;
};

}  // namespace dateline::extract
