#include "core/schema.h"

#include <mutex>
#include <regex>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/calendar.h"
#include "core/error.h"

namespace dateline::core {

using nlohmann::json;

namespace {

std::string escape_pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string type_of(const json& v) {
  switch (v.type()) {
    case json::value_t::object:
      return "object";
    case json::value_t::array:
      return "array";
    case json::value_t::string:
      return "string";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::null:
      return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float:
      return "number";
    default:
      return "unknown";
  }
}

bool has_type(const json& v, const std::string& t) {
  const std::string actual = type_of(v);
  return actual == t || (t == "number" && actual == "integer");
}

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return make_date(std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2)))
      .has_value();
}

class Validator {
 public:
  Validator(const json& root, size_t max_issues) : root_(root), max_(max_issues) {}

  void check(const json& schema, const json& v, const std::string& at) {
    if (issues.size() >= max_) return;
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) add(at, "is not allowed here");
      return;
    }
    if (auto ref = schema.find("$ref"); ref != schema.end()) {
      follow(ref->get<std::string>(), v, at);
      if (schema.size() == 1) return;
    }
    if (!check_type(schema, v, at)) return;
    check_enum(schema, v, at);
    if (v.is_object()) check_object(schema, v, at);
    if (v.is_array()) check_array(schema, v, at);
    if (v.is_string()) check_string(schema, v.get<std::string>(), at);
    if (v.is_number()) check_number(schema, v.get<double>(), at);
    check_combinations(schema, v, at);
  }

  std::vector<SchemaIssue> issues;

 private:
  void add(const std::string& at, std::string message) {
    if (issues.size() < max_) issues.push_back({at.empty() ? "/" : at, std::move(message)});
  }

  // Follows a $ref: "#/$defs/x" within this document, "other.schema.json#/$defs/x" into another
  // schema file, whose own references then resolve within it.
  void follow(const std::string& ref, const json& v, const std::string& at) {
    const auto hash = ref.find('#');
    const std::string pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
    const auto target = [&](const json& doc) -> const json& {
      return pointer.empty() ? doc : doc.at(json::json_pointer(pointer));
    };
    if (hash == 0) {
      check(target(root_), v, at);
      return;
    }
    const json& doc = Schema::get(ref.substr(0, hash)).root();
    Validator other(doc, max_ - issues.size());
    other.check(target(doc), v, at);
    for (auto& issue : other.issues) add(issue.pointer, issue.message);
  }

  bool check_type(const json& schema, const json& v, const std::string& at) {
    auto t = schema.find("type");
    if (t == schema.end()) return true;
    std::vector<std::string> allowed;
    if (t->is_string())
      allowed.push_back(t->get<std::string>());
    else
      for (const auto& x : *t) allowed.push_back(x.get<std::string>());
    for (const auto& a : allowed)
      if (has_type(v, a)) return true;
    add(at, fmt::format("expected {}, found {}", fmt::join(allowed, " or "), type_of(v)));
    return false;
  }

  void check_enum(const json& schema, const json& v, const std::string& at) {
    if (auto c = schema.find("const"); c != schema.end() && *c != v)
      add(at, fmt::format("must be {}", c->dump()));
    auto e = schema.find("enum");
    if (e == schema.end()) return;
    for (const auto& x : *e)
      if (x == v) return;
    std::vector<std::string> names;
    for (const auto& x : *e) names.push_back(x.dump());
    add(at, fmt::format("{} is not one of {}", v.dump(), fmt::join(names, ", ")));
  }

  void check_object(const json& schema, const json& v, const std::string& at) {
    if (auto req = schema.find("required"); req != schema.end())
      for (const auto& key : *req)
        if (!v.contains(key.get<std::string>()))
          add(at, fmt::format("missing required key '{}'", key.get<std::string>()));
    const auto props = schema.find("properties");
    const auto extra = schema.find("additionalProperties");
    for (const auto& [key, value] : v.items()) {
      const std::string here = at + "/" + escape_pointer_token(key);
      if (props != schema.end() && props->contains(key)) {
        check((*props)[key], value, here);
      } else if (extra != schema.end()) {
        if (extra->is_boolean() && !extra->get<bool>()) {
          std::vector<std::string> known;
          if (props != schema.end())
            for (const auto& [k, _] : props->items()) known.push_back(k);
          add(here, fmt::format("unknown key '{}' (allowed: {})", key, fmt::join(known, ", ")));
        } else if (extra->is_object()) {
          check(*extra, value, here);
        }
      }
    }
  }

  void check_array(const json& schema, const json& v, const std::string& at) {
    if (auto n = schema.find("minItems"); n != schema.end() && v.size() < n->get<size_t>())
      add(at, fmt::format("needs at least {} items", n->get<size_t>()));
    if (auto n = schema.find("maxItems"); n != schema.end() && v.size() > n->get<size_t>())
      add(at, fmt::format("holds more than {} items", n->get<size_t>()));
    // prefixItems: a schema for each leading position (a tuple); items: for the rest.
    size_t first = 0;
    if (auto prefix = schema.find("prefixItems"); prefix != schema.end())
      for (; first < prefix->size() && first < v.size(); ++first)
        check((*prefix)[first], v[first], at + "/" + std::to_string(first));
    if (auto items = schema.find("items"); items != schema.end())
      for (size_t i = first; i < v.size(); ++i) check(*items, v[i], at + "/" + std::to_string(i));
  }

  void check_string(const json& schema, const std::string& s, const std::string& at) {
    if (auto n = schema.find("minLength"); n != schema.end() && s.size() < n->get<size_t>())
      add(at,
          s.empty() ? "must not be empty" : fmt::format("is shorter than {}", n->get<size_t>()));
    if (auto n = schema.find("maxLength"); n != schema.end() && s.size() > n->get<size_t>())
      add(at, fmt::format("is longer than {}", n->get<size_t>()));
    if (auto p = schema.find("pattern"); p != schema.end() && !matches(p->get<std::string>(), s))
      add(at, fmt::format("'{}' does not have the expected form ({})", s, p->get<std::string>()));
    if (auto f = schema.find("format"); f != schema.end() && *f == "date" && !valid_date(s))
      add(at, fmt::format("'{}' is not a calendar date (YYYY-MM-DD)", s));
  }

  void check_number(const json& schema, double x, const std::string& at) {
    if (auto n = schema.find("minimum"); n != schema.end() && x < n->get<double>())
      add(at, fmt::format("must be at least {}", n->dump()));
    if (auto n = schema.find("maximum"); n != schema.end() && x > n->get<double>())
      add(at, fmt::format("must be at most {}", n->dump()));
  }

  void check_combinations(const json& schema, const json& v, const std::string& at) {
    if (auto all = schema.find("allOf"); all != schema.end())
      for (const auto& s : *all) check(s, v, at);
    for (const char* key : {"anyOf", "oneOf"}) {
      auto alts = schema.find(key);
      if (alts == schema.end()) continue;
      size_t passing = 0;
      std::vector<SchemaIssue> first;
      for (const auto& s : *alts) {
        Validator sub(root_, max_);
        sub.check(s, v, at);
        if (sub.issues.empty())
          ++passing;
        else if (first.empty())
          first = sub.issues;
      }
      if (passing == 0) {
        for (auto& issue : first) add(issue.pointer, issue.message);
      } else if (std::string_view(key) == "oneOf" && passing > 1) {
        add(at, "matches more than one of the allowed forms");
      }
    }
  }

  bool matches(const std::string& pattern, const std::string& s) {
    static std::mutex mutex;
    static std::unordered_map<std::string, std::regex> cache;
    std::lock_guard lock(mutex);
    auto it = cache.find(pattern);
    if (it == cache.end()) it = cache.emplace(pattern, std::regex(pattern)).first;
    return std::regex_search(s, it->second);
  }

  const json& root_;
  size_t max_;
};

