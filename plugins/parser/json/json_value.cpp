#include "json_value.hpp"

#include <cstdint>

namespace sluice::plugins::json {

FieldPath::FieldPath(std::string_view spec) : spec_(spec) {
  if (spec.empty()) return;
  if (spec.front() == '/') {
    pointer_ = spec;
    name_ = spec.substr(spec.rfind('/') + 1);
    return;
  }
  // Dotted path -> JSON Pointer, escaping '~' and '/' inside names.
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t end = spec.find('.', start);
    if (end == std::string_view::npos) end = spec.size();
    const std::string_view segment = spec.substr(start, end - start);
    pointer_.push_back('/');
    for (const char c : segment) {
      if (c == '~')
        pointer_ += "~0";
      else if (c == '/')
        pointer_ += "~1";
      else
        pointer_.push_back(c);
    }
    name_ = segment;
    start = end + 1;
  }
}

std::optional<simdjson::dom::element> FieldPath::find(simdjson::dom::element root) const {
  if (spec_.empty()) return std::nullopt;
  simdjson::dom::element out;
  if (root.at_pointer(pointer_).get(out) != simdjson::SUCCESS) return std::nullopt;
  return out;
}

sdk::Value to_value(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::ARRAY: {
      sdk::List list;
      for (simdjson::dom::element item : simdjson::dom::array(e)) list.push_back(to_value(item));
      return list;
    }
    case element_type::OBJECT: {
      sdk::Map map;
      for (const auto field : simdjson::dom::object(e)) map[std::string(field.key)] = to_value(field.value);
      return map;
    }
    case element_type::INT64: return sdk::Value(static_cast<std::int64_t>(e.get_int64().value_unsafe()));
    case element_type::UINT64: return sdk::Value(static_cast<double>(e.get_uint64().value_unsafe()));
    case element_type::DOUBLE: return sdk::Value(e.get_double().value_unsafe());
    case element_type::STRING: return sdk::Value(std::string(e.get_string().value_unsafe()));
    case element_type::BOOL: return sdk::Value(e.get_bool().value_unsafe());
    case element_type::NULL_VALUE: return sdk::Value();
  }
  return sdk::Value();
}

std::optional<std::string> scalar_text(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::STRING: return std::string(e.get_string().value_unsafe());
    case element_type::INT64: return std::to_string(e.get_int64().value_unsafe());
    case element_type::UINT64: return std::to_string(e.get_uint64().value_unsafe());
    default: return std::nullopt;
  }
}

}  // namespace sluice::plugins::json
