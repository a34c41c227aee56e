#include "render/canvas.h"

#include <mutex>

#include <fmt/format.h>

#include "core/error.h"

namespace dateline::render {

namespace {

// Graphviz keeps global state (its error buffer, plugin tables): one layout at a time.
std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

const char* renderer(Format f) {
  switch (f) {
    case Format::Svg:
      return "svg";
    case Format::Png:
      return "png";
    case Format::Dot:
      return "dot";
  }
  return "svg";
}

}  // namespace

std::string inches(double points) {
  return number(points / 72.0);
}

std::string number(double value) {
  std::string s = fmt::format("{:.3f}", value);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

Canvas::Canvas(bool directed) {
  std::lock_guard lock(graphviz_mutex());
  agseterr(AGERR);  // warnings (a font substituted, a label overlapping) are not the user's
  context_ = gvContext();
  char name[] = "dateline";
  graph_ = agopen(name, directed ? Agdirected : Agundirected, nullptr);
  if (!context_ || !graph_) throw core::Error("Graphviz could not start");
}

Canvas::~Canvas() {
  std::lock_guard lock(graphviz_mutex());
  if (laid_out_) gvFreeLayout(context_, graph_);
  if (graph_) agclose(graph_);
  if (context_) gvFreeContext(context_);
}

Agnode_t* Canvas::node(const std::string& name, Agraph_t* in) {
  Agnode_t* n = agnode(graph_, const_cast<char*>(name.c_str()), 1);
  if (in) agsubnode(in, n, 1);
  return n;
}

Agedge_t* Canvas::edge(Agnode_t* tail, Agnode_t* head) {
  return agedge(graph_, tail, head, nullptr, 1);
}

Agraph_t* Canvas::cluster(const std::string& name) {
  return agsubg(graph_, const_cast<char*>(("cluster_" + name).c_str()), 1);
}

void Canvas::defaults(int kind, const Attributes& attributes) {
  for (const auto& [name, value] : attributes)
    agattr(graph_, kind, const_cast<char*>(name.c_str()), const_cast<char*>(value.c_str()));
}

void Canvas::set(void* object, std::string_view name, std::string_view value) {
  const std::string n(name), v(value);
  char empty[] = "";
  agsafeset(object, const_cast<char*>(n.c_str()), const_cast<char*>(v.c_str()), empty);
}

void Canvas::apply(void* object, const Attributes& attributes) {
  for (const auto& [name, value] : attributes) set(object, name, value);
}

void Canvas::place(Agnode_t* n, double x, double y) {
  set(n, "pos", fmt::format("{},{}!", number(x), number(y)));
}

void Canvas::measure() {
  std::lock_guard lock(graphviz_mutex());
  if (gvLayout(context_, graph_, "nop") != 0) throw core::Error("Graphviz could not lay out");
  laid_out_ = true;
}

std::string Canvas::render(const char* engine, Format format) {
  std::lock_guard lock(graphviz_mutex());
  if (laid_out_) gvFreeLayout(context_, graph_);
  laid_out_ = false;
  if (gvLayout(context_, graph_, engine) != 0)
    throw core::Error(fmt::format("Graphviz could not lay out the diagram ({})", engine));
  laid_out_ = true;
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(context_, graph_, renderer(format), &data, &length) != 0 || !data)
    throw core::Error(fmt::format("Graphviz could not render {}", renderer(format)));
  std::string out(data, length);
  gvFreeRenderData(data);
  return out;
}

}  // namespace dateline::render
