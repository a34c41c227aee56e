#include "cli/app.h"

int main(int argc, char** argv) {
  return dateline::cli::run(argc, argv);
}
