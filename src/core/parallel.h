#pragma once
// Independent jobs run on a few threads.
#include <functional>
#include <vector>

namespace dateline::core {

// Runs every job, on at most `threads` threads (0: every core), and returns when all are done.
// If jobs throw, the others still run, and the exception of the first job in the list that
// threw is rethrown.
void run_parallel(const std::vector<std::function<void()>>& jobs, unsigned threads = 0);

}  // namespace dateline::core
