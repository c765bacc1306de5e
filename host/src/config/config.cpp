#include "sluice/host/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "config/config_bounds.hpp"
#include "config/env_substitution.hpp"
#include "config/schedule_text.hpp"
#include "config/time_zone.hpp"
#include "config/toml_diagnostics.hpp"
#include "sluice/host/options_schema.hpp"

namespace sluice::host {

std::string SourcePosition::str() const {
  if (line == 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

ConfigError::ConfigError(SourcePosition where, std::string message)
    : sluice::Error(where.str() + ": error: " + message),
      where_(std::move(where)),
      detail_(std::move(message)) {}

namespace {
std::string join_errors(const std::vector<ConfigError>& errors) {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += '\n';
    out += e.what();
  }
  return out;
}
}  // namespace

ConfigErrors::ConfigErrors(std::vector<ConfigError> errors)
    : sluice::Error(join_errors(errors)), errors_(std::move(errors)) {}

const PipelineConfig* Config::pipeline(std::string_view name) const {
  for (const auto& p : pipelines)
    if (p.name == name) return &p;
  return nullptr;
}

std::string read_text_file(const std::filesystem::path& file) {
  // The reason decides what the author does next: a typo in the path, a
  // permission to fix, a directory given by mistake.
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec))
    throw ConfigError({file.string()}, "cannot read config file: it is a directory");
  errno = 0;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    const int why = errno;
    throw ConfigError({file.string()}, std::string("cannot read config file: ") +
                                           (why != 0 ? std::strerror(why) : "unknown reason"));
  }
  // One byte over the bound is enough for parse_toml to refuse it; a huge
  // (or endless, like /dev/zero) file is never read whole.
  std::string text(detail::kConfigBounds.max_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

namespace {

// Stage keys the host itself reads; everything else is a plugin option.
const std::vector<std::string> kStageKeys = {"plugin",        "name",           "call_timeout", "retries",
                                             "retry_backoff", "retry_deadline", "on_failure",   "sha256"};
const std::vector<std::string> kTopKeys = {"host", "pipeline"};
const std::vector<std::string> kHostKeys = {"plugin_dirs",         "state",
                                            "metrics_address",     "metrics_port",
                                            "dead_letter_max_age", "dead_letter_max_entries"};
const std::vector<std::string> kPipelineKeys = {
    "schedule",   "timezone",      "jitter", "overlap", "catch_up", "workers", "queue_capacity",
    "batch_size", "batch_timeout", "source", "parser",  "enrich",   "sink"};

struct StageSection {
  const char* key;
  std::uint32_t kind;
  std::vector<StageConfig> PipelineConfig::*member;
};
const StageSection kSections[] = {
    {"source", SLUICE_KIND_SOURCE, &PipelineConfig::sources},
    {"parser", SLUICE_KIND_PARSER, &PipelineConfig::parsers},
    {"enrich", SLUICE_KIND_ENRICHER, &PipelineConfig::enrichers},
    {"sink", SLUICE_KIND_SINK, &PipelineConfig::sinks},
};

// Collects every problem in one pass so an operator fixes them all at once.
class Validator {
 public:
  explicit Validator(std::string file) : file_(std::move(file)) {}

  SourcePosition at(const toml::source_region& r) const {
    return {file_, static_cast<std::uint32_t>(r.begin.line), static_cast<std::uint32_t>(r.begin.column)};
  }
  void error(const toml::source_region& r, std::string message) {
    errors_.emplace_back(at(r), std::move(message));
  }
  void error(const SourcePosition& where, std::string message) {
    errors_.emplace_back(where, std::move(message));
  }
  // In file order, whatever order the checks ran in (TOML tables iterate by key).
  std::vector<ConfigError> errors() const {
    auto sorted = errors_;
    std::stable_sort(sorted.begin(), sorted.end(), [](const ConfigError& a, const ConfigError& b) {
      return std::pair(a.where().line, a.where().column) < std::pair(b.where().line, b.where().column);
    });
    return sorted;
  }
  bool ok() const { return errors_.empty(); }

  // Suggests from `known`; lists `shown` (default: `known`) when nothing is close.
  void unknown_key(const toml::key& k, std::string_view where, const std::vector<std::string>& known,
                   const std::vector<std::string>* shown = nullptr) {
    if (!shown) shown = &known;
    std::string msg = "unknown key '" + std::string(k.str()) + "' in " + std::string(where);
    if (auto s = closest_match(k.str(), known); !s.empty())
      msg += "; did you mean '" + s + "'?";
    else if (!shown->empty())
      msg += " (known keys: " + join(*shown) + ")";
    error(k.source(), std::move(msg));
  }

  // A string value with ${VAR} expanded; records an error and returns
  // nothing when expansion fails.
  std::optional<std::string> string_value(const toml::node& n, bool* substituted = nullptr) {
    auto sub = detail::substitute_env(n.as_string()->get());
    if (!sub.error.empty()) {
      error(n.source(), sub.error);
      return std::nullopt;
    }
    if (substituted) *substituted = sub.substituted;
    return std::move(sub.value);
  }

  std::optional<std::vector<std::string>> string_list(const toml::node& n, std::string_view what) {
    const auto* arr = n.as_array();
    if (!arr) {
      error(n.source(), std::string(what) + " must be a list of strings, got " + type_of(n));
      return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (const auto& e : *arr) {
      if (!e.is_string()) {
        error(e.source(), std::string(what) + " must hold strings only, got " + type_of(e));
        ok = false;
        continue;
      }
      if (auto s = string_value(e))
        out.push_back(std::move(*s));
      else
        ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<std::int64_t> integer(const toml::node& n, std::string_view what, std::int64_t min) {
    std::int64_t v = 0;
    if (n.is_integer()) {
      v = n.as_integer()->get();
    } else if (auto s = n.is_string() ? substituted_string(n) : std::nullopt; s && parse_int(*s, v)) {
    } else {
      error(n.source(), std::string(what) + " must be an integer, got " + got(n));
      return std::nullopt;
    }
    if (v < min) {
      error(n.source(), std::string(what) + " must be at least " + std::to_string(min));
      return std::nullopt;
    }
    return v;
  }

  // The option value converted to what the plugin receives.
  std::optional<sdk::Value> option_value(const sluice_option_desc& o, const toml::node& n) {
    const std::string what = std::string("option '") + o.name + "'";
    const auto wrong = [&](const char* expected) {
      error(n.source(), what + " expects " + expected + ", got " + got(n));
      return std::nullopt;
    };
    switch (o.type) {
      case SLUICE_OPT_STRING: {
        if (!n.is_string()) return wrong("a string");
        if (auto s = string_value(n)) return sdk::Value(std::move(*s));
        return std::nullopt;
      }
      case SLUICE_OPT_INT: {
        if (n.is_integer()) return sdk::Value(n.as_integer()->get());
        std::int64_t v;
        if (auto s = n.is_string() ? substituted_string(n) : std::nullopt; s && parse_int(*s, v))
          return sdk::Value(v);
        return wrong("an integer");
      }
      case SLUICE_OPT_FLOAT: {
        if (n.is_floating_point()) return sdk::Value(n.as_floating_point()->get());
        if (n.is_integer()) return sdk::Value(static_cast<double>(n.as_integer()->get()));
        double d;
        if (auto s = n.is_string() ? substituted_string(n) : std::nullopt; s && parse_double(*s, d))
          return sdk::Value(d);
        return wrong("a number");
      }
      case SLUICE_OPT_BOOL: {
        if (n.is_boolean()) return sdk::Value(n.as_boolean()->get());
        if (auto s = n.is_string() ? substituted_string(n) : std::nullopt;
            s && (*s == "true" || *s == "false"))
          return sdk::Value(*s == "true");
        return wrong("true or false");
      }
      case SLUICE_OPT_DURATION:
      case SLUICE_OPT_SIZE: {
        const bool duration = o.type == SLUICE_OPT_DURATION;
        const char* expected = duration ? "a duration like \"250ms\", \"30s\", \"5m\" or integer milliseconds"
                                        : "a size like \"64KiB\", \"10MB\" or integer bytes";
        if (n.is_integer() && n.as_integer()->get() >= 0) return sdk::Value(n.as_integer()->get());
        if (!n.is_string()) return wrong(expected);
        auto s = string_value(n);
        if (!s) return std::nullopt;
        std::int64_t v;
        if (duration ? parse_duration_ms(*s, v) : parse_size_bytes(*s, v)) return sdk::Value(v);
        error(n.source(), what + " expects " + expected + ", got \"" + *s + "\"");
        return std::nullopt;
      }
      case SLUICE_OPT_LIST: {
        auto list = string_list(n, what);
        if (!list) return std::nullopt;
        sdk::List out;
        for (auto& s : *list) out.emplace_back(std::move(s));
        return sdk::Value(std::move(out));
      }
      case SLUICE_OPT_TABLE: {
        if (!n.is_table()) return wrong("a table");
        return to_value(n);
      }
    }
    return wrong("a known type");
  }

  // Converts any TOML node to a value tree (strings env-expanded).
  std::optional<sdk::Value> to_value(const toml::node& n) {
    if (n.is_string()) {
      if (auto s = string_value(n)) return sdk::Value(std::move(*s));
      return std::nullopt;
    }
    if (n.is_integer()) return sdk::Value(n.as_integer()->get());
    if (n.is_floating_point()) return sdk::Value(n.as_floating_point()->get());
    if (n.is_boolean()) return sdk::Value(n.as_boolean()->get());
    if (const auto* arr = n.as_array()) {
      sdk::List out;
      for (const auto& e : *arr) {
        auto v = to_value(e);
        if (!v) return std::nullopt;
        out.push_back(std::move(*v));
      }
      return sdk::Value(std::move(out));
    }
    if (const auto* tbl = n.as_table()) {
      sdk::Map out;
      for (const auto& [k, v] : *tbl) {
        auto value = to_value(v);
        if (!value) return std::nullopt;
        out.emplace(std::string(k.str()), std::move(*value));
      }
      return sdk::Value(std::move(out));
    }
    // Dates and times: keep their TOML text.
    std::ostringstream text;
    n.visit([&](const auto& v) { text << v; });
    return sdk::Value(text.str());
  }

  static std::string type_of(const toml::node& n) {
    switch (n.type()) {
      case toml::node_type::string: return "a string";
      case toml::node_type::integer: return "an integer";
      case toml::node_type::floating_point: return "a float";
      case toml::node_type::boolean: return "a boolean";
      case toml::node_type::array: return "an array";
      case toml::node_type::table: return "a table";
      default: return "a date/time";
    }
  }

  // What a wrong value was, for a type error. A string that came from the
  // environment names the variable: `WORKERS=abc` is fixed in the shell,
  // not in the file.
  static std::string got(const toml::node& n) {
    if (!n.is_string()) return type_of(n);
    const std::string& raw = n.as_string()->get();
    if (raw.find("${") == std::string::npos) return type_of(n);
    const auto sub = detail::substitute_env(raw);
    if (!sub.error.empty()) return type_of(n);
    return "\"" + sub.value + "\", the value of \"" + raw + "\" from the environment";
  }

  static std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
  }

 private:
  // Only a string that used ${...} may stand in for a number or boolean:
  // `workers = "${WORKERS:-2}"` is fine, `workers = "2"` is a type error.
  std::optional<std::string> substituted_string(const toml::node& n) {
    bool substituted = false;
    auto s = string_value(n, &substituted);
    if (!s || !substituted) return std::nullopt;
    return s;
  }
  static bool parse_double(const std::string& s, double& v) {
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
  }
  static bool parse_int(const std::string& s, std::int64_t& v) {
    try {
      std::size_t used = 0;
      v = std::stoll(s, &used);
      return used == s.size() && !s.empty();
    } catch (const std::exception&) {
      return false;
    }
  }

  std::string file_;
  std::vector<ConfigError> errors_;
};

toml::table parse_toml(const std::string& text, const std::string& file) {
  if (auto over = detail::check_config_bounds(text, file)) throw ConfigErrors({std::move(*over)});
  try {
    return toml::parse(std::string_view(text), std::string_view(file));
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    const auto why = detail::explain_toml_error(text, static_cast<std::uint32_t>(b.line),
                                                static_cast<std::uint32_t>(b.column), e.description());
    throw ConfigErrors({ConfigError({file, why.line, why.column}, why.message)});
  }
}

HostSettings host_settings(const toml::table& root, Validator& v) {
  HostSettings host;
  const auto* node = root.get("host");
  if (!node) return host;
  const auto* tbl = node->as_table();
  if (!tbl) {
    v.error(node->source(), "[host] must be a table");
    return host;
  }
  for (const auto& [k, val] : *tbl) {
    if (k == "plugin_dirs") {
      if (auto dirs = v.string_list(val, "plugin_dirs"))
        for (auto& d : *dirs) host.plugin_dirs.emplace_back(std::move(d));
    } else if (k == "state") {
      if (!val.is_string())
        v.error(val.source(), "state must be a path string, got " + Validator::type_of(val));
      else if (auto s = v.string_value(val))
        host.state = *s;
    } else if (k == "metrics_address") {
      auto s = val.is_string() ? v.string_value(val) : std::nullopt;
      if (!val.is_string())
        v.error(val.source(), "metrics_address must be an address string such as \"127.0.0.1\"");
      else if (s)
        host.metrics_address = *s;
    } else if (k == "metrics_port") {
      if (auto n = v.integer(val, "metrics_port", 0)) {
        if (*n > 65535)
          v.error(val.source(), "metrics_port must be at most 65535 (0 turns the endpoint off)");
        else
          host.metrics_port = static_cast<std::uint16_t>(*n);
      }
    } else if (k == "dead_letter_max_age") {
      const sluice_option_desc spec{"dead_letter_max_age", SLUICE_OPT_DURATION, 0, nullptr, nullptr, nullptr};
      if (auto age = v.option_value(spec, val)) host.dead_letter_max_age_ms = age->as_int();
    } else if (k == "dead_letter_max_entries") {
      if (auto n = v.integer(val, "dead_letter_max_entries", 0)) host.dead_letter_max_entries = *n;
    } else {
      v.unknown_key(k, "[host]", kHostKeys);
    }
  }
  return host;
}

// `schedule` and the keys that qualify it, read together because they
// constrain each other (a time zone only means something to cron).
bool is_schedule_key(std::string_view k) {
  return k == "schedule" || k == "timezone" || k == "jitter" || k == "overlap" || k == "catch_up";
}

void check_schedule(const toml::table& tbl, Validator& v, Schedule& out) {
  bool schedule_ok = true;
  if (const auto* n = tbl.get("schedule")) {
    schedule_ok = false;
    if (!n->is_string()) {
      v.error(n->source(), "schedule must be a string (\"once\", \"every 15m\", \"cron */15 * * * *\")");
    } else if (auto s = v.string_value(*n)) {
      const auto problem = schedule::parse_schedule_text(*s, out);
      if (!problem.empty()) v.error(n->source(), problem);
      schedule_ok = problem.empty();
    }
  }
  if (const auto* n = tbl.get("timezone")) {
    auto s = n->is_string() ? v.string_value(*n) : std::nullopt;
    if (!n->is_string()) {
      v.error(n->source(), "timezone must be a time zone name such as \"Europe/Berlin\"");
    } else if (s && schedule_ok && out.kind != Schedule::Kind::cron) {
      v.error(n->source(), "timezone applies to cron schedules only, not to \"" + out.text + "\"");
    } else if (s && !schedule::zone_exists(*s)) {
      std::string msg = "unknown time zone '" + *s + "'";
      if (auto m = closest_match(*s, schedule::zone_names()); !m.empty())
        msg += "; did you mean '" + m + "'?";
      v.error(n->source(), msg + " (names are those in /usr/share/zoneinfo)");
    } else if (s) {
      out.timezone = *s;
    }
  }
  if (const auto* n = tbl.get("jitter")) {
    const sluice_option_desc spec{"jitter", SLUICE_OPT_DURATION, 0, nullptr, nullptr, nullptr};
    if (auto ms = v.option_value(spec, *n)) {
      out.jitter = std::chrono::milliseconds(ms->as_int());
      if (schedule_ok && out.kind == Schedule::Kind::every && out.jitter >= out.interval)
        v.error(n->source(), "jitter must be shorter than the interval of \"" + out.text + "\"");
    }
  }
  if (const auto* n = tbl.get("overlap")) {
    auto s = n->is_string() ? v.string_value(*n) : std::nullopt;
    if (s && (*s == "skip" || *s == "queue"))
      out.overlap = *s == "skip" ? Schedule::Overlap::skip : Schedule::Overlap::queue;
    else
      v.error(n->source(),
              "overlap must be \"skip\" (drop a slot while the previous run still runs) or \"queue\" "
              "(run once more when it ends)");
  }
  if (const auto* n = tbl.get("catch_up")) {
    const sluice_option_desc spec{"catch_up", SLUICE_OPT_BOOL, 0, nullptr, nullptr, nullptr};
    if (auto b = v.option_value(spec, *n)) out.catch_up = b->as_bool();
  }
}

// The host's own stage keys (delivery policy, time limit, binary pin).
void stage_policy_key(std::string_view key, const toml::node& val, Validator& v, StagePolicy& policy) {
  const auto duration = [&](std::int64_t& out) {
    const std::string name(key);
    const sluice_option_desc named{name.c_str(), SLUICE_OPT_DURATION, 0, nullptr, nullptr, nullptr};
    if (auto value = v.option_value(named, val)) out = value->as_int();
  };
  if (key == "call_timeout") {
    duration(policy.timeout_ms);
  } else if (key == "retries") {
    if (auto n = v.integer(val, "retries", 0)) policy.retries = *n;
  } else if (key == "retry_backoff") {
    duration(policy.retry_backoff_ms);
  } else if (key == "retry_deadline") {
    duration(policy.retry_deadline_ms);
  } else if (key == "on_failure") {
    auto s = val.is_string() ? v.string_value(val) : std::nullopt;
    if (s && (*s == "dlq" || *s == "fail"))
      policy.fail_run = *s == "fail";
    else
      v.error(val.source(),
              "on_failure must be \"dlq\" (dead-letter the item and go on) or \"fail\" (end the run)");
  } else if (key == "sha256") {
    auto s = val.is_string() ? v.string_value(val) : std::nullopt;
    const bool hex = s && s->size() == 64 && s->find_first_not_of("0123456789abcdef") == std::string::npos;
    if (hex)
      policy.sha256 = *s;
    else
      v.error(val.source(), "sha256 must be 64 lowercase hex digits (see `sluice plugins --verbose`)");
  }
}

// Where plugins were looked for, for an unknown plugin's message: an
// embedder outside the install prefix, or a typo in plugin_dirs, shows here.
std::string searched_dirs(const PluginRegistry& registry) {
  const auto& dirs = registry.searched();
  if (dirs.empty()) return "no plugin directory was searched";
  std::string out = "searched ";
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    std::error_code ec;
    out += (i ? ", " : "") + dirs[i].string();
    if (!std::filesystem::is_directory(dirs[i], ec)) out += " (does not exist)";
  }
  return out;
}

void stage_config(const toml::table& tbl, const StageSection& section, const std::string& pipeline,
                  const PluginRegistry& registry, Validator& v, PipelineConfig& out) {
  StageConfig stage;
  stage.position = v.at(tbl.source());
  const std::string where = "[[pipeline." + pipeline + "." + section.key + "]]";
  const auto* plugin_node = tbl.get("plugin");
  if (!plugin_node || !plugin_node->is_string()) {
    v.error(plugin_node ? plugin_node->source() : tbl.source(),
            where + " needs plugin = \"<name>\" naming the plugin to use");
    return;
  }
  auto plugin_name = v.string_value(*plugin_node);
  if (!plugin_name) return;
  const PluginInfo* plugin = registry.find(*plugin_name);
  if (!plugin) {
    std::string msg = "unknown plugin '" + *plugin_name + "'";
    if (auto s = closest_match(*plugin_name, registry.names()); !s.empty())
      msg += "; did you mean '" + s + "'?";
    msg += " (known plugins: " + Validator::join(registry.names()) + ")";
    msg += "; " + searched_dirs(registry);
    v.error(plugin_node->source(), msg);
    return;
  }
  if (plugin->kind() != section.kind) {
    v.error(plugin_node->source(), "plugin '" + *plugin_name + "' is " +
                                       (plugin->kind() == SLUICE_KIND_ENRICHER ? "an " : "a ") +
                                       kind_name(plugin->kind()) + ", it cannot be used in " + where);
    return;
  }
  stage.plugin = plugin;
  stage.name = *plugin_name;

  const auto& d = *plugin->descriptor;
  // The listing names the plugin's own keys; suggestions also cover the
  // host's delivery keys (retries, call_timeout ...), documented once.
  std::vector<std::string> shown = {"plugin", "name"};
  if (section.kind == SLUICE_KIND_PARSER) shown.emplace_back("match");
  for (std::uint32_t i = 0; i < d.option_count; ++i) shown.emplace_back(d.options[i].name);
  std::vector<std::string> known = shown;
  known.insert(known.end(), kStageKeys.begin() + 2, kStageKeys.end());

  sdk::Map values;
  std::set<std::string, std::less<>> seen;
  for (const auto& [k, val] : tbl) {
    if (k == "plugin") continue;
    if (k == "name") {
      if (!val.is_string())
        v.error(val.source(), "name must be a string");
      else if (auto s = v.string_value(val))
        stage.name = *s;
      continue;
    }
    if (k == "match" && section.kind == SLUICE_KIND_PARSER) {
      if (auto m = v.string_list(val, "match")) stage.match = std::move(*m);
      continue;
    }
    if (std::find(kStageKeys.begin(), kStageKeys.end(), k.str()) != kStageKeys.end()) {
      stage_policy_key(k.str(), val, v, stage.policy);
      continue;
    }
    const sluice_option_desc* opt = nullptr;
    for (std::uint32_t i = 0; i < d.option_count; ++i)
      if (k == d.options[i].name) opt = &d.options[i];
    if (!opt) {
      v.unknown_key(k, "stage '" + std::string(d.name) + "' (" + where + ")", known, &shown);
      continue;
    }
    seen.insert(std::string(k.str()));
    if (auto value = v.option_value(*opt, val)) values.emplace(opt->name, std::move(*value));
  }
  for (std::uint32_t i = 0; i < d.option_count; ++i) {
    const auto& o = d.options[i];
    if (seen.count(o.name)) continue;
    if (o.required) {
      v.error(tbl.source(),
              "stage '" + stage.name + "' (plugin " + d.name + ") is missing required option '" + o.name +
                  "'" + (o.example_toml ? std::string(", e.g. ") + o.name + " = " + o.example_toml : ""));
    } else if (o.default_toml) {
      // Defaults are TOML literals, validated through the same path as user input.
      const std::string literal = std::string("v = ") + o.default_toml;
      const auto parsed = toml::parse(std::string_view(literal), std::string_view("<default>"));
      if (auto value = v.option_value(o, *parsed.get("v"))) values.emplace(o.name, std::move(*value));
    }
  }
  stage.options = sdk::Options(std::move(values));
  if (!stage.policy.sha256.empty() && stage.policy.sha256 != plugin->sha256()) {
    const auto* pin = tbl.get("sha256");
    v.error(pin->source(),
            "plugin '" + *plugin_name + "' " +
                (plugin->path.empty() ? std::string("is compiled in, it has no file to pin")
                                      : "at " + plugin->path.string() + " has sha256 " + plugin->sha256()) +
                ", the config pins " + stage.policy.sha256);
  }
  (out.*section.member).push_back(std::move(stage));
}

// A sink that rolls back to its commit token after a crash (jsonl) keeps
// at-least-once only when every source's position is stored in the same
// state transaction as that token. A source that commits its position
// elsewhere (Kafka offsets) can be ahead of the token after a crash or a
// lost state database; the rollback would then drop articles that source
// never delivers again. Refused here, at the sink, with the way out.
void check_delivery_promise(const PipelineConfig& p, Validator& v) {
  const auto flagged = [](const StageConfig& s, std::uint32_t flag) {
    return s.plugin != nullptr && (s.plugin->descriptor->flags & flag) != 0;
  };
  const auto external = std::find_if(p.sources.begin(), p.sources.end(), [&](const auto& s) {
    return flagged(s, SLUICE_PLUGIN_FLAG_EXTERNAL_POSITION);
  });
  if (external == p.sources.end()) return;
  for (const auto& s : p.sinks) {
    if (!flagged(s, SLUICE_PLUGIN_FLAG_ROLLS_BACK)) continue;
    v.error(s.position,
            "sink '" + s.name + "' (" + s.plugin->name() +
                ") cuts its output back to the state database's checkpoint after a crash, but source '" +
                external->name + "' (" + external->plugin->name() +
                ") commits its position outside that database, so after a crash the two can "
                "disagree and articles would be lost; use a sink that upserts by id (sqlite, "
                "postgres, kafka_sink) in this pipeline");
  }
}

// `mode = "replace"` on a sink (jsonl) empties its output at the start of
// every run, so the output holds exactly what that run delivered. That
// keeps every article only when every source delivers everything on every
// run, which a source says with its `incremental` option set to false. A
// source that remembers what it delivered (incremental files, feeds, HTTP
// with conditional GET, Kafka) would leave the emptied file without the
// articles of earlier runs.
void check_replace_mode(const PipelineConfig& p, Validator& v) {
  for (const auto& sink : p.sinks) {
    if (!sink.options.has("mode") || !sink.options.value("mode").is_string() ||
        sink.options.string("mode") != "replace")
      continue;
    for (const auto& source : p.sources) {
      const bool rereads_all = source.options.has("incremental") &&
                               source.options.value("incremental").is_bool() &&
                               !source.options.boolean("incremental");
      if (rereads_all) continue;
      const std::string fix = source.options.has("incremental")
                                  ? "set incremental = false on source '" + source.name + "', or use"
                                  : "use";
      v.error(sink.position,
              "sink '" + sink.name +
                  "' has mode = \"replace\", which empties its output at every "
                  "run, but source '" +
                  source.name + "' (" + (source.plugin ? source.plugin->name() : "?") +
                  ") remembers what it delivered, so the articles of earlier runs would be erased; " + fix +
                  " mode = \"append\" or \"truncate\"");
    }
  }
}

PipelineConfig pipeline_config(const std::string& name, const toml::node& node,
                               const PluginRegistry& registry, Validator& v) {
  PipelineConfig p;
  p.name = name;
  p.position = v.at(node.source());
  const auto* tbl = node.as_table();
  if (!tbl) {
    v.error(node.source(), "[pipeline." + name + "] must be a table");
    return p;
  }
  for (const auto& [k, val] : *tbl) {
    if (is_schedule_key(k.str())) {
      continue;  // read together below
    } else if (k == "workers") {
      if (auto n = v.integer(val, "workers", 0)) p.workers = static_cast<unsigned>(*n);
    } else if (k == "queue_capacity") {
      if (auto n = v.integer(val, "queue_capacity", 1)) p.queue_capacity = static_cast<std::size_t>(*n);
    } else if (k == "batch_size") {
      if (auto n = v.integer(val, "batch_size", 1)) p.batch_size = static_cast<std::size_t>(*n);
    } else if (k == "batch_timeout") {
      const sluice_option_desc spec{"batch_timeout", SLUICE_OPT_DURATION, 0, nullptr, nullptr, nullptr};
      if (auto ms = v.option_value(spec, val)) p.batch_timeout_ms = ms->as_int();
    } else if (std::any_of(std::begin(kSections), std::end(kSections),
                           [&k = k](const auto& s) { return k == s.key; })) {
      continue;  // stages are read below, in the fixed order source, parser, enrich, sink
    } else {
      v.unknown_key(k, "[pipeline." + name + "]", kPipelineKeys);
    }
  }
  check_schedule(*tbl, v, p.schedule);
  // Sections written, even if their stages were refused: a refused stage
  // has its own error, and "has no parser stage" after it would be false.
  std::set<std::string_view> declared;
  for (const auto& section : kSections) {
    const auto* stages = tbl->get(section.key);
    if (!stages) continue;
    const auto* arr = stages->as_array();
    if (!arr || !arr->is_array_of_tables()) {
      v.error(stages->source(),
              std::string("pipeline stages are written [[pipeline.") + name + "." + section.key + "]]");
      continue;
    }
    declared.insert(section.key);
    for (const auto& s : *arr) stage_config(*s.as_table(), section, name, registry, v, p);
  }
  if (p.workers == 0) p.workers = std::max(1u, std::thread::hardware_concurrency());

  // Stage names must be unique: they key metrics, state and dead letters.
  std::set<std::string, std::less<>> names;
  for (auto* list : {&p.sources, &p.parsers, &p.enrichers, &p.sinks}) {
    for (auto& s : *list) {
      if (names.insert(s.name).second) continue;
      const std::string base = s.name;
      int n = 2;
      while (names.count(base + "_" + std::to_string(n))) ++n;
      s.name = base + "_" + std::to_string(n);
      names.insert(s.name);
    }
  }
  check_delivery_promise(p, v);
  check_replace_mode(p, v);
  const auto require = [&](const std::vector<StageConfig>& list, const char* key) {
    if (list.empty() && !declared.count(key))
      v.error(node.source(),
              "pipeline '" + name + "' has no " + key + " stage; add [[pipeline." + name + "." + key + "]]");
  };
  require(p.sources, "source");
  require(p.parsers, "parser");
  require(p.sinks, "sink");
  return p;
}

}  // namespace

bool is_host_stage_key(std::string_view name) {
  return std::find(kStageKeys.begin(), kStageKeys.end(), name) != kStageKeys.end() || name == "match";
}

std::optional<std::string> check_option_literal(const sluice_option_desc& option, const char* literal,
                                                const char* role) {
  const std::string text = std::string("v = ") + literal;
  toml::table parsed;
  try {
    parsed = toml::parse(std::string_view(text), std::string_view("<descriptor>"));
  } catch (const toml::parse_error& e) {
    return std::string("option '") + option.name + "': " + role + " " + literal + " is not a TOML value (" +
           std::string(e.description()) + ")";
  }
  Validator v("<descriptor>");
  if (v.option_value(option, *parsed.get("v")) && v.ok()) return std::nullopt;
  return std::string("option '") + option.name + "': " + role + " " + literal +
         " does not fit its type: " + v.errors().front().detail();
}

HostSettings read_host_settings(const std::string& text, const std::string& file) {
  const auto root = parse_toml(text, file);
  Validator v(file);
  auto host = host_settings(root, v);
  if (!v.ok()) throw ConfigErrors(v.errors());
  return host;
}

Config load_config(const std::string& text, const std::string& file, const PluginRegistry& registry) {
  const auto root = parse_toml(text, file);
  Validator v(file);
  Config config;
  config.file = file;
  config.host = host_settings(root, v);
  for (const auto& [k, val] : root) {
    if (k == "host") continue;
    if (k != "pipeline") {
      v.unknown_key(k, "the top level", kTopKeys);
      continue;
    }
    const auto* pipelines = val.as_table();
    if (!pipelines) {
      v.error(val.source(), "pipelines are written [pipeline.<name>]");
      continue;
    }
    for (const auto& [name, p] : *pipelines)
      config.pipelines.push_back(pipeline_config(std::string(name.str()), p, registry, v));
  }
  // Pipelines run in the order written, not the TOML table's key order.
  std::stable_sort(config.pipelines.begin(), config.pipelines.end(),
                   [](const auto& a, const auto& b) { return a.position.line < b.position.line; });
  if (config.pipelines.empty() && v.ok())
    v.error(root.source(), "no pipeline defined; add a [pipeline.<name>] table");
  if (!v.ok()) throw ConfigErrors(v.errors());
  return config;
}

Config load_config_file(const std::filesystem::path& file, const PluginRegistry& registry) {
  return load_config(read_text_file(file), file.string(), registry);
}

}  // namespace sluice::host
