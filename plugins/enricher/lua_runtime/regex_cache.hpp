// Compiled PCRE2 patterns of one Lua state, by pattern and flags.
#pragma once

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <string>
#include <string_view>
#include <unordered_map>

namespace sluice::plugins::lua {

struct CompiledRegex {
  pcre2_code* code = nullptr;
  pcre2_match_data* match = nullptr;
};

class RegexCache {
 public:
  RegexCache();
  ~RegexCache();
  RegexCache(const RegexCache&) = delete;
  RegexCache& operator=(const RegexCache&) = delete;

  // The compiled pattern, or nullptr with `error` set ("offset 3: missing )").
  const CompiledRegex* get(std::string_view pattern, std::string_view flags, std::string& error);
  // get(), first trying a small table indexed by the pattern's address: a
  // script's pattern literal is the same Lua string on every call, so the
  // common case costs one short comparison, no key building or hashing.
  const CompiledRegex* get_fast(std::string_view pattern, std::string_view flags, std::string& error);
  // Bounds backtracking: a catastrophic pattern fails instead of running
  // for minutes inside one C call, where the per-call hook cannot reach.
  pcre2_match_context* context() const { return context_; }

 private:
  static constexpr std::size_t kMaxPatterns = 256;
  void clear();
  struct Recent {
    std::string pattern;  // a copy: the address may be reused for another string after GC
    std::string flags;
    const CompiledRegex* regex = nullptr;
  };
  static constexpr std::size_t kRecent = 16;
  Recent recent_[kRecent];
  std::unordered_map<std::string, CompiledRegex> patterns_;
  pcre2_match_context* context_;
};

}  // namespace sluice::plugins::lua