std::mutex g_schemas_mutex;
std::map<std::string, std::unique_ptr<Schema>, std::less<>>& schema_cache() {
  static std::map<std::string, std::unique_ptr<Schema>, std::less<>> cache;
  return cache;
}

std::shared_ptr<const json> parse_embedded(std::string_view name) {
  const auto& all = embedded_schemas();
  auto it = all.find(name);
  if (it == all.end()) throw Error(fmt::format("no schema named '{}'", name), {"schemas/"});
  return std::make_shared<const json>(json::parse(it->second));
}

}  // namespace

Schema::Schema(std::string name, std::shared_ptr<const json> root)
    : name_(std::move(name)), root_(std::move(root)) {}

const Schema& Schema::get(std::string_view name) {
  std::lock_guard lock(g_schemas_mutex);
  auto& cache = schema_cache();
  auto it = cache.find(name);
  if (it == cache.end())
    it = cache
             .emplace(std::string(name),
                      std::make_unique<Schema>(std::string(name), parse_embedded(name)))
             .first;
  return *it->second;
}

std::vector<SchemaIssue> Schema::validate(const json& instance, size_t max_issues) const {
  Validator v(*root_, max_issues);
  v.check(*root_, instance, "");
  return std::move(v.issues);
}

}  // namespace dateline::core
