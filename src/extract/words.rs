//! Closed word classes of English that the rules lean on in place of a
//! part-of-speech tagger: determiners, auxiliaries, pronouns, connectors of
//! names, and capitalised words that are not names.

/// Determiners and possessive pronouns that open a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "some",
    "any", "each", "every", "all", "both", "no", "another", "other", "such",
];

/// Auxiliaries and modals that may stand between a subject and its verb.
pub const AUXILIARIES: &[&str] = &[
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "do",
    "does",
    "did",
    "'s",
    "'ve",
    "'ll",
    "'d",
    "wo",
    "ca",
    "also",
    "has",
    "reportedly",
    "later",
    "then",
    "again",
    "once",
    "still",
    "already",
    "jointly",
    "separately",
    "now",
    "repeatedly",
    "previously",
    "personally",
    "publicly",
    "formally",
    "officially",
    "recently",
    "further",
    "even",
    "just",
    "first",
    "last",
    "strongly",
    "firmly",
    "swiftly",
    "quickly",
    "sharply",
    "immediately",
    "soon",
    "eventually",
    "ultimately",
    "finally",
    // Negative contractions are one token.
    "don't",
    "don’t",
    "doesn't",
    "doesn’t",
    "didn't",
    "didn’t",
    "won't",
    "won’t",
    "can't",
    "can’t",
    "isn't",
    "isn’t",
    "aren't",
    "aren’t",
    "wasn't",
    "wasn’t",
    "weren't",
    "weren’t",
    "hasn't",
    "hasn’t",
    "haven't",
    "haven’t",
    "hadn't",
    "hadn’t",
    "wouldn't",
    "wouldn’t",
    "shouldn't",
    "shouldn’t",
    "couldn't",
    "couldn’t",
    "mustn't",
    "mustn’t",
];

/// Words that negate a verb.
pub const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "cannot"];

/// Days and months: capitalised, never names of actors here.
pub const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
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
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// Function and common words that start sentences capitalised but never
/// begin a name.
pub const COMMON_CAPITALIZED: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "With",
    "Without",
    "To",
    "Of",
    "As",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "While",
    "When",
    "Where",
    "Why",
    "How",
    "What",
    "Which",
    "Who",
    "Whose",
    "If",
    "Although",
    "Though",
    "Because",
    "But",
    "And",
    "Or",
    "Nor",
    "So",
    "Yet",
    "Also",
    "However",
    "Meanwhile",
    "Moreover",
    "Furthermore",
    "Still",
    "Instead",
    "Then",
    "Now",
    "Later",
    "Earlier",
    "Last",
    "Next",
    "Both",
    "All",
    "Some",
    "Many",
    "Most",
    "Few",
    "Several",
    "Such",
    "Other",
    "Another",
    "Each",
    "Every",
    "No",
    "Not",
    "There",
    "Here",
    "Under",
    "Over",
    "About",
    "Against",
    "Among",
    "Amid",
    "Between",
    "Through",
    "Into",
    "Despite",
    "Regarding",
    "Including",
    "According",
    "Asked",
    "Speaking",
    "Separately",
    "Elsewhere",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Tonight",
    "Following",
    "Referring",
    "In addition",
    "Further",
    "Even",
    "Only",
    "Just",
    "Once",
    "Like",
    "Unlike",
    "Along",
    "Around",
    "Across",
    "Above",
    "Below",
    "Within",
    "Toward",
    "Towards",
    "Upon",
    "Via",
    "Per",
    "Mr",
    "Mrs",
    "Ms",
    "Sources",
    "Officials",
    "Analysts",
    "Experts",
    "Critics",
    "Related",
    "Reporting",
    "Editing",
    "Writing",
    "Additional",
    "Photo",
    "Video",
    "Read",
    "See",
    "Click",
    "Copyright",
    "Updated",
    "Posted",
    "First",
    "Second",
    "Third",
    "Former",
    "New",
    "Old",
    "Top",
    "Senior",
    "Chief",
    "Deputy",
    "Acting",
    "Interim",
];

/// Lowercase particles inside a person's name ("Osama bin Laden",
/// "Charles de Gaulle", "Ursula von der Leyen").
pub const NAME_PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van",
    "von", "der", "den", "ben", "abu",
];

