// sluice-ner-train: trains the English NER model of the `entities` enricher
// (an averaged perceptron over ner_features.hpp, decoded with Viterbi) on
// CoNLL-style files, prints precision/recall/F1 per type on the dev files
// after each epoch, and writes the model.
//
//   sluice-ner-train --out model/ner_en.bin --data ../shared/data/ner
//   sluice-ner-train --out FILE [--epochs N] [--min-count C] [--min-weight W]
//                    --train A.txt B.txt ... --dev C.txt D.txt ...
//
// --data DIR stands for the files the committed model is trained on:
// DIR/{wikigold,redocred}/train.txt, with their dev.txt for the figures.
//
// Deterministic: the sequences are visited in an order drawn from a fixed
// seed by our own Fisher-Yates shuffle over std::mt19937_64 (both fully
// specified), and the perceptron's arithmetic is integer, so the same
// files give the same model bytes, which `make check-ner-model` verifies.
// Each training sentence is also learnt in capitals or in title case now and
// then (fixed positions), marked as a headline, so headlines and
// all-capitals paragraphs are not read with the body's notion of case.
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <unordered_map>

#include "eval/conll.hpp"
#include "gazetteer.hpp"
#include "ner_tagger.hpp"
#include "nlp/sequence_trainer.hpp"
#include "nlp/tokenizer.hpp"
#include "recognizer.hpp"

