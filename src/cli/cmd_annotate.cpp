#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/common.h"
#include "extract/json.h"
#include "ingest/report.h"
#include "temporal/timex3.h"

namespace dateline::cli {

void add_annotate_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("annotate",
                                 "Annotate articles: temporal expressions with their "
                                 "TIMEX3 values (JSON Lines, one object per article)");
  auto opts = std::make_shared<InputOptions>();
  auto format = std::make_shared<std::string>("json");
  add_input_options(*cmd, *opts, true);
  cmd->add_option("--format", *format,
                  "json (JSON Lines) or timeml (one TimeML document per article)")
      ->check(CLI::IsMember({"json", "timeml"}));
  cmd->callback([&ctx, opts, format] {
    auto run = prepare_ingest(*opts);
    const auto& engine = ctx.pipeline().temporal();
    ctx.exit_code = for_each_article(ctx, *opts, run, [&](ingest::Article& a) {
      const auto timexes = engine.annotate(a);
      if (*format == "timeml") {
        std::cout << timeml_of(a, timexes);
        return;
      }
      std::cout << extract::article_json(ctx.pipeline().extractor().annotate(a, timexes)).dump()
                << '\n';
    });
  });
}

}  // namespace dateline::cli
