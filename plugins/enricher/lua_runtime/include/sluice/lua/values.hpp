// sdk::Value <-> Lua values. Maps become tables with string keys, lists
// sequences (1..n), null the sluice.null sentinel. Call these only inside
// Runtime::run(): they may raise Lua errors.
#pragma once

#include <lua.hpp>
#include <string>

#include "sluice/sdk/value.hpp"

namespace sluice::plugins::lua {

void push_value(lua_State* L, const sdk::Value& v);

// Converts the Lua value at `index`. A table whose keys are exactly 1..n
// (n > 0) becomes a list, any other table a map, which needs string keys;
// an empty table is an empty map. Functions, userdata and cycles raise an
// error naming `path` (e.g. "fields.tags[2]").
sdk::Value to_value(lua_State* L, int index, std::string& path);

}  // namespace sluice::plugins::lua
