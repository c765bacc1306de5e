// A feed's XML as a libxml2 tree, read in recovery mode so a broken item
// does not cost the rest, with every parse error kept with its line.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::feed {

struct XmlError {
  std::size_t line = 0;
  std::string message;
};

// Which vocabulary an element belongs to, from its namespace URI.
enum class Vocabulary { Core, Atom, DublinCore, Content, ITunes, Rdf, Other };

// libxml2's one-time global set-up. It is not safe to run it from several
// threads at once, so stages call this while being constructed, before any
// worker parses.
void init_xml_library();

class XmlDocument {
 public:
  // Parses UTF-8 `xml`. Never throws for bad XML: check root() and errors().
  XmlDocument(std::string_view xml, const std::string& url);
  ~XmlDocument();
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  xmlNode* root() const;
  const std::vector<XmlError>& errors() const { return errors_; }
  // Makes relative links resolve against `url` (the feed's own link) where
  // no xml:base says otherwise.
  void set_base(const std::string& url);
  // The base URL in effect at `node` (xml:base chain over the document URL).
  std::string base(const xmlNode* node) const;

 private:
  static void on_error(void* ctx, const xmlError* error);
  xmlDoc* doc_ = nullptr;
  std::vector<XmlError> errors_;
};

// --- reading nodes -------------------------------------------------------

std::string_view local_name(const xmlNode* n);
Vocabulary vocabulary(const xmlNode* n);
// An element child iteration helper: the next element sibling, or null.
xmlNode* first_element(const xmlNode* parent);
xmlNode* next_element(const xmlNode* n);
std::string attribute(const xmlNode* n, const char* name);
// The text of `n` and its descendants (text and CDATA only: entity
// references declared in a DTD are not expanded, so no "billion laughs").
std::string text_of(const xmlNode* n);
// Markup of the children of `n` as XML text, for XHTML content.
std::string inner_xml(const xmlNode* n);
// True when `n` has element children (unescaped HTML pasted into a feed).
bool has_element_children(const xmlNode* n);
std::size_t line_of(const xmlNode* n);
// xml:lang in effect at `n`, or empty.
std::string language_of(const xmlNode* n);

}  // namespace sluice::plugins::feed
