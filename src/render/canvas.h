#pragma once
// A Graphviz graph built through cgraph, laid out and rendered through gvc in-process. Owns the
// graph and the context; every attribute goes through set(), which takes text already made
// safe (render/escape.h).
#include <memory>
#include <string>
#include <string_view>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "render/render.h"

namespace dateline::render {

class Canvas {
 public:
  explicit Canvas(bool directed);
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;
  ~Canvas();

  Agraph_t* root() const { return graph_; }
  // A new node, edge or cluster; names are ours (ASCII ids), never text from the graph.
  Agnode_t* node(const std::string& name, Agraph_t* in = nullptr);
  Agedge_t* edge(Agnode_t* tail, Agnode_t* head);
  Agraph_t* cluster(const std::string& name);

  // Default attributes of every node (AGNODE) or edge (AGEDGE), or of the graph (AGRAPH).
  void defaults(int kind, const Attributes& attributes);
  static void set(void* object, std::string_view name, std::string_view value);
  static void apply(void* object, const Attributes& attributes);
  // A node at a fixed place, in points.
  static void place(Agnode_t* n, double x, double y);

  // Lays the graph out with `engine` ("nop" keeps the positions given), or when Graphviz reports
  // an error with `fallback`, and renders it.
  std::string render(const char* engine, Format format, const char* fallback = nullptr);
  // Lays out the nodes where they stand (every one needs a position) so that their sizes, in
  // points, can be read: what Graphviz makes of a label in the theme's fonts.
  void measure();
  static double width_of(Agnode_t* n) { return ND_width(n) * 72.0; }
  static double height_of(Agnode_t* n) { return ND_height(n) * 72.0; }

 private:
  bool lay_out(const char* engine);  // whether it went without error

  GVC_t* context_ = nullptr;
  Agraph_t* graph_ = nullptr;
  bool laid_out_ = false;
};

// Points to the inches Graphviz measures node sizes in, as an attribute value.
std::string inches(double points);
// A number as an attribute value: fixed, few decimals, so output stays byte-for-byte the same.
std::string number(double value);

}  // namespace dateline::render
