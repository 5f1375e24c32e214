//! Lexicons: countries, organisations, titles, group nouns, verbs and action
//! nouns, compiled into the binary from `data/lexicon/*.csv` and extendable
//! at run time with user files of the same columns (`--lexicon FILE`).
//!
//! The gazetteer part (countries and organisations) is matched on tokens:
//! each surface is filed under the lexicon entry of its first word, so the
//! one lookup every token gets anyway also finds the surfaces it may start.

pub mod pos;

use rustc_hash::FxHashMap as HashMap;
use std::path::PathBuf;

use crate::extract::ActorKind;
use crate::text::Token;

const COUNTRIES: &str = include_str!("../data/lexicon/countries.csv");
const ORGANIZATIONS: &str = include_str!("../data/lexicon/organizations.csv");
const TITLES: &str = include_str!("../data/lexicon/titles.csv");
const GROUPS: &str = include_str!("../data/lexicon/groups.csv");
const VERBS: &str = include_str!("../data/lexicon/verbs.csv");
const NOUNS: &str = include_str!("../data/lexicon/nouns.csv");
const PLACES: &str = include_str!("../data/lexicon/places.csv");
const GIVEN_NAMES: &str = include_str!("../data/lexicon/given_names.csv");

/// An error in a lexicon file: which file, which line, what is wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    /// The file could not be read.
    #[error("cannot read lexicon {path}: {source}")]
    Io {
        /// The lexicon file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A row or header is malformed.
    #[error("lexicon {file}:{line}: {message}")]
    Invalid {
        /// File name (or the built-in lexicon's name).
        file: String,
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
}

/// A country as the gazetteer knows it.
#[derive(Debug, Clone)]
pub struct Country {
    /// Common English short name ("North Korea").
    pub name: String,
    /// Demonym adjectives ("North Korean").
    pub adjectives: Vec<String>,
    /// World region ("Asia"), for "the Asian country".
    pub region: String,
    /// The dotted abbreviation newswire writes for it ("U.S."), if any.
    pub abbreviation: Option<String>,
}

/// An organisation as the gazetteer knows it.
#[derive(Debug, Clone)]
pub struct Organization {
    /// Full canonical name.
    pub name: String,
    /// The country it belongs to, if national.
    pub country: Option<String>,
}

/// How a surface form refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurfaceForm {
    /// The canonical name itself.
    Name,
    /// Another name or abbreviation.
    Variant,
    /// A demonym adjective ("Japanese").
    Adjective,
    /// A plural demonym ("Americans").
    Plural,
    /// A capital or seat of power ("Pyongyang", "the Kremlin").
    Capital,
}

/// What a gazetteer surface form points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Index into [`Lexicon::countries`].
    Country(usize),
    /// Index into [`Lexicon::organizations`].
    Organization(usize),
}

/// One string the gazetteer matches.
#[derive(Debug, Clone)]
pub struct Surface {
    /// The exact surface text.
    pub text: String,
    /// The actor it names.
    pub target: Target,
    /// How it names it.
    pub form: SurfaceForm,
}

/// Class of a title or role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// Canonical lowercase title ("defense minister").
    pub canonical: String,
    /// Class from `titles.csv` (head_of_state, minister, business...).
    pub class: String,
    /// `m`, `f` or empty.
    pub gender: String,
}

impl Title {
    /// Whether the title marks a leader, for "the two leaders".
    pub fn is_leader(&self) -> bool {
        matches!(self.class.as_str(), "head_of_state" | "head_of_government" | "royal")
    }
    /// Whether the title is a mere honorific (Mr., Dr.) that names no role.
    pub fn is_honorific(&self) -> bool {
        self.class == "other"
    }
}

/// A collective head noun ("lawmakers", "troops").
#[derive(Debug, Clone)]
pub struct GroupNoun {
    /// Plural form.
    pub plural: String,
    /// Class from `groups.csv`.
    pub class: String,
}

/// Whether a verb reports speech, names an interaction, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// Introduces reported content only (say, add).
    Speech,
    /// An act between two actors (condemn, meet).
    Interaction,
    /// Either (tell, warn, urge).
    Both,
}

/// One sense of a verb.
#[derive(Debug, Clone)]
pub struct VerbSense {
    /// Base form.
    pub lemma: String,
    /// Particle or preposition that selects this sense, possibly several words.
    pub particle: Vec<String>,
    /// CAMEO code (root or finer).
    pub cameo: String,
    /// Speech, interaction or both.
    pub class: VerbClass,
    /// "X and Y <verb>" is mutual.
    pub symmetric: bool,
    /// The verb negates its complement (refuse, decline).
    pub negative: bool,
}

/// A noun that names an action ("talks", "abduction").
#[derive(Debug, Clone)]
pub struct ActionNoun {
    /// Predicate written into the relation ("talk with").
    pub predicate: String,
    /// Prepositions introducing the other participant.
    pub particles: Vec<String>,
    /// CAMEO code.
    pub cameo: String,
    /// Mutual relation.
    pub symmetric: bool,
}

