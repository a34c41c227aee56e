#pragma once
// Scoring extraction against what a careful reader extracts from an article: the expectation
// files of schemas/extraction-expect.schema.json (tests/fixtures/extraction). Used by the test
// driver and by `dateline eval extract`.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "extract/annotation.h"

namespace dateline::extract {

struct Expectation {
  struct Actor {
    std::string id, kind, credit;
    std::vector<std::string> roles;
  };
  struct Event {
    std::string trigger, cameo, time;
    int nth = 1;
    std::vector<std::string> source, target;
    size_t line = 0;
  };
  struct Statement {
    std::string quote, speaker, verb, time;
    size_t line = 0;
  };
  std::filesystem::path path;     // the expectation file
  std::filesystem::path article;  // the article it is about
  std::optional<std::string> dateline;
  std::vector<Actor> actors;
  std::vector<Event> events;
  std::vector<std::string> also;
  std::vector<Statement> statements;
  std::vector<std::string> non_participants;

  // Reads and validates one file; an error names its file and line.
  static Expectation load(const std::filesystem::path& path);
};

// Counts of one kind of fact: how many were expected, found, and right in each field.
struct FactTally {
  size_t expected = 0, found = 0, exact = 0, extra = 0;
  size_t code = 0, source = 0, target = 0, time = 0;  // events
  size_t speaker = 0, verb = 0;                       // statements (time shared)
  FactTally& operator+=(const FactTally& o);
  double recall() const { return expected ? double(found) / double(expected) : 1.0; }
  double precision() const { return found + extra ? double(found) / double(found + extra) : 1.0; }
  double share(size_t n) const { return expected ? double(n) / double(expected) : 1.0; }
};

struct ExtractScore {
  std::string name;
  size_t datelines = 0, datelines_right = 0;
  size_t actors = 0, actors_right = 0;  // found with the expected kind, roles and credit
  FactTally events, statements;
  size_t non_participants = 0, non_participants_right = 0;
  std::vector<std::string> problems;  // one line per difference, "file:line: ..."
  ExtractScore& operator+=(const ExtractScore& o);
  // A table row and, for a total, the summary lines.
  std::string row() const;
  static std::string header();
  // Rates: event recall, precision and exactness, statement speakers, and so on.
  std::string summary() const;
};

// Scores the articles of one expectation's file (one article is expected).
ExtractScore score(const Expectation& expected, const std::vector<AnnotatedArticle>& articles);

}  // namespace dateline::extract
