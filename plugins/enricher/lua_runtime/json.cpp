// sluice.json.encode(value) and sluice.json.decode(text). Encoding writes
// the same JSON the sinks write (the SDK's writer); decoding uses simdjson.
// JSON null decodes to sluice.null, so it survives a round trip.
#include "sluice/sdk/json.hpp"

#include <string>

#include "internal.hpp"
#include "json_decoder.hpp"
#include "sluice/lua/runtime.hpp"
#include "sluice/lua/values.hpp"

namespace sluice::plugins::lua {
namespace {

void push_element(lua_State* L, simdjson::dom::element e, int depth) {
  if (depth > 64) luaL_error(L, "sluice.json.decode: nested deeper than 64 levels");
  luaL_checkstack(L, 3, "sluice.json.decode");
  switch (e.type()) {
    case simdjson::dom::element_type::ARRAY: {
      auto array = e.get_array().value_unsafe();
      lua_createtable(L, static_cast<int>(array.size()), 0);
      lua_Integer i = 0;
      for (auto item : array) {
        push_element(L, item, depth + 1);
        lua_rawseti(L, -2, ++i);
      }
      return;
    }
    case simdjson::dom::element_type::OBJECT: {
      auto object = e.get_object().value_unsafe();
      lua_createtable(L, 0, static_cast<int>(object.size()));
      for (auto field : object) {
        lua_pushlstring(L, field.key.data(), field.key.size());
        push_element(L, field.value, depth + 1);
        lua_rawset(L, -3);
      }
      return;
    }
    case simdjson::dom::element_type::INT64: lua_pushinteger(L, e.get_int64().value_unsafe()); return;
    case simdjson::dom::element_type::UINT64:
      lua_pushnumber(L, static_cast<double>(e.get_uint64().value_unsafe()));
      return;
    case simdjson::dom::element_type::DOUBLE: lua_pushnumber(L, e.get_double().value_unsafe()); return;
    case simdjson::dom::element_type::STRING: {
      const std::string_view s = e.get_string().value_unsafe();
      lua_pushlstring(L, s.data(), s.size());
      return;
    }
    case simdjson::dom::element_type::BOOL: lua_pushboolean(L, e.get_bool().value_unsafe()); return;
    case simdjson::dom::element_type::NULL_VALUE: lua_pushlightuserdata(L, detail::null_sentinel()); return;
  }
}

int json_decode(lua_State* L) {
  std::size_t len = 0;
  const char* text = luaL_checklstring(L, 1, &len);
  simdjson::dom::element root;
  const auto error = Runtime::of(L).json().parser.parse(text, len).get(root);
  if (error) return luaL_error(L, "sluice.json.decode: %s", simdjson::error_message(error));
  push_element(L, root, 0);
  return 1;
}

int json_encode(lua_State* L) {
  luaL_checkany(L, 1);
  std::string path = "sluice.json.encode";
  const sdk::Value v = to_value(L, 1, path);
  std::string out;
  sdk::json::append_value(out, v);
  lua_pushlstring(L, out.data(), out.size());
  return 1;
}

}  // namespace

void detail::add_json_functions(lua_State* L) {
  static const luaL_Reg functions[] = {
      {"encode", &json_encode}, {"decode", &json_decode}, {nullptr, nullptr}};
  luaL_setfuncs(L, functions, 0);
}

}  // namespace sluice::plugins::lua
