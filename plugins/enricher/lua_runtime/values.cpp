#include "sluice/lua/values.hpp"

#include "internal.hpp"

namespace sluice::plugins::lua {
namespace {

constexpr int kMaxDepth = 64;

[[noreturn]] void fail(lua_State* L, const std::string& path, const char* what) {
  luaL_error(L, "%s: %s", path.c_str(), what);
  std::abort();  // luaL_error does not return
}

sdk::Value convert(lua_State* L, int index, std::string& path, int depth);

// Keys exactly 1..n with n > 0.
bool is_sequence(lua_State* L, int index, lua_Integer& n) {
  n = static_cast<lua_Integer>(lua_rawlen(L, index));
  if (n == 0) return false;
  lua_Integer keys = 0;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    lua_pop(L, 1);
    if (!lua_isinteger(L, -1)) {
      lua_pop(L, 1);
      return false;
    }
    const lua_Integer k = lua_tointeger(L, -1);
    if (k < 1 || k > n) {
      lua_pop(L, 1);
      return false;
    }
    ++keys;
  }
  return keys == n;
}

sdk::Value convert_table(lua_State* L, int index, std::string& path, int depth) {
  if (depth > kMaxDepth) fail(L, path, "tables nested too deeply (a table that contains itself?)");
  luaL_checkstack(L, 4, "nested tables");
  lua_Integer n = 0;
  const std::size_t path_size = path.size();
  if (is_sequence(L, index, n)) {
    sdk::List list;
    list.reserve(static_cast<std::size_t>(n));
    for (lua_Integer i = 1; i <= n; ++i) {
      lua_rawgeti(L, index, i);
      path.append("[").append(std::to_string(i)).append("]");
      list.push_back(convert(L, lua_gettop(L), path, depth + 1));
      path.resize(path_size);
      lua_pop(L, 1);
    }
    return list;
  }
  sdk::Map map;
  lua_pushnil(L);
  while (lua_next(L, index) != 0) {
    if (lua_type(L, -2) != LUA_TSTRING) {
      lua_pop(L, 2);
      fail(L, path, "a table stored as a map needs string keys (or exactly the keys 1..n for a list)");
    }
    std::size_t len = 0;
    const char* key = lua_tolstring(L, -2, &len);
    path.append(".").append(key, len);
    map.insert_or_assign(std::string(key, len), convert(L, lua_gettop(L), path, depth + 1));
    path.resize(path_size);
    lua_pop(L, 1);
  }
  return map;
}

sdk::Value convert(lua_State* L, int index, std::string& path, int depth) {
  switch (lua_type(L, index)) {
    case LUA_TNIL: return nullptr;
    case LUA_TBOOLEAN: return static_cast<bool>(lua_toboolean(L, index));
    case LUA_TNUMBER:
      if (lua_isinteger(L, index)) return static_cast<std::int64_t>(lua_tointeger(L, index));
      return static_cast<double>(lua_tonumber(L, index));
    case LUA_TSTRING: {
      std::size_t len = 0;
      const char* s = lua_tolstring(L, index, &len);
      return std::string(s, len);
    }
    case LUA_TTABLE: return convert_table(L, index, path, depth);
    case LUA_TLIGHTUSERDATA:
      if (lua_touserdata(L, index) == detail::null_sentinel()) return nullptr;
      break;
    default: break;
  }
  const std::string what = std::string("cannot store a ") + luaL_typename(L, index) + " value";
  fail(L, path, what.c_str());
}

}  // namespace

void push_value(lua_State* L, const sdk::Value& v) {
  luaL_checkstack(L, 3, "nested values");
  if (v.is_null()) {
    lua_pushlightuserdata(L, detail::null_sentinel());
  } else if (v.is_bool()) {
    lua_pushboolean(L, v.as_bool());
  } else if (v.is_int()) {
    lua_pushinteger(L, v.as_int());
  } else if (v.is_double()) {
    lua_pushnumber(L, v.as_double());
  } else if (v.is_string()) {
    lua_pushlstring(L, v.as_string().data(), v.as_string().size());
  } else if (v.is_list()) {
    const auto& list = v.as_list();
    lua_createtable(L, static_cast<int>(list.size()), 0);
    lua_Integer i = 0;
    for (const auto& item : list) {
      push_value(L, item);
      lua_rawseti(L, -2, ++i);
    }
  } else {
    const auto& map = v.as_map();
    lua_createtable(L, 0, static_cast<int>(map.size()));
    for (const auto& [key, item] : map) {
      lua_pushlstring(L, key.data(), key.size());
      push_value(L, item);
      lua_rawset(L, -3);
    }
  }
}

sdk::Value to_value(lua_State* L, int index, std::string& path) {
  return convert(L, lua_absindex(L, index), path, 0);
}

}  // namespace sluice::plugins::lua
