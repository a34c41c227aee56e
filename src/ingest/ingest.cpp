#include "ingest/ingest.h"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "core/error.h"
#include "core/files.h"
#include "core/text.h"
#include "core/utf8.h"
#include "ingest/dateline.h"
#include "ingest/paragraphs.h"
#include "ingest/timeml.h"

namespace dateline::ingest {

namespace fs = std::filesystem;
using core::Error;

namespace {

bool readable_extension(const fs::path& p) {
  const auto ext = core::ascii_lower(p.extension().string());
  return ext == ".txt" || ext == ".tml";
}

void check_text(std::string& bytes, const std::string& name, const IngestOptions& options,
                bool& replaced) {
  if (core::text::is_blank(bytes)) throw Error("empty file: no text to read", {name});
  if (const auto nul = bytes.find('\0'); nul != std::string::npos) {
    const auto lc = core::utf8::line_column(bytes, nul);
    throw Error(fmt::format("binary file: NUL byte at offset {}", nul), {name, lc.line, lc.column});
  }
  if (const auto bad = core::utf8::first_invalid(bytes)) {
    if (!options.replace_invalid) {
      const auto lc = core::utf8::line_column(bytes, *bad);
      throw Error(fmt::format("invalid UTF-8 at byte offset {} (use --replace-invalid to read it "
                              "with U+FFFD in place of the bad bytes)",
                              *bad),
                  {name, lc.line, lc.column});
    }
    bytes = core::utf8::replace_invalid(bytes);
    replaced = true;
  }
}

// Article boundaries inside a document: a headline-shaped line after prose, set off by a wider
// gap than the document's usual one or repeated just below (as web pages repeat a headline).
std::vector<std::pair<size_t, size_t>> article_ranges(std::string_view t,
                                                      const std::vector<Unit>& units) {
  std::map<int, int> gaps;
  for (const auto& u : units)
    if (u.gap_before > 0) ++gaps[u.gap_before];
  int usual = 1, most = 0;
  for (const auto& [gap, count] : gaps)
    if (count > most) most = count, usual = gap;
  const int wide = std::max(2, usual + 1);

  std::vector<std::pair<size_t, size_t>> ranges;
  size_t start = 0;
  bool prose = false;
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    const auto s = u.span.of(t);
    if (prose && u.kind == Unit::Kind::Text && !u.had_credit && headline_shaped(s)) {
      bool repeated = false;
      for (size_t k = i + 1; k < units.size() && k <= i + 8 && !repeated; ++k)
        repeated = units[k].span.of(t) == s;
      if (repeated || u.gap_before >= wide) {
        ranges.emplace_back(start, i);
        start = i;
        prose = false;
      }
    }
    prose = prose || (u.kind == Unit::Kind::Text && prose_shaped(s));
  }
  ranges.emplace_back(start, units.size());
  return ranges;
}

}  // namespace

InputList expand_inputs(const std::vector<std::string>& inputs) {
  InputList out;
  for (const auto& input : inputs) {
    if (input == "-") {
      out.files.emplace_back("-");
      continue;
    }
    const fs::path p(input);
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (auto it = fs::recursive_directory_iterator(
               p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (!it->is_regular_file(ec)) continue;
        if (readable_extension(it->path()))
          found.push_back(it->path());
        else
          out.notes.push_back(
              fmt::format("skipped {} (not a .txt or .tml file)", it->path().string()));
      }
      std::sort(found.begin(), found.end());
      out.files.insert(out.files.end(), found.begin(), found.end());
    } else if (fs::exists(p, ec)) {
      out.files.push_back(p);
    } else {
      out.failures.push_back(Error("no such file or folder", {input}).what());
    }
  }
  std::sort(out.notes.begin(), out.notes.end());
  return out;
}

std::shared_ptr<Document> make_document(std::string bytes, const std::string& name, bool timeml,
                                        const IngestOptions& options) {
  // The name goes into every output (ids, JSON, XML), which hold only Unicode text.
  if (core::utf8::first_invalid(name))
    throw Error("the file name is not valid UTF-8; rename the file",
                {core::utf8::replace_invalid(name)});
  auto doc = std::make_shared<Document>();
  doc->path = name;
  if (bytes.size() >= (size_t(1) << 32) - 1) throw Error("file too large (4 GiB or more)", {name});
  if (timeml) {
    check_text(bytes, name, options, doc->replaced_invalid);
    TimemlFile tml = parse_timeml(bytes, name);
    doc->timeml = true;
    doc->timeml_id = tml.docid;
    doc->timeml_dct = tml.dct;
    doc->text = std::move(tml.text);
    if (core::text::is_blank(doc->text)) throw Error("empty TEXT element", {name});
  } else {
    check_text(bytes, name, options, doc->replaced_invalid);
    doc->text = std::move(bytes);
  }
  if (options.manifest) options.manifest->describe(*doc);
  return doc;
}

std::shared_ptr<Document> read_document(const fs::path& path, const IngestOptions& options) {
  if (path == "-") {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    return make_document(std::move(bytes), "<stdin>", false, options);
  }
  std::string bytes = core::read_file(path);
  const bool timeml = core::ascii_lower(path.extension().string()) == ".tml";
  return make_document(std::move(bytes), path.string(), timeml, options);
}

std::vector<Article> split_articles(const std::shared_ptr<const Document>& doc,
                                    const core::CalendarWords& words, const LayoutCues& cues,
                                    const IngestOptions& options) {
  const std::string_view t = doc->text;
  const auto units = segment(t, {0, static_cast<uint32_t>(t.size())}, cues);
  const auto ranges = doc->timeml ? std::vector<std::pair<size_t, size_t>>{{0, units.size()}}
                                  : article_ranges(t, units);
  std::string stem = doc->path == "<stdin>" ? "stdin" : fs::path(doc->path).stem().string();
  std::vector<Article> out;
  for (size_t k = 0; k < ranges.size(); ++k) {
    const auto [first, last] = ranges[k];
    if (first == last) continue;
    Article a;
    a.doc = doc;
    a.id = ranges.size() > 1 ? fmt::format("{}#{}", stem, k + 1) : stem;
    const std::vector<Unit> mine(units.begin() + static_cast<long>(first),
                                 units.begin() + static_cast<long>(last));
    a.span = {mine.front().span.begin, mine.back().span.end};
    a.paragraphs = classify(t, mine, cues);
    find_dateline(a, words, cues);
    if (options.dct) {
      a.dateline = Dateline{};
      a.dateline.source = DatelineSource::Given;
      a.dateline.day = options.dct;
      a.dateline.note = "given on the command line (--dct)";
    }
    a.title = doc->manifest_title;
    if (a.title.empty())
      for (const auto& p : a.paragraphs)
        if (p.cls == ParagraphClass::Headline) {
          a.title = std::string(a.text_of(p.span));
          break;
        }
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace dateline::ingest
