// The `lua` plugin descriptor. Options are shared with lua_parser.
#include "sluice/sdk/plugin.hpp"

#include "lua_enricher.hpp"
#include "sluice/lua/options.hpp"

SLUICE_PLUGIN(lua, sluice::plugins::lua::LuaEnricher, "lua", "1.0.0",
              "Runs a sandboxed Lua 5.4 script on each article: tag, filter (sluice.drop), rename or "
              "reshape fields",
              sluice::plugins::lua::kScriptOptions, 0)
