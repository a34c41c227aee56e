// Synthetic news articles about an invented world: see synth.h for what comes out.
//
// How it works, in three steps:
//  1. The world (countries, people, organisations, outlets) is read from world.yaml.
//  2. A timeline of world events is drawn from the seed as "episodes": a border crisis, a trade
//     dispute, a strike, a state visit. Each episode is a short chain of events a few days
//     apart (an attack, condolences the next day, an expulsion, talks, a ceasefire...), and each
//     event fixes once and for all its date, its actors, its numbers and the words its people
//     are quoted with, so that every outlet reporting it agrees on them.
//  3. Each article picks a publication day and an episode event from the days before it,
//     plus up to two earlier events of the same episode, and writes them up from templates.
//     Date expressions are chosen so that they are true for the publication date and for the
//     last date the text mentioned ("a day earlier" only when it is), and each is recorded as
//     gold with its value.
//
// Templates are plain strings with {placeholders} expanded left to right, so that people are
// introduced with their title the first time and by surname afterwards, and so that relative
// dates are chosen in reading order.

#include "synth.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <utility>

#ifndef DATELINE_SYNTH_WORLD
#define DATELINE_SYNTH_WORLD "bench/synth/world.yaml"
#endif

namespace dateline::synth {
namespace {

using Day = int;  // days since 1970-01-01
constexpr int kNone = -1;
constexpr Day kNoDay = -1000000;

// ---------------------------------------------------------------------------------------------
// Randomness: splitmix64 to seed, xoshiro256** to draw. Both are fully specified, so the same
// seed gives the same numbers on every compiler and standard library.

uint64_t splitmix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// One independent stream per purpose (the timeline, article i), so that changing how many
// articles are drawn does not change the ones drawn before.
uint64_t stream_seed(uint64_t seed, uint64_t stream) {
  uint64_t s = seed ^ (stream * 0xD1B54A32D192ED03ull + 0x8CB92BA72F3D8DD7ull);
  splitmix64(s);
  return splitmix64(s);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& w : s_) w = splitmix64(seed);
  }
  uint64_t next() {
    const uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // The modulo bias is below 2^-40 for the small ranges used here, and it is deterministic.
  size_t below(size_t n) { return n <= 1 ? 0 : static_cast<size_t>(next() % n); }
  int between(int lo, int hi) {  // inclusive
    return lo + static_cast<int>(below(static_cast<size_t>(hi - lo + 1)));
  }
  bool percent(int p) { return static_cast<int>(below(100)) < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }
  size_t weighted(std::initializer_list<int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int x = static_cast<int>(below(static_cast<size_t>(total)));
    size_t i = 0;
    for (int w : weights) {
      if (x < w) return i;
      x -= w;
      ++i;
    }
    return 0;
  }

 private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<uint64_t, 4> s_{};
};

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (H. Hinnant's civil calendar algorithms).

struct Ymd {
  int y = 0, m = 0, d = 0;
};

Day days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd civil(Day z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

int weekday(Day z) {
  return ((z % 7) + 11) % 7;
}  // 0 = Sunday; day 0 was a Thursday
Day monday_of(Day z) {
  return z - (weekday(z) + 6) % 7;
}

std::string iso_date(Day z) {
  const Ymd c = civil(z);
  return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}
std::string iso_month(Day z) {
  const Ymd c = civil(z);
  return fmt::format("{:04}-{:02}", c.y, c.m);
}
// ISO 8601 week: the week belongs to the year of its Thursday.
std::string iso_week(Day z) {
  const Day thursday = monday_of(z) + 3;
  const int year = civil(thursday).y;
  return fmt::format("{:04}-W{:02}", year, (thursday - days_from_civil(year, 1, 1)) / 7 + 1);
}

Day parse_iso_date(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char extra = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 ||
      m > 12 || d < 1 || d > 31)
    throw std::runtime_error("synth: start date must be YYYY-MM-DD, got \"" + s + "\"");
  const Day z = days_from_civil(y, m, d);
  const Ymd back = civil(z);
  if (back.y != y || back.m != m || back.d != d)
    throw std::runtime_error("synth: no such day: " + s);
  return z;
}

constexpr std::array<std::string_view, 7> kWeekdays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
// News agency style: months of six letters or more are abbreviated before a day.
constexpr std::array<std::string_view, 12> kMonthsShort = {"Jan.",  "Feb.", "March", "April",
                                                           "May",   "June", "July",  "Aug.",
                                                           "Sept.", "Oct.", "Nov.",  "Dec."};
constexpr std::array<std::string_view, 21> kNumberWords = {
    "zero",     "one",     "two",     "three",     "four",     "five",     "six",
    "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};

std::string number_word(int n) {
  return n >= 0 && n <= 20 ? std::string(kNumberWords[static_cast<size_t>(n)]) : std::to_string(n);
}
std::string with_commas(int n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// How an outlet writes a date: "Sept. 12" (agency), "September 12", or "12 September".
enum class DateStyle { Agency, Full, DayFirst };

std::string month_day(Day z, DateStyle style) {
  const Ymd c = civil(z);
  const auto mi = static_cast<size_t>(c.m - 1);
  switch (style) {
    case DateStyle::Agency:
      return fmt::format("{} {}", kMonthsShort[mi], c.d);
    case DateStyle::Full:
      return fmt::format("{} {}", kMonths[mi], c.d);
    case DateStyle::DayFirst:
      return fmt::format("{} {}", c.d, kMonths[mi]);
  }
  return {};
}
// "Thursday, March 12, 2026" or "Thursday 12 March 2026", as photo captions give it.
std::string full_date(Day z, DateStyle style) {
  const Ymd c = civil(z);
  const auto wd = kWeekdays[static_cast<size_t>(weekday(z))];
  if (style == DateStyle::DayFirst) return fmt::format("{} {} {}", wd, month_day(z, style), c.y);
  return fmt::format("{}, {}, {}", wd, month_day(z, style), c.y);
}

std::string slug(std::string_view s, size_t max = 200) {
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    } else if (ch == '\'') {
      continue;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= max) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// ---------------------------------------------------------------------------------------------
// The world.

enum class Role {
  President,
  Premier,
  Foreign,
  Defence,
  Spokesperson,
  General,
  Mayor,
  UnionLeader,
  SecretaryGeneral,
  Envoy,
  OrgSpokesperson,
  Director,
  Analyst,
  Commander,
  Chief
};

struct Person {
  std::string id, name, surname;
  Role role = Role::President;
  bool female = false;
  int country = kNone;
  int org = kNone;
};

// Offices every country fills, in this order in Country::office.
enum Office { kPres, kPm, kFm, kDef, kSpk, kGen, kMayor, kLead, kOffices };

struct Country {
  std::string id, name, formal, adj, plural, capital, code;
  std::vector<std::string> towns;
  std::string union_name, workers, demand;
  std::array<int, kOffices> office{};
};

struct Org {
  std::string id, name, short_name, kind;
  int home = kNone;
  std::vector<int> people;
};

struct Rivalry {
  int a = kNone, b = kNone, mediator = kNone, bloc = kNone;
  std::string issue, background;
};

struct Outlet {
  std::string name, short_name, kind, domain;
  int country = kNone;
  std::vector<std::string> writers, photographers;
  DateStyle dates = DateStyle::Agency;
  bool curly = false;  // typographic quotation marks
  int byline_percent = 0;
};

struct World {
  std::vector<Country> countries;
  std::vector<Person> people;
  std::vector<Org> orgs;
  std::vector<Rivalry> rivalries;
  std::vector<Outlet> outlets;
  std::vector<int> blocs, analysts, wires;

  int country_index(const std::string& id) const {
    for (size_t i = 0; i < countries.size(); ++i)
      if (countries[i].id == id) return static_cast<int>(i);
    throw std::runtime_error("synth: world.yaml names an unknown country: " + id);
  }
  int org_index(const std::string& id) const {
    for (size_t i = 0; i < orgs.size(); ++i)
      if (orgs[i].id == id) return static_cast<int>(i);
    throw std::runtime_error("synth: world.yaml names an unknown organisation: " + id);
  }
  // The organisation's first person with this role, or kNone.
  int org_person(int org, Role role) const {
    if (org == kNone) return kNone;
    for (int p : orgs[static_cast<size_t>(org)].people)
      if (people[static_cast<size_t>(p)].role == role) return p;
    return kNone;
  }
};

Role parse_role(const std::string& s, bool in_country) {
  static const std::pair<std::string_view, Role> kCountryRoles[] = {
      {"president", Role::President},
      {"premier", Role::Premier},
      {"foreign", Role::Foreign},
      {"defence", Role::Defence},
      {"spokesperson", Role::Spokesperson},
      {"general", Role::General},
      {"mayor", Role::Mayor},
      {"union", Role::UnionLeader}};
  static const std::pair<std::string_view, Role> kOrgRoles[] = {
      {"secretary-general", Role::SecretaryGeneral},
      {"envoy", Role::Envoy},
      {"spokesperson", Role::OrgSpokesperson},
      {"director", Role::Director},
      {"analyst", Role::Analyst},
      {"commander", Role::Commander},
      {"chief", Role::Chief}};
  if (in_country) {
    for (const auto& [name, role] : kCountryRoles)
      if (s == name) return role;
  } else {
    for (const auto& [name, role] : kOrgRoles)
      if (s == name) return role;
  }
  throw std::runtime_error("synth: world.yaml has an unknown role: " + s);
}

Person make_person(const YAML::Node& n, bool in_country) {
  Person p;
  p.name = n["name"].as<std::string>();
  p.surname = p.name.substr(p.name.rfind(' ') + 1);
  p.id = slug(p.name);
  p.role = parse_role(n["role"].as<std::string>(), in_country);
  p.female = n["gender"].as<std::string>() == "f";
  return p;
}

World load_world(const std::filesystem::path& path) {
  World w;
  YAML::Node root;
  try {
    root = YAML::LoadFile(path.string());
  } catch (const YAML::Exception& e) {
    throw std::runtime_error("synth: cannot read the world " + path.string() + ": " + e.what());
  }
  try {
    for (const auto& n : root["countries"]) {
      Country c;
      c.id = n["id"].as<std::string>();
      c.name = n["name"].as<std::string>();
      c.formal = n["formal"].as<std::string>();
      c.adj = n["demonym"].as<std::string>();
      c.plural = n["plural"].as<std::string>();
      c.capital = n["capital"].as<std::string>();
      c.code = n["code"].as<std::string>();
      c.towns = n["towns"].as<std::vector<std::string>>();
      c.union_name = n["union"]["name"].as<std::string>();
      c.workers = n["union"]["workers"].as<std::string>();
      c.demand = n["union"]["demand"].as<std::string>();
      c.office.fill(kNone);
      const int ci = static_cast<int>(w.countries.size());
      for (const auto& pn : n["people"]) {
        Person p = make_person(pn, true);
        p.country = ci;
        c.office[static_cast<size_t>(p.role)] = static_cast<int>(w.people.size());
        w.people.push_back(std::move(p));
      }
      for (int o : c.office)
        if (o == kNone) throw std::runtime_error("synth: " + c.name + " lacks an office holder");
      if (c.towns.empty()) throw std::runtime_error("synth: " + c.name + " has no towns");
      w.countries.push_back(std::move(c));
    }
    for (const auto& n : root["organisations"]) {
      Org o;
      o.id = n["id"].as<std::string>();
      o.name = n["name"].as<std::string>();
      o.short_name = n["short"].as<std::string>();
      o.kind = n["kind"].as<std::string>();
      if (n["home"]) o.home = w.country_index(n["home"].as<std::string>());
      const int oi = static_cast<int>(w.orgs.size());
      for (const auto& pn : n["people"]) {
        Person p = make_person(pn, false);
        p.org = oi;
        if (p.role == Role::Analyst) w.analysts.push_back(static_cast<int>(w.people.size()));
        o.people.push_back(static_cast<int>(w.people.size()));
        w.people.push_back(std::move(p));
      }
      if (o.kind == "bloc") w.blocs.push_back(oi);
      w.orgs.push_back(std::move(o));
    }
    for (const auto& n : root["rivalries"]) {
      Rivalry r;
      r.a = w.country_index(n["a"].as<std::string>());
      r.b = w.country_index(n["b"].as<std::string>());
      r.mediator = w.country_index(n["mediator"].as<std::string>());
      r.bloc = w.org_index(n["bloc"].as<std::string>());
      r.issue = n["issue"].as<std::string>();
      r.background = n["background"].as<std::string>();
      w.rivalries.push_back(std::move(r));
    }
    const auto given = root["staff"]["given"].as<std::vector<std::string>>();
    const auto family = root["staff"]["family"].as<std::vector<std::string>>();
    size_t staff = 0;
    for (const auto& n : root["outlets"]) {
      Outlet o;
      o.name = n["name"].as<std::string>();
      o.short_name = n["short"].as<std::string>();
      o.kind = n["kind"].as<std::string>();
      o.domain = n["domain"].as<std::string>();
      if (n["country"]) o.country = w.country_index(n["country"].as<std::string>());
      const size_t k = w.outlets.size();
      // House style, fixed per outlet: agencies write "Sept. 12"; papers vary.
      if (o.kind == "wire") {
        o.dates = DateStyle::Agency;
        o.byline_percent = 15;
        w.wires.push_back(static_cast<int>(k));
      } else {
        o.dates = k % 3 == 0   ? DateStyle::Agency
                  : k % 3 == 1 ? DateStyle::Full
                               : DateStyle::DayFirst;
        o.curly = k % 2 == 1;
        o.byline_percent = o.kind == "broadcaster" ? 40 : 75;
      }
      // Staff names: given[i] + family[j] with j shifted by 7 for each pass through `given`,
      // so no two staff members share a name while fewer than given x family are needed.
      for (int j = 0; j < 5; ++j, ++staff) {
        const std::string name = given[staff % given.size()] + " " +
                                 family[(staff + staff / given.size() * 7 + 11) % family.size()];
        (j < 3 ? o.writers : o.photographers).push_back(name);
      }
      w.outlets.push_back(std::move(o));
    }
  } catch (const YAML::Exception& e) {
    throw std::runtime_error("synth: bad world file " + path.string() + ": " + e.what());
  }
  if (w.countries.size() < 4 || w.rivalries.empty() || w.blocs.empty() || w.wires.empty() ||
      w.analysts.empty())
    throw std::runtime_error("synth: the world in " + path.string() +
                             " needs 4 countries, a rivalry, a bloc, an agency and an analyst");
  return w;
}

// ---------------------------------------------------------------------------------------------
// World events.

enum class Kind {
  Attack,
  Condolences,
  Accusation,
  Troops,
  Expulsion,
  Rally,
  Summons,
  Sanctions,
  Condemnation,
  TradeProtest,
  PhoneCall,
  Visit,
  Talks,
  Ceasefire,
  Agreement,
  Aid,
  Strike,
  Protest,
  UnionTalks,
  StrikeDeal,
  kCount
};

enum class Plot { Crisis, Trade, Labour, StateVisit };

struct Event {
  int id = 0;
  Kind kind = Kind::Attack;
  Plot plot = Plot::Crisis;
  Day day = 0;
  int episode = 0;
  int a = kNone, b = kNone, m = kNone;  // the country acting, the other one, the mediator
  int src = kNone, tgt = kNone;         // people: who acts, towards whom
  int qby = kNone, rby = kNone;         // people quoted: the actor's side, the other side
  int bloc = kNone, group = kNone;      // organisations involved
  bool bloc_donor = false;              // aid from the bloc rather than from country a
  bool reciprocal = false;              // an expulsion answering one
  int n = 0, n2 = 0;                    // the event's numbers (dead, troops, hours, millions...)
  std::string town, place, issue, goods, deal, offer, cthing;
  // The words every outlet quotes: the actor's side (one or two sentences), the other side,
  // and the short phrases partial quotes use.
  std::string quote1, quote2, reply, phrase, rphrase;
};

struct Episode {
  Plot plot = Plot::Crisis;
  std::vector<int> events;  // by date
};

struct Timeline {
  Day start = 0;
  int days = 0;
  std::vector<Event> events;
  std::vector<Episode> episodes;
  std::vector<std::vector<int>> by_day;  // event ids per day of the timeline
};

// ---------------------------------------------------------------------------------------------
// What is written about each kind of event. Placeholders are described at Composer::expand.

struct Texts {
  std::vector<std::string_view> headline, lead, detail, recap, caption;
  std::vector<std::string_view> quote1, quote2, reply, phrase, rphrase, partial, rpartial;
  std::vector<std::string_view> noreply;
  std::string_view thing;
};

const std::vector<std::string_view> kNoReply = {
    "There was no immediate comment from the government in {B.cap}.",
    "Officials in {B.cap} did not respond to requests for comment.",
    "{B}'s Foreign Ministry declined to comment."};

std::array<Texts, static_cast<size_t>(Kind::kCount)> make_texts() {
  std::array<Texts, static_cast<size_t>(Kind::kCount)> t;
  auto at = [&t](Kind k) -> Texts& { return t[static_cast<size_t>(k)]; };

  at(Kind::Attack) = {
      .headline = {"{n.word} border guards killed in attack near {town}",
                   "Gunmen kill {n.word} {A.adj} guards at border post",
                   "{A} mourns border guards killed near {town}"},
      .lead = {"Gunmen attacked a border post near the {A.adj} town of {town} {when}, killing "
               "{n.word} guards and wounding {n2.word} others, {A}'s Interior Ministry said.",
               "{n.word} {A.adj} border guards were killed {when} when gunmen opened fire on "
               "their post near {town}, close to the frontier with {B}, officials said.",
               "An attack on a border post near {town} {when} left {n.word} {A.adj} guards dead "
               "and {n2.word} wounded, according to the {A.adj} government, in a blow to already "
               "strained relations with neighbouring {B}."},
      .detail = {"The shooting went on for about two hours, according to a police statement. The "
                 "{group}, an armed group that operates in the hills along the border, said it "
                 "had carried out the raid.",
                 "Police sealed off the roads around {town} and searched nearby farms. Officials "
                 "said the gunmen had escaped towards {B}, and that at least one of the wounded "
                 "was in a serious condition.",
                 "The {group} claimed responsibility in a message posted online, saying its "
                 "fighters had targeted the post because it guarded what the group calls an "
                 "illegal border. The claim could not be independently verified."},
      .recap = {"{when}, gunmen killed {n.word} {A.adj} border guards at a post near {town}.",
                "The crisis began {when}, when gunmen attacked a border post near {town} and "
                "killed {n.word} {A.adj} guards.",
                "{when}, an attack on a border post near {town} left {n.word} {A.adj} guards "
                "dead."},
      .caption = {"Police officers stand guard at the damaged border post near {town}",
                  "Relatives of the border guards killed near {town} gather outside the "
                  "hospital"},
      .quote1 = {"This was a cowardly attack on young men who were guarding their country",
                 "Those who planned this attack will be found and they will answer for it",
                 "Our border guards were murdered by people who knew exactly where to strike",
                 "Nobody should mistake our grief for weakness",
                 "Every family in {A} shares the grief of the families in {town}"},
      .quote2 = {"We will protect our border and every village along it",
                 "The state will use every lawful means to bring the killers to justice",
                 "We are asking our neighbours to help us find them",
                 "Security along the whole border has been reinforced"},
      .reply = {"{B} had nothing to do with this attack and condemns it without reservation",
                "We reject any attempt to blame {B} for a crime committed by armed criminals",
                "Our government does not shelter armed groups, and it never has",
                "Pointing fingers before any investigation has been done helps nobody"},
      .phrase = {"an act of terror", "a cowardly ambush", "a crime against the whole nation",
                 "a deliberate provocation"},
      .rphrase = {"absurd", "baseless", "an insult to the victims"},
      .partial = {"{qby,} called the attack \"{phrase}\" and promised that those responsible "
                  "would be found.",
                  "{qby} described the raid as \"{phrase}\"."},
      .rpartial = {"{B} denied any role. {rby,} called suggestions of {B.adj} involvement "
                   "\"{rphrase}\"."},
      .noreply = kNoReply,
      .thing = "attack"};

  at(Kind::Condolences) = {
      .headline = {"{M} sends condolences to {A} after border attack",
                   "{src.sur} offers condolences over {town} killings"},
      .lead = {"{src} {when} sent {src.his} condolences to {tgt} over the killing of {n.word} "
               "border guards near {town}, {src.his} office said.",
               "{src} extended {src.his} condolences {when} to {tgt} and to the families of the "
               "{n.word} guards killed near {town}, according to a statement from {src.his} "
               "office.",
               "{M} offered its condolences to {A} {when} after the attack near {town}, with "
               "{src} writing to {tgt.name} that {M} shared the grief of the {A.adj} people."},
      .detail = {"In the message, {src.sur} also urged restraint and said {M} was ready to help "
                 "with any investigation. {M} has close ties with both {A} and {B}.",
                 "The message was delivered by {M}'s ambassador in {A.cap}, officials said. It "
                 "was one of several from foreign governments."},
      .recap = {"{when}, {src} sent {src.his} condolences to {tgt.name}.",
                "{src} offered condolences to {A} {when}."},
      .caption = {"Flowers and candles are left outside the {A.adj} embassy in {M.cap}"},
      .quote1 = {"{M} stands with the {A.pl} in their grief",
                 "Our thoughts are with the families of the guards who lost their lives",
                 "No grievance can justify the killing of men on duty",
                 "We share the sorrow of the {A.adj} people and condemn this senseless violence"},
      .quote2 = {"We are ready to help in any way we can",
                 "Those responsible must be held to account",
                 "We urge all sides to show restraint"},
      .reply = {"We are grateful for the solidarity of our friends in {M}",
                "The message from {M.cap} was received with gratitude",
                "Such gestures matter to the families"},
      .phrase = {"deep sorrow", "profound sympathy", "full solidarity"},
      .rphrase = {"with gratitude", "with real appreciation"},
      .partial = {"{qby} wrote that {M} felt \"{phrase}\" for the families of the dead.",
                  "\"{quote},\" {qby} wrote in the message."},
      .rpartial = {"{rby,} said the message had been received \"{rphrase}\"."},
      .noreply = {"There was no immediate reply from {A.cap}."},
      .thing = "message"};

  at(Kind::Accusation) = {
      .headline = {"{A} accuses {B} of sheltering border attackers",
                   "{A} blames {B} for deadly raid near {town}"},
      .lead = {"{A} {when} accused {B} of sheltering the gunmen who killed {n.word} border guards "
               "near {town}, sharply raising tensions between the two neighbours.",
               "{src} said {when} that the men behind the attack near {town} had trained and "
               "armed themselves in {B}, the first time {A} has publicly blamed its neighbour.",
               "{A} blamed {B} {when} for the attack on a border post near {town}, saying the "
               "gunmen had crossed from {B.adj} territory."},
      .detail = {"{src.sur} did not present evidence in public but said it had been shared with "
                 "{A}'s partners. {src.he} said {A} expected {B.cap} to hand over anyone "
                 "involved.",
                 "The accusation followed pressure from opposition parties, which had demanded a "
                 "tougher line on {B} and a full inquiry into how the attackers reached the "
                 "post."},
      .recap = {"{when}, {A} accused {B} of harbouring the attackers.",
                "{A} publicly blamed {B} for the attack {when}."},
      .caption = {"{src.name} speaks to reporters in {A.cap}"},
      .quote1 = {"The men who carried out this attack trained on {B.adj} soil and crossed from "
                 "{B.adj} soil",
                 "We have evidence that the attackers were given shelter across the border",
                 "{B} cannot claim to be fighting these groups while it lets them operate freely",
                 "The trail leads to {B}, and we will not pretend otherwise"},
      .quote2 = {"We expect {B.cap} to hand over those responsible",
                 "The evidence will be shared with our partners",
                 "We are demanding answers, not statements"},
      .reply = {"These accusations are false and they are dangerous",
                "{A} has offered no evidence for what it is saying",
                "We will not be made a scapegoat for {A}'s security failures",
                "This is an attempt to distract attention from problems at home"},
      .phrase = {"clearly across the border", "in one direction only"},
      .rphrase = {"baseless", "a fabrication", "irresponsible and false"},
      .partial = {"{qby,} said the evidence pointed \"{phrase}\"."},
      .rpartial = {"{rby,} dismissed the accusation as \"{rphrase}\"."},
      .noreply = kNoReply,
      .thing = "accusation"};

  at(Kind::Troops) = {
      .headline = {"{A} sends {n} troops to {B.adj} border",
                   "{A} reinforces border with {B} after attack"},
      .lead = {"{A} {when} ordered {n} troops to its border with {B}, {src} said, following the "
               "deadly attack near {town}.",
               "{src} said {when} that {A} was sending {n} more soldiers and armoured units to "
               "the frontier with {B}, in a show of force after the attack near {town}.",
               "{A} moved {n} troops and a battery of air-defence missiles to the border with "
               "{B} {when}, the Defence Ministry said."},
      .detail = {"Television footage showed columns of lorries and armoured vehicles on the main "
                 "road towards {town}. {A.gen} was put in charge of the operation.",
                 "The deployment brings the number of {A.adj} soldiers along the frontier to its "
                 "highest level in a generation, according to military analysts."},
      .recap = {"{when}, {A} sent {n} troops to the border.",
                "{when}, {A} ordered {n} more soldiers to the frontier."},
      .caption = {"{A.adj} armoured vehicles move along a road near the border with {B}"},
      .quote1 = {"Our troops are there to defend our territory, not to threaten anyone",
                 "The army will stay on the border for as long as the danger lasts",
                 "We are prepared for every scenario",
                 "No one will cross this border with weapons again"},
      .quote2 = {"The deployment is defensive",
                 "Our soldiers have clear orders to respond only if they are attacked",
                 "We hope diplomacy will make this unnecessary"},
      .reply = {"Moving troops to the border only raises the risk of a mistake",
                "This deployment is a provocation and we are watching it closely",
                "We call on {A} to pull its forces back"},
      .phrase = {"orders to defend, not to attack", "one task only: to protect our people"},
      .rphrase = {"a dangerous escalation", "sabre-rattling", "a reckless show of force"},
      .partial = {"{qby,} said the troops had \"{phrase}\"."},
      .rpartial = {"{rby} called the deployment \"{rphrase}\"."},
      .noreply = kNoReply,
      .thing = "deployment"};

  at(Kind::Expulsion) = {
      .headline = {"{A} expels {B.adj} ambassador",
                   "{A} orders {B.adj} envoy out as crisis deepens"},
      .lead = {"{A} {when} expelled {B}'s ambassador and gave the envoy {n} hours to leave the "
               "country, the Foreign Ministry said, in a sharp escalation of the dispute over "
               "{issue}.",
               "{A} {when} ordered {B}'s ambassador to leave the country, declaring the envoy "
               "persona non grata, {A}'s Foreign Ministry said.",
               "{src} said {when} that {A} was expelling {B}'s ambassador, accusing the envoy of "
               "activities incompatible with diplomatic status."},
      .detail = {"The envoy was summoned to the ministry and handed a note giving {n} hours to "
                 "leave. The embassy will remain open with a smaller staff, officials said.",
                 "Diplomats said the move left the two governments with few channels of "
                 "communication at a dangerous moment."},
      .recap = {"{when}, {A} expelled {B}'s ambassador.",
                "{A} ordered {B}'s envoy out of the country {when}."},
      .caption = {"A car with diplomatic plates leaves the {B.adj} embassy in {A.cap}"},
      .quote1 = {"The ambassador's activities were incompatible with the relations we had hoped "
                 "for",
                 "There is a limit to what we can accept, and that limit has been reached",
                 "We took this decision with regret, but we took it",
                 "Diplomats who abuse their position cannot stay in our country"},
      .quote2 = {"Our door is not closed for good", "The embassy can continue its consular work",
                 "We expect {B} to draw the right conclusions"},
      .reply = {"This expulsion is unjustified and {B} will respond",
                "We regret a decision that makes dialogue harder",
                "{A} has chosen confrontation over diplomacy"},
      .phrase = {"with regret but without hesitation", "after long and careful thought"},
      .rphrase = {"a hostile act", "a grave mistake", "unjustified and unfriendly"},
      .partial = {"{qby} said the decision had been taken \"{phrase}\"."},
      .rpartial = {"{rby} called the expulsion \"{rphrase}\"."},
      .noreply = kNoReply,
      .thing = "expulsion"};

  at(Kind::Rally) = {
      .headline = {"Thousands rally in {A.cap} to mourn border guards",
                   "Crowds in {A.cap} demand tougher line on {B}"},
      .lead = {"Several thousand people rallied in {A.cap} {when} to mourn the guards killed near "
               "{town} and to demand a tougher line on {B}.",
               "Crowds filled the main square of {A.cap} {when}, carrying flags and photographs "
               "of the border guards killed near {town}, police said."},
      .detail = {"Police put the crowd at about {n2k}. Speakers called on the government to close "
                 "the border with {B} until the attackers were caught.",
                 "The rally was {rphrase}, police said, although officers detained a handful of "
                 "people who tried to march on the {B.adj} embassy."},
      .recap = {"{when}, thousands rallied in {A.cap} to demand a tougher line on {B}."},
      .caption = {"People carry flags and photographs of the killed guards in central {A.cap}"},
      .quote1 = {"We are here to say that {A} will not be intimidated",
                 "The families of the guards deserve the truth and they deserve justice",
                 "People came out because they want to be heard"},
      .quote2 = {"I asked everyone to keep the gathering calm and dignified",
                 "The city will always protect the right to gather"},
      .reply = {"People have every right to grieve in public",
                "The government hears the anger in the street"},
      .phrase = {"calm and dignified", "a city in mourning"},
      .rphrase = {"largely peaceful", "orderly"},
      .partial = {"{qby} described the gathering as \"{phrase}\"."},
      .rpartial = {"{rby} said the rally had been \"{rphrase}\"."},
      .noreply = {"The {B.adj} embassy did not comment."},
      .thing = "rally"};

  at(Kind::Summons) = {
      .headline = {"{A} summons {B.adj} ambassador over {goods} sanctions"},
      .lead = {"{A}'s Foreign Ministry summoned {B}'s ambassador {when} to protest against the "
               "sanctions on {A.adj} {goods}, the ministry said.",
               "{src} summoned the {B.adj} ambassador {when} and handed over a formal protest "
               "against the restrictions on {A.adj} {goods}, officials said."},
      .detail = {"The meeting lasted less than half an hour, according to a diplomat briefed on "
                 "it. The ambassador left the ministry without speaking to reporters."},
      .recap = {"{when}, {A} summoned {B}'s ambassador to protest."},
      .caption = {"{B}'s ambassador arrives at the Foreign Ministry in {A.cap}"},
      .quote1 = {"We made our position clear to the ambassador in the plainest terms",
                 "The ambassador was told that these measures are unacceptable",
                 "We asked for an explanation and we expect one"},
      .quote2 = {"Our exporters must not pay for a political quarrel"},
      .reply = {"The ambassador listened and explained our position",
                "Our envoy went to the ministry and set out the facts"},
      .phrase = {"unacceptable", "discriminatory", "a breach of the trade treaty"},
      .rphrase = {"set out the facts calmly", "explained our position in full"},
      .partial = {"{qby} said the measures were \"{phrase}\"."},
      .rpartial = {"{rby} said the ambassador had \"{rphrase}\"."},
      .noreply = kNoReply,
      .thing = "summons"};

  at(Kind::Sanctions) = {
      .headline = {"{A} imposes sanctions on {B} over {issue}", "{A} bans {B.adj} {goods} imports"},
      .lead = {"{A} imposed sanctions on {B} {when}, banning imports of {B.adj} {goods} and "
               "freezing the assets of {n.word} officials, in a widening dispute over {issue}.",
               "{src} announced sanctions on {B} {when}, saying {A} would halt purchases of "
               "{B.adj} {goods} until the dispute over {issue} was settled.",
               "{A} {when} placed restrictions on {B.adj} {goods} and barred {n.word} senior "
               "{B.adj} officials from entering the country, the government said."},
      .detail = {"The measures cover about a third of {B}'s exports to {A}, according to trade "
                 "officials. Business groups in both countries warned that they would cost jobs.",
                 "The government said the sanctions would be reviewed regularly and lifted if {B} "
                 "changed course. {B} sold {A} {goods} worth about ${n2} million {last_year}."},
      .recap = {"{when}, {A} imposed sanctions on {B.adj} {goods}.",
                "The dispute escalated {when}, when {A} announced sanctions on {B}."},
      .caption = {"Lorries loaded with {goods} queue at a border crossing near {town}"},
      .quote1 = {"These measures are targeted, and they will stay in place until {B} changes "
                 "course",
                 "We gave {B} every chance to settle this at the negotiating table",
                 "Nobody wanted to reach this point",
                 "The sanctions are a response to {B}'s own decisions"},
      .quote2 = {"The door to talks remains open",
                 "We have coordinated these measures with our partners",
                 "Ordinary {B.pl} are not our target"},
      .reply = {"{B} will not bow to economic pressure",
                "These sanctions will hurt workers on both sides of the border",
                "We will take proportionate measures in response",
                "{A} has broken its own commitments under the trade treaty"},
      .phrase = {"targeted and proportionate", "the only language left"},
      .rphrase = {"economic blackmail", "an act of economic aggression",
                  "illegal and counterproductive"},
      .partial = {"{qby} said the measures were \"{phrase}\"."},
      .rpartial = {"{rby} called the sanctions \"{rphrase}\"."},
      .noreply = kNoReply,
      .thing = "sanctions"};

  at(Kind::Condemnation) = {
      .headline = {"{A} condemns {B.adj} {cthing}", "{A} vows response to {B.adj} {cthing}"},
      .lead = {"{src} {when} condemned {B}'s {cthing}, calling them \"{phrase}\" and warning that "
               "{A} would respond.",
               "{A} condemned the {B.adj} {cthing} {when}. {src} said the move was "
               "\"{phrase}\"."},
      .detail = {"{src.sur} said {A} would raise the matter with the {bloc} and with its other "
                 "partners, and that a list of possible countermeasures had been drawn up."},
      .recap = {"{A} condemned the {cthing} {when}."},
      .caption = {"{src.name} speaks at a news conference in {A.cap}"},
      .quote1 = {"What {B} has done violates every agreement between our two countries",
                 "We condemn this decision in the strongest terms", "This will not go unanswered"},
      .quote2 = {"We are consulting our partners on a joint response",
                 "Our exporters will have the full support of the state"},
      .reply = {"Our measures are lawful and proportionate",
                "The reaction from {A.cap} was expected and changes nothing"},
      .phrase = {"unacceptable", "a flagrant violation of international law", "a hostile act"},
      .rphrase = {"expected", "beside the point"},
      .partial = {"{qby} said the {cthing} were \"{phrase}\"."},
      .rpartial = {"{rby} said the criticism was \"{rphrase}\"."},
      .noreply = {"There was no immediate response from {B.cap}."},
      .thing = "condemnation"};

  at(Kind::TradeProtest) = {
      .headline = {"{A.workers} protest in {A.cap} against {B.adj} sanctions"},
      .lead = {"Thousands of {A.workers} protested in {A.cap} {when} against {B}'s sanctions, "
               "calling on the government to stand firm and to help those who have lost "
               "orders.",
               "{A.workers} marched through {A.cap} {when} to protest against the {B.adj} ban on "
               "{A.adj} {goods}, in a demonstration organised by the {A.union}."},
      .detail = {"Police put the crowd at about {n2k}. Many marchers carried banners naming the "
                 "factories and farms that had lost their buyers in {B}."},
      .recap = {"{when}, thousands of {A.workers} protested in {A.cap} against the sanctions."},
      .caption = {"Protesters march through central {A.cap}"},
      .quote1 = {"Our members are paying for a quarrel they did not start",
                 "We want the government to stand firm, and we want it to help us survive",
                 "Nobody asked the workers before this dispute began"},
      .quote2 = {"We will keep marching until someone listens"},
      .reply = {"People have every right to protest, and the city will protect that right",
                "I ask everyone to keep the protests peaceful"},
      .phrase = {"a quarrel we did not start", "abandoned"},
      .rphrase = {"peaceful", "largely peaceful"},
      .partial = {"{qby} said workers felt \"{phrase}\"."},
      .rpartial = {"{rby} said the march had been \"{rphrase}\"."},
      .noreply = {"The {B.adj} embassy did not comment."},
      .thing = "protest"};

  at(Kind::PhoneCall) = {
      .headline = {"{src.sur} and {tgt.sur} discuss crisis by phone",
                   "{A} and {B} leaders hold phone call"},
      .lead = {"{src} held a phone call with {tgt} {when} to discuss {issue}, {src.his} office "
               "said.",
               "{src} and {tgt} spoke by telephone {when} about {issue}, according to a "
               "statement from {src.his} office.",
               "{src} telephoned {tgt} {when} to discuss {issue}, the two leaders' offices said."},
      .detail = {"The call lasted about {n} minutes, officials said. According to the readout, the "
                 "two leaders agreed that their foreign ministers should stay in close contact.",
                 "It was the first conversation between the two leaders since the crisis began, "
                 "diplomats said."},
      .recap = {"{when}, {src} spoke by phone with {tgt.name}.",
                "{src} and {tgt.name} discussed {issue} in a phone call {when}."},
      .caption = {"{src.name} speaks on the phone in {src.his} office in {A.cap}"},
      .quote1 = {"The conversation was frank and useful",
                 "We agreed that our ministers should stay in close contact",
                 "I made our position clear, and I listened carefully to the other side",
                 "Both of us want to find a way out of this"},
      .quote2 = {"Dialogue is the only way forward", "Nobody gains from letting this drag on"},
      .reply = {"We appreciate every effort to calm the situation",
                "The president set out our position clearly",
                "We welcome the call and the tone of the conversation"},
      .phrase = {"frank and constructive", "long and substantive", "warm and businesslike"},
      .rphrase = {"useful", "very constructive"},
      .partial = {"{qby} said the conversation had been \"{phrase}\"."},
      .rpartial = {"{rby}'s office described the call as \"{rphrase}\"."},
      .noreply = {"The office of {tgt.name} did not comment on the call."},
      .thing = "call"};

  at(Kind::Visit) = {
      .headline = {"{src.sur} visits {place} as {issue} dominates agenda",
                   "{A.adj} leader arrives in {place} for talks"},
      .lead = {"{src} arrived in {place} {when} for a {n.word}-day visit focused on {issue}.",
               "{src} visited {place} {when}, the first stop of a regional tour, {src.his} "
               "office said.",
               "{src} flew to {place} {when} for talks on {issue}, {A}'s government said."},
      .detail = {"{src.sur} was met at the airport by {B.fm} and was due to see {tgt} before "
                 "leaving.",
                 "The visit had been arranged at short notice, diplomats said, and its programme "
                 "was kept private for security reasons."},
      .recap = {"{when}, {src} visited {place}.", "{src} travelled to {place} {when}."},
      .caption = {"{src.name} is welcomed by an honour guard on arrival in {place}"},
      .quote1 = {"I came to {place} to listen, and to carry messages in both directions",
                 "{A} has no interest here except peace and prosperity for the region",
                 "My visit is a sign that {B} does not stand alone"},
      .quote2 = {"There is more that unites our countries than divides them",
                 "We want to do more together, not less"},
      .reply = {"We welcome the visit and the support it shows",
                "Our friends in {A} understand what is at stake",
                "The visit comes at an important moment for the whole region"},
      .phrase = {"a mission of goodwill", "a message of support"},
      .rphrase = {"a gesture of friendship", "real solidarity"},
      .partial = {"{qby} said the visit was \"{phrase}\"."},
      .rpartial = {"{rby} thanked the visitor for what {rby.he} called \"{rphrase}\"."},
      .noreply = {},
      .thing = "visit"};

  at(Kind::Talks) = {
      .headline = {"{A} and {B} hold talks in {place}", "{src.sur} and {tgt.sur} meet in {place}"},
      .lead = {"{src} held talks with {src.his} {B.adj} counterpart {tgt.name} in {place} {when}, "
               "{host}.",
               "{src} and {tgt} met for talks in {place} {when}, {host}.",
               "Talks between {A} and {B} opened in {place} {when}, with {src} and {tgt} leading "
               "the two delegations."},
      .detail = {"The talks lasted about {n.word} hours, longer than planned, according to a "
                 "diplomat present. The two sides agreed to set up working groups on {issue}.",
                 "Neither side announced a breakthrough, but officials said a joint statement was "
                 "being drafted and that the delegations had eaten together."},
      .recap = {"{when}, {src} met {tgt.name} in {place}.",
                "The two sides held talks in {place} {when}."},
      .caption = {"{src.name}, left, shakes hands with {tgt.name} before their talks in {place}"},
      .quote1 = {"We had a frank exchange and we agreed to keep talking",
                 "Nobody expected a breakthrough at the first meeting, but the channel is open",
                 "There is still a wide gap between our positions",
                 "We came here to find solutions, not to repeat old complaints"},
      .quote2 = {"Our teams will keep working on the details",
                 "I thank our hosts for their patience"},
      .reply = {"The talks were difficult but useful",
                "We heard proposals that deserve careful study",
                "{B} is ready to continue the dialogue in good faith"},
      .phrase = {"constructive", "frank but useful", "a first step", "businesslike"},
      .rphrase = {"difficult but necessary", "serious and detailed"},
      .partial = {"{qby} said the meeting had been \"{phrase}\"."},
      .rpartial = {"{rby,} described the talks as \"{rphrase}\"."},
      .noreply = {"The {B.adj} delegation left without speaking to reporters."},
      .thing = "talks"};

  at(Kind::Ceasefire) = {
      .headline = {"{A} and {B} agree {n}-day ceasefire", "{M} brokers truce between {A} and {B}"},
      .lead = {"{A} and {B} agreed {when} to a {n}-day ceasefire along their border, in a deal "
               "brokered by {M}, officials said.",
               "A {n}-day ceasefire between {A} and {B} was agreed in {place} {when}, {src} "
               "said."},
      .detail = {"Under the truce, both sides will pull heavy weapons back from the frontier and "
                 "allow monitors from the {bloc} to patrol it. The truce is due to expire on "
                 "{expiry} unless it is extended.",
                 "The ceasefire covers the whole border, including the area around {town}, and "
                 "a joint commission will hear complaints of violations."},
      .recap = {"{when}, the two sides agreed to a {n}-day ceasefire.",
                "{A} and {B} agreed to a truce {when}."},
      .caption = {"Soldiers rest beside an armoured vehicle near {town}"},
      .quote1 = {"This ceasefire is a chance, and we intend to use it",
                 "Our forces will respect the truce as long as the other side does",
                 "We owe it to the families living along the border"},
      .quote2 = {"The real work of building trust starts here",
                 "I thank {M} for its patient mediation"},
      .reply = {"{B} will honour every line of what was agreed",
                "A ceasefire on paper is only a beginning",
                "We will judge {A} by what happens on the ground"},
      .phrase = {"fragile but real", "a first real step", "a breathing space"},
      .rphrase = {"what happens on the ground", "deeds, not words"},
      .partial = {"{qby} called the truce \"{phrase}\"."},
      .rpartial = {"{rby} said {B} would judge the truce by \"{rphrase}\"."},
      .noreply = kNoReply,
      .thing = "ceasefire"};

  at(Kind::Agreement) = {
      .headline = {"{A} and {B} sign {deal}", "{A} and {B} seal {deal} in {place}"},
      .lead = {"{src} and {tgt} signed {deal} in {place} {when}, the two governments said.",
               "{A} and {B} signed {deal} {when}, {src} said, after negotiations that had "
               "stalled more than once.",
               "{A} and {B} put their signatures to {deal} in {place} {when}."},
      .detail = {"The agreement still has to be approved by both parliaments, and officials said "
                 "the text included a way to settle disputes through the {bloc}.",
                 "Officials said the text ran to several dozen pages and had been negotiated "
                 "line by line by the two foreign ministries."},
      .recap = {"{when}, {A} and {B} signed {deal}."},
      .caption = {"{src.name} and {tgt.name} exchange documents after signing the agreement in "
                  "{place}"},
      .quote1 = {"This agreement shows what our two countries can achieve when we talk to each "
                 "other",
                 "It took patience on both sides to get here",
                 "The hard work of putting this into practice starts here"},
      .quote2 = {"Our citizens will see the benefits", "Both sides gave something up"},
      .reply = {"We signed this agreement because it serves both our peoples",
                "The agreement is balanced, and it is fair",
                "{B} will keep its side of the bargain"},
      .phrase = {"a new chapter", "a fair compromise", "historic"},
      .rphrase = {"balanced and fair", "good for both peoples"},
      .partial = {"{qby} called the agreement \"{phrase}\"."},
      .rpartial = {"{rby} said the deal was \"{rphrase}\"."},
      .noreply = {},
      .thing = "agreement"};

  at(Kind::Aid) = {
      .headline = {"{donor} pledges ${n} million in aid to {B}",
                   "{B} to receive ${n} million in aid"},
      .lead = {"{donor} pledged ${n} million in aid to {B} {when}, {src} said.",
               "{src} announced ${n} million in aid for {B} {when}, saying the money was meant "
               "{offer}."},
      .detail = {"The money is to pay for clinics, schools and water supplies, and part of it is "
                 "to be spent through the Red Lantern Society, officials said.",
                 "Officials said the first projects would be chosen together with local "
                 "authorities in and around {town}."},
      .recap = {"{when}, {donor} pledged ${n} million in aid to {B}."},
      .caption = {"Workers unload relief supplies in {town}"},
      .quote1 = {"The people of {town} and the villages around it need help, and they need it "
                 "quickly",
                 "This money is for clinics, schools and clean water",
                 "We will not leave {B} to face this alone"},
      .quote2 = {"We will make sure every dollar reaches the people it is meant for"},
      .reply = {"We are grateful for this support", "Every dollar will reach those who need it"},
      .phrase = {"only a beginning", "a sign of solidarity"},
      .rphrase = {"a lifeline", "a welcome gesture"},
      .partial = {"{qby} said the aid was \"{phrase}\"."},
      .rpartial = {"{rby} called the pledge \"{rphrase}\"."},
      .noreply = {},
      .thing = "pledge"};

  at(Kind::Strike) = {
      .headline = {"{A.workers} strike across {A}", "Strike by {A.workers} disrupts {A}"},
      .lead = {"Thousands of {A.workers} in {A} walked off the job {when} in a {n}-hour strike "
               "called by the {A.union}, which is demanding {A.demand}.",
               "A {n}-hour strike by {A.workers} began across {A} {when}, the {A.union} said, "
               "after talks with the government broke down.",
               "{A.workers} across {A} went on strike {when}, the {A.union} said, in a dispute "
               "over {A.demand}."},
      .detail = {"The union said about {n2k} of its members had joined the stoppage. Services were "
                 "disrupted in {A.cap} and {town}, where picket lines formed outside depots and "
                 "offices.",
                 "Union officials said turnout was higher than expected. The government said "
                 "contingency plans had kept essential services running."},
      .recap = {"{when}, {A.workers} walked out in a {n}-hour strike.",
                "The {A.union} called a {n}-hour strike {when}."},
      .caption = {"Striking {A.workers} gather outside the Labour Ministry in {A.cap}"},
      .quote1 = {"Our members have been patient, but patience does not pay the rent",
                 "We did not want this strike, but the government left us no choice",
                 "The {A.workers} of {A} are asking for fairness, nothing more"},
      .quote2 = {"Our door is open to the government",
                 "We apologise to the public for the disruption"},
      .reply = {"The government's offer was generous, and it remains on the table",
                "This strike punishes ordinary people who depend on public services",
                "We will not negotiate under pressure"},
      .phrase = {"no choice", "nothing to lose"},
      .rphrase = {"irresponsible", "unjustified", "a political strike"},
      .partial = {"{qby} said the government had left workers \"{phrase}\"."},
      .rpartial = {"{rby} called the strike \"{rphrase}\"."},
      .noreply = {"The Labour Ministry did not comment."},
      .thing = "strike"};

  at(Kind::Protest) = {
      .headline = {"Thousands march in {A.cap} in support of striking {A.workers}"},
      .lead = {"Thousands of people marched through {A.cap} {when} in support of striking "
               "{A.workers}, in one of the largest protests the city has seen in a generation.",
               "Protesters filled the streets of {A.cap} {when} as the dispute between the "
               "government and the {A.union} deepened, police said."},
      .detail = {"Police put the crowd at about {n2k}; organisers said it was much larger. The "
                 "march was {rphrase}, although police detained a handful of people near "
                 "parliament."},
      .recap = {"{when}, thousands marched in {A.cap} in support of the strikers."},
      .caption = {"Protesters march through central {A.cap}"},
      .quote1 = {"We are here because nobody in government is listening",
                 "The streets belong to the people who keep this country running",
                 "Every person here is a reason for the government to think again"},
      .quote2 = {"We will be back if we have to be"},
      .reply = {"People have every right to protest, and the city will protect that right",
                "I ask everyone to keep the protests peaceful"},
      .phrase = {"a warning to the government", "only the beginning"},
      .rphrase = {"peaceful", "largely peaceful"},
      .partial = {"{qby} called the march \"{phrase}\"."},
      .rpartial = {"{rby} said the march had been \"{rphrase}\"."},
      .noreply = {},
      .thing = "march"};

  at(Kind::UnionTalks) = {
      .headline = {"{A.adj} prime minister meets union as strike bites",
                   "Government and {A.union} resume talks"},
      .lead = {"{src} met leaders of the {A.union} {when} in an attempt to end the strike by "
               "{A.workers}, {src.his} office said.",
               "Talks between the {A.adj} government and the {A.union} resumed {when}, with {src} "
               "taking part in person."},
      .detail = {"The meeting lasted more than {n.word} hours. {tgt} said the government had "
                 "improved its offer but that the gap remained wide."},
      .recap = {"{when}, {src} met union leaders.",
                "The government and the union held talks {when}."},
      .caption = {"{tgt.name} arrives for talks at the prime minister's office in {A.cap}"},
      .quote1 = {"We listened carefully to the union's concerns",
                 "There is room for an agreement if both sides are flexible"},
      .quote2 = {"The public wants this dispute settled"},
      .reply = {"The talks were long but we made progress",
                "We will put the government's proposal to our members"},
      .phrase = {"useful", "serious"},
      .rphrase = {"progress", "a serious offer"},
      .partial = {"{qby} called the meeting \"{phrase}\"."},
      .rpartial = {"{rby} said there had been \"{rphrase}\"."},
      .noreply = {},
      .thing = "talks"};

  at(Kind::StrikeDeal) = {
      .headline = {"{A.union} and government reach deal to end strike",
                   "{A.workers} end strike after deal"},
      .lead = {"The {A.adj} government and the {A.union} reached an agreement {when} that ends "
               "the strike by {A.workers}, both sides said.",
               "{A.workers} in {A} called off their strike {when} after the {A.union} accepted a "
               "government offer that includes {offer}."},
      .detail = {"Under the deal, the government agreed to {offer}. Union members still have to "
                 "approve it in a ballot, but leaders said they would recommend it."},
      .recap = {"{when}, the government and the union reached a deal to end the strike."},
      .caption = {"{A.workers} return to work in {A.cap}"},
      .quote1 = {"This agreement is fair to workers and to taxpayers",
                 "Nobody got everything they wanted, which is how a good deal looks"},
      .quote2 = {"I thank the union for negotiating in good faith"},
      .reply = {"Our members have won a real improvement",
                "We will be watching closely to make sure the promises are kept"},
      .phrase = {"a fair settlement", "a victory for common sense"},
      .rphrase = {"a real improvement", "a fair deal"},
      .partial = {"{qby} called the agreement \"{phrase}\"."},
      .rpartial = {"{rby} said members had won \"{rphrase}\"."},
      .noreply = {},
      .thing = "agreement"};
  return t;
}

const Texts& texts(Kind k) {
  static const auto kTexts = make_texts();
  return kTexts[static_cast<size_t>(k)];
}

// Words attributed to the whole article rather than to one event.
const std::vector<std::string_view> kSourceQuote = {"\"{quote},\" {qby} said.",
                                                    "\"{quote},\" {qby} said {when}.",
                                                    "{qby} told reporters: \"{quote}.\"",
                                                    "{qby} told reporters {when}: \"{quote}.\"",
                                                    "In a statement, {qby} said: \"{quote}.\"",
                                                    "\"{quote},\" {qby} wrote on social media.",
                                                    "\"{quote},\" {qby} told {outlet}."};
const std::vector<std::string_view> kSourceQuoteSplit = {
    "\"{quote1},\" {qby} said. \"{quote2}.\"",
    "\"{quote1},\" {qby} told reporters {when}. \"{quote2}.\"",
    "{qby} said: \"{quote1}.\" {qby.he} added: \"{quote2}.\""};
const std::vector<std::string_view> kReplyQuote = {
    "\"{reply},\" {rby} said.", "{rby} told reporters: \"{reply}.\"", "{rby,} said: \"{reply}.\"",
    "\"{reply},\" said {rby;}.", "\"{reply},\" {rby} said {when}."};

const std::vector<std::string_view> kAnalystQuotes[] = {
    // Crisis
    {"Both governments are under pressure at home, and that makes it harder for either of them "
     "to step back",
     "The danger is not a planned war but an accident that nobody can stop",
     "Mediation can work here, but only if both sides believe they gain more from talking",
     "Armed groups thrive in exactly this kind of vacuum between two governments"},
    // Trade
    {"Sanctions like these tend to hurt the exporters first and the politicians last",
     "Both economies are too closely tied for a long trade war to make sense",
     "This is as much about domestic politics as it is about {goods}"},
    // Labour
    {"The government is betting that public patience will run out before the union's does",
     "This dispute is about who carries the cost of the budget cuts",
     "Unions have not been this united in a generation"},
    // State visit
    {"The visit is about signalling as much as substance",
     "Neither side wants to be seen leaving empty-handed",
     "Energy and transport are where the real money is in this relationship"}};

// A second sentence for the analyst, by plot.
const std::vector<std::string_view> kAnalystMore[] = {
    {"The longer the troops stay on the border, the more room there is for a mistake",
     "What matters is whether the mediators can keep both sides at the table",
     "Public opinion in both countries is running well ahead of the diplomats"},
    {"Somebody will have to blink, and neither government wants to be first",
     "The businesses caught in the middle have the least say and the most to lose",
     "A compromise is available, but it would have to be sold at home as a victory"},
    {"A settlement is possible, but the government has left itself little room",
     "Strikes like this are won or lost in the court of public opinion",
     "The union's members are more militant than its leaders"},
    {"Agreements like these often look better on paper than on the ground",
     "The real test is whether the money and the trains actually arrive",
     "Both leaders needed a success abroad to show voters at home"}};

const std::vector<std::string_view> kAnalystFrames = {
    "{an,} said: \"{aq}. {aq2}.\"", "\"{aq},\" said {an;}. \"{aq2}.\"",
    "\"{aq},\" {an,} told {outlet}. \"{aq2}.\"",
    "According to {an;}, \"{aq}.\" {an.sur} added that \"{aq2}\"."};

// A sentence after a quote, saying where or how it was said; and one after a reply.
const std::vector<std::string_view> kAfterQuote = {
    " {qby.he} did not take questions.",
    " The remarks were broadcast on national television.",
    " {qby.he} spoke to reporters after a meeting of senior officials.",
    " The comments were posted in full on the government's website.",
    " {qby.he} declined to say what steps might follow.",
    ""};
const std::vector<std::string_view> kAfterReply = {
    " {rby.he} gave no further details.", " {rby.he} did not elaborate.",
    " {rby.he} said a fuller response would follow in writing.", ""};

// A second sentence for the lead, by plot, after a hostile step or a conciliatory one.
const std::vector<std::string_view> kLeadMore[] = {
    {" It was the latest sign of strain between the two neighbours over {issue}.",
     " The move is likely to deepen a crisis that has drawn appeals for calm from across the "
     "region.",
     ""},
    {" Diplomats in the region said the situation remained tense but contained.",
     " The {bloc} welcomed the step and urged both sides to build on it.", ""},
    {" The dispute has already unsettled exporters in both countries.",
     " The quarrel over {issue} has turned into the worst trade row between the two in a "
     "generation.",
     ""},
    {" Exporters in both countries hope the step will help to ease the dispute.", ""},
    {" The dispute is the most serious the government has faced since it took office.",
     " The union has warned that the stoppage could be the first of several.", ""},
    {" Commuters and businesses are hoping for a quick end to the dispute.", ""},
    {" Officials described the trip as a sign of warming ties.", ""},
    {" Officials described the trip as a sign of warming ties.",
     " Both governments hope closer links will bring investment and jobs.", ""}};

bool conciliatory(Kind k) {
  switch (k) {
    case Kind::Condolences:
    case Kind::PhoneCall:
    case Kind::Visit:
    case Kind::Talks:
    case Kind::Ceasefire:
    case Kind::Agreement:
    case Kind::Aid:
    case Kind::UnionTalks:
    case Kind::StrikeDeal:
      return true;
    default:
      return false;
  }
}

const std::vector<std::string_view> kBackground[] = {
    {"{M} has offered to mediate, and the {bloc} has urged both sides to show restraint. "
     "Diplomats say neither government wants a war, but that both have boxed themselves in with "
     "tough words.",
     "Relations between {A} and {B} have been tense over {issue}. The {bloc}, to which both "
     "belong, has so far avoided taking sides."},
    {"{B} is one of {A}'s largest trading partners, and {goods} is among {B}'s main exports to "
     "{A}. Economists say a long dispute would hurt both economies.",
     "The quarrel over {issue} has simmered between {A} and {B} for a long while, but it had not "
     "until recently spilled over into trade."},
    {"The {A.union} says it speaks for about {n2k} {A.workers}. The government says the country "
     "cannot afford {A.demand} while it is trying to reduce its deficit.",
     "Labour disputes in {A} have grown more frequent as prices have risen faster than wages, and "
     "opinion polls suggest most voters sympathise with the {A.workers}."},
    {"{A} and {B} have built closer ties in trade and energy, and officials on both sides "
     "describe relations as the warmest they have been in a generation.",
     "Trade between {A} and {B} has grown steadily, helped by a new road and rail link through "
     "{town}."}};

// What comes next, by plot, after a hostile step or a conciliatory one (as kLeadMore).
const std::vector<std::string_view> kOutlook[] = {
    {"The {bloc} is due to discuss the crisis at a meeting of its foreign ministers "
     "{next_month}.",
     "Diplomats said further talks could take place in {M.cap} in the coming days."},
    {"The two sides are expected to meet again {next_month} to review progress, officials said.",
     "Monitors from the {bloc} are expected to report on the situation {next_week}."},
    {"Exporters' groups said they would ask the government for compensation {next_week}.",
     "The {bloc} is expected to discuss the dispute at a meeting of trade ministers "
     "{next_month}."},
    {"Trade officials from both countries are due to meet {next_week} to work out the details.",
     "Officials from both countries are expected to meet {next_month} to review the measures."},
    {"The union said it would decide {next_week} whether to call further strikes.",
     "Parliament is expected to debate the dispute {next_month}."},
    {"Union members are expected to vote on the government's proposals {next_week}.",
     "The government said it would put a new pay plan to parliament {next_month}."},
    {"{B}'s president is expected to pay a return visit {next_month}.",
     "Officials said a business forum would follow in the coming days."},
    {"{B}'s president is expected to pay a return visit {next_month}.",
     "Officials said a business forum would follow in the coming days."}};

const std::vector<std::string_view> kFiller[] = {
    {"Residents of {town} said shops had stayed shut and that police had set up checkpoints on "
     "the main road. Several families said they had moved in with relatives further from the "
     "frontier.",
     "The border between {A} and {B} runs through hills and farmland, and much of it is "
     "unfenced. Smugglers and armed groups have long used the crossings.",
     "Markets in both capitals were calm, but traders said they were watching the border "
     "closely. Insurance costs for lorries crossing the frontier have risen sharply.",
     "Aid groups said they were preparing for the possibility that families would flee the "
     "border villages. The {bloc} said its monitors were ready to deploy if both governments "
     "agreed.",
     "In {A.cap}, opposition leaders demanded a full account of how the attackers had reached "
     "the post, and several called for the interior minister to resign. Government supporters "
     "accused them of playing politics with a tragedy.",
     "Newspapers in {B.cap} accused the {A.adj} government of using the attack to whip up "
     "nationalist feeling. Commentators in {A.cap} said {B} had ignored warnings about armed "
     "groups on its side of the border.",
     "Farmers near {town} said they had stopped working fields close to the frontier. A school "
     "in the town was closed and its pupils were taught in a community hall further inland.",
     "Trade across the border has slowed to a trickle, according to customs officials, and the "
     "main crossing point has been closed to private cars. Lorries are being searched one by "
     "one.",
     "Fighters of the {group} have been blamed for several other raids, although the group "
     "rarely claims them. Security officials say it recruits among young men in the poorest "
     "border districts.",
     "Television channels in both countries have run wall-to-wall coverage of the crisis, and "
     "social media has been full of rumours that officials on both sides have had to deny."},
    {"Exporters said lorries were already queuing at the main crossing near {town} as drivers "
     "waited for guidance from customs officers.",
     "Farmers and factory owners in {B} said they had started looking for buyers elsewhere, "
     "though few expected to replace {A} quickly.",
     "The {bloc} has urged both governments to settle the quarrel through its trade panel, "
     "which rules on disputes between members. Neither side has yet filed a formal complaint.",
     "Shipping firms said cargoes bound for {A} were being held at {town} while customs "
     "officers checked whether they fell under the new rules. Some drivers said they had been "
     "told to turn back.",
     "Prices for {goods} rose on regional markets as traders tried to guess how long the "
     "restrictions would last. Buyers in {A} said they would have to pay more to import from "
     "further away.",
     "Opposition parties in {B} accused the government of failing to see the dispute coming. "
     "Ministers replied that {A} had broken the spirit of the agreements between the two.",
     "Lawyers for exporters in {B} said they were studying whether the measures could be "
     "challenged before the trade panel of the {bloc}. A ruling there could take a long while.",
     "The two economies are closely tied: {A} supplies much of {B}'s fuel and machinery, while "
     "{B} sends back food, raw materials and {goods}."},
    {"Commuters in {A.cap} queued for taxis and shared cars, and some schools told parents to "
     "keep children at home.",
     "Opposition parties backed the union's demands and accused the government of mishandling "
     "the dispute. The finance minister said the budget had no room for further concessions.",
     "In {town}, local officials said the strike had closed most public offices. Shopkeepers "
     "said trade had fallen sharply, although many said they supported the {A.workers}.",
     "The {A.union} has grown in strength as prices have risen, and its leaders have become "
     "familiar faces on television. The government has accused them of pursuing a political "
     "agenda.",
     "Striking workers set up tents and braziers outside the ministry in {A.cap}, and passing "
     "drivers sounded their horns in support. Police kept a discreet distance.",
     "Economists said the dispute reflected a wider squeeze on household incomes, with rents and "
     "food prices rising faster than public sector pay.",
     "The government has said that meeting the union's demands in full would cost hundreds of "
     "millions of dollars. The union says the money could be found by cutting waste.",
     "Small businesses in {A.cap} said they were losing customers as workers stayed at home, and "
     "a federation of shopkeepers called for the dispute to be settled quickly."},
    {"Security was tight in central {place}, where roads around the presidential palace were "
     "closed to traffic.",
     "Business leaders from both countries travelled with the delegations, hoping to sign "
     "contracts in energy and transport.",
     "{A} is one of the largest investors in {B}, with companies building roads, power lines and "
     "a new container terminal. Critics in {B.cap} say the projects bring too few local jobs.",
     "Crowds lined the road from the airport, waving the flags of both countries. Local "
     "television broadcast the welcome ceremony live.",
     "The two leaders laid a wreath at a war memorial in {place} and visited a factory built with "
     "{A.adj} money on the outskirts of the city.",
     "Officials said the two sides also discussed visa rules, student exchanges and flights "
     "between the two capitals, which are currently few and expensive.",
     "Human rights groups urged the visitors to raise the cases of journalists and activists "
     "held in {B}, but officials would not say whether they had done so.",
     "Trade between {A} and {B} has grown fast, according to official figures, with energy, "
     "machinery and food making up most of it."}};

// Others' reactions, by plot: quoted, but not the event's canonical words.
const std::vector<std::string_view> kThirdParty[] = {
    {"In {M.cap}, {M.spk} said {M} was \"following the situation closely\" and remained ready to "
     "host talks between the two governments.",
     "{bloc.sg} called on both sides to \"step back from the brink\" and said the {bloc} stood "
     "ready to help.",
     "{bloc.spk,} said the {bloc} was in contact with both capitals. \"Nobody gains from a "
     "confrontation on this border,\" {bloc.spk.he} said."},
    {"{bloc.spk} said the {bloc} hoped the two governments would \"find a negotiated way out\" of "
     "the dispute.",
     "Employers' groups in {B.cap} said the measures would hurt firms on both sides of the "
     "border and urged a quick settlement."},
    {"{A.mayor} urged both sides to \"get back around the table\" for the sake of the city and "
     "its residents.",
     "Employers' groups said the stoppage was costing the economy dearly and called on the "
     "government to stand firm."},
    {"{bloc.spk} welcomed the visit as \"good news for the whole region\" and said the {bloc} "
     "supported closer ties among its members.",
     "Opposition politicians in {B.cap} said the government should publish the terms of any "
     "agreements reached during the visit."}};

const std::vector<std::string_view> kClosing[] = {
    {"The {B.adj} Foreign Ministry did not respond to a request for comment.",
     "{outlet} could not independently verify all of the officials' accounts.",
     "Officials in {B.cap} declined to comment further."},
    {"The {B.adj} Economy Ministry did not respond to a request for comment.",
     "Officials in {A.cap} declined to comment further."},
    {"The Finance Ministry did not respond to a request for comment.",
     "{outlet} could not reach the Labour Ministry for comment."},
    {"Officials in {B.cap} declined to give further details of the programme.",
     "Neither government gave a figure for the value of the contracts signed."}};

// ---------------------------------------------------------------------------------------------
// Drawing the timeline.

const std::vector<std::string_view> kGoods = {"steel",      "grain",    "timber", "coal",
                                              "fertiliser", "textiles", "fish",   "cement"};
const std::vector<std::string_view> kTradeIssues = {"state subsidies", "unpaid transit fees",
                                                    "a contested tariff deal", "customs rules"};
const std::vector<std::string_view> kVisitIssues = {"trade and energy", "a new rail link",
                                                    "investment and tourism", "regional security"};
const std::vector<std::string_view> kDeals[] = {
    {"a border security pact", "an agreement on joint border patrols"},
    {"a trade agreement", "an agreement on customs and tariffs"},
    {},
    {"a trade and energy agreement", "a transit agreement", "an agreement on rail links",
     "an investment treaty"}};
const std::vector<std::string_view> kOffers = {
    "a pay rise in two stages", "a review of working hours", "a one-off payment and a pay review",
    "new hiring and a pay rise"};

class TimelineBuilder {
 public:
  TimelineBuilder(const World& w, Timeline& t, Rng& r) : w_(w), t_(t), r_(r) {}

  void episode(Day first) {
    switch (r_.weighted({30, 25, 25, 20})) {
      case 0:
        crisis(first);
        break;
      case 1:
        trade(first);
        break;
      case 2:
        labour(first);
        break;
      default:
        state_visit(first);
        break;
    }
  }

 private:
  int person(int country, Office o) const {
    return w_.countries[static_cast<size_t>(country)].office[o];
  }
  const std::string& town_of(int country) {
    return r_.pick(w_.countries[static_cast<size_t>(country)].towns);
  }
  const std::string& capital(int country) const {
    return w_.countries[static_cast<size_t>(country)].capital;
  }

  void open(Plot plot) {
    ep_ = static_cast<int>(t_.episodes.size());
    t_.episodes.push_back({plot, {}});
  }
  // Adds an event of the current episode; returns nullptr past the end of the timeline.
  Event* add(Kind k, Day day) {
    if (day >= t_.start + t_.days) return nullptr;
    Event e;
    e.id = static_cast<int>(t_.events.size());
    e.kind = k;
    e.plot = t_.episodes[static_cast<size_t>(ep_)].plot;
    e.day = day;
    e.episode = ep_;
    t_.events.push_back(std::move(e));
    t_.episodes[static_cast<size_t>(ep_)].events.push_back(t_.events.back().id);
    return &t_.events.back();
  }
  Event* add_like(Kind k, Day day, const Event& base) {
    Event copy = base;
    Event* e = add(k, day);
    if (!e) return nullptr;
    const int id = e->id;
    const int episode = e->episode;
    *e = copy;
    e->id = id;
    e->episode = episode;
    e->kind = k;
    e->day = day;
    e->reciprocal = false;
    return e;
  }

  void crisis(Day d) {
    // A rivalry with an armed group living on one side: the other side is attacked.
    std::vector<std::pair<size_t, int>> options;  // rivalry, group
    for (size_t i = 0; i < w_.rivalries.size(); ++i)
      for (size_t g = 0; g < w_.orgs.size(); ++g)
        if (w_.orgs[g].kind == "group" &&
            (w_.orgs[g].home == w_.rivalries[i].a || w_.orgs[g].home == w_.rivalries[i].b))
          options.emplace_back(i, static_cast<int>(g));
    if (options.empty()) return trade(d);
    const auto [ri, group] = r_.pick(options);
    const Rivalry& rv = w_.rivalries[ri];
    const int y = w_.orgs[static_cast<size_t>(group)].home;
    const int x = y == rv.a ? rv.b : rv.a;
    open(Plot::Crisis);
    Event base;
    base.plot = Plot::Crisis;
    base.a = x;
    base.b = y;
    base.m = rv.mediator;
    base.bloc = rv.bloc;
    base.group = group;
    base.issue = rv.issue;
    base.town = town_of(x);
    base.n = r_.between(2, 9);
    base.n2 = r_.between(1, 6);

    Event* e = add_like(Kind::Attack, d, base);
    if (!e) return;
    e->src = w_.org_person(group, Role::Commander);
    e->qby = person(x, r_.percent(50) ? kPres : kSpk);
    e->rby = person(y, kFm);
    if (r_.percent(70) && (e = add_like(Kind::Condolences, d += 1, base))) {
      e->src = e->qby = person(base.m, kPres);
      e->tgt = person(x, kPres);
      e->rby = person(x, kSpk);
    }
    if (r_.percent(80) && (e = add_like(Kind::Accusation, d += r_.between(0, 1), base))) {
      e->src = e->qby = person(x, r_.percent(50) ? kSpk : kFm);
      e->tgt = e->rby = person(y, kFm);
    }
    if (r_.percent(60) && (e = add_like(Kind::Troops, d += 1, base))) {
      e->src = person(x, kDef);
      e->qby = person(x, kGen);
      e->rby = person(y, kSpk);
      e->n = r_.between(5, 40) * 100;
    }
    if (r_.percent(60) && (e = add_like(Kind::Expulsion, d += r_.between(1, 2), base))) {
      e->src = e->qby = person(x, kFm);
      e->rby = person(y, kFm);
      e->n = r_.percent(50) ? 48 : 72;
      if (r_.percent(70) && (e = add_like(Kind::Expulsion, d += r_.between(0, 1), base))) {
        std::swap(e->a, e->b);
        e->reciprocal = true;
        e->src = e->qby = person(y, kFm);
        e->rby = person(x, kSpk);
        e->n = r_.percent(50) ? 48 : 72;
      }
    }
    if (r_.percent(35) && (e = add_like(Kind::Rally, d += r_.between(1, 2), base))) {
      e->src = e->qby = person(x, kMayor);
      e->rby = person(x, kSpk);
      e->n2 = r_.between(3, 30) * 1000;
    }
    if (r_.percent(80) && (e = add_like(Kind::PhoneCall, d += r_.between(1, 2), base))) {
      e->a = base.m;
      e->b = x;
      e->src = e->qby = person(base.m, kPres);
      e->tgt = e->rby = person(x, kPres);
      e->n = r_.between(4, 16) * 5;
      e->issue = "the crisis on " + w_.countries[static_cast<size_t>(x)].name + "'s border";
    }
    if (r_.percent(50) && (e = add_like(Kind::Visit, d += r_.between(1, 2), base))) {
      e->a = base.m;
      e->b = y;
      e->src = e->qby = person(base.m, kFm);
      e->tgt = person(y, kPres);
      e->rby = person(y, kFm);
      e->place = capital(y);
      e->n = r_.between(2, 3);
    }
    if (r_.percent(85) && (e = add_like(Kind::Talks, d += r_.between(1, 3), base))) {
      e->src = e->qby = person(x, kFm);
      e->tgt = e->rby = person(y, kFm);
      e->place = capital(base.m);
      e->n = r_.between(2, 6);
      if (r_.percent(60) && (e = add_like(Kind::Ceasefire, d += r_.between(0, 1), base))) {
        e->src = e->qby = person(x, kFm);
        e->tgt = e->rby = person(y, kFm);
        e->place = capital(base.m);
        static constexpr int kSpans[] = {15, 30, 45, 60};
        e->n = kSpans[r_.below(4)];
        if (r_.percent(30) && (e = add_like(Kind::Agreement, d += r_.between(2, 5), base))) {
          e->src = e->qby = person(x, kPres);
          e->tgt = e->rby = person(y, kPres);
          e->place = capital(base.m);
          e->deal = r_.pick(kDeals[0]);
        }
      }
    }
    if (r_.percent(50) && (e = add_like(Kind::Aid, d += r_.between(1, 3), base))) {
      e->a = kNone;
      e->b = x;
      e->bloc_donor = true;
      e->src = e->qby = w_.org_person(base.bloc, Role::SecretaryGeneral);
      e->rby = person(x, kPm);
      e->n = r_.between(1, 24) * 5;
      e->offer = "to help families in the border villages around " + base.town;
    }
  }

  void trade(Day d) {
    int x, y, m;
    std::string issue;
    int bloc;
    if (r_.percent(50)) {
      const Rivalry& rv = r_.pick(w_.rivalries);
      const bool flip = r_.percent(50);
      x = flip ? rv.b : rv.a;
      y = flip ? rv.a : rv.b;
      m = rv.mediator;
      issue = rv.issue;
      bloc = rv.bloc;
    } else {
      const int n = static_cast<int>(w_.countries.size());
      x = r_.between(0, n - 1);
      y = (x + r_.between(1, n - 1)) % n;
      m = (y + r_.between(1, n - 2)) % n;
      if (m == x) m = (m + 1) % n == y ? (m + 2) % n : (m + 1) % n;
      issue = r_.pick(kTradeIssues);
      bloc = r_.pick(w_.blocs);
    }
    open(Plot::Trade);
    Event base;
    base.plot = Plot::Trade;
    base.a = x;
    base.b = y;
    base.m = m;
    base.bloc = bloc;
    base.issue = issue;
    base.goods = r_.pick(kGoods);
    base.town = town_of(y);

    Event* e = add_like(Kind::Sanctions, d, base);
    if (!e) return;
    e->src = person(x, kPm);
    e->qby = person(x, kFm);
    e->rby = person(y, kFm);
    e->n = r_.between(3, 12);
    e->n2 = r_.between(5, 90) * 10;
    if (r_.percent(90) && (e = add_like(Kind::Condemnation, d += r_.between(0, 1), base))) {
      std::swap(e->a, e->b);
      e->src = e->qby = person(y, kFm);
      e->rby = person(x, kSpk);
      e->cthing = "sanctions";
    }
    if (r_.percent(60) && (e = add_like(Kind::Summons, d += 1, base))) {
      std::swap(e->a, e->b);
      e->src = e->qby = person(y, kFm);
      e->rby = person(x, kSpk);
    }
    if (r_.percent(50) && (e = add_like(Kind::TradeProtest, d += r_.between(1, 3), base))) {
      std::swap(e->a, e->b);
      e->src = e->qby = person(y, kLead);
      e->rby = person(y, kMayor);
      e->n2 = r_.between(2, 25) * 1000;
    }
    if (r_.percent(70) && (e = add_like(Kind::PhoneCall, d += r_.between(1, 3), base))) {
      std::swap(e->a, e->b);
      e->src = e->qby = person(y, kPres);
      e->tgt = e->rby = person(x, kPres);
      e->n = r_.between(4, 16) * 5;
      e->issue = "the dispute over " + issue;
    }
    if (r_.percent(80) && (e = add_like(Kind::Talks, d += r_.between(1, 3), base))) {
      e->src = e->qby = person(x, kFm);
      e->tgt = e->rby = person(y, kFm);
      e->place = capital(m);
      e->n = r_.between(2, 6);
      if (r_.percent(55) && (e = add_like(Kind::Agreement, d += r_.between(1, 3), base))) {
        e->src = e->qby = person(x, kPm);
        e->tgt = e->rby = person(y, kPm);
        e->place = capital(m);
        e->deal = r_.pick(kDeals[1]);
      }
    }
  }

  void labour(Day d) {
    const int x = r_.between(0, static_cast<int>(w_.countries.size()) - 1);
    open(Plot::Labour);
    Event base;
    base.plot = Plot::Labour;
    base.a = x;
    base.town = town_of(x);
    base.n2 = r_.between(5, 80) * 1000;
    base.offer = r_.pick(kOffers);
    base.issue = w_.countries[static_cast<size_t>(x)].demand;

    Event* e = add_like(Kind::Strike, d, base);
    if (!e) return;
    e->src = e->qby = person(x, kLead);
    e->tgt = person(x, kPm);
    e->rby = person(x, kSpk);
    static constexpr int kHours[] = {24, 48, 72};
    e->n = kHours[r_.below(3)];
    if (r_.percent(70) && (e = add_like(Kind::Protest, d += r_.between(1, 2), base))) {
      e->src = e->qby = person(x, kLead);
      e->rby = person(x, kMayor);
      e->n2 = r_.between(3, 40) * 1000;
    }
    if (r_.percent(70) && (e = add_like(Kind::UnionTalks, d += r_.between(1, 3), base))) {
      e->src = e->qby = person(x, kPm);
      e->tgt = e->rby = person(x, kLead);
      e->n = r_.between(2, 8);
      if (r_.percent(60) && (e = add_like(Kind::StrikeDeal, d += r_.between(1, 3), base))) {
        e->src = e->qby = person(x, kPm);
        e->tgt = e->rby = person(x, kLead);
      }
    }
  }

  void state_visit(Day d) {
    const int n = static_cast<int>(w_.countries.size());
    const int x = r_.between(0, n - 1);
    const int y = (x + r_.between(1, n - 1)) % n;
    open(Plot::StateVisit);
    Event base;
    base.plot = Plot::StateVisit;
    base.a = x;
    base.b = y;
    base.bloc = r_.pick(w_.blocs);
    base.place = capital(y);
    base.town = town_of(y);
    base.issue = r_.pick(kVisitIssues);

    Event* e = add_like(Kind::Visit, d, base);
    if (!e) return;
    e->src = e->qby = person(x, kPres);
    e->tgt = e->rby = person(y, kPres);
    e->n = r_.between(2, 3);
    if (r_.percent(90) && (e = add_like(Kind::Talks, d += r_.between(0, 1), base))) {
      e->src = e->qby = person(x, kPres);
      e->tgt = e->rby = person(y, kPres);
      e->n = r_.between(2, 4);
    }
    if (r_.percent(70) && (e = add_like(Kind::Agreement, d += r_.between(0, 1), base))) {
      e->src = e->qby = person(x, kPres);
      e->tgt = e->rby = person(y, kPres);
      e->deal = r_.pick(kDeals[3]);
    }
    if (r_.percent(40) && (e = add_like(Kind::Aid, d += r_.between(0, 2), base))) {
      e->src = e->qby = person(x, kPres);
      e->rby = person(y, kPm);
      e->n = r_.between(2, 30) * 5;
      e->offer = "for roads, clinics and schools in the region around " + base.town;
    }
  }

  const World& w_;
  Timeline& t_;
  Rng& r_;
  int ep_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Writing: template expansion with the reader's state.

struct Gold {
  size_t start = 0, end = 0;  // within the paragraph being written
  std::string text, value;
};

// What the reader knows at this point of the article.
struct ReaderState {
  int anchor = kNoDay;         // last day-granular date mentioned, or kNoDay when unsure
  bool anaphora = false;       // may dates refer back to `anchor` here
  bool vague = false;          // may dates be vague ("last week", "earlier this month")
  std::vector<int> mentioned;  // people already introduced
  bool quote_open = false;
};

class Composer {
 public:
  Composer(const World& w, const Outlet& outlet, Day pub, Rng& r)
      : w_(w), outlet_(outlet), pub_(pub), r_(r) {}

  ReaderState state;
  std::vector<Gold> gold;  // of the paragraph being written
  Day pub() const { return pub_; }
  int analyst = kNone;
  const std::vector<std::string_view>* analyst_quotes = nullptr;
  const std::vector<std::string_view>* analyst_more = nullptr;
  std::string background;

  // Expands `tmpl` for event `e` onto `out`.
  void render(std::string_view tmpl, const Event& e, std::string& out) {
    size_t i = 0;
    while (i < tmpl.size()) {
      const char c = tmpl[i];
      if (c == '{') {
        const size_t close = tmpl.find('}', i);
        const bool cap = sentence_start(out);
        expand(tmpl.substr(i + 1, close - i - 1), e, out, cap);
        i = close + 1;
      } else if (c == '"') {
        // Typographic quotes for outlets that use them; the templates balance them.
        if (outlet_.curly)
          out += state.quote_open ? "\xE2\x80\x9D" : "\xE2\x80\x9C";
        else
          out += '"';
        state.quote_open = !state.quote_open;
        ++i;
      } else {
        // A plain loop: find_first_of would search the two-character set once per character.
        size_t end = i;
        while (end < tmpl.size() && tmpl[end] != '{' && tmpl[end] != '"') ++end;
        out.append(tmpl.substr(i, end - i));
        i = end;
      }
    }
  }
  std::string render(std::string_view tmpl, const Event& e) {
    std::string out;
    render(tmpl, e, out);
    return out;
  }

  // The words for day `day`, true for this publication date and for what was said before.
  std::string when(Day day) {
    struct Option {
      std::string text, value;
      bool day_grain;
      int weight;
    };
    std::vector<Option> options;
    const int delta = pub_ - day;
    const auto wd = std::string(kWeekdays[static_cast<size_t>(weekday(day))]);
    const std::string date = iso_date(day);
    const bool agency = outlet_.kind == "wire" || outlet_.kind == "broadcaster";
    if (state.anaphora && state.anchor != kNoDay && std::abs(day - state.anchor) <= 3) {
      static const std::vector<std::string_view> kBack[] = {
          {"a day earlier", "the day before", "the previous day"},
          {"two days earlier"},
          {"three days earlier"}};
      static const std::vector<std::string_view> kForward[] = {
          {"the next day", "the following day", "a day later"},
          {"two days later"},
          {"three days later"}};
      const int k = day - state.anchor;
      if (k < 0)
        options.push_back(
            {std::string(r_.pick(kBack[static_cast<size_t>(-k - 1)])), date, true, 45});
      else if (k > 0)
        options.push_back(
            {std::string(r_.pick(kForward[static_cast<size_t>(k - 1)])), date, true, 45});
      else
        options.push_back({"the same day", date, true, 15});
    }
    if (delta == 0) {
      options.push_back({"today", date, true, agency ? 30 : 10});
      options.push_back({"on " + wd, date, true, 40});
    } else if (delta == 1) {
      options.push_back({"yesterday", date, true, 30});
      options.push_back({"on " + wd, date, true, 45});
    } else if (delta <= 6) {
      options.push_back({"on " + wd, date, true, 60});
    }
    if (state.vague && delta >= 2 && monday_of(day) == monday_of(pub_) - 7)
      options.push_back({"last week", iso_week(day), false, 12});
    if (state.vague && delta >= 3 && civil(day).m == civil(pub_).m && civil(day).y == civil(pub_).y)
      options.push_back({"earlier this month", iso_month(day), false, 10});
    options.push_back({"on " + month_day(day, outlet_.dates), date, true, delta <= 6 ? 12 : 70});

    int total = 0;
    for (const auto& o : options) total += o.weight;
    int x = static_cast<int>(r_.below(static_cast<size_t>(total)));
    size_t chosen = 0;
    for (; chosen + 1 < options.size(); ++chosen) {
      if (x < options[chosen].weight) break;
      x -= options[chosen].weight;
    }
    Option& o = options[chosen];
    state.anchor = o.day_grain ? day : kNoDay;
    pending_value_ = std::move(o.value);
    return std::move(o.text);
  }

  // Records the date expression just appended at [start, out.size()).
  void mark(const std::string& out, size_t start, std::string value) {
    // "on Monday": the expression is "Monday".
    size_t s = start;
    if (out.compare(s, 3, "on ") == 0 || out.compare(s, 3, "On ") == 0) s += 3;
    gold.push_back({s, out.size(), out.substr(s), std::move(value)});
  }

  // Person references: first mention with the title, later ones by surname.
  enum class Form { Ref, AppositiveMid, AppositiveEnd, Name, Surname, He, His, Him };

  void person(int p, Form f, std::string& out) {
    const Person& q = w_.people[static_cast<size_t>(p)];
    switch (f) {
      case Form::He:
        out += q.female ? "she" : "he";
        return;
      case Form::His:
        out += q.female ? "her" : "his";
        return;
      case Form::Him:
        out += q.female ? "her" : "him";
        return;
      case Form::Name:
        out += q.name;
        introduce(p);
        return;
      case Form::Surname:
        out += q.surname;
        return;
      default:
        break;
    }
    if (known(p)) {
      out += q.surname;
      return;
    }
    introduce(p);
    if (f == Form::Ref) {
      out += title(q);
      out += ' ';
      out += q.name;
    } else {
      out += q.name;
      out += ", ";
      out += description(q);
      if (f == Form::AppositiveMid) out += ',';
    }
  }

  bool known(int p) const {
    return std::find(state.mentioned.begin(), state.mentioned.end(), p) != state.mentioned.end();
  }
  void introduce(int p) {
    if (!known(p)) state.mentioned.push_back(p);
  }

 private:
  static bool sentence_start(const std::string& out) {
    size_t i = out.size();
    while (i > 0 && out[i - 1] == ' ') --i;
    if (i == 0) return true;
    // A closing quotation mark after the full stop: ."  or .”
    if (out[i - 1] == '"')
      --i;
    else if (i >= 3 && out.compare(i - 3, 3, "\xE2\x80\x9D") == 0)
      i -= 3;
    if (i == 0) return false;
    const char c = out[i - 1];
    return c == '.' || c == '?' || c == '!';
  }

  const Country& country(int c) const { return w_.countries[static_cast<size_t>(c)]; }

  std::string title(const Person& q) {
    const bool adj = q.country != kNone && r_.percent(55);
    const std::string prefix = adj ? country(q.country).adj + " " : "";
    switch (q.role) {
      case Role::President:
        return prefix + "President";
      case Role::Premier:
        return prefix + "Prime Minister";
      case Role::Foreign:
        return prefix + "Foreign Minister";
      case Role::Defence:
        return prefix + "Defence Minister";
      case Role::Spokesperson:
        return prefix + (q.female ? "government spokeswoman" : "government spokesman");
      case Role::General:
        return "army chief Gen.";
      case Role::Mayor:
        return country(q.country).capital + " Mayor";
      case Role::UnionLeader:
        return "union leader";
      case Role::SecretaryGeneral:
        return w_.orgs[static_cast<size_t>(q.org)].short_name + " Secretary-General";
      case Role::Envoy:
        return w_.orgs[static_cast<size_t>(q.org)].short_name + " special envoy";
      case Role::OrgSpokesperson:
        return w_.orgs[static_cast<size_t>(q.org)].short_name +
               (q.female ? " spokeswoman" : " spokesman");
      case Role::Director:
        return w_.orgs[static_cast<size_t>(q.org)].short_name + " director";
      case Role::Analyst:
        return "analyst";
      case Role::Commander:
        return w_.orgs[static_cast<size_t>(q.org)].name + " commander";
      case Role::Chief:
        return w_.orgs[static_cast<size_t>(q.org)].short_name + " chief executive";
    }
    return {};
  }

  std::string description(const Person& q) const {
    const std::string org = q.org == kNone ? "" : w_.orgs[static_cast<size_t>(q.org)].name;
    const std::string nation = q.country == kNone ? "" : country(q.country).name;
    switch (q.role) {
      case Role::President:
        return nation + "'s president";
      case Role::Premier:
        return nation + "'s prime minister";
      case Role::Foreign:
        return nation + "'s foreign minister";
      case Role::Defence:
        return nation + "'s defence minister";
      case Role::Spokesperson:
        return std::string(q.female ? "a spokeswoman" : "a spokesman") + " for the " +
               country(q.country).adj + " government";
      case Role::General:
        return "the chief of the " + country(q.country).adj + " general staff";
      case Role::Mayor:
        return "the mayor of " + country(q.country).capital;
      case Role::UnionLeader:
        return "the leader of the " + country(q.country).union_name;
      case Role::SecretaryGeneral:
        return "the secretary-general of the " + org;
      case Role::Envoy:
        return "the special envoy of the " + org;
      case Role::OrgSpokesperson:
        return std::string(q.female ? "a spokeswoman" : "a spokesman") + " for the " + org;
      case Role::Director:
        return "the director of the " + org;
      case Role::Analyst:
        return "an analyst at the " + org;
      case Role::Commander:
        return "a commander of the " + org;
      case Role::Chief:
        return "the chief executive of " + org;
    }
    return {};
  }

  // Placeholders:
  //   {A} {B} {M}                 countries of the event (actor, other side, mediator);
  //   {A.adj} .pl .cap .formal     demonym, plural, capital, formal name;
  //   {A.union} .workers .demand   the country's union, its members, what they want;
  //   {A.pres} .pm .fm .def .spk .gen .mayor .lead   office holders (people, see below);
  //   {src} {tgt} {qby} {rby} {an} people: the actor, the other, the quoted, the replying, the
  //                                analyst. A person placeholder gives the title and name the
  //                                first time, then the surname; with "," or ";" at the end the
  //                                first mention is "Name, description," or "Name, description";
  //                                .name, .sur, .he, .his, .him as said;
  //   {bloc} {bloc.short} {group} {donor} {outlet}  organisations (bare names);
  //   {n} {n.word} {n2} {n2.word} {n2k} {town} {place} {issue} {goods} {deal} {offer} {cthing}
  //                                the event's facts; {quote} {quote1} {quote2} {reply}
  //                                {phrase} {rphrase} its canonical words; {aq} the analyst's;
  //   {when}                       the event's date, in words (see when());
  //   {expiry} {next_week} {next_month} {last_year}  other dates; {host} {background} {thing}.
  void expand(std::string_view key, const Event& e, std::string& out, bool cap) {
    const size_t start = out.size();
    Form form = Form::Ref;
    if (!key.empty() && (key.back() == ',' || key.back() == ';')) {
      form = key.back() == ',' ? Form::AppositiveMid : Form::AppositiveEnd;
      key.remove_suffix(1);
    }
    const size_t dot = key.find('.');
    const std::string_view head = key.substr(0, dot);
    const std::string_view tail = dot == std::string_view::npos ? "" : key.substr(dot + 1);
    auto person_form = [&](std::string_view f) {
      if (f == "name") return Form::Name;
      if (f == "sur") return Form::Surname;
      if (f == "he") return Form::He;
      if (f == "his") return Form::His;
      if (f == "him") return Form::Him;
      return form;
    };

    if (head == "A" || head == "B" || head == "M") {
      const int ci = head == "A" ? e.a : head == "B" ? e.b : e.m;
      if (ci == kNone) throw std::logic_error("synth: template needs {" + std::string(key) + "}");
      const Country& c = country(ci);
      const std::string_view attr = tail.substr(0, tail.find('.'));
      const std::string_view rest =
          tail.find('.') == std::string_view::npos ? "" : tail.substr(tail.find('.') + 1);
      static constexpr std::pair<std::string_view, Office> kOffice[] = {
          {"pres", kPres}, {"pm", kPm},   {"fm", kFm},       {"def", kDef},
          {"spk", kSpk},   {"gen", kGen}, {"mayor", kMayor}, {"lead", kLead}};
      bool done = true;
      if (attr.empty())
        out += c.name;
      else if (attr == "adj")
        out += c.adj;
      else if (attr == "pl")
        out += c.plural;
      else if (attr == "cap")
        out += c.capital;
      else if (attr == "formal")
        out += c.formal;
      else if (attr == "union")
        out += c.union_name;
      else if (attr == "workers")
        out += c.workers;
      else if (attr == "demand")
        out += c.demand;
      else
        done = false;
      if (!done) {
        for (const auto& [name, office] : kOffice)
          if (attr == name) {
            person(c.office[office], person_form(rest), out);
            done = true;
          }
      }
      if (!done) throw std::logic_error("synth: unknown placeholder {" + std::string(key) + "}");
    } else if (head == "src" || head == "tgt" || head == "qby" || head == "rby" || head == "an") {
      const int p = head == "src"   ? e.src
                    : head == "tgt" ? e.tgt
                    : head == "qby" ? e.qby
                    : head == "rby" ? e.rby
                                    : analyst;
      if (p == kNone) throw std::logic_error("synth: template needs {" + std::string(key) + "}");
      person(p, person_form(tail), out);
    } else if (head == "bloc") {
      if (e.bloc == kNone)
        throw std::logic_error("synth: template needs {" + std::string(key) + "}");
      const Org& o = w_.orgs[static_cast<size_t>(e.bloc)];
      const std::string_view attr = tail.substr(0, tail.find('.'));
      const std::string_view rest =
          tail.find('.') == std::string_view::npos ? "" : tail.substr(tail.find('.') + 1);
      const Role role = attr == "sg"      ? Role::SecretaryGeneral
                        : attr == "envoy" ? Role::Envoy
                                          : Role::OrgSpokesperson;
      if (attr.empty())
        out += o.name;
      else if (attr == "short")
        out += o.short_name;
      else
        person(w_.org_person(e.bloc, role), person_form(rest), out);
    } else if (head == "group") {
      out += w_.orgs[static_cast<size_t>(e.group)].name;
    } else if (head == "donor") {
      out += e.bloc_donor ? "the " + w_.orgs[static_cast<size_t>(e.bloc)].name : country(e.a).name;
    } else if (head == "outlet") {
      out += outlet_.name;
    } else if (head == "n") {
      out += tail == "word" ? number_word(e.n) : with_commas(e.n);
    } else if (head == "n2") {
      out += tail == "word" ? number_word(e.n2) : with_commas(e.n2);
    } else if (head == "n2k") {
      out += with_commas(e.n2);
    } else if (head == "town") {
      out += e.town;
    } else if (head == "place") {
      out += e.place;
    } else if (head == "issue") {
      out += e.issue;
    } else if (head == "goods") {
      out += e.goods;
    } else if (head == "deal") {
      out += e.deal;
    } else if (head == "offer") {
      out += e.offer;
    } else if (head == "cthing") {
      out += e.cthing;
    } else if (head == "thing") {
      out += texts(e.kind).thing;
    } else if (head == "quote") {
      out += tail == "1"   ? e.quote1
             : tail == "2" ? e.quote2
                           : (e.quote2.empty() ? e.quote1 : e.quote1 + ". " + e.quote2);
    } else if (head == "quote1") {
      out += e.quote1;
    } else if (head == "quote2") {
      out += e.quote2;
    } else if (head == "reply") {
      out += e.reply;
    } else if (head == "phrase") {
      out += e.phrase;
    } else if (head == "rphrase") {
      out += e.rphrase;
    } else if (head == "aq") {
      render(r_.pick(*analyst_quotes), e, out);
    } else if (head == "aq2") {
      render(r_.pick(*analyst_more), e, out);
    } else if (head == "background") {
      out += background;
    } else if (head == "host") {
      if (e.m != kNone)
        render("in a meeting hosted by {M.adj} Foreign Minister {M.fm.name}", e, out);
      else
        out += "officials said";
    } else if (head == "when") {
      out += when(e.day);
      if (cap) out[start] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[start])));
      mark(out, start, std::move(pending_value_));
      return;
    } else if (head == "expiry") {
      const Day d = e.day + e.n;
      out += month_day(d, outlet_.dates);
      mark(out, start, iso_date(d));
      state.anchor = d;
    } else if (head == "next_week") {
      out += "next week";
      mark(out, start, iso_week(pub_ + 7));
      state.anchor = kNoDay;
    } else if (head == "next_month") {
      const Ymd c = civil(pub_);
      out += "next month";
      mark(out, start, fmt::format("{:04}-{:02}", c.m == 12 ? c.y + 1 : c.y, c.m % 12 + 1));
      state.anchor = kNoDay;
    } else if (head == "last_year") {
      out += "last year";
      mark(out, start, std::to_string(civil(pub_).y - 1));
      state.anchor = kNoDay;
    } else {
      throw std::logic_error("synth: unknown placeholder {" + std::string(key) + "}");
    }
    if (cap && out.size() > start)
      out[start] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[start])));
  }

  const World& w_;
  const Outlet& outlet_;
  Day pub_;
  Rng& r_;
  std::string pending_value_;
};