/// Lowercase words and phrases to their entries. Keys of up to 15 bytes are
/// packed with their length into one integer: most lookups then hash and
/// compare one number instead of a byte string.
#[derive(Default)]
struct WordIndex {
    /// Keys of up to 7 bytes, most words of running text: a table of 16-byte
    /// buckets stays in cache where one of 32-byte buckets does not.
    tiny: std::collections::HashMap<u64, WordId, std::hash::BuildHasherDefault<KeyHasher>>,
    short: std::collections::HashMap<u128, WordId, std::hash::BuildHasherDefault<KeyHasher>>,
    long: HashMap<Box<[u8]>, WordId>,
}

/// The ASCII lowercase of 16 packed ASCII bytes, all at once: a byte gets
/// 0x20 added when it lies in `A..=Z`. The length byte of a packed key is
/// below `A` and stays.
fn ascii_lowercase(x: u128) -> u128 {
    const ONES: u128 = u128::from_le_bytes([1; 16]);
    // Bytes are below 0x80, so no addition carries into the next byte.
    let ge_a = x + ONES * (0x80 - u128::from(b'A'));
    let gt_z = x + ONES * (0x7f - u128::from(b'Z'));
    let upper = ge_a & !gt_z & (ONES * 0x80);
    x | (upper >> 2)
}

/// Hashes a packed key with one folded multiplication (the general-purpose
/// hashers take a u128 as 16 separate bytes).
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u64(&mut self, v: u64) {
        let m = u128::from(v ^ 0x2d35_8dcc_aa6c_78a5) * 0x8bb8_4b93_962e_acc9;
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }

    fn write_u128(&mut self, v: u128) {
        let m = u128::from((v as u64) ^ 0x2d35_8dcc_aa6c_78a5) * u128::from(((v >> 64) as u64) ^ 0x8bb8_4b93_962e_acc9);
        self.0 = (m as u64) ^ ((m >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordIndex {
    /// The bytes of a key shorter than 16 bytes, zero-padded, with the
    /// length in the last byte (so "a" and "a\0" differ).
    fn pack(b: &[u8]) -> u128 {
        let n = b.len();
        debug_assert!(n < 16);
        // Two overlapping loads cover the word; bytes they share are equal,
        // so OR-ing them in place is exact and costs no byte loop.
        let bytes = match n {
            8.. => {
                let head = u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                let tail = u64::from_le_bytes([
                    b[n - 8],
                    b[n - 7],
                    b[n - 6],
                    b[n - 5],
                    b[n - 4],
                    b[n - 3],
                    b[n - 2],
                    b[n - 1],
                ]);
                u128::from(head) | u128::from(tail) << (8 * (n - 8))
            }
            4.. => {
                let head = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                let tail = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
                u128::from(head) | u128::from(tail) << (8 * (n - 4))
            }
            _ => b.iter().rev().fold(0u128, |k, &x| k << 8 | u128::from(x)),
        };
        bytes | (n as u128) << 120
    }

    /// A packed key of fewer than 8 bytes in 64 bits: the word's bytes, and
    /// its length in the top byte, which such a word leaves free.
    fn tiny(packed: u128) -> u64 {
        packed as u64 | ((packed >> 120) as u64) << 56
    }

    /// The entry under a packed key (see [`WordIndex::pack`]).
    fn get_packed(&self, packed: u128) -> Option<WordId> {
        if packed >> 120 < 8 { self.tiny.get(&Self::tiny(packed)) } else { self.short.get(&packed) }.copied()
    }

    fn get(&self, b: &[u8]) -> Option<WordId> {
        if b.len() < 16 { self.get_packed(Self::pack(b)) } else { self.long.get(b).copied() }
    }

    fn get_or_insert(&mut self, b: &[u8], new: impl FnOnce() -> WordId) -> WordId {
        if b.len() < 8 {
            *self.tiny.entry(Self::tiny(Self::pack(b))).or_insert_with(new)
        } else if b.len() < 16 {
            *self.short.entry(Self::pack(b)).or_insert_with(new)
        } else {
            *self.long.entry(b.into()).or_insert_with(new)
        }
    }
}

/// Handle of a [`WordEntry`] in its [`Lexicon`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordId(u32);

/// What the lexicons file under one lowercase word or phrase.
#[derive(Debug, Clone, Default)]
pub struct WordEntry {
    /// Verb senses of it as a verb form.
    pub verbs: Vec<VerbSense>,
    /// Senses of it as an action noun.
    pub nouns: Vec<ActionNoun>,
    /// It as a group head noun.
    pub group: Option<GroupNoun>,
    /// The title it spells.
    pub title: Option<Title>,
    /// Words in the longest title it starts; 0 when it starts none.
    pub title_words: usize,
    /// The closed word lists of the extraction rules that hold it, filed
    /// here (under the ASCII lowercase) so that one lookup answers all.
    pub(crate) lists: crate::extract::words::Lists,
    /// What the above says of a token spelled so, as the token features
    /// of the extraction rules keep it.
    pub(crate) flags: u16,
    /// Gazetteer surfaces whose first token is this word in some case,
    /// longest first: the first that matches is the leftmost-longest match.
    pub(crate) gazetteer: Vec<Candidate>,
}

/// A gazetteer surface a word may start, with its first bytes at hand: most
/// candidates of a common first word ("U.S.", "the", "Republic") differ from
/// the text within 16 bytes, and are told apart without reading the surface.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    /// The first 16 bytes of the surface, little-endian, zero-padded.
    head: u128,
    /// Ones over the bytes of `head` that are the surface's.
    mask: u128,
    /// Index into [`Lexicon::surfaces`].
    surface: u32,
}

impl Candidate {
    fn new(text: &str, surface: u32) -> Candidate {
        let n = text.len().min(16);
        let mut head = [0u8; 16];
        head[..n].copy_from_slice(&text.as_bytes()[..n]);
        let mask = if n == 16 { u128::MAX } else { (1u128 << (8 * n)) - 1 };
        Candidate { head: u128::from_le_bytes(head), mask, surface }
    }

    /// Whether the surface may start at `head`, the 16 bytes of the text
    /// from the token on with line breaks and tabs read as spaces.
    fn may_match(&self, head: u128) -> bool {
        head & self.mask == self.head
    }
}

/// All lexicons, ready for matching.
pub struct Lexicon {
    /// Countries, in file order.
    pub countries: Vec<Country>,
    /// Organisations, in file order.
    pub organizations: Vec<Organization>,
    /// Gazetteer surfaces, each text once (the last definition wins).
    pub surfaces: Vec<Surface>,
    /// Every lowercase word or phrase a title, group, verb or noun is filed
    /// under: one hash lookup answers all four questions for a token.
    index: WordIndex,
    entries: Vec<WordEntry>,
    max_title_words: usize,
    country_by_name: HashMap<String, usize>,
    places: HashMap<String, String>,
    given_names: HashMap<String, char>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("countries", &self.countries.len())
            .field("organizations", &self.organizations.len())
            .field("surfaces", &self.surfaces.len())
            .field("titles", &self.entries.iter().filter(|e| e.title.is_some()).count())
            .field("verbs", &self.entries.iter().filter(|e| !e.verbs.is_empty()).count())
            .finish_non_exhaustive()
    }
}

/// Which lexicon a CSV file extends, told by its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Countries,
    Organizations,
    Titles,
    Groups,
    Verbs,
    Nouns,
    Places,
    GivenNames,
}

