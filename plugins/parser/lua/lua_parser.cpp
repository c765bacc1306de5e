#include "lua_parser.hpp"

namespace sluice::plugins::lua {

LuaParser::LuaParser(const sdk::StageInit& init) : script_(read_script_spec(init, "lua_parser"), init.log) {}

void LuaParser::parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) {
  articles_.clear();
  const auto r = script_.parse(doc, articles_);
  switch (r.outcome) {
    case Outcome::Ok:
    case Outcome::Dropped:  // sluice.drop(): the document yields no article, on purpose
      for (auto& a : articles_) out.article(std::move(a));
      return;
    case Outcome::Failed: throw sdk::StageError(r.message + " (document " + doc.key + ")");
  }
}

}  // namespace sluice::plugins::lua