// Gives an event its canonical quotes; the templates may name its countries and people.
void give_words(const World& w, Event& e, Rng& r) {
  const Texts& t = texts(e.kind);
  static const Outlet kNoOutlet;
  Composer c(w, kNoOutlet, e.day, r);
  e.quote1 = c.render(r.pick(t.quote1), e);
  if (r.percent(55)) e.quote2 = c.render(r.pick(t.quote2), e);
  e.reply = c.render(r.pick(t.reply), e);
  e.phrase = c.render(r.pick(t.phrase), e);
  e.rphrase = c.render(r.pick(t.rphrase), e);
}

Timeline build_timeline(const World& w, const SynthOptions& o, Day start) {
  Timeline t;
  t.start = start;
  t.days = o.days;
  Rng r(stream_seed(o.seed, 1));
  // Enough events that each is reported by several outlets, whatever the corpus size: about
  // three articles per event per... clamp keeps small corpora varied and large ones bounded.
  const size_t per_day = std::clamp<size_t>(
      (o.articles + 3 * static_cast<size_t>(o.days) - 1) / (3 * static_cast<size_t>(o.days)), 2,
      30);
  const size_t target = per_day * static_cast<size_t>(o.days);
  TimelineBuilder b(w, t, r);
  // A few episodes open on the first day so that the earliest articles have news to report.
  for (int i = 0; i < 3; ++i) b.episode(start);
  while (t.events.size() < target) b.episode(start + r.between(0, o.days - 1));
  for (auto& e : t.events) give_words(w, e, r);
  t.by_day.assign(static_cast<size_t>(o.days), {});
  for (const auto& e : t.events) t.by_day[static_cast<size_t>(e.day - start)].push_back(e.id);
  return t;
}

