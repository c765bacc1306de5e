#include "sluice/lua/article_table.hpp"

#include <cstring>
#include <string>

#include "sluice/lua/runtime.hpp"
#include "sluice/lua/values.hpp"
#include "sluice/sdk/article_id.hpp"

namespace sluice::plugins::lua {
namespace {

void set_string(lua_State* L, const char* key, const std::string& s) {
  lua_pushlstring(L, s.data(), s.size());
  lua_setfield(L, -2, key);
}

void push_keywords(lua_State* L, const sdk::Article& a) {
  lua_createtable(L, static_cast<int>(a.keywords.size()), 0);
  lua_Integer i = 0;
  for (const auto& k : a.keywords) {
    lua_createtable(L, 0, 2);
    set_string(L, "term", k.term);
    lua_pushnumber(L, k.score);
    lua_setfield(L, -2, "score");
    lua_rawseti(L, -2, ++i);
  }
}

void push_entities(lua_State* L, const sdk::Article& a) {
  lua_createtable(L, static_cast<int>(a.entities.size()), 0);
  lua_Integer i = 0;
  for (const auto& e : a.entities) {
    lua_createtable(L, 0, 3);
    set_string(L, "name", e.name);
    lua_pushstring(L, sdk::to_string(e.type));
    lua_setfield(L, -2, "type");
    lua_pushinteger(L, static_cast<lua_Integer>(e.mentions.size()));
    lua_setfield(L, -2, "mentions");
    lua_rawseti(L, -2, ++i);
  }
}

void push_quotes(lua_State* L, const sdk::Article& a) {
  lua_createtable(L, static_cast<int>(a.quotes.size()), 0);
  lua_Integer i = 0;
  for (const auto& q : a.quotes) {
    lua_createtable(L, 0, 3);
    set_string(L, "text", q.text);
    set_string(L, "speaker", q.speaker);
    lua_pushinteger(L, q.paragraph);
    lua_setfield(L, -2, "paragraph");
    lua_rawseti(L, -2, ++i);
  }
}

void push_readability(lua_State* L, const sdk::Article& a) {
  if (!a.readability) {
    lua_pushnil(L);
    return;
  }
  lua_createtable(L, 0, 4);
  lua_pushinteger(L, a.readability->words);
  lua_setfield(L, -2, "words");
  lua_pushinteger(L, a.readability->sentences);
  lua_setfield(L, -2, "sentences");
  lua_pushnumber(L, a.readability->reading_minutes);
  lua_setfield(L, -2, "reading_minutes");
  lua_pushnumber(L, a.readability->flesch_reading_ease);
  lua_setfield(L, -2, "flesch_reading_ease");
}

void push_string_list(lua_State* L, const std::vector<std::string>& list) {
  lua_createtable(L, static_cast<int>(list.size()), 0);
  lua_Integer i = 0;
  for (const auto& s : list) {
    lua_pushlstring(L, s.data(), s.size());
    lua_rawseti(L, -2, ++i);
  }
}

void push_fields(lua_State* L, const sdk::Article& a) {
  push_value(L, a.fields.is_null() ? sdk::Value(sdk::Map{}) : a.fields);
}

// The lazily loaded fields: name, bit in LazyFields::touched, loader.
struct Lazy {
  const char* name;
  unsigned bit;
  void (*push)(lua_State*, const sdk::Article&);
};
constexpr Lazy kLazy[] = {
    {"body", 1u << 0, [](lua_State* L, const sdk::Article& a) { push_string_list(L, a.body); }},
    {"authors", 1u << 1, [](lua_State* L, const sdk::Article& a) { push_string_list(L, a.authors); }},
    {"fields", 1u << 2, &push_fields},
    {"keywords", 1u << 3, &push_keywords},
    {"entities", 1u << 4, &push_entities},
    {"quotes", 1u << 5, &push_quotes},
    {"readability", 1u << 6, &push_readability},
};
constexpr unsigned kBody = 1u << 0, kAuthors = 1u << 1, kFields = 1u << 2;

// Keys of the registry and of the article table; their addresses are the keys.
constexpr char kMetatableKey = 0;
constexpr char kLazyKey = 0;

const Lazy* lazy_named(lua_State* L, int key_index) {
  if (lua_type(L, key_index) != LUA_TSTRING) return nullptr;
  const char* key = lua_tostring(L, key_index);
  for (const auto& l : kLazy)
    if (std::strcmp(l.name, key) == 0) return &l;
  return nullptr;
}

// The LazyFields of the article table at 1, or nullptr when the table is
// from an earlier call.
LazyFields* lazy_of(lua_State* L) {
  const auto& runtime = Runtime::of(L);
  lua_rawgetp(L, 1, &kLazyKey);
  const bool current =
      lua_isinteger(L, -1) && static_cast<std::uint64_t>(lua_tointeger(L, -1)) == runtime.call_number();
  lua_pop(L, 1);
  return current ? static_cast<LazyFields*>(runtime.current_article()) : nullptr;
}

// __index(article, key): loads a lazy field once and keeps it in the table.
int load_lazy(lua_State* L) {
  const Lazy* l = lazy_named(L, 2);
  LazyFields* lazy = l != nullptr ? lazy_of(L) : nullptr;
  if (lazy == nullptr) return 0;
  l->push(L, *lazy->article);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, -2);
  lua_rawset(L, 1);
  lazy->touched |= l->bit;
  return 1;
}

// __newindex(article, key, value): an assignment to a lazy field not yet
// loaded counts as touching it (`article.body = nil` clears the body).
int store_lazy(lua_State* L) {
  if (const Lazy* l = lazy_named(L, 2)) {
    if (LazyFields* lazy = lazy_of(L)) lazy->touched |= l->bit;
  }
  lua_rawset(L, 1);
  return 0;
}

void push_metatable(lua_State* L) {
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &kMetatableKey) == LUA_TTABLE) return;
  lua_pop(L, 1);
  lua_createtable(L, 0, 2);
  lua_pushcfunction(L, &load_lazy);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, &store_lazy);
  lua_setfield(L, -2, "__newindex");
  // Shared by every article table of the state: a script may not see or
  // replace it (getmetatable returns false, setmetatable fails).
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pushvalue(L, -1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &kMetatableKey);
}

