#include "temporal/evaluation.h"

#include <optional>
#include <set>

#include <fmt/format.h>

namespace dateline::temporal {

EvalScore::Prf EvalScore::prf(size_t c) const {
  Prf out;
  out.p = system ? double(c) / double(system) : 0.0;
  out.r = gold ? double(c) / double(gold) : 0.0;
  out.f1 = out.p + out.r > 0 ? 2 * out.p * out.r / (out.p + out.r) : 0.0;
  return out;
}

std::string EvalScore::report() const {
  std::string out;
  for (const auto& [name, c] : std::vector<std::pair<const char*, size_t>>{
           {"strict", strict}, {"relaxed", relaxed}, {"type", type}, {"value", value}}) {
    const Prf s = prf(c);
    out += fmt::format("{:<8} P={:.3f} R={:.3f} F1={:.3f}\n", name, s.p, s.r, s.f1);
  }
  out += fmt::format("norm-acc {}/{} = {:.3f}   gold={} sys={}\n", value, relaxed,
                     relaxed ? double(value) / double(relaxed) : 0.0, gold, system);
  return out;
}

EvalScore evaluate(const std::vector<EvalDocument>& docs, std::string* errors) {
  EvalScore s;
  for (const auto& doc : docs) {
    s.gold += doc.gold.size();
    s.system += doc.predicted.size();
    std::set<size_t> used;
    for (const auto& g : doc.gold) {
      std::optional<size_t> best;
      for (size_t i = 0; i < doc.predicted.size(); ++i) {
        const auto& p = doc.predicted[i];
        if (used.count(i) || !p.span.overlaps(g.span)) continue;
        if (!best || p.span == g.span) best = i;
      }
      if (!best) {
        if (errors)
          *errors += fmt::format("MISSED {} '{}' {} {}\n", doc.name, g.text, g.type, g.value);
        continue;
      }
      used.insert(*best);
      const auto& p = doc.predicted[*best];
      ++s.relaxed;
      s.strict += p.span == g.span;
      s.value += p.value == g.value;
      s.type += p.type == g.type;
      if (errors && p.value != g.value)
        *errors += fmt::format("VALUE  {} '{}' gold={} got={} ('{}')\n", doc.name, g.text, g.value,
                               p.value, p.text);
    }
  }
  return s;
}

}  // namespace dateline::temporal
