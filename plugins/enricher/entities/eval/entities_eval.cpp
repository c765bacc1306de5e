// entities_eval [FILE.conll] [--errors]: scores the `entities` recognizer
// on a CoNLL-style file (default: the plugin's testdata/annotated.conll)
// and prints precision, recall and F1 per type and micro-averaged.
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "eval/conll.hpp"

int main(int argc, char** argv) {
  namespace ev = sluice::plugins::entities::eval;
  std::string path = std::string(SLUICE_PLUGIN_TEST_DIR) + "/testdata/annotated.conll";
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--errors") == 0)
      errors = true;
    else
      path = argv[i];
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "entities_eval: cannot read " << path << "\n";
    return 2;
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    const auto docs = ev::read_conll(text.str());
    const sluice::plugins::entities::Recognizer recognizer;
    const auto scores = ev::score(docs, recognizer);
    std::cout << path << ": " << docs.size() << " documents\n" << ev::report(scores);
    if (errors)
      for (const auto& e : scores.errors) std::cout << e << "\n";
  } catch (const std::exception& e) {
    std::cerr << "entities_eval: " << path << ": " << e.what() << "\n";
    return 2;
  }
  return 0;
}
