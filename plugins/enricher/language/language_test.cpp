// The `language` enricher on hand-written news paragraphs and the seed.
#include <gtest/gtest.h>

#include "classifier.hpp"
#include "language_enricher.hpp"
#include "sluice/sdk/descriptor.h"
#include "sluice/text_stats/testing.hpp"

namespace sluice::plugins::language {
const sluice_plugin_descriptor* descriptor();  // from plugin.cpp
}

namespace sluice::plugins::language {
namespace {

using text_stats::testing::article_of;
using text_stats::testing::init_of;

// One news paragraph per language, written for this test (about 200
// characters each, the length the accuracy target is stated for).
const std::pair<const char*, const char*> kParagraphs[] = {
    {"en",
     "The city council approved the new budget on Tuesday after a long debate about road repairs, "
     "school funding and the cost of public transport, which has risen sharply over the past year."},
    {"de",
     "Der Stadtrat hat am Dienstag nach einer langen Debatte über Straßenreparaturen, Schulen und die "
     "Kosten des Nahverkehrs, die im vergangenen Jahr stark gestiegen sind, den neuen Haushalt beschlossen."},
    {"fr",
     "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur la réparation des "
     "routes, le financement des écoles et le coût des transports publics, qui a fortement augmenté."},
    {"es",
     "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre la reparación de "
     "carreteras, la financiación de las escuelas y el coste del transporte público, que ha subido mucho."},
    {"it",
     "Il consiglio comunale ha approvato martedì il nuovo bilancio dopo un lungo dibattito sulla "
     "riparazione delle strade, il finanziamento delle scuole e il costo dei trasporti pubblici."},
    {"pt",
     "A câmara municipal aprovou na terça-feira o novo orçamento depois de um longo debate sobre a "
     "reparação das estradas, o financiamento das escolas e o custo dos transportes públicos."},
    {"nl",
     "De gemeenteraad heeft dinsdag na een lang debat over het herstel van wegen, de financiering van "
     "scholen en de kosten van het openbaar vervoer, die vorig jaar sterk zijn gestegen, de begroting "
     "goedgekeurd."},
    {"ru",
     "Городской совет во вторник утвердил новый бюджет после долгих споров о ремонте дорог, "
     "финансировании школ и стоимости общественного транспорта, которая заметно выросла за год."},
    {"uk",
     "Міська рада у вівторок затвердила новий бюджет після тривалої дискусії про ремонт доріг, "
     "фінансування шкіл і вартість громадського транспорту, яка помітно зросла за останній рік."},
    {"pl",
     "Rada miasta zatwierdziła we wtorek nowy budżet po długiej debacie o naprawie dróg, finansowaniu "
     "szkół i kosztach transportu publicznego, które w ubiegłym roku znacznie wzrosły."},
};

sdk::Article detect(std::vector<std::string> body, sdk::Map options = {}, std::string language = "") {
  LanguageEnricher e(init_of(descriptor(), std::move(options)));
  sdk::Article a = article_of(std::move(body));
  a.language = std::move(language);
  e.enrich(a);
  return a;
}

TEST(Language, NewsParagraphsInTenLanguages) {
  for (const auto& [code, text] : kParagraphs) {
    const sdk::Article a = detect({text});
    EXPECT_EQ(a.language, code) << text;
    EXPECT_GT(a.fields.find("language_confidence")->as_double(), 0.9) << code;
  }
}

TEST(Language, SeedIsEnglish) {
  LanguageEnricher e(init_of(descriptor()));
  sdk::Article a = text_stats::testing::seed_article(SLUICE_SOURCE_DIR);
  e.enrich(a);
  EXPECT_EQ(a.language, "en");
  EXPECT_GT(a.fields.find("language_confidence")->as_double(), 0.99);
}

TEST(Language, AParsersLanguageStaysUnlessOverwrite) {
  EXPECT_EQ(detect({kParagraphs[1].second}, {}, "fr").language, "fr");
  EXPECT_EQ(detect({kParagraphs[1].second}, {}, "fr").fields.find("language_confidence"), nullptr);
  EXPECT_EQ(detect({kParagraphs[1].second}, {{"overwrite", true}}, "fr").language, "de");
}

TEST(Language, TooLittleTextGetsNoLanguage) {
  const sdk::Article a = detect({"OK 123"});
  EXPECT_EQ(a.language, "");
  EXPECT_EQ(a.fields.find("language_confidence"), nullptr);
  EXPECT_EQ(detect({}).language, "");
}

TEST(Language, LowConfidenceLeavesTheLanguageUnset) {
  // Two languages mixed half and half: a close call.
  const std::string mixed = std::string(kParagraphs[2].second) + " " + kParagraphs[3].second;
  const sdk::Article a = detect({mixed}, {{"min_confidence", 0.999999}});
  EXPECT_EQ(a.language, "");
  EXPECT_LT(a.fields.find("language_confidence")->as_double(), 0.999999);
}

TEST(Language, CandidatesCanBeRestricted) {
  // Portuguese text with only Spanish and English allowed reads as Spanish.
  EXPECT_EQ(detect({kParagraphs[5].second}, {{"languages", sdk::List{"es", "en"}}}).language, "es");
  try {
    LanguageEnricher(init_of(descriptor(), {{"languages", sdk::List{"en", "xx"}}}));
    ADD_FAILURE() << "expected a StageError";
  } catch (const sdk::StageError& e) {
    EXPECT_NE(std::string(e.what()).find("no language profile for 'xx'"), std::string::npos) << e.what();
  }
}

TEST(Language, MaxBytesLimitsWhatIsRead) {
  // Only the German first paragraph fits in 150 bytes.
  EXPECT_EQ(
      detect({kParagraphs[1].second, kParagraphs[0].second, kParagraphs[0].second}, {{"max_bytes", 150}})
          .language,
      "de");
}

TEST(Language, ProfilesCoverTheRequiredLanguages) {
  const auto known = Classifier::languages();
  for (const char* code : {"en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl"}) {
    EXPECT_NE(std::find(known.begin(), known.end(), code), known.end()) << code;
  }
}

TEST(Language, Descriptor) {
  EXPECT_STREQ(descriptor()->name, "language");
  EXPECT_TRUE(descriptor()->flags & SLUICE_PLUGIN_FLAG_THREAD_SAFE);
}

}  // namespace
}  // namespace sluice::plugins::language
