#include "query/help.h"

#include <array>

#include "core/calendar.h"

namespace dateline::query {

namespace {

struct Topic {
  std::string_view name, alias, summary, details;
};

constexpr std::string_view kDateFilters =
    "  from DATE, to DATE      facts whose date touches the days from/to\n"
    "  on DATE, in DATE        facts whose date touches DATE\n"
    "  between DATE and DATE\n"
    "  DATE: as articles write it, read against `now`: 2026-03, 2026-03-02, March 1,\n"
    "        Sept. 12, 2026, last week, yesterday, three days ago, Q1 2026\n";

// The order of `help`.
constexpr std::array<Topic, 14> kTopics = {{
    {"events", "", "events, filtered by actor, role, CAMEO code or label, dates, article, outlet",
     "events [FILTER...]\n"
     "  actor NAME              NAME is source or target\n"
     "  source NAME, target NAME\n"
     "  code CODE               CAMEO code prefix: 19 keeps every fight (several: any of them)\n"
     "  label WORDS             words of the CAMEO label\n"
     "  article ID, outlet NAME reported there (an id's start, part of an outlet's name)\n"
     "  limit N                 the first N rows (in date order)\n"
     "DATE FILTERS\n"
     "examples: events actor Kask from 2026-09 to 2026-10\n"
     "          events source \"Edvin Kask\" code 18 limit 5\n"},
    {"statements", "", "statements by a speaker, about an actor or an event",
     "statements [FILTER...]\n"
     "  by NAME                 the speaker\n"
     "  about NAME, about ID    an actor or an event (e12) it is about\n"
     "  actor NAME              by or about NAME\n"
     "  quote WORDS             words of the quote\n"
     "  article ID, outlet NAME, limit N\n"
     "DATE FILTERS\n"
     "examples: statements by Calvetti\n"
     "          statements about e3 from last week\n"},
    {"timeline", "", "an actor's events and statements in date order",
     "timeline NAME [from DATE] [to DATE] [on DATE] [between DATE and DATE] [limit N]\n"
     "  one row per fact with the actor's role in it (source, target, speaker, about)\n"
     "example: timeline Edvin Kask from September\n"},
    {"path", "", "the shortest chain of facts linking two actors",
     "path NAME to NAME\n"
     "  through events, statements and affiliations (articles do not link)\n"
     "example: path Calvetti to Kask\n"},
    {"neighbours", "neighbors", "actors within N steps of an actor",
     "neighbours NAME [depth N]\n"
     "  one step: sharing an event or a statement, or an affiliation; N is 1 unless given\n"
     "example: neighbours Kask depth 2\n"},
    {"sources", "", "where a fact comes from: outlet, article, stated date, the sentence",
     "sources ID\n"
     "  every report of event ID (e12) or statement ID (s4): the article, its outlet and\n"
     "  dateline, the date that report states, how it was found, and the sentence\n"
     "example: sources e1\n"},
    {"conflicts", "", "facts whose reports disagree on the date",
     "conflicts [actor NAME] [article ID] [outlet NAME] [limit N] [DATE FILTERS]\n"
     "  the date kept, and each report's date\n"},
    {"profile", "", "an actor: names, roles, affiliations, first and last seen, counts",
     "profile NAME\n"
     "  first and last seen: the earliest and latest dates of its facts\n"},
    {"stats", "", "counts of the graph", "stats\n"},
    {"render", "", "draw what the last query looked at: a timeline or a relationship diagram",
     "render timeline FILE, render relations FILE\n"
     "  FILE ends in .svg, .png or .dot. What is drawn is the last query's selection: its\n"
     "  actor (with its neighbours: the depth of `neighbours`, else 1), its dates and its first\n"
     "  CAMEO code; before any query, the whole graph\n"
     "example: events actor Kask from 2026-09 code 18; render timeline kask.svg\n"},
    {"set", "", "settings: now, json",
     "set                       show the settings\n"
     "set now DATE              the day relative dates are read against (at first the latest\n"
     "                          dateline of the graph)\n"
     "set json on|off           the same as json on|off\n"},
    {"json", "", "results as JSON (one line each) or as tables", "json on|off\n"},
    {"help", "", "this list, or one command's details", "help [COMMAND]\n"},
    {"quit", "exit", "leave (Ctrl-D too)", "quit\n"},
}};

const Topic* find(std::string_view word) {
  const std::string w = core::ascii_lower(word);
  for (const auto& t : kTopics)
    if (t.name == w || (!t.alias.empty() && t.alias == w)) return &t;
  return nullptr;
}

}  // namespace

std::string help_text() {
  std::string out = "commands (help COMMAND for more; separate commands with ;):\n";
  for (const auto& t : kTopics) {
    std::string name(t.name);
    out += "  " + name + std::string(12 - name.size(), ' ') + std::string(t.summary) + "\n";
  }
  out +=
      "names: as written (Edvin Kask), an id (edvin-kask), or in quotes when a name holds a\n"
      "filter word (\"Party in Exile\"); several actors may share a name.\n";
  return out;
}

std::optional<std::string> help_text(std::string_view command) {
  const Topic* t = find(command);
  if (!t) return std::nullopt;
  std::string out(t->details);
  const std::string marker = "DATE FILTERS\n";
  if (const auto at = out.find(marker); at != std::string::npos)
    out.replace(at, marker.size(), kDateFilters);
  else if (out.find("DATE FILTERS") != std::string::npos)
    out += kDateFilters;
  return out;
}

}  // namespace dateline::query
