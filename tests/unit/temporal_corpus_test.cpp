// Runs every example of tests/corpus/temporal/*.yaml through the temporal engine.
#include <doctest/doctest.h>

#include <algorithm>

#include <fmt/format.h>

#include "core/calendar.h"
#include "core/pipeline.h"
#include "core/yaml.h"
#include "helpers.h"
#include "temporal/timex3.h"

using namespace dateline;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const core::Pipeline& pipeline() {
  return test::pipeline();
}

temporal::Reference reference(const json& dateline) {
  temporal::Reference r;
  if (dateline.is_string()) {
    const std::string d = dateline;
    r.day = core::make_date(std::stoi(d.substr(0, 4)), std::stoi(d.substr(5, 2)),
                            std::stoi(d.substr(8, 2)));
  }
  return r;
}

// Describes what the engine found, for failure messages.
std::string found(std::string_view text, const std::vector<temporal::Timex>& ts) {
  std::string out;
  for (const auto& t : ts)
    out += fmt::format("  [{}] {} {} mod={}\n", t.span.of(text), temporal::to_string(t.type),
                       temporal::timex3_value(t.value), temporal::to_string(t.mod));
  return out;
}

// Values that do not read back from their TIMEX3 string, as "written -> read back".
std::vector<std::string> round_trip_failures(const std::vector<temporal::Timex>& ts) {
  std::vector<std::string> out;
  for (const auto& t : ts) {
    if (t.value.kind == temporal::Value::Kind::None) continue;
    const auto written = temporal::timex3_value(t.value);
    const auto back = temporal::value_from_timex3(written);
    const auto again = back ? temporal::timex3_value(*back) : std::string("nothing");
    if (again != written) out.push_back(written + " -> " + again);
  }
  return out;
}

// Checks one row; returns "" when it passes, else what went wrong.
std::string check_row(const json& row, const json& file_dateline) {
  const std::string text = row["text"];
  const json dateline = row.contains("dateline") ? row["dateline"] : file_dateline;
  const auto ts = pipeline().temporal().annotate_text(text, reference(dateline));
  std::string problems;
  for (const auto& f : round_trip_failures(ts)) problems += "does not read back: " + f + "\n";
  const auto& expect = row["expect"];
  if (ts.size() != expect.size())
    problems += fmt::format("expected {} expressions, found {}\n", expect.size(), ts.size());
  for (size_t i = 0; i < expect.size(); ++i) {
    const auto& e = expect[i];
    const std::string want = e["text"];
    auto it =
        std::find_if(ts.begin(), ts.end(), [&](const auto& t) { return t.span.of(text) == want; });
    if (it == ts.end()) {
      problems += fmt::format("missing [{}] {}\n", want, e["value"].get<std::string>());
      continue;
    }
    const auto value = temporal::timex3_value(it->value);
    if (value != e["value"])
      problems +=
          fmt::format("[{}] value {} expected {}\n", want, value, e["value"].get<std::string>());
    if (e.contains("type") && temporal::to_string(it->type) != e["type"].get<std::string>())
      problems += fmt::format("[{}] type {} expected {}\n", want, temporal::to_string(it->type),
                              e["type"].get<std::string>());
    if (e.contains("mod")) {
      const std::string want_mod = e["mod"].is_null() ? "" : e["mod"].get<std::string>();
      if (temporal::to_string(it->mod) != want_mod)
        problems += fmt::format("[{}] mod '{}' expected '{}'\n", want, temporal::to_string(it->mod),
                                want_mod);
    }
    if (e.contains("freq") && temporal::timex3_freq(it->value.set) != e["freq"].get<std::string>())
      problems += fmt::format("[{}] freq '{}' expected '{}'\n", want,
                              temporal::timex3_freq(it->value.set), e["freq"].get<std::string>());
    if (e.contains("anchor")) {
      const std::string a = e["anchor"];
      std::string got = "none";
      if (it->anchor == temporal::AnchorKind::Dateline)
        got = "dateline";
      else if (it->anchor_index >= 0)
        got = std::string(ts[static_cast<size_t>(it->anchor_index)].span.of(text));
      if (got != a) problems += fmt::format("[{}] anchor '{}' expected '{}'\n", want, got, a);
    }
  }
  for (const auto& t : ts) {
    const auto s = t.span.of(text);
    const bool expected =
        std::any_of(expect.begin(), expect.end(), [&](const json& e) { return e["text"] == s; });
    if (!expected)
      problems += fmt::format("unexpected [{}] {}\n", s, temporal::timex3_value(t.value));
  }
  if (!problems.empty()) problems += "found:\n" + found(text, ts);
  return problems;
}

}  // namespace

TEST_CASE("temporal corpus: every example of every family") {
  const fs::path dir = test::tests_dir() / "corpus" / "temporal";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  size_t rows = 0, negative = 0, failed = 0;
  for (const auto& file : files) {
    const auto doc = core::load_yaml(file, "temporal-corpus.schema.json");
    const json file_dateline =
        doc.value.contains("dateline") ? doc.value["dateline"] : json(nullptr);
    const auto& list = doc.value["rows"];
    for (size_t i = 0; i < list.size(); ++i) {
      ++rows;
      negative += list[i]["expect"].empty();
      const std::string problems = check_row(list[i], file_dateline);
      if (problems.empty()) continue;
      ++failed;
      const auto where = doc.locate("/rows/" + std::to_string(i));
      FAIL_CHECK(fmt::format("{}:{}: {}\n{}", file.filename().string(), where.line,
                             list[i]["text"].get<std::string>(), problems));
    }
  }
  MESSAGE(fmt::format("{} rows in {} files ({} negative), {} failed", rows, files.size(), negative,
                      failed));
  CHECK(rows >= 400);
  CHECK(negative >= 30);
}