impl Table {
    fn from_header(header: &csv::StringRecord) -> Option<Table> {
        let cols: Vec<&str> = header.iter().map(str::trim).collect();
        Some(match cols.as_slice() {
            ["name", "variants", "adjective", "plural", "capitals", "region"] => Table::Countries,
            ["name", "variants", "kind", "country"] => Table::Organizations,
            ["title", "variants", "class", "gender"] => Table::Titles,
            ["noun", "singular", "class"] => Table::Groups,
            ["lemma", "forms", "particle", "cameo", "class", "symmetric", "polarity"] => Table::Verbs,
            ["noun", "forms", "predicate", "particle", "cameo", "symmetric"] => Table::Nouns,
            ["name", "kind"] => Table::Places,
            ["name", "gender"] => Table::GivenNames,
            _ => return None,
        })
    }
}

/// Splits a pipe-separated cell into its non-empty values.
fn multi(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// Raw rows gathered from the built-in and user files before indexing.
#[derive(Default)]
struct Builder {
    countries: Vec<Country>,
    organizations: Vec<Organization>,
    surfaces: Vec<Surface>,
    titles: HashMap<String, Title>,
    groups: HashMap<String, GroupNoun>,
    verbs: HashMap<String, Vec<VerbSense>>,
    nouns: HashMap<String, Vec<ActionNoun>>,
    places: HashMap<String, String>,
    given_names: HashMap<String, char>,
}

impl Builder {
    fn load(&mut self, file: &str, data: &str) -> Result<(), LexiconError> {
        let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(data.as_bytes());
        let invalid = |line: u64, message: String| LexiconError::Invalid { file: file.to_string(), line, message };
        let header = reader.headers().map_err(|e| invalid(1, e.to_string()))?.clone();
        let table = Table::from_header(&header).ok_or_else(|| {
            invalid(
                1,
                format!(
                    "unknown header `{}`: expected the columns of one of the data/lexicon/*.csv files",
                    header.iter().collect::<Vec<_>>().join(",")
                ),
            )
        })?;
        for row in reader.records() {
            let row = row.map_err(|e| invalid(e.position().map_or(0, |p| p.line()), e.to_string()))?;
            let line = row.position().map_or(0, |p| p.line());
            let get = |i: usize| row.get(i).unwrap_or("").trim();
            match table {
                Table::Countries => {
                    let idx = self.countries.len();
                    let name = get(0).to_string();
                    if name.is_empty() {
                        return Err(invalid(line, "empty country name".into()));
                    }
                    let target = Target::Country(idx);
                    self.surface(&name, target, SurfaceForm::Name);
                    for v in multi(get(1)) {
                        self.surface(v, target, SurfaceForm::Variant);
                    }
                    for v in multi(get(2)) {
                        self.surface(v, target, SurfaceForm::Adjective);
                    }
                    for v in multi(get(3)) {
                        self.surface(v, target, SurfaceForm::Plural);
                    }
                    for v in multi(get(4)) {
                        self.surface(v, target, SurfaceForm::Capital);
                    }
                    self.countries.push(Country {
                        name,
                        adjectives: multi(get(2)).map(String::from).collect(),
                        region: get(5).to_string(),
                        abbreviation: None,
                    });
                }
                Table::Organizations => {
                    let idx = self.organizations.len();
                    let name = get(0).to_string();
                    if name.is_empty() {
                        return Err(invalid(line, "empty organisation name".into()));
                    }
                    let target = Target::Organization(idx);
                    self.surface(&name, target, SurfaceForm::Name);
                    for v in multi(get(1)) {
                        self.surface(v, target, SurfaceForm::Variant);
                    }
                    let country = Some(get(3).to_string()).filter(|c| !c.is_empty());
                    self.organizations.push(Organization { name, country });
                }
                Table::Titles => {
                    let title = Title {
                        canonical: get(0).to_lowercase(),
                        class: get(2).to_string(),
                        gender: get(3).to_string(),
                    };
                    for v in std::iter::once(get(0)).chain(multi(get(1))) {
                        self.titles.insert(v.to_lowercase(), title.clone());
                    }
                }
                Table::Groups => {
                    // Only the plural (or a collective like "government", whose
                    // singular is the noun itself) names a group: "the Venezuelan
                    // leader" is one person.
                    let g = GroupNoun { plural: get(0).to_string(), class: get(2).to_string() };
                    self.groups.insert(get(0).to_lowercase(), g);
                }
                Table::Verbs => {
                    let class = match get(4) {
                        "speech" => VerbClass::Speech,
                        "interaction" => VerbClass::Interaction,
                        "both" => VerbClass::Both,
                        other => {
                            return Err(invalid(
                                line,
                                format!("verb class `{other}` is not speech, interaction or both"),
                            ));
                        }
                    };
                    let cameo = get(3).to_string();
                    check_cameo(&cameo).map_err(|m| invalid(line, m))?;
                    let sense = VerbSense {
                        lemma: get(0).to_lowercase(),
                        particle: get(2).split_whitespace().map(str::to_lowercase).collect(),
                        cameo,
                        class,
                        symmetric: get(5) == "true",
                        negative: get(6) == "neg",
                    };
                    for form in std::iter::once(get(0)).chain(multi(get(1))) {
                        self.verbs.entry(form.to_lowercase()).or_default().push(sense.clone());
                    }
                }
                Table::Places => {
                    self.places.insert(get(0).to_string(), get(1).to_string());
                }
                Table::GivenNames => {
                    self.given_names.insert(get(0).to_string(), get(1).chars().next().unwrap_or('u'));
                }
                Table::Nouns => {
                    let cameo = get(4).to_string();
                    check_cameo(&cameo).map_err(|m| invalid(line, m))?;
                    let noun = ActionNoun {
                        predicate: get(2).to_string(),
                        particles: multi(get(3)).map(str::to_lowercase).collect(),
                        cameo,
                        symmetric: get(5) == "true",
                    };
                    for form in std::iter::once(get(0)).chain(multi(get(1))) {
                        let list = self.nouns.entry(form.to_lowercase()).or_default();
                        if !list.iter().any(|n| n.predicate == noun.predicate && n.particles == noun.particles) {
                            list.push(noun.clone());
                        }
                    }
                }
            }
        }
        Ok(())
    }

    fn surface(&mut self, text: &str, target: Target, form: SurfaceForm) {
        self.surfaces.push(Surface { text: text.to_string(), target, form });
        // News uses straight and curly apostrophes alike ("People's", "People’s").
        if text.contains('\'') {
            self.surfaces.push(Surface { text: text.replace('\'', "\u{2019}"), target, form });
        } else if text.contains('\u{2019}') {
            self.surfaces.push(Surface { text: text.replace('\u{2019}', "'"), target, form });
        }
    }

    fn build(self) -> Result<Lexicon, LexiconError> {
        // A later (user) entry for the same surface wins: keep the last one.
        let mut seen: HashMap<&str, usize> = HashMap::default();
        for (i, s) in self.surfaces.iter().enumerate() {
            seen.insert(s.text.as_str(), i);
        }
        let mut keep: Vec<usize> = seen.into_values().collect();
        keep.sort_unstable();
        let surfaces: Vec<Surface> = keep.into_iter().map(|i| self.surfaces[i].clone()).collect();
        let max_title_words = self.titles.keys().map(|k| k.split_whitespace().count()).max().unwrap_or(1);
        let mut index = WordIndex::default();
        let mut entries: Vec<WordEntry> = Vec::new();
        fn entry<'e>(
            index: &mut WordIndex,
            entries: &'e mut Vec<WordEntry>,
            key: impl AsRef<[u8]>,
        ) -> &'e mut WordEntry {
            let id = index.get_or_insert(key.as_ref(), || {
                entries.push(WordEntry::default());
                WordId(entries.len() as u32 - 1)
            });
            &mut entries[id.0 as usize]
        }
        for (k, t) in self.titles {
            let words = k.split_whitespace().count();
            if let Some(first) = k.split_whitespace().next() {
                let e = entry(&mut index, &mut entries, first);
                e.title_words = e.title_words.max(words);
            }
            entry(&mut index, &mut entries, &k).title = Some(t);
        }
        for (k, g) in self.groups {
            entry(&mut index, &mut entries, &k).group = Some(g);
        }
        for (k, v) in self.verbs {
            entry(&mut index, &mut entries, &k).verbs = v;
        }
        for (k, n) in self.nouns {
            entry(&mut index, &mut entries, &k).nouns = n;
        }
        for (list, bit) in crate::extract::words::Lists::all() {
            for w in list {
                let e = entry(&mut index, &mut entries, w.to_ascii_lowercase());
                e.lists = e.lists.with(bit);
            }
        }
        // Filed under the key `Lexicon::lookup` computes for each spelling
        // its first token may take in text, so that a token's feature
        // lookup finds the surfaces it may start.
        for (p, s) in surfaces.iter().enumerate() {
            for first in first_tokens(&s.text) {
                let (index, entries) = (&mut index, &mut entries);
                let list = with_lower(&first, move |k| &mut entry(index, entries, k).gazetteer);
                if list.last().is_none_or(|c| c.surface != p as u32) {
                    list.push(Candidate::new(&s.text, p as u32));
                }
            }
        }
        for e in &mut entries {
            // Longest first, so the first match is the longest; two surfaces
            // of one length that both matched would be one text.
            e.gazetteer
                .sort_unstable_by_key(|c| (std::cmp::Reverse(surfaces[c.surface as usize].text.len()), c.surface));
            e.gazetteer.shrink_to_fit();
            e.flags = crate::extract::words::Feat::entry_flags(e);
        }
        let country_by_name = self.countries.iter().enumerate().map(|(i, c)| (c.name.to_lowercase(), i)).collect();
        // Each country's first short dotted variant ("U.S.", "U.K."), found
        // once here rather than by scanning every surface per group mention.
        let mut countries = self.countries;
        let mut dotted: HashMap<String, String> = HashMap::default();
        for x in &surfaces {
            if x.form == SurfaceForm::Variant && x.text.len() <= 5 && x.text.matches('.').count() >= 2 {
                let owner = match x.target {
                    Target::Country(i) => &countries[i].name,
                    Target::Organization(i) => &self.organizations[i].name,
                };
                dotted.entry(owner.clone()).or_insert_with(|| x.text.clone());
            }
        }
        for c in &mut countries {
            c.abbreviation = dotted.get(&c.name).cloned();
        }
        Ok(Lexicon {
            countries,
            organizations: self.organizations,
            surfaces,
            index,
            entries,
            max_title_words,
            country_by_name,
            places: self.places,
            given_names: self.given_names,
        })
    }
}

