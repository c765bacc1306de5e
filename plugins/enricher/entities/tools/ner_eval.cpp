// sluice-ner-eval [FILE.conll ...] [--errors] [--exact]: runs the `entities`
// recognizer on CoNLL-style files (token<TAB>tag, IOB2, -DOCSTART-
// documents; default: the plugin's testdata/annotated.conll) and prints,
// per file, micro precision/recall/F1 over the per-document multiset of
// (type, mention text) for PER, ORG, LOC, MISC, all types, and spans with
// the type ignored. --exact adds the exact-span table (paragraph and byte
// offsets must match); --errors lists every false positive and negative.
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "eval/conll.hpp"

int main(int argc, char** argv) {
  namespace ev = sluice::plugins::entities::eval;
  std::vector<std::string> paths;
  bool errors = false, exact = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--errors") == 0)
      errors = true;
    else if (std::strcmp(argv[i], "--exact") == 0)
      exact = true;
    else
      paths.emplace_back(argv[i]);
  }
  if (paths.empty()) paths.push_back(std::string(SLUICE_PLUGIN_SOURCE_DIR) + "/testdata/annotated.conll");
  const sluice::plugins::entities::Recognizer recognizer;
  int status = 0;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cerr << "sluice-ner-eval: cannot read " << path << "\n";
      status = 2;
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    try {
      const auto docs = ev::read_conll(text.str());
      const auto scores = ev::score_mentions(docs, recognizer);
      std::cout << path << ": " << docs.size() << " documents\n" << ev::report(scores);
      if (exact) std::cout << "exact spans:\n" << ev::report(ev::score(docs, recognizer));
      if (errors)
        for (const auto& e : scores.errors) std::cout << e << "\n";
    } catch (const std::exception& e) {
      std::cerr << "sluice-ner-eval: " << path << ": " << e.what() << "\n";
      status = 2;
    }
  }
  return status;
}
