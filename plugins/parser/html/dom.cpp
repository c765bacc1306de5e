#include "dom.hpp"

#include <utility>

#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

GumboOptions parse_options() {
  GumboOptions options = kGumboDefaultOptions;
  // Gumbo copies the stack of open elements into every parse error it
  // records: on deeply nested broken pages that is quadratic memory. We
  // never read the errors.
  options.max_errors = 0;
  return options;
}

// Gumbo's node for element children and its text for text-like nodes.
bool is_text_like(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

}  // namespace

Dom::Dom(std::string_view html) {
  const GumboOptions options = parse_options();
  output_ = gumbo_parse_with_options(&options, html.data(), html.size());
  if (output_ == nullptr || output_->root == nullptr) return;

  // Iterative pre-order walk; `stack` holds (gumbo node, parent index).
  struct Pending {
    const GumboNode* node;
    int parent;
  };
  std::vector<Pending> stack{{output_->root, -1}};
  std::vector<int> open;  // indexes of elements whose subtree is still being filled
  while (!stack.empty()) {
    const Pending p = stack.back();
    stack.pop_back();
    // Close every element the new node is not inside of.
    while (!open.empty() && open.back() != p.parent) {
      nodes_[static_cast<std::size_t>(open.back())].end = size();
      open.pop_back();
    }
    Node node;
    node.parent = p.parent;
    node.depth = p.parent < 0 ? 0 : (*this)[p.parent].depth + 1;
    const int index = size();
    if (is_text_like(p.node)) {
      node.kind = NodeKind::Text;
      node.text = p.node->v.text.text;
      node.end = index + 1;
      nodes_.push_back(node);
      continue;
    }
    if (p.node->type != GUMBO_NODE_ELEMENT) continue;  // comments, <template> content
    const GumboElement& element = p.node->v.element;
    node.tag = element.tag;
    node.element = &element;
    nodes_.push_back(node);
    open.push_back(index);
    if (element.tag == GUMBO_TAG_HEAD && head_ < 0) head_ = index;
    if (element.tag == GUMBO_TAG_BODY && body_ < 0) body_ = index;
    for (unsigned k = element.children.length; k > 0; --k) {
      stack.push_back({static_cast<const GumboNode*>(element.children.data[k - 1]), index});
    }
  }
  for (const int i : open) nodes_[static_cast<std::size_t>(i)].end = size();
}

Dom::~Dom() {
  if (output_ != nullptr) {
    const GumboOptions options = parse_options();
    gumbo_destroy_output(&options, output_);
  }
}

std::string_view Dom::attr(int i, const char* name) const {
  const GumboElement* element = (*this)[i].element;
  if (element == nullptr) return {};
  const GumboAttribute* a = gumbo_get_attribute(&element->attributes, name);
  return a == nullptr || a->value == nullptr ? std::string_view{} : std::string_view(a->value);
}

bool Dom::has_attr(int i, const char* name) const {
  const GumboElement* element = (*this)[i].element;
  return element != nullptr && gumbo_get_attribute(&element->attributes, name) != nullptr;
}

std::string_view Dom::tag_name(int i) const {
  const Node& n = (*this)[i];
  if (n.kind != NodeKind::Element) return {};
  if (n.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(n.tag);
  GumboStringPiece piece = n.element->original_tag;
  gumbo_tag_from_original_text(&piece);  // strips "<" and attributes
  return std::string_view(piece.data, piece.length);
}

bool is_never_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_NOEMBED:
    // Ruby annotations (furigana) gloss the base text, they are not part of it.
    case GUMBO_TAG_RT:
    case GUMBO_TAG_RP: return true;
    default: return false;
  }
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_UNKNOWN: return true;
    default: return false;
  }
}

std::string inner_text(const Dom& dom, int node) {
  TextBuilder text;
  const int end = dom[node].end;
  std::vector<int> open;  // block elements entered, to break the line when leaving them
  for (int i = node; i < end;) {
    while (!open.empty() && dom[open.back()].end <= i) {
      open.pop_back();
      text.soft_break();
    }
    const Node& n = dom[i];
    if (n.kind == NodeKind::Text) {
      text.append(n.text);
      ++i;
      continue;
    }
    if (is_never_text(n.tag)) {
      i = n.end;
      continue;
    }
    if (n.tag == GUMBO_TAG_BR || is_block(n.tag)) text.soft_break();
    if (is_block(n.tag)) open.push_back(i);
    ++i;
  }
  return text.take();
}

}  // namespace sluice::plugins::html