/// The spellings the first token of a gazetteer surface can take where the
/// surface is written in text. The tokenizer looks past a dotted
/// abbreviation to the next character ("U.S.And" reads "U.", "S", ".",
/// "And") and before an apostrophe to the previous one ("Japan's"), so
/// besides the surface alone, it is read with a letter after it and, when
/// it starts with an apostrophe, after a word ending in `s`.
fn first_tokens(surface: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(1);
    let before: &[&str] = if surface.starts_with(['\'', '\u{2019}']) { &["", "s"] } else { &[""] };
    let after: &[&str] = if surface.contains('.') { &["", "a"] } else { &[""] };
    for pre in before {
        for post in after {
            let text: std::borrow::Cow<'_, str> =
                if pre.is_empty() && post.is_empty() { surface.into() } else { format!("{pre}{surface}{post}").into() };
            // No token starting where the surface does, or one running past
            // its end: in such a context the surface matches nothing.
            let first = crate::text::tokenize(&text, 0..text.len()).into_iter().find(|t| t.start >= pre.len());
            if let Some(t) = first.filter(|t| t.start == pre.len() && t.end <= pre.len() + surface.len())
                && !out.iter().any(|o| o == t.text(&text))
            {
                out.push(t.text(&text).to_string());
            }
        }
    }
    out
}

