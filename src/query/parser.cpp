#include "query/parser.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "core/calendar.h"
#include "core/text.h"
#include "query/error.h"
#include "query/lexer.h"
#include "query/suggest.h"

namespace dateline::query {

namespace {

using Words = std::vector<std::string_view>;

const Words kDateFilters = {"from", "to", "on", "in", "between"};
const Words kEventFilters = {"actor", "source", "target",  "code",    "label",  "from", "to",
                             "on",    "in",     "between", "article", "outlet", "limit"};
const Words kStatementFilters = {"by", "about", "actor",   "quote",   "from",   "to",
                                 "on", "in",    "between", "article", "outlet", "limit"};
const Words kTimelineFilters = {"from", "to", "on", "in", "between", "limit"};
const Words kConflictFilters = {"actor",   "from",    "to",     "on",   "in",
                                "between", "article", "outlet", "limit"};

bool contains(const Words& words, std::string_view w) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view x) { return core::text::equals_ci(x, w); });
}

std::string list(const Words& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) out += (i ? ", " : "") + std::string(words[i]);
  return out;
}

class Parser {
 public:
  explicit Parser(std::string_view line) : line_(line), tokens_(lex(line)) {}

  std::vector<Command> commands() {
    std::vector<Command> out;
    while (peek().kind != Token::Kind::End) {
      if (peek().kind == Token::Kind::Semicolon) {
        ++pos_;
        continue;
      }
      out.push_back(command());
      if (!at_end_of_command())
        fail(fmt::format("unexpected '{}': {} takes nothing more here", text_of(peek()),
                         command_word_),
             peek());
    }
    return out;
  }

 private:
  std::string_view line_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  std::string command_word_;

  const Token& peek() const { return tokens_[pos_]; }
  bool at_end_of_command() const {
    return peek().kind == Token::Kind::End || peek().kind == Token::Kind::Semicolon;
  }
  bool at_word(std::string_view w) const {
    return peek().kind == Token::Kind::Word && core::text::equals_ci(peek().text, w);
  }
  std::string_view text_of(const Token& t) const { return line_.substr(t.begin, t.end - t.begin); }

  [[noreturn]] void fail(const std::string& what, const Token& at,
                         std::vector<std::string> suggestions = {}) const {
    throw QueryError(what, at.begin, at.end, std::move(suggestions));
  }
  [[noreturn]] void expected(const std::string& what) const {
    if (peek().kind == Token::Kind::End || peek().kind == Token::Kind::Semicolon)
      fail(fmt::format("{} needs {} here", command_word_, what), peek());
    fail(fmt::format("expected {}, not '{}'", what, text_of(peek())), peek());
  }

  // Words up to the end of the command or one of `stops` (a quoted string on its own is taken
  // whole): a name, a date, a file.
  Phrase phrase(const std::string& what, const Words& stops) {
    if (peek().kind == Token::Kind::String) {
      const Token& t = tokens_[pos_++];
      if (core::text::is_blank(t.text)) fail(fmt::format("{} is empty", what), t);
      return {t.text, t.begin, t.end};
    }
    const size_t first = pos_;
    while (peek().kind == Token::Kind::Word ||
           (peek().kind == Token::Kind::Comma && pos_ > first)) {
      if (peek().kind == Token::Kind::Word && contains(stops, peek().text)) break;
      ++pos_;
    }
    // A comma before a stop word belongs to nothing.
    while (pos_ > first && tokens_[pos_ - 1].kind == Token::Kind::Comma) --pos_;
    if (pos_ == first) expected(what);
    const size_t begin = tokens_[first].begin, end = tokens_[pos_ - 1].end;
    return {core::text::collapse_spaces(line_.substr(begin, end - begin)), begin, end};
  }

