#pragma once
#include <vector>

#include "extract/annotation.h"
#include "extract/gazetteer.h"
#include "extract/lexicon.h"
#include "ingest/layout_cues.h"

namespace dateline::extract {

// Runs the extraction stages on one article: sentences, quotes, actors, credits, events,
// statements. Stateless between articles: one Extractor serves every thread.
class Extractor {
 public:
  Extractor(const ExtractLexicon& lexicon, const Gazetteer& gazetteer,
            const ingest::LayoutCues& cues)
      : lexicon_(lexicon), gazetteer_(gazetteer), cues_(cues) {}

  // `tokens`, when given, holds the tokens of (some of) the article's paragraphs, as the
  // temporal engine kept them; the others are tokenized here.
  AnnotatedArticle annotate(ingest::Article article, std::vector<temporal::Timex> timexes,
                            const core::ParagraphTokens* tokens = nullptr) const;

 private:
  const ExtractLexicon& lexicon_;
  const Gazetteer& gazetteer_;
  const ingest::LayoutCues& cues_;
};

}  // namespace dateline::extract
