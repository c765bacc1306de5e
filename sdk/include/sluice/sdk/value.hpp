// A JSON-like value tree: null, bool, int, double, string, list, map.
// Used for the article's open `fields` extension map and for option values.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

namespace sluice::sdk {

class Value;
using List = std::vector<Value>;
// Ordered map so serialisation is deterministic (golden files stay stable).
using Map = std::map<std::string, Value, std::less<>>;

class Value {
 public:
  using Storage =
      std::variant<std::nullptr_t, bool, std::int64_t, double, std::string, List, Map>;

  Value() : v_(nullptr) {}
  Value(std::nullptr_t) : v_(nullptr) {}
  Value(bool b) : v_(b) {}
  Value(int i) : v_(static_cast<std::int64_t>(i)) {}
  Value(std::int64_t i) : v_(i) {}
  Value(double d) : v_(d) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(List l) : v_(std::move(l)) {}
  Value(Map m) : v_(std::move(m)) {}

  bool is_null() const { return std::holds_alternative<std::nullptr_t>(v_); }
  bool is_bool() const { return std::holds_alternative<bool>(v_); }
  bool is_int() const { return std::holds_alternative<std::int64_t>(v_); }
  bool is_double() const { return std::holds_alternative<double>(v_); }
  bool is_string() const { return std::holds_alternative<std::string>(v_); }
  bool is_list() const { return std::holds_alternative<List>(v_); }
  bool is_map() const { return std::holds_alternative<Map>(v_); }

  bool as_bool() const { return get<bool>("bool"); }
  std::int64_t as_int() const { return get<std::int64_t>("int"); }
  double as_double() const {
    if (is_int()) return static_cast<double>(as_int());
    return get<double>("double");
  }
  const std::string& as_string() const { return get<std::string>("string"); }
  const List& as_list() const { return get<List>("list"); }
  List& as_list() { return get<List>("list"); }
  const Map& as_map() const { return get<Map>("map"); }
  Map& as_map() { return get<Map>("map"); }

  // Map access; a null value becomes an empty map on first write.
  Value& operator[](std::string_view key) {
    if (is_null()) v_ = Map{};
    auto& m = as_map();
    auto it = m.find(key);
    if (it == m.end()) it = m.emplace(std::string(key), Value{}).first;
    return it->second;
  }
  // Returns nullptr when this is not a map or the key is absent.
  const Value* find(std::string_view key) const {
    if (!is_map()) return nullptr;
    auto it = as_map().find(key);
    return it == as_map().end() ? nullptr : &it->second;
  }

  const Storage& storage() const { return v_; }
  friend bool operator==(const Value&, const Value&) = default;

 private:
  template <class T>
  const T& get(const char* want) const {
    if (auto* p = std::get_if<T>(&v_)) return *p;
    throw std::logic_error(std::string("sluice::sdk::Value is not a ") + want);
  }
  template <class T>
  T& get(const char* want) {
    if (auto* p = std::get_if<T>(&v_)) return *p;
    throw std::logic_error(std::string("sluice::sdk::Value is not a ") + want);
  }

  Storage v_;
};

}  // namespace sluice::sdk
