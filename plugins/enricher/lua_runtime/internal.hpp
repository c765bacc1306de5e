// Declarations shared by the runtime's own files (not part of its API).
#pragma once

#include <lua.hpp>
#include <string>

#include "sluice/sdk/value.hpp"

namespace sluice::plugins::lua::detail {

// Registers the restricted standard library (see sandbox.cpp).
void open_sandbox(lua_State* L);
// Registers the global `sluice` table (see helpers.cpp).
void open_helpers(lua_State* L);
// Adds sluice.re / sluice.json to the table on top of the stack.
void add_regex_functions(lua_State* L);
void add_json_functions(lua_State* L);

// The light userdata that stands for JSON null in tables (sluice.null).
void* null_sentinel();

}  // namespace sluice::plugins::lua::detail
