// Inputs for feeding a stage in a test: a raw document as a source would
// deliver it, an article as a parser would produce it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sluice/sdk/article.hpp"
#include "sluice/sdk/article_id.hpp"

namespace sluice::sdk::testing {

// A document with a file-like key and URI and a fixed fetch time, so
// article ids and outputs are the same on every run.
inline RawDocument make_document(std::string bytes, std::string key = "doc.txt",
                                 std::string content_type = "text/plain") {
  RawDocument doc;
  doc.uri = "file:///test/" + key;
  doc.key = key;
  doc.cursor = std::move(key);
  doc.content_type = std::move(content_type);
  doc.bytes = std::move(bytes);
  doc.fetched_at_ms = 1'700'000'000'000;
  return doc;
}

// An article with a title and body paragraphs and the id a parser would
// give it for document key `key`.
inline Article make_article(std::string title, std::vector<std::string> body,
                            const std::string& key = "doc.txt") {
  Article a;
  a.source_uri = "file:///test/" + key;
  a.content_type = "text/plain";
  a.fetched_at_ms = 1'700'000'000'000;
  a.title = std::move(title);
  a.body = std::move(body);
  a.id = make_article_id(key, a);
  return a;
}

}  // namespace sluice::sdk::testing
