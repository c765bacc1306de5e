#include "scaffold.hpp"

#include <array>
#include <fstream>
#include <map>
#include <stdexcept>

#include "example_options.hpp"
#include "sluice/host/options_schema.hpp"
#include "sluice/host/plugin_registry.hpp"
#include "templates.hpp"

namespace sluice::scaffold {
namespace {

// Words a plugin name cannot be because it becomes a C++ namespace, plus
// the namespaces the generated code refers to unqualified from inside it.
constexpr std::array kReserved = {
    "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break", "case", "catch",
    "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept", "const", "consteval", "constexpr",
    "constinit", "const_cast", "continue", "co_await", "co_return", "co_yield", "decltype", "default",
    "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit", "export", "extern", "false",
    "float", "for", "friend", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new",
    "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private", "protected", "public",
    "register", "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
    "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true",
    "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
    "wchar_t", "while", "xor", "xor_eq",
    // namespaces the generated sources name from inside sluice::plugins::<name>
    "std", "sdk", "sluice", "plugins"};

constexpr std::size_t kMaxName = 64;

std::string pascal_case(std::string_view name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// "word_count" + enricher -> WordCountEnricher; "tag_enricher" -> TagEnricher.
std::string class_name(const std::string& name, const std::string& kind) {
  const std::string suffix = "_" + kind;
  const bool has_kind =
      name == kind ||
      (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0);
  return pascal_case(name) + (has_kind ? "" : pascal_case(kind));
}

// "text" with quotes and backslashes escaped.
std::string cxx_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

// A C++ string literal, split into pieces at spaces so no line of the
// generated source runs past the project's 110 columns.
std::string cxx_literal(std::string_view text, std::size_t indent) {
  constexpr std::size_t kPiece = 80;
  std::string out, piece;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    if (!piece.empty() && piece.size() + (end - start) > kPiece) {
      out.append(cxx_quoted(piece)).append("\n").append(indent, ' ');
      piece.clear();
    }
    piece.append(text.substr(start, end - start));
    start = end;
  }
  return out + cxx_quoted(piece);
}

const char* type_constant(sluice_option_type type) {
  switch (type) {
    case SLUICE_OPT_STRING: return "SLUICE_OPT_STRING";
    case SLUICE_OPT_INT: return "SLUICE_OPT_INT";
    case SLUICE_OPT_FLOAT: return "SLUICE_OPT_FLOAT";
    case SLUICE_OPT_BOOL: return "SLUICE_OPT_BOOL";
    case SLUICE_OPT_DURATION: return "SLUICE_OPT_DURATION";
    case SLUICE_OPT_SIZE: return "SLUICE_OPT_SIZE";
    case SLUICE_OPT_LIST: return "SLUICE_OPT_LIST";
    case SLUICE_OPT_TABLE: break;
  }
  return "SLUICE_OPT_TABLE";
}

// SLUICE_PLUGIN's description argument and what separates it from the next
// one, laid out as clang-format lays it out: a literal split over several
// lines puts the following arguments on a line of their own.
std::string description_argument(std::string_view description) {
  constexpr std::size_t kIndent = 14;  // under "SLUICE_PLUGIN("
  const std::string literal = cxx_literal(description, kIndent);
  const bool split = literal.find('\n') != std::string::npos;
  return literal + (split ? ",\n" + std::string(kIndent, ' ') : std::string(", "));
}

// The entries of src/plugin.cpp's kOptions, in the built-in plugins' layout.
std::string cxx_options(const std::vector<ExampleOption>& options) {
  std::string out;
  for (const auto& o : options) {
    if (!out.empty()) out += "\n";
    out += "    {.name = \"" + o.name + "\",\n";
    out += std::string("     .type = ") + type_constant(o.type) + ",\n";
    out += std::string("     .required = ") + (o.required ? "1" : "0") + ",\n";
    out += "     .default_toml = " + (o.default_toml.empty() ? "nullptr" : cxx_literal(o.default_toml, 21)) +
           ",\n";
    out += "     .description = " + cxx_literal(o.description, 20) + ",\n";
    out += "     .example_toml = " + cxx_literal(o.example_toml, 21) + "},";
  }
  return out;
}

// The README table and sample.toml come from the host's own renderers, fed
// the descriptor the generated plugin will declare.
struct HostViews {
  std::string options_table;
  std::string sample;
};

HostViews host_views(const std::string& name, std::uint32_t kind, const Example& example) {
  std::vector<sluice_option_desc> options;
  for (const auto& o : example.options)
    options.push_back({o.name.c_str(), o.type, o.required ? 1 : 0,
                       o.default_toml.empty() ? nullptr : o.default_toml.c_str(), o.description.c_str(),
                       o.example_toml.c_str()});
  sluice_plugin_descriptor d{};
  d.kind = kind;
  d.flags = example.flags;
  d.name = name.c_str();
  d.version = "0.1.0";
  d.description = example.description.c_str();
  d.options = options.data();
  d.option_count = static_cast<std::uint32_t>(options.size());
  host::PluginInfo info;
  info.descriptor = &d;
  return {host::describe_plugin(info, host::DescribeFormat::Markdown), host::sample_toml(info)};
}

// Replaces each @KEY@ with its value; an unknown @KEY@ is a template bug.
std::string substitute(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto at = text.find('@', i);
    const auto close = at == std::string_view::npos ? at : text.find('@', at + 1);
    if (close == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    const std::string key(text.substr(at + 1, close - at - 1));
    const auto it = values.find(key);
    if (it == values.end())
      throw std::logic_error("scaffold template uses unknown placeholder @" + key + "@");
    out.append(text.substr(i, at - i));
    out += it->second;
    i = close + 1;
  }
  return out;
}

}  // namespace

std::optional<std::string> check_name(std::string_view name) {
  const std::string quoted = std::string("'").append(name).append("'");
  if (name.empty()) return "the plugin name is empty";
  if (name.size() > kMaxName) return "plugin name " + quoted + " is longer than 64 characters";
  if (name[0] < 'a' || name[0] > 'z') return "plugin name " + quoted + " must start with a lowercase letter";
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      return "plugin name " + quoted + " may hold only lowercase letters, digits and '_'";
  if (name.find("__") != std::string_view::npos)
    return "plugin name " + quoted + " contains \"__\", which C++ reserves";
  for (const char* word : kReserved)
    if (name == word)
      return "plugin name " + quoted + " is a C++ keyword or a namespace the generated code uses";
  return std::nullopt;
}

std::optional<std::uint32_t> parse_kind(std::string_view kind) {
  for (std::uint32_t k = SLUICE_KIND_SOURCE; k <= SLUICE_KIND_SINK; ++k)
    if (kind == host::kind_name(k)) return k;
  return std::nullopt;
}

std::vector<File> render_project(std::uint32_t kind, const std::string& name) {
  if (auto why = check_name(name)) throw std::invalid_argument(*why);
  if (kind < SLUICE_KIND_SOURCE || kind > SLUICE_KIND_SINK)
    throw std::invalid_argument("unknown stage kind " + std::to_string(kind));
  const std::string kind_text = host::kind_name(kind);
  const Example example = example_for(kind, name);
  const HostViews views = host_views(name, kind, example);
  const std::map<std::string, std::string> values = {
      {"NAME", name},
      {"KIND", kind_text},
      {"CLASS", class_name(name, kind_text)},
      {"DESCRIPTION", example.description},
      {"DESCRIPTION_ARGUMENT", description_argument(example.description)},
      {"FLAGS", example.flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE ? "SLUICE_PLUGIN_FLAG_THREAD_SAFE" : "0"},
      {"OPTIONS", cxx_options(example.options)},
      {"OPTIONS_TABLE", views.options_table},
      {"SAMPLE", views.sample},
  };
  const std::pair<const char*, std::string> layout[] = {
      {"common/CMakeLists.txt.in", "CMakeLists.txt"}, {"common/README.md.in", "README.md"},
      {"common/sample.toml.in", "sample.toml"},       {"common/gitignore.in", ".gitignore"},
      {"common/plugin.cpp.in", "src/plugin.cpp"},     {"stage.hpp.in", "src/" + name + ".hpp"},
      {"stage.cpp.in", "src/" + name + ".cpp"},       {"test.cpp.in", "tests/" + name + "_test.cpp"},
  };
  std::vector<File> files;
  for (const auto& [source, target] : layout) {
    const std::string path =
        std::string_view(source).starts_with("common/") ? source : kind_text + "/" + source;
    files.push_back({target, substitute(template_text(path), values)});
  }
  return files;
}

std::vector<File> render_lua_script(const std::string& name) {
  if (auto why = check_name(name)) throw std::invalid_argument(*why);
  const std::map<std::string, std::string> values = {{"NAME", name}};
  return {{name + ".lua", substitute(template_text("lua/script.lua.in"), values)},
          {name + ".toml", substitute(template_text("lua/pipeline.toml.in"), values)},
          {"input/example.txt", substitute(template_text("lua/example.txt.in"), values)}};
}

void write_project(const std::filesystem::path& dir, const std::vector<File>& files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (!fs::is_directory(dir, ec)) throw std::runtime_error(dir.string() + " exists and is not a directory");
    if (!fs::is_empty(dir, ec))
      throw std::runtime_error(dir.string() + " is not empty; nothing was written (choose another --dir)");
  }
  for (const auto& f : files) {
    const fs::path path = dir / f.path;
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw std::runtime_error("cannot create " + path.parent_path().string() + ": " + ec.message());
    std::ofstream out(path, std::ios::binary);
    out << f.text;
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
  }
}

}  // namespace sluice::scaffold
