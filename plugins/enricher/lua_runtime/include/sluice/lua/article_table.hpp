// The article as a Lua table, and back. Only inside Runtime::run().
//
// Read and write: title, published, published_raw, authors, caption,
// credit, body, language, fields. Read only (copies; changes are not taken
// back): id, source_uri, content_type, fetched_at, keywords, entities,
// quotes, simhash, readability. A parser script may set every core field,
// id included.
#pragma once

#include <lua.hpp>

#include "sluice/sdk/article.hpp"

namespace sluice::plugins::lua {

// The list and table fields (body, authors, fields, keywords, entities,
// quotes, readability) are loaded on first access, by a metatable: a
// script that never reads the body does not pay for copying it. `lazy`
// records which were loaded or assigned; it must outlive the call.
struct LazyFields {
  const sdk::Article* article = nullptr;
  unsigned touched = 0;
};
void push_article(lua_State* L, LazyFields& lazy);

// Takes the writable fields of the table at `index` back into `a`: the
// scalar ones always, the lazy ones only when `touched` says the script
// loaded or assigned them. Raises a Lua error naming the field when one
// has the wrong type.
void read_article(lua_State* L, int index, sdk::Article& a, unsigned touched);

// A parser's article: read_article() plus id, source_uri, content_type and
// fetched_at, each kept from `a` when the table leaves it nil.
void read_new_article(lua_State* L, int index, sdk::Article& a);

// The raw document as a table: uri, key, content_type, bytes, fetched_at, meta.
void push_document(lua_State* L, const sdk::RawDocument& doc);

}  // namespace sluice::plugins::lua
