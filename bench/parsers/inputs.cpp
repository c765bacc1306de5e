#include "inputs.hpp"

#include <cstdint>

namespace sluice::bench {
namespace {

// Appends every piece to `out`. (Chains of "literal" + std::string trip a
// GCC 12 -Wrestrict false positive; appending does not.)
template <class... Pieces>
void append(std::string& out, const Pieces&... pieces) {
  (out.append(pieces), ...);
}

// Sentences from a small vocabulary, chosen by a fixed-seed generator so
// every run parses the same bytes.
class Words {
 public:
  std::string sentence() {
    static constexpr const char* kWords[] = {
        "the",       "minister", "said",      "on",       "Tuesday", "that",      "talks",  "with",
        "Russia’s",  "defence",  "ports",     "were",     "closed",  "after",     "storms", "café",
        "officials", "in",       "Pyongyang", "would",    "resume",  "shipments", "of",     "grain",
        "and",       "weapons",  "—",         "analysts", "expect",  "markets",   "to",     "react"};
    std::string s;
    const int n = 8 + static_cast<int>(next() % 14);
    for (int i = 0; i < n; ++i) {
      if (i) s += ' ';
      s += kWords[next() % (sizeof kWords / sizeof kWords[0])];
    }
    s[0] = static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 32 : s[0]);
    s += '.';
    return s;
  }
  std::string paragraph() {
    std::string p;
    const int n = 2 + static_cast<int>(next() % 4);
    for (int i = 0; i < n; ++i) append(p, i ? " " : "", sentence());
    return p;
  }

 private:
  std::uint64_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  std::uint64_t state_ = 0x9E3779B97F4A7C15ULL;
};

}  // namespace

Input seed_text_input() {
  Words w;
  std::string s =
      " date 2023-07-29 Kim Jong-un (left) and Sergei Shoigu in Pyongyang - STR/KCNA /KNS/AFP\n\n";
  while (s.size() < 256 * 1024) append(s, w.paragraph(), "\n\n");
  return {"seed.txt", "text/plain", s};
}

Input plain_text_input() {
  Words w;
  std::string s;
  append(s, w.sentence(), "\n\n");
  while (s.size() < 256 * 1024) append(s, w.paragraph(), "\n\n");
  return {"story.txt", "text/plain", s};
}

Input json_lines_input() {
  Words w;
  std::string s;
  for (int i = 0; s.size() < 1024 * 1024; ++i) {
    const std::string n = std::to_string(i);
    append(s, "{\"id\": \"a", n, "\", \"title\": \"", w.sentence(), "\", \"body\": [\"", w.paragraph(),
           "\", \"", w.paragraph(), "\", \"", w.paragraph(),
           "\"], \"published\": \"2023-07-29T10:15:00Z\", \"authors\": [\"Jane Roe\"], \"url\": "
           "\"https://news.example.com/a",
           n, "\"}\n");
  }
  return {"articles.jsonl", "application/x-ndjson", s};
}

Input rss_input() {
  Words w;
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\n"
      "<title>Bench</title><link>https://news.example.com/</link>\n";
  for (int i = 0; s.size() < 512 * 1024; ++i) {
    const std::string n = std::to_string(i);
    append(s, "<item><title>", w.sentence(), "</title><link>/story/", n, "</link><guid>g", n,
           "</guid><pubDate>Sat, 29 Jul 2023 10:15:00 +0200</pubDate><dc:creator>Jane Roe"
           "</dc:creator><category>World</category><description>",
           w.sentence(), "</description><content:encoded><![CDATA[<p>", w.paragraph(), "</p><p>",
           w.paragraph(), " <a href=\"/x\">link</a></p><p>", w.paragraph(),
           "</p>]]></content:encoded></item>\n");
  }
  s += "</channel></rss>\n";
  return {"bench.rss", "application/rss+xml", s};
}

Input atom_input() {
  Words w;
  std::string s =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
      "<title>Bench</title><link href=\"https://blog.example.org/\"/>"
      "<author><name>Marie Curie</name></author>\n";
  for (int i = 0; s.size() < 512 * 1024; ++i) {
    const std::string n = std::to_string(i);
    append(s, "<entry><title>", w.sentence(), "</title><link href=\"posts/", n, "\"/><id>tag:x,", n,
           "</id><updated>2023-07-29T10:15:00Z</updated><content type=\"html\">&lt;p&gt;", w.paragraph(),
           "&lt;/p&gt;&lt;p&gt;", w.paragraph(), "&lt;/p&gt;</content></entry>\n");
  }
  s += "</feed>\n";
  return {"bench.atom", "application/atom+xml", s};
}

Input html_input() {
  Words w;
  std::string s;
  append(s, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>", w.sentence(),
         "</title><meta property=\"article:published_time\" content=\"2023-07-29T10:15:00Z\">"
         "</head><body><header><nav><ul>");
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    append(s, "<li><a href=\"/s", n, "\">Section ", n, "</a></li>");
  }
  append(s, "</ul></nav></header><main><article><h1>", w.sentence(),
         "</h1><p class=\"byline\">By Jane Roe</p>");
  for (int i = 0; i < 25; ++i) append(s, "<p>", w.paragraph(), "</p>");
  s += "</article><aside class=\"related\"><ul>";
  for (int i = 0; i < 30; ++i)
    append(s, "<li><a href=\"/r", std::to_string(i), "\">", w.sentence(), "</a></li>");
  s += "</ul></aside></main><footer><p>Copyright</p></footer></body></html>";
  return {"page.html", "text/html", s};
}

}  // namespace sluice::bench
