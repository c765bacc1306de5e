// The global `sluice` table every script sees.
#include <string>

#include "internal.hpp"
#include "sluice/lua/runtime.hpp"

namespace sluice::plugins::lua::detail {
namespace {

// Its address is the sentinel; the byte is never written.
constexpr char kNull = 0;

// The arguments joined by spaces, tostring() applied to each.
std::string joined(lua_State* L) {
  std::string out;
  const int n = lua_gettop(L);
  for (int i = 1; i <= n; ++i) {
    if (i > 1) out.push_back(' ');
    std::size_t len = 0;
    const char* s = luaL_tolstring(L, i, &len);
    out.append(s, len);
    lua_pop(L, 1);
  }
  return out;
}

int log_info(lua_State* L) {
  const std::string m = joined(L);
  if (auto* log = Runtime::of(L).log()) log->info(m);
  return 0;
}

int log_warn(lua_State* L) {
  const std::string m = joined(L);
  if (auto* log = Runtime::of(L).log()) log->warn(m);
  return 0;
}

// sluice.drop([reason]): the article goes no further; counted as dropped,
// not failed, and not dead-lettered.
int drop(lua_State* L) {
  std::string reason = luaL_optstring(L, 1, "dropped by the script");
  Runtime::of(L).drop(L, std::move(reason));
}

// sluice.fail(reason): the article (or, in a parser, the document) fails
// and goes to the dead-letter store, with the calling line.
int fail(lua_State* L) {
  const char* reason = luaL_optstring(L, 1, "failed by the script");
  luaL_where(L, 1);
  lua_pushstring(L, reason);
  lua_concat(L, 2);
  return lua_error(L);
}

int emit(lua_State* L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  Emitter* e = Runtime::of(L).emitter();
  if (e == nullptr)
    return luaL_error(
        L, "sluice.emit() is for lua_parser scripts; an enricher changes the one article it is given");
  e->emit(L, 1);
  return 0;
}

}  // namespace

void* null_sentinel() { return const_cast<char*>(&kNull); }

void open_helpers(lua_State* L) {
  static const luaL_Reg functions[] = {
      {"log", &log_info}, {"warn", &log_warn}, {"drop", &drop},
      {"fail", &fail},    {"emit", &emit},     {nullptr, nullptr},
  };
  luaL_newlib(L, functions);
  lua_pushlightuserdata(L, null_sentinel());
  lua_setfield(L, -2, "null");
  lua_newtable(L);
  add_regex_functions(L);
  lua_setfield(L, -2, "re");
  lua_newtable(L);
  add_json_functions(L);
  lua_setfield(L, -2, "json");
  lua_setglobal(L, "sluice");
}

}  // namespace sluice::plugins::lua::detail