/// Head words that make a capitalised phrase an organisation.
pub const ORG_HEADS: &[&str] = &[
    "Ministry",
    "Department",
    "Commission",
    "Council",
    "Party",
    "Agency",
    "Bank",
    "Court",
    "Union",
    "Association",
    "Committee",
    "Office",
    "Institute",
    "University",
    "Corporation",
    "Corp.",
    "Inc.",
    "Ltd.",
    "Ltd",
    "Inc",
    "Corp",
    "LLC",
    "Plc",
    "PLC",
    "AG",
    "SA",
    "Group",
    "Company",
    "Co.",
    "Forces",
    "Army",
    "Navy",
    "Authority",
    "Organization",
    "Organisation",
    "Foundation",
    "Fund",
    "Service",
    "Bureau",
    "Tribunal",
    "Parliament",
    "Assembly",
    "Senate",
    "Congress",
    "Administration",
    "Board",
    "Federation",
    "League",
    "Alliance",
    "Front",
    "Movement",
    "Coalition",
    "Secretariat",
    "Directorate",
    "Center",
    "Centre",
    "Network",
    "Times",
    "Post",
    "News",
    "Journal",
    "Press",
    "Guard",
    "Police",
    "Airlines",
    "Motors",
    "Holdings",
    "Industries",
    "Technologies",
    "Systems",
    "Exchange",
    "Reserve",
    "Program",
    "Programme",
    "Mission",
    "Command",
    "Cabinet",
    "Chamber",
    "Embassy",
    "Consulate",
    "Commissioner",
    "Co",
    "Cos",
    "Trust",
    "Bancorp",
    "Partners",
];

/// Personal pronouns by the antecedent they take.
pub const SINGULAR_PRONOUNS: &[&str] = &["he", "him", "his", "she", "her", "hers", "himself", "herself"];
/// Plural personal pronouns.
pub const PLURAL_PRONOUNS: &[&str] = &["they", "them", "their", "themselves"];

/// A static word list as a case-insensitive set, built on first use: the
/// lists asked about for nearly every token are looked up here, not scanned.
pub struct WordSet {
    words: &'static [&'static str],
    set: std::sync::OnceLock<rustc_hash::FxHashSet<String>>,
}

impl WordSet {
    /// A set over `words` (not built until first asked).
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet { words, set: std::sync::OnceLock::new() }
    }

    /// Whether `w` is in the set, ignoring ASCII case.
    pub fn contains(&self, w: &str) -> bool {
        contains_ascii_lowercase(
            self.set.get_or_init(|| self.words.iter().map(|x| x.to_ascii_lowercase()).collect()),
            w,
        )
    }
}

/// Whether a set of lowercase words holds `w` ignoring ASCII case.
fn contains_ascii_lowercase(set: &rustc_hash::FxHashSet<String>, w: &str) -> bool {
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return set.contains(w);
    }
    // Lowercase short words on the stack: no allocation per lookup.
    let mut buf = [0u8; 48];
    match buf.get_mut(..w.len()) {
        Some(b) => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            std::str::from_utf8(b).is_ok_and(|l| set.contains(l))
        }
        None => set.contains(&w.to_ascii_lowercase()),
    }
}

/// [`AUXILIARIES`] as a set.
pub static AUXILIARY_SET: WordSet = WordSet::new(AUXILIARIES);
/// [`DETERMINERS`] as a set.
pub static DETERMINER_SET: WordSet = WordSet::new(DETERMINERS);
/// [`CALENDAR`] as a set.
pub static CALENDAR_SET: WordSet = WordSet::new(CALENDAR);

/// True for `w` in `list`, ignoring ASCII case.
///
/// Short lists are scanned; long ones are looked up in a lowercase set built
/// once per thread and list (these lookups run for nearly every token).
#[inline(always)]
pub fn is_in(list: &'static [&'static str], w: &str) -> bool {
    if list.len() <= 12 {
        // Inlined, the lengths of a constant list are known: most words are
        // rejected by a length comparison alone.
        return list.iter().any(|x| x.len() == w.len() && x.eq_ignore_ascii_case(w));
    }
    is_in_set(list, w)
}

fn is_in_set(list: &'static [&'static str], w: &str) -> bool {
    thread_local! {
        static SETS: std::cell::RefCell<rustc_hash::FxHashMap<(usize, usize), rustc_hash::FxHashSet<String>>> = Default::default();
    }
    SETS.with(|sets| {
        let mut sets = sets.borrow_mut();
        let set = sets
            .entry((list.as_ptr() as usize, list.len()))
            .or_insert_with(|| list.iter().map(|x| x.to_ascii_lowercase()).collect());
        contains_ascii_lowercase(set, w)
    })
}

