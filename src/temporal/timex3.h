#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "temporal/timex.h"

// TIMEX3 at the edge: the only place values become strings.
namespace dateline::temporal {

std::string timex3_value(const Value& v);  // "2026-03-01", "2026-W09-WE", "P30D", "PAST_REF"
std::string timex3_value(const Point& p);
std::string timex3_value(const Duration& d);
std::string timex3_freq(const SetValue& s);  // "2X" or ""

// A value as timex3_value() writes it, read back (graph.json): calendar points with unknown
// fields as X (XXXX-03-02, XXXX-WXX-7, 2026-03-01TNI), durations (P3D, PT2H, PXY) and the
// references; nullopt for anything else. A set reads back as its pattern or its period.
std::optional<Value> value_from_timex3(std::string_view s);

// The id of the i-th timex of an article: "t1", "t2", ...
std::string timex_id(size_t i);

// A TimeML document: the text of [span) with TIMEX3 tags (anchorTimeID to "t0", the DCT, or
// to the timex it builds on), the DCT when the dateline is a day.
std::string timeml_document(std::string_view docid, std::string_view text, core::Span span,
                            const std::vector<Timex>& timexes, const std::string& dct);

// The "timex" array of `dateline annotate`: id, start, end, text, type, value, mod, anchor
// ("dateline", the id of the timex it builds on, or null), and freq/quant for sets.
nlohmann::json timexes_json(std::string_view text, const std::vector<Timex>& timexes);

// Escapes &, <, > and quotes for XML text and attributes.
std::string xml_escape(std::string_view s);

}  // namespace dateline::temporal
