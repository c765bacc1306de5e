// A reusable simdjson parser per Lua state (its buffers grow once).
#pragma once

#include <simdjson.h>

namespace sluice::plugins::lua {

class JsonDecoder {
 public:
  simdjson::dom::parser parser;
};

}  // namespace sluice::plugins::lua
