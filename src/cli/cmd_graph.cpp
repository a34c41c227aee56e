// dateline build, conflicts, export: the knowledge graph of a corpus.
#include <filesystem>
#include <iostream>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "core/error.h"
#include "core/files.h"
#include "core/parallel.h"
#include "extract/json.h"
#include "graph/build.h"
#include "graph/export/exports.h"
#include "graph/json_io.h"
#include "temporal/timex3.h"

namespace dateline::cli {

namespace fs = std::filesystem;

namespace {

// A file name for an article id: letters, digits, '-', '_' and '.'; others become '_'.
std::string file_name_of(std::string_view id) {
  std::string out;
  for (char c : id)
    out +=
        (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
  return out;
}

// Writes one export format of the graph into `out`; a folder's files each atomically.
void write_format(const graph::Graph& g, const std::string& format, const fs::path& out) {
  if (format == "json") {
    graph::write_graph_json(g, out / "graph.json");
  } else if (format == "graphml") {
    core::write_file_atomically(out / "graph.graphml", graph::to_graphml(g));
  } else if (format == "dot") {
    core::write_file_atomically(out / "graph.dot", graph::to_dot(g));
  } else if (format == "neo4j") {
    const auto files = graph::to_neo4j(g);
    fs::create_directories(out / "neo4j");
    core::write_file_atomically(out / "neo4j" / "actors.csv", files.actors_csv);
    core::write_file_atomically(out / "neo4j" / "events.csv", files.events_csv);
    core::write_file_atomically(out / "neo4j" / "statements.csv", files.statements_csv);
    core::write_file_atomically(out / "neo4j" / "articles.csv", files.articles_csv);
    core::write_file_atomically(out / "neo4j" / "relationships.csv", files.relationships_csv);
    core::write_file_atomically(out / "neo4j" / "import.cypher", files.import_cypher);
  } else if (format == "timelinejs") {
    core::write_file_atomically(out / "timeline.json", graph::to_timelinejs(g));
  } else {
    throw core::Error(fmt::format("unknown export format '{}'", format));
  }
}

// annotations.jsonl and a TimeML file per article, side by side; each line and file is made
// as it is written, so no corpus-sized text is ever held.
void write_article_outputs(const std::vector<extract::AnnotatedArticle>& articles,
                           const fs::path& dir, unsigned threads) {
  fs::create_directories(dir / "timeml");
  const auto jsonl = [&] {
    core::AtomicFile file(dir / "annotations.jsonl");
    for (const auto& a : articles) file.write(extract::article_json(a).dump() + "\n");
    file.commit();
  };
  const auto timeml = [&] {
    std::set<std::string> names;  // "a#1" and "a_1" would write one file: the second gets ~2
    for (const auto& a : articles) {
      std::string name = file_name_of(a.article.id);
      for (int k = 2; !names.insert(name).second; ++k)
        name = fmt::format("{}~{}", file_name_of(a.article.id), k);
      core::write_file_atomically(dir / "timeml" / (name + ".tml"),
                                  timeml_of(a.article, a.timexes));
    }
  };
  core::run_parallel({jsonl, timeml}, threads);
}

const std::vector<std::string> kFormats = {"json", "graphml", "dot", "neo4j", "timelinejs"};

void print_conflicts(const graph::Graph& g, std::ostream& out) {
  for (const auto& c : g.conflicts) {
    const bool event = c.of == graph::Conflict::Of::Event;
    const auto& id = event ? g.events[c.index].id : g.statements[c.index].id;
    const auto& what = event ? g.events[c.index].label : g.statements[c.index].quote;
    const auto& chosen = event ? g.events[c.index].date : g.statements[c.index].date;
    out << fmt::format("{} {} \"{}\": kept {}\n", event ? "event" : "statement", id, what,
                       temporal::timex3_value(chosen.value));
    for (const auto& s : c.stated) {
      const auto& a = g.articles[s.article];
      out << fmt::format("  {}  {}{}\n", temporal::timex3_value(s.date), a.id,
                         a.source.empty() ? "" : " (" + a.source + ")");
    }
  }
}

}  // namespace

void add_graph_commands(CLI::App& app, Context& ctx) {
  {
    auto* cmd = app.add_subcommand(
        "build",
        "Annotate articles on every core and merge them into one graph, with every "
        "export in OUT");
    auto opts = std::make_shared<InputOptions>();
    auto out = std::make_shared<std::string>();
    auto threads = std::make_shared<unsigned>(0);
    add_input_options(*cmd, *opts, false);
    cmd->add_option("-o,--out", *out, "Output folder")->required();
    cmd->add_option("-j,--threads", *threads, "Threads (default: every core)");
    cmd->callback([&ctx, opts, out, threads] {
      int status = kOk;
      auto corpus = build_corpus(ctx, *opts, *threads, status);
      const fs::path dir(*out);
      fs::create_directories(dir);
      write_article_outputs(corpus.articles, dir, *threads);
      corpus.articles = {};  // the graph's outputs need only the graph
      std::vector<std::function<void()>> jobs;
      for (const auto& format : kFormats)
        jobs.emplace_back([&, format] { write_format(corpus.graph, format, dir); });
      core::run_parallel(jobs, *threads);
      const auto& g = corpus.graph;
      std::cerr << fmt::format(
          "built {}: {} articles, {} actors, {} events, {} statements, {} conflicts, {} "
          "datelines inferred, {} failures\n",
          dir.string(), g.articles.size(), g.actors.size(), g.events.size(), g.statements.size(),
          g.conflicts.size(), corpus.inferred.size(), corpus.failures.size());
      ctx.exit_code = status;
    });
  }
  {
    auto* cmd = app.add_subcommand("conflicts", "List the facts whose reports disagree on a date");
    auto path = std::make_shared<std::string>();
    cmd->add_option("graph", *path, "graph.json")->required();
    cmd->callback([path] { print_conflicts(graph::load_graph(*path), std::cout); });
  }
  {
    auto* cmd = app.add_subcommand("export", "Write a graph in another format");
    auto path = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>();
    auto out = std::make_shared<std::string>(".");
    cmd->add_option("graph", *path, "graph.json")->required();
    cmd->add_option("--format", *format, "json, graphml, dot, neo4j or timelinejs")
        ->required()
        ->check(CLI::IsMember(kFormats));
    cmd->add_option("-o,--out", *out, "Output folder (default: the current one)");
    cmd->callback([path, format, out] {
      const auto g = graph::load_graph(*path);
      fs::create_directories(*out);
      write_format(g, *format, *out);
    });
  }
}

}  // namespace dateline::cli
