// libFuzzer target for the config loader: arbitrary bytes as a TOML config
// against the real plugins' option tables. ConfigErrors (the config is
// refused, with positions) is a fine outcome; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "sluice/host/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const sluice::host::Config config =
        sluice::host::load_config(text, "fuzz.toml", sluice::fuzz::registry());
    (void)config;
  } catch (const sluice::host::ConfigErrors&) {
  }
  return 0;
}
