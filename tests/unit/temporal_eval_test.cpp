// `dateline eval timex` must give the reference scorer's figures, and the TimeBank scores must
// stay above their floors.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "helpers.h"

using namespace dateline;
namespace fs = std::filesystem;

namespace {

const char* const kSample[] = {
    "ABC19980108.1830.0711.tml", "APW19980213.1320.tml", "wsj_0006.tml", "wsj_0144.tml",
    "NYT19980206.0460.tml",      "AP900815-0044.tml"};

double figure(const std::string& report, const std::string& line, const std::string& key) {
  for (const auto& l : test::lines(report))
    if (l.rfind(line, 0) == 0) {
      const auto at = l.find(key + "=");
      if (at != std::string::npos) return std::stod(l.substr(at + key.size() + 1));
    }
  return -1;
}

}  // namespace

TEST_CASE("eval timex: the same figures as ../shared/eval/score_timex.py") {
  const fs::path tb = test::shared_dir() / "corpora" / "timebank";
  test::TempDir tmp;
  std::vector<std::string> files;
  for (const char* f : kSample) files.push_back((tb / f).string());

  std::vector<std::string> eval_args{"eval", "timex"};
  eval_args.insert(eval_args.end(), files.begin(), files.end());
  const auto ours = test::run_dateline(eval_args);
  REQUIRE(ours.exit_code == 0);

  std::vector<std::string> annotate_args{"annotate"};
  annotate_args.insert(annotate_args.end(), files.begin(), files.end());
  const auto annotated = test::run_dateline(annotate_args);
  REQUIRE(annotated.exit_code == 0);
  const auto pred = tmp.write("pred.jsonl", annotated.out);

  std::string cmd = "python3 " + (test::shared_dir() / "eval" / "tml2json.py").string();
  for (const auto& f : files) cmd += " " + f;
  cmd += " > " + (tmp / "gold.jsonl").string() + " && python3 " +
         (test::shared_dir() / "eval" / "score_timex.py").string() + " " +
         (tmp / "gold.jsonl").string() + " " + pred.string() + " > " +
         (tmp / "reference.txt").string();
  REQUIRE(std::system(cmd.c_str()) == 0);
  const std::string reference = test::read(tmp / "reference.txt");
  CHECK(ours.out == reference);
  CHECK(figure(reference, "relaxed", "F1") > 0.5);
}

TEST_CASE("TimeBank: value F1 and relaxed span F1 stay above their floors") {
  const auto r =
      test::run_dateline({"eval", "timex", (test::shared_dir() / "corpora" / "timebank").string()});
  REQUIRE(r.exit_code == 0);
  MESSAGE(r.out);
  CHECK(figure(r.out, "relaxed", "F1") >= 0.92);
  CHECK(figure(r.out, "value", "F1") >= 0.84);
}
