#include "iso_codes.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

namespace sluice::nlp_datagen {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Array::Ptr load(const std::string& dir, const std::string& file, const std::string& key) {
  const std::string path = dir + "/" + file;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path +
                             " (Debian package iso-codes: apt-get install iso-codes)");
  std::ostringstream s;
  s << in.rdbuf();
  Poco::JSON::Parser parser;
  auto root = parser.parse(s.str()).extract<Object::Ptr>();
  auto arr = root->getArray(key);
  if (!arr) throw std::runtime_error(path + ": no \"" + key + "\" array");
  return arr;
}

std::string field(const Object::Ptr& o, const std::string& k) {
  return o->has(k) ? o->getValue<std::string>(k) : std::string();
}

// "Korea, Republic of" -> "Republic of Korea"; "Congo, The Democratic
// Republic of the" -> "Democratic Republic of the Congo".
std::string invert(const std::string& name) {
  const auto comma = name.find(", ");
  if (comma == std::string::npos) return name;
  std::string head = name.substr(0, comma), tail = name.substr(comma + 2);
  if (tail.rfind("The ", 0) == 0) tail.erase(0, 4);
  return tail + " " + head;
}

bool usable(const std::string& phrase) {
  return !phrase.empty() && phrase.find_first_of("(),[];") == std::string::npos;
}

class Out {
 public:
  void add(const std::string& phrase, const char* type, const std::string& canonical) {
    if (!usable(phrase) || !seen_.insert(phrase).second) return;
    s_ << phrase << '\t' << type << '\t' << canonical << '\n';
  }
  std::string str() const { return s_.str(); }

 private:
  std::ostringstream s_;
  std::set<std::string> seen_;
};

void countries(const std::string& dir, Out& out) {
  auto arr = load(dir, "iso_3166-1.json", "3166-1");
  for (std::size_t i = 0; i < arr->size(); ++i) {
    auto o = arr->getObject(static_cast<unsigned>(i));
    const std::string name = field(o, "name"), common = field(o, "common_name"),
                      official = field(o, "official_name");
    const std::string canonical = !common.empty() ? common : invert(name);
    out.add(canonical, "LOCATION", canonical);
    out.add(name, "LOCATION", canonical);
    out.add(invert(name), "LOCATION", canonical);
    if (official.rfind("the ", 0) == 0)
      out.add(official.substr(4), "LOCATION", canonical);
    else
      out.add(official, "LOCATION", canonical);
  }
}

void former_countries(const std::string& dir, Out& out) {
  auto arr = load(dir, "iso_3166-3.json", "3166-3");
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const std::string name = field(arr->getObject(static_cast<unsigned>(i)), "name");
    const auto comma = name.find(", ");
    if (comma == std::string::npos) {
      out.add(name, "LOCATION", name);
      continue;
    }
    const std::string head = name.substr(0, comma), tail = name.substr(comma + 2);
    const bool acronym = head.find_first_of("abcdefghijklmnopqrstuvwxyz ") == std::string::npos;
    if (acronym) {  // "USSR, Union of Soviet Socialist Republics"
      out.add(head, "LOCATION", tail);
      out.add(tail, "LOCATION", tail);
    } else {
      out.add(invert(name), "LOCATION", invert(name));
    }
  }
}

// Subdivisions English-language news names as iso-codes spells them;
// elsewhere iso-codes gives local forms ("Bayern", "Kharkivska oblast")
// that English text rarely uses.
bool wanted_subdivision(const std::string& code, const std::string& type) {
  const std::string country = code.substr(0, 2);
  static const std::set<std::string> all_types = {"US", "CA", "AU", "IN", "BR", "MX", "NG", "JP", "PK"};
  if (all_types.count(country)) return true;
  if (country == "GB") return type == "Country" || type == "Province" || type == "Nation";
  return false;
}

void subdivisions(const std::string& dir, Out& out) {
  auto arr = load(dir, "iso_3166-2.json", "3166-2");
  for (std::size_t i = 0; i < arr->size(); ++i) {
    auto o = arr->getObject(static_cast<unsigned>(i));
    if (!wanted_subdivision(field(o, "code"), field(o, "type"))) continue;
    std::string name = field(o, "name");
    if (const auto bracket = name.find(" ["); bracket != std::string::npos) name.erase(bracket);
    out.add(name, "LOCATION", name);
  }
}

void languages(const std::string& dir, Out& out) {
  auto arr = load(dir, "iso_639-2.json", "639-2");
  for (std::size_t i = 0; i < arr->size(); ++i) {
    auto o = arr->getObject(static_cast<unsigned>(i));
    if (!o->has("alpha_2")) continue;
    // "Spanish; Castilian": each alternative names the language.
    const std::string names = field(o, "name");
    std::string canonical;
    std::size_t start = 0;
    while (start <= names.size()) {
      auto end = names.find("; ", start);
      if (end == std::string::npos) end = names.size();
      const std::string one = names.substr(start, end - start);
      if (canonical.empty()) canonical = one;
      out.add(one, "MISC", canonical);
      start = end + 2;
    }
  }
}

}  // namespace

std::string iso_gazetteer(const std::string& json_dir) {
  Out out;
  countries(json_dir, out);
  former_countries(json_dir, out);
  subdivisions(json_dir, out);
  languages(json_dir, out);
  return out.str();
}

}  // namespace sluice::nlp_datagen
