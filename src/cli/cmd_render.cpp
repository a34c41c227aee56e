// dateline render: the timeline and the relationship diagram of a graph, through Graphviz.
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "cli/common.h"
#include "core/error.h"
#include "core/files.h"
#include "graph/json_io.h"
#include "render/render.h"

namespace dateline::cli {

namespace fs = std::filesystem;

namespace {

struct RenderOptions {
  std::string graph, timeline, relations, theme, from, to;
  render::Filter filter;
  bool no_statements = false;
};

void run_render(const Context& ctx, RenderOptions& o) {
  if (o.timeline.empty() && o.relations.empty())
    throw core::Error("nothing to write: give --timeline FILE and/or --relations FILE");
  // Refuse a bad file name or date before the work, not after it.
  const auto timeline_format =
      o.timeline.empty() ? render::Format::Svg : render::format_of(o.timeline);
  const auto relations_format =
      o.relations.empty() ? render::Format::Svg : render::format_of(o.relations);
  if (!o.from.empty()) o.filter.from = render::parse_date(o.from).first;
  if (!o.to.empty()) o.filter.to = render::parse_date(o.to).last;
  o.filter.statements = !o.no_statements;
  const auto theme = render::load_theme(
      o.theme.empty() ? render::default_theme_path() : fs::path(o.theme), ctx.data_dir);
  const auto g = graph::load_graph(o.graph);
  render::check_filter(g, o.filter);
  if (!o.timeline.empty())
    core::write_file_atomically(o.timeline, render::timeline(g, o.filter, theme, timeline_format));
  if (!o.relations.empty()) {
    std::string left_out;
    core::write_file_atomically(o.relations,
                                render::relations(g, o.filter, theme, relations_format, &left_out));
    if (!left_out.empty()) report_note(left_out);
  }
}

}  // namespace

void add_render_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "render", "Draw a graph's timeline and relationship diagram (SVG, PNG or DOT by file name)");
  auto o = std::make_shared<RenderOptions>();
  cmd->add_option("graph", o->graph, "graph.json (from dateline build)")->required();
  cmd->add_option("--timeline", o->timeline, "Timeline file: .svg, .png or .dot");
  cmd->add_option("--relations", o->relations, "Relationship diagram file: .svg, .png or .dot");
  cmd->add_option("--actor", o->filter.actor, "Only this actor (id or name) and its neighbours");
  cmd->add_option("--depth", o->filter.depth, "Steps around --actor (default 1)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--from", o->from, "Facts on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)");
  cmd->add_option("--to", o->to, "Facts on or before this date");
  cmd->add_option("--type", o->filter.cameo, "CAMEO code or its prefix: 19 = every fight");
  cmd->add_option("--top", o->filter.top,
                  "Actors kept: the most central (relations), the busiest lanes (timeline); "
                  "-1 for all (default: the theme's)");
  cmd->add_flag("--no-statements", o->no_statements, "Leave statements out");
  cmd->add_option("--theme", o->theme, "Theme file (default: render/theme.yaml)");
  cmd->callback([&ctx, o] { run_render(ctx, *o); });
}

}  // namespace dateline::cli
