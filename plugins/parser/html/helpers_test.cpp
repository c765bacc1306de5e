// The extraction's building blocks: class hints, blocks, the nesting
// guard, paragraph filtering and text helpers.
#include <gtest/gtest.h>

#include "block_filter.hpp"
#include "blocks.hpp"
#include "class_hints.hpp"
#include "dom.hpp"
#include "nesting_guard.hpp"
#include "text_util.hpp"

namespace sluice::plugins::html {
namespace {

using Strings = std::vector<std::string>;

Strings block_texts(const std::string& html) {
  const Dom dom(html);
  Strings out;
  for (const Block& b : linearize(dom, classify_elements(dom))) out.push_back(b.text);
  return out;
}

// --- class hints --------------------------------------------------------------

TEST(ClassHints, WordsSayWhatAnElementIs) {
  EXPECT_EQ(classify_name("post-comments").cut, Cut::Comments);
  EXPECT_EQ(classify_name("relatedArticles").cut, Cut::Boilerplate);
  EXPECT_EQ(classify_name("cookie-banner").cut, Cut::Boilerplate);
  EXPECT_EQ(classify_name("site-footer").cut, Cut::Layout);
  EXPECT_EQ(classify_name("entry-meta").cut, Cut::Metadata);
  EXPECT_EQ(classify_name("div-gpt-ad-123").cut, Cut::Boilerplate);
  EXPECT_EQ(classify_name("sr-only").cut, Cut::Hidden);
  EXPECT_TRUE(classify_name("main-content").positive);
  EXPECT_TRUE(classify_name("article__body").body_marker);
  EXPECT_TRUE(classify_name("image-credit").credit);
}

TEST(ClassHints, StatesValuesAndModifiersSayNothing) {
  EXPECT_EQ(classify_name("has-sidebar").cut, Cut::None);         // page state
  EXPECT_EQ(classify_name("tag-comment-policy").cut, Cut::None);  // a taxonomy term
  EXPECT_EQ(classify_name("comments-open").cut, Cut::None);
  EXPECT_EQ(classify_name("TestReport__Section--Ads").cut, Cut::None);  // BEM modifier
  EXPECT_EQ(classify_name("hidden-xs").cut, Cut::None);                 // hidden on phones only
  EXPECT_EQ(classify_name("header").cut, Cut::Layout);
  EXPECT_TRUE(classify_name("header").header);
}

TEST(ClassHints, TagsRolesAndAttributes) {
  const Dom dom(
      "<nav></nav><div role=dialog></div><div aria-hidden=true></div><div style=\"display: NONE\"></div>"
      "<div itemprop=articleBody></div><noscript></noscript><div class=\"a b c d e f g "
      "tag-comment-x\"></div>");
  const std::vector<Hint> hints = classify_elements(dom);
  std::vector<Cut> cuts;
  std::vector<bool> markers;
  for (int i = 0; i < dom.size(); ++i) {
    if (dom[i].kind != NodeKind::Element || dom[dom[i].parent < 0 ? 0 : dom[i].parent].tag != GUMBO_TAG_BODY)
      continue;
    cuts.push_back(hints[static_cast<std::size_t>(i)].cut);
    markers.push_back(hints[static_cast<std::size_t>(i)].body_marker);
  }
  EXPECT_EQ(cuts, (std::vector<Cut>{Cut::Layout, Cut::Dialog, Cut::Hidden, Cut::Hidden, Cut::None,
                                    Cut::Hidden, Cut::None}));
  EXPECT_EQ(markers, (std::vector<bool>{false, false, false, false, true, false, false}));
}

// --- blocks -------------------------------------------------------------------

TEST(Blocks, InlineTextJoinsAsABrowserRendersIt) {
  EXPECT_EQ(block_texts("<p>foo<b>bar</b> <i>baz</i>\n  qux&nbsp;&amp;\xC2\xAD"
                        "co</p>"),
            (Strings{"foobar baz qux &co"}));
  EXPECT_EQ(block_texts("<div>one<div>two</div>three</div>"), (Strings{"one", "two", "three"}));
}

TEST(Blocks, LineBreaksListsTablesAndPre) {
  EXPECT_EQ(block_texts("<p>a<br>b<br><br>c</p>"), (Strings{"a", "b", "c"}));
  EXPECT_EQ(block_texts("<ul><li>x<ul><li>y</li></ul></li></ul>"), (Strings{"x", "y"}));
  EXPECT_EQ(
      block_texts(
          "<table><tr><th>k</th><td>v<br>w</td></tr><tr><td><p>layout</p></td><td>cell</td></tr></table>"),
      (Strings{"k | v w", "layout", "cell"}));
  EXPECT_EQ(block_texts("<pre>line 1\n  line 2\n</pre>"), (Strings{"line 1", "line 2"}));
}

TEST(Blocks, WhatIsNeverText) {
  EXPECT_EQ(
      block_texts("<p>a<script>x()</script><style>p{}</style><span class=sr-only>(opens a new tab)</span>"
                  "<em class=copyright>© AFP</em><ruby>漢<rt>かん</rt></ruby><button>Go</button>b</p>"),
      (Strings{"a漢b"}));
}

TEST(Blocks, LinkShareAndKinds) {
  const Dom dom("<h2>Head</h2><p>some <a href=x>link</a></p><li>item</li>");
  const std::vector<Block> blocks = linearize(dom, classify_elements(dom));
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].kind, BlockKind::Heading);
  EXPECT_EQ(blocks[0].heading_level, 2);
  EXPECT_EQ(blocks[1].link_bytes, 4u);
  EXPECT_DOUBLE_EQ(blocks[1].link_density(), 4.0 / 9.0);
  EXPECT_EQ(blocks[2].kind, BlockKind::ListItem);
}

