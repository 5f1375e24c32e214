//! A synthetic newswire corpus for benchmarks and scale runs.
//!
//! [`write_corpus`] writes JSONL articles (`id`, `title`, `date`, `text`)
//! that read like wire copy: a dateline, a lead, quotes, reported speech,
//! condemnations, meetings, agreements, refusals, passives, "the two
//! leaders", pronouns and last-name second mentions, with neutral economy,
//! market and weather sentences in between so that not every sentence holds
//! a relation. The actors are the lexicon's countries and organisations and
//! invented office holders ("Japanese Foreign Minister Aiko Tanaka"); each
//! country's offices change hands every few years, so people recur across
//! articles and the corpus holds thousands of distinct people.
//!
//! The output is deterministic: the same seed (and the same lexicon) gives
//! byte-identical output, and article `n` depends only on the seed and `n`.
//! Articles are streamed one at a time, so a run of 1,000,000 articles takes
//! no more memory than a run of ten.

use std::fmt::Write as _;
use std::io::Write;

use serde::Serialize;

use crate::lexicon::{Lexicon, SurfaceForm, Target};

/// What to generate.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    /// Number of articles (JSONL lines) to write.
    pub docs: u64,
    /// Seed of the generator: the same seed gives byte-identical output.
    pub seed: u64,
}

/// Writes `opts.docs` synthetic articles as JSONL to `out`, one article per
/// line with `id` (`synth-1`, `synth-2`, ...), `title`, `date`
/// (`YYYY-MM-DD`, 2016 to 2023) and `text`. Returns the number of bytes of
/// article text written (the `text` fields, unescaped).
pub fn write_corpus(lex: &Lexicon, opts: &SynthOptions, out: &mut dyn Write) -> std::io::Result<u64> {
    let world = World::new(lex);
    let mut buf = Buffers::default();
    let mut total = 0u64;
    for n in 1..=opts.docs {
        world.article(opts.seed, n, &mut buf);
        total += buf.text.len() as u64;
        let line = Line { id: &buf.id, title: &buf.title, date: &buf.date, text: &buf.text };
        serde_json::to_writer(&mut *out, &line).map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(total)
}

/// One JSONL line.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    title: &'a str,
    date: &'a str,
    text: &'a str,
}

/// The strings of the article being written, reused from one article to the next.
#[derive(Default)]
struct Buffers {
    id: String,
    title: String,
    date: String,
    text: String,
}

// ---------------------------------------------------------------------------
// Randomness

/// SplitMix64: small, fast, and good enough to pick words. Public so tests
/// and benchmarks draw their inputs from the same deterministic generator.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

/// The short name used inside this module.
type Rng = SplitMix64;

impl SplitMix64 {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        finalize(self.0)
    }

    /// A uniform integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// A uniform integer in `lo..=hi`.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// A uniformly chosen element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// A word from a list.
    fn word<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }

    /// An index drawn with the given weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut r = self.below(total as usize) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
}

/// The SplitMix64 output function: a strong 64-bit mix.
fn finalize(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A hash of two numbers, for values that depend on the seed and a key only.
fn mix(a: u64, b: u64) -> u64 {
    finalize(finalize(a ^ 0x5851_F42D_4C95_7F2D).wrapping_add(b.wrapping_mul(0x9E37_79B9_7F4A_7C15)))
}

// ---------------------------------------------------------------------------
// Dates

/// 2016-01-01 as days since 1970-01-01.
const FIRST_DAY: i64 = 16_801;
/// Eight years of dates.
const DAY_SPAN: u64 = 8 * 365 + 2;

/// (year, month, day) of a day number (days since 1970-01-01).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

const WEEKDAYS: [&str; 7] = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS: [&str; 12] = [
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
];

fn weekday(day: i64) -> &'static str {
    // 1970-01-01 was a Thursday.
    WEEKDAYS[(day + 4).rem_euclid(7) as usize]
}

// ---------------------------------------------------------------------------
// Names and words

/// Names of one culture: given names by gender (all in the lexicon's
/// given-name list, so the extractor tells them from places) and family
/// names (none of them a place, a given name or a gazetteer entry).
struct Culture {
    female: &'static [&'static str],
    male: &'static [&'static str],
    last: &'static [&'static str],
}

const EAST_ASIA: usize = 0;
const SOUTH_ASIA: usize = 1;
const SOUTHEAST_ASIA: usize = 2;
const MIDDLE_EAST: usize = 3;
const AFRICA: usize = 4;
const EUROPE: usize = 5;
const LATIN: usize = 6;
const ANGLO: usize = 7;

#[rustfmt::skip]
const CULTURES: &[Culture] = &[
    Culture {
        female: &["Aiko", "Naoko", "Yoko", "Sakura", "Mei", "Seo-yeon", "Yuki"],
        male: &["Hiroshi", "Kenji", "Takeshi", "Haruto", "Kenta", "Wei", "Jun", "Min-jun"],
        last: &[
            "Tanaka", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Sato", "Ito", "Wang", "Zhang", "Chen", "Liu",
            "Zhou", "Huang", "Park", "Choi", "Jung", "Kang", "Yoon",
        ],
    },
    Culture {
        female: &["Priya", "Ananya", "Deepa", "Kavita", "Meera", "Neha"],
        male: &["Arjun", "Rahul", "Sanjay", "Vikram", "Rohan"],
        last: &["Sharma", "Patel", "Gupta", "Singh", "Iyer", "Rao", "Khan", "Chowdhury", "Das", "Reddy", "Joshi"],
    },
    Culture {
        female: &["Siti", "Dewi", "Malak"],
        male: &["Somchai", "Budi", "Agus"],
        last: &["Nguyen", "Pham", "Santoso", "Wijaya", "Lim", "Tan"],
    },
    Culture {
        female: &[
            "Fatima", "Layla", "Samira", "Nadia", "Yasmin", "Mariam", "Salma", "Rania", "Aisha", "Leila", "Shirin",
            "Ayse", "Elif", "Zeynep",
        ],
        male: &[
            "Ahmed", "Omar", "Yusuf", "Mustafa", "Khalid", "Hassan", "Tariq", "Ibrahim", "Mohammed", "Nasser", "Hamid",
            "Ahmad", "Reza", "Arash", "Mehmet", "Emre", "Kemal",
        ],
        last: &["Haddad", "Rahimi", "Hosseini", "Yilmaz", "Demir", "Kaya", "Karimi", "Darwish", "Ozturk", "Celik"],
    },
    Culture {
        female: &["Amina", "Ngozi", "Abena", "Zanele", "Folake", "Chipo", "Nomvula", "Lerato", "Wanjiru", "Halima"],
        male: &["Kwame", "Thabo", "Kofi", "Emeka", "Adebayo", "Oluwaseun", "Tendai", "Sipho", "Bongani"],
        last: &[
            "Okafor", "Adeyemi", "Mensah", "Owusu", "Mwangi", "Otieno", "Dlamini", "Nkosi", "Tesfaye", "Bekele",
            "Diallo", "Traore", "Ndiaye", "Kamara", "Phiri", "Moyo",
        ],
    },
    Culture {
        female: &[
            "Olga", "Natalia", "Irina", "Yelena", "Tatiana", "Agnieszka", "Katarzyna", "Zofia", "Ingrid", "Sigrid",
            "Mette", "Greta", "Ursula", "Juliette", "Amelie", "Chloe", "Giulia", "Francesca", "Chiara", "Eleni",
            "Sophia", "Elena", "Anna", "Eva",
        ],
        male: &[
            "Dmitri", "Ivan", "Sergei", "Mikhail", "Pavel", "Andrei", "Piotr", "Jakub", "Tomas", "Lars", "Sven",
            "Henrik", "Johan", "Erik", "Pierre", "Francois", "Hans", "Klaus", "Marco", "Matteo", "Alessandro", "Nikos",
            "Dimitris", "Hugo",
        ],
        last: &[
            "Ivanov", "Petrov", "Smirnov", "Kowalski", "Nowak", "Horvat", "Kovacs", "Nagy", "Andersson", "Nielsen",
            "Johansson", "Lindqvist", "Dubois", "Moreau", "Lefebvre", "Schmidt", "Weber", "Fischer", "Becker", "Rossi",
            "Bianchi", "Ricci", "Papadopoulos", "Georgiou",
        ],
    },
    Culture {
        female: &[
            "Lucia", "Carmen", "Beatriz", "Fernanda", "Gabriela", "Valentina", "Paula", "Isabel", "Rosa", "Ana", "Maria",
            "Ines",
        ],
        male: &[
            "Carlos", "Diego", "Javier", "Rafael", "Jorge", "Mateo", "Pedro", "Miguel", "Luiz", "Joao", "Ricardo",
            "Fernando", "Jose",
        ],
        last: &[
            "Garcia", "Fernandez", "Lopez", "Martinez", "Silva", "Santos", "Oliveira", "Alvarez", "Herrera", "Castillo",
            "Morales", "Vargas", "Reyes", "Cruz", "Ramos", "Torres", "Mendoza", "Rojas", "Gomez", "Perez", "Sanchez",
            "Ramirez",
        ],
    },
    Culture {
        female: &["Sarah", "Emily", "Rachel", "Helen", "Mary", "Margaret", "Siobhan", "Lina"],
        male: &["James", "David", "Michael", "Thomas", "John", "Robert", "Patrick", "Liam"],
        last: &[
            "Murphy", "O'Brien", "Walsh", "Carter", "Hughes", "Collins", "Wright", "Campbell", "Thompson", "Evans",
            "Clarke",
        ],
    },
];

