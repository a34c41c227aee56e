// dateline query, dateline repl: the query language over a graph (src/query).
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <boost/date_time/gregorian/gregorian.hpp>

#include "cli/common.h"
#include "cli/line_editor.h"
#include "core/error.h"
#include "core/text.h"
#include "graph/json_io.h"
#include "query/session.h"
#include "render/render.h"
#include "temporal/timex3.h"

namespace dateline::cli {

namespace fs = std::filesystem;

namespace {

struct QueryOptions {
  bool json = false;
  std::string now;
};

void add_query_options(CLI::App& cmd, QueryOptions& o) {
  cmd.add_flag("--json", o.json, "Results as JSON");
  cmd.add_option("--now", o.now,
                 "The day relative dates (last week) are read against, YYYY-MM-DD (default: the "
                 "latest dateline of the graph)");
}

query::SessionOptions session_options(const QueryOptions& o, int json_indent) {
  query::SessionOptions s;
  s.json = o.json;
  s.json_indent = json_indent;
  if (!o.now.empty()) {
    const auto v = temporal::value_from_timex3(o.now);
    const auto day = v && v->kind == temporal::Value::Kind::Point ? v->point.date() : std::nullopt;
    if (!day || v->point.gran != temporal::Unit::Day)
      throw core::Error(fmt::format("--now '{}' is not a day of the form YYYY-MM-DD", o.now));
    s.now = *day;
  }
  return s;
}

// The temporal engine of the run's pipeline, and the theme of the diagrams, each loaded when
// first needed.
query::Loaders loaders_of(Context& ctx) {
  auto theme = std::make_shared<std::optional<render::Theme>>();
  return {[&ctx]() -> const temporal::Engine& { return ctx.pipeline().temporal(); },
          [&ctx, theme]() -> const render::Theme& {
            if (!*theme)
              theme->emplace(render::load_theme(render::default_theme_path(), ctx.data_dir));
            return **theme;
          }};
}

// The graph of a session and where its sentences come from: a graph.json, or a corpus built
// from articles on the spot.
struct Loaded {
  graph::Graph graph;
  query::ArticleTexts texts;
};

bool is_graph_file(const std::vector<std::string>& inputs) {
  return inputs.size() == 1 && fs::path(inputs.front()).extension() == ".json";
}

std::unique_ptr<Loaded> load(Context& ctx, const InputOptions& inputs, int& status) {
  auto out = std::make_unique<Loaded>();
  if (is_graph_file(inputs.inputs)) {
    const fs::path path = inputs.inputs.front();
    out->graph = graph::load_graph(path);
    out->texts = query::ArticleTexts(path.parent_path());
    return out;
  }
  auto corpus = build_corpus(ctx, inputs, 0, status);
  out->graph = std::move(corpus.graph);
  std::unordered_map<std::string, uint32_t> by_id;
  for (uint32_t a = 0; a < out->graph.articles.size(); ++a) by_id[out->graph.articles[a].id] = a;
  for (const auto& a : corpus.articles)
    if (const auto it = by_id.find(a.article.id); it != by_id.end())
      out->texts.keep(it->second, a.article.doc);
  return out;
}

// The interactive loop: prompt, line editing, history, completion.
void interactive(query::Session& session, const graph::Graph& g) {
  std::cout << fmt::format(
      "dateline repl: {} articles, {} actors, {} events, {} statements; now is {}.\n"
      "help lists the commands, Tab completes, Ctrl-D leaves.\n",
      g.articles.size(), g.actors.size(), g.events.size(), g.statements.size(),
      boost::gregorian::to_iso_extended_string(session.executor().now()));
  LineEditor editor("dateline", "dateline> ", default_history_file(),
                    [&session](std::string_view before) { return session.complete(before); });
  while (const auto line = editor.read()) {
    editor.remember(*line);
    if (!session.run(*line, std::cout, std::cerr)) return;
  }
  std::cout << '\n';
}

// Lines from a pipe or file: no prompt, no banner, so scripts can drive it.
void scripted(query::Session& session) {
  std::string line;
  while (std::getline(std::cin, line))
    if (!session.run(line, std::cout, std::cerr)) return;
}

}  // namespace

void add_query_commands(CLI::App& app, Context& ctx) {
  {
    auto* cmd = app.add_subcommand("query", "Run one query (README.md, Querying) on a graph.json");
    auto path = std::make_shared<std::string>();
    auto text = std::make_shared<std::string>();
    auto opts = std::make_shared<QueryOptions>();
    cmd->add_option("graph", *path, "graph.json")->required();
    cmd->add_option("query", *text, "The query: events actor Kask from 2026-09; ...")->required();
    add_query_options(*cmd, *opts);
    cmd->callback([&ctx, path, text, opts] {
      const auto options = session_options(*opts, 2);
      const auto g = graph::load_graph(*path);
      query::Session session(g, loaders_of(ctx), query::ArticleTexts(fs::path(*path).parent_path()),
                             options);
      session.run(*text, std::cout, std::cerr);
      if (session.failures() > 0) ctx.exit_code = kFatal;
    });
  }
  {
    auto* cmd = app.add_subcommand(
        "repl",
        "Query a graph interactively: a graph.json, or articles built into one on the spot");
    auto inputs = std::make_shared<InputOptions>();
    auto opts = std::make_shared<QueryOptions>();
    add_input_options(*cmd, *inputs, false);
    add_query_options(*cmd, *opts);
    cmd->callback([&ctx, inputs, opts] {
      const auto options = session_options(*opts, -1);
      int status = kOk;
      const auto loaded = load(ctx, *inputs, status);
      query::Session session(loaded->graph, loaders_of(ctx), loaded->texts, options);
      const bool tty = isatty(STDIN_FILENO) != 0;
      if (tty)
        interactive(session, loaded->graph);
      else
        scripted(session);
      if (!tty && session.failures() > 0) status = kSomeFailed;
      ctx.exit_code = status;
    });
  }
}

}  // namespace dateline::cli
