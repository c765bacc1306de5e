#include "eval/conll.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "nlp/folded_map.hpp"

namespace sluice::plugins::entities::eval {
namespace {

bool no_space_before(std::string_view t) {
  static constexpr std::string_view kAttach[] = {",", ".", ";",  ":",  "!", "?", ")",
                                                 "]", "”", "’s", "'s", "’", "%", "…"};
  if (!t.empty() && t[0] == '-') return true;
  return std::find(std::begin(kAttach), std::end(kAttach), t) != std::end(kAttach);
}

bool no_space_after(std::string_view t) { return t == "(" || t == "[" || t == "“" || t == "$"; }

bool parse_tag(std::string_view tag, bool& begins, sdk::EntityType& type) {
  if (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I')) return false;
  begins = tag[0] == 'B';
  const std::string_view t = tag.substr(2);
  if (t == "PER")
    type = sdk::EntityType::Person;
  else if (t == "ORG")
    type = sdk::EntityType::Organization;
  else if (t == "LOC")
    type = sdk::EntityType::Location;
  else if (t == "MISC")
    type = sdk::EntityType::Misc;
  else
    return false;
  return true;
}

const char* short_name(sdk::EntityType t) {
  switch (t) {
    case sdk::EntityType::Person: return "PER";
    case sdk::EntityType::Organization: return "ORG";
    case sdk::EntityType::Location: return "LOC";
    case sdk::EntityType::Misc: return "MISC";
  }
  return "?";
}

class Builder {
 public:
  std::vector<Document> docs;

  void token(std::string_view tok, std::string_view tag, std::size_t line_no) {
    if (docs.empty()) docs.emplace_back();
    if (!in_paragraph_) {
      docs.back().article.body.emplace_back();
      in_paragraph_ = true;
      prev_.clear();
    }
    std::string& p = docs.back().article.body.back();
    if (!p.empty() && !no_space_before(tok) && !no_space_after(prev_)) p.push_back(' ');
    const auto begin = static_cast<std::uint32_t>(p.size());
    p.append(tok);
    const auto end = static_cast<std::uint32_t>(p.size());
    prev_.assign(tok);

    bool begins = false;
    sdk::EntityType type{};
    if (tag == "O") {
      close();
      return;
    }
    if (!parse_tag(tag, begins, type))
      throw std::invalid_argument("line " + std::to_string(line_no) + ": bad tag '" + std::string(tag) + "'");
    if (open_ && !begins && open_type_ == type) {
      docs.back().gold.back().end = end;
      return;
    }
    close();
    const int para = static_cast<int>(docs.back().article.body.size()) - 1;
    docs.back().gold.push_back(Span{para, begin, end, type});
    open_ = true;
    open_type_ = type;
  }
  void paragraph_break() {
    close();
    in_paragraph_ = false;
  }
  void document() {
    paragraph_break();
    docs.emplace_back();
  }

 private:
  void close() { open_ = false; }
  bool in_paragraph_ = false;
  bool open_ = false;
  sdk::EntityType open_type_{};
  std::string prev_;
};

}  // namespace

std::vector<Document> read_conll(std::string_view text) {
  Builder b;
  std::size_t line_no = 0, start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      b.paragraph_break();
      continue;
    }
    if (line[0] == '#') continue;
    if (line.rfind("-DOCSTART-", 0) == 0) {
      if (!b.docs.empty())
        b.document();
      else
        b.docs.emplace_back();
      continue;
    }
    const auto tab = line.find('\t');
    if (tab == std::string_view::npos)
      throw std::invalid_argument("line " + std::to_string(line_no) + ": expected token<TAB>tag");
    b.token(line.substr(0, tab), line.substr(tab + 1), line_no);
  }
  std::erase_if(b.docs, [](const Document& d) { return d.article.body.empty(); });
  return std::move(b.docs);
}

Scores score(const std::vector<Document>& docs, const Recognizer& recognizer) {
  Scores s;
  for (const auto& d : docs) {
    std::vector<Span> predicted;
    for (const auto& e : recognizer.recognize(d.article))
      for (const auto& m : e.mentions) predicted.push_back(Span{m.paragraph, m.begin, m.end, e.type});
    auto text_of = [&](const Span& x) {
      return d.article.body[static_cast<std::size_t>(x.paragraph)].substr(x.begin, x.end - x.begin);
    };
    for (const auto& p : predicted) {
      auto& c = s.by_type[static_cast<std::size_t>(p.type)];
      if (std::find(d.gold.begin(), d.gold.end(), p) != d.gold.end()) {
        ++c.tp;
      } else {
        ++c.fp;
        s.errors.push_back(std::string("FP ") + short_name(p.type) + " '" + text_of(p) + "'");
      }
    }
    for (const auto& g : d.gold) {
      if (std::find(predicted.begin(), predicted.end(), g) == predicted.end()) {
        ++s.by_type[static_cast<std::size_t>(g.type)].fn;
        s.errors.push_back(std::string("FN ") + short_name(g.type) + " '" + text_of(g) + "'");
      }
    }
  }
  for (const auto& c : s.by_type) {
    s.micro.tp += c.tp;
    s.micro.fp += c.fp;
    s.micro.fn += c.fn;
  }
  return s;
}

