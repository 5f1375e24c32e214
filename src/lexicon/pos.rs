//! Word classes without a model: which parts of speech a word can take and
//! what its lemma is, from WordNet 3.0.
//!
//! The data is generated once by `scripts/wordnet-pos.py` into
//! `data/lexicon/wordnet/` (see the README and LICENSE there) and compiled
//! into the binary; nothing is read or downloaded at run time. It covers the
//! open classes only: nouns, verbs, adjectives and adverbs. Closed-class
//! words are mostly absent ("the", "of"), but WordNet knows a few of them as
//! nouns for unrelated senses ("he" helium, "in" inch, "it" information
//! technology, "may" the month), so callers should settle function words
//! before asking here.
//!
//! Lemmas follow WordNet's "morphy": the irregular-form lists first, then the
//! suffix detachment rules, a candidate being accepted only if it is a lemma
//! of the part of speech in question.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

const LEMMAS: &str = include_str!("../../data/lexicon/wordnet/pos.tsv");
const EXCEPTIONS: &str = include_str!("../../data/lexicon/wordnet/exceptions.tsv");

/// Longest form looked up; WordNet's longest single-word lemma has 31 letters.
const MAX_FORM: usize = 64;

/// A WordNet part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// Noun (`n`).
    Noun,
    /// Verb (`v`).
    Verb,
    /// Adjective, satellites included (`a`).
    Adj,
    /// Adverb (`r`).
    Adv,
}

impl Pos {
    /// All four, in WordNet's order.
    pub const ALL: [Pos; 4] = [Pos::Noun, Pos::Verb, Pos::Adj, Pos::Adv];

    /// WordNet's letter for it: `n`, `v`, `a` or `r`.
    pub fn letter(self) -> char {
        match self {
            Pos::Noun => 'n',
            Pos::Verb => 'v',
            Pos::Adj => 'a',
            Pos::Adv => 'r',
        }
    }

    /// The part of speech WordNet's letter stands for (`s`, the adjective
    /// satellite, counts as an adjective).
    pub fn from_letter(letter: char) -> Option<Pos> {
        match letter {
            'n' => Some(Pos::Noun),
            'v' => Some(Pos::Verb),
            'a' | 's' => Some(Pos::Adj),
            'r' => Some(Pos::Adv),
            _ => None,
        }
    }
}

/// The parts of speech of a word, with how many WordNet senses it has in
/// each and how often those senses were tagged in the SemCor corpus (a rough
/// frequency, from general American English of the 1960s rather than news).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PosClasses {
    senses: [u8; 4],
    tagged: [u16; 4],
}

impl PosClasses {
    /// No part of speech: a word WordNet does not know.
    pub const NONE: PosClasses = PosClasses { senses: [0; 4], tagged: [0; 4] };

    /// Whether the word is unknown.
    pub fn is_empty(self) -> bool {
        self.senses == [0; 4]
    }

    /// Whether the word can be this part of speech.
    pub fn has(self, pos: Pos) -> bool {
        self.senses[pos as usize] > 0
    }

    /// Whether the word can be a noun.
    pub fn is_noun(self) -> bool {
        self.has(Pos::Noun)
    }

    /// Whether the word can be a verb.
    pub fn is_verb(self) -> bool {
        self.has(Pos::Verb)
    }

    /// Whether the word can be an adjective.
    pub fn is_adj(self) -> bool {
        self.has(Pos::Adj)
    }

    /// Whether the word can be an adverb.
    pub fn is_adv(self) -> bool {
        self.has(Pos::Adv)
    }

    /// Number of WordNet senses (synsets) in this part of speech; 0 if it
    /// cannot be one.
    pub fn senses(self, pos: Pos) -> u32 {
        self.senses[pos as usize].into()
    }

    /// How often the senses of this part of speech were tagged in SemCor.
    pub fn tagged(self, pos: Pos) -> u32 {
        self.tagged[pos as usize].into()
    }

    /// Whether the word is more often `a` than `b`: it can be `a`, and `a`
    /// was tagged more often in SemCor, or as often but has more senses.
    pub fn leans(self, a: Pos, b: Pos) -> bool {
        self.has(a) && (self.tagged(a), self.senses(a)) > (self.tagged(b), self.senses(b))
    }

    /// The most frequent part of speech (by SemCor tags, then by senses;
    /// earlier in [`Pos::ALL`] on a tie), or `None` for an unknown word.
    pub fn dominant(self) -> Option<Pos> {
        let mut best: Option<Pos> = None;
        for pos in Pos::ALL {
            if self.has(pos) && best.is_none_or(|b| self.leans(pos, b)) {
                best = Some(pos);
            }
        }
        best
    }

