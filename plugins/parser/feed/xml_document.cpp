#include "xml_document.hpp"

#include <libxml/parser.h>
#include <libxml/xmlsave.h>

#include <cstring>

namespace sluice::plugins::feed {
namespace {

std::string to_string(const xmlChar* s) {
  return s == nullptr ? std::string() : reinterpret_cast<const char*>(s);
}

std::string take(xmlChar* s) {
  std::string out = to_string(s);
  xmlFree(s);
  return out;
}

void collect_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content != nullptr) out += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      collect_text(c, out);
    }
  }
}

}  // namespace

void init_xml_library() { xmlInitParser(); }

XmlDocument::XmlDocument(std::string_view xml, const std::string& url) {
  xmlParserCtxt* ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) return;
  // Errors go to this object, not to stderr or a process-wide handler.
  // (A generic lambda fits both the libxml2 < 2.12 and >= 2.12 signature.)
  ctxt->sax->serror = [](void* ctx, auto* error) { XmlDocument::on_error(ctx, error); };
  ctxt->_private = this;
  // RECOVER: build what can be built past errors. NONET: never fetch a
  // DTD. No NOENT: entities declared in a DTD are not substituted.
  const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING;
  doc_ = xmlCtxtReadMemory(ctxt, xml.data(), static_cast<int>(xml.size()),
                           url.empty() ? nullptr : url.c_str(), "UTF-8", options);
  xmlFreeParserCtxt(ctxt);
}

XmlDocument::~XmlDocument() {
  if (doc_ != nullptr) xmlFreeDoc(doc_);
}

void XmlDocument::on_error(void* ctx, const xmlError* error) {
  auto* ctxt = static_cast<xmlParserCtxt*>(ctx);
  if (ctxt == nullptr || ctxt->_private == nullptr || error == nullptr || error->level < XML_ERR_ERROR)
    return;
  auto* self = static_cast<XmlDocument*>(ctxt->_private);
  if (self->errors_.size() >= 1000) return;  // a garbage file is not worth more
  std::string message = to_string(reinterpret_cast<const xmlChar*>(error->message));
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  self->errors_.push_back({static_cast<std::size_t>(error->line > 0 ? error->line : 0), std::move(message)});
}

xmlNode* XmlDocument::root() const { return doc_ == nullptr ? nullptr : xmlDocGetRootElement(doc_); }

void XmlDocument::set_base(const std::string& url) {
  if (doc_ == nullptr) return;
  if (doc_->URL != nullptr) xmlFree(const_cast<xmlChar*>(doc_->URL));
  doc_->URL = xmlStrdup(reinterpret_cast<const xmlChar*>(url.c_str()));
}

std::string XmlDocument::base(const xmlNode* node) const {
  if (doc_ == nullptr) return {};
  return take(xmlNodeGetBase(doc_, node));
}

std::string_view local_name(const xmlNode* n) {
  return n->name == nullptr ? std::string_view() : reinterpret_cast<const char*>(n->name);
}

Vocabulary vocabulary(const xmlNode* n) {
  if (n->ns == nullptr || n->ns->href == nullptr) return Vocabulary::Core;
  const std::string_view uri = reinterpret_cast<const char*>(n->ns->href);
  if (uri == "http://www.w3.org/2005/Atom" || uri == "http://purl.org/atom/ns#") return Vocabulary::Atom;
  if (uri == "http://purl.org/dc/elements/1.1/" || uri == "http://purl.org/dc/terms/")
    return Vocabulary::DublinCore;
  if (uri == "http://purl.org/rss/1.0/modules/content/") return Vocabulary::Content;
  if (uri == "http://www.itunes.com/dtds/podcast-1.0.dtd") return Vocabulary::ITunes;
  if (uri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#") return Vocabulary::Rdf;
  // RSS 0.90/1.0 and Userland's RSS 2 namespace are RSS's own elements.
  if (uri == "http://purl.org/rss/1.0/" || uri == "http://my.netscape.com/rdf/simple/0.9/" ||
      uri == "http://backend.userland.com/rss2" || uri == "http://backend.userland.com/rss")
    return Vocabulary::Core;
  return Vocabulary::Other;
}

xmlNode* first_element(const xmlNode* parent) {
  for (xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) return c;
  }
  return nullptr;
}

xmlNode* next_element(const xmlNode* n) {
  for (xmlNode* c = n->next; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) return c;
  }
  return nullptr;
}

std::string attribute(const xmlNode* n, const char* name) {
  // Any namespace: rdf:about and plain about both count.
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && std::strcmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      std::string out;
      for (const xmlNode* c = a->children; c != nullptr; c = c->next) {
        if (c->content != nullptr) out += reinterpret_cast<const char*>(c->content);
      }
      return out;
    }
  }
  return {};
}

std::string text_of(const xmlNode* n) {
  std::string out;
  collect_text(n, out);
  return out;
}

std::string inner_xml(const xmlNode* n) {
  xmlBuffer* buffer = xmlBufferCreate();
  if (buffer == nullptr) return {};
  for (xmlNode* c = n->children; c != nullptr; c = c->next) xmlNodeDump(buffer, n->doc, c, 0, 0);
  std::string out = to_string(xmlBufferContent(buffer));
  xmlBufferFree(buffer);
  return out;
}

bool has_element_children(const xmlNode* n) { return first_element(n) != nullptr; }

std::size_t line_of(const xmlNode* n) {
  return static_cast<std::size_t>(xmlGetLineNo(n) > 0 ? xmlGetLineNo(n) : 0);
}

std::string language_of(const xmlNode* n) { return take(xmlNodeGetLang(n)); }

}  // namespace sluice::plugins::feed
