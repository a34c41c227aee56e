#pragma once
#include <string>
#include <vector>

#include "core/span.h"

namespace dateline::temporal {

// TempEval-3 style scoring of predicted TIMEX3s against gold, as ../shared/eval/score_timex.py
// does it: a gold timex matches the first unused prediction that overlaps it, or one with
// exactly its span; strict counts exact spans, relaxed any overlap, type and value count
// matched pairs that agree. Offsets are UTF-8 bytes into the TEXT content.
struct EvalTimex {
  core::Span span;
  std::string text, type, value;
};
struct EvalDocument {
  std::string name;  // DOCID or file
  std::vector<EvalTimex> gold, predicted;
};

struct EvalScore {
  size_t gold = 0, system = 0, strict = 0, relaxed = 0, type = 0, value = 0;
  struct Prf {
    double p = 0, r = 0, f1 = 0;
  };
  Prf prf(size_t correct) const;
  // The scorer's summary lines.
  std::string report() const;
};

// Scores the documents; when `errors` is given, appends a line per missed gold timex and per
// wrong value to it.
EvalScore evaluate(const std::vector<EvalDocument>& docs, std::string* errors = nullptr);

}  // namespace dateline::temporal