/// Calls `f` with the bytes of the lowercase form of `s`, allocating only
/// when `s` has uppercase letters beyond ASCII or is long (most words in
/// running text are short, ASCII and lowercase already).
fn with_lower<T>(s: &str, f: impl FnOnce(&[u8]) -> T) -> T {
    let bytes = s.as_bytes();
    let mut upper = false;
    let mut ascii = true;
    for &b in bytes {
        upper |= b.is_ascii_uppercase();
        ascii &= b.is_ascii();
    }
    if !ascii {
        return if s.chars().any(char::is_uppercase) { f(s.to_lowercase().as_bytes()) } else { f(bytes) };
    }
    if !upper {
        return f(bytes);
    }
    // For ASCII text the Unicode lowercase is the ASCII one.
    let mut buf = [0u8; 64];
    match buf.get_mut(..bytes.len()) {
        Some(b) => {
            b.copy_from_slice(bytes);
            b.make_ascii_lowercase();
            f(b)
        }
        None => f(&bytes.to_ascii_lowercase()),
    }
}

fn check_cameo(code: &str) -> Result<(), String> {
    let ok = code.len() >= 2
        && code.len() <= 4
        && code.bytes().all(|b| b.is_ascii_digit())
        && matches!(code[..2].parse::<u8>(), Ok(1..=20));
    if ok { Ok(()) } else { Err(format!("`{code}` is not a CAMEO code (01..20, optionally finer)")) }
}

