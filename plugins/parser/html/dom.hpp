// The page as a flat array of nodes in document order, built once from
// gumbo's tree. A subtree is the index range [i, nodes[i].end), so every
// later pass is a loop over indexes: no recursion, whatever the nesting.
#pragma once

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sluice::plugins::html {

enum class NodeKind : std::uint8_t { Element, Text };

struct Node {
  NodeKind kind = NodeKind::Element;
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN for text and unknown elements
  int parent = -1;                   // -1 for the root (<html>)
  int end = 0;                       // one past the last descendant
  int depth = 0;
  const GumboElement* element = nullptr;  // attributes; null for text
  std::string_view text;                  // text nodes only (entities decoded)
};

class Dom {
 public:
  // Parses UTF-8 `html`. Never fails: like a browser, gumbo builds a tree
  // (with <html>, <head> and <body>) from any input. `html` must outlive
  // the Dom.
  explicit Dom(std::string_view html);
  ~Dom();
  Dom(const Dom&) = delete;
  Dom& operator=(const Dom&) = delete;

  const std::vector<Node>& nodes() const { return nodes_; }
  int size() const { return static_cast<int>(nodes_.size()); }
  const Node& operator[](int i) const { return nodes_[static_cast<std::size_t>(i)]; }
  int head() const { return head_; }  // -1 when absent
  int body() const { return body_; }  // -1 when absent

  // The attribute's value, or empty (also for text nodes).
  std::string_view attr(int i, const char* name) const;
  bool has_attr(int i, const char* name) const;
  // Lower-case tag name; for unknown elements as written in the source.
  std::string_view tag_name(int i) const;
  bool is_element(int i, GumboTag tag) const {
    return nodes_[static_cast<std::size_t>(i)].kind == NodeKind::Element &&
           nodes_[static_cast<std::size_t>(i)].tag == tag;
  }
  // True when `ancestor` contains `node` (or is it).
  bool contains(int ancestor, int node) const {
    return node >= ancestor && node < nodes_[static_cast<std::size_t>(ancestor)].end;
  }

 private:
  GumboOutput* output_ = nullptr;
  std::vector<Node> nodes_;
  int head_ = -1;
  int body_ = -1;
};

// Elements whose content is never article text (scripts, styles, embedded
// media, form controls, <head> matter). Not <noscript>: gumbo parses its
// content as markup, and an unclosed <div> in it swallows the rest of the
// page (the class hints treat it as hidden instead).
bool is_never_text(GumboTag tag);
// Elements that start a new line of text (HTML's block-level and table
// elements). Unknown elements count as blocks too: custom elements wrap
// blocks far more often than words, and a break costs less than two words
// glued together.
bool is_block(GumboTag tag);
bool is_heading(GumboTag tag);

// The rendered text of a subtree: white space collapsed, a space at every
// block boundary and <br>, scripts and the like skipped.
std::string inner_text(const Dom& dom, int node);

}  // namespace sluice::plugins::html