/// Whether a lowercase word reads as a verb: a form in the relation verb
/// lexicon, a past form ("-ed") of any WordNet verb, or a word WordNet
/// knows mainly as a verb ("try", "seek", "go").
pub fn is_verb_form(lex: &crate::lexicon::Lexicon, w: &str) -> bool {
    if !lex.verb(w).is_empty() {
        return true;
    }
    let pos = crate::lexicon::pos::PosLexicon::builtin();
    if w.ends_with("ed") { pos.can_be_verb(w) } else { pos.is_mainly_verb(w) }
}

/// "doesn't", "won’t": a negated auxiliary in one token.
pub fn is_negative_contraction(w: &str) -> bool {
    w.ends_with("n't") || w.ends_with("n’t")
}

/// The closed word lists a word belongs to, one bit per list, for the lists
/// the rules ask about nearly every token.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Lists(u32);

impl Lists {
    /// [`DETERMINERS`].
    pub const DETERMINER: Lists = Lists(1 << 0);
    /// [`AUXILIARIES`].
    pub const AUXILIARY: Lists = Lists(1 << 1);
    /// [`NEGATIONS`].
    pub const NEGATION: Lists = Lists(1 << 2);
    /// [`CALENDAR`].
    pub const CALENDAR: Lists = Lists(1 << 3);
    /// [`COMMON_CAPITALIZED`].
    pub const COMMON_CAPITALIZED: Lists = Lists(1 << 4);
    /// [`NAME_PARTICLES`].
    pub const NAME_PARTICLE: Lists = Lists(1 << 5);
    /// [`ORG_HEADS`].
    pub const ORG_HEAD: Lists = Lists(1 << 6);
    /// [`NOT_PERSON`].
    pub const NOT_PERSON: Lists = Lists(1 << 7);
    /// Words that may open a mention in lowercase (`mentions::REFERENCE_STARTS`).
    pub const REFERENCE_START: Lists = Lists(1 << 8);
    /// Region adjectives (`mentions::REGION_ADJECTIVES`).
    pub const REGION_ADJECTIVE: Lists = Lists(1 << 9);
    /// Words that never continue a compound noun (`mentions::FUNCTION_WORDS`).
    pub const FUNCTION_WORD: Lists = Lists(1 << 10);
    /// Legal suffixes of company names (`mentions::COMPANY_SUFFIXES`).
    pub const COMPANY_SUFFIX: Lists = Lists(1 << 11);
    /// Modifiers between an affiliation and a group (`mentions::GROUP_MODIFIERS`).
    pub const GROUP_MODIFIER: Lists = Lists(1 << 12);
    /// Adjectives of unnamed officials (`mentions::OFFICIAL_ADJECTIVES`).
    pub const OFFICIAL_ADJECTIVE: Lists = Lists(1 << 13);
    /// Plural nouns for sets of countries (`mentions::COUNTRY_SETS`).
    pub const COUNTRY_SET: Lists = Lists(1 << 14);
    /// Words that open a group of the story's own country
    /// (`mentions::DOMESTIC_MODIFIERS`, `mentions::CROWD_COUNTS`).
    pub const DOMESTIC_START: Lists = Lists(1 << 15);
    /// `mentions::ROLE_PREFIXES`.
    pub const ROLE_PREFIX: Lists = Lists(1 << 16);
    /// `mentions::FOLLOWERS`.
    pub const FOLLOWER: Lists = Lists(1 << 17);
    /// `mentions::REGION_FIRST_WORDS`.
    pub const REGION_FIRST: Lists = Lists(1 << 18);

    /// Whether any of the lists in `l` holds the word.
    pub fn has(self, l: Lists) -> bool {
        self.0 & l.0 != 0
    }

    /// Every list with its bit, for the lexicon to file the words under.
    pub fn all() -> [(&'static [&'static str], Lists); 20] {
        [
            (DETERMINERS, Lists::DETERMINER),
            (AUXILIARIES, Lists::AUXILIARY),
            (NEGATIONS, Lists::NEGATION),
            (CALENDAR, Lists::CALENDAR),
            (COMMON_CAPITALIZED, Lists::COMMON_CAPITALIZED),
            (NAME_PARTICLES, Lists::NAME_PARTICLE),
            (ORG_HEADS, Lists::ORG_HEAD),
            (NOT_PERSON, Lists::NOT_PERSON),
            (super::mentions::REFERENCE_STARTS, Lists::REFERENCE_START),
            (super::mentions::REGION_ADJECTIVES, Lists::REGION_ADJECTIVE),
            (super::mentions::FUNCTION_WORDS, Lists::FUNCTION_WORD),
            (super::mentions::COMPANY_SUFFIXES, Lists::COMPANY_SUFFIX),
            (super::mentions::GROUP_MODIFIERS, Lists::GROUP_MODIFIER),
            (super::mentions::OFFICIAL_ADJECTIVES, Lists::OFFICIAL_ADJECTIVE),
            (super::mentions::COUNTRY_SETS, Lists::COUNTRY_SET),
            (super::mentions::DOMESTIC_MODIFIERS, Lists::DOMESTIC_START),
            (super::mentions::CROWD_COUNTS, Lists::DOMESTIC_START),
            (super::mentions::ROLE_PREFIXES, Lists::ROLE_PREFIX),
            (super::mentions::FOLLOWERS, Lists::FOLLOWER),
            (super::mentions::REGION_FIRST_WORDS, Lists::REGION_FIRST),
        ]
    }

    /// The union of two sets of lists.
    pub fn with(self, other: Lists) -> Lists {
        Lists(self.0 | other.0)
    }
}

