// One sandboxed Lua 5.4 interpreter state with its limits: a memory cap
// (a counting allocator), and per call an instruction budget and a
// wall-time deadline (a count hook). Everything C++ does with the state
// runs inside protected calls, so a script error, a broken limit or an
// allocation failure comes back as a CallResult and never unwinds the host.
//
// Not thread-safe: the plugins make one instance per worker (their
// descriptors do not set SLUICE_PLUGIN_FLAG_THREAD_SAFE).
#pragma once

#include <chrono>
#include <cstdint>
#include <lua.hpp>
#include <memory>
#include <string>
#include <vector>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/stage.hpp"

namespace sluice::plugins::lua {

struct Limits {
  std::uint64_t memory_bytes = 64ull << 20;
  std::uint64_t instructions = 10'000'000;  // per call
  std::chrono::milliseconds timeout{1000};  // per call
};

enum class Outcome { Ok, Dropped, Failed };

struct CallResult {
  Outcome outcome = Outcome::Ok;
  std::string message;  // the failure ("file:line: ..."), or the drop reason
};

// Receives the articles a parser script hands to sluice.emit().
class Emitter {
 public:
  virtual ~Emitter() = default;
  virtual void emit(lua_State* L, int table_index) = 0;
};

class RegexCache;
class JsonDecoder;

class Runtime {
 public:
  Runtime(const Limits& limits, sdk::Log* log);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  lua_State* state() const { return L_; }
  static Runtime& of(lua_State* L);

  // Runs `driver(L)` with `data` as its one (light userdata) argument in a
  // protected call under the per-call limits. The driver does all the Lua
  // work of one call: push arguments, call the script, read results.
  CallResult run(lua_CFunction driver, void* data);

  // --- for the sluice.* helpers ---
  sdk::Log* log() const { return log_; }
  // sluice.drop(reason): ends the call; run() reports Outcome::Dropped.
  [[noreturn]] void drop(lua_State* L, std::string reason);
  // Raises `message` at the running script's line and makes it stick: a
  // pcall inside the script cannot swallow it.
  [[noreturn]] void abort(lua_State* L, const char* message);
  // True once the call must end whatever the script does (drop, a broken
  // limit): the sandbox's pcall re-raises instead of returning.
  bool unwinding() const { return unwinding_; }
  // The article table of the call in progress (see article_table.cpp):
  // a table kept from an earlier call no longer loads its lazy fields.
  void* current_article() const { return current_article_; }
  // Counts run() calls: identifies the call a table was made for (a
  // pointer would not: the next call's frame sits at the same address).
  std::uint64_t call_number() const { return calls_; }
  void set_current_article(void* a) { current_article_ = a; }
  Emitter* emitter() const { return emitter_; }
  void set_emitter(Emitter* e) { emitter_ = e; }
  RegexCache& regex() { return *regex_; }
  JsonDecoder& json() { return *json_; }
  const Limits& limits() const { return limits_; }

 private:
  static void* allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size);
  static void hook(lua_State* L, lua_Debug* ar);
  void note_position(lua_State* L, lua_Debug* ar);
  std::string memory_message() const;

  Limits limits_;
  sdk::Log* log_;
  lua_State* L_ = nullptr;

  // memory
  std::uint64_t used_ = 0;
  bool refused_ = false;
  std::size_t refused_size_ = 0;  // the last allocation refused
  bool tracking_lines_ = false;   // near the cap: remember each line reached
  char last_position_[128] = {};

  // per call
  std::uint64_t instructions_ = 0;
  std::chrono::steady_clock::time_point deadline_{};
  bool unwinding_ = false;
  bool dropped_ = false;
  std::string drop_reason_;
  Emitter* emitter_ = nullptr;
  void* current_article_ = nullptr;
  std::uint64_t calls_ = 0;

  std::unique_ptr<RegexCache> regex_;
  std::unique_ptr<JsonDecoder> json_;
};

}  // namespace sluice::plugins::lua
