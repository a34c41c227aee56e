#include "ingest/timeml.h"

#include <cstring>
#include <memory>

#include <expat.h>
#include <fmt/format.h>

#include "core/error.h"
#include "ingest/manifest.h"

namespace dateline::ingest {

namespace {

struct State {
  TimemlFile out;
  std::vector<std::string> stack;
  bool in_text = false, seen_text = false, in_docid = false, in_dct = false;
  std::vector<TimemlTimex> open;  // TIMEX3 elements inside TEXT, innermost last
};

std::string attribute(const XML_Char** attrs, const char* name) {
  for (int i = 0; attrs[i]; i += 2)
    if (std::strcmp(attrs[i], name) == 0) return attrs[i + 1];
  return {};
}

void on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto& s = *static_cast<State*>(data);
  s.stack.emplace_back(name);
  const std::string_view n(name);
  if (n == "TEXT") s.in_text = s.seen_text = true;
  if (n == "DOCID") s.in_docid = true;
  if (n == "DCT") s.in_dct = true;
  if (n != "TIMEX3") return;
  if (s.in_dct && !s.out.dct) {
    std::optional<Date> day, earliest, latest;
    const std::string value = attribute(attrs, "value");
    if (parse_published(value.substr(0, 10), day, earliest, latest)) s.out.dct = day;
  }
  if (s.in_text) {
    TimemlTimex t;
    t.span.begin = static_cast<uint32_t>(s.out.text.size());
    t.tid = attribute(attrs, "tid");
    t.type = attribute(attrs, "type");
    t.value = attribute(attrs, "value");
    t.mod = attribute(attrs, "mod");
    t.anchor = attribute(attrs, "anchorTimeID");
    s.open.push_back(std::move(t));
  }
}

void on_end(void* data, const XML_Char* name) {
  auto& s = *static_cast<State*>(data);
  const std::string_view n(name);
  if (n == "TEXT") s.in_text = false;
  if (n == "DOCID") s.in_docid = false;
  if (n == "DCT") s.in_dct = false;
  if (n == "TIMEX3" && s.in_text && !s.open.empty()) {
    auto t = std::move(s.open.back());
    s.open.pop_back();
    t.span.end = static_cast<uint32_t>(s.out.text.size());
    s.out.timexes.push_back(std::move(t));
  }
  if (!s.stack.empty()) s.stack.pop_back();
}

void on_text(void* data, const XML_Char* chars, int len) {
  auto& s = *static_cast<State*>(data);
  if (s.in_text) s.out.text.append(chars, static_cast<size_t>(len));
  if (s.in_docid) s.out.docid.append(chars, static_cast<size_t>(len));
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

TimemlFile parse_timeml(std::string_view bytes, const std::string& file) {
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
      XML_ParserCreate("UTF-8"), &XML_ParserFree);
  if (!parser) throw core::Error("cannot create an XML parser", {file});
  State state;
  XML_SetUserData(parser.get(), &state);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  // Feed in chunks: expat takes an int length.
  constexpr size_t kChunk = size_t(1) << 30;
  for (size_t at = 0;; at += kChunk) {
    const size_t n = std::min(kChunk, bytes.size() - std::min(at, bytes.size()));
    const bool last = at + n >= bytes.size();
    if (XML_Parse(parser.get(), bytes.data() + at, static_cast<int>(n), last) == XML_STATUS_ERROR) {
      const int line = static_cast<int>(XML_GetCurrentLineNumber(parser.get()));
      const int column = static_cast<int>(XML_GetCurrentColumnNumber(parser.get())) + 1;
      throw core::Error(fmt::format("not well-formed TimeML: {}",
                                    XML_ErrorString(XML_GetErrorCode(parser.get()))),
                        {file, line, column});
    }
    if (last) break;
  }
  if (!state.seen_text) throw core::Error("TimeML file without a TEXT element", {file});
  state.out.docid = trim(state.out.docid);
  return std::move(state.out);
}

}  // namespace dateline::ingest
