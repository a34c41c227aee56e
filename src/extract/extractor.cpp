#include "extract/extractor.h"

#include <algorithm>

#include "core/text.h"
#include "extract/context.h"
#include "ingest/paragraphs.h"

namespace dateline::extract {

using ingest::ParagraphClass;

namespace {

// The people a credit or byline names: actors of the article with their credit role.
void add_credits(Context& c) {
  const auto& a = c.out.article;
  for (const auto& p : a.paragraphs) {
    if (p.repeat || (p.cls != ParagraphClass::Credit && p.cls != ParagraphClass::Byline)) continue;
    for (const auto& person : ingest::credited_people(a.text(), p, c.cues)) {
      const std::string name = core::text::visible(a.text_of(person.name));
      const std::string id = actor_slug(name);
      auto it = std::find_if(c.out.actors.begin(), c.out.actors.end(),
                             [&](const auto& x) { return x.id == id; });
      uint32_t index;
      if (it == c.out.actors.end()) {
        ArticleActor actor;
        actor.id = id;
        actor.name = name;
        actor.names.push_back(name);
        c.out.actors.push_back(std::move(actor));
        index = static_cast<uint32_t>(c.out.actors.size() - 1);
      } else {
        index = static_cast<uint32_t>(it - c.out.actors.begin());
      }
      const CreditRole role = person.photographer ? CreditRole::Photographer : CreditRole::Author;
      c.out.actors[index].credit = role;
      c.out.credits.push_back({index, role, person.name});
    }
  }
}

}  // namespace

AnnotatedArticle Extractor::annotate(ingest::Article article, std::vector<temporal::Timex> timexes,
                                     const core::ParagraphTokens* kept) const {
  AnnotatedArticle out;
  out.article = std::move(article);
  out.timexes = std::move(timexes);
  Context c{lexicon_, gazetteer_, cues_, out, out.article.text(), {}, {}, {}, {}, {}, {},
            {},       {},         {},    0};
  const auto& paragraphs = out.article.paragraphs;
  c.event_paragraph.assign(paragraphs.size(), false);
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    const auto& para = paragraphs[p];
    if (para.repeat) continue;
    const bool body = para.cls == ParagraphClass::Body || para.cls == ParagraphClass::Caption;
    if (!body && para.cls != ParagraphClass::Headline) continue;
    c.event_paragraph[p] = body;
    const size_t before = c.tokens.size();
    const bool reuse = kept && kept->has(p);
    if (reuse)
      c.tokens.insert(c.tokens.end(), kept->tokens.begin() + kept->range[p].first,
                      kept->tokens.begin() + kept->range[p].second);
    else
      core::tokenize(c.text, para.span, c.tokens, lexicon_.vocabulary());
    c.paragraph_of.resize(c.tokens.size(), p);
    if (reuse) {
      // Ids the temporal engine gave in a vocabulary that extends this one are ours below
      // `shared`; above it, words only the temporal lists know.
      const size_t shared =
          kept->labelled_by ? kept->labelled_by->ids_shared_with(lexicon_.vocabulary()) : 0;
      for (size_t k = before; k < c.tokens.size(); ++k) {
        auto& lex = c.tokens[k].lex;
        lex = shared ? (lex < shared ? lex : 0) : lexicon_.vocabulary().id_of(c.text, c.tokens[k]);
      }
    }
  }
  // Which timex each token belongs to.
  c.timex_at.assign(c.size(), -1);
  size_t k = 0;
  for (size_t t = 0; t < out.timexes.size(); ++t) {
    const auto span = out.timexes[t].span;
    while (k < c.size() && c.tokens[k].end <= span.begin) ++k;
    for (size_t j = k; j < c.size() && c.tokens[j].begin < span.end; ++j)
      if (c.tokens[j].begin >= span.begin) c.timex_at[j] = static_cast<int>(t);
  }
  split_sentences(c);
  find_quotes(c);
  add_credits(c);
  find_actors(c);
  attribute_quotes(c);
  find_events(c);
  find_statements(c);
  return out;
}

}  // namespace dateline::extract
