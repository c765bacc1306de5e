#include "vocabulary.hpp"

#include <array>

namespace sluice::bench::vocabulary {
namespace {

using S = std::string_view;

constexpr std::array kPeople = std::to_array<Person>({
    {"Anthony", "Blinken", false}, {"Sergei", "Shoigu", false},   {"Ankit", "Panda", false},
    {"Maria", "Kowalska", true},   {"Amina", "Okafor", true},     {"Lars", "Lindqvist", false},
    {"Hélène", "Moreau", true},    {"Kenji", "Tanaka", false},    {"Fatima", "Haddad", true},
    {"Dmitri", "Petrov", false},   {"Ingrid", "Schmidt", true},   {"Carlos", "Mendoza", false},
    {"Priya", "Raman", true},      {"Yuriy", "Sak", false},       {"Grace", "Mwangi", true},
    {"Tomás", "Gutiérrez", false}, {"Olena", "Kovalenko", true},  {"James", "Whitfield", false},
    {"Sofia", "Rossi", true},      {"Mehmet", "Yılmaz", false},   {"Aisha", "Bello", true},
    {"Jürgen", "Becker", false},   {"Leila", "Farahani", true},   {"Pierre", "Dubois", false},
    {"Nkechi", "Adeyemi", true},   {"Wang", "Lei", false},        {"Ana", "Sousa", true},
    {"Rahul", "Mehta", false},     {"Chloé", "Lambert", true},    {"Oleksandr", "Bondar", false},
    {"Hannah", "O’Connor", true},  {"Miguel", "Ferreira", false}, {"Eva", "Novák", true},
    {"Samuel", "Osei", false},     {"Lucía", "Martínez", true},   {"Viktor", "Horváth", false},
    {"Mariam", "Abdi", true},      {"Thomas", "Keller", false},   {"Yuki", "Sato", true},
    {"Rafael", "Castillo", false}, {"Zainab", "Yusuf", true},     {"Erik", "Johansson", false},
    {"Claire", "Fontaine", true},  {"Ibrahim", "Diallo", false},  {"Natalia", "Wiśniewska", true},
    {"David", "Reyes", false},     {"Sarah", "Goldberg", true},   {"Arjun", "Nair", false},
});

constexpr std::array kPlaces = std::to_array<Place>({
    {"Pyongyang", "North Korea"},
    {"Kyiv", "Ukraine"},
    {"Moscow", "Russia"},
    {"Nairobi", "Kenya"},
    {"São Paulo", "Brazil"},
    {"Zürich", "Switzerland"},
    {"Kraków", "Poland"},
    {"Bogotá", "Colombia"},
    {"Reykjavík", "Iceland"},
    {"Lagos", "Nigeria"},
    {"Istanbul", "Turkey"},
    {"Mumbai", "India"},
    {"Jakarta", "Indonesia"},
    {"Berlin", "Germany"},
    {"Paris", "France"},
    {"Madrid", "Spain"},
    {"Cairo", "Egypt"},
    {"Tokyo", "Japan"},
    {"Seoul", "South Korea"},
    {"Beijing", "China"},
    {"Washington", "the United States"},
    {"London", "Britain"},
    {"Ottawa", "Canada"},
    {"Mexico City", "Mexico"},
    {"Buenos Aires", "Argentina"},
    {"Johannesburg", "South Africa"},
    {"Warsaw", "Poland"},
    {"Tehran", "Iran"},
    {"Kharkiv", "Ukraine"},
    {"Addis Ababa", "Ethiopia"},
    {"Hanoi", "Vietnam"},
    {"Lima", "Peru"},
    {"Athens", "Greece"},
    {"Dublin", "Ireland"},
    {"Manila", "the Philippines"},
    {"Dakar", "Senegal"},
});

constexpr std::array kHonorificsMale =
    std::to_array<S>({"Mr", "Dr", "Prof", "General", "President", "Senator"});
constexpr std::array kHonorificsFemale =
    std::to_array<S>({"Ms", "Mrs", "Dr", "Prof", "President", "Senator"});

constexpr std::array kRoles = std::to_array<S>({
    "foreign minister",  "defence minister",
    "finance minister",  "spokesperson",
    "deputy minister",   "chief economist",
    "senior analyst",    "director",
    "deputy mayor",      "ambassador",
    "chief executive",   "head of research",
    "nuclear expert",    "professor of politics",
    "regional governor", "opposition leader",
    "union leader",      "police chief",
    "health minister",   "trade representative",
});

constexpr std::array kOrganisations = std::to_array<S>({
    "the United Nations",
    "the World Bank",
    "the International Monetary Fund",
    "the European Union",
    "NATO",
    "the Red Cross",
    "Amnesty International",
    "Human Rights Watch",
    "the World Health Organization",
    "the African Union",
    "the Bank of England",
    "the European Central Bank",
    "the Carnegie Endowment for International Peace",
    "the Kiel Institute",
    "Médecins Sans Frontières",
    "the Organization of American States",
    "Siemens",
    "Toyota",
    "the Federal Reserve",
    "the Institute for the Study of War",
    "Oxfam",
    "the International Energy Agency",
    "Transparency International",
    "the Kremlin",
    "the State Department",
    "the Security Council",
});

constexpr std::array kSpeechVerbs = std::to_array<S>({
    "said",
    "said",
    "said",
    "told reporters",
    "warned",
    "added",
    "insisted",
    "argued",
    "admitted",
});

constexpr std::array kTopics = std::to_array<S>({
    "the grain deal",
    "the ceasefire talks",
    "the new sanctions package",
    "interest rates",
    "the border dispute",
    "fuel prices",
    "the election result",
    "the reconstruction plan",
    "the drone attacks",
    "the refugee crisis",
    "the trade agreement",
    "the budget deficit",
    "the heatwave",
    "the nuclear programme",
    "food inflation",
    "the pension reform",
    "the corruption inquiry",
    "the port blockade",
    "the vaccine rollout",
    "military aid",
    "the water shortage",
    "the mining licences",
    "the peace summit",
    "the power cuts",
});

constexpr std::array kActions = std::to_array<S>({
    "agreed to extend",
    "refused to discuss",
    "promised to review",
    "voted to suspend",
    "moved to block",
    "pledged to fund",
    "threatened to abandon",
    "asked for more time on",
    "criticised the handling of",
    "welcomed progress on",
    "raised concerns about",
    "called for an inquiry into",
    "announced new measures on",
    "postponed a decision on",
});

constexpr std::array kObjects = std::to_array<S>({
    "emergency funding",
    "the export quotas",
    "civilian infrastructure",
    "the supply routes",
    "independent monitors",
    "humanitarian corridors",
    "the central bank’s reserves",
    "long-range missiles",
    "the housing programme",
    "farm subsidies",
    "the energy grid",
    "the transit fees",
    "local elections",
    "the pipeline project",
    "air defence systems",
});

constexpr std::array kQuoteOpeners = std::to_array<S>({
    "We will not accept",
    "Nobody expected",
    "I strongly doubt we will see",
    "This is the moment for",
    "We are seeing",
    "There is no alternative to",
    "People are tired of",
    "It would be a mistake to ignore",
    "We have been clear about",
    "Our priority remains",
    "Nobody in this city believes in",
    "We are ready to discuss",
    "The country cannot afford",
    "History will judge",
});

constexpr std::array kQuoteEndings = std::to_array<S>({
    "until the talks resume",
    "at any price",
    "before the winter",
    "without guarantees",
    "in the coming weeks",
    "while civilians are dying",
    "under these conditions",
    "as long as it takes",
    "for the sake of our children",
    "whatever Moscow says",
    "unless the money arrives",
    "on this scale",
});

constexpr std::array kScarePhrases = std::to_array<S>({
    "historic step",
    "red line",
    "friendly talk",
    "special operation",
    "turning point",
    "final offer",
    "provocation",
    "new chapter",
});

constexpr std::array kTimes = std::to_array<S>({
    "on Monday",
    "on Tuesday",
    "on Wednesday",
    "on Thursday",
    "on Friday",
    "on Saturday",
    "on Sunday",
    "last week",
    "last month",
    "this week",
    "earlier this year",
    "yesterday",
    "overnight",
    "in March",
    "on 12 July",
    "since 2019",
});

constexpr std::array kMonths = std::to_array<S>({
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
});

constexpr std::array kCaptionScenes = std::to_array<S>({
    "shaking hands at",
    "arriving at",
    "speaking to reporters outside",
    "touring",
    "laying a wreath at",
    "leaving",
    "meeting officials at",
    "inspecting damage near",
});

constexpr std::array kVenues = std::to_array<S>({
    "the presidential palace",
    "the office building of the Party Central Committee",
    "the parliament building",
    "a military exhibition",
    "the central railway station",
    "the city hall",
    "a field hospital",
    "the harbour",
    "the summit venue",
});

constexpr std::array kCredits = std::to_array<S>({
    "STR/KCNA /KNS/AFP",
    "Reuters",
    "AP Photo",
    "EPA-EFE",
    "Getty Images",
    "AFP via Getty Images",
    "Sergei Supinsky/AFP",
    "Bloomberg",
    "Anadolu Agency",
    "Xinhua",
});

}  // namespace

std::span<const Person> people() { return kPeople; }
std::span<const Place> places() { return kPlaces; }
std::span<const std::string_view> honorifics(bool female) {
  return female ? kHonorificsFemale : kHonorificsMale;
}
std::span<const std::string_view> roles() { return kRoles; }
std::span<const std::string_view> organisations() { return kOrganisations; }
std::span<const std::string_view> speech_verbs() { return kSpeechVerbs; }
std::span<const std::string_view> topics() { return kTopics; }
std::span<const std::string_view> actions() { return kActions; }
std::span<const std::string_view> objects() { return kObjects; }
std::span<const std::string_view> quote_openers() { return kQuoteOpeners; }
std::span<const std::string_view> quote_endings() { return kQuoteEndings; }
std::span<const std::string_view> scare_phrases() { return kScarePhrases; }
std::span<const std::string_view> times() { return kTimes; }
std::span<const std::string_view> months() { return kMonths; }
std::span<const std::string_view> caption_scenes() { return kCaptionScenes; }
std::span<const std::string_view> venues() { return kVenues; }
std::span<const std::string_view> credits() { return kCredits; }

}  // namespace sluice::bench::vocabulary
