#include "cli/common.h"

#include "temporal/timex3.h"

#include <unistd.h>

#include <iostream>

#include <fmt/format.h>

#include "core/error.h"

namespace dateline::cli {

const core::Pipeline& Context::pipeline() {
  if (!pipeline_) {
    core::PipelineConfig config;
    config.data_dir = data_dir.empty() ? core::default_data_dir() : std::filesystem::path(data_dir);
    for (const auto& g : gazetteers) config.gazetteers.emplace_back(g);
    if (!actors_dir.empty()) config.actors_dir = actors_dir;
    pipeline_ = std::make_unique<core::Pipeline>(config);
  }
  return *pipeline_;
}

void add_input_options(CLI::App& cmd, InputOptions& o, bool with_dct) {
  cmd.add_option("inputs", o.inputs,
                 "Article files (.txt, .tml), folders of them, or - for standard input")
      ->required();
  cmd.add_option("--manifest,-m", o.manifest, "Manifest (YAML) describing the input files");
  cmd.add_flag("--replace-invalid", o.replace_invalid,
               "Read ill-formed UTF-8 with U+FFFD in place of the bad bytes instead of failing");
  if (with_dct)
    cmd.add_option("--dct", o.dct, "Dateline (YYYY-MM-DD) for every article, overriding the files");
}

void report_error(const std::string& what) {
  std::cerr << "dateline: error: " << what << '\n';
}
void report_warning(const std::string& what) {
  std::cerr << "dateline: warning: " << what << '\n';
}
void report_note(const std::string& what) {
  std::cerr << "dateline: note: " << what << '\n';
}

IngestRun prepare_ingest(const InputOptions& o) {
  IngestRun run;
  if (!o.manifest.empty()) {
    run.manifest = ingest::Manifest::load(o.manifest);
    run.options.manifest = &*run.manifest;
  }
  run.options.replace_invalid = o.replace_invalid;
  if (!o.dct.empty()) {
    std::optional<ingest::Date> day, earliest, latest;
    if (o.dct.size() != 10 || !ingest::parse_published(o.dct, day, earliest, latest) || !day)
      throw core::Error(fmt::format("--dct '{}' is not a date of the form YYYY-MM-DD", o.dct));
    run.options.dct = day;
  }
  return run;
}

int for_each_article(Context& ctx, const InputOptions& o, IngestRun& run,
                     const std::function<void(ingest::Article&)>& each) {
  const auto& pipeline = ctx.pipeline();
  const auto list = ingest::expand_inputs(o.inputs);
  int status = kOk;
  for (const auto& note : list.notes) report_note(note);
  for (const auto& failure : list.failures) {
    report_error(failure);
    status = kSomeFailed;
  }
  for (const auto& path : list.files) {
    try {
      auto doc = ingest::read_document(path, run.options);
      if (doc->replaced_invalid)
        report_warning(fmt::format("{}: ill-formed UTF-8 replaced by U+FFFD", doc->path));
      for (auto& article :
           ingest::split_articles(doc, pipeline.calendar(), pipeline.layout(), run.options)) {
        if (!article.warning.empty()) report_warning(article.warning);
        each(article);
      }
    } catch (const core::Error& e) {
      report_error(e.what());
      status = kSomeFailed;
    }
  }
  return status;
}

graph::Corpus build_corpus(Context& ctx, const InputOptions& o, unsigned threads, int& status) {
  auto run = prepare_ingest(o);
  const auto& pipeline = ctx.pipeline();
  const auto list = ingest::expand_inputs(o.inputs);
  for (const auto& note : list.notes) report_note(note);
  for (const auto& failure : list.failures) {
    report_error(failure);
    status = kSomeFailed;
  }
  graph::BuildOptions bo;
  bo.threads = threads;
  const bool tty = isatty(STDERR_FILENO) != 0;
  if (tty)
    bo.progress = [](size_t done, size_t all) {
      const size_t width = 30, filled = all ? done * width / all : width;
      std::cerr << fmt::format("\r[{}{}] {}/{} files", std::string(filled, '#'),
                               std::string(width - filled, ' '), done, all)
                << std::flush;
    };
  auto corpus = graph::build(pipeline, list.files, run.options, bo);
  if (tty) std::cerr << '\n';
  for (const auto& w : corpus.warnings) report_warning(w);
  for (const auto& f : corpus.failures) {
    report_error(f);
    status = kSomeFailed;
  }
  corpus.failures.insert(corpus.failures.begin(), list.failures.begin(), list.failures.end());
  return corpus;
}

std::string timeml_of(const ingest::Article& a, const std::vector<temporal::Timex>& timexes) {
  const std::string dct = a.dateline.day ? ingest::format_date(*a.dateline.day) : "";
  const bool alone = a.id.find('#') == std::string::npos;
  const core::Span span = alone ? core::Span{0, static_cast<uint32_t>(a.text().size())} : a.span;
  return temporal::timeml_document(a.doc->timeml_id.empty() ? a.id : a.doc->timeml_id, a.text(),
                                   span, timexes, dct);
}

}  // namespace dateline::cli
