#pragma once
// Synthetic news articles about an invented world, for benchmarks.
//
// The world (countries, people, organisations, outlets) is data in bench/synth/world.yaml. A
// seeded timeline of world events (talks, phone calls, expulsions, strikes, attacks...) is
// drawn over `days` days from `start`; every article reports one to three of those events
// from the days before it was published, so several outlets report the same event and the
// graph has something to merge. Everything follows from the options: the same options give
// the same articles, byte for byte, on every platform (own PRNG, no std distributions).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dateline::synth {

// A date expression the generator wrote, with the value it stands for: the gold standard a
// temporal engine can be scored against. `value` is YYYY-MM-DD, YYYY-Www (a week), YYYY-MM
// (a month) or a TIMEX3 duration (P30D, PT3H). Offsets are UTF-8 bytes into the text.
struct SynthTimex {
  size_t start = 0;
  size_t end = 0;
  std::string text;
  std::string value;
};

// A world event an article reports, as the generator knows it: what a graph built from the
// corpus should end up with. Actor ids are those of gazetteer_yaml() (slugs of the names; a
// union's is the slug of its name, although the gazetteer leaves unions out).
struct SynthEvent {
  int id = 0;           // the same id in every article reporting this event
  std::string kind;     // attack, condolences, talks, strike... (see synth.cpp)
  std::string date;     // YYYY-MM-DD
  std::string source;   // the actor that acts: a country, a group, a bloc or a union
  std::string target;   // the actor acted upon or met
  std::string speaker;  // the person quoted for the acting side, with the event's own words
};

struct SynthArticle {
  std::string file;    // file name inside the corpus folder
  std::string text;    // the article as a page would give it: headline, caption, body
  std::string source;  // outlet name
  std::string url;
  std::string published;  // YYYY-MM-DD, or "" when the date is only in the text or nowhere
  std::string title;
  std::string date;      // the true publication date (YYYY-MM-DD), whatever the text shows
  std::string dateline;  // how the text dates itself: manifest, wire, header or none
  std::vector<SynthTimex> timexes;  // every date expression written, in text order
  std::vector<SynthEvent> events;   // the world events it reports, the news first
};

struct SynthOptions {
  uint64_t seed = 1;
  size_t articles = 1000;
  std::string start = "2026-01-05";  // first day of the timeline (YYYY-MM-DD)
  int days = 120;                    // length of the timeline
  // The world file; empty means bench/synth/world.yaml of the source tree.
  std::filesystem::path world;
};

// Throws std::runtime_error for a bad start date, a non-positive span or a bad world file.
std::vector<SynthArticle> generate(const SynthOptions& o);

// Writes every article as FILE.txt and a manifest.yaml (articles: file, source, url,
// published when known, title) into `folder`, creating it. Each file is written under a
// temporary name and renamed into place, and the manifest comes last, so a reader never sees
// a half-written file nor a manifest naming files that are not there yet.
void write_corpus(const std::vector<SynthArticle>& articles, const std::filesystem::path& folder);

// A gazetteer (schemas/actors.schema.json) of the world's countries, organisations, outlets
// and best-known office holders, for `dateline --gazetteer`. It leaves out spokespeople,
// generals, mayors, union leaders, analysts and the unions, which the extractor must discover.
std::string gazetteer_yaml(const SynthOptions& o);

// The gold standard as JSON Lines, one object per article: {"file", "date", "dateline",
// "events": [{id, kind, date, source, target, speaker}], "timex": [{start, end, text, value}]}.
std::string gold_jsonl(const std::vector<SynthArticle>& articles);

// Writes `content` to `path` through a temporary file in the same folder and a rename.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace dateline::synth