    /// Records `pos` (counts saturate: WordNet's largest are 59 senses and
    /// 16,667 tags).
    fn set(&mut self, pos: Pos, senses: u32, tagged: u32) {
        self.senses[pos as usize] = senses.clamp(1, u8::MAX.into()) as u8;
        self.tagged[pos as usize] = tagged.min(u16::MAX.into()) as u16;
    }
}

/// The WordNet part-of-speech lexicon: lemmas with their classes, and the
/// irregular inflected forms.
#[derive(Debug)]
pub struct PosLexicon {
    lemmas: HashMap<&'static str, PosClasses>,
    /// Irregular form → space-separated lemmas, per part of speech.
    exceptions: [HashMap<&'static str, &'static str>; 4],
}

impl PosLexicon {
    /// The built-in lexicon, parsed on first use (a few milliseconds) and
    /// shared afterwards.
    pub fn builtin() -> &'static PosLexicon {
        static LEXICON: OnceLock<PosLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| PosLexicon::parse(LEMMAS, EXCEPTIONS))
    }

    /// Parses the two generated files. They are compiled in and checked by
    /// the tests, so a malformed line is a bug and panics.
    ///
    /// `pos.tsv` is read in one pass over its bytes rather than with
    /// `lines()`/`split()`/`parse()`, which was markedly slower: every CLI run
    /// that needs word classes pays this.
    fn parse(lemmas: &'static str, exceptions: &'static str) -> PosLexicon {
        let b = lemmas.as_bytes();
        let lines = b.iter().filter(|&&c| c == b'\n').count();
        let mut map = HashMap::with_capacity_and_hasher(lines, Default::default());
        let bad = |at: usize| -> ! {
            let line = b[..at.min(b.len())].iter().filter(|&&c| c == b'\n').count() + 1;
            panic!("wordnet/pos.tsv:{line}: malformed line")
        };
        let byte = |i: usize| b.get(i).copied().unwrap_or_else(|| bad(i));
        let number = |i: &mut usize| {
            let mut n = 0u32;
            while let d @ b'0'..=b'9' = byte(*i) {
                n = n.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                *i += 1;
            }
            n
        };
        let mut i = 0;
        while i < b.len() {
            // lemma TAB entry[ SPACE entry...] NEWLINE, entry = letter senses [':' tagged]
            let start = i;
            while byte(i) != b'\t' {
                i += 1;
            }
            let lemma = &lemmas[start..i];
            let mut classes = PosClasses::NONE;
            loop {
                i += 1;
                let Some(pos) = Pos::from_letter(char::from(byte(i))) else { bad(i) };
                i += 1;
                let senses = number(&mut i);
                let tagged = if byte(i) == b':' {
                    i += 1;
                    number(&mut i)
                } else {
                    0
                };
                if senses == 0 {
                    bad(i);
                }
                classes.set(pos, senses, tagged);
                match byte(i) {
                    b' ' => {}
                    b'\n' => break,
                    _ => bad(i),
                }
            }
            i += 1;
            map.insert(lemma, classes);
        }
        let mut exc: [HashMap<&'static str, &'static str>; 4] = Default::default();
        for (n, line) in exceptions.lines().enumerate() {
            let mut fields = line.split('\t');
            let (Some(form), Some(pos), Some(targets), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                panic!("wordnet/exceptions.tsv:{}: malformed line {line:?}", n + 1)
            };
            let Some(pos) = pos.chars().next().and_then(Pos::from_letter) else {
                panic!("wordnet/exceptions.tsv:{}: unknown part of speech {pos:?}", n + 1)
            };
            exc[pos as usize].insert(form, targets);
        }
        PosLexicon { lemmas: map, exceptions: exc }
    }

    /// Number of lemmas (of any part of speech).
    pub fn len(&self) -> usize {
        self.lemmas.len()
    }

    /// Whether the lexicon has no lemmas (never true of the built-in one).
    pub fn is_empty(&self) -> bool {
        self.lemmas.is_empty()
    }

    /// The parts of speech of a lemma, looked up as is (case aside): "talks"
    /// is not lemmatized to "talk". Unknown words give [`PosClasses::NONE`].
    pub fn classes(&self, lemma: &str) -> PosClasses {
        with_lower(lemma, |w| self.lemmas.get(w).copied()).flatten().unwrap_or_default()
    }

    /// The parts of speech an inflected form can take: for each one, the
    /// classes of its lemma in that part of speech ("talks" is a noun and a
    /// verb through "talk", "said" a verb through "say" and an adjective).
    pub fn form_classes(&self, form: &str) -> PosClasses {
        let mut out = PosClasses::NONE;
        with_lower(form, |w| {
            for pos in Pos::ALL {
                if let Some((_, c)) = self.lemma_lower(w, pos) {
                    out.set(pos, c.senses(pos), c.tagged(pos));
                }
            }
        });
        out
    }

    /// The lemma of `form` as a `pos`, or `None` if it cannot be one.
    ///
    /// WordNet's morphy, with SemCor frequencies to choose between
    /// candidates, each of which must be a lemma of `pos`:
    /// - an irregular form ("went", "children") takes its lemma from the
    ///   exception list, and no suffix rule applies to it;
    /// - otherwise the suffix rules propose a lemma of at least two letters:
    ///   for verbs the first in spelling order ("stared" → "stare", "hopping"
    ///   → "hop"), for nouns the one tagged most often ("marches" → "march");
    /// - the form itself, if it is a lemma, competes with that proposal: the
    ///   more often tagged wins ("found" → "find", "men" → "man", "talks" →
    ///   "talk"; but "dive" stays "dive", not "diva"); on a tie the exception
    ///   list wins over the form, and the form over a rule.
    pub fn lemma(&self, form: &str, pos: Pos) -> Option<&'static str> {
        with_lower(form, |w| self.lemma_lower(w, pos).map(|(l, _)| l)).flatten()
    }

    /// The verb lemma of `form`: "went" → "go", "stopped" → "stop",
    /// "agreed" → "agree".
    pub fn verb_lemma(&self, form: &str) -> Option<&'static str> {
        self.lemma(form, Pos::Verb)
    }

    /// The noun lemma of `form`: "countries" → "country", "children" →
    /// "child".
    pub fn noun_lemma(&self, form: &str) -> Option<&'static str> {
        self.lemma(form, Pos::Noun)
    }

    /// Whether `form` can be a verb (some inflection of a verb lemma).
    pub fn can_be_verb(&self, form: &str) -> bool {
        self.verb_lemma(form).is_some()
    }

    /// Whether `form` can be a noun (some inflection of a noun lemma).
    pub fn can_be_noun(&self, form: &str) -> bool {
        self.noun_lemma(form).is_some()
    }

    /// Whether `form` can be a verb and is more often one than a noun
    /// ([`PosClasses::leans`] on [`Self::form_classes`]). SemCor is not news:
    /// take it as a prior, not a verdict ("talks" leans to the verb).
    pub fn is_mainly_verb(&self, form: &str) -> bool {
        self.form_classes(form).leans(Pos::Verb, Pos::Noun)
    }

    /// Whether `form` can be a noun and is more often one than a verb.
    pub fn is_mainly_noun(&self, form: &str) -> bool {
        self.form_classes(form).leans(Pos::Noun, Pos::Verb)
    }

    /// A lemma of `pos` with its classes.
    fn entry(&self, word: &str, pos: Pos) -> Option<(&'static str, PosClasses)> {
        self.lemmas.get_key_value(word).filter(|(_, c)| c.has(pos)).map(|(&l, &c)| (l, c))
    }

    /// [`Self::lemma`] for a lowercase form.
    fn lemma_lower(&self, form: &str, pos: Pos) -> Option<(&'static str, PosClasses)> {
        let own = self.entry(form, pos);
        // On a tie the curated exception list beats the form itself, which
        // beats a guess by rule ("kansas" is not "kansa").
        let (other, trusted) = match self.exceptions[pos as usize].get(form) {
            Some(targets) => {
                (targets.split(' ').filter_map(|t| self.entry(t, pos)).reduce(|a, b| more_tagged(a, b, pos)), true)
            }
            None => (self.by_rule(form, pos), false),
        };
        match (other, own) {
            (Some(o), Some(s)) if trusted => Some(more_tagged(o, s, pos)),
            (Some(o), Some(s)) => Some(more_tagged(s, o, pos)),
            (o, s) => o.or(s),
        }
    }

    /// The lemma the detachment rules give for `form`.
    fn by_rule(&self, form: &str, pos: Pos) -> Option<(&'static str, PosClasses)> {
        let try_ = |stem: &str, ending: &str| {
            if stem.len() + ending.len() < 2 {
                return None;
            }
            with_joined(stem, ending, |w| self.entry(w, pos)).flatten()
        };
        let rules: &[(&str, &str)] = match pos {
            Pos::Noun => &[
                ("s", ""),
                ("ses", "s"),
                ("xes", "x"),
                ("zes", "z"),
                ("ches", "ch"),
                ("shes", "sh"),
                ("men", "man"),
                ("ies", "y"),
            ],
            Pos::Adj => &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")],
            Pos::Adv => &[],
            Pos::Verb => {
                if let Some(stem) = form.strip_suffix("ed") {
                    // "agreed" → "agree", "wanted" → "want", "stopped" → "stop".
                    return try_(stem, "e")
                        .or_else(|| try_(stem, ""))
                        .or_else(|| try_(undoubled(stem)?, ""))
                        .or_else(|| try_(stem.strip_suffix('i')?, "y"));
                }
                if let Some(stem) = form.strip_suffix("ing") {
                    // A final consonant-vowel-consonant would have doubled:
                    // "hoping" is "hope", "hopping" is "hop"; but "singing"
                    // is "sing", not "singe".
                    let (first, second) = if ends_cvc(stem) { ("e", "") } else { ("", "e") };
                    return try_(stem, first).or_else(|| try_(stem, second)).or_else(|| try_(undoubled(stem)?, ""));
                }
                &[("s", ""), ("ies", "y"), ("es", "")]
            }
        };
        let mut found = rules.iter().filter_map(|&(suffix, ending)| try_(form.strip_suffix(suffix)?, ending));
        if pos == Pos::Noun {
            // "marches" is "march", not the Italian region "Marche".
            found.reduce(|a, b| more_tagged(a, b, pos))
        } else {
            found.next()
        }
    }
}