/// The culture most of a country's office holders take their names from.
fn culture_of(name: &str, region: &str) -> usize {
    match name {
        "China" | "Japan" | "North Korea" | "South Korea" | "Taiwan" | "Hong Kong" | "Macau" | "Mongolia" => EAST_ASIA,
        "India" | "Pakistan" | "Bangladesh" | "Nepal" | "Sri Lanka" | "Bhutan" | "Maldives" | "Afghanistan" => {
            SOUTH_ASIA
        }
        "Israel" | "Kazakhstan" | "Kyrgyzstan" | "Tajikistan" | "Turkmenistan" | "Uzbekistan" => EUROPE,
        "United Kingdom" | "Ireland" | "Guyana" | "Suriname" | "Belize" | "Canada" | "United States" => ANGLO,
        "Spain" | "Portugal" | "Mexico" | "Cuba" | "Dominican Republic" | "Puerto Rico" => LATIN,
        "Turkey" | "Azerbaijan" | "Algeria" | "Egypt" | "Libya" | "Morocco" | "Tunisia" | "Sudan" | "Mauritania"
        | "Western Sahara" | "Somalia" | "Djibouti" | "Comoros" => MIDDLE_EAST,
        _ => match region {
            "Asia" => SOUTHEAST_ASIA,
            "Middle East" => MIDDLE_EAST,
            "Africa" => AFRICA,
            "South America" | "Central America" => LATIN,
            "Europe" => EUROPE,
            _ => ANGLO,
        },
    }
}

/// A title: as written before a name, and as a role nominal.
struct TitleDef {
    cap: &'static str,
    low: &'static str,
    leader: bool,
}

const TITLES: &[TitleDef] = &[
    TitleDef { cap: "President", low: "president", leader: true },
    TitleDef { cap: "Prime Minister", low: "prime minister", leader: true },
    TitleDef { cap: "Chancellor", low: "chancellor", leader: true },
    TitleDef { cap: "Foreign Minister", low: "foreign minister", leader: false },
    TitleDef { cap: "Defense Minister", low: "defense minister", leader: false },
    TitleDef { cap: "Trade Minister", low: "trade minister", leader: false },
    TitleDef { cap: "Finance Minister", low: "finance minister", leader: false },
    TitleDef { cap: "Energy Minister", low: "energy minister", leader: false },
    TitleDef { cap: "Economy Minister", low: "economy minister", leader: false },
    TitleDef { cap: "Interior Minister", low: "interior minister", leader: false },
    TitleDef { cap: "Deputy Foreign Minister", low: "deputy foreign minister", leader: false },
    TitleDef { cap: "Vice President", low: "vice president", leader: false },
    TitleDef { cap: "government spokesperson", low: "government spokesperson", leader: false },
];
const PRESIDENT: usize = 0;
const PRIME_MINISTER: usize = 1;
const CHANCELLOR: usize = 2;
const FOREIGN_MINISTER: usize = 3;
const DEFENSE_MINISTER: usize = 4;
const SPOKESPERSON: usize = 12;
/// Ministers that meet their counterparts.
const MINISTERS: &[usize] = &[4, 5, 6, 7, 8, 9, 10];

/// A title as written in a country: "Secretary of State" in the United States.
fn title_name(nation: &str, title: usize) -> (&'static str, &'static str) {
    match (nation, title) {
        ("United States", 3) => ("Secretary of State", "secretary of state"),
        ("United States", 4) => ("Defense Secretary", "defense secretary"),
        ("United States", 5 | 8) => ("Commerce Secretary", "commerce secretary"),
        ("United States", 6) => ("Treasury Secretary", "treasury secretary"),
        ("United States", 7) => ("Energy Secretary", "energy secretary"),
        ("United States", 9) => ("Homeland Security Secretary", "homeland security secretary"),
        ("United States", 10) => ("Deputy Secretary of State", "deputy secretary of state"),
        ("United Kingdom", 3) => ("Foreign Secretary", "foreign secretary"),
        ("United Kingdom", 4) => ("Defence Secretary", "defence secretary"),
        ("United Kingdom", 5 | 8) => ("Business Secretary", "business secretary"),
        ("United Kingdom", 6) => ("Chancellor of the Exchequer", "chancellor of the exchequer"),
        ("United Kingdom", 9) => ("Home Secretary", "home secretary"),
        _ => (TITLES[title].cap, TITLES[title].low),
    }
}

/// Countries led by a prime minister (the rest have a president).
const PM_COUNTRIES: &[&str] = &[
    "Japan",
    "United Kingdom",
    "India",
    "Canada",
    "Australia",
    "Italy",
    "Spain",
    "Israel",
    "Pakistan",
    "Netherlands",
    "Sweden",
    "Norway",
    "Denmark",
    "Thailand",
    "Malaysia",
    "New Zealand",
    "Belgium",
    "Greece",
    "Hungary",
    "Ethiopia",
    "Iraq",
    "Nepal",
    "Bangladesh",
    "Ireland",
    "Portugal",
    "Armenia",
    "Cambodia",
    "Singapore",
    "Jamaica",
];
/// Countries led by a chancellor.
const CHANCELLOR_COUNTRIES: &[&str] = &["Germany", "Austria"];

/// Countries that make most of the news.
const MAJOR: &[&str] = &[
    "United States",
    "China",
    "Russia",
    "Japan",
    "India",
    "Germany",
    "France",
    "United Kingdom",
    "Brazil",
    "South Korea",
    "North Korea",
    "Iran",
    "Israel",
    "Turkey",
    "Saudi Arabia",
    "Ukraine",
    "Pakistan",
    "Indonesia",
    "Australia",
    "Canada",
    "Mexico",
    "South Africa",
    "Nigeria",
    "Egypt",
    "Italy",
    "Poland",
    "Vietnam",
    "Philippines",
    "Taiwan",
    "Venezuela",
    "Syria",
    "Ethiopia",
    "Kenya",
    "Argentina",
];

/// Companies for market sentences (kept when the lexicon has them).
const COMPANIES: &[&str] = &[
    "Toyota",
    "Samsung Electronics",
    "Siemens",
    "Shell",
    "Chevron",
    "Sony",
    "Airbus",
    "Boeing",
    "Volkswagen",
    "Petrobras",
    "Huawei",
    "Unilever",
    "BHP",
    "Glencore",
    "Maersk",
    "Equinor",
    "Honda",
    "Hitachi",
    "Renault",
    "Sinopec",
    "Gazprom",
    "Alibaba",
    "Tencent",
    "Infosys",
    "Embraer",
    "Pemex",
    "Sasol",
];

/// One news topic: what the adversary did, what partners agree on, what it is about.
struct Topic {
    /// The adversary's act, as a noun phrase after a possessive.
    prov: &'static [&'static str],
    /// The same act as a past-tense verb phrase.
    provp: &'static [&'static str],
    /// What partners agree to do (infinitive phrase).
    coop: &'static [&'static str],
    /// What the talks are about.
    issue: &'static [&'static str],
    /// What the adversary is urged to do (infinitive phrase).
    demand: &'static [&'static str],
    /// What an attack hits, after a possessive.
    target: &'static [&'static str],
    /// A headline noun phrase for the act.
    headline: &'static str,
}

