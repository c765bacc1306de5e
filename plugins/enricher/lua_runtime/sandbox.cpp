// The standard library a script gets: base (without the loaders), string,
// table, math, utf8 and a few os time functions. Left out on purpose:
// io, os.execute/exit/getenv/remove/rename/tmpname/setlocale, package and
// require (no C modules), debug (could break out of every limit), dofile,
// loadfile, collectgarbage, string.dump, and coroutine (a coroutine runs on
// its own Lua thread, outside the per-call hook bookkeeping).
#include <cstring>

#include "internal.hpp"
#include "sluice/lua/runtime.hpp"

namespace sluice::plugins::lua::detail {
namespace {

void open(lua_State* L, const char* name, lua_CFunction f) {
  luaL_requiref(L, name, f, 1);
  lua_pop(L, 1);
}

void remove_fields(lua_State* L, const char* table, std::initializer_list<const char*> names) {
  lua_getglobal(L, table);
  for (const char* n : names) {
    lua_pushnil(L);
    lua_setfield(L, -2, n);
  }
  lua_pop(L, 1);
}

// os keeps only clock, date, difftime and time.
void restrict_os(lua_State* L) {
  lua_getglobal(L, "os");
  lua_newtable(L);
  for (const char* n : {"clock", "date", "difftime", "time"}) {
    lua_getfield(L, -2, n);
    lua_setfield(L, -2, n);
  }
  lua_setglobal(L, "os");
  lua_pop(L, 1);
}

// load(chunk [, name [, mode [, env]]]) with mode forced to "t": source
// text only, never precompiled bytecode (which can corrupt the VM).
int load_text_only(lua_State* L) {
  lua_settop(L, 4);
  if (!lua_isnil(L, 3) && std::strcmp(luaL_checkstring(L, 3), "t") != 0)
    return luaL_error(L, "load: only text chunks are allowed (mode \"t\")");
  lua_pushstring(L, "t");
  lua_replace(L, 3);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, 4, LUA_MULTRET);
  return lua_gettop(L);
}

// pcall/xpcall that cannot swallow the end of a call: after sluice.drop()
// or a broken limit the error goes on up instead of returning false.
int finish_protected(lua_State* L, int status, int first_result) {
  if (status != LUA_OK && Runtime::of(L).unwinding()) return lua_error(L);
  lua_pushboolean(L, status == LUA_OK);
  lua_insert(L, first_result);
  return lua_gettop(L) - first_result + 1;
}

int safe_pcall(lua_State* L) {
  luaL_checkany(L, 1);
  const int status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
  return finish_protected(L, status, 1);
}

int safe_xpcall(lua_State* L) {
  const int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 1);  // f
  lua_copy(L, 2, 1);    // handler to 1
  lua_replace(L, 2);    // f to 2
  const int status = lua_pcall(L, n - 2, LUA_MULTRET, 1);
  return finish_protected(L, status, 2);
}

// __index of a restricted table: a name the sandbox removed raises a clear
// error at the script's line ("os.execute is not available ..."), any
// other missing name is nil as usual. Upvalue 1: the table's name for
// messages ("" for globals).
int refuse_removed(lua_State* L) {
  static constexpr const char* kRemoved[] = {
      "io",  "debug",   "package", "require", "dofile", "loadfile", "collectgarbage", "coroutine", "ffi",
      "jit", "execute", "exit",    "getenv",  "remove", "rename",   "tmpname",        "setlocale", "dump"};
  const char* key = lua_tostring(L, 2);
  if (key != nullptr && lua_type(L, 2) == LUA_TSTRING) {
    for (const char* removed : kRemoved) {
      if (std::strcmp(key, removed) == 0) {
        const char* table = lua_tostring(L, lua_upvalueindex(1));
        return luaL_error(L,
                          "%s%s%s is not available in sluice scripts (sandbox: no files, processes, "
                          "environment, C modules or debug access)",
                          table, *table ? "." : "", key);
      }
    }
  }
  return 0;
}

void guard(lua_State* L, const char* global, const char* label) {
  lua_getglobal(L, global);
  lua_createtable(L, 0, 1);
  lua_pushstring(L, label);
  lua_pushcclosure(L, &refuse_removed, 1);
  lua_setfield(L, -2, "__index");
  lua_setmetatable(L, -2);
  lua_pop(L, 1);
}

// print(...) goes to the stage's log, as sluice.log does.
int print_to_log(lua_State* L) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  const int n = lua_gettop(L);
  for (int i = 1; i <= n; ++i) {
    if (i > 1) luaL_addchar(&b, ' ');
    luaL_tolstring(L, i, nullptr);
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
  if (auto* log = Runtime::of(L).log()) log->info(lua_tostring(L, -1));
  return 0;
}

}  // namespace

void open_sandbox(lua_State* L) {
  open(L, LUA_GNAME, luaopen_base);
  open(L, LUA_STRLIBNAME, luaopen_string);
  open(L, LUA_TABLIBNAME, luaopen_table);
  open(L, LUA_MATHLIBNAME, luaopen_math);
  open(L, LUA_UTF8LIBNAME, luaopen_utf8);
  open(L, LUA_OSLIBNAME, luaopen_os);
  restrict_os(L);
  remove_fields(L, LUA_GNAME, {"dofile", "loadfile", "collectgarbage", "require"});
  remove_fields(L, LUA_STRLIBNAME, {"dump"});

  lua_getglobal(L, "load");
  lua_pushcclosure(L, &load_text_only, 1);
  lua_setglobal(L, "load");
  lua_register(L, "pcall", &safe_pcall);
  lua_register(L, "xpcall", &safe_xpcall);
  lua_register(L, "print", &print_to_log);
  guard(L, LUA_GNAME, "");
  guard(L, LUA_OSLIBNAME, "os");
  guard(L, LUA_STRLIBNAME, "string");
}

}  // namespace sluice::plugins::lua::detail
