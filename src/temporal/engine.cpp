#include "temporal/engine.h"

#include "temporal/parsers/parse.h"
#include "temporal/resolve/resolver.h"

namespace dateline::temporal {

using ingest::ParagraphClass;

bool carries_dates(ParagraphClass c) {
  return c == ParagraphClass::Body || c == ParagraphClass::Headline ||
         c == ParagraphClass::Caption || c == ParagraphClass::RelatedLink ||
         c == ParagraphClass::Embed;
}

struct Engine::Cache {
  Scanner::Ids ids;
};

Engine::Engine(const Lexicon& lexicon) : lexicon_(lexicon), cache_(std::make_unique<Cache>()) {
  cache_->ids = Scanner::make_ids(lexicon);
}
Engine::~Engine() = default;

namespace {

// Parses [range) of text and appends placed drafts.
// Scratch buffers reused across paragraphs and articles on one thread.
struct Scratch {
  std::vector<core::Token> tokens;
  std::vector<Draft> drafts;
  std::vector<uint32_t> triggers;
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

void parse_span(const Lexicon& lex, const Scanner::Ids& ids, std::string_view text,
                core::Span range, uint32_t paragraph, uint32_t stream,
                std::vector<PlacedDraft>& out, core::ParagraphTokens* keep = nullptr) {
  Scratch& sc = scratch();
  auto& tokens = sc.tokens;
  auto& drafts = sc.drafts;
  tokens.clear();
  drafts.clear();
  tokens.reserve(range.size() / 4 + 8);
  lex.tokenize(text, range, tokens);
  if (keep) {  // labelled: the extractor reads the same ids when it shares the vocabulary
    const auto first = static_cast<uint32_t>(keep->tokens.size());
    keep->tokens.insert(keep->tokens.end(), tokens.begin(), tokens.end());
    keep->range[paragraph] = {first, static_cast<uint32_t>(keep->tokens.size())};
    keep->labelled_by = &lex.vocabulary();
  }
  if (tokens.empty()) return;
  const Scanner s(text, tokens, lex, ids, sc.triggers);
  parse_absolute(s, drafts);
  parse_weekdays(s, drafts);
  parse_relative(s, drafts);
  parse_durations(s, drafts);
  parse_sets(s, drafts);
  parse_clock(s, drafts);
  parse_quarters(s, drafts);
  parse_phrases(s, drafts);
  refine(s, drafts);
  for (const Draft& d : drafts)
    out.push_back({d, {tokens[d.first].begin, tokens[d.last - 1].end}, paragraph, stream});
}

}  // namespace

Reference Engine::reference_of(const ingest::Dateline& d) {
  Reference r;
  r.day = d.day;
  r.earliest = d.earliest;
  r.latest = d.latest;
  r.month = d.month;
  r.day_of_month = d.day_of_month;
  return r;
}

std::vector<Timex> Engine::annotate(const ingest::Article& a) const {
  return annotate(a, reference_of(a.dateline));
}

std::vector<Timex> Engine::annotate(const ingest::Article& a, const Reference& ref,
                                    core::ParagraphTokens* keep) const {
  thread_local std::vector<PlacedDraft> placed;  // scratch: its buffer serves every article
  placed.clear();
  if (keep) keep->clear(a.paragraphs.size());
  for (uint32_t i = 0; i < a.paragraphs.size(); ++i) {
    const auto& p = a.paragraphs[i];
    if (p.repeat || !carries_dates(p.cls)) continue;
    const bool story = p.cls == ParagraphClass::Body || p.cls == ParagraphClass::Headline;
    parse_span(lexicon_, cache_->ids, a.text(), p.span, i, story ? 0 : i + 1, placed, keep);
  }
  return resolve(placed, ref);
}

std::vector<Timex> Engine::annotate_text(std::string_view text, const Reference& ref) const {
  std::vector<PlacedDraft> placed;
  // A blank line ends a paragraph, as in an article's body; all of them tell one story.
  uint32_t begin = 0, paragraph = 0;
  while (begin < text.size()) {
    size_t end = text.find("\n\n", begin);
    if (end == std::string_view::npos) end = text.size();
    parse_span(lexicon_, cache_->ids, text, {begin, static_cast<uint32_t>(end)}, paragraph++, 0,
               placed);
    begin = static_cast<uint32_t>(end);
    while (begin < text.size() && text[begin] == '\n') ++begin;
  }
  return resolve(placed, ref);
}

}  // namespace dateline::temporal