const TOPICS: &[Topic] = &[
    Topic {
        prov: &[
            "missile test",
            "latest ballistic missile launch",
            "nuclear program",
            "military drills near the border",
            "satellite launch",
        ],
        provp: &[
            "test-fired a ballistic missile",
            "launched a missile over the sea",
            "staged large-scale military drills",
            "announced plans for a nuclear test",
        ],
        coop: &[
            "strengthen deterrence",
            "deepen security cooperation",
            "step up missile defense coordination",
            "share more intelligence",
            "hold joint military exercises",
        ],
        issue: &["regional security", "missile defense", "nuclear disarmament", "the security of the region"],
        demand: &[
            "return to talks on the nuclear program",
            "halt the missile launches",
            "abide by Security Council resolutions",
            "refrain from further provocations",
        ],
        target: &["radar stations", "air defense systems", "naval base", "missile sites"],
        headline: "missile launch",
    },
    Topic {
        prov: &[
            "export restrictions",
            "tariffs on steel imports",
            "subsidies to state-owned firms",
            "ban on grain exports",
        ],
        provp: &[
            "raised tariffs on steel and aluminum",
            "imposed new export controls",
            "banned imports of farm goods",
            "restricted exports of rare earths",
        ],
        coop: &[
            "expand trade",
            "cut tariffs on industrial goods",
            "secure supply chains for semiconductors",
            "conclude a free trade agreement",
            "boost investment",
        ],
        issue: &["trade", "supply chains", "market access", "the trade dispute", "investment rules"],
        demand: &[
            "lift the export restrictions",
            "drop the new tariffs",
            "open up to foreign investors",
            "end unfair subsidies",
        ],
        target: &["port facilities", "cargo terminals", "fuel depots"],
        headline: "trade curbs",
    },
    Topic {
        prov: &["gas supply cuts", "new drilling in disputed waters", "pipeline shutdown", "coal expansion plans"],
        provp: &[
            "cut gas supplies to the region",
            "started drilling in disputed waters",
            "shut down a major pipeline",
            "abandoned its emissions targets",
        ],
        coop: &[
            "expand renewable energy",
            "build a new gas pipeline",
            "cut carbon emissions",
            "cooperate on nuclear power",
            "stabilize energy prices",
        ],
        issue: &["energy security", "climate change", "gas supplies", "the energy transition", "oil prices"],
        demand: &["restore gas supplies", "halt drilling in disputed waters", "honor the climate commitments"],
        target: &["power plants", "energy infrastructure", "oil refinery", "gas pipeline"],
        headline: "energy cuts",
    },
    Topic {
        prov: &[
            "border incursion",
            "troop buildup along the border",
            "shelling of border villages",
            "offensive in the east",
        ],
        provp: &[
            "moved troops to the border",
            "shelled villages along the border",
            "launched an offensive in the east",
            "seized a border crossing",
        ],
        coop: &["support a ceasefire", "send humanitarian aid", "rebuild border towns", "monitor the ceasefire line"],
        issue: &["the border conflict", "the ceasefire", "humanitarian aid", "refugees fleeing the fighting"],
        demand: &[
            "withdraw troops from the border",
            "respect the ceasefire",
            "allow aid convoys through",
            "stop the shelling",
        ],
        target: &["border posts", "military positions", "supply lines", "ammunition depots"],
        headline: "border attack",
    },
    Topic {
        prov: &[
            "cyberattacks on government networks",
            "disinformation campaign",
            "election interference",
            "hacking of banks",
        ],
        provp: &[
            "hacked government networks",
            "ran a disinformation campaign",
            "interfered in the election",
            "targeted banks with ransomware",
        ],
        coop: &[
            "fight cybercrime",
            "protect critical infrastructure",
            "share threat intelligence",
            "regulate artificial intelligence",
        ],
        issue: &["cybersecurity", "election security", "critical infrastructure", "online disinformation"],
        demand: &["stop the cyberattacks", "hand over the hackers", "end the interference"],
        target: &["communications networks", "government servers", "data centers"],
        headline: "cyberattacks",
    },
    Topic {
        prov: &["coast guard maneuvers", "island building", "seizure of a fishing vessel", "naval blockade"],
        provp: &[
            "seized a fishing vessel",
            "sent warships into disputed waters",
            "blocked a supply mission to a reef",
            "expanded its island building",
        ],
        coop: &[
            "uphold freedom of navigation",
            "hold joint naval patrols",
            "boost maritime security",
            "build coast guard ships",
        ],
        issue: &["maritime security", "the territorial dispute", "freedom of navigation", "fishing rights"],
        demand: &["release the fishing crew", "withdraw the warships", "respect international maritime law"],
        target: &["patrol boats", "coast guard vessels", "naval outpost"],
        headline: "naval moves",
    },
];

const ACCUSATION: &[&str] = &[
    "violating the ceasefire",
    "interfering in its internal affairs",
    "spreading disinformation",
    "stoking tensions in the region",
    "breaking its commitments",
    "harboring militants",
    "undermining the peace process",
];
const PRAISE_FOR: &[&str] = &[
    "its support during the crisis",
    "its humanitarian assistance",
    "its role in the negotiations",
    "its commitment to the alliance",
    "its leadership on the issue",
];
const BLAME_FOR: &[&str] = &[
    "the collapse of the talks",
    "rising tensions along the border",
    "the breakdown of the ceasefire",
    "the surge in energy prices",
    "delays in the aid deliveries",
];
const PROPOSAL: &[&str] = &["a ceasefire", "new talks", "a joint commission", "a peace conference", "a buffer zone"];
const VALUE: &[&str] = &[
    "democracy and the rule of law",
    "free and open trade",
    "peace and stability",
    "a rules-based international order",
    "human rights",
];
const CONGRAT: &[&str] =
    &["the election victory", "the anniversary of diplomatic ties", "the new government", "the peace deal"];
const CHARAC: &[&str] = &[
    "a dangerous provocation",
    "a violation of international law",
    "reckless and irresponsible",
    "a threat to peace",
    "unacceptable",
];
const NUMBERS: &[&str] =
    &["two", "three", "four", "five", "six", "seven", "eight", "nine", "10", "12", "15", "20", "dozens of"];
const QUARTERS: &[&str] = &["first", "second", "third", "fourth"];

// Sentence templates. `{S}`, `{O}`, `{X}` are the subject, object and third
// party (`{S's}` possessive; `{Sn}` the country of S, `{adjS}` its
// adjective, `{capS}` its capital); `{tail}` is an optional closing phrase;
// the rest are words drawn at random.

const LEAD_PAIR: &[&str] = &[
    "{S} and {O} agreed on {day} to {coop} and to step up coordination on {issue}, amid growing concern over {X's} {prov}.",
    "{S} and {O} agreed on {day} to {coop} after {X} {provp}, in a sign of closer ties between the two countries.",
    "{S} and {O} pledged on {day} to {coop}, a week after {X} {provp} and raised fears of a wider crisis in the region.",
];
const LEAD_MEET: &[&str] = &[
    "{S} met {O} in {capS} on {day} for talks on {issue}, as the two countries sought to {coop} in the face of {X's} {prov}.",
    "{S} held talks with {O} in {capS} on {day}, with {issue} and {X's} {prov} high on the agenda of their first meeting this year.",
];
const LEAD_CONFLICT: &[&str] = &[
    "{S} condemned {O's} {prov} on {day}, saying it threatened peace and stability in the region and violated a string of international agreements.",
    "{S} on {day} accused {O} of {accusation} and urged it to {demand}, in the sharpest rebuke yet in a long-running dispute over {issue}.",
    "{S} criticized {O} on {day} over its {prov}, calling it {charac} and warning of consequences if it continued.",
];
const LEAD_ATTACK: &[&str] = &[
    "{S} attacked {O's} {target} on {day}, officials said, in a sharp escalation of {issue} that drew swift condemnation from governments around the world.",
    "{adjS} forces attacked {O's} {target} early on {day}, killing {num} people, according to {O's} military, which said it had shot down several drones.",
];

