// The `lua` enricher: calls the script's entry function with each article
// as a table and takes the changes back.
#pragma once

#include "sluice/lua/script.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::lua {

// One Lua state per instance; the descriptor does not set
// SLUICE_PLUGIN_FLAG_THREAD_SAFE, so the host makes one instance per worker
// and no state is shared between threads.
class LuaEnricher final : public sdk::Enricher {
 public:
  explicit LuaEnricher(const sdk::StageInit& init);
  void enrich(sdk::Article& article) override;

  // The script's declared reads/writes, for the SDK's stage-contract hook
  // once it exists.
  const Contract& contract() const { return script_.contract(); }

 private:
  Script script_;
};

}  // namespace sluice::plugins::lua