std::string report(const Scores& s) {
  std::string out = "type   precision  recall     F1  support\n";
  char line[96];
  auto row = [&](const char* name, const Counts& c) {
    std::snprintf(line, sizeof line, "%-5s  %9.3f  %6.3f  %5.3f  %7zu\n", name, c.precision(), c.recall(),
                  c.f1(), c.tp + c.fn);
    out += line;
  };
  for (auto t : {sdk::EntityType::Person, sdk::EntityType::Organization, sdk::EntityType::Location,
                 sdk::EntityType::Misc})
    row(short_name(t), s.by_type[static_cast<std::size_t>(t)]);
  row("micro", s.micro);
  return out;
}

namespace {

// Adds the overlap of two multisets (keyed by K) to tp, the rest to fp/fn.
template <class K, class OnError>
void count_multiset(const std::map<K, int>& gold, const std::map<K, int>& predicted, Counts& c,
                    OnError on_error) {
  for (const auto& [k, n] : predicted) {
    const auto it = gold.find(k);
    const int g = it == gold.end() ? 0 : it->second;
    c.tp += static_cast<std::size_t>(std::min(n, g));
    if (n > g) {
      c.fp += static_cast<std::size_t>(n - g);
      on_error("FP", k, n - g);
    }
  }
  for (const auto& [k, n] : gold) {
    const auto it = predicted.find(k);
    const int p = it == predicted.end() ? 0 : it->second;
    if (n > p) {
      c.fn += static_cast<std::size_t>(n - p);
      on_error("FN", k, n - p);
    }
  }
}

}  // namespace

MentionScores score_mentions(const std::vector<Document>& docs, const Recognizer& recognizer) {
  MentionScores s;
  using Typed = std::pair<int, std::string>;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const auto& doc = docs[d];
    std::map<Typed, int> gold, predicted;
    std::map<std::string, int> gold_spans, predicted_spans;
    for (const auto& g : doc.gold) {
      std::string text =
          doc.article.body[static_cast<std::size_t>(g.paragraph)].substr(g.begin, g.end - g.begin);
      ++gold[{static_cast<int>(g.type), text}];
      ++gold_spans[std::move(text)];
    }
    for (const auto& e : recognizer.recognize(doc.article))
      for (const auto& m : e.mentions) {
        ++predicted[{static_cast<int>(e.type), m.text}];
        ++predicted_spans[m.text];
      }
    const std::string where = " (document " + std::to_string(d + 1) + ")";
    for (int t = 0; t < 4; ++t) {
      std::map<Typed, int> g, p;
      for (const auto& kv : gold)
        if (kv.first.first == t) g.insert(kv);
      for (const auto& kv : predicted)
        if (kv.first.first == t) p.insert(kv);
      count_multiset(
          g, p, s.by_type[static_cast<std::size_t>(t)], [&](const char* what, const Typed& k, int n) {
            s.errors.push_back(std::string(what) + " " + short_name(static_cast<sdk::EntityType>(k.first)) +
                               " '" + k.second + "'" + (n > 1 ? " x" + std::to_string(n) : "") + where);
          });
    }
    count_multiset(gold_spans, predicted_spans, s.spans, [](const char*, const std::string&, int) {});
  }
  for (const auto& c : s.by_type) {
    s.typed.tp += c.tp;
    s.typed.fp += c.fp;
    s.typed.fn += c.fn;
  }
  return s;
}

std::string report(const MentionScores& s) {
  std::string out = "                                P      R     F1  gold\n";
  char line[96];
  auto row = [&](const char* name, const Counts& c) {
    std::snprintf(line, sizeof line, "%-26s  %5.3f  %5.3f  %5.3f  %4zu\n", name, c.precision(), c.recall(),
                  c.f1(), c.tp + c.fn);
    out += line;
  };
  row("typed, all", s.typed);
  for (auto t : {sdk::EntityType::Person, sdk::EntityType::Organization, sdk::EntityType::Location,
                 sdk::EntityType::Misc})
    row(short_name(t), s.by_type[static_cast<std::size_t>(t)]);
  row("spans only, type ignored", s.spans);
  return out;
}

}  // namespace sluice::plugins::entities::eval
