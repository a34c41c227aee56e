#include <iostream>

#include "cli/common.h"
#include "ingest/report.h"

namespace dateline::cli {

void add_ingest_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("ingest",
                                 "Read articles and report what was found: articles, "
                                 "datelines, paragraphs with their classes and offsets");
  auto opts = std::make_shared<InputOptions>();
  auto json = std::make_shared<bool>(false);
  add_input_options(*cmd, *opts, false);
  cmd->add_flag("--json", *json, "JSON Lines: one object per article");
  cmd->callback([&ctx, opts, json] {
    auto run = prepare_ingest(*opts);
    ctx.exit_code = for_each_article(ctx, *opts, run, [&](ingest::Article& a) {
      if (*json)
        std::cout << ingest::to_json(a).dump() << '\n';
      else
        std::cout << ingest::to_text(a) << '\n';
    });
  });
}

}  // namespace dateline::cli
