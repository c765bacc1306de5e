#include "sluice/host/options_schema.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>

#include "sluice/sdk/json.hpp"

namespace sluice::host {
namespace {

std::string_view or_empty(const char* s) { return s ? std::string_view(s) : std::string_view(); }

// The config array name for each kind: [[pipeline.P.<key>]].
const char* section_key(std::uint32_t kind) {
  switch (kind) {
    case SLUICE_KIND_SOURCE: return "source";
    case SLUICE_KIND_PARSER: return "parser";
    case SLUICE_KIND_ENRICHER: return "enrich";
    default: return "sink";
  }
}

// A placeholder that type-checks, for required options without an example.
const char* placeholder(std::int32_t type) {
  switch (type) {
    case SLUICE_OPT_INT: return "0";
    case SLUICE_OPT_FLOAT: return "0.0";
    case SLUICE_OPT_BOOL: return "false";
    case SLUICE_OPT_DURATION: return "\"1s\"";
    case SLUICE_OPT_SIZE: return "\"1MiB\"";
    case SLUICE_OPT_LIST: return "[]";
    case SLUICE_OPT_TABLE: return "{}";
    default: return "\"\"";
  }
}

// Converts a TOML literal (as declared in a descriptor) to JSON text.
std::string toml_literal_to_json(std::string_view literal) {
  try {
    auto table = toml::parse("v = " + std::string(literal));
    std::ostringstream out;
    out << toml::json_formatter{table};
    // {"v" : X} -> X
    std::string s = out.str();
    const auto colon = s.find(':');
    const auto close = s.rfind('}');
    if (colon == std::string::npos || close == std::string::npos) return "null";
    s = s.substr(colon + 1, close - colon - 1);
    const auto first = s.find_first_not_of(" \n\t");
    const auto last = s.find_last_not_of(" \n\t");
    return first == std::string::npos ? "null" : s.substr(first, last - first + 1);
  } catch (const toml::parse_error&) {
    return "null";
  }
}

void json_schema_type(std::string& out, std::int32_t type) {
  switch (type) {
    case SLUICE_OPT_INT: out += R"("type":"integer")"; break;
    case SLUICE_OPT_FLOAT: out += R"("type":"number")"; break;
    case SLUICE_OPT_BOOL: out += R"("type":"boolean")"; break;
    case SLUICE_OPT_DURATION:
      out +=
          R"("oneOf":[{"type":"integer","minimum":0},{"type":"string","pattern":"^([0-9]+(\\.[0-9]+)?(ms|s|m|h|d))+$"}])";
      break;
    case SLUICE_OPT_SIZE:
      out +=
          R"("oneOf":[{"type":"integer","minimum":0},{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)? *([KMGT]i?B|kB|B)?$"}])";
      break;
    case SLUICE_OPT_LIST: out += R"("type":"array","items":{"type":"string"})"; break;
    case SLUICE_OPT_TABLE: out += R"("type":"object")"; break;
    default: out += R"("type":"string")"; break;
  }
}

std::string describe_text(const sluice_plugin_descriptor& d) {
  std::ostringstream out;
  out << d.name << " (" << kind_name(d.kind) << ") " << d.version << "\n  " << or_empty(d.description)
      << "\n\nOptions:\n";
  if (d.option_count == 0) out << "  (none)\n";
  for (std::uint32_t i = 0; i < d.option_count; ++i) {
    const auto& o = d.options[i];
    out << "  " << o.name << " (" << option_type_name(o.type) << ")";
    if (o.required)
      out << ", required";
    else if (o.default_toml)
      out << ", default " << o.default_toml;
    out << "\n      " << or_empty(o.description) << "\n";
    if (o.example_toml) out << "      example: " << o.name << " = " << o.example_toml << "\n";
  }
  return out.str();
}

std::string markdown_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string describe_markdown(const sluice_plugin_descriptor& d) {
  std::ostringstream out;
  out << "| name | type | default | required | description |\n";
  out << "|------|------|---------|----------|-------------|\n";
  for (std::uint32_t i = 0; i < d.option_count; ++i) {
    const auto& o = d.options[i];
    out << "| `" << o.name << "` | " << option_type_name(o.type) << " | ";
    if (o.default_toml) out << "`" << markdown_cell(o.default_toml) << "`";
    out << " | " << (o.required ? "yes" : "no") << " | " << markdown_cell(or_empty(o.description)) << " |\n";
  }
  return out.str();
}

std::string describe_json_schema(const sluice_plugin_descriptor& d) {
  std::string out;
  namespace json = sdk::json;
  out += R"({"$schema":"https://json-schema.org/draft/2020-12/schema","title":)";
  json::append_string(out, std::string(d.name) + " (" + kind_name(d.kind) + ")");
  out += R"(,"description":)";
  json::append_string(out, or_empty(d.description));
  out += R"(,"x-sluice-version":)";
  json::append_string(out, d.version);
  out += R"(,"type":"object","additionalProperties":false,"properties":{"plugin":{"const":)";
  json::append_string(out, d.name);
  out += R"(},"name":{"type":"string","description":"stage name, unique in the pipeline"})";
  if (d.kind == SLUICE_KIND_PARSER)
    out +=
        R"(,"match":{"type":"array","items":{"type":"string"},"description":"globs or MIME types this parser takes"})";
  // The host's own stage keys (see StagePolicy), valid in every stage.
  out += R"(,"call_timeout":{)";
  json_schema_type(out, SLUICE_OPT_DURATION);
  out +=
      R"(,"description":"a stage call taking longer ends the run"},"retries":{"type":"integer","minimum":0,)"
      R"("description":"source/sink attempts after the first"},"retry_backoff":{)";
  json_schema_type(out, SLUICE_OPT_DURATION);
  out += R"(,"description":"first wait between attempts, doubled each time"},"retry_deadline":{)";
  json_schema_type(out, SLUICE_OPT_DURATION);
  out += R"(,"description":"stop retrying after this long"},"on_failure":{"enum":["dlq","fail"],)"
         R"("description":"dead-letter a failed item and go on, or end the run"},)"
         R"("sha256":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"pin the plugin binary"})";
  std::vector<std::string> required{"plugin"};
  for (std::uint32_t i = 0; i < d.option_count; ++i) {
    const auto& o = d.options[i];
    out += ',';
    json::append_string(out, o.name);
    out += ":{";
    json_schema_type(out, o.type);
    out += R"(,"description":)";
    json::append_string(out, or_empty(o.description));
    if (o.default_toml) out += R"(,"default":)" + toml_literal_to_json(o.default_toml);
    if (o.example_toml) out += R"(,"examples":[)" + toml_literal_to_json(o.example_toml) + "]";
    out += "}";
    if (o.required) required.emplace_back(o.name);
  }
  out += R"(},"required":[)";
  for (std::size_t i = 0; i < required.size(); ++i) {
    if (i) out += ',';
    json::append_string(out, required[i]);
  }
  out += "]}\n";
  return out;
}