/// What the rules ask about one token, read once when the sentence is split:
/// its lexicon entry, its word lists and the shape of its first letter.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Feat {
    /// The lexicon entry of the word, case-insensitively.
    pub entry: Option<crate::lexicon::WordId>,
    /// The word lists that hold it.
    pub lists: Lists,
    shape: u16,
}

impl Feat {
    const LOWER: u16 = 1 << 0;
    const UPPER: u16 = 1 << 1;
    const NAME: u16 = 1 << 2;
    const VERB: u16 = 1 << 3;
    const NOUN: u16 = 1 << 4;
    const GROUP: u16 = 1 << 5;
    const TITLE: u16 = 1 << 6;
    const TITLE_START: u16 = 1 << 7;
    const GAZETTEER: u16 = 1 << 8;

    /// The flags that follow from a lexicon entry alone, stored in the
    /// entry when the lexicon is built.
    pub fn entry_flags(e: &crate::lexicon::WordEntry) -> u16 {
        let mut shape = 0;
        for (bit, on) in [
            (Feat::VERB, !e.verbs.is_empty()),
            (Feat::NOUN, !e.nouns.is_empty()),
            (Feat::GROUP, e.group.is_some()),
            (Feat::TITLE, e.title.is_some()),
            (Feat::TITLE_START, e.title_words > 0),
            (Feat::GAZETTEER, !e.gazetteer.is_empty()),
        ] {
            if on {
                shape |= bit;
            }
        }
        shape
    }

    /// The features of token text `w`.
    pub fn of(w: &str, lex: &crate::lexicon::Lexicon) -> Feat {
        let entry = lex.lookup(w);
        let ascii = w.is_ascii();
        let (mut shape, mut lists) = entry.map_or((0, Lists::default()), |e| {
            let e = lex.entry(e);
            (e.flags, e.lists)
        });
        // Word lists ignore ASCII case only, as `is_in` does; for ASCII words
        // that is the lexicon's (Unicode) lowercase too.
        if !ascii {
            lists = lex.lookup_ascii(w).map(|e| lex.entry(e).lists).unwrap_or_default();
        }
        let (lower, upper) = match w.as_bytes().first() {
            Some(b) if b.is_ascii() => (b.is_ascii_lowercase(), b.is_ascii_uppercase()),
            Some(_) => w.chars().next().map_or((false, false), |c| (c.is_lowercase(), c.is_uppercase())),
            None => (false, false),
        };
        if lower {
            shape |= Feat::LOWER;
        }
        if upper {
            shape |= Feat::UPPER;
        }
        // Whether the word can be part of a person's name.
        let name = upper
            && w.chars().any(char::is_alphabetic)
            && !lists.has(Lists::CALENDAR)
            && !lists.has(Lists::COMMON_CAPITALIZED)
            && !lists.has(Lists::NOT_PERSON)
            && !lists.has(Lists::ORG_HEAD)
            && shape & Feat::TITLE == 0
            && !(w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c == '.') && w.len() <= 5 && w.contains('.'));
        if name {
            shape |= Feat::NAME;
        }
        Feat { entry, lists, shape }
    }

    /// Senses of the word as a verb: `lex.verb(word)`.
    pub fn verbs<'l>(&self, lex: &'l crate::lexicon::Lexicon) -> &'l [crate::lexicon::VerbSense] {
        // The flag answers most words without reading their (large) entry.
        if !self.verb() {
            return &[];
        }
        self.entry.map_or(&[], |e| &lex.entry(e).verbs)
    }

    /// Senses of the word as an action noun: `lex.noun(word)`.
    pub fn nouns<'l>(&self, lex: &'l crate::lexicon::Lexicon) -> &'l [crate::lexicon::ActionNoun] {
        if !self.noun() {
            return &[];
        }
        self.entry.map_or(&[], |e| &lex.entry(e).nouns)
    }

    /// Whether a list of `l` holds the word.
    pub fn is(&self, l: Lists) -> bool {
        self.lists.has(l)
    }
    /// The first letter is lowercase.
    pub fn lower(&self) -> bool {
        self.shape & Feat::LOWER != 0
    }
    /// The first letter is uppercase.
    pub fn upper(&self) -> bool {
        self.shape & Feat::UPPER != 0
    }
    /// The word can be part of a person's name: capitalised, and no
    /// calendar, common, event, organisation-head or title word.
    pub fn name(&self) -> bool {
        self.shape & Feat::NAME != 0
    }
    /// The word is a known verb form.
    pub fn verb(&self) -> bool {
        self.shape & Feat::VERB != 0
    }
    /// The word is a known action noun.
    pub fn noun(&self) -> bool {
        self.shape & Feat::NOUN != 0
    }
    /// The word is a group head noun.
    pub fn group(&self) -> bool {
        self.shape & Feat::GROUP != 0
    }
    /// The word alone is a title.
    pub fn title(&self) -> bool {
        self.shape & Feat::TITLE != 0
    }
    /// Some title starts with the word.
    pub fn title_start(&self) -> bool {
        self.shape & Feat::TITLE_START != 0
    }
    /// Some gazetteer surface starts with the word, in some case.
    pub fn gazetteer_start(&self) -> bool {
        self.shape & Feat::GAZETTEER != 0
    }
}

