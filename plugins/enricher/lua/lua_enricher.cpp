#include "lua_enricher.hpp"

namespace sluice::plugins::lua {

LuaEnricher::LuaEnricher(const sdk::StageInit& init) : script_(read_script_spec(init, "lua"), init.log) {}

void LuaEnricher::enrich(sdk::Article& article) {
  auto r = script_.enrich(article);
  switch (r.outcome) {
    case Outcome::Ok: return;
    case Outcome::Dropped: throw sdk::ArticleDropped(r.message);
    case Outcome::Failed: throw sdk::StageError(r.message + " (article " + article.id + ")");
  }
}

}  // namespace sluice::plugins::lua
