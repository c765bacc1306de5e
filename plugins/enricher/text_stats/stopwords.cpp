#include "sluice/text_stats/stopwords.hpp"

#include <initializer_list>

namespace sluice::plugins::text_stats {
namespace {

// Lists of words separated by spaces: easy to read and to extend.
constexpr std::string_view kEnglish =
    "a about above according across actually added adding after afterwards again against ago all almost "
    "alone along already also although always am among amongst an and another any anyone anything "
    "anyway anywhere are around as asked at away back be became because become becomes been before "
    "beforehand behind being believed below beside besides between beyond both but by call called can "
    "cannot could did do does doing done down due during each earlier either else elsewhere enough "
    "even ever every everyone everything everywhere except far few first for former formerly from "
    "further get gets getting give given go going got had has have having he hence her here "
    "hereafter hereby herein hers herself him himself his how however i if in including indeed "
    "instead into is it its itself just last later latter least less let like likely made make makes "
    "making many may me meanwhile might mine more moreover most mostly mr mrs ms much must my myself "
    "namely near nearly neither never nevertheless next no nobody none nor not nothing now "
    "nowhere of off often on once one only onto or other others otherwise our ours ourselves out over "
    "own per perhaps please put quite rather re really regarding reported reportedly same saw say "
    "saying says see seeing seem seemed seems seen several she should show showed showing shown since "
    "so some somehow someone something sometime sometimes somewhere still such suggest suggested take "
    "taken than that the their theirs them themselves then thence there thereafter thereby therefore "
    "therein these they thing things this those though through throughout thus to today together told "
    "too took toward towards under unless until up upon us use used using very via was way we well "
    "were what whatever when whence whenever where whereas whether which while who whoever whole whom "
    "whose why will with within without would yesterday yet you your yours yourself yourselves said "
    "tell tells told year years week weeks month months day days time times two three four five "
    "dr prof sir st can't don't doesn't didn't won't isn't aren't wasn't weren't it's he's she's "
    "i'm we're they're that's there's";

constexpr std::string_view kGerman =
    "aber alle allem allen aller alles als also am an ander andere anderen auch auf aus bei beim bin "
    "bis bist da damit dann das dass dem den denn der des die dies diese diesem diesen dieser dieses "
    "doch dort du durch ein eine einem einen einer eines er es etwas für gegen gewesen hat hatte "
    "haben hier hin hinter ich ihm ihn ihr ihre im in indem ins ist jede jedem jeden jeder jedes jetzt "
    "kann kein keine können man mehr mein mit muss nach nicht nichts noch nun nur ob oder ohne sehr "
    "sein seine sich sie sind so soll sollte sondern über um und uns unter vom von vor war waren "
    "warum was weil welche wenn wer werden wie wieder will wir wird wurde wurden zu zum zur zwischen";

constexpr std::string_view kFrench =
    "a afin ai au aussi autre aux avait avec avoir c ce cela ces cet cette comme d dans de des donc "
    "dont du elle elles en encore est et été être eu il ils j je l la le les leur leurs lui m ma mais "
    "me même mes moi mon n ne ni nos notre nous on ont ou où par pas peu plus pour qu quand que qui sa "
    "sans se selon ses si son sont sous sur ta te tes toi ton tous tout toute toutes très tu un une "
    "vos votre vous y a-t-il c'est d'un d'une l'on qu'il";

constexpr std::string_view kSpanish =
    "a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella "
    "ellas ellos en entre era es esa ese eso esta este esto estos fue fueron ha han hasta hay la las "
    "le les lo los más me mi mientras muy nada ni no nos o otra otro para pero poco por porque que "
    "quien se ser sí sin sobre su sus también tanto te todo todos tu un una uno unos y ya yo";

constexpr std::string_view kItalian =
    "a ad al alla alle allo anche che chi ci come con contro cui da dal dalla dei del della delle dello "
    "di dove e è ed era essere gli ha hanno i il in io la le lei lo loro lui ma mi nei nel nella non "
    "noi o per perché più quale quando quello questa questo se si sia sono su sua sue suo sul sulla "
    "tra tu tutti tutto un una uno voi";

constexpr std::string_view kPortuguese =
    "a ao aos as até com como da das de dela dele depois do dos e ela ele eles em entre era essa esse "
    "esta este eu foi foram há isso isto já la mais mas me mesmo muito na não nas nem no nos o os ou "
    "para pela pelo por qual quando que quem se sem ser seu seus sua suas também te tem um uma você";

constexpr std::string_view kDutch =
    "aan al als bij dan dat de der deze die dit doch door dus een en er ge geen had heb hebben heeft "
    "het hier hij hoe hun ik in is ja je kan maar me meer men met mij mijn na naar niet niets nog nu "
    "of om omdat ons ook op over reeds te tegen toch toen tot u uit van veel voor want waren was wat "
    "we wel werd wie wij wordt zal ze zei zich zij zijn zo zou";

StringTable build(std::string_view words) {
  StringTable table;
  std::size_t i = 0;
  while (i < words.size()) {
    std::size_t end = words.find(' ', i);
    if (end == std::string_view::npos) end = words.size();
    if (end > i) table.insert(words.substr(i, end - i));
    i = end + 1;
  }
  return table;
}

}  // namespace

const StringTable& stopwords(std::string_view language) {
  // Built on first use and never changed afterwards, so sharing them between
  // threads and plugin instances is safe.
  static const StringTable en = build(kEnglish), de = build(kGerman), fr = build(kFrench),
                           es = build(kSpanish), it = build(kItalian), pt = build(kPortuguese),
                           nl = build(kDutch);
  if (language == "de") return de;
  if (language == "fr") return fr;
  if (language == "es") return es;
  if (language == "it") return it;
  if (language == "pt") return pt;
  if (language == "nl") return nl;
  return en;
}

}  // namespace sluice::plugins::text_stats
