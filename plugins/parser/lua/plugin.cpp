// The `lua_parser` plugin descriptor. Options are shared with the `lua` enricher.
#include "sluice/sdk/plugin.hpp"

#include "lua_parser.hpp"
#include "sluice/lua/options.hpp"

SLUICE_PLUGIN(lua_parser, sluice::plugins::lua::LuaParser, "lua_parser", "1.0.0",
              "Runs a sandboxed Lua 5.4 script on each raw document; it returns or emits zero or more "
              "articles (custom formats without a compiler)",
              sluice::plugins::lua::kScriptOptions, 0)