/// True for words ending in -ly (adverbs) that may sit between subject and verb.
pub fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// Gender of a singular pronoun.
pub fn pronoun_gender(w: &str) -> Option<char> {
    match w.to_ascii_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some('m'),
        "she" | "her" | "hers" | "herself" => Some('f'),
        _ => None,
    }
}

/// Capitalised words that show a name is no person's: events, documents,
/// places and programmes ("World War II", "Kerch Strait", "Paris Agreement").
pub const NOT_PERSON: &[&str] = &[
    "War",
    "Wars",
    "Day",
    "Games",
    "Cup",
    "Olympics",
    "Summit",
    "Conference",
    "Forum",
    "Constitution",
    "Act",
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Convention",
    "Protocol",
    "Declaration",
    "Charter",
    "Resolution",
    "Strait",
    "Straits",
    "Sea",
    "Ocean",
    "River",
    "Lake",
    "Island",
    "Islands",
    "Mountain",
    "Mountains",
    "Peninsula",
    "Gulf",
    "Bay",
    "Province",
    "Region",
    "City",
    "County",
    "District",
    "Street",
    "Square",
    "Airport",
    "Port",
    "Bridge",
    "Canal",
    "Desert",
    "Valley",
    "Coast",
    "Zone",
    "Crisis",
    "Election",
    "Elections",
    "Prize",
    "Award",
    "Festival",
    "Plan",
    "Initiative",
    "Road",
    "Avenue",
    "Park",
    "Hall",
    "Palace",
    "Hospital",
    "School",
    "Stadium",
    "Church",
    "Mosque",
    "Temple",
    "Cathedral",
    "Basin",
    "Delta",
    "Plateau",
    "Highway",
    "Railway",
    "Line",
    "Corridor",
    "Pipeline",
    "Project",
    "Index",
    "Law",
    "Code",
    "Report",
    "Week",
    "Year",
    "Era",
    "Revolution",
    "Spring",
    "Uprising",
    "Massacre",
    "Rate",
    "Rates",
    "Operation",
    "Democrats",
    "Republicans",
    "Socialists",
    "Conservatives",
    "Liberals",
    "Centrists",
    "Communists",
    "Exchanges",
    "Affairs",
    "Campaign",
    "Pact",
    "Deal",
    "Doctrine",
    "Strategy",
    "Policy",
    "Dialogue",
    "Talks",
    "Round",
    "Framework",
    "Communist",
    "Socialist",
    "Democratic",
    "Republican",
    "Christian",
    "Muslim",
    "Islamic",
    "Catholic",
    "Orthodox",
    "Jewish",
    "Buddhist",
    "Hindu",
    "Sunni",
    "Shiite",
    "Shia",
    "Kurdish",
    "Arab",
    "African",
    "Asian",
    "European",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Central",
    "Pacific",
    "Atlantic",
    "Indian",
    "Middle",
    "East",
    "West",
    "North",
    "South",
    "International",
    "National",
    "Federal",
    "Royal",
    "General",
    "Global",
    "United",
    "World",
];