// ---------------------------------------------------------------------------------------------
// Articles.

enum class Dateline { Manifest, Wire, Header, None };

struct Paragraph {
  std::string text;
  std::vector<Gold> gold;
};

class ArticleWriter {
 public:
  ArticleWriter(const World& w, const Timeline& t, size_t index, uint64_t seed)
      : w_(w), t_(t), index_(index), r_(stream_seed(seed, 1000 + index)) {}

  SynthArticle write(size_t total) {
    const size_t style = r_.weighted({60, 20, 10, 10});
    const Dateline dl = static_cast<Dateline>(style);
    Day pub = t_.start + static_cast<Day>(r_.below(static_cast<size_t>(t_.days)));
    const Event& primary = pick_primary(pub);
    const auto earlier = pick_earlier(primary);
    const Outlet& outlet = pick_outlet(dl, primary);

    Composer c(w_, outlet, pub, r_);
    c.analyst = r_.pick(w_.analysts);
    const auto plot = static_cast<size_t>(primary.plot);
    c.analyst_quotes = &kAnalystQuotes[plot];
    c.analyst_more = &kAnalystMore[plot];
    const Event& root = t_.events[static_cast<size_t>(
        t_.episodes[static_cast<size_t>(primary.episode)].events.front())];
    if (root.plot == Plot::Crisis || (root.plot == Plot::Trade && root.m != kNone))
      for (const auto& rv : w_.rivalries)
        if ((rv.a == root.a && rv.b == root.b) || (rv.a == root.b && rv.b == root.a))
          c.background = rv.background;

    SynthArticle a;
    a.source = outlet.name;
    a.date = iso_date(pub);
    std::vector<Paragraph> top;  // lines above the story
    bool year_line = false;
    if (dl == Dateline::Header) {
      top.push_back({"date " + iso_date(pub), {}});
    } else if (dl == Dateline::Wire && r_.percent(50)) {
      // An agency feed's slug line, which is where the year comes from.
      static const std::vector<std::string_view> kSections = {"World", "Politics", "Region",
                                                              "Diplomacy", "Top News"};
      const std::string year = std::to_string(civil(pub).y);
      std::string line = fmt::format("{} | {} | {}", outlet.name, r_.pick(kSections), year);
      top.push_back({line, {{line.size() - year.size(), line.size(), year, year}}});
      year_line = true;
    }
    a.dateline = dl == Dateline::Manifest ? "manifest"
                 : dl == Dateline::Wire   ? (year_line ? "wire+year" : "wire")
                 : dl == Dateline::Header ? "header"
                                          : "none";
    if (dl == Dateline::Manifest) a.published = iso_date(pub);

    // Headline, then maybe a photo with its caption and credit, then maybe a byline.
    const Texts& pt = texts(primary.kind);
    std::string headline = c.render(r_.pick(pt.headline), primary);
    c.state.mentioned.clear();
    std::vector<Paragraph> head;
    head.push_back({headline, {}});
    if (r_.percent(45)) head.push_back(caption(c, primary, outlet));
    if (r_.percent(outlet.byline_percent)) head.push_back({"By " + r_.pick(outlet.writers), {}});
    a.title = headline;

    // The story. Dates in the caption and the wire opening are not what "a day earlier" in the
    // body refers back to, so the reader's anchor starts empty.
    c.state = ReaderState{};
    std::vector<Paragraph> body;
    size_t used_detail = pt.detail.size();
    const bool wire_opening = dl == Dateline::Wire ||
                              (outlet.kind == "wire" && dl == Dateline::Manifest && r_.percent(50));
    body.push_back(lead(c, primary, outlet, wire_opening));
    c.state.anaphora = true;
    // Detail on the news: one or two of the kind's detail sentences.
    const size_t first_detail = r_.below(pt.detail.size());
    body.push_back(one(c, pt.detail[first_detail], primary));
    if (pt.detail.size() > 1 && r_.percent(50)) {
      const size_t second = (first_detail + 1) % pt.detail.size();
      Paragraph more = one(c, pt.detail[second], primary);
      const size_t base = body.back().text.size() + 1;
      body.back().text += ' ' + more.text;
      for (auto& g : more.gold)
        body.back().gold.push_back({base + g.start, base + g.end, g.text, g.value});
      used_detail = second;
    }
    body.push_back(source_quote(c, primary));
    if (primary.rby != kNone || !pt.noreply.empty()) body.push_back(reply(c, primary));
    for (const Event* e : earlier) body.push_back(recap(c, *e));

    // More paragraphs until the article has its length: 6 to 12 paragraphs, about 2.5 to 5 KB.
    const size_t target = 2700 + r_.below(2200);
    auto size = [&] {
      size_t s = 0;
      for (const auto& p : top) s += p.text.size() + 2;
      for (const auto& p : head) s += p.text.size() + 2;
      for (const auto& p : body) s += p.text.size() + 2;
      return s;
    };
    // Extra sentences speak of the episode as it began (the root event), except further
    // detail on the news itself. Quotes stand alone; other sentences are gathered into
    // paragraphs of a few hundred bytes, as news prose is.
    struct Unit {
      std::string_view tmpl;
      const Event* event;
      bool alone;
    };
    std::vector<Unit> extra;
    if (!c.background.empty() && plot == 0) extra.push_back({"{background}", &root, false});
    extra.push_back({r_.pick(kBackground[plot]), &root, false});
    for (size_t i = 0; i < pt.detail.size(); ++i)
      if (i != first_detail && i != used_detail) extra.push_back({pt.detail[i], &primary, false});
    extra.push_back({r_.pick(kAnalystFrames), &root, true});
    for (const auto& f : kFiller[plot]) extra.push_back({f, &root, false});
    for (const auto& f : kThirdParty[plot])
      if (r_.percent(50)) extra.push_back({f, &root, false});
    extra.push_back(
        {r_.pick(kOutlook[plot * 2 + (conciliatory(primary.kind) ? 1 : 0)]), &root, false});
    extra.push_back({r_.pick(kClosing[plot]), &root, false});
    // Keep the closing line last; shuffle the middle a little.
    for (size_t i = 1; i + 2 < extra.size(); ++i)
      if (r_.percent(40)) std::swap(extra[i], extra[i + 1]);
    Paragraph open;  // the paragraph being filled
    bool open_alone = false;
    const size_t fill = 400 + r_.below(250);
    auto flush = [&] {
      if (!open.text.empty()) body.push_back(std::move(open));
      open = Paragraph{};
    };
    for (const Unit& u : extra) {
      const size_t now = size() + open.text.size();
      if (now >= target && body.size() + 1 >= 6) break;
      const ReaderState saved = c.state;
      Paragraph p = one(c, u.tmpl, *u.event);
      if (now + p.text.size() + 2 > 5000 && body.size() + 1 >= 6) {
        c.state = saved;  // too long: as if never written
        continue;
      }
      const bool join =
          !open.text.empty() && !u.alone && !open_alone && open.text.size() + p.text.size() <= fill;
      if (!join) {
        flush();
        if (body.size() >= 12) {
          c.state = saved;
          break;
        }
      }
      const size_t base = open.text.empty() ? 0 : open.text.size() + 1;
      if (join) open.text += ' ';
      open.text += p.text;
      for (auto& g : p.gold) open.gold.push_back({base + g.start, base + g.end, g.text, g.value});
      open_alone = u.alone;
    }
    flush();

    // Assemble, turning paragraph offsets into article offsets.
    for (auto* part : {&top, &head, &body})
      for (const auto& p : *part) {
        const size_t base = a.text.size();
        a.text += p.text;
        a.text += "\n\n";
        for (const auto& g : p.gold)
          a.timexes.push_back({base + g.start, base + g.end, g.text, g.value});
      }
    a.text.pop_back();  // one newline at the end

    const int width = std::max(6, static_cast<int>(std::to_string(total).size()));
    const std::string number = fmt::format("{:0{}}", index_ + 1, width);
    a.file = number + "-" + slug(outlet.short_name) + ".txt";
    const std::string tail = slug(headline, 80) + "-" + number;
    static constexpr std::string_view kSection[] = {"world", "business", "economy", "politics"};
    const std::string_view section = kSection[plot];
    if (dl == Dateline::Manifest) {
      const Ymd d = civil(pub);
      a.url = fmt::format("https://{}/{}/{:04}/{:02}/{:02}/{}", outlet.domain, section, d.y, d.m,
                          d.d, tail);
    } else {
      a.url = fmt::format("https://{}/{}/{}", outlet.domain, section, tail);
    }
    a.events.push_back(describe(primary));
    for (const Event* e : earlier) a.events.push_back(describe(*e));
    return a;
  }

