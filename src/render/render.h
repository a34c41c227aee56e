#pragma once
// Diagrams of the knowledge graph, laid out and drawn by Graphviz in-process (cgraph builds the
// graph, gvc lays it out and renders it; the dot program is never run): a timeline on a true
// date axis with a lane per actor, and a relationship diagram of actors with their events
// aggregated by CAMEO root category. Colours, fonts, shapes and sizes come from a theme file.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "temporal/value.h"

namespace dateline::render {

// Graphviz attributes of one kind of mark ("shape" -> "box", "fillcolor" -> "#ddeeff"), in
// the order the theme file gives them.
using Attributes = std::vector<std::pair<std::string, std::string>>;

// The look of the diagrams: render/theme.yaml, validated by schemas/theme.schema.json.
struct Theme {
  // Applied to every graph, node and edge of both diagrams.
  Attributes graph, node, edge;

  struct Timeline {
    double day_width = 34;     // points per day on the axis
    double max_width = 2600;   // the axis is squeezed to this width when the dates span more
    double lane_height = 34;   // points per row of a lane
    double label_width = 170;  // room left of the axis for the lane names
    int max_label_chars = 36;  // longer labels are cut with an ellipsis
    int lanes = 30;            // default cap on lanes (actors with the most facts kept)
    Attributes lane, lane_line, grid, axis, tick_label, event, statement, span, link, note;
    // Added to an event's or statement's attributes by how its date stands, in this order.
    Attributes uncertain, inferred, conflict;
  } timeline;

  struct Relations {
    int top = 40;             // default cap: the most central actors kept
    int links_per_actor = 3;  // the strongest links kept: this many times the actors drawn
    Attributes graph, person, organisation, country, group, cluster;
    // Edge looks by CAMEO quad class (roots 01-05, 06-09, 10-14, 15-20), and statements.
    Attributes verbal_cooperation, material_cooperation, verbal_conflict, material_conflict, said;
  } relations;

  // CAMEO root code ("18") -> its label ("Assault"), read from the data folder's cameo/ for
  // edge labels; a root missing here is labelled by its code.
  std::map<std::string, std::string> categories;

  std::filesystem::path file;  // where it was loaded from
};

// Reads a theme, and the CAMEO root labels from `data_dir`/cameo (core::default_data_dir()
// when empty). A file that is not YAML or breaks the schema is refused with a core::Error
// naming the file and line.
Theme load_theme(const std::filesystem::path& path, const std::filesystem::path& data_dir = {});
// render/theme.yaml of the source tree the binary was built from ($DATELINE_THEME when set).
std::filesystem::path default_theme_path();

// What to draw. Empty or unset fields select everything.
struct Filter {
  std::string actor;  // id or any name of an actor: only it and its ego network
  int depth = 1;      // steps of the ego network around `actor`
  std::optional<temporal::Date> from, to;  // facts whose dates touch [from, to]
  std::string cameo;  // CAMEO code prefix: "19" keeps every fight, "190" only that code;
                      // statements are left out when one is given
  // Actors kept (relationship diagram: the most central; timeline: the lanes with the most
  // facts); 0 = the theme's cap, negative = every actor.
  int top = 0;
  bool statements = true;  // draw statements as well as events
};

// A --from/--to value: YYYY, YYYY-MM or YYYY-MM-DD (any TIMEX3 calendar value works); the first
// and last day it covers. Throws core::Error on anything else.
graph::DayRange parse_date(std::string_view text);

// Throws core::Error ("no actor 'x' in the graph") when the filter names an unknown actor, or
// when the depth is negative.
void check_filter(const graph::Graph& g, const Filter& f);

enum class Format { Svg, Png, Dot };
// By the file's extension: .svg, .png or .dot (.gv); throws core::Error for anything else.
Format format_of(const std::filesystem::path& file);

// The timeline of the graph's events and statements, as the bytes of a file of that format.
// Deterministic: the same graph, filter and theme give the same bytes.
std::string timeline(const graph::Graph& g, const Filter& f, const Theme& theme, Format format);

// The relationship diagram. `left_out`, when given, receives the note on what the cap left out
// ("" when nothing was); the note is drawn in the diagram as well.
std::string relations(const graph::Graph& g, const Filter& f, const Theme& theme, Format format,
                      std::string* left_out = nullptr);

// Writing: core::write_file_atomically (core/files.h) writes the bytes all or nothing.

}  // namespace dateline::render
