#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "ingest/article.h"
#include "ingest/layout_cues.h"
#include "ingest/manifest.h"

namespace dateline::ingest {

struct IngestOptions {
  const Manifest* manifest = nullptr;
  bool replace_invalid = false;  // read ill-formed UTF-8 as U+FFFD instead of failing
  std::optional<Date> dct;       // --dct: the dateline of every article
};

// The files named by the inputs: files as given, folders searched (sorted, recursively) for
// .txt and .tml files; anything else in a folder is skipped with a note. "-" is standard input.
struct InputList {
  std::vector<std::filesystem::path> files;
  std::vector<std::string> notes;     // skipped files
  std::vector<std::string> failures;  // inputs that do not exist
};
InputList expand_inputs(const std::vector<std::string>& inputs);

// Reads a file into a Document: plain UTF-8 text, or TimeML (.tml) whose TEXT content becomes
// the text and whose DCT the creation time. Throws core::Error naming the file (and the byte
// offset and line) for a missing, empty or binary file or ill-formed UTF-8.
std::shared_ptr<Document> read_document(const std::filesystem::path& path,
                                        const IngestOptions& options);
// The same for text already in memory (standard input, tests, fuzzing).
std::shared_ptr<Document> make_document(std::string bytes, const std::string& name, bool timeml,
                                        const IngestOptions& options);

// Splits a document into articles, classifies their paragraphs and finds their datelines.
std::vector<Article> split_articles(const std::shared_ptr<const Document>& doc,
                                    const core::CalendarWords& words, const LayoutCues& cues,
                                    const IngestOptions& options);

}  // namespace dateline::ingest