  size_t number(const std::string& what) {
    const Token& t = peek();
    const bool digits =
        t.kind == Token::Kind::Word && !t.text.empty() && t.text.size() <= 9 &&
        std::all_of(t.text.begin(), t.text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) expected(what);
    ++pos_;
    return std::stoul(t.text);
  }

  void keyword(std::string_view w) {
    if (!at_word(w)) expected(fmt::format("'{}'", w));
    ++pos_;
  }

  Command command() {
    const Token& t = peek();
    if (t.kind != Token::Kind::Word) fail("expected a command", t);
    const std::string word = core::ascii_lower(t.text);
    command_word_ = word;
    ++pos_;
    if (word == "events") return events();
    if (word == "statements") return statements();
    if (word == "timeline") return timeline();
    if (word == "path") return path();
    if (word == "neighbours" || word == "neighbors") return neighbours();
    if (word == "sources") return SourcesQuery{phrase("an event or statement id (e12, s4)", {})};
    if (word == "conflicts") return conflicts();
    if (word == "profile") return ProfileQuery{phrase("an actor's name", {})};
    if (word == "stats") return StatsQuery{};
    if (word == "render") return render();
    if (word == "set") return set();
    if (word == "json") return SetJson{on_off()};
    if (word == "help") return help();
    if (word == "quit" || word == "exit") return QuitCommand{};
    std::vector<std::string> names(command_names().begin(), command_names().end());
    fail(fmt::format("unknown command '{}' (help lists them)", t.text), t, closest(t.text, names));
  }

  // Parses filters until the end of the command; `extra` handles those of one query kind and
  // returns false for a keyword it does not know.
  template <typename Extra>
  void filters(const Words& allowed, Filters& f, Extra extra) {
    while (!at_end_of_command()) {
      const Token& t = peek();
      if (t.kind != Token::Kind::Word || !contains(allowed, t.text)) {
        const bool elsewhere = t.kind == Token::Kind::Word && (contains(kEventFilters, t.text) ||
                                                               contains(kStatementFilters, t.text));
        if (elsewhere)
          fail(fmt::format("'{}' does not filter {}; these do: {}", t.text, command_word_,
                           list(allowed)),
               t);
        fail(fmt::format("expected a filter ({}), not '{}'", list(allowed), text_of(t)), t);
      }
      const std::string word = core::ascii_lower(t.text);
      ++pos_;
      if (!common_filter(word, t, allowed, f) && !extra(word, allowed))
        fail(fmt::format("'{}' does not filter {}", word, command_word_), t);
    }
  }

  bool common_filter(const std::string& word, const Token& at, const Words& allowed, Filters& f) {
    if (word == "actor" || word == "source" || word == "target") {
      const Role role = word == "source"   ? Role::Source
                        : word == "target" ? Role::Target
                                           : Role::Any;
      f.actors.push_back({phrase("an actor's name", allowed), role});
    } else if (contains(kDateFilters, word)) {
      date_filter(word, at, allowed, f);
    } else if (word == "article") {
      f.articles.push_back(phrase("an article id", allowed));
    } else if (word == "outlet") {
      f.outlets.push_back(phrase("an outlet's name", allowed));
    } else if (word == "limit") {
      f.limit = number("a number of rows");
      if (f.limit == 0) fail("a limit of 0 rows shows nothing", tokens_[pos_ - 1]);
    } else {
      return false;
    }
    return true;
  }

  void date_filter(const std::string& word, const Token& at, const Words& allowed, Filters& f) {
    const bool sets_from = word != "to", sets_to = word != "from";
    if ((sets_from && f.from) || (sets_to && f.to))
      fail("this repeats a date bound given before; give each of from and to once", at);
    if (word == "between") {
      Words stops = allowed;
      stops.push_back("and");
      f.from = phrase("a date", stops);
      keyword("and");
      f.to = phrase("a date", allowed);
      return;
    }
    const Phrase date = phrase("a date", allowed);
    if (sets_from) f.from = date;
    if (sets_to) f.to = date;
  }

