#pragma once
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/pipeline.h"
#include "graph/build.h"
#include "ingest/ingest.h"
#include "temporal/timex.h"

namespace dateline::cli {

// Exit codes.
inline constexpr int kOk = 0;
inline constexpr int kSomeFailed = 1;  // some inputs failed; the rest were processed
inline constexpr int kFatal = 2;       // bad usage, or nothing could be done (bad manifest, data)

// Options most subcommands share.
struct InputOptions {
  std::vector<std::string> inputs;
  std::string manifest;
  std::string dct;
  bool replace_invalid = false;
};

// State shared by the subcommands of one run.
struct Context {
  std::string data_dir;
  std::vector<std::string> gazetteers;  // --gazetteer: more actor files
  std::string actors_dir;               // --actors: a gazetteer folder in place of data/actors
  int exit_code = kOk;

  // The pipeline, loaded on first use.
  const core::Pipeline& pipeline();

 private:
  std::unique_ptr<core::Pipeline> pipeline_;
};

void add_input_options(CLI::App& cmd, InputOptions& o, bool with_dct);

// Prints "dateline: error: ..." (or warning, note) to standard error.
void report_error(const std::string& what);
void report_warning(const std::string& what);
void report_note(const std::string& what);

// Reads every input and hands each article to `each`, in input order. A file that fails is
// reported and skipped; returns kSomeFailed if any did.
struct IngestRun {
  std::optional<ingest::Manifest> manifest;
  ingest::IngestOptions options;
};
IngestRun prepare_ingest(const InputOptions& o);
int for_each_article(Context& ctx, const InputOptions& o, IngestRun& run,
                     const std::function<void(ingest::Article&)>& each);

// Reads, annotates (on `threads` threads, 0 for every core) and merges the inputs into a graph,
// with a progress bar on a terminal; notes, warnings and failures are reported as they come and
// `status` becomes kSomeFailed when an input failed. The corpus's failures include inputs that
// do not exist.
graph::Corpus build_corpus(Context& ctx, const InputOptions& o, unsigned threads, int& status);

// An article as a TimeML document; a file's only article keeps the file's whole text, so
// offsets stay the same.
std::string timeml_of(const ingest::Article& a, const std::vector<temporal::Timex>& timexes);

// Subcommands.
void add_ingest_command(CLI::App& app, Context& ctx);
void add_annotate_command(CLI::App& app, Context& ctx);
void add_eval_command(CLI::App& app, Context& ctx);
void add_graph_commands(CLI::App& app, Context& ctx);  // build, conflicts, export
void add_query_commands(CLI::App& app, Context& ctx);  // query, repl
void add_render_command(CLI::App& app, Context& ctx);

}  // namespace dateline::cli