namespace {

namespace ent = sluice::plugins::entities;
namespace nlp = sluice::plugins::nlp;
namespace sdk = sluice::sdk;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Paragraph {
  std::string text;
  std::vector<ent::eval::Span> gold;  // paragraph index unused
};

std::vector<Paragraph> read_paragraphs(const std::vector<std::string>& paths) {
  std::vector<Paragraph> out;
  for (const auto& p : paths) {
    try {
      for (auto& d : ent::eval::read_conll(slurp(p))) {
        const std::size_t base = out.size();
        for (auto& b : d.article.body) out.push_back(Paragraph{std::move(b), {}});
        for (const auto& g : d.gold) out[base + static_cast<std::size_t>(g.paragraph)].gold.push_back(g);
      }
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(p + ": " + e.what());
    }
  }
  return out;
}

enum class Casing { Asis, Upper, Title };

std::string recase(std::string_view s, Casing c) {
  std::string out(s);
  bool word_start = true;
  for (auto& ch : out) {
    const bool letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    if (c == Casing::Upper && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (c == Casing::Title && word_start && ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    word_start = !letter && ch != '\'' && static_cast<unsigned char>(ch) < 0x80;
  }
  return out;
}

// Token labels from byte spans: a token starting a gold span is B-, one
// inside it I-. Labels on closed tokens become O (the tagger cannot reach
// them) and an I- with nothing before it becomes B-.
std::vector<std::uint8_t> labels_of(const nlp::Tokens& tokens, const std::vector<ent::eval::Span>& gold,
                                    const std::vector<std::uint8_t>& open) {
  std::vector<std::uint8_t> y(tokens.size(), 0);
  for (const auto& g : gold)
    for (std::size_t k = 0; k < tokens.size(); ++k)
      if (tokens[k].begin >= g.begin && tokens[k].begin < g.end)
        y[k] = ent::ner_label(g.type, tokens[k].begin == g.begin);
  for (std::size_t k = 0; k < y.size(); ++k) {
    if (!open[k]) y[k] = 0;
    if (y[k] != 0 && y[k] % 2 == 0 && !ent::ner_transition_allowed(k == 0 ? 0 : y[k - 1], y[k]))
      y[k] = static_cast<std::uint8_t>(y[k] - 1);
  }
  return y;
}

struct Tally {
  std::array<ent::eval::Counts, 4> by_type;
  ent::eval::Counts all;
};

Tally evaluate(const std::vector<Paragraph>& dev, const ent::NerTagger& tagger) {
  Tally t;
  nlp::Tokens tokens;
  ent::NerScratch scratch;
  std::vector<ent::NerSpan> spans;
  for (const auto& p : dev) {
    nlp::tokenize(p.text, tokens);
    tagger.tag(p.text, tokens, false, scratch, spans);
    std::vector<ent::eval::Span> predicted;
    for (const auto& s : spans)
      predicted.push_back({0, tokens[s.first].begin, tokens[s.last - 1].end, s.type});
    if (std::getenv("SLUICE_NER_TRAIN_SHOW")) {  // every dev sentence with gold and predicted names
      std::cout << p.text << "\n   gold:";
      for (const auto& g : p.gold)
        std::cout << " [" << p.text.substr(g.begin, g.end - g.begin) << "/" << int(g.type) << "]";
      std::cout << "\n   pred:";
      for (const auto& g : predicted)
        std::cout << " [" << p.text.substr(g.begin, g.end - g.begin) << "/" << int(g.type) << "]";
      std::cout << "\n";
    }
    for (const auto& s : predicted) {
      auto& c = t.by_type[static_cast<std::size_t>(s.type)];
      bool hit = false;
      for (const auto& g : p.gold) hit = hit || (g.begin == s.begin && g.end == s.end && g.type == s.type);
      ++(hit ? c.tp : c.fp);
    }
    for (const auto& g : p.gold) {
      bool hit = false;
      for (const auto& s : predicted) hit = hit || (g.begin == s.begin && g.end == s.end && g.type == s.type);
      if (!hit) ++t.by_type[static_cast<std::size_t>(g.type)].fn;
    }
  }
  for (const auto& c : t.by_type) {
    t.all.tp += c.tp;
    t.all.fp += c.fp;
    t.all.fn += c.fn;
  }
  return t;
}

void print(const std::string& name, const Tally& t) {
  static const char* kNames[] = {"PER", "ORG", "LOC", "MISC"};
  std::printf("  %-28s all P %.3f R %.3f F1 %.3f |", name.c_str(), t.all.precision(), t.all.recall(),
              t.all.f1());
  for (int k = 0; k < 4; ++k) std::printf(" %s %.3f", kNames[k], t.by_type[static_cast<std::size_t>(k)].f1());
  std::printf("\n");
}

int usage() {
  std::cerr << "usage: sluice-ner-train --out FILE [--epochs N] [--min-count C] [--min-weight W]\n"
               "                        (--data DIR | --train FILE... --dev FILE...)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_path;
  int epochs = 6, min_weight = 2, min_count = 2;  // the committed model's settings
  std::vector<std::string> train_paths, dev_paths;
  std::vector<std::string>* list = nullptr;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--out" && i + 1 < argc) {
      out_path = argv[++i];
    } else if (a == "--epochs" && i + 1 < argc) {
      epochs = std::atoi(argv[++i]);
    } else if (a == "--min-count" && i + 1 < argc) {
      min_count = std::atoi(argv[++i]);
    } else if (a == "--min-weight" && i + 1 < argc) {
      min_weight = std::atoi(argv[++i]);
    } else if (a == "--data" && i + 1 < argc) {
      const std::string dir = argv[++i];
      for (const char* set : {"wikigold", "redocred"}) {
        train_paths.push_back(dir + "/" + set + "/train.txt");
        dev_paths.push_back(dir + "/" + set + "/dev.txt");
      }
    } else if (a == "--train") {
      list = &train_paths;
    } else if (a == "--dev") {
      list = &dev_paths;
    } else if (list != nullptr && a.rfind("--", 0) != 0) {
      list->push_back(a);
    } else {
      return usage();
    }
  }
  if (out_path.empty() || train_paths.empty() || epochs < 1) return usage();
  try {
    const nlp::Lexicon lexicon;
    const ent::Gazetteer gazetteer;
    const ent::NerFeatures features(lexicon, gazetteer);

    // Training sequences, with a capitals copy of every 10th sentence and
    // a title-case copy of another 10th.
    const auto train = read_paragraphs(train_paths);
    std::vector<nlp::TrainingSequence> seqs;
    nlp::Tokens tokens;
    ent::NerFeatureSet fs;
    for (std::size_t i = 0; i < train.size(); ++i) {
      for (const Casing c : {Casing::Asis, Casing::Upper, Casing::Title}) {
        if ((c == Casing::Upper && i % 10 != 3) || (c == Casing::Title && i % 10 != 7)) continue;
        const std::string text = c == Casing::Asis ? train[i].text : recase(train[i].text, c);
        nlp::tokenize(text, tokens);
        const bool headline = c != Casing::Asis;
        features.extract(text, tokens, headline, fs);
        nlp::TrainingSequence s;
        s.open = fs.open;
        s.gold = labels_of(tokens, train[i].gold, fs.open);
        s.features.resize(tokens.size());
        for (std::size_t k = 0; k < tokens.size(); ++k)
          s.features[k].assign(fs.ids.begin() + fs.first[k], fs.ids.begin() + fs.first[k + 1]);
        seqs.push_back(std::move(s));
      }
    }
    // Features seen fewer than `min_count` times in training are left out:
    // they say little, and they are most of the model's size and cost.
    {
      std::unordered_map<nlp::FeatureId, std::uint32_t> count;
      for (const auto& s : seqs)
        for (const auto& f : s.features)
          for (const auto id : f) ++count[id];
      for (auto& s : seqs)
        for (auto& f : s.features)
          std::erase_if(f,
                        [&](nlp::FeatureId id) { return count[id] < static_cast<std::uint32_t>(min_count); });
    }
    std::vector<std::pair<std::string, std::vector<Paragraph>>> devs;
    for (const auto& d : dev_paths) devs.emplace_back(d, read_paragraphs({d}));
    std::cout << "training on " << train.size() << " sentences (" << seqs.size() << " with recased copies), "
              << epochs << " epochs\n";

    std::vector<bool> allowed;
    for (int p = 0; p <= ent::kNerLabels; ++p)
      for (int y = 0; y < ent::kNerLabels; ++y) allowed.push_back(ent::ner_transition_allowed(p, y));
    nlp::SequenceTrainer trainer(ent::kNerLabels, allowed);
    std::mt19937_64 rng(20261207);
    std::vector<std::size_t> order(seqs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::string bytes;
    for (int e = 1; e <= epochs; ++e) {
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
      const std::size_t wrong = trainer.epoch(seqs, order);
      std::cout << "epoch " << e << ": " << wrong << " tokens wrong during training\n";
      if (e < epochs && !(e % 3 == 0)) continue;
      bytes = trainer.serialise(min_weight);
      const nlp::SequenceModel model(bytes);
      const ent::NerTagger tagger(model, features);
      std::cout << "  model: " << model.features() << " features, " << bytes.size()
                << " bytes; exact spans on dev:\n";
      for (const auto& [name, dev] : devs) print(name, evaluate(dev, tagger));
    }
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) throw std::runtime_error("cannot write " + out_path);
    std::cout << "wrote " << out_path << " (" << bytes.size() << " bytes)\n";
  } catch (const std::exception& e) {
    std::cerr << "sluice-ner-train: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
