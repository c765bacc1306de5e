#include "places_enricher.hpp"

#include "place_finder.hpp"

namespace sluice::plugins::places {

PlacesEnricher::PlacesEnricher(const sdk::StageInit& init) : cities_(init.options.boolean("cities")) {}

void PlacesEnricher::enrich(sdk::Article& article) {
  std::vector<std::string_view> texts;
  texts.reserve(article.body.size() + 2);
  if (!article.title.empty()) texts.emplace_back(article.title);
  if (!article.caption.empty()) texts.emplace_back(article.caption);
  for (const auto& p : article.body) texts.emplace_back(p);

  sdk::List list;
  for (const PlaceCount& p : count_places(gazetteer_, texts, cities_)) {
    sdk::Map entry;
    entry["name"] = p.place->display;
    entry["code"] = p.place->code;
    entry["type"] = p.place->type == PlaceType::Country ? "country" : "city";
    entry["count"] = static_cast<std::int64_t>(p.count);
    list.emplace_back(std::move(entry));
  }
  if (!list.empty()) article.fields["places"] = std::move(list);
}

}  // namespace sluice::plugins::places
