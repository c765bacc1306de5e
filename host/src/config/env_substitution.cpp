#include "config/env_substitution.hpp"

#include <cstdlib>

namespace sluice::host::detail {

Substitution substitute_env(std::string_view text) {
  Substitution result;
  std::string& out = result.value;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c != '$') {
      out.push_back(c);
      ++i;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '$') {  // "$$" -> "$"
      out.push_back('$');
      i += 2;
      continue;
    }
    if (i + 1 >= text.size() || text[i + 1] != '{') {  // a lone '$' stays as is
      out.push_back('$');
      ++i;
      continue;
    }
    const auto close = text.find('}', i + 2);
    if (close == std::string_view::npos) {
      result.error = "unterminated ${ in \"" + std::string(text) + "\"";
      return result;
    }
    const auto inner = text.substr(i + 2, close - i - 2);
    const auto sep = inner.find(":-");
    const std::string name(inner.substr(0, sep));
    if (name.empty()) {
      result.error = "empty variable name in \"" + std::string(text) + "\"";
      return result;
    }
    const char* env = std::getenv(name.c_str());
    if (env != nullptr && (*env != '\0' || sep == std::string_view::npos)) {
      out += env;
    } else if (sep != std::string_view::npos) {
      out += inner.substr(sep + 2);  // unset or empty: the fallback (shell semantics)
    } else {
      result.error =
          "environment variable " + name + " is not set (write ${" + name + ":-default} to give a fallback)";
      return result;
    }
    result.substituted = true;
    i = close + 1;
  }
  return result;
}

}  // namespace sluice::host::detail