 private:
  // The news: an event of the last few days, then the latest event of its episode so far.
  const Event& pick_primary(Day& pub) {
    const Day first = t_.start;
    static constexpr std::initializer_list<int> kLag = {8, 40, 25, 15, 7, 5};
    int found = kNone;
    for (int attempt = 0; attempt < 4 && found == kNone; ++attempt) {
      const Day d = pub - static_cast<Day>(r_.weighted(kLag));
      if (d < first) continue;
      const auto& ids = t_.by_day[static_cast<size_t>(d - first)];
      if (!ids.empty()) found = r_.pick(ids);
    }
    for (Day d = pub; found == kNone && d >= first; --d) {
      const auto& ids = t_.by_day[static_cast<size_t>(d - first)];
      if (!ids.empty()) found = r_.pick(ids);
    }
    if (found == kNone) {  // nothing has happened yet: publish on the first day with news
      for (Day d = first; found == kNone; ++d) {
        const auto& ids = t_.by_day[static_cast<size_t>(d - first)];
        if (!ids.empty()) {
          found = r_.pick(ids);
          pub = d;
        }
      }
    }
    const Episode& ep =
        t_.episodes[static_cast<size_t>(t_.events[static_cast<size_t>(found)].episode)];
    int latest = found;
    for (int id : ep.events)
      if (t_.events[static_cast<size_t>(id)].day <= pub) latest = id;
    return t_.events[static_cast<size_t>(latest)];
  }

