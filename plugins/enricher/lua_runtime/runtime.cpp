#include "sluice/lua/runtime.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "internal.hpp"
#include "json_decoder.hpp"
#include "regex_cache.hpp"

namespace sluice::plugins::lua {
namespace {

// VM instructions between two checks of the budget and the clock: rare
// enough to cost nothing measurable, frequent enough (~10-50 µs) that a
// timeout is honoured promptly.
constexpr int kTick = 1000;

std::string human_bytes(std::uint64_t n) {
  if (n % (1ull << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n % (1ull << 10) == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}

// The message handler of every protected call: makes sure a failure names
// a place in the script. error("x") already reads "file:line: x";
// error({...}), error("x", 0) and errors raised by C helpers do not.
int message_handler(lua_State* L) {
  if (lua_type(L, 1) == LUA_TLIGHTUSERDATA) return 1;  // a drop: passed through
  if (lua_type(L, 1) != LUA_TSTRING) {
    luaL_tolstring(L, 1, nullptr);
    lua_replace(L, 1);
  }
  lua_Debug ar;
  for (int level = 1; lua_getstack(L, level, &ar); ++level) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline <= 0) continue;  // a C function
    std::size_t len = 0;
    const char* msg = lua_tolstring(L, 1, &len);
    if (std::strncmp(msg, ar.short_src, std::strlen(ar.short_src)) != 0)
      lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, msg);
    break;
  }
  return 1;
}

int setup(lua_State* L) {
  detail::open_sandbox(L);
  detail::open_helpers(L);
  return 0;
}

}  // namespace

Runtime::Runtime(const Limits& limits, sdk::Log* log)
    : limits_(limits),
      log_(log),
      regex_(std::make_unique<RegexCache>()),
      json_(std::make_unique<JsonDecoder>()) {
  L_ = lua_newstate(&Runtime::allocate, this);
  if (L_ == nullptr)
    throw sdk::StageError("cannot create a Lua state within memory_limit " +
                          human_bytes(limits_.memory_bytes));
  *static_cast<Runtime**>(lua_getextraspace(L_)) = this;
  lua_sethook(L_, &Runtime::hook, LUA_MASKCOUNT, kTick);
  const auto r = run(&setup, nullptr);
  if (r.outcome != Outcome::Ok) {
    lua_close(L_);
    throw sdk::StageError("cannot set up the Lua sandbox: " + r.message);
  }
}

Runtime::~Runtime() {
  if (L_ != nullptr) lua_close(L_);
}

Runtime& Runtime::of(lua_State* L) { return **static_cast<Runtime**>(lua_getextraspace(L)); }

CallResult Runtime::run(lua_CFunction driver, void* data) {
  ++calls_;
  instructions_ = 0;
  unwinding_ = false;
  dropped_ = false;
  refused_ = false;
  last_position_[0] = '\0';
  deadline_ = std::chrono::steady_clock::now() + limits_.timeout;
  const int base = lua_gettop(L_);
  lua_pushcfunction(L_, &message_handler);
  lua_pushcfunction(L_, driver);
  lua_pushlightuserdata(L_, data);
  const int status = lua_pcall(L_, 1, 0, base + 1);
  CallResult result;
  if (status == LUA_OK) {
    // nothing to report
  } else if (dropped_) {
    result = {Outcome::Dropped, std::move(drop_reason_)};
  } else if (status == LUA_ERRMEM) {
    result = {Outcome::Failed, memory_message()};
  } else {
    const char* msg = lua_tostring(L_, -1);
    result = {Outcome::Failed, msg != nullptr ? msg : "error object is not a string"};
  }
  lua_settop(L_, base);
  if (status == LUA_ERRMEM) lua_gc(L_, LUA_GCCOLLECT);
  emitter_ = nullptr;
  current_article_ = nullptr;
  return result;
}

void Runtime::drop(lua_State* L, std::string reason) {
  dropped_ = true;
  unwinding_ = true;
  drop_reason_ = std::move(reason);
  lua_pushlightuserdata(L, detail::null_sentinel());
  lua_error(L);
  std::abort();  // lua_error does not return
}

void Runtime::abort(lua_State* L, const char* message) {
  unwinding_ = true;
  lua_Debug ar;
  for (int level = 0; lua_getstack(L, level, &ar); ++level) {
    lua_getinfo(L, "Sl", &ar);
    if (ar.currentline > 0) {
      lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, message);
      lua_error(L);
    }
  }
  lua_pushstring(L, message);
  lua_error(L);
  std::abort();  // lua_error does not return
}

void* Runtime::allocate(void* ud, void* ptr, std::size_t old_size, std::size_t new_size) {
  auto& self = *static_cast<Runtime*>(ud);
  const std::size_t old = ptr != nullptr ? old_size : 0;  // without ptr, old_size is a type tag
  if (new_size == 0) {
    std::free(ptr);
    self.used_ -= old;
    return nullptr;
  }
  if (new_size > old && self.used_ - old + new_size > self.limits_.memory_bytes) {
    // Lua runs an emergency collection and asks again before it gives up.
    self.refused_ = true;
    self.refused_size_ = new_size;
    return nullptr;
  }
  void* p = std::realloc(ptr, new_size);
  if (p == nullptr) return nullptr;
  self.used_ = self.used_ - old + new_size;
  // Near the cap, note every line reached, so a memory failure (which Lua
  // raises without a message handler) can still say where it happened.
  // lua_sethook is safe to call from anywhere, even here.
  if (!self.tracking_lines_ && self.L_ != nullptr && self.used_ > self.limits_.memory_bytes / 4 * 3) {
    self.tracking_lines_ = true;
    lua_sethook(self.L_, &Runtime::hook, LUA_MASKCOUNT | LUA_MASKLINE, kTick);
  }
  return p;
}

void Runtime::hook(lua_State* L, lua_Debug* ar) {
  auto& self = of(L);
  if (ar->event == LUA_HOOKLINE) {
    self.note_position(L, ar);
    return;
  }
  if (self.tracking_lines_ && self.used_ < self.limits_.memory_bytes / 2) {
    self.tracking_lines_ = false;
    lua_sethook(L, &Runtime::hook, LUA_MASKCOUNT, kTick);
  }
  self.instructions_ += kTick;
  if (self.unwinding_) self.abort(L, "the call was already ended (limit reached); a pcall cannot resume it");
  if (self.instructions_ > self.limits_.instructions) {
    const std::string m =
        "instruction budget of " + std::to_string(self.limits_.instructions) + " exceeded (an endless loop?)";
    self.abort(L, m.c_str());
  }
  if (std::chrono::steady_clock::now() > self.deadline_) {
    const std::string m = "timeout of " + std::to_string(self.limits_.timeout.count()) + " ms exceeded";
    self.abort(L, m.c_str());
  }
}

void Runtime::note_position(lua_State* L, lua_Debug* ar) {
  lua_getinfo(L, "S", ar);
  std::snprintf(last_position_, sizeof last_position_, "%s:%d", ar->short_src, ar->currentline);
}

std::string Runtime::memory_message() const {
  std::string m;
  if (last_position_[0] != '\0') m.append(last_position_).append(": ");
  m += "memory_limit of " + human_bytes(limits_.memory_bytes) + " exceeded";
  if (refused_) {
    m += " (an allocation of " + human_bytes(refused_size_) + " was refused)";
  } else {
    m += " (the system refused an allocation)";
  }
  return m;
}

}  // namespace sluice::plugins::lua
