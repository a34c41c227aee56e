#include "render/canvas.h"

#include <map>
#include <mutex>
#include <vector>

#include <fmt/format.h>

#include "core/error.h"

namespace dateline::render {

namespace {

// Graphviz keeps global state (its error buffer, plugin tables): one layout at a time.
std::mutex& graphviz_mutex() {
  static std::mutex m;
  return m;
}

// One Graphviz context for the whole process, never freed: its pango plugin keeps the last font
// name it measured after a context is freed, and would read it freed in the next one.
GVC_t* context() {
  static GVC_t* const c = [] {
    agseterr(AGERR);  // warnings (a font substituted, a label overlapping) are not the user's
    return gvContext();
  }();
  return c;
}

// What Graphviz reported during the current layout (errors only: warnings are off).
std::string& reported() {
  static std::string text;
  return text;
}

int collect(char* message) {
  reported() += message;
  return 0;
}

// Object ids in order of creation. Graphviz's own discipline takes the address of a name's
// string as its id, and subgraphs (so clusters in the output) come in id order: the order in
// which malloc happened to place their names. Named objects get even ids, anonymous ones (edges)
// odd ones, and names stay Graphviz's reference-counted strings, as it expects.
struct Ids {
  Agraph_t* graph = nullptr;
  std::map<std::string, IDTYPE, std::less<>> by_name;
  std::vector<char*> names;  // id 2k + 2 -> names[k]; null once every holder is gone
  std::vector<size_t> holders;
  IDTYPE anonymous = 1;
};

void* ids_open(Agraph_t* g, Agdisc_t*) {
  auto* ids = new Ids;
  ids->graph = g;
  return ids;
}

long ids_map(void* state, int, char* name, IDTYPE* id, int create) {
  auto& ids = *static_cast<Ids*>(state);
  if (!name) {
    *id = ids.anonymous;
    ids.anonymous += 2;
    return 1;
  }
  const auto it = ids.by_name.find(std::string_view(name));
  if (it == ids.by_name.end() && !create) return 0;
  if (it != ids.by_name.end()) {
    *id = it->second;
  } else {
    ids.names.push_back(nullptr);
    ids.holders.push_back(0);
    *id = 2 * ids.names.size();
    ids.by_name.emplace(name, *id);
  }
  if (create) {
    const size_t k = *id / 2 - 1;
    ids.names[k] = agstrdup(ids.graph, name);  // the same string, one more holder
    ++ids.holders[k];
  }
  return 1;
}

long ids_alloc(void*, int, IDTYPE) {
  return 0;  // no ids chosen by the caller
}

void ids_free(void* state, int, IDTYPE id) {
  auto& ids = *static_cast<Ids*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > ids.names.size()) return;
  const size_t k = id / 2 - 1;
  if (!ids.names[k]) return;
  char* name = ids.names[k];
  if (--ids.holders[k] == 0) {
    ids.by_name.erase(std::string(name));
    ids.names[k] = nullptr;
  }
  agstrfree(ids.graph, name);
}

char* ids_print(void* state, int, IDTYPE id) {
  auto& ids = *static_cast<Ids*>(state);
  if (id % 2 != 0 || id == 0 || id / 2 > ids.names.size()) return nullptr;
  return ids.names[id / 2 - 1];
}

void ids_close(void* state) {
  delete static_cast<Ids*>(state);
}

void ids_register(void*, int, void*) {}

Agiddisc_t kIds = {ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register};
Agdisc_t kDiscipline = {&AgMemDisc, &kIds, &AgIoDisc};

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
  context_ = context();
  char name[] = "dateline";
  graph_ = agopen(name, directed ? Agdirected : Agundirected, &kDiscipline);
  if (!context_ || !graph_) throw core::Error("Graphviz could not start");
}

Canvas::~Canvas() {
  std::lock_guard lock(graphviz_mutex());
  if (laid_out_) gvFreeLayout(context_, graph_);
  if (graph_) agclose(graph_);
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

bool Canvas::lay_out(const char* engine) {
  if (laid_out_) gvFreeLayout(context_, graph_);
  laid_out_ = false;
  reported().clear();
  const agusererrf before = agseterrf(collect);
  const int status = gvLayout(context_, graph_, engine);
  agseterrf(before);
  laid_out_ = status == 0;
  return status == 0 && reported().empty();
}

std::string Canvas::render(const char* engine, Format format, const char* fallback) {
  std::lock_guard lock(graphviz_mutex());
  // dot 2.42 can fail on clustered graphs ("trouble in init_rank") and go on with a broken
  // layout: the fallback engine then lays the graph out afresh.
  if (!lay_out(engine) && !(fallback && lay_out(fallback)))
    throw core::Error(
        fmt::format("Graphviz could not lay out the diagram ({}): {}", engine, reported()));
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(context_, graph_, renderer(format), &data, &length) != 0 || !data)
    throw core::Error(fmt::format("Graphviz could not render {}", renderer(format)));
  std::string out(data, length);
  gvFreeRenderData(data);
  return out;
}

}  // namespace dateline::render
