#pragma once
// The typed form of a query line: what the parser produces and the executor runs. Names and
// dates stay as written (with where they stand in the line); the executor resolves them
// against the graph and the session's `now`, so its errors can point at the words.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace dateline::query {

// Words of the line: an actor's name, a date, a file, as written.
struct Phrase {
  std::string text;
  size_t begin = 0, end = 0;
};

// Which part an actor plays in a fact. For events: source or target; for statements: the
// speaker (by) or who it is about.
enum class Role : uint8_t { Any, Source, Target };

struct ActorFilter {
  Phrase name;
  Role role = Role::Any;
};

// The filters events, statements, timelines and conflicts share. Every filter must hold.
struct Filters {
  std::vector<ActorFilter> actors;
  std::optional<Phrase> from, to;  // the fact's date touches [from, to]
  std::vector<Phrase> articles;    // an article id (or the start of one)
  std::vector<Phrase> outlets;     // an outlet's name (or part of it)
  size_t limit = 0;                // 0: every row
};

struct EventsQuery {
  Filters filters;
  std::vector<Phrase> codes;   // CAMEO code prefixes: "19" keeps every fight
  std::vector<Phrase> labels;  // words of the CAMEO label
};

struct StatementsQuery {
  Filters filters;                   // Role::Source: by; Role::Target: about an actor
  std::vector<Phrase> about_events;  // about e12
  std::vector<Phrase> quotes;        // words of the quote
};

struct TimelineQuery {
  Phrase actor;
  Filters filters;  // dates and limit
};

struct PathQuery {
  Phrase from, to;
};

struct NeighboursQuery {
  Phrase actor;
  int depth = 1;
};

struct SourcesQuery {
  Phrase fact;  // e12 or s4
};

struct ConflictsQuery {
  Filters filters;
};

struct ProfileQuery {
  Phrase actor;
};

struct StatsQuery {};

// Settings of the session.
struct SetNow {
  Phrase date;
};
struct SetJson {
  bool on = false;
};
struct ShowSettings {};

// Draws the selection of the last query (its actor, dates and CAMEO code) to a file.
struct RenderCommand {
  enum class Diagram : uint8_t { Timeline, Relations };
  Diagram diagram = Diagram::Timeline;
  Phrase file;
};

struct HelpCommand {
  std::optional<Phrase> topic;
};

struct QuitCommand {};

using Command =
    std::variant<EventsQuery, StatementsQuery, TimelineQuery, PathQuery, NeighboursQuery,
                 SourcesQuery, ConflictsQuery, ProfileQuery, StatsQuery, SetNow, SetJson,
                 ShowSettings, RenderCommand, HelpCommand, QuitCommand>;

}  // namespace dateline::query
