#include "eval_data.hpp"

#include <simdjson.h>

#include <stdexcept>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace sluice::bench::html_eval {
namespace {

namespace fs = std::filesystem;
using simdjson::dom::element;

element load(simdjson::dom::parser& parser, const fs::path& json) {
  element root;
  if (const auto err = parser.load(json.string()).get(root); err != simdjson::SUCCESS)
    throw std::runtime_error(json.string() + ": " + simdjson::error_message(err));
  if (!root.is_object()) throw std::runtime_error(json.string() + ": not a JSON object");
  return root;
}

std::string text_field(element object, const char* key) {
  std::string_view s;
  return object[key].get_string().get(s) == simdjson::SUCCESS ? std::string(s) : std::string();
}

std::vector<std::string> string_list(element object, const char* key) {
  std::vector<std::string> out;
  simdjson::dom::array list;
  if (object[key].get_array().get(list) != simdjson::SUCCESS) return out;
  for (element e : list) {
    std::string_view s;
    if (e.get_string().get(s) == simdjson::SUCCESS) out.emplace_back(s);
  }
  return out;
}

}  // namespace

std::vector<EvalPage> read_evaldata(const fs::path& json, const std::vector<fs::path>& dirs,
                                    std::vector<std::string>& missing) {
  simdjson::dom::parser parser;
  const element root = load(parser, json);
  std::vector<EvalPage> pages;
  for (const auto field : simdjson::dom::object(root)) {
    if (!field.value.is_object()) continue;
    EvalPage page;
    page.id = std::string(field.key);
    const std::string file = text_field(field.value, "file");
    for (const auto& dir : dirs) {
      if (fs::is_regular_file(dir / file)) {
        page.file = dir / file;
        break;
      }
    }
    if (file.empty() || page.file.empty()) {
      missing.push_back(file.empty() ? page.id : file);
      continue;
    }
    page.with = string_list(field.value, "with");
    page.without = string_list(field.value, "without");
    page.title = text_field(field.value, "title");
    page.author = text_field(field.value, "author");
    page.date = text_field(field.value, "date");
    pages.push_back(std::move(page));
  }
  return pages;
}

std::vector<EvalPage> read_ground_truth(const fs::path& json, const fs::path& dir,
                                        std::vector<std::string>& missing) {
  simdjson::dom::parser parser;
  const element root = load(parser, json);
  std::vector<EvalPage> pages;
  for (const auto field : simdjson::dom::object(root)) {
    if (!field.value.is_object()) continue;
    EvalPage page;
    page.id = std::string(field.key);
    page.file = dir / (page.id + ".html");
    if (!fs::is_regular_file(page.file)) {
      missing.push_back(page.file.string());
      continue;
    }
    page.gold = text_field(field.value, "articleBody");
    page.title = text_field(field.value, "headline");
    pages.push_back(std::move(page));
  }
  return pages;
}

bool is_held_out(const EvalPage& page) { return XXH3_64bits(page.id.data(), page.id.size()) % 5 == 0; }

}  // namespace sluice::bench::html_eval