const CONFLICT: &[&str] = &[
    "{S} condemned {O's} {prov} on {day}, calling it a threat to regional stability{ctail}.",
    "{S} strongly condemned {O's} {prov} and said it would raise the matter at the United Nations{ctail}.",
    "{S} criticized {O} over {issue}{ctail}.",
    "{S} sharply criticized {O's} handling of {issue}, saying it had done little to ease tensions{ctail}.",
    "{S} accused {O} of {accusation}{ctail}.",
    "{S} urged {O} to {demand}{ctail}.",
    "{S} warned {O} against further provocations{ctail}.",
    "{S} threatened {O} with new sanctions if the {prov} continued{ctail}.",
    "{S} rejected {O's} proposal for {proposal}, calling it a delaying tactic{ctail}.",
    "{S} imposed sanctions on {O} over its {prov}, freezing assets and banning travel by senior officials{ctail}.",
    "{S} called on {O} to {demand}{ctail}.",
    "{S} denounced {O's} {prov} as {charac}{ctail}.",
    "{S} blamed {O} for {blamefor}{ctail}.",
    "{S} expelled two {adjO} diplomats over the {prov}, giving them 72 hours to leave the country{ctail}.",
    "{S} summoned {O's} ambassador to protest the {prov}{ctail}.",
];
const REBUTTAL: &[&str] = &[
    "{S} rejected {O's} criticism as interference in its internal affairs{ctail}.",
    "{S} accused {O} of {accusation} and of trying to divert attention from its own problems{ctail}.",
    "{S} threatened {O} with countermeasures{ctail}.",
    "{S} blamed {O} for {blamefor}{ctail}.",
    "{S} denied {O's} accusations and said the government would {demand2}{ctail}.",
];
const COOP: &[&str] = &[
    "{S} praised {O} for {praisefor}{ptail}.",
    "{S} welcomed {O's} decision to {coop}, calling it a milestone for the relationship{ptail}.",
    "{S} thanked {O} for {praisefor}{ptail}.",
    "{S} congratulated {O} on {congrat}{ptail}.",
    "{S} invited {O} to visit {capS} later this year, and the invitation was accepted{ptail}.",
    "{S} met {O} in {capO} on {day}{ptail}.",
    "{S} held talks with {O} in {capS} on {day}, the first such meeting in more than a year{ptail}.",
    "{S} signed an agreement with {O} to {coop}{ptail}.",
    "{S} will cooperate with {O} on {issue}{ptail}.",
    "{S} hosted {O} for talks on {issue} and a working lunch{ptail}.",
    "{S} supports {O's} bid to {coop}{ptail}.",
];
const PAIR: &[&str] = &[
    "{S} and {O} agreed on {day} to {coop}{ptail}.",
    "{S} and {O} agreed to {coop} and to step up coordination on {issue}{ptail}.",
    "{S} and {O} signed an agreement to {coop}, capping months of negotiations{ptail}.",
    "{S} and {O} discussed {issue} by phone on {day}{ptail}.",
    "{S} and {O} pledged to {coop}{ptail}.",
];
const BOTH: &[&str] = &[
    "{both} also condemned {X's} {prov} \"in the strongest terms\"{ptail}.",
    "{both} agreed to {coop}{ptail}.",
    "{both} urged {X} to {demand}{ptail}.",
    "{both} also criticized {X} over {issue}{ptail}.",
    "{both} discussed {issue} over dinner and agreed to meet again before the end of the year.",
];
const NEGATIVE: &[&str] = &[
    "{S} did not criticize {O} directly, but called for restraint{tail}.",
    "{S} has not condemned {O's} {prov}{tail}.",
    "{S} refused to meet {O}{tail}.",
    "{S} declined to criticize {O}, calling for restraint on all sides{tail}.",
    "{S} did not condemn the {prov}, saying it needed more information{tail}.",
];
const PASSIVE: &[&str] = &[
    "{O} was criticized by {S} for {blamefor}{ctail}.",
    "{O's} {prov} was condemned by {S}{ctail}.",
    "{O} was accused by {S} of {accusation}{ctail}.",
];
const PASSIVE_ATTACK: &[&str] = &[
    "{O} was attacked by {S} on {day}, the {adjO} defense ministry said, adding that air defenses had intercepted most of the drones.",
    "{O's} {target} were attacked by {S} overnight, according to local officials, who said damage was being assessed.",
];
const ATTACK: &[&str] = &[
    "{S} attacked {O's} {target} with drones on {day}{ctail}.",
    "{adjS} forces shelled and attacked {O} on {day}, forcing residents of border villages to flee.",
    "{S} struck {O's} {target} overnight, killing {num} soldiers{ctail}.",
];
/// Reported speech any speaker can make (people, countries, organisations).
const SPEECH: &[&str] = &[
    "{S} said {clause}.",
    "{S} said that {clause}{tail}.",
    "{clause}, according to {S}.",
    "According to {S}, {clause}.",
    "{S} warned that {clause}.",
    "In a statement, {S} said {clause}, and that {clause2}.",
    "{S} said on {day} that {clause}, but gave no further details.",
];
/// Reported speech of people only.
const SPEECH_PERSON: &[&str] = &[
    "{S} told reporters in {capS} that {clause}.",
    "{S} told {O} that {clause}.",
    "\"{quote},\" {S} said.",
    "\"{quote},\" {S} told reporters after the meeting.",
    "\"{quote}. {quote},\" {S} said.",
    "\"{quote},\" {S} said, adding that {clause}.",
    "{S} added that {clause}.",
    "{S} stressed that {clause}.",
    "Speaking at a news conference in {capS}, {S} said {clause}.",
    "{S} told parliament that {clause}, and that {clause2}.",
];
const CLAUSES: &[&str] = &[
    "{X's} {prov} posed a grave threat to the region and to the wider international community",
    "{X} must {demand} immediately and without conditions",
    "the talks with {O} had been constructive and both sides had agreed to keep in close contact",
    "there was no alternative to dialogue with {X}, even after the events of recent weeks",
    "the government would work with {O} to {coop} over the coming months",
    "the two countries would {coop} and report back to their leaders by the end of the year",
    "{X} had violated international law and would be held accountable",
    "further sanctions against {X} were being considered by the government and its allies",
    "the economy would grow by {pct}% this year despite the uncertain global outlook",
    "{issue} would top the agenda at the next summit, due to take place later this year",
    "no decision had been made on {issue}, and consultations with partners were continuing",
    "the door to dialogue with {X} remained open, but patience was running out",
    "{O} had promised to {coop} as part of a broader package of measures",
    "it was too early to say whether {X} would {demand}",
];
/// Clauses that refer to no actor, for second clauses.
const CLAUSES2: &[&str] = &[
    "more talks were planned for next month",
    "the government was monitoring the situation closely",
    "all options remained on the table",
    "a joint statement would be issued later in the week",
    "the details were still being worked out by officials on both sides",
    "the cabinet would meet on the issue in the coming days",
];
const QUOTES: &[&str] = &[
    "We will not tolerate any further provocation, and we will respond firmly if necessary",
    "This is a grave challenge to peace and stability in the region",
    "{X's} actions are unacceptable and must stop",
    "Our two countries share a deep commitment to {value}",
    "The door to dialogue remains open, but words must be matched by deeds",
    "We are ready to work with {O} on {issue}",
    "There can be no military solution to this crisis",
    "We call on {X} to {demand}",
    "Today's agreement is an important step forward for both our peoples",
    "We stand firmly with our partners and allies",
    "Nobody wants an escalation, but we have to be prepared for every scenario",
    "This was a productive meeting, and we made real progress on {issue}",
    "We will do everything necessary to protect our citizens",
    "The international community must respond with one voice",
];
/// Optional closing phrases ("" often), for any sentence.
const TAILS: &[&str] = &[
    "",
    "",
    "",
    ", days before a regional summit",
    ", the latest in a series of diplomatic moves",
    ", without giving details",
    ", according to a readout of the call",
    ", two sources familiar with the matter said",
    ", official media reported",
    ", diplomats said",
    ", according to people briefed on the discussions",
    ", in remarks broadcast on state television",
];
/// Closing phrases for conflict.
const CONFLICT_TAILS: &[&str] = &[
    ", a move likely to deepen tensions in the region",
    ", in a sign of the growing rift between the two sides",
    ", as pressure mounted on the government at home",
    ", after weeks of mounting pressure from allies",
];
/// Closing phrases for cooperation.
const COOP_TAILS: &[&str] = &[
    ", in a sign of warming ties",
    ", as the two sides seek to rebuild trust after years of friction",
    ", the latest step in a rapprochement that began last year",
];
const FILLER: &[&str] = &[
    "The {adjS} currency weakened {pct}% against the dollar on {day}, its steepest fall in {num} weeks, as investors fretted over the outlook for growth.",
    "Oil prices rose {pct}% to ${price} a barrel, extending gains for a third straight session as traders weighed supply risks.",
    "Benchmark stock indexes in {capS} closed {pct}% {updown} on {day}, with energy and banking shares leading the moves.",
    "Inflation stood at {pct}% in {month}, down from {pct}% a month earlier, according to official data released on {day}.",
    "The central bank left its key interest rate unchanged at {pct}% at its last meeting, citing uncertainty over the global economy.",
    "Heavy rain was forecast across much of the region over the weekend, and authorities warned of flooding in low-lying areas.",
    "Temperatures in {capS} were expected to reach {temp} degrees Celsius this week, prompting health warnings for the elderly.",
    "Shares of {co} rose {pct}% in early trading after the company raised its full-year profit forecast.",
    "Trade between the two countries was worth about ${bn} billion last year, according to government figures.",
    "The economy grew {pct}% in the {quarter} quarter from a year earlier, slightly faster than economists had expected.",
    "Officials did not immediately respond to a request for comment.",
    "Analysts said markets were likely to remain volatile in the coming weeks as investors waited for clarity on interest rates.",
    "Gold prices were little changed at ${gold} an ounce, while the dollar was steady against a basket of major currencies.",
    "Flights out of {capS} were delayed by fog for several hours on {day}, disrupting travel for thousands of passengers.",
    "The government is expected to present its budget in {month}, with spending on defense and health set to rise.",
    "Unemployment fell to {pct}% in {month}, the lowest level in {num} years, as the services sector kept hiring.",
    "Bond yields edged {updown2} as investors awaited new data on growth and the path of inflation.",
    "The meeting took place behind closed doors, and no journalists were allowed into the venue.",
];
const BACKGROUND: &[&str] = &[
    "{Sn} and {On} have been at odds over {issue} for years, and previous rounds of talks ended without agreement.",
    "The visit is the first by a {adjS} leader to {On} in {num} years.",
    "Relations between {Sn} and {On} have improved since {year}, when the two sides restored regular high-level contacts.",
    "{Sn} is {On's} largest trading partner, and the two economies are closely linked through energy and manufacturing.",
    "{Sn} and {On} established diplomatic ties in {year2}.",
];

