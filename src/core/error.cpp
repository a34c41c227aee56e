#include "core/error.h"

#include <fmt/format.h>

namespace dateline::core {

std::string Location::str() const {
  if (file.empty()) return {};
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

namespace {
std::string compose(const std::string& message, const Location& where) {
  const std::string at = where.str();
  return at.empty() ? message : at + ": " + message;
}
}  // namespace

Error::Error(std::string message, Location where)
    : std::runtime_error(compose(message, where)),
      message_(std::move(message)),
      where_(std::move(where)) {}

}  // namespace dateline::core
