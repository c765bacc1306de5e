// `--format text|json` for the verbs that print records: one option spec and
// one check, so every verb spells it and refuses bad values the same way.
#pragma once

#include <string>

#include "cli_args.hpp"

namespace sluice::cli {

enum class OutputFormat { Text, Json };

inline OutputFormat output_format(const Args& args) {
  const auto f = args.get("--format", "text");
  if (f == "text") return OutputFormat::Text;
  if (f == "json") return OutputFormat::Json;
  throw UsageError("--format must be text or json, not '" + f + "'");
}

inline OptionSpec format_option() {
  return {"--format",
          "FMT",
          "text (default) or json: one JSON document on stdout, for scripts",
          false,
          {"text", "json"}};
}

}  // namespace sluice::cli