// ---------------------------------------------------------------------------
// The world: countries, organisations and who holds which office when

/// A country as the generator writes it.
struct Nation {
    /// Name as written mid-sentence ("the United States").
    name: String,
    /// Name without the article, for headlines ("United States").
    bare: String,
    /// Demonym adjective ("Japanese"), or the name when there is none.
    adj: String,
    /// Seat of government ("Tokyo"), or the name when the lexicon has none.
    capital: String,
    /// Whether the capital is a distinct word that can stand for the government ("Tokyo said").
    metonym: bool,
    /// Title index of the head of government.
    leader: usize,
    /// Index into [`CULTURES`] of most of its office holders' names.
    culture: usize,
}

/// Everything the generator draws actors from, built once per run.
struct World {
    nations: Vec<Nation>,
    /// Nations with a demonym, that people come from.
    people_nations: Vec<usize>,
    /// Nations that make most of the news.
    major: Vec<usize>,
    /// International organisations, as written ("the World Bank").
    orgs: Vec<String>,
    /// Companies for market news.
    companies: Vec<String>,
}

/// Whether a country's name takes "the" ("the Philippines").
fn takes_article(name: &str) -> bool {
    name.starts_with("United ")
        || name.ends_with(" Republic")
        || name.ends_with(" Islands")
        || name.starts_with("Democratic Republic")
        || matches!(name, "Bahamas" | "Comoros" | "Gambia" | "Maldives" | "Netherlands" | "Philippines" | "Seychelles")
}

/// Whether an organisation's name takes "the" ("the World Bank", but "Amnesty International").
fn org_takes_article(name: &str) -> bool {
    name.contains(' ')
        && !name.starts_with("The ")
        && !["International", "Watch", "Borders", "Children", "State"].iter().any(|w| name.ends_with(w))
}

impl World {
    fn new(lex: &Lexicon) -> World {
        let mut capitals: Vec<Option<&str>> = vec![None; lex.countries.len()];
        for s in &lex.surfaces {
            if let (Target::Country(i), SurfaceForm::Capital) = (s.target, s.form) {
                let c = &mut capitals[i];
                let usable = s.text.starts_with(|c: char| c.is_uppercase()) && !s.text.contains('\u{2019}');
                if c.is_none() && usable {
                    *c = Some(s.text.as_str());
                }
            }
        }
        let nations: Vec<Nation> = lex
            .countries
            .iter()
            .zip(&capitals)
            .map(|(c, cap)| {
                let the = takes_article(&c.name);
                let name = if the { format!("the {}", c.name) } else { c.name.clone() };
                let adj = if c.name == "United States" {
                    "U.S.".to_string()
                } else if c.name == "New Zealand" {
                    c.name.clone()
                } else {
                    c.adjectives.first().cloned().unwrap_or_else(|| c.name.clone())
                };
                let leader = if PM_COUNTRIES.contains(&c.name.as_str()) {
                    PRIME_MINISTER
                } else if CHANCELLOR_COUNTRIES.contains(&c.name.as_str()) {
                    CHANCELLOR
                } else {
                    PRESIDENT
                };
                Nation {
                    name,
                    bare: c.name.clone(),
                    adj,
                    capital: cap.map_or_else(|| c.name.clone(), str::to_string),
                    culture: culture_of(&c.name, &c.region),
                    metonym: cap.is_some_and(|cap| cap != c.name && !c.name.starts_with(cap)),
                    leader,
                }
            })
            .collect();
        let people_nations = lex
            .countries
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.adjectives.is_empty())
            .map(|(i, _)| i)
            .collect::<Vec<_>>();
        let major = lex
            .countries
            .iter()
            .enumerate()
            .filter(|(_, c)| MAJOR.contains(&c.name.as_str()) && !c.adjectives.is_empty())
            .map(|(i, _)| i)
            .collect::<Vec<_>>();
        let skip = ["Qaeda", "Islamic State", "Jama'at", "Brotherhood", "Binance", "WikiLeaks", "FIFA"];
        let orgs = lex
            .organizations
            .iter()
            .filter(|o| o.country.is_none() && !skip.iter().any(|s| o.name.contains(s)))
            .filter(|o| o.name.starts_with(|c: char| c.is_uppercase()))
            .map(|o| if org_takes_article(&o.name) { format!("the {}", o.name) } else { o.name.clone() })
            .collect::<Vec<_>>();
        let companies = COMPANIES
            .iter()
            .filter(|c| lex.organizations.iter().any(|o| o.name == **c))
            .map(|c| c.to_string())
            .collect::<Vec<_>>();
        let mut w = World { nations, people_nations, major, orgs, companies };
        // A lexicon without countries or organisations (a stripped user
        // lexicon) still gives articles: invented placeholders stand in.
        if w.nations.len() < 4 || w.people_nations.len() < 4 {
            for (n, (name, adj, cap)) in [
                ("Arcadia", "Arcadian", "Ostra"),
                ("Borealia", "Borealian", "Nordhavn"),
                ("Caldera", "Calderan", "Vulcan City"),
                ("Deltaria", "Deltarian", "Riverton"),
            ]
            .into_iter()
            .enumerate()
            {
                w.people_nations.push(w.nations.len());
                w.nations.push(Nation {
                    name: name.into(),
                    bare: name.into(),
                    adj: adj.into(),
                    capital: cap.into(),
                    metonym: true,
                    leader: PRESIDENT,
                    culture: n % CULTURES.len(),
                });
            }
        }
        if w.major.len() < 4 {
            w.major = w.people_nations.clone();
        }
        if w.orgs.is_empty() {
            w.orgs.push("the United Nations".into());
        }
        if w.companies.is_empty() {
            w.companies.push("the national oil company".into());
        }
        w
    }

    /// A country for an article's cast: mostly the big newsmakers.
    fn pick_nation(&self, rng: &mut Rng, people: bool) -> usize {
        if rng.chance(55) {
            *rng.pick(&self.major)
        } else if people {
            *rng.pick(&self.people_nations)
        } else {
            rng.below(self.nations.len())
        }
    }

    /// The holder of office `title` in `nation` on `day`: terms last a
    /// little under three years, staggered across countries.
    fn office_holder(&self, seed: u64, nation: usize, title: usize, day: i64) -> Person {
        let era = (day + nation as i64 * 173 + title as i64 * 61).div_euclid(1000) as u64;
        let h = mix(seed ^ 0x0FF1_CE00, ((nation as u64) << 40) ^ ((title as u64) << 32) ^ era);
        let female = h & 1 == 1;
        let h2 = finalize(h);
        // Mostly names of the country's own culture; some from anywhere.
        let home = self.nations[nation].culture;
        let c1 = if (h >> 4) % 100 < 80 { home } else { (h >> 12) as usize % CULTURES.len() };
        let c2 = if (h >> 20) % 100 < 85 { c1 } else { (h >> 28) as usize % CULTURES.len() };
        let firsts = if female { CULTURES[c1].female } else { CULTURES[c1].male };
        let first = firsts[(h2 & 0xFFFF_FFFF) as usize % firsts.len()];
        let last = CULTURES[c2].last[(h2 >> 32) as usize % CULTURES[c2].last.len()];
        let (title_cap, title_low) = title_name(&self.nations[nation].bare, title);
        Person { first, last, female, title, title_cap, title_low, nation }
    }

    /// Writes article `n` of the corpus for `seed` into `buf`.
    fn article(&self, seed: u64, n: u64, buf: &mut Buffers) {
        let mut rng = SplitMix64(mix(seed, n));
        let day = FIRST_DAY + (mix(seed ^ 0xDA7E, n) % DAY_SPAN) as i64;
        let (y, m, d) = civil_from_days(day);
        buf.id.clear();
        let _ = write!(buf.id, "synth-{n}");
        buf.date.clear();
        let _ = write!(buf.date, "{y:04}-{m:02}-{d:02}");
        buf.title.clear();
        buf.text.clear();

        // The cast: a home country A and its partner B, an adversary C and a bystander D.
        let a = self.pick_nation(&mut rng, true);
        let mut b = self.pick_nation(&mut rng, true);
        while b == a {
            b = self.pick_nation(&mut rng, true);
        }
        let mut c = self.pick_nation(&mut rng, true);
        while c == a || c == b {
            c = self.pick_nation(&mut rng, true);
        }
        let mut dd = self.pick_nation(&mut rng, false);
        while dd == a || dd == b || dd == c {
            dd = self.pick_nation(&mut rng, false);
        }
        let (ta, tb) = match rng.weighted(&[45, 35, 20]) {
            0 => (self.nations[a].leader, self.nations[b].leader),
            1 => (FOREIGN_MINISTER, FOREIGN_MINISTER),
            _ => {
                let t = *rng.pick(MINISTERS);
                (t, t)
            }
        };
        let tc = *rng.pick(&[self.nations[c].leader, FOREIGN_MINISTER, SPOKESPERSON]);
        let ta2 = *rng.pick(&[SPOKESPERSON, DEFENSE_MINISTER, FOREIGN_MINISTER]);
        let ta2 = if ta2 == ta { SPOKESPERSON } else { ta2 };
        let people = [
            self.office_holder(seed, a, ta, day),
            self.office_holder(seed, b, tb, day),
            self.office_holder(seed, c, tc, day),
            self.office_holder(seed, a, ta2, day),
        ];
        let mut g = Gen {
            w: self,
            rng,
            day,
            topic: &TOPICS[0],
            nations: [a, b, c, dd],
            people,
            mentioned: [false; 4],
            last_subject: None,
            org: 0,
            sent_start: 0,
            used: [0; 48],
            n_used: 0,
        };
        g.topic = g.rng.pick(TOPICS);
        g.org = g.rng.below(self.orgs.len());
        g.write(&mut buf.title, &mut buf.text);
    }
}

