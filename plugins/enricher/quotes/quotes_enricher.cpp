#include "quotes_enricher.hpp"

#include "attribution.hpp"
#include "nlp/tokenizer.hpp"

namespace sluice::plugins::quotes {
namespace {

// The running state of one article: who spoke last, for pronouns and
// continuations.
struct Thread {
  std::string last_person;     // the last person-like named speaker
  std::string last_any;        // the last speaker of any kind
  std::string paragraph_last;  // the last speaker in the current paragraph
  std::string previous_paragraph_last;
};

}  // namespace

std::vector<sdk::Quote> find_article_quotes(const sdk::Article& article, const nlp::Lexicon& lex,
                                            const QuoteOptions& options) {
  std::vector<sdk::Quote> out;
  const SpeakerIndex speakers = article.entities.empty() ? SpeakerIndex::from_capitals(article, lex)
                                                         : SpeakerIndex::from_entities(article);
  const Attributor attributor(lex, speakers);
  nlp::Tokens tokens;
  std::vector<nlp::Sentence> sentences;
  std::vector<QuoteSpan> spans;
  Thread th;
  for (std::size_t pi = 0; pi < article.body.size(); ++pi) {
    const std::string_view text = article.body[pi];
    th.previous_paragraph_last = std::move(th.paragraph_last);
    th.paragraph_last.clear();
    if (!has_quote_mark(text)) continue;
    nlp::tokenize(text, tokens);
    find_quotes(tokens, spans);
    if (spans.empty()) continue;
    nlp::sentences(tokens, sentences);
    const Paragraph para{pi, text, tokens, sentences};
    for (std::size_t qi = 0; qi < spans.size(); ++qi) {
      const QuoteSpan& q = spans[qi];
      const bool short_quote = q.words <= options.scare_max_words;
      const Attribution a = attributor.attribute(para, q, short_quote);
      std::string speaker;
      bool person = false;
      if (a.named) {
        const Speaker& s = speakers.speaker(a.named->speaker);
        speaker = std::string(s.name);
        person = s.person_like();
      } else if (a.pronoun) {
        speaker = th.last_person;
        if (speaker.empty())
          if (const NamedSpan* s = speakers.last_person_before(pi, tokens[q.open].begin))
            speaker = std::string(speakers.speaker(s->speaker).name);
        person = true;
      } else if (a.definite_role) {
        if (const NamedSpan* s = speakers.last_person_before(pi, tokens[q.open].begin))
          speaker = std::string(speakers.speaker(s->speaker).name);
        person = true;
      } else if (!a.phrase.empty()) {
        speaker = a.phrase;
      } else if (a.how == How::Participle) {
        speaker = !th.paragraph_last.empty() ? th.paragraph_last : th.last_any;
      }
      bool attributed = a.how != How::None;
      // Continuations: an unattributed quotation opening a paragraph goes
      // on from the previous one; a later one in a paragraph goes on from
      // the paragraph's speaker.
      if (!attributed && !short_quote) {
        if (q.open == 0 && qi == 0 && !th.previous_paragraph_last.empty())
          speaker = th.previous_paragraph_last;
        else if (qi > 0 && !th.paragraph_last.empty())
          speaker = th.paragraph_last;
        attributed = !speaker.empty();
      }
      const bool scare = !attributed && short_quote;
      if (scare && !options.keep_scare) continue;
      if (!speaker.empty()) {
        th.paragraph_last = speaker;
        th.last_any = speaker;
        if (person) th.last_person = speaker;
      }
      out.push_back(sdk::Quote{std::string(text.substr(q.begin, q.end - q.begin)),
                               scare ? std::string() : speaker, static_cast<int>(pi), scare});
    }
  }
  return out;
}

QuotesEnricher::QuotesEnricher(const sdk::StageInit& init) {
  const auto max_words = init.options.integer("scare_max_words");
  if (max_words < 0 || max_words > 50)
    throw sdk::StageError("quotes: scare_max_words must be between 0 and 50");
  options_.scare_max_words = static_cast<std::uint32_t>(max_words);
  options_.keep_scare = init.options.boolean("scare_quotes");
}

void QuotesEnricher::enrich(sdk::Article& article) {
  article.quotes = find_article_quotes(article, lexicon_, options_);
}

}  // namespace sluice::plugins::quotes
