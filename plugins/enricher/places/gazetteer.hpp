// The places gazetteer: country names (iso-codes) and major cities, as a
// table generated at build time (make_gazetteer.cmake), indexed for lookups
// of a text span in one hash probe.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "sluice/text_stats/string_table.hpp"

namespace sluice::plugins::places {

enum class PlaceType { Country, City };

struct GazetteerRow {
  const char* match;    // the name as written in text
  const char* code;     // ISO 3166-1 alpha-2 (of the city's country for cities)
  const char* display;  // the name reported
  PlaceType type;
};

// Built once; read-only afterwards, so one instance serves every thread.
class Gazetteer {
 public:
  Gazetteer();

  // The row whose name is exactly `span` (case matters: "Turkey", not
  // "turkey"; "US", not "us").
  const GazetteerRow* find(std::string_view span) const;

  // The most words any name starting with the word `first` has, or 0 when
  // no name starts with it: most words are rejected with this one probe.
  std::uint32_t longest_starting_with(std::string_view first) const;

  std::size_t size() const { return names_.size(); }

 private:
  void add(std::string_view name, std::uint32_t row);

  text_stats::StringTable names_;        // name -> row
  text_stats::StringTable first_words_;  // first word -> index into longest_
  std::vector<std::uint32_t> longest_;
};

}  // namespace sluice::plugins::places
