#pragma once
// What queries return: indices into the graph's tables plus what the executor worked out.
// Formatting (tables, JSON) is format.h's business.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "graph/graph.h"
#include "temporal/value.h"

namespace dateline::query {

// Rows in date order; `total` counts them before a limit cut the list short.
struct EventList {
  std::vector<uint32_t> events;
  size_t total = 0;
};

struct StatementList {
  std::vector<uint32_t> statements;
  size_t total = 0;
};

struct TimelineEntry {
  graph::NodeKind kind = graph::NodeKind::Event;  // Event or Statement
  uint32_t index = 0;
  std::string role;  // the actor's part: source, target, speaker, about
};

struct Timeline {
  std::vector<uint32_t> actors;  // everyone the name stands for
  std::vector<TimelineEntry> entries;
  size_t total = 0;
};

// The chain of vertices from one actor to another; links[i] joins vertices[i] and [i + 1].
struct Path {
  uint32_t from = 0, to = 0;
  std::vector<graph::Vertex> vertices;
  struct Link {
    graph::EdgeKind kind = graph::EdgeKind::SourceOf;
    bool forward = true;  // the edge runs from vertices[i] to vertices[i + 1]
  };
  std::vector<Link> links;
};

struct Neighbours {
  uint32_t actor = 0;
  int depth = 1;
  std::vector<std::pair<uint32_t, int>> actors;  // actor, distance; nearest first
};

// Every report of one fact, with the sentence each says it in.
struct Sources {
  graph::NodeKind kind = graph::NodeKind::Event;
  uint32_t index = 0;
  struct Sentence {
    std::string text;  // the sentence, or why it is not at hand
    bool found = false;
  };
  std::vector<Sentence> sentences;  // one per mention
};

struct ConflictList {
  std::vector<uint32_t> conflicts;
  size_t total = 0;
};

struct Profile {
  uint32_t actor = 0;
  std::optional<temporal::Date> first_seen, last_seen;  // over the dates of its facts
  size_t as_source = 0, as_target = 0, said = 0, about = 0;
  std::vector<uint32_t> members;  // actors affiliated with it
};

struct Stats {
  size_t articles = 0, outlets = 0, inferred_datelines = 0, undated_articles = 0;
  size_t actors = 0, persons = 0, organisations = 0, countries = 0, groups = 0;
  size_t events = 0, dated_events = 0, statements = 0, dated_statements = 0, conflicts = 0;
  std::optional<temporal::Date> first, last;  // the span of the facts' dates
  std::vector<uint32_t> most_mentioned;       // up to five actors
};

// A line of text: settings changed, help.
struct Message {
  std::string text;
};

using Result = std::variant<EventList, StatementList, Timeline, Path, Neighbours, Sources,
                            ConflictList, Profile, Stats, Message>;

}  // namespace dateline::query
