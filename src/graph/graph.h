#pragma once
// The knowledge graph of a corpus: actors, events, statements and articles merged across
// articles, held in a Boost.Graph adjacency_list whose bundled properties point into typed
// tables. Every fact keeps each of its mentions: the article, the span, the sentence and the
// date that article states.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "core/span.h"
#include "extract/annotation.h"
#include "temporal/value.h"

namespace dateline::graph {

inline constexpr uint32_t kNone = UINT32_MAX;

// Where a fact is stated: one article's words for it.
struct Mention {
  uint32_t article = 0;  // index into Graph::articles
  core::Span span;       // trigger or quoted words
  core::Span sentence;
  temporal::Value date;  // the date this article states for it (None when unknown)
  std::string basis;     // how that date was found: clause, sentence, paragraph, dateline...
  std::string text;      // the sentence's words, so readers of graph.json need no article file
};

struct ActorNode {
  std::string id, name;
  extract::ActorKind kind = extract::ActorKind::Person;
  bool known = false;    // from the gazetteer
  bool generic = false;  // "police": one body per article, never merged by name
  bool media = false;
  std::vector<std::string> names, roles;
  std::vector<uint32_t> affiliations;  // actor indices
  uint32_t mentions = 0;               // mentions over all articles
  std::vector<uint32_t> articles;      // where it is mentioned, in order
};

// A date chosen for a fact from its mentions, and whether they disagree.
struct FactDate {
  temporal::Value value;
  std::string basis;      // the basis of the mention it was taken from
  bool inferred = false;  // taken from an inferred dateline
  int conflict = -1;      // index into Graph::conflicts when mentions disagree
};

struct EventNode {
  std::string id;
  std::string code, label;
  std::vector<uint32_t> source, target;  // actor indices
  FactDate date;
  std::string place;  // the place words of the first mention that states one
  double confidence = 0;
  std::vector<Mention> mentions;
};

struct StatementNode {
  std::string id;
  uint32_t speaker = kNone;  // actor index
  std::string quote, verb;
  FactDate date;
  std::vector<uint32_t> about_actors, about_events;
  std::vector<Mention> mentions;
};

struct Credit {
  uint32_t actor = 0;
  extract::CreditRole role = extract::CreditRole::Author;
};

struct ArticleNode {
  std::string id, file, source, url, title;
  std::string dateline;               // TIMEX-like: "2026-03-02", "2026-03-02/2026-03-07", ""
  std::string dateline_source;        // manifest, header, wire, timeml, inferred, unknown
  std::vector<std::string> evidence;  // for inferred datelines: what pinned them down
  std::vector<Credit> credits;
};

// Mentions of one fact that state different dates.
struct Conflict {
  enum class Of : uint8_t { Event, Statement };
  Of of = Of::Event;
  uint32_t index = 0;  // into events or statements
  struct Stated {
    uint32_t article = 0;
    temporal::Value date;
  };
  std::vector<Stated> stated;  // one per disagreeing mention, in article order
};

enum class NodeKind : uint8_t { Actor, Event, Statement, Article };
std::string_view to_string(NodeKind k);

enum class EdgeKind : uint8_t {
  SourceOf,        // actor -> event
  TargetOf,        // actor -> event
  Said,            // actor -> statement
  About,           // statement -> actor or event
  MentionedIn,     // event or statement -> article (mention: index into its mentions)
  AuthorOf,        // person -> article
  PhotographerOf,  // person -> article
  AffiliatedWith,  // actor -> actor
  Before,          // event -> event
};
std::string_view to_string(EdgeKind k);
std::optional<EdgeKind> edge_kind_from(std::string_view s);

struct VertexProps {
  NodeKind kind = NodeKind::Actor;
  uint32_t index = 0;  // into the table of its kind
};
struct EdgeProps {
  EdgeKind kind = EdgeKind::SourceOf;
  uint32_t mention = kNone;  // MentionedIn: which of the fact's mentions
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProps, EdgeProps>;
using Vertex = BoostGraph::vertex_descriptor;

class Graph {
 public:
  std::vector<ActorNode> actors;
  std::vector<EventNode> events;
  std::vector<StatementNode> statements;
  std::vector<ArticleNode> articles;
  std::vector<Conflict> conflicts;

  // Builds the Boost graph from the tables: one vertex per node, the edges they imply.
  void link();
  const BoostGraph& boost() const { return g_; }
  Vertex vertex(NodeKind k, uint32_t index) const;
  const VertexProps& node(Vertex v) const { return g_[v]; }
  // A node's id ("a:dmitry-peskov", "e:12", "s:4", "article id").
  std::string id_of(Vertex v) const;
  std::string name_of(Vertex v) const;

  // The actor with this id or name (any of its names, any case), or kNone.
  uint32_t find_actor(std::string_view id_or_name) const;

 private:
  BoostGraph g_;
  uint32_t first_[4] = {0, 0, 0, 0};  // first vertex of each kind
};

// The calendar stretch a value covers: [first, last] days, when known.
struct DayRange {
  temporal::Date first, last;
};
std::optional<DayRange> day_range(const temporal::Value& v);

}  // namespace dateline::graph