/// An office holder.
#[derive(Debug, Clone, Copy)]
struct Person {
    first: &'static str,
    last: &'static str,
    female: bool,
    /// Index into [`TITLES`].
    title: usize,
    /// The title as written before the name ("Foreign Minister").
    title_cap: &'static str,
    /// The title as a role nominal ("foreign minister").
    title_low: &'static str,
    /// Index into [`World::nations`].
    nation: usize,
}

/// Who fills a slot of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// A country, by index into [`World::nations`].
    Nation(usize),
    /// A member of the cast, by index into [`Gen::people`].
    Person(usize),
    /// The article's international organisation.
    Org,
}

/// How a mention is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Subject,
    Object,
    Possessive,
}

/// The actors a template refers to.
#[derive(Debug, Clone, Copy)]
struct Roles {
    s: Who,
    o: Who,
    x: Who,
}

/// Kinds of body sentences.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Speech,
    Conflict,
    Coop,
    Pair,
    Both,
    Negative,
    Passive,
    Attack,
    Rebuttal,
    Background,
    Filler,
}

const KINDS: &[(Kind, u32)] = &[
    (Kind::Speech, 28),
    (Kind::Conflict, 13),
    (Kind::Coop, 10),
    (Kind::Pair, 4),
    (Kind::Both, 5),
    (Kind::Negative, 4),
    (Kind::Passive, 4),
    (Kind::Attack, 3),
    (Kind::Rebuttal, 5),
    (Kind::Background, 4),
    (Kind::Filler, 20),
];

/// The state of one article being written.
struct Gen<'w> {
    w: &'w World,
    rng: Rng,
    day: i64,
    topic: &'static Topic,
    /// A (home), B (partner), C (adversary), D (bystander).
    nations: [usize; 4],
    /// A's main actor, B's counterpart, C's official, A's second official.
    people: [Person; 4],
    mentioned: [bool; 4],
    /// The subject of the last sentence, for pronouns.
    last_subject: Option<Who>,
    org: usize,
    sent_start: usize,
    /// Templates used so far (their addresses), to avoid repeating a sentence.
    used: [usize; 48],
    n_used: usize,
}

