// A stage's script: read from `script` or `source`, compiled, its main
// chunk run, its header `contract` read and its `init(params)` called,
// then its entry function called once per article or document.
#pragma once

#include <string>
#include <vector>

#include "sluice/lua/runtime.hpp"
#include "sluice/sdk/article.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::lua {

// The fields a script declares it reads and writes, from an optional
// global table in the script:
//   contract = { reads = {"title", "body"}, writes = {"fields.section"} }
// Kept for the SDK's stage-contract hook (not in the SDK yet); the plugins
// expose it through their contract() accessor and log it at start.
struct Contract {
  std::vector<std::string> reads;
  std::vector<std::string> writes;
  bool declared = false;
};

struct ScriptSpec {
  std::string chunk_name;  // how errors name the script: the `script` path as written
  std::string text;
  std::string entry = "process";
  sdk::Value params = sdk::Map{};
  Limits limits;
};

// Reads the options (and the file). Throws StageError naming `plugin` for
// a missing or unreadable script, or both `script` and `source` given.
ScriptSpec read_script_spec(const sdk::StageInit& init, const char* plugin);

class Script {
 public:
  // Throws StageError with the script's file:line when it does not
  // compile, its main chunk or init() fails, or it has no entry function.
  Script(const ScriptSpec& spec, sdk::Log* log);
  ~Script();
  Script(const Script&) = delete;
  Script& operator=(const Script&) = delete;

  const Contract& contract() const { return contract_; }
  const std::string& name() const { return chunk_name_; }

  // entry(article): the article changed in place, dropped or failed.
  CallResult enrich(sdk::Article& article);
  // entry(document): articles from its return value (one article table or
  // a list of them) and from sluice.emit(), appended to `out`.
  CallResult parse(const sdk::RawDocument& doc, std::vector<sdk::Article>& out);

 private:
  CallResult located(CallResult r) const;

  Runtime runtime_;
  std::string chunk_name_;
  int entry_ref_ = LUA_NOREF;
  Contract contract_;
};

}  // namespace sluice::plugins::lua