  Command events() {
    EventsQuery q;
    filters(kEventFilters, q.filters, [&](const std::string& w, const Words& allowed) {
      if (w == "code")
        q.codes.push_back(phrase("a CAMEO code", allowed));
      else if (w == "label")
        q.labels.push_back(phrase("words of a CAMEO label", allowed));
      else
        return false;
      return true;
    });
    return q;
  }

  Command statements() {
    StatementsQuery q;
    filters(kStatementFilters, q.filters, [&](const std::string& w, const Words& allowed) {
      if (w == "by")
        q.filters.actors.push_back({phrase("a speaker's name", allowed), Role::Source});
      else if (w == "about")
        q.filters.actors.push_back({phrase("an actor or event", allowed), Role::Target});
      else if (w == "quote")
        q.quotes.push_back(phrase("words of a quote", allowed));
      else
        return false;
      return true;
    });
    return q;
  }

  Command timeline() {
    TimelineQuery q;
    q.actor = phrase("an actor's name", kTimelineFilters);
    filters(kTimelineFilters, q.filters, [](const std::string&, const Words&) { return false; });
    return q;
  }

  Command conflicts() {
    ConflictsQuery q;
    filters(kConflictFilters, q.filters, [](const std::string&, const Words&) { return false; });
    return q;
  }

  Command path() {
    PathQuery q;
    q.from = phrase("an actor's name", {"to"});
    keyword("to");
    q.to = phrase("an actor's name", {});
    return q;
  }

  Command neighbours() {
    NeighboursQuery q;
    q.actor = phrase("an actor's name", {"depth"});
    if (at_word("depth")) {
      ++pos_;
      const size_t depth = number("a depth (1, 2, ...)");
      if (depth == 0 || depth > 100) fail("the depth must be 1 to 100", tokens_[pos_ - 1]);
      q.depth = static_cast<int>(depth);
    }
    return q;
  }

  Command render() {
    RenderCommand r;
    if (at_word("timeline"))
      r.diagram = RenderCommand::Diagram::Timeline;
    else if (at_word("relations"))
      r.diagram = RenderCommand::Diagram::Relations;
    else
      expected("'timeline' or 'relations'");
    ++pos_;
    r.file = phrase("a file (.svg, .png or .dot)", {});
    return r;
  }

  Command set() {
    if (at_end_of_command()) return ShowSettings{};
    if (at_word("now")) {
      ++pos_;
      return SetNow{phrase("a date", {})};
    }
    if (at_word("json")) {
      ++pos_;
      return SetJson{on_off()};
    }
    expected("'now' or 'json'");
  }

  bool on_off() {
    if (at_word("on") || at_word("off")) return core::text::equals_ci(tokens_[pos_++].text, "on");
    expected("'on' or 'off'");
  }

  Command help() {
    HelpCommand h;
    if (!at_end_of_command()) h.topic = phrase("a command", {});
    return h;
  }
};

}  // namespace

std::vector<Command> parse(std::string_view line) {
  return Parser(line).commands();
}

const std::vector<std::string_view>& command_names() {
  static const std::vector<std::string_view> names = {
      "events",  "statements", "timeline", "path", "neighbours", "sources", "conflicts",
      "profile", "stats",      "render",   "set",  "json",       "help",    "quit"};
  return names;
}

std::vector<std::string_view> keywords_of(std::string_view command) {
  if (command == "events") return kEventFilters;
  if (command == "statements") return kStatementFilters;
  if (command == "timeline") return kTimelineFilters;
  if (command == "conflicts") return kConflictFilters;
  if (command == "path") return {"to"};
  if (command == "neighbours" || command == "neighbors") return {"depth"};
  if (command == "set") return {"now", "json", "on", "off"};
  if (command == "json") return {"on", "off"};
  if (command == "render") return {"timeline", "relations"};
  if (command == "help") return command_names();
  return {};
}

}  // namespace dateline::query