impl Gen<'_> {
    fn write(&mut self, title: &mut String, out: &mut String) {
        let [a, b, c, d] = self.nations;
        // Lead paragraph with a dateline.
        let lead = self.rng.weighted(&[30, 25, 30, 15]);
        let (tpl, roles) = match lead {
            0 => (LEAD_PAIR, Roles { s: Who::Person(0), o: Who::Person(1), x: Who::Nation(c) }),
            1 => (LEAD_MEET, Roles { s: Who::Person(0), o: Who::Person(1), x: Who::Nation(c) }),
            2 => {
                let s = if self.rng.chance(60) { Who::Person(0) } else { Who::Nation(a) };
                (LEAD_CONFLICT, Roles { s, o: Who::Nation(c), x: Who::Nation(b) })
            }
            _ => (LEAD_ATTACK, Roles { s: Who::Nation(c), o: Who::Nation(a), x: Who::Nation(b) }),
        };
        let place = match lead {
            3 => a,
            _ => self.nation_of(roles.s),
        };
        let t = self.topic;
        let headline_coop = *self.rng.pick(t.coop);
        match lead {
            0 => {
                let _ =
                    write!(title, "{}, {} agree to {}", self.w.nations[a].bare, self.w.nations[b].bare, headline_coop);
            }
            1 => {
                let (pa, pb) = (self.people[0], self.people[1]);
                let issue = *self.rng.pick(t.issue);
                let _ = write!(
                    title,
                    "{} meets {} in {}, {} on agenda",
                    pa.last, pb.last, self.w.nations[a].capital, issue
                );
            }
            2 => {
                let _ = write!(title, "{} condemns {} {}", self.w.nations[a].bare, self.w.nations[c].adj, t.headline);
            }
            _ => {
                let _ = write!(
                    title,
                    "{} attacks {} {}",
                    self.w.nations[c].bare,
                    self.w.nations[a].adj,
                    self.rng.pick(t.target)
                );
            }
        }
        capitalize_at(title, 0);
        for ch in self.w.nations[place].capital.chars() {
            out.extend(ch.to_uppercase());
        }
        out.push_str(" (Newswire) - ");
        let tpl = *self.rng.pick(tpl);
        self.sentence_at(tpl, &roles, out, out.len());
        if lead <= 1 {
            self.last_subject = None;
        }

        // Reaction paragraph: what the main actor said.
        out.push_str("\n\n");
        let speaker = if self.rng.chance(70) { Who::Person(0) } else { Who::Person(1) };
        let other = if speaker == Who::Person(0) { Who::Person(1) } else { Who::Person(0) };
        let roles = Roles { s: speaker, o: other, x: Who::Nation(c) };
        let tpl = self.fresh(SPEECH_PERSON);
        self.sentence(tpl, &roles, out);
        if self.rng.chance(70) {
            let list = if self.rng.chance(50) { SPEECH_PERSON } else { SPEECH };
            let tpl = self.fresh(list);
            self.sentence(tpl, &roles, out);
        }

        // Body.
        let paragraphs = 4 + self.rng.weighted(&[5, 8, 12, 15, 20, 20, 20]);
        let weights: Vec<u32> = KINDS.iter().map(|k| k.1).collect();
        for _ in 2..paragraphs {
            out.push_str("\n\n");
            let sentences = 1 + self.rng.weighted(&[5, 40, 55]);
            for _ in 0..sentences {
                let kind = KINDS[self.rng.weighted(&weights)].0;
                self.body_sentence(kind, out);
            }
        }

        // Half the stories end with a trailer, which the extractor drops.
        if self.rng.chance(50) {
            let cap = &self.w.nations[if self.rng.chance(50) { a } else { d }].capital;
            let (c1, c2) = (self.rng.pick(CULTURES), self.rng.pick(CULTURES));
            let (f1, l1) = (self.rng.word(c1.female), self.rng.word(c1.last));
            let (f2, l2) = (self.rng.word(c2.male), self.rng.word(c2.last));
            let _ = write!(out, "\n\n(Reporting by {f1} {l1} in {cap}; Editing by {f2} {l2})");
        }
    }

    /// Writes one body sentence of the given kind.
    fn body_sentence(&mut self, kind: Kind, out: &mut String) {
        let [a, b, c, d] = self.nations;
        let x_c = if self.rng.chance(70) { Who::Nation(c) } else { Who::Person(2) };
        let (tpl, roles) = match kind {
            Kind::Speech => {
                let s = match self.rng.weighted(&[30, 20, 12, 10, 13, 15]) {
                    0 => Who::Person(0),
                    1 => Who::Person(1),
                    2 => Who::Person(2),
                    3 => Who::Person(3),
                    4 => Who::Org,
                    _ => Who::Nation(*self.rng.pick(&[a, b, c, d])),
                };
                let (o, x) = match s {
                    Who::Person(0) | Who::Person(3) => (self.side(1), x_c),
                    Who::Person(2) => (self.side(0), Who::Nation(a)),
                    Who::Nation(n) if n == c => (self.side(0), Who::Nation(a)),
                    Who::Nation(n) if n == a => (self.side(1), x_c),
                    _ => (self.side(0), x_c),
                };
                let person = matches!(s, Who::Person(_));
                (if person && self.rng.chance(65) { SPEECH_PERSON } else { SPEECH }, Roles { s, o, x })
            }
            Kind::Conflict => {
                let s = match self.rng.weighted(&[60, 25, 15]) {
                    0 => self.side(0),
                    1 => self.side(1),
                    _ => Who::Org,
                };
                (CONFLICT, Roles { s, o: self.side(2), x: Who::Nation(b) })
            }
            Kind::Rebuttal => (REBUTTAL, Roles { s: self.side(2), o: self.side(0), x: Who::Nation(a) }),
            Kind::Coop | Kind::Pair => {
                // People meet people and countries deal with countries.
                let (mut s, mut o) = match self.rng.weighted(&[55, 15, 30]) {
                    0 => (Who::Person(0), Who::Person(1)),
                    1 => (Who::Person(3), Who::Person(1)),
                    _ => (Who::Nation(a), Who::Nation(b)),
                };
                if self.rng.chance(30) {
                    std::mem::swap(&mut s, &mut o);
                }
                (if matches!(kind, Kind::Pair) { PAIR } else { COOP }, Roles { s, o, x: x_c })
            }
            Kind::Both if self.mentioned[0] && self.mentioned[1] => {
                (BOTH, Roles { s: Who::Person(0), o: Who::Person(1), x: x_c })
            }
            Kind::Both | Kind::Negative => {
                let s = if self.rng.chance(50) { self.side(1) } else { Who::Nation(d) };
                (NEGATIVE, Roles { s, o: self.side(2), x: x_c })
            }
            Kind::Passive => {
                let s = if self.rng.chance(60) { self.side(0) } else { Who::Org };
                (PASSIVE, Roles { s, o: Who::Nation(c), x: Who::Nation(b) })
            }
            Kind::Attack => {
                let o = Who::Nation(if self.rng.chance(70) { a } else { d });
                let tpl = if self.rng.chance(35) { PASSIVE_ATTACK } else { ATTACK };
                (tpl, Roles { s: Who::Nation(c), o, x: Who::Nation(b) })
            }
            Kind::Background => {
                let o = Who::Nation(if self.rng.chance(50) { b } else { c });
                (BACKGROUND, Roles { s: Who::Nation(a), o, x: Who::Nation(d) })
            }
            Kind::Filler => {
                let s = Who::Nation(*self.rng.pick(&[a, a, b, c, d]));
                (FILLER, Roles { s, o: Who::Nation(b), x: Who::Nation(c) })
            }
        };
        let tpl = self.fresh(tpl);
        self.sentence(tpl, &roles, out);
        if matches!(kind, Kind::Pair | Kind::Both | Kind::Filler | Kind::Background) {
            self.last_subject = None;
        }
    }

    /// A template of `list` not used yet in this article (after a few tries, any).
    fn fresh(&mut self, list: &'static [&'static str]) -> &'static str {
        let mut tpl = self.rng.word(list);
        for _ in 0..4 {
            let key = tpl.as_ptr() as usize;
            if !self.used[..self.n_used].contains(&key) {
                if self.n_used < self.used.len() {
                    self.used[self.n_used] = key;
                    self.n_used += 1;
                }
                break;
            }
            tpl = self.rng.word(list);
        }
        tpl
    }

    /// An actor on side 0 (A), 1 (B) or 2 (C): its official or the country itself.
    fn side(&mut self, side: usize) -> Who {
        match side {
            0 => match self.rng.weighted(&[55, 30, 15]) {
                0 => Who::Person(0),
                1 => Who::Nation(self.nations[0]),
                _ => Who::Person(3),
            },
            1 => {
                if self.rng.chance(60) {
                    Who::Person(1)
                } else {
                    Who::Nation(self.nations[1])
                }
            }
            _ => {
                if self.rng.chance(35) {
                    Who::Person(2)
                } else {
                    Who::Nation(self.nations[2])
                }
            }
        }
    }

    fn nation_of(&self, who: Who) -> usize {
        match who {
            Who::Nation(n) => n,
            Who::Person(p) => self.people[p].nation,
            Who::Org => self.nations[0],
        }
    }

    /// Writes a sentence, separated from the previous one by a space.
    fn sentence(&mut self, tpl: &'static str, roles: &Roles, out: &mut String) {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push(' ');
        }
        let start = out.len();
        self.sentence_at(tpl, roles, out, start);
    }

    fn sentence_at(&mut self, tpl: &'static str, roles: &Roles, out: &mut String, start: usize) {
        self.sent_start = start;
        self.render(tpl, roles, out);
        capitalize_at(out, start);
    }

    /// Fills the slots of a template.
    fn render(&mut self, tpl: &'static str, roles: &Roles, out: &mut String) {
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("unclosed slot in a synth template");
            self.slot(&rest[open + 1..close], roles, out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }

    fn slot(&mut self, name: &str, roles: &Roles, out: &mut String) {
        let t = self.topic;
        let at_start = out.len() == self.sent_start;
        let w = self.w;
        match name {
            "S" => {
                self.mention(roles.s, Case::Subject, at_start, out);
                self.last_subject = Some(roles.s);
            }
            "O" => self.mention(roles.o, Case::Object, false, out),
            "X" => self.mention(roles.x, Case::Object, false, out),
            "S's" => self.mention(roles.s, Case::Possessive, false, out),
            "O's" => self.mention(roles.o, Case::Possessive, false, out),
            "X's" => self.mention(roles.x, Case::Possessive, false, out),
            "Sn" => out.push_str(&w.nations[self.nation_of(roles.s)].name),
            "On" => out.push_str(&w.nations[self.nation_of(roles.o)].name),
            "On's" => possessive(&w.nations[self.nation_of(roles.o)].name, out),
            "adjS" => out.push_str(&w.nations[self.nation_of(roles.s)].adj),
            "adjO" => out.push_str(&w.nations[self.nation_of(roles.o)].adj),
            "capS" => out.push_str(&w.nations[self.nation_of(roles.s)].capital),
            "capO" => out.push_str(&w.nations[self.nation_of(roles.o)].capital),
            "both" => {
                let leaders = TITLES[self.people[0].title].leader && TITLES[self.people[1].title].leader;
                out.push_str(if leaders { "the two leaders" } else { "the two ministers" });
            }
            "day" => {
                let back = self.rng.below(2) as i64;
                out.push_str(weekday(self.day - back));
            }
            "prov" => out.push_str(self.rng.word(t.prov)),
            "provp" => out.push_str(self.rng.word(t.provp)),
            "coop" => out.push_str(self.rng.word(t.coop)),
            "issue" => out.push_str(self.rng.word(t.issue)),
            "demand" => out.push_str(self.rng.word(t.demand)),
            "demand2" => {
                out.push_str(if self.rng.chance(50) { "continue as planned" } else { "defend the national interest" })
            }
            "target" => out.push_str(self.rng.word(t.target)),
            "accusation" => out.push_str(self.rng.word(ACCUSATION)),
            "praisefor" => out.push_str(self.rng.word(PRAISE_FOR)),
            "blamefor" => out.push_str(self.rng.word(BLAME_FOR)),
            "proposal" => out.push_str(self.rng.word(PROPOSAL)),
            "value" => out.push_str(self.rng.word(VALUE)),
            "congrat" => out.push_str(self.rng.word(CONGRAT)),
            "charac" => out.push_str(self.rng.word(CHARAC)),
            "num" => out.push_str(self.rng.word(NUMBERS)),
            "quarter" => out.push_str(self.rng.word(QUARTERS)),
            "month" => out.push_str(MONTHS[self.rng.below(12)]),
            "co" => out.push_str(self.rng.pick::<String>(&w.companies)),
            "updown" => out.push_str(if self.rng.chance(50) { "higher" } else { "lower" }),
            "updown2" => out.push_str(if self.rng.chance(50) { "up" } else { "down" }),
            "pct" => {
                let (i, f) = (self.rng.range(0, 9), self.rng.range(1, 9));
                let _ = write!(out, "{i}.{f}");
            }
            "price" => {
                let (i, f) = (self.rng.range(55, 115), self.rng.range(0, 99));
                let _ = write!(out, "{i}.{f:02}");
            }
            "bn" => {
                let (i, f) = (self.rng.range(2, 250), self.rng.range(0, 9));
                let _ = write!(out, "{i}.{f}");
            }
            "gold" => {
                let (i, f) = (self.rng.range(1150, 2450), self.rng.range(0, 99));
                let _ = write!(out, "{},{:03}.{f:02}", i / 1000, i % 1000);
            }
            "temp" => {
                let _ = write!(out, "{}", self.rng.range(18, 42));
            }
            "year" => {
                let _ = write!(out, "{}", self.rng.range(2001, 2014));
            }
            "year2" => {
                let _ = write!(out, "{}", self.rng.range(1950, 1995));
            }
            "clause" => {
                let tpl = self.rng.word(CLAUSES);
                self.render(tpl, roles, out);
            }
            "clause2" => out.push_str(self.rng.word(CLAUSES2)),
            "tail" => out.push_str(self.rng.word(TAILS)),
            "ctail" | "ptail" => {
                let special = if name == "ctail" { CONFLICT_TAILS } else { COOP_TAILS };
                let list = if self.rng.chance(40) { special } else { TAILS };
                out.push_str(self.rng.word(list));
            }
            "quote" => {
                let start = out.len();
                let tpl = self.fresh(QUOTES);
                self.render(tpl, roles, out);
                capitalize_at(out, start);
            }
            _ => panic!("unknown slot {{{name}}} in a synth template"),
        }
    }

    /// Writes a mention of an actor: full name first, then last name, role
    /// nominal or pronoun.
    fn mention(&mut self, who: Who, case: Case, at_start: bool, out: &mut String) {
        let w = self.w;
        match who {
            Who::Nation(n) => {
                let nation = &w.nations[n];
                if case == Case::Subject && nation.metonym && self.rng.chance(12) {
                    out.push_str(&nation.capital);
                } else if case == Case::Possessive {
                    possessive(&nation.name, out);
                } else {
                    out.push_str(&nation.name);
                }
            }
            Who::Org => {
                let org = &w.orgs[self.org];
                if case == Case::Possessive {
                    possessive(org, out);
                } else {
                    out.push_str(org);
                }
            }
            Who::Person(i) => {
                let p = self.people[i];
                let nation = &w.nations[p.nation];
                if !self.mentioned[i] {
                    self.mentioned[i] = true;
                    let _ = write!(out, "{} {} {} {}", nation.adj, p.title_cap, p.first, p.last);
                } else if case == Case::Subject && at_start && self.last_subject == Some(who) && self.rng.chance(45) {
                    out.push_str(if p.female { "she" } else { "he" });
                    return;
                } else if self.rng.chance(15) {
                    let _ = write!(out, "the {} {}", nation.adj, p.title_low);
                } else {
                    out.push_str(p.last);
                }
                if case == Case::Possessive {
                    out.push_str("'s");
                }
            }
        }
    }
}