  // Up to two earlier events of the same episode, most recent first or, half of the time, in
  // the order they happened ("On Tuesday, ... The next day, ...").
  std::vector<const Event*> pick_earlier(const Event& primary) {
    const Episode& ep = t_.episodes[static_cast<size_t>(primary.episode)];
    std::vector<const Event*> before;
    for (int id : ep.events) {
      if (id == primary.id) break;
      before.push_back(&t_.events[static_cast<size_t>(id)]);
    }
    std::reverse(before.begin(), before.end());
    if (before.size() > 4) before.resize(4);
    const size_t want = std::min(before.size(), r_.weighted({25, 45, 30}));
    std::vector<const Event*> out;
    for (size_t i = 0; i < before.size() && out.size() < want; ++i)
      if (before.size() - i <= want - out.size() || r_.percent(60)) out.push_back(before[i]);
    if (r_.percent(50)) std::reverse(out.begin(), out.end());
    return out;
  }

  SynthEvent describe(const Event& e) const {
    static constexpr std::string_view kNames[] = {
        "attack",     "condolences", "accusation", "troops",       "expulsion",
        "rally",      "summons",     "sanctions",  "condemnation", "trade-protest",
        "phone-call", "visit",       "talks",      "ceasefire",    "agreement",
        "aid",        "strike",      "protest",    "union-talks",  "strike-deal"};
    static_assert(std::size(kNames) == static_cast<size_t>(Kind::kCount));
    auto country_id = [&](int c) {
      return c == kNone ? "" : w_.countries[static_cast<size_t>(c)].id;
    };
    auto org_id = [&](int o) { return w_.orgs[static_cast<size_t>(o)].id; };
    SynthEvent out;
    out.id = e.id;
    out.kind = kNames[static_cast<size_t>(e.kind)];
    out.date = iso_date(e.day);
    out.source = country_id(e.a);
    out.target = country_id(e.b);
    const std::string union_id =
        e.a == kNone ? "" : slug(w_.countries[static_cast<size_t>(e.a)].union_name);
    switch (e.kind) {
      case Kind::Attack:
        out.source = org_id(e.group);
        out.target = country_id(e.a);
        break;
      case Kind::Condolences:
        out.source = country_id(e.m);
        out.target = country_id(e.a);
        break;
      case Kind::Aid:
        if (e.bloc_donor) out.source = org_id(e.bloc);
        break;
      case Kind::Strike:
      case Kind::Protest:
        out.source = union_id;
        out.target = country_id(e.a);
        break;
      case Kind::UnionTalks:
      case Kind::StrikeDeal:
        out.target = union_id;
        break;
      default:
        break;
    }
    if (e.qby != kNone) out.speaker = w_.people[static_cast<size_t>(e.qby)].id;
    return out;
  }

