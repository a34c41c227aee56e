#include "core/yaml.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include "core/files.h"
#include "core/schema.h"
#include "core/utf8.h"

namespace dateline::core {

using nlohmann::json;

namespace {

bool is_one_of(const std::string& s, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (s == w) return true;
  return false;
}

// The YAML 1.2 core schema's resolution of a plain scalar.
json plain_scalar(const std::string& s) {
  if (s.empty() || is_one_of(s, {"~", "null", "Null", "NULL"})) return nullptr;
  if (is_one_of(s, {"true", "True", "TRUE"})) return true;
  if (is_one_of(s, {"false", "False", "FALSE"})) return false;
  const char* first = s.data();
  const char* last = s.data() + s.size();
  if (*first == '+') ++first;
  int64_t i = 0;
  if (auto [p, ec] = std::from_chars(first, last, i); ec == std::errc() && p == last) return i;
  bool numeric = first != last;
  for (const char* p = first; p != last; ++p)
    numeric = numeric && (std::isdigit(static_cast<unsigned char>(*p)) || *p == '.' || *p == 'e' ||
                          *p == 'E' || *p == '-' || *p == '+');
  double d = 0;
  if (numeric)
    if (auto [p, ec] = std::from_chars(first, last, d); ec == std::errc() && p == last) return d;
  return s;
}

// YAML is Unicode text without NUL: anything else would reach the outputs (JSON, XML) as bytes
// they cannot hold, and fail there far from its cause.
void check_bytes(std::string_view text, const std::string& file) {
  const auto nul = text.find('\0');
  const auto bad = utf8::first_invalid(text);
  if (nul == std::string_view::npos && !bad) return;
  const size_t at = std::min(nul, bad.value_or(nul));
  const auto lc = utf8::line_column(text, at);
  throw Error(fmt::format("not valid YAML: {} at byte offset {}",
                          at == nul ? "a NUL byte" : "invalid UTF-8", at),
              {file, lc.line, lc.column});
}

class Converter {
 public:
  Converter(YamlDocument& doc, size_t text_size)
      : doc_(doc), limit_(std::min(kMaxYamlNodes, kYamlValuesPerByte * text_size + 1000)) {}

  json convert(const YAML::Node& node, const std::string& pointer, int depth) {
    if (++count_ > limit_)
      throw Error(fmt::format("more than {} values{}; refusing to expand", limit_,
                              limit_ < kMaxYamlNodes ? " from aliases (\"billion laughs\"?)" : ""),
                  where(node));
    if (depth > 200) throw Error("nested too deeply", where(node));
    doc_.positions.emplace(pointer, where(node));
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return nullptr;
      case YAML::NodeType::Scalar:
        return node.Tag() == "?" ? plain_scalar(node.Scalar()) : json(node.Scalar());
      case YAML::NodeType::Sequence: {
        json out = json::array();
        size_t i = 0;
        for (const auto& item : node)
          out.push_back(convert(item, pointer + "/" + std::to_string(i++), depth + 1));
        return out;
      }
      case YAML::NodeType::Map: {
        json out = json::object();
        for (const auto& kv : node) {
          if (!kv.first.IsScalar()) throw Error("keys must be plain names", where(kv.first));
          const std::string key = kv.first.Scalar();
          if (out.contains(key))
            throw Error(fmt::format("key '{}' appears twice", key), where(kv.first));
          out[key] = convert(kv.second, pointer + "/" + escape(key), depth + 1);
        }
        return out;
      }
    }
    return nullptr;
  }

 private:
  static std::string escape(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
  }
  Location where(const YAML::Node& node) const {
    const YAML::Mark m = node.Mark();
    if (m.line < 0) return {doc_.file};
    return {doc_.file, m.line + 1, m.column + 1};
  }

  YamlDocument& doc_;
  size_t limit_;
  size_t count_ = 0;
};

}  // namespace

Location YamlDocument::locate(std::string_view pointer) const {
  std::string p(pointer);
  while (true) {
    if (auto it = positions.find(p); it != positions.end()) return it->second;
    const auto slash = p.rfind('/');
    if (slash == std::string::npos || p.empty()) return {file};
    p.resize(slash);
  }
}

Error YamlDocument::error_at(std::string_view pointer, const std::string& message) const {
  return Error(message, locate(pointer == "/" ? "" : pointer));
}

YamlDocument parse_yaml(std::string_view text, const std::string& file, std::string_view schema) {
  YamlDocument doc;
  doc.file = file;
  check_bytes(text, file);
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    throw Error("not valid YAML: nested too deeply", {file, e.mark.line + 1, e.mark.column + 1});
  } catch (const YAML::Exception& e) {
    Location at{file};
    if (e.mark.line >= 0) at = {file, e.mark.line + 1, e.mark.column + 1};
    throw Error(fmt::format("not valid YAML: {}", e.msg), at);
  }
  doc.value = Converter(doc, text.size()).convert(root, "", 0);
  if (!schema.empty()) {
    const auto issues = Schema::get(schema).validate(doc.value, 1);
    if (!issues.empty()) {
      const auto& issue = issues.front();
      throw doc.error_at(issue.pointer, issue.pointer == "/"
                                            ? issue.message
                                            : issue.pointer + ": " + issue.message);
    }
  }
  return doc;
}

YamlDocument load_yaml(const std::filesystem::path& path, std::string_view schema) {
  const std::string text = read_file(path, kMaxYamlBytes);
  return parse_yaml(text, path.string(), schema);
}

}  // namespace dateline::core
