#include "toml_text.hpp"

#include <cmath>
#include <cstdio>

#include "sluice/sdk/testing/options.hpp"

namespace sluice::sdk::testing::detail {
namespace {

std::string toml_double(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  std::string out = buf;
  // TOML reads "2" as an integer; a float needs a fraction or an exponent.
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

}  // namespace

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string toml_literal(const Value& value, std::string_view option) {
  if (value.is_null())
    throw OptionsError({"option '" + std::string(option) +
                        "': null cannot be written in TOML; leave the option out to get its default"});
  if (value.is_bool()) return value.as_bool() ? "true" : "false";
  if (value.is_int()) return std::to_string(value.as_int());
  if (value.is_double()) return toml_double(value.as_double());
  if (value.is_string()) return toml_string(value.as_string());
  std::string out;
  if (value.is_list()) {
    out = "[";
    for (const auto& item : value.as_list()) out += (out.size() > 1 ? ", " : "") + toml_literal(item, option);
    return out + "]";
  }
  out = "{";
  for (const auto& [key, item] : value.as_map())
    out += (out.size() > 1 ? ", " : " ") + toml_string(key) + " = " + toml_literal(item, option);
  return out + (out.size() > 1 ? " }" : "}");
}

}  // namespace sluice::sdk::testing::detail
