#include "cli/app.h"

#include <iostream>

#include "cli/common.h"
#include "core/error.h"

namespace dateline::cli {

int run(int argc, char** argv) {
  CLI::App app{"dateline: news articles into a dated knowledge graph", "dateline"};
  app.set_version_flag("--version", std::string("dateline ") + DATELINE_VERSION);
  app.require_subcommand(1);
  Context ctx;
  app.add_option("--data", ctx.data_dir, "Data folder (lexicons, gazetteer, CAMEO lexicon)")
      ->envname("DATELINE_DATA");
  app.add_option("--gazetteer", ctx.gazetteers,
                 "More actors (YAML, schemas/actors.schema.json), added to data/actors");
  app.add_option(
      "--actors", ctx.actors_dir,
      "Gazetteer in place of data/actors: a YAML file or a folder of them (a world of your own)");
  add_ingest_command(app, ctx);
  add_annotate_command(app, ctx);
  add_eval_command(app, ctx);
  add_graph_commands(app, ctx);
  add_query_commands(app, ctx);
  add_render_command(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kFatal;
  } catch (const core::Error& e) {
    report_error(e.what());
    return kFatal;
  } catch (const std::exception& e) {
    report_error(e.what());
    return kFatal;
  }
  return ctx.exit_code;
}

}  // namespace dateline::cli