impl Lexicon {
    /// The lexicons compiled into the binary.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        Lexicon::with_files(&[])
    }

    /// The built-in lexicons extended by user CSV files (same columns as the
    /// matching `data/lexicon/*.csv`; the header tells which).
    pub fn with_files(paths: &[PathBuf]) -> Result<Lexicon, LexiconError> {
        let mut b = Builder::default();
        for (name, data) in [
            ("countries.csv", COUNTRIES),
            ("organizations.csv", ORGANIZATIONS),
            ("titles.csv", TITLES),
            ("groups.csv", GROUPS),
            ("verbs.csv", VERBS),
            ("nouns.csv", NOUNS),
            ("places.csv", PLACES),
            ("given_names.csv", GIVEN_NAMES),
        ] {
            b.load(&format!("data/lexicon/{name}"), data)?;
        }
        for path in paths {
            let data =
                std::fs::read_to_string(path).map_err(|source| LexiconError::Io { path: path.clone(), source })?;
            b.load(&path.display().to_string(), &data)?;
        }
        b.build()
    }

    /// Gazetteer matches in `text`: (byte span, surface index), leftmost-longest.
    /// A match covers whole tokens ("Oman" is none in "Omani"), as in
    /// extraction; a line break or tab between two words counts as a space.
    pub fn find_surfaces<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        let tokens = crate::text::tokenize(text, 0..text.len());
        let mut i = 0;
        std::iter::from_fn(move || {
            while let Some(t) = tokens.get(i) {
                if let Some((end, p)) = self.lookup(t.text(text)).and_then(|e| self.surface_at(text, &tokens, i, e)) {
                    i = end;
                    return Some((t.start, tokens[end - 1].end, p));
                }
                i += 1;
            }
            None
        })
    }

    /// The longest gazetteer surface that `tokens[i..]` spell, given the
    /// entry [`Lexicon::lookup`] found for token `i`: (end token, surface
    /// index). The surface must equal the text from the start of token `i`
    /// to the end of the last token, case and all, except that a line break,
    /// carriage return or tab matches a space ("World\nBank").
    pub(crate) fn surface_at(&self, text: &str, tokens: &[Token], i: usize, entry: WordId) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let t0 = tokens.get(i)?;
        let first = bytes.get(t0.start..t0.end)?;
        // The text's first bytes as a surface would spell them, to rule out
        // most candidates with one comparison each.
        let mut head = [0u8; 16];
        for (h, &b) in head.iter_mut().zip(bytes.get(t0.start..).unwrap_or_default()) {
            *h = if matches!(b, b'\n' | b'\r' | b'\t') { b' ' } else { b };
        }
        let head = u128::from_le_bytes(head);
        'surfaces: for c in &self.entry(entry).gazetteer {
            if !c.may_match(head) {
                continue;
            }
            let p = c.surface;
            let s = self.surfaces[p as usize].text.as_bytes();
            if !s.starts_with(first) {
                continue;
            }
            let (mut pos, mut j) = (first.len(), i);
            while pos < s.len() {
                let (Some(prev), Some(t)) = (tokens.get(j), tokens.get(j + 1)) else {
                    continue 'surfaces;
                };
                j += 1;
                let (Some(gap), Some(word)) = (bytes.get(prev.end..t.start), bytes.get(t.start..t.end)) else {
                    continue 'surfaces;
                };
                let same_gap = s.get(pos..pos + gap.len()).is_some_and(|sg| {
                    sg.iter().zip(gap).all(|(&a, &b)| a == b || (a == b' ' && matches!(b, b'\n' | b'\r' | b'\t')))
                });
                pos += gap.len();
                if !same_gap || s.get(pos..pos + word.len()) != Some(word) {
                    continue 'surfaces;
                }
                pos += word.len();
            }
            return Some((j + 1, p as usize));
        }
        None
    }

    /// The canonical name and kind a gazetteer target stands for.
    pub fn target_actor(&self, target: Target) -> (&str, ActorKind) {
        match target {
            Target::Country(i) => (&self.countries[i].name, ActorKind::Country),
            Target::Organization(i) => (&self.organizations[i].name, ActorKind::Organization),
        }
    }

    /// A country by its canonical name, case-insensitively.
    pub fn country(&self, name: &str) -> Option<&Country> {
        self.country_by_name.get(&name.to_lowercase()).map(|&i| &self.countries[i])
    }

    /// The entry a word or phrase is filed under, case-insensitively: what
    /// [`Lexicon::title`], [`Lexicon::group`], [`Lexicon::verb`] and
    /// [`Lexicon::noun`] would each find, in one lookup.
    pub fn lookup(&self, word: &str) -> Option<WordId> {
        if word.len() < 16 && word.is_ascii() {
            return self.index.get_packed(ascii_lowercase(WordIndex::pack(word.as_bytes())));
        }
        with_lower(word, |w| self.index.get(w))
    }

    /// [`Lexicon::lookup`] ignoring ASCII case only: how the closed word
    /// lists of the rules are matched.
    pub(crate) fn lookup_ascii(&self, word: &str) -> Option<WordId> {
        let b = word.as_bytes();
        if !b.iter().any(u8::is_ascii_uppercase) {
            return self.index.get(b);
        }
        self.index.get(&b.to_ascii_lowercase())
    }

    /// The entry behind an id from [`Lexicon::lookup`].
    pub fn entry(&self, id: WordId) -> &WordEntry {
        &self.entries[id.0 as usize]
    }

    fn find(&self, word: &str) -> Option<&WordEntry> {
        self.lookup(word).map(|id| self.entry(id))
    }

    /// A title by any of its spellings, case-insensitively ("Defense Minister").
    pub fn title(&self, words: &str) -> Option<&Title> {
        self.find(words).and_then(|e| e.title.as_ref())
    }

    /// Whether some title starts with this word (a cheap pre-check for [`Lexicon::title`]).
    pub fn starts_title(&self, word: &str) -> bool {
        self.find(word).is_some_and(|e| e.title_words > 0)
    }

    /// The longest title spelled by a run of words.
    pub fn max_title_words(&self) -> usize {
        self.max_title_words
    }

    /// A group head noun ("lawmakers"), case-insensitively.
    pub fn group(&self, word: &str) -> Option<&GroupNoun> {
        self.find(word).and_then(|e| e.group.as_ref())
    }

    /// Senses of a verb form ("condemned"), case-insensitively.
    pub fn verb(&self, form: &str) -> &[VerbSense] {
        self.find(form).map_or(&[], |e| &e.verbs)
    }

    /// Senses of an action noun ("talks"), case-insensitively.
    pub fn noun(&self, form: &str) -> &[ActionNoun] {
        self.find(form).map_or(&[], |e| &e.nouns)
    }

    /// The kind of a place that is no actor ("city", "region", "feature",
    /// "area"), by its exact name.
    pub fn place(&self, name: &str) -> Option<&str> {
        self.places.get(name).map(String::as_str)
    }

    /// The gender (`m`, `f`, `u`) of a known given name.
    pub fn given_name(&self, name: &str) -> Option<char> {
        self.given_names.get(name).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_load() {
        let lex = Lexicon::builtin().expect("built-in lexicons are valid");
        assert!(lex.countries.len() >= 193, "{} countries", lex.countries.len());
        assert!(lex.country("north korea").is_some());
        assert!(lex.title("Prime Minister").is_some());
        assert!(!lex.verb("condemned").is_empty());
        assert!(lex.group("lawmakers").is_some());
    }

    #[test]
    fn packed_keys_hold_each_byte_in_place_and_the_length_on_top() {
        let word: Vec<u8> = (1..=15).collect();
        for n in 0..16 {
            let mut expected = [0u8; 16];
            expected[..n].copy_from_slice(&word[..n]);
            expected[15] = n as u8;
            assert_eq!(WordIndex::pack(&word[..n]), u128::from_le_bytes(expected), "length {n}");
        }
    }

    #[test]
    fn packed_lowercase_matches_ascii_lowercase() {
        for b in 0u8..0x80 {
            let word = [b; 15];
            let packed = ascii_lowercase(WordIndex::pack(&word));
            assert_eq!(packed, WordIndex::pack(&word.to_ascii_lowercase()), "byte {b:#x}");
        }
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(lex.lookup("CONDEMNED"), lex.lookup("condemned"));
        // Words of under 8 bytes live in their own table.
        assert!(lex.lookup("Condemn").is_some());
        assert_eq!(lex.lookup("Condemn"), lex.lookup("condemn"));
        assert!(lex.lookup("condemned").is_some());
    }

    #[test]
    fn gazetteer_maps_capitals_and_abbreviations_to_their_country() {
        let lex = Lexicon::builtin().unwrap();
        let text = "Pyongyang and the U.S. spoke";
        let found: Vec<(&str, &str)> = lex
            .find_surfaces(text)
            .map(|(s, e, i)| (&text[s..e], lex.target_actor(lex.surfaces[i].target).0))
            .collect();
        assert!(found.contains(&("Pyongyang", "North Korea")), "{found:?}");
        assert!(found.contains(&("U.S.", "United States")), "{found:?}");
    }

    /// The gazetteer matches of `text` as (matched text, surface text).
    fn surfaces_in<'a>(lex: &'a Lexicon, text: &'a str) -> Vec<(&'a str, &'a str)> {
        lex.find_surfaces(text).map(|(s, e, p)| (&text[s..e], lex.surfaces[p].text.as_str())).collect()
    }

    #[test]
    fn gazetteer_matches_whole_tokens_case_and_all() {
        let lex = Lexicon::builtin().unwrap();
        // A surface that begins a longer word is no match: the word is.
        assert_eq!(
            surfaces_in(&lex, "Omani and Omanis in Oman"),
            [("Omani", "Omani"), ("Omanis", "Omanis"), ("Oman", "Oman")]
        );
        assert_eq!(surfaces_in(&lex, "the Romanian envoy"), [("Romanian", "Romanian")]);
        assert!(surfaces_in(&lex, "world bank and OMAN").is_empty());
        // Longest first.
        assert_eq!(surfaces_in(&lex, "Toyota Motor Corp. said"), [("Toyota Motor Corp.", "Toyota Motor Corp.")]);
        // A longer surface that does not end on a token boundary hides no
        // shorter one that does.
        assert_eq!(surfaces_in(&lex, "Toyota Motors said"), [("Toyota", "Toyota")]);
        // "U.S.And" is the tokens "U.", "S", ".", "And".
        assert_eq!(surfaces_in(&lex, "between the U.S.And Japan"), [("U.S.", "U.S."), ("Japan", "Japan")]);
    }

    #[test]
    fn gazetteer_reads_a_line_break_or_tab_as_one_space() {
        let lex = Lexicon::builtin().unwrap();
        assert_eq!(surfaces_in(&lex, "the World\nBank said"), [("World\nBank", "World Bank")]);
        assert_eq!(surfaces_in(&lex, "the World\tBank said"), [("World\tBank", "World Bank")]);
        // Two whitespace bytes are no single space; no space is none either.
        assert!(surfaces_in(&lex, "the World\r\nBank said").is_empty());
        assert!(surfaces_in(&lex, "the World  Bank said").is_empty());
        assert!(surfaces_in(&lex, "the WorldBank said").is_empty());
    }

    #[test]
    fn gazetteer_matches_straight_and_curly_apostrophes() {
        let lex = Lexicon::builtin().unwrap();
        for text in ["Moody's said", "Moody\u{2019}s said"] {
            let found = surfaces_in(&lex, text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].0, &text[..text.len() - " said".len()]);
            let p = lex.find_surfaces(text).next().unwrap().2;
            assert_eq!(lex.target_actor(lex.surfaces[p].target).0, "Moody's");
        }
    }

    #[test]
    fn user_lexicon_with_unknown_header_is_refused_with_its_line() {
        let dir = std::env::temp_dir().join(format!("ng-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("bad.csv");
        std::fs::write(&p, "foo,bar\n1,2\n").unwrap();
        let err = Lexicon::with_files(&[p]).unwrap_err().to_string();
        assert!(err.contains("bad.csv:1"), "{err}");
    }

    #[test]
    fn user_lexicon_adds_an_organisation() {
        let dir = std::env::temp_dir().join(format!("ng-lex2-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("orgs.csv");
        std::fs::write(&p, "name,variants,kind,country\nZorblat Widgets,ZW,organization,\n").unwrap();
        let lex = Lexicon::with_files(&[p]).unwrap();
        let text = "ZW said";
        let hit = lex.find_surfaces(text).next().unwrap();
        assert_eq!(lex.target_actor(lex.surfaces[hit.2].target).0, "Zorblat Widgets");
    }

    #[test]
    fn later_user_entry_for_a_surface_wins_and_odd_surfaces_match() {
        let dir = std::env::temp_dir().join(format!("ng-lex3-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("orgs.csv");
        // "World Bank" is built in: the user's entry takes it over. A surface
        // with an uppercase letter beyond ASCII, and one starting with an
        // apostrophe, are found where the text writes them.
        std::fs::write(
            &p,
            "name,variants,kind,country\nGlobal Lender,World Bank,organization,\n\u{00C9}tat Widgets,,organization,\nApostrophe Org,'s Club,organization,\n",
        )
        .unwrap();
        let lex = Lexicon::with_files(&[p]).unwrap();
        let text = "the World Bank and \u{00C9}tat Widgets met Jones's Club";
        let names: Vec<&str> =
            lex.find_surfaces(text).map(|(_, _, p)| lex.target_actor(lex.surfaces[p].target).0).collect();
        assert_eq!(names, ["Global Lender", "\u{00C9}tat Widgets", "Apostrophe Org"]);
    }
}
