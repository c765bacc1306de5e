#include "sluice/lua/script.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "sluice/lua/article_table.hpp"
#include "sluice/lua/values.hpp"
#include "sluice/sdk/article_id.hpp"
#include "sluice/sdk/paths.hpp"

namespace sluice::plugins::lua {
namespace {

std::string read_file(const std::filesystem::path& path, const std::string& who) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw sdk::StageError(who + ": cannot read script " + path.string() + ": " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// ---- set-up: compile, run the main chunk, contract, entry, init ----

struct SetUp {
  const ScriptSpec* spec = nullptr;
  int entry_ref = LUA_NOREF;
  Contract contract;
};

void read_name_list(lua_State* L, const char* script, const char* key, std::vector<std::string>& out) {
  const int type = lua_getfield(L, -1, key);
  if (type == LUA_TTABLE) {
    const auto n = static_cast<lua_Integer>(lua_rawlen(L, -1));
    for (lua_Integer i = 1; i <= n; ++i) {
      if (lua_rawgeti(L, -1, i) != LUA_TSTRING)
        luaL_error(L, "%s: contract.%s[%d] must be a field name (a string)", script, key,
                   static_cast<int>(i));
      out.emplace_back(lua_tostring(L, -1));
      lua_pop(L, 1);
    }
  } else if (type != LUA_TNIL) {
    luaL_error(L, "%s: contract.%s must be a list of field names", script, key);
  }
  lua_pop(L, 1);
}

int set_up(lua_State* L) {
  auto& s = *static_cast<SetUp*>(lua_touserdata(L, 1));
  const ScriptSpec& spec = *s.spec;
  if (luaL_loadbufferx(L, spec.text.data(), spec.text.size(), spec.chunk_name.c_str(), "t") != LUA_OK)
    return lua_error(L);  // "file:line: syntax error near ..."
  // sluice.params before the main chunk runs, so top-level code can read it.
  lua_getglobal(L, "sluice");
  push_value(L, spec.params);
  lua_setfield(L, -2, "params");
  lua_pop(L, 1);
  lua_call(L, 0, 0);

  if (lua_getglobal(L, "contract") == LUA_TTABLE) {
    s.contract.declared = true;
    read_name_list(L, spec.chunk_name.c_str() + 1, "reads", s.contract.reads);
    read_name_list(L, spec.chunk_name.c_str() + 1, "writes", s.contract.writes);
  } else if (!lua_isnil(L, -1)) {
    luaL_error(L, "%s: the global 'contract' must be a table { reads = {...}, writes = {...} }",
               spec.chunk_name.c_str() + 1);
  }
  lua_pop(L, 1);

  if (lua_getglobal(L, spec.entry.c_str()) != LUA_TFUNCTION) {
    luaL_error(L, "%s: the script defines no function '%s' (the stage's `function` option)",
               spec.chunk_name.c_str() + 1, spec.entry.c_str());
  }
  s.entry_ref = luaL_ref(L, LUA_REGISTRYINDEX);

  if (lua_getglobal(L, "init") == LUA_TFUNCTION) {
    lua_getglobal(L, "sluice");
    lua_getfield(L, -1, "params");
    lua_remove(L, -2);
    lua_call(L, 1, 0);
  } else {
    lua_pop(L, 1);
  }
  return 0;
}

// ---- per article ----

struct EnrichCall {
  int entry_ref;
  sdk::Article* article;
};

int enrich_driver(lua_State* L) {
  auto& c = *static_cast<EnrichCall*>(lua_touserdata(L, 1));
  LazyFields lazy{c.article, 0};
  push_article(L, lazy);                           // 2
  lua_rawgeti(L, LUA_REGISTRYINDEX, c.entry_ref);  // 3
  lua_pushvalue(L, 2);
  lua_call(L, 1, 0);
  read_article(L, 2, *c.article, lazy.touched);
  return 0;
}

// ---- per document ----

class Collector final : public Emitter {
 public:
  Collector(const sdk::RawDocument& doc, std::vector<sdk::Article>& out) : doc_(doc), out_(out) {}
  void emit(lua_State* L, int index) override {
    sdk::Article a;
    a.source_uri = doc_.uri;
    a.content_type = doc_.content_type;
    a.fetched_at_ms = doc_.fetched_at_ms;
    read_new_article(L, index, a);
    if (a.id.empty()) a.id = sdk::make_article_id(doc_.key, a);
    out_.push_back(std::move(a));
  }

 private:
  const sdk::RawDocument& doc_;
  std::vector<sdk::Article>& out_;
};

struct ParseCall {
  int entry_ref;
  const sdk::RawDocument* doc;
  std::vector<sdk::Article>* out;
};

int parse_driver(lua_State* L) {
  auto& c = *static_cast<ParseCall*>(lua_touserdata(L, 1));
  Collector collector(*c.doc, *c.out);
  Runtime::of(L).set_emitter(&collector);
  lua_rawgeti(L, LUA_REGISTRYINDEX, c.entry_ref);
  push_document(L, *c.doc);
  lua_call(L, 1, 1);
  Runtime::of(L).set_emitter(nullptr);
  const int result = lua_gettop(L);
  if (lua_isnil(L, result)) return 0;
  if (!lua_istable(L, result))
    return luaL_error(L, "the parser function must return an article table, a list of them or nil, not a %s",
                      luaL_typename(L, result));
  // A list of articles, or one article?
  const bool list = lua_rawlen(L, result) > 0 && lua_rawgeti(L, result, 1) == LUA_TTABLE;
  if (lua_rawlen(L, result) > 0) lua_pop(L, 1);
  if (!list) {
    collector.emit(L, result);
    return 0;
  }
  const auto n = static_cast<lua_Integer>(lua_rawlen(L, result));
  for (lua_Integer i = 1; i <= n; ++i) {
    if (lua_rawgeti(L, result, i) != LUA_TTABLE)
      return luaL_error(L, "the parser function returned a list whose item %d is not an article table",
                        static_cast<int>(i));
    collector.emit(L, lua_gettop(L));
    lua_pop(L, 1);
  }
  return 0;
}

}  // namespace

ScriptSpec read_script_spec(const sdk::StageInit& init, const char* plugin) {
  const auto& o = init.options;
  const std::string who = std::string(plugin) + " stage '" + init.name + "'";
  const bool has_script = !o.string("script").empty(), has_source = !o.string("source").empty();
  if (has_script == has_source)
    throw sdk::StageError(who + ": give either `script` (a Lua file) or `source` (the script inline)" +
                          (has_script ? ", not both" : ""));
  ScriptSpec spec;
  if (has_script) {
    spec.text = read_file(sdk::resolve_path(init, o.string("script")), who);
    spec.chunk_name = "@" + o.string("script");
  } else {
    spec.text = o.string("source");
    spec.chunk_name = "=" + init.name + " (inline source)";
  }
  spec.entry = o.string("function");
  spec.params = o.value("params");
  if (spec.params.is_null()) spec.params = sdk::Map{};
  if (!spec.params.is_map()) throw sdk::StageError(who + ": `params` must be a table");
  spec.limits.timeout = o.duration("timeout");
  spec.limits.instructions = static_cast<std::uint64_t>(o.integer("instruction_limit"));
  spec.limits.memory_bytes = o.size("memory_limit");
  if (spec.limits.timeout.count() <= 0) throw sdk::StageError(who + ": `timeout` must be positive");
  if (o.integer("instruction_limit") <= 0)
    throw sdk::StageError(who + ": `instruction_limit` must be positive");
  if (spec.limits.memory_bytes < (256u << 10))
    throw sdk::StageError(who + ": `memory_limit` must be at least 256KiB");
  return spec;
}

Script::Script(const ScriptSpec& spec, sdk::Log* log)
    : runtime_(spec.limits, log),
      chunk_name_(spec.chunk_name.empty() ? std::string() : spec.chunk_name.substr(1)) {
  SetUp s;
  s.spec = &spec;
  const auto r = runtime_.run(&set_up, &s);
  if (r.outcome != Outcome::Ok)
    throw sdk::StageError(r.outcome == Outcome::Dropped ? chunk_name_ + ": sluice.drop() called while loading"
                                                        : r.message);
  entry_ref_ = s.entry_ref;
  contract_ = std::move(s.contract);
}

Script::~Script() = default;

CallResult Script::located(CallResult r) const {
  // Errors raised where no script line is known (a single allocation over
  // the memory cap, a wrong type written back) still name the script.
  if (r.outcome == Outcome::Failed && !r.message.starts_with(chunk_name_ + ":"))
    r.message = chunk_name_ + ": " + r.message;
  return r;
}

CallResult Script::enrich(sdk::Article& article) {
  EnrichCall c{entry_ref_, &article};
  return located(runtime_.run(&enrich_driver, &c));
}

CallResult Script::parse(const sdk::RawDocument& doc, std::vector<sdk::Article>& out) {
  const auto before = out.size();
  ParseCall c{entry_ref_, &doc, &out};
  auto r = located(runtime_.run(&parse_driver, &c));
  if (r.outcome != Outcome::Ok) out.resize(before);  // no half documents
  return r;
}

}  // namespace sluice::plugins::lua