  const Outlet& pick_outlet(Dateline dl, const Event& e) {
    if (dl == Dateline::Wire) return w_.outlets[static_cast<size_t>(r_.pick(w_.wires))];
    // Papers cover their own country's news more.
    int total = 0;
    std::vector<int> weight;
    for (const auto& o : w_.outlets) {
      const int wgt = o.country != kNone && (o.country == e.a || o.country == e.b) ? 6 : 1;
      weight.push_back(wgt);
      total += wgt;
    }
    int x = static_cast<int>(r_.below(static_cast<size_t>(total)));
    for (size_t i = 0; i < weight.size(); ++i) {
      if (x < weight[i]) return w_.outlets[i];
      x -= weight[i];
    }
    return w_.outlets.front();
  }

  Paragraph one(Composer& c, std::string_view tmpl, const Event& e) {
    Paragraph p;
    c.gold.clear();
    c.state.quote_open = false;
    c.render(tmpl, e, p.text);
    p.gold = std::move(c.gold);
    c.gold.clear();
    return p;
  }

  Paragraph caption(Composer& c, const Event& e, const Outlet& outlet) {
    Paragraph p = one(c, r_.pick(texts(e.kind).caption), e);
    c.state.mentioned.clear();
    const std::string date = full_date(e.day, outlet.dates);
    p.text += ", ";
    p.gold.push_back({p.text.size(), p.text.size() + date.size(), date, iso_date(e.day)});
    p.text += date;
    p.text += '.';
    // Wire photos are credited to the agency, others to the outlet's own photographers.
    const Outlet& agency =
        r_.percent(60) ? outlet : w_.outlets[static_cast<size_t>(r_.pick(w_.wires))];
    const std::string& who = r_.pick(agency.photographers);
    switch (r_.weighted({55, 30, 15})) {
      case 0:
        p.text += fmt::format(" (Photo: {} / {})", who, agency.name);
        break;
      case 1:
        p.text += fmt::format(" Photograph: {}/{}", who, agency.name);
        break;
      default:  // the credit on a line of its own under the caption
        p.text += fmt::format("\n(Photo: {} / {})", who, agency.name);
        break;
    }
    return p;
  }

