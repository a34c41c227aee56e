#pragma once
#include <stdexcept>
#include <string>

namespace dateline::core {

// Where an error is: a file, and a 1-based line and column when there is one.
struct Location {
  std::string file;
  int line = 0;
  int column = 0;

  std::string str() const;  // "file:line:column", "file:line" or "file"
};

// The one error type of the project: a message and where it happened.
// what() gives "file:line:column: message".
class Error : public std::runtime_error {
 public:
  explicit Error(std::string message, Location where = {});
  const Location& where() const { return where_; }
  const std::string& message() const { return message_; }

 private:
  std::string message_;
  Location where_;
};

}  // namespace dateline::core
