#pragma once
#include <memory>
#include <string_view>
#include <vector>

#include "core/tokenizer.h"
#include "ingest/article.h"
#include "temporal/lexicon.h"
#include "temporal/timex.h"

namespace dateline::temporal {

// The temporal engine: tags every paragraph that carries dates (body, headline, caption,
// related link, embed; not credits, bylines, boilerplate or repeated paragraphs) and resolves
// the whole article in reading order against its dateline.
class Engine {
 public:
  explicit Engine(const Lexicon& lexicon);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  std::vector<Timex> annotate(const ingest::Article& a) const;
  // The same against another reference (a dateline inferred later).
  // With `keep`, the tokens of the paragraphs it reads are kept there (see ParagraphTokens).
  std::vector<Timex> annotate(const ingest::Article& a, const Reference& ref,
                              core::ParagraphTokens* keep = nullptr) const;
  // One piece of text, all one stream (tests, the REPL's date parsing); a blank line separates
  // paragraphs.
  std::vector<Timex> annotate_text(std::string_view text, const Reference& ref) const;

  static Reference reference_of(const ingest::Dateline& d);
  const Lexicon& lexicon() const { return lexicon_; }

 private:
  const Lexicon& lexicon_;
  struct Cache;
  std::unique_ptr<Cache> cache_;  // ids of common words, looked up once
};

// Whether paragraphs of this class are tagged.
bool carries_dates(ingest::ParagraphClass c);

}  // namespace dateline::temporal