  Paragraph lead(Composer& c, const Event& e, const Outlet& outlet, bool wire_opening) {
    Paragraph p;
    c.gold.clear();
    if (wire_opening) {
      std::string city = e.place.empty()
                             ? w_.countries[static_cast<size_t>(e.a == kNone ? e.b : e.a)].capital
                             : e.place;
      for (auto& ch : city) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      const std::string md = month_day(c.pub(), outlet.dates);
      p.text = city + ", ";
      c.gold.push_back({p.text.size(), p.text.size() + md.size(), md, iso_date(c.pub())});
      p.text += md + " (" + outlet.short_name + ") \xE2\x80\x94 ";
    }
    c.state.quote_open = false;
    c.render(r_.pick(texts(e.kind).lead), e, p.text);
    c.render(r_.pick(kLeadMore[static_cast<size_t>(e.plot) * 2 + (conciliatory(e.kind) ? 1 : 0)]),
             e, p.text);
    p.gold = std::move(c.gold);
    c.gold.clear();
    return p;
  }

  Paragraph source_quote(Composer& c, const Event& e) {
    const Texts& t = texts(e.kind);
    std::string_view tmpl;
    const size_t kind = r_.weighted({55, e.quote2.empty() ? 0 : 25, 20});
    if (kind == 0)
      tmpl = r_.pick(kSourceQuote);
    else if (kind == 1)
      tmpl = r_.pick(kSourceQuoteSplit);
    else
      tmpl = r_.pick(t.partial);
    Paragraph p = one(c, tmpl, e);
    c.render(r_.pick(kAfterQuote), e, p.text);
    return p;
  }