TEST(Blocks, AnUnclosedLinkAroundParagraphsIsNoLink) {
  const Dom dom("<a href=/x><p>first paragraph</p><p>second paragraph</p></a>");
  for (const Block& b : linearize(dom, classify_elements(dom))) EXPECT_EQ(b.link_bytes, 0u) << b.text;
}

// --- the nesting guard --------------------------------------------------------

TEST(NestingGuard, CountsWhatNests) {
  std::string deep;
  for (int i = 0; i < 30; ++i) deep += "<div>";
  EXPECT_EQ(excessive_nesting_at(deep, 30), std::string::npos);
  EXPECT_EQ(excessive_nesting_at(deep + "<section>", 30), deep.size());
  // Closed, void, self-closing-by-sibling and script content do not nest.
  std::string flat;
  for (int i = 0; i < 100; ++i) flat += "<div></div><p>x<br><img src=a><li>y<script>'<div><div>'</script>";
  EXPECT_EQ(excessive_nesting_at(flat, 10), std::string::npos);
  EXPECT_EQ(excessive_nesting_at("<!-- <div><div><div> -->", 2), std::string::npos);
}

// --- paragraph filter ---------------------------------------------------------

std::vector<Block> make_blocks(const std::vector<std::pair<std::string, BlockKind>>& items) {
  std::vector<Block> out;
  for (const auto& [text, kind] : items) {
    Block b;
    b.text = text;
    b.kind = kind;
    if (kind == BlockKind::Heading) b.heading_level = 2;
    out.push_back(b);
  }
  return out;
}

Strings filter(const std::vector<Block>& blocks, std::string_view title, std::size_t min_chars = 0) {
  std::vector<const Block*> ptrs;
  for (const Block& b : blocks) ptrs.push_back(&b);
  return filter_blocks(ptrs, title, Tuning::make(Favor::Balanced, min_chars, true));
}

TEST(BlockFilter, DropsRepeatsPhrasesCreditsAndTheHeadline) {
  const auto blocks = make_blocks({{"The Headline", BlockKind::Heading},
                                   {"A paragraph of the story.", BlockKind::Text},
                                   {"Advertisement", BlockKind::Text},
                                   {"Foto: dpa", BlockKind::Text},
                                   {"•", BlockKind::Text},
                                   {"Salt", BlockKind::ListItem},
                                   {"Salt", BlockKind::ListItem},
                                   {"A paragraph of the story.", BlockKind::Text},
                                   {"Related", BlockKind::Heading}});
  EXPECT_EQ(filter(blocks, "The headline"), (Strings{"A paragraph of the story.", "Salt", "Salt"}));
}

TEST(BlockFilter, HeadingsWithNothingUnderThem) {
  const auto blocks = make_blocks({{"Part one", BlockKind::Heading},
                                   {"Part two", BlockKind::Heading},
                                   {"Text of part two.", BlockKind::Text},
                                   {"Read also:", BlockKind::Text}});
  EXPECT_EQ(filter(blocks, ""), (Strings{"Part two", "Text of part two."}));
}

TEST(BlockFilter, MinParagraphCharsTrimsTheEdgesOnly) {
  const auto blocks = make_blocks({{"LISBON", BlockKind::Text},
                                   {"A long first paragraph of the story.", BlockKind::Text},
                                   {"Short one.", BlockKind::Text},
                                   {"A long last paragraph of the story.", BlockKind::Text},
                                   {"(dpa)", BlockKind::Text}});
  EXPECT_EQ(filter(blocks, "", 20), (Strings{"A long first paragraph of the story.", "Short one.",
                                             "A long last paragraph of the story."}));
  EXPECT_EQ(filter(blocks, "", 0).size(), 5u);
}

TEST(BlockFilter, DatelinesBylinesAndPromptsAtTheEdges) {
  const auto blocks =
      make_blocks({{"By Jane Doe", BlockKind::Text},
                   {"Updated 29 July 2023, 10:15", BlockKind::Text},
                   {"4 min read", BlockKind::Text},
                   {"The story starts here and goes on.", BlockKind::Text},
                   {"It ended on 29 July 2023, after a long day of talks.", BlockKind::Text},
                   {"Subscribe to our newsletter for more stories like this.", BlockKind::Text}});
  EXPECT_EQ(filter(blocks, ""), (Strings{"The story starts here and goes on.",
                                         "It ended on 29 July 2023, after a long day of talks."}));
}

// --- text helpers -------------------------------------------------------------

TEST(Text, EntitiesKeysAndCounts) {
  EXPECT_EQ(decode_entities("a &amp;amp; b &#039;c&#x27; &nbsp;&bogus; &"),
            "a &amp; b 'c' \xC2\xA0&bogus; &");
  EXPECT_EQ(loose_key("Hello, World!"), loose_key("hello world"));
  EXPECT_EQ(char_count("Grüße"), 5u);
  EXPECT_EQ(comma_count("a, b\xEF\xBC\x8C c\xE3\x80\x81 d"), 3);
  EXPECT_EQ(clean_text("  a \t\n b\xE2\x80\x8B"
                       "c  "),
            "a bc");
  EXPECT_TRUE(is_boilerplate_phrase("  Share this article "));
  EXPECT_FALSE(is_boilerplate_phrase("Share prices fell sharply on Monday."));
}

}  // namespace
}  // namespace sluice::plugins::html
