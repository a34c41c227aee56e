#include "query/session.h"

#include <algorithm>

#include <fmt/format.h>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/text.h"
#include "query/error.h"
#include "query/format.h"
#include "query/help.h"
#include "query/parser.h"
#include "query/suggest.h"

namespace dateline::query {

Session::Session(const graph::Graph& g, Loaders loaders, ArticleTexts texts, SessionOptions options)
    : executor_(g, std::move(loaders), std::move(texts), options.now), options_(options) {}

bool Session::run(std::string_view line, std::ostream& out, std::ostream& err) {
  try {
    for (const auto& c : parse(line))
      if (!run_command(c, out)) return false;
  } catch (const QueryError& e) {
    ++failures_;
    err << describe(e, line) << std::flush;
  }
  out << std::flush;
  return true;
}

void Session::print(const Result& r, std::ostream& out) const {
  if (options_.json)
    out << to_json(executor_.graph(), r).dump(options_.json_indent) << "\n";
  else
    out << to_text(executor_.graph(), r);
}

bool Session::run_command(const Command& c, std::ostream& out) {
  if (std::holds_alternative<QuitCommand>(c)) return false;
  if (const auto* s = std::get_if<SetJson>(&c)) {
    options_.json = s->on;
    out << (s->on ? "json on\n" : "json off\n");
  } else if (std::holds_alternative<ShowSettings>(c)) {
    out << fmt::format("now {}\njson {}\n",
                       boost::gregorian::to_iso_extended_string(executor_.now()),
                       options_.json ? "on" : "off");
  } else if (const auto* h = std::get_if<HelpCommand>(&c)) {
    if (!h->topic) {
      out << help_text();
    } else if (const auto text = help_text(h->topic->text)) {
      out << *text;
    } else {
      std::vector<std::string> names(command_names().begin(), command_names().end());
      throw QueryError(fmt::format("no command '{}'", h->topic->text), h->topic->begin,
                       h->topic->end, closest(h->topic->text, names));
    }
  } else {
    std::visit(
        [&](const auto& q) {
          if constexpr (requires { executor_.run(q); }) print(executor_.run(q), out);
        },
        c);
  }
  return true;
}

namespace {

// The words of the text before the cursor; the last is the one being completed ("" after a
// space).
std::vector<std::string> words_before(std::string_view text) {
  std::vector<std::string> words;
  for (const auto& w : core::text::words(text)) words.emplace_back(w.text);
  if (text.empty() || text.back() == ' ' || text.back() == '\t') words.emplace_back();
  for (auto& w : words) std::erase(w, '"');
  return words;
}

bool takes_names(std::string_view command) {
  for (std::string_view c : {"events", "statements", "timeline", "path", "neighbours", "neighbors",
                             "profile", "conflicts"})
    if (c == command) return true;
  return false;
}

}  // namespace

std::vector<std::string> Session::complete(std::string_view before_cursor) const {
  const auto words = words_before(before_cursor);
  const std::string& word = words.back();
  std::vector<std::string> out;
  if (words.size() == 1) {
    for (std::string_view c : command_names())
      if (core::text::starts_with_ci(c, word)) out.emplace_back(c);
    return out;
  }
  const std::string command = core::ascii_lower(words.front());
  for (std::string_view k : keywords_of(command))
    if (core::text::starts_with_ci(k, word)) out.emplace_back(k);
  if (!takes_names(command)) return out;
  // A name may have begun a few words back: "Edvin K" completes to "Edvin Kask".
  std::vector<std::string> names;
  for (size_t back = 0; back < 4 && back + 2 <= words.size(); ++back) {
    std::string typed;
    for (size_t i = words.size() - 1 - back; i < words.size(); ++i)
      typed += (typed.empty() ? "" : " ") + words[i];
    const size_t skip = typed.size() - word.size();
    for (const auto& n : executor_.index().names())
      if (core::text::starts_with_ci(n, typed) && n.size() > skip) names.push_back(n.substr(skip));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  out.insert(out.end(), names.begin(), names.end());
  return out;
}

}  // namespace dateline::query
