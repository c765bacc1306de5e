#include "entities_enricher.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "sluice/sdk/paths.hpp"

namespace sluice::plugins::entities {
namespace {

std::string read_gazetteer(const sdk::StageInit& init) {
  const std::string& path = init.options.string("gazetteer");
  if (path.empty()) return {};
  const auto resolved = sdk::resolve_path(init, path);
  std::ifstream in(resolved, std::ios::binary);
  if (!in) throw sdk::StageError("entities: cannot read gazetteer " + resolved.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Recognizer make_recognizer(const sdk::StageInit& init) {
  try {
    return Recognizer(read_gazetteer(init));
  } catch (const std::invalid_argument& e) {
    throw sdk::StageError("entities: " + init.options.string("gazetteer") + ": " + e.what());
  } catch (const std::runtime_error& e) {  // the compiled-in model did not parse
    throw sdk::StageError(std::string("entities: NER model: ") + e.what());
  }
}

// "en-GB", "EN_us" -> "en".
std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

}  // namespace

EntitiesEnricher::EntitiesEnricher(const sdk::StageInit& init) : recognizer_(make_recognizer(init)) {
  options_.title = init.options.boolean("title");
  options_.caption = init.options.boolean("caption");
  options_.credit = init.options.boolean("credit");
  const auto min = init.options.integer("min_mentions");
  if (min < 1) throw sdk::StageError("entities: min_mentions must be at least 1");
  min_mentions_ = static_cast<std::size_t>(min);
  for (const auto& t : init.options.strings("types")) {
    sdk::EntityType type;
    if (!parse_entity_type(t, type))
      throw sdk::StageError("entities: unknown type '" + t +
                            "' in types (expected PERSON, ORG, LOCATION, MISC)");
    keep_[static_cast<std::size_t>(type)] = true;
  }
  for (const auto& l : init.options.strings("languages")) {
    if (l.empty()) throw sdk::StageError("entities: an empty entry in languages");
    languages_.push_back(primary_subtag(l));
  }
}

void EntitiesEnricher::enrich(sdk::Article& article) {
  if (!article.language.empty()) {
    const std::string lang = primary_subtag(article.language);
    if (std::find(languages_.begin(), languages_.end(), lang) == languages_.end()) {
      article.entities.clear();
      article.fields["entities_skipped"] = "language " + lang + " is not in languages";
      return;
    }
  }
  auto found = recognizer_.recognize(article, options_);
  article.entities.clear();
  for (auto& e : found)
    if (keep_[static_cast<std::size_t>(e.type)] && e.mentions.size() >= min_mentions_)
      article.entities.push_back(std::move(e));
}

}  // namespace sluice::plugins::entities
