// One libFuzzer target per parser: the same harness, compiled with
// SLUICE_FUZZ_PARSER naming the parser. Arbitrary bytes go in as a
// document; a StageError (the document is refused) is a fine outcome, any
// other exception, crash, sanitizer report or broken promise is a finding.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto parser = sluice::fuzz::make_parser(SLUICE_FUZZ_PARSER);
  sluice::sdk::RawDocument doc;
  doc.key = "fuzz/input";
  doc.uri = "https://fuzz.example/input";
  doc.bytes.assign(reinterpret_cast<const char*>(data), size);
  sluice::fuzz::CheckedOutput out;
  try {
    parser->parse(doc, out);
  } catch (const sluice::sdk::StageError&) {
  }
  return 0;
}
