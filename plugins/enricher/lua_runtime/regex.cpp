// sluice.re: Perl-compatible regular expressions (PCRE2, JIT-compiled) for
// scripts. Lua's own string patterns (string.find, string.match, gsub)
// remain available; these add alternation, \b, Unicode classes and
// case-insensitive matching. Flags: "i" caseless, "m" multiline, "s" dot
// matches newline, "x" extended. Offsets are 1-based, as in Lua.
#include <string>

#include "internal.hpp"
#include "regex_cache.hpp"
#include "sluice/lua/runtime.hpp"

namespace sluice::plugins::lua {

RegexCache::RegexCache() : context_(pcre2_match_context_create(nullptr)) {
  pcre2_set_match_limit(context_, 1'000'000);
  pcre2_set_depth_limit(context_, 10'000);
}

RegexCache::~RegexCache() {
  clear();
  pcre2_match_context_free(context_);
}

void RegexCache::clear() {
  for (auto& r : recent_) r = Recent{};
  for (auto& [key, r] : patterns_) {
    pcre2_match_data_free(r.match);
    pcre2_code_free(r.code);
  }
  patterns_.clear();
}

const CompiledRegex* RegexCache::get(std::string_view pattern, std::string_view flags, std::string& error) {
  std::string key(flags);
  key.push_back('\0');
  key.append(pattern);
  if (auto it = patterns_.find(key); it != patterns_.end()) return &it->second;

  std::uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
  for (char f : flags) {
    switch (f) {
      case 'i': options |= PCRE2_CASELESS; break;
      case 'm': options |= PCRE2_MULTILINE; break;
      case 's': options |= PCRE2_DOTALL; break;
      case 'x': options |= PCRE2_EXTENDED; break;
      default: error = std::string("unknown flag '") + f + "' (use i, m, s, x)"; return nullptr;
    }
  }
  int code = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* re = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &code,
                                 &offset, nullptr);
  if (re == nullptr) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(code, buf, sizeof buf);
    error = "offset " + std::to_string(offset) + ": " + reinterpret_cast<const char*>(buf);
    return nullptr;
  }
  pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);  // falls back to the interpreter when JIT is unavailable
  if (patterns_.size() >= kMaxPatterns) clear();
  auto& slot = patterns_[key];
  slot.code = re;
  slot.match = pcre2_match_data_create_from_pattern(re, nullptr);
  return &slot;
}

const CompiledRegex* RegexCache::get_fast(std::string_view pattern, std::string_view flags,
                                          std::string& error) {
  Recent& slot = recent_[(reinterpret_cast<std::uintptr_t>(pattern.data()) >> 4) % kRecent];
  if (slot.regex != nullptr && slot.pattern == pattern && slot.flags == flags) return slot.regex;
  const CompiledRegex* r = get(pattern, flags, error);
  if (r != nullptr) slot = {std::string(pattern), std::string(flags), r};
  return r;
}

namespace {

const CompiledRegex& compiled(lua_State* L, int pattern_arg, int flags_arg) {
  std::size_t plen = 0;
  const char* pattern = luaL_checklstring(L, pattern_arg, &plen);
  const char* flags = luaL_optstring(L, flags_arg, "");
  std::string error;
  const auto* r = Runtime::of(L).regex().get_fast({pattern, plen}, flags, error);
  if (r == nullptr) luaL_error(L, "sluice.re: bad pattern /%s/: %s", pattern, error.c_str());
  return *r;
}

// Runs the match; returns the number of pairs in the ovector, 0 for no match.
int match(lua_State* L, const CompiledRegex& r, std::string_view subject, std::size_t start) {
  const int rc = pcre2_match(r.code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), start, 0,
                             r.match, Runtime::of(L).regex().context());
  if (rc == PCRE2_ERROR_NOMATCH) return 0;
  if (rc < 0) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(rc, buf, sizeof buf);
    luaL_error(L, "sluice.re: %s", reinterpret_cast<const char*>(buf));
  }
  return rc;
}

std::string_view subject_at(lua_State* L, int arg) {
  std::size_t len = 0;
  const char* s = luaL_checklstring(L, arg, &len);
  return {s, len};
}

