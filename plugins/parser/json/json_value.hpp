// Finding fields in a simdjson DOM and copying JSON into sdk::Value.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

#include "sluice/sdk/value.hpp"

namespace sluice::plugins::json {

// A field path as an option writes it: a member name ("headline"), a
// dotted path through nested objects ("meta.headline"), or a JSON Pointer
// ("/meta/headline", for names that contain dots). Compiled once.
class FieldPath {
 public:
  FieldPath() = default;
  explicit FieldPath(std::string_view spec);

  bool empty() const { return spec_.empty(); }
  const std::string& spec() const { return spec_; }
  // The last segment: the key a copied field gets in Article::fields.
  const std::string& name() const { return name_; }

  // The element at this path, or nothing when a segment is missing or
  // crosses a non-object. An empty path finds nothing.
  std::optional<simdjson::dom::element> find(simdjson::dom::element root) const;

 private:
  std::string spec_;
  std::string pointer_;  // RFC 6901 form of spec_
  std::string name_;
};

// A deep copy of `e` as a Value (objects as maps, big unsigned numbers as
// doubles).
sdk::Value to_value(simdjson::dom::element e);

// A string or a number, as text; nothing for anything else.
std::optional<std::string> scalar_text(simdjson::dom::element e);

}  // namespace sluice::plugins::json