// Damerau-Levenshtein (optimal string alignment) distance, case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

// Largest double below 2^63: anything at or above it does not fit an int64.
constexpr double kMaxInt64AsDouble = 9.2e18;

// The whole of `text` as a non-negative decimal number.
bool parse_number(std::string_view text, double& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

const char* option_type_name(std::int32_t type) {
  switch (type) {
    case SLUICE_OPT_STRING: return "string";
    case SLUICE_OPT_INT: return "int";
    case SLUICE_OPT_FLOAT: return "float";
    case SLUICE_OPT_BOOL: return "bool";
    case SLUICE_OPT_DURATION: return "duration";
    case SLUICE_OPT_SIZE: return "size";
    case SLUICE_OPT_LIST: return "list";
    case SLUICE_OPT_TABLE: return "table";
  }
  return "unknown";
}

std::string describe_plugin(const PluginInfo& plugin, DescribeFormat format) {
  const auto& d = *plugin.descriptor;
  switch (format) {
    case DescribeFormat::Markdown: return describe_markdown(d);
    case DescribeFormat::JsonSchema: return describe_json_schema(d);
    case DescribeFormat::Text: break;
  }
  return describe_text(d);
}

std::string sample_toml(const PluginInfo& plugin, std::string_view pipeline) {
  const auto& d = *plugin.descriptor;
  std::ostringstream out;
  out << "[[pipeline." << pipeline << "." << section_key(d.kind) << "]]\n";
  out << "plugin = \"" << d.name << "\"\n";
  for (std::uint32_t i = 0; i < d.option_count; ++i) {
    const auto& o = d.options[i];
    if (o.required) {
      out << o.name << " = " << (o.example_toml ? o.example_toml : placeholder(o.type)) << "  # "
          << or_empty(o.description) << "\n";
    } else {
      out << "# " << o.name << " = " << (o.default_toml ? o.default_toml : placeholder(o.type)) << "  # "
          << or_empty(o.description) << "\n";
    }
  }
  return out.str();
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& c : candidates) {
    const auto dist = edit_distance(word, c);
    if (dist < best_distance) {
      best_distance = dist;
      best = c;
    }
  }
  // A plausible typo: at most a third of the word wrong (and at least 1 edit allowed).
  const std::size_t allowed = std::max<std::size_t>(1, std::max(word.size(), best.size()) / 3);
  return best_distance <= allowed ? best : std::string();
}

bool parse_duration_ms(std::string_view text, std::int64_t& out) {
  double total = 0;
  std::size_t i = 0;
  if (text.empty()) return false;
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
    if (start == i) return false;
    double number;
    if (!parse_number(text.substr(start, i - start), number)) return false;
    std::size_t unit_start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    const auto unit = text.substr(unit_start, i - unit_start);
    double scale;
    if (unit == "ms")
      scale = 1;
    else if (unit == "s")
      scale = 1000;
    else if (unit == "m")
      scale = 60'000;
    else if (unit == "h")
      scale = 3'600'000;
    else if (unit == "d")
      scale = 86'400'000;
    else
      return false;
    total += number * scale;
  }
  if (!(total + 0.5 < kMaxInt64AsDouble)) return false;  // the cast would be undefined
  out = static_cast<std::int64_t>(total + 0.5);
  return true;
}

bool parse_size_bytes(std::string_view text, std::int64_t& out) {
  std::size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  if (i == 0) return false;
  double number;
  if (!parse_number(text.substr(0, i), number)) return false;
  while (i < text.size() && text[i] == ' ') ++i;
  const auto unit = text.substr(i);
  double scale;
  if (unit.empty() || unit == "B")
    scale = 1;
  else if (unit == "KB" || unit == "kB")
    scale = 1e3;
  else if (unit == "MB")
    scale = 1e6;
  else if (unit == "GB")
    scale = 1e9;
  else if (unit == "TB")
    scale = 1e12;
  else if (unit == "KiB")
    scale = 1024.0;
  else if (unit == "MiB")
    scale = 1024.0 * 1024;
  else if (unit == "GiB")
    scale = 1024.0 * 1024 * 1024;
  else if (unit == "TiB")
    scale = 1024.0 * 1024 * 1024 * 1024;
  else
    return false;
  if (!(number * scale + 0.5 < kMaxInt64AsDouble)) return false;  // the cast would be undefined
  out = static_cast<std::int64_t>(number * scale + 0.5);
  return true;
}

}  // namespace sluice::host