// Pushes capture `i` (nil when the group did not take part).
void push_capture(lua_State* L, const CompiledRegex& r, std::string_view subject, int i) {
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(r.match);
  if (ov[2 * i] == PCRE2_UNSET) {
    lua_pushnil(L);
  } else {
    lua_pushlstring(L, subject.data() + ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
  }
}

// re.test(s, pattern [, flags]) -> boolean
int re_test(lua_State* L) {
  const auto subject = subject_at(L, 1);
  const auto& r = compiled(L, 2, 3);
  lua_pushboolean(L, match(L, r, subject, 0) > 0);
  return 1;
}

// re.match(s, pattern [, flags]) -> the captures, or the whole match when
// the pattern has no groups; nil when it does not match.
int re_match(lua_State* L) {
  const auto subject = subject_at(L, 1);
  const auto& r = compiled(L, 2, 3);
  const int rc = match(L, r, subject, 0);
  if (rc == 0) {
    lua_pushnil(L);
    return 1;
  }
  std::uint32_t groups = 0;
  pcre2_pattern_info(r.code, PCRE2_INFO_CAPTURECOUNT, &groups);
  if (groups == 0) {
    push_capture(L, r, subject, 0);
    return 1;
  }
  luaL_checkstack(L, static_cast<int>(groups), "too many captures");
  for (std::uint32_t i = 1; i <= groups; ++i) push_capture(L, r, subject, static_cast<int>(i));
  return static_cast<int>(groups);
}

// re.find(s, pattern [, init [, flags]]) -> first, last (1-based, inclusive), or nil
int re_find(lua_State* L) {
  const auto subject = subject_at(L, 1);
  const auto& r = compiled(L, 2, 4);
  const lua_Integer init = luaL_optinteger(L, 3, 1);
  if (init < 1 || static_cast<std::size_t>(init) > subject.size() + 1) {
    lua_pushnil(L);
    return 1;
  }
  if (match(L, r, subject, static_cast<std::size_t>(init - 1)) == 0) {
    lua_pushnil(L);
    return 1;
  }
  const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(r.match);
  lua_pushinteger(L, static_cast<lua_Integer>(ov[0] + 1));
  lua_pushinteger(L, static_cast<lua_Integer>(ov[1]));
  return 2;
}

// re.all(s, pattern [, flags]) -> list of every match (its first group
// when the pattern has one)
int re_all(lua_State* L) {
  const auto subject = subject_at(L, 1);
  const auto& r = compiled(L, 2, 3);
  std::uint32_t groups = 0;
  pcre2_pattern_info(r.code, PCRE2_INFO_CAPTURECOUNT, &groups);
  lua_newtable(L);
  lua_Integer n = 0;
  std::size_t at = 0;
  while (at <= subject.size() && match(L, r, subject, at) > 0) {
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(r.match);
    push_capture(L, r, subject, groups > 0 ? 1 : 0);
    lua_rawseti(L, -2, ++n);
    at = ov[1] > ov[0] ? ov[1] : ov[1] + 1;  // an empty match moves on by one byte
  }
  return 1;
}

// re.gsub(s, pattern, replacement [, flags]) -> new string, count.
// $1, ${name} and $$ in the replacement, as PCRE2 substitutes them.
int re_gsub(lua_State* L) {
  const auto subject = subject_at(L, 1);
  const auto& r = compiled(L, 2, 4);
  std::size_t rlen = 0;
  const char* replacement = luaL_checklstring(L, 3, &rlen);
  std::string out(subject.size() + subject.size() / 4 + 64, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    PCRE2_SIZE out_len = out.size();
    const int rc =
        pcre2_substitute(r.code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), 0,
                         PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH, r.match,
                         Runtime::of(L).regex().context(), reinterpret_cast<PCRE2_SPTR>(replacement), rlen,
                         reinterpret_cast<PCRE2_UCHAR*>(out.data()), &out_len);
    if (rc == PCRE2_ERROR_NOMEMORY && attempt == 0) {
      out.resize(out_len);  // the length it needs
      continue;
    }
    if (rc < 0) {
      PCRE2_UCHAR buf[256];
      pcre2_get_error_message(rc, buf, sizeof buf);
      return luaL_error(L, "sluice.re.gsub: %s", reinterpret_cast<const char*>(buf));
    }
    lua_pushlstring(L, out.data(), out_len);
    lua_pushinteger(L, rc);
    return 2;
  }
  return luaL_error(L, "sluice.re.gsub: the result kept growing");
}

}  // namespace

void detail::add_regex_functions(lua_State* L) {
  static const luaL_Reg functions[] = {
      {"test", &re_test}, {"match", &re_match}, {"find", &re_find},
      {"all", &re_all},   {"gsub", &re_gsub},   {nullptr, nullptr},
  };
  luaL_setfuncs(L, functions, 0);
}

}  // namespace sluice::plugins::lua