/// Writes `name` in the possessive ("Japan's", "the Philippines'").
fn possessive(name: &str, out: &mut String) {
    out.push_str(name);
    out.push_str(if name.ends_with('s') { "'" } else { "'s" });
}

/// Uppercases the first letter at or after byte `start` (skipping an opening quote).
fn capitalize_at(s: &mut String, start: usize) {
    let Some((i, ch)) = s[start..].char_indices().find(|(_, c)| *c != '"') else { return };
    if ch.is_ascii_lowercase() {
        let i = start + i;
        let up = [ch.to_ascii_uppercase() as u8];
        s.replace_range(i..i + 1, std::str::from_utf8(&up).unwrap_or("?"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(|| Lexicon::builtin().expect("built-in lexicon"))
    }

    fn corpus(docs: u64, seed: u64) -> (Vec<u8>, u64) {
        let mut out = Vec::new();
        let bytes = write_corpus(lex(), &SynthOptions { docs, seed }, &mut out).expect("write to a Vec");
        (out, bytes)
    }

    #[test]
    fn same_seed_gives_identical_output() {
        let (a, na) = corpus(100, 7);
        let (b, nb) = corpus(100, 7);
        assert_eq!(a, b);
        assert_eq!(na, nb);
    }

    #[test]
    fn different_seeds_differ() {
        let (a, _) = corpus(20, 1);
        let (b, _) = corpus(20, 2);
        assert_ne!(a, b);
    }

    #[test]
    fn a_prefix_of_the_corpus_is_the_smaller_corpus() {
        let (small, _) = corpus(10, 42);
        let (large, _) = corpus(30, 42);
        assert!(large.starts_with(&small));
    }

    #[test]
    fn every_line_is_an_article() {
        let (out, bytes) = corpus(200, 42);
        let text = String::from_utf8(out).expect("UTF-8");
        let mut text_bytes = 0u64;
        let mut lines = 0;
        for (i, line) in text.lines().enumerate() {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            assert_eq!(v["id"], format!("synth-{}", i + 1));
            let title = v["title"].as_str().expect("title");
            assert!(!title.is_empty() && !title.contains('{'));
            let date = v["date"].as_str().expect("date");
            assert!(date.len() == 10 && date[..4].parse::<u32>().is_ok_and(|y| (2016..=2024).contains(&y)), "{date}");
            assert!(date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-', "{date}");
            let body = v["text"].as_str().expect("text");
            assert!(!body.contains('{') && !body.contains('}'), "{body}");
            let paragraphs = body.split("\n\n").filter(|p| !p.starts_with("(Reporting")).count();
            assert!((4..=10).contains(&paragraphs), "{paragraphs} paragraphs");
            text_bytes += body.len() as u64;
            lines += 1;
        }
        assert_eq!(lines, 200);
        assert_eq!(text_bytes, bytes);
        let avg = bytes / 200;
        assert!((1500..=4000).contains(&avg), "average article {avg} bytes");
    }

    #[test]
    fn dates_are_valid_calendar_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(FIRST_DAY), (2016, 1, 1));
        assert_eq!(civil_from_days(FIRST_DAY + 59), (2016, 2, 29));
        assert_eq!(weekday(FIRST_DAY), "Friday");
    }

    #[test]
    fn names_are_given_names_and_not_places() {
        let lex = lex();
        for n in CULTURES.iter().flat_map(|c| c.female.iter().chain(c.male)) {
            assert!(lex.given_name(n).is_some(), "{n} is not in the given-name lexicon");
        }
        for n in CULTURES.iter().flat_map(|c| c.last) {
            assert!(lex.place(n).is_none(), "{n} is a place");
            assert!(lex.find_surfaces(n).next().is_none(), "{n} is a gazetteer entry");
        }
    }

    #[test]
    fn thousands_of_people() {
        let w = World::new(lex());
        let mut people = std::collections::HashSet::new();
        for &n in &w.people_nations {
            for t in 0..TITLES.len() {
                for day in (FIRST_DAY..FIRST_DAY + DAY_SPAN as i64).step_by(365) {
                    let p = w.office_holder(42, n, t, day);
                    people.insert((p.first, p.last));
                }
            }
        }
        assert!(people.len() > 3000, "{} distinct people", people.len());
    }

    #[test]
    fn the_extractor_finds_relations_and_statements() {
        let (out, _) = corpus(50, 42);
        let text = String::from_utf8(out).expect("UTF-8");
        let (mut actors, mut relations, mut statements, mut people) = (0, 0, 0, 0);
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let ex = crate::extract::extract(v["id"].as_str().unwrap_or(""), v["text"].as_str().unwrap_or(""), lex());
            actors += ex.actors.len();
            people += ex.actors.iter().filter(|a| a.kind == crate::extract::ActorKind::Person).count();
            relations += ex.relations.len();
            statements += ex.statements.len();
        }
        assert!(actors > 200, "{actors} actors");
        assert!(people > 50, "{people} people");
        assert!(relations > 100, "{relations} relations");
        assert!(statements > 100, "{statements} statements");
    }
}
