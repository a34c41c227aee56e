#pragma once
// What the libFuzzer targets share: one pipeline over the repository's data/, loaded once per
// process, and the articles of a fuzzer's input read the way `dateline` reads a file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/pipeline.h"
#include "ingest/article.h"

namespace dateline::fuzz {

const core::Pipeline& pipeline();

// The input as one text file, split into articles; ill-formed UTF-8 is read as U+FFFD (as with
// --replace-invalid) so that the stages behind ingestion see every input. Inputs that ingestion
// refuses (blank, NUL bytes) give no articles. With `dct`, every article has that dateline.
std::vector<ingest::Article> articles_of(const uint8_t* data, size_t size, bool dct);

// Stops the fuzzer with a message when an invariant does not hold (a finding, like a crash).
void expect(bool ok, const char* what);

}  // namespace dateline::fuzz
