// The `lua_parser` parser: calls the script's entry function with the raw
// document as a table; the articles are what it returns and what it hands
// to sluice.emit().
#pragma once

#include "sluice/lua/script.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::lua {

// One Lua state per instance, one instance per worker (not THREAD_SAFE).
class LuaParser final : public sdk::Parser {
 public:
  explicit LuaParser(const sdk::StageInit& init);
  void parse(const sdk::RawDocument& doc, sdk::ParseOutput& out) override;

  // The script's declared reads/writes (see Contract).
  const Contract& contract() const { return script_.contract(); }

 private:
  Script script_;
  std::vector<sdk::Article> articles_;  // reused between documents
};

}  // namespace sluice::plugins::lua