/// The more often tagged of two lemmas in `pos`; the first on a tie.
fn more_tagged(a: (&'static str, PosClasses), b: (&'static str, PosClasses), pos: Pos) -> (&'static str, PosClasses) {
    if b.1.tagged(pos) > a.1.tagged(pos) { b } else { a }
}

/// `stem` without its doubled final consonant ("stopp" → "stop"), if it has one.
fn undoubled(stem: &str) -> Option<&str> {
    let b = stem.as_bytes();
    let n = b.len();
    (n >= 3 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1])).then(|| &stem[..n - 1])
}

/// Whether `stem` ends consonant-vowel-consonant with a final consonant that
/// doubles before a suffix (not w, x or y): "hop", "plan", "open".
fn ends_cvc(stem: &str) -> bool {
    match stem.as_bytes() {
        [.., c1, v, c2] => !is_vowel(*c1) && is_vowel(*v) && !is_vowel(*c2) && !matches!(c2, b'w' | b'x' | b'y'),
        _ => false,
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Calls `f` with `form` in lowercase, without allocating: borrowed if it
/// already is, else copied into a stack buffer. `None` for forms that cannot
/// be in WordNet's single-word lemmas: empty, non-ASCII or too long.
fn with_lower<T>(form: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    if form.is_empty() || form.len() > MAX_FORM || !form.is_ascii() {
        return None;
    }
    if !form.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some(f(form));
    }
    let mut buf = [0u8; MAX_FORM];
    let buf = &mut buf[..form.len()];
    buf.copy_from_slice(form.as_bytes());
    buf.make_ascii_lowercase();
    // ASCII in, ASCII out.
    std::str::from_utf8(buf).ok().map(f)
}

/// Calls `f` with `stem` + `ending`, built in a stack buffer.
fn with_joined<T>(stem: &str, ending: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    let n = stem.len() + ending.len();
    if n > MAX_FORM {
        return None;
    }
    let mut buf = [0u8; MAX_FORM];
    buf[..stem.len()].copy_from_slice(stem.as_bytes());
    buf[stem.len()..n].copy_from_slice(ending.as_bytes());
    std::str::from_utf8(&buf[..n]).ok().map(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static PosLexicon {
        PosLexicon::builtin()
    }

    #[test]
    fn builtin_loads_every_line() {
        assert_eq!(lex().len(), LEMMAS.lines().count());
        let exceptions: usize = lex().exceptions.iter().map(HashMap::len).sum();
        assert_eq!(exceptions, EXCEPTIONS.lines().count());
    }

    #[test]
    fn irregular_verbs_come_from_the_exception_list() {
        assert_eq!(lex().verb_lemma("went"), Some("go"));
        assert_eq!(lex().verb_lemma("said"), Some("say"));
        assert_eq!(lex().verb_lemma("was"), Some("be"));
        // "found" is a lemma too, but far rarer than "find".
        assert_eq!(lex().verb_lemma("found"), Some("find"));
        // WordNet lists "seed" as its own exception so that no rule makes it "see".
        assert_eq!(lex().verb_lemma("seed"), Some("seed"));
    }

    #[test]
    fn regular_verbs_lose_their_suffixes() {
        let l = lex();
        assert_eq!(l.verb_lemma("stopped"), Some("stop"));
        assert_eq!(l.verb_lemma("agreed"), Some("agree"));
        assert_eq!(l.verb_lemma("condemns"), Some("condemn"));
        assert_eq!(l.verb_lemma("ties"), Some("tie"));
        assert_eq!(l.verb_lemma("passes"), Some("pass"));
        assert_eq!(l.verb_lemma("wanted"), Some("want"));
        assert_eq!(l.verb_lemma("hoped"), Some("hope"));
        assert_eq!(l.verb_lemma("stared"), Some("stare"));
        assert_eq!(l.verb_lemma("hoping"), Some("hope"));
        assert_eq!(l.verb_lemma("hopping"), Some("hop"));
        assert_eq!(l.verb_lemma("singing"), Some("sing"));
        assert_eq!(l.verb_lemma("opening"), Some("open"));
        assert_eq!(l.verb_lemma("talking"), Some("talk"));
        assert_eq!(l.verb_lemma("condemn"), Some("condemn"));
    }

    #[test]
    fn nouns_lose_their_plurals() {
        let l = lex();
        assert_eq!(l.noun_lemma("countries"), Some("country"));
        assert_eq!(l.noun_lemma("children"), Some("child"));
        assert_eq!(l.noun_lemma("men"), Some("man"));
        assert_eq!(l.noun_lemma("policemen"), Some("policeman"));
        assert_eq!(l.noun_lemma("churches"), Some("church"));
        assert_eq!(l.noun_lemma("buses"), Some("bus"));
        assert_eq!(l.noun_lemma("marches"), Some("march"));
        assert_eq!(l.noun_lemma("talks"), Some("talk"));
        assert_eq!(l.noun_lemma("news"), Some("news"));
        assert_eq!(l.noun_lemma("dive"), Some("dive"));
        assert_eq!(l.noun_lemma("ties"), Some("tie"));
        // Neither is tagged in SemCor: the form itself beats the rule.
        assert_eq!(l.noun_lemma("balkans"), Some("balkans"));
    }

    #[test]
    fn case_does_not_matter() {
        assert_eq!(lex().verb_lemma("Went"), Some("go"));
        assert_eq!(lex().noun_lemma("COUNTRIES"), Some("country"));
        assert!(lex().classes("State").is_noun());
    }

    #[test]
    fn talks_can_be_noun_or_verb() {
        assert!(lex().can_be_verb("talks"));
        assert!(lex().can_be_noun("talks"));
        let c = lex().form_classes("talks");
        assert!(c.is_noun() && c.is_verb() && !c.is_adj());
    }

    #[test]
    fn unknown_and_function_words_have_no_class() {
        for w in ["the", "Kishida", "", "naïve", "of"] {
            assert!(lex().classes(w).is_empty(), "{w}");
            assert!(lex().form_classes(w).is_empty(), "{w}");
            assert!(!lex().can_be_verb(w) && !lex().can_be_noun(w), "{w}");
        }
        // One-letter nouns (the element, the letter) are not plurals' lemmas.
        assert!(!lex().can_be_noun("is"));
    }

    #[test]
    fn classes_carry_sense_counts_and_frequencies() {
        let state = lex().classes("state");
        assert!(state.is_noun() && state.is_verb());
        assert_eq!(state.senses(Pos::Noun), 8);
        assert_eq!(state.senses(Pos::Verb), 3);
        assert_eq!(state.dominant(), Some(Pos::Noun));
        assert!(lex().is_mainly_verb("said"));
        assert!(lex().is_mainly_noun("countries"));
        assert!(!lex().is_mainly_noun("went"));
        assert_eq!(lex().classes("quickly").dominant(), Some(Pos::Adv));
    }

    #[test]
    fn adjectives_compare() {
        assert_eq!(lex().lemma("better", Pos::Adj), Some("good"));
        assert_eq!(lex().lemma("greater", Pos::Adj), Some("great"));
        assert_eq!(lex().lemma("largest", Pos::Adj), Some("large"));
    }
}
