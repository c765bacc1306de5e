#include "links.hpp"

#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

namespace sluice::plugins::feed {

std::string resolve_link(std::string_view link, std::string_view base) {
  const std::string l(link), b(base);
  if (l.empty()) return l;
  if (b.empty()) return l;
  xmlChar* built =
      xmlBuildURI(reinterpret_cast<const xmlChar*>(l.c_str()), reinterpret_cast<const xmlChar*>(b.c_str()));
  if (built == nullptr) return l;
  std::string out(reinterpret_cast<const char*>(built));
  xmlFree(built);
  return out;
}

bool is_web_url(std::string_view link) {
  const auto starts = [&](std::string_view p) {
    if (link.size() <= p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if ((link[i] | 0x20) != p[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://");
}

}  // namespace sluice::plugins::feed