  Paragraph reply(Composer& c, const Event& e) {
    const Texts& t = texts(e.kind);
    if (e.rby == kNone || (!t.noreply.empty() && r_.percent(15)))
      return one(c, r_.pick(t.noreply), e);
    Paragraph p = one(c, r_.percent(65) ? r_.pick(kReplyQuote) : r_.pick(t.rpartial), e);
    c.render(r_.pick(kAfterReply), e, p.text);
    return p;
  }

  // An earlier event, told in a sentence and sometimes with its quote.
  Paragraph recap(Composer& c, const Event& e) {
    const Texts& t = texts(e.kind);
    // Background may be vague ("last week"); the news itself is dated precisely.
    c.state.vague = true;
    Paragraph p = one(c, r_.pick(t.recap), e);
    c.state.vague = false;
    if (r_.percent(75)) {
      Paragraph q = one(
          c, r_.percent(70) ? std::string_view("\"{quote1},\" {qby} said.") : r_.pick(t.partial),
          e);
      const size_t base = p.text.size() + 1;
      p.text += ' ';
      p.text += q.text;
      for (auto& g : q.gold) p.gold.push_back({base + g.start, base + g.end, g.text, g.value});
    }
    return p;
  }

  const World& w_;
  const Timeline& t_;
  size_t index_;
  Rng r_;
};

// A YAML double-quoted scalar (also a valid JSON string).
std::string yaml_quoted(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (c < 0x20) {
      out += fmt::format("\\u{:04x}", c);
    } else {
      out += ch;
    }
  }
  return out + '"';
}

std::string yaml_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + yaml_quoted(items[i]);
  return out + "]";
}

const World& world_for(const SynthOptions& o, World& storage) {
  storage = load_world(o.world.empty() ? std::filesystem::path(DATELINE_SYNTH_WORLD) : o.world);
  return storage;
}

}  // namespace

std::vector<SynthArticle> generate(const SynthOptions& o) {
  if (o.days <= 0) throw std::runtime_error("synth: days must be positive");
  const Day start = parse_iso_date(o.start);
  World storage;
  const World& w = world_for(o, storage);
  const Timeline t = build_timeline(w, o, start);
  std::vector<SynthArticle> out(o.articles);
  // Article i depends only on the seed, i, the world and the timeline, so the articles can be
  // written on every core and still come out the same.
  const size_t n = o.articles;
  const size_t threads =
      n < 2000 ? 1 : std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 32);
  std::vector<std::exception_ptr> errors(threads);
  auto work = [&](size_t k) {
    try {
      for (size_t i = n * k / threads; i < n * (k + 1) / threads; ++i)
        out[i] = ArticleWriter(w, t, i, o.seed).write(n);
    } catch (...) {
      errors[k] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (size_t k = 1; k < threads; ++k) pool.emplace_back(work, k);
  work(0);
  for (auto& th : pool) th.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  return out;
}

void write_file_atomically(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw std::runtime_error("synth: cannot write " + tmp.string());
    f.write(content.data(), static_cast<std::streamsize>(content.size()));
    f.close();
    if (!f) throw std::runtime_error("synth: cannot write " + tmp.string());
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw std::runtime_error("synth: cannot rename " + tmp.string() + " to " + path.string());
  }
}

void write_corpus(const std::vector<SynthArticle>& articles, const std::filesystem::path& folder) {
  std::filesystem::create_directories(folder);
  std::string manifest =
      "# Synthetic articles about an invented world (bench/synth, synth_articles).\n"
      "# Articles without `published` date themselves in the text, or not at all.\n"
      "articles:\n";
  for (const auto& a : articles) {
    write_file_atomically(folder / a.file, a.text);
    manifest += "  - file: " + yaml_quoted(a.file) + "\n";
    manifest += "    source: " + yaml_quoted(a.source) + "\n";
    manifest += "    url: " + yaml_quoted(a.url) + "\n";
    if (!a.published.empty()) manifest += "    published: " + yaml_quoted(a.published) + "\n";
    manifest += "    title: " + yaml_quoted(a.title) + "\n";
  }
  // Last, so that every file it names is already in place.
  write_file_atomically(folder / "manifest.yaml", manifest);
}

std::string gazetteer_yaml(const SynthOptions& o) {
  World storage;
  const World& w = world_for(o, storage);
  std::string out =
      "# Gazetteer of the invented world of the synthetic corpus (bench/synth/world.yaml).\n"
      "# Validates against schemas/actors.schema.json. Spokespeople, generals, mayors, union\n"
      "# leaders, analysts and unions are left out on purpose: the extractor must find them.\n"
      "actors:\n";
  for (const auto& c : w.countries) {
    out += fmt::format("  - id: {}\n    name: {}\n    kind: country\n    code: {}\n", c.id,
                       yaml_quoted(c.name), c.code);
    out += "    aliases: " + yaml_list({c.formal}) + "\n";
    out += "    demonyms: " +
           yaml_list(c.adj == c.plural ? std::vector<std::string>{c.adj}
                                       : std::vector<std::string>{c.adj, c.plural}) +
           "\n";
    out += "    metonyms: " + yaml_list({c.capital}) + "\n";
  }
  for (const auto& org : w.orgs) {
    out += fmt::format("  - id: {}\n    name: {}\n    kind: {}\n", org.id, yaml_quoted(org.name),
                       org.kind == "group" ? "group" : "organisation");
    if (org.short_name != org.name) out += "    aliases: " + yaml_list({org.short_name}) + "\n";
    if (org.home != kNone && org.kind != "group")
      out += "    country: " + w.countries[static_cast<size_t>(org.home)].id + "\n";
  }
  for (const auto& outlet : w.outlets) {
    out += fmt::format("  - id: {}\n    name: {}\n    kind: organisation\n    media: true\n",
                       slug(outlet.name), yaml_quoted(outlet.name));
    // Agencies are named by their short form in wire openings and credits.
    if (outlet.kind == "wire" && outlet.short_name != outlet.name)
      out += "    aliases: " + yaml_list({outlet.short_name}) + "\n";
  }
  for (const auto& p : w.people) {
    std::string title;
    std::string of;
    if (p.country != kNone) {
      const Country& c = w.countries[static_cast<size_t>(p.country)];
      if (p.role == Role::President) title = "President";
      if (p.role == Role::Premier) title = "Prime Minister";
      if (p.role == Role::Foreign) title = "Foreign Minister";
      if (title.empty()) continue;
      out += fmt::format("  - id: {}\n    name: {}\n    kind: person\n", p.id, yaml_quoted(p.name));
      out += "    titles: " + yaml_list({title, c.adj + " " + title}) + "\n";
      out += "    aliases: " + yaml_list({p.surname}) + "\n";
      out += "    country: " + c.id + "\n";
      out += "    affiliations: [" + c.id + "]\n";
      out += "    roles:\n      - {title: " + yaml_quoted(title) + ", of: " + c.id + "}\n";
    } else if (p.role == Role::SecretaryGeneral) {
      const Org& org = w.orgs[static_cast<size_t>(p.org)];
      out += fmt::format("  - id: {}\n    name: {}\n    kind: person\n", p.id, yaml_quoted(p.name));
      out +=
          "    titles: " + yaml_list({"Secretary-General", org.short_name + " Secretary-General"}) +
          "\n";
      out += "    aliases: " + yaml_list({p.surname}) + "\n";
      out += "    affiliations: [" + org.id + "]\n";
      out += "    roles:\n      - {title: \"Secretary-General\", of: " + org.id + "}\n";
    }
  }
  return out;
}

std::string gold_jsonl(const std::vector<SynthArticle>& articles) {
  std::string out;
  for (const auto& a : articles) {
    out += "{\"file\":" + yaml_quoted(a.file) + ",\"date\":" + yaml_quoted(a.date) +
           ",\"dateline\":" + yaml_quoted(a.dateline) + ",\"events\":[";
    for (size_t i = 0; i < a.events.size(); ++i) {
      const auto& e = a.events[i];
      out += fmt::format(
          "{}{{\"id\":{},\"kind\":{},\"date\":{},\"source\":{},\"target\":{},\"speaker\":{}}}",
          i ? "," : "", e.id, yaml_quoted(e.kind), yaml_quoted(e.date), yaml_quoted(e.source),
          yaml_quoted(e.target), yaml_quoted(e.speaker));
    }
    out += "],\"timex\":[";
    for (size_t i = 0; i < a.timexes.size(); ++i) {
      const auto& t = a.timexes[i];
      out += fmt::format("{}{{\"start\":{},\"end\":{},\"text\":{},\"value\":{}}}", i ? "," : "",
                         t.start, t.end, yaml_quoted(t.text), yaml_quoted(t.value));
    }
    out += "]}\n";
  }
  return out;
}

}  // namespace dateline::synth