// t[key] without metamethods, left on the stack; returns its type.
int raw_field(lua_State* L, int index, const char* key) {
  lua_pushstring(L, key);
  return lua_rawget(L, index);
}

[[noreturn]] void wrong_type(lua_State* L, const char* key, const char* want) {
  luaL_error(L, "article.%s must be %s, not a %s", key, want, luaL_typename(L, -1));
  std::abort();  // luaL_error does not return
}

// A string field: nil clears it. Assigned only when it changed, so an
// untouched 4 KB paragraph is compared, not copied.
void read_string(lua_State* L, int index, const char* key, std::string& out) {
  const int type = raw_field(L, index, key);
  if (type == LUA_TNIL) {
    out.clear();
  } else if (type == LUA_TSTRING || type == LUA_TNUMBER) {
    std::size_t len = 0;
    const char* s = lua_tolstring(L, -1, &len);
    if (out.size() != len || std::memcmp(out.data(), s, len) != 0) out.assign(s, len);
  } else {
    wrong_type(L, key, "a string");
  }
  lua_pop(L, 1);
}

// A list of strings: nil clears it, a single string is a list of one.
void read_strings(lua_State* L, int index, const char* key, std::vector<std::string>& out) {
  const int type = raw_field(L, index, key);
  if (type == LUA_TNIL) {
    out.clear();
  } else if (type == LUA_TSTRING) {
    std::size_t len = 0;
    const char* s = lua_tolstring(L, -1, &len);
    out.assign(1, std::string(s, len));
  } else if (type == LUA_TTABLE) {
    const auto n = static_cast<std::size_t>(lua_rawlen(L, -1));
    out.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const int t = lua_rawgeti(L, -1, static_cast<lua_Integer>(i + 1));
      if (t != LUA_TSTRING && t != LUA_TNUMBER) {
        luaL_error(L, "article.%s[%d] must be a string, not a %s", key, static_cast<int>(i + 1),
                   luaL_typename(L, -1));
      }
      std::size_t len = 0;
      const char* s = lua_tolstring(L, -1, &len);
      auto& item = out[i];
      if (item.size() != len || std::memcmp(item.data(), s, len) != 0) item.assign(s, len);
      lua_pop(L, 1);
    }
  } else {
    wrong_type(L, key, "a list of strings");
  }
  lua_pop(L, 1);
}

