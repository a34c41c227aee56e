#include "core/error.h"

namespace dateline::core {

std::string Location::str() const {
  if (file.empty()) return {};
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (line > 0 && column > 0) out += ":" + std::to_string(column);
  return out;
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
