#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/common.h"
#include "core/error.h"
#include "core/files.h"
#include "extract/evaluation.h"
#include "ingest/timeml.h"
#include "temporal/evaluation.h"
#include "temporal/timex3.h"

namespace dateline::cli {

void add_eval_command(CLI::App& app, Context& ctx) {
  auto* eval = app.add_subcommand("eval", "Evaluate the engine against gold annotations");
  eval->require_subcommand(1);
  auto* timex = eval->add_subcommand(
      "timex",
      "Score temporal expressions against TimeML gold files "
      "(their TIMEX3 tags are ignored when annotating; the DCT is the dateline)");
  auto files = std::make_shared<std::vector<std::string>>();
  auto errors = std::make_shared<bool>(false);
  timex->add_option("gold", *files, "TimeML files or folders of them")->required();
  timex->add_flag("--errors", *errors, "List every missed expression and every wrong value");
  timex->callback([&ctx, files, errors] {
    const auto& engine = ctx.pipeline().temporal();
    const auto list = ingest::expand_inputs(*files);
    for (const auto& f : list.failures) report_error(f);
    std::vector<temporal::EvalDocument> docs;
    ingest::IngestOptions options;
    for (const auto& path : list.files) {
      if (path.extension() != ".tml") continue;
      try {
        auto doc = ingest::read_document(path, options);
        const auto gold = ingest::parse_timeml(core::read_file(path), path.string());
        temporal::EvalDocument ed;
        ed.name = gold.docid.empty() ? path.stem().string() : gold.docid;
        for (const auto& t : gold.timexes)
          ed.gold.push_back({t.span, std::string(t.span.of(gold.text)), t.type, t.value});
        for (auto& a : ingest::split_articles(doc, ctx.pipeline().calendar(),
                                              ctx.pipeline().layout(), options))
          for (const auto& t : engine.annotate(a))
            ed.predicted.push_back({t.span, std::string(t.span.of(a.text())),
                                    std::string(temporal::to_string(t.type)),
                                    temporal::timex3_value(t.value)});
        docs.push_back(std::move(ed));
      } catch (const core::Error& e) {
        report_error(e.what());
        ctx.exit_code = kSomeFailed;
      }
    }
    std::string error_lines;
    const auto score = temporal::evaluate(docs, *errors ? &error_lines : nullptr);
    std::cout << error_lines << score.report();
  });

  auto* extract =
      eval->add_subcommand("extract",
                           "Score actors, events and statements against expectation files "
                           "(schemas/extraction-expect.schema.json), each naming its article");
  auto expectations = std::make_shared<std::vector<std::string>>();
  auto problems = std::make_shared<bool>(false);
  extract->add_option("expected", *expectations, "Expectation files (.yaml) or folders of them")
      ->required();
  extract->add_flag("--errors", *problems, "List every difference: missed, wrong or extra facts");
  extract->callback([&ctx, expectations, problems] {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : *expectations) {
      const std::filesystem::path p(e);
      if (std::filesystem::is_directory(p)) {
        for (const auto& entry : std::filesystem::directory_iterator(p))
          if (entry.path().extension() == ".yaml" && entry.path().filename() != "gazetteer.yaml")
            paths.push_back(entry.path());
      } else {
        paths.push_back(p);
      }
    }
    std::sort(paths.begin(), paths.end());
    extract::ExtractScore total;
    total.name = "total";
    std::string table = extract::ExtractScore::header();
    for (const auto& f : paths) {
      try {
        const auto x = extract::Expectation::load(f);
        ingest::IngestOptions options;
        auto doc = ingest::read_document(x.article, options);
        std::vector<extract::AnnotatedArticle> articles;
        for (auto& a : ingest::split_articles(doc, ctx.pipeline().calendar(),
                                              ctx.pipeline().layout(), options))
          articles.push_back(ctx.pipeline().annotate(std::move(a)));
        const auto s = extract::score(x, articles);
        table += s.row();
        total += s;
      } catch (const core::Error& e) {
        report_error(e.what());
        ctx.exit_code = kSomeFailed;
      }
    }
    if (*problems)
      for (const auto& p : total.problems) std::cout << p << '\n';
    std::cout << table << total.row() << total.summary();
  });
}

}  // namespace dateline::cli