void read_fields(lua_State* L, int index, sdk::Article& a) {
  const int type = raw_field(L, index, "fields");
  if (type == LUA_TNIL) {
    a.fields = sdk::Map{};
  } else if (type == LUA_TTABLE) {
    std::string path = "article.fields";
    auto v = to_value(L, -1, path);
    if (v.is_list()) luaL_error(L, "article.fields must be a table with string keys, not a list");
    a.fields = std::move(v);
  } else {
    wrong_type(L, "fields", "a table");
  }
  lua_pop(L, 1);
}

}  // namespace

void push_article(lua_State* L, LazyFields& lazy) {
  const sdk::Article& a = *lazy.article;
  lua_createtable(L, 0, 16);
  set_string(L, "id", a.id);
  set_string(L, "source_uri", a.source_uri);
  set_string(L, "content_type", a.content_type);
  lua_pushinteger(L, a.fetched_at_ms);
  lua_setfield(L, -2, "fetched_at");
  set_string(L, "title", a.title);
  set_string(L, "published", a.published);
  set_string(L, "published_raw", a.published_raw);
  set_string(L, "caption", a.caption);
  set_string(L, "credit", a.credit);
  set_string(L, "language", a.language);
  if (a.simhash) set_string(L, "simhash", sdk::hex64(*a.simhash));
  lua_pushinteger(L, static_cast<lua_Integer>(Runtime::of(L).call_number()));
  lua_rawsetp(L, -2, &kLazyKey);
  push_metatable(L);
  lua_setmetatable(L, -2);
  Runtime::of(L).set_current_article(&lazy);
}

void read_article(lua_State* L, int index, sdk::Article& a, unsigned touched) {
  index = lua_absindex(L, index);
  read_string(L, index, "title", a.title);
  read_string(L, index, "published", a.published);
  read_string(L, index, "published_raw", a.published_raw);
  read_string(L, index, "caption", a.caption);
  read_string(L, index, "credit", a.credit);
  read_string(L, index, "language", a.language);
  if (touched & kAuthors) read_strings(L, index, "authors", a.authors);
  if (touched & kBody) read_strings(L, index, "body", a.body);
  if (touched & kFields) read_fields(L, index, a);
}

void read_new_article(lua_State* L, int index, sdk::Article& a) {
  index = lua_absindex(L, index);
  read_article(L, index, a, ~0u);
  for (auto [key, field] : {std::pair{"id", &a.id}, std::pair{"source_uri", &a.source_uri},
                            std::pair{"content_type", &a.content_type}}) {
    if (raw_field(L, index, key) != LUA_TNIL) {
      lua_pop(L, 1);
      read_string(L, index, key, *field);
    } else {
      lua_pop(L, 1);
    }
  }
  if (raw_field(L, index, "fetched_at") != LUA_TNIL) {
    if (!lua_isinteger(L, -1)) wrong_type(L, "fetched_at", "an integer (milliseconds since 1970)");
    a.fetched_at_ms = lua_tointeger(L, -1);
  }
  lua_pop(L, 1);
}

void push_document(lua_State* L, const sdk::RawDocument& doc) {
  lua_createtable(L, 0, 6);
  set_string(L, "uri", doc.uri);
  set_string(L, "key", doc.key);
  set_string(L, "content_type", doc.content_type);
  set_string(L, "bytes", doc.bytes);
  lua_pushinteger(L, doc.fetched_at_ms);
  lua_setfield(L, -2, "fetched_at");
  push_value(L, doc.meta.is_null() ? sdk::Value(sdk::Map{}) : doc.meta);
  lua_setfield(L, -2, "meta");
}

}  // namespace sluice::plugins::lua
