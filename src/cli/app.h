#pragma once

namespace dateline::cli {
// Runs the dateline command line; returns the exit code.
int run(int argc, char** argv);
}  // namespace dateline::cli
