#include "eval/conll.hpp"

#include <algorithm>
#include <cstdio>
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

}  // namespace sluice::plugins::entities::eval
