//! Actor mentions and coreference.
//!
//! One left-to-right pass over the story. At each token the patterns are
//! tried from the most specific to the least:
//! 1. affiliation? + title + name: "U.S. President Joe Biden",
//!    "India's external affairs minister, Pranab Mukherjee";
//! 2. affiliation + group noun: "South Korean lawmakers" (a group),
//!    "the Japanese government" (the country);
//! 3. affiliation? + capitalised words ending in an organisation head:
//!    "Japan's Defense Ministry";
//! 4. a gazetteer hit: country, capital, demonym or organisation;
//! 5. role nominals, plural references and pronouns, resolved against what
//!    was read before ("the U.S. president", "the two leaders", "he");
//! 6. a capitalised name: a known person's last name, a new person, an
//!    organisation.

use super::words::{self, Feat, Lists, is_in};
use super::{ActorKind, ActorRec, Doc, Mention, MentionKind};
use crate::lexicon::{SurfaceForm, Target, Title};
use crate::text::TokenKind;

/// A gazetteer hit aligned to tokens.
#[derive(Debug, Clone, Copy)]
struct Hit {
    end: usize,
    target: Target,
    form: SurfaceForm,
}

/// Reading state carried across sentences for coreference.
#[derive(Default)]
struct Memory {
    /// The last set of actors referred to together ("X and Y", "the two leaders").
    plural: Vec<usize>,
}

/// Finds every mention in the document and fills `doc.actors`.
pub(super) fn find(doc: &mut Doc<'_>) {
    let mut memory = Memory::default();
    // Per-sentence working vectors, reused from sentence to sentence.
    let (mut words, mut hits) = (Vec::new(), Vec::new());
    for s in 0..doc.sents.len() {
        sentence(doc, s, &mut memory, &mut words, &mut hits);
    }
    resolve_pending_roles(doc);
}

/// "The foreign ministers of India and Pakistan met ... India's external
/// affairs minister, Pranab Mukherjee, said": once the whole story is read,
/// a plural role of named countries becomes the people who hold it, when the
/// story names one for each country (else it stays the countries).
fn resolve_pending_roles(doc: &mut Doc<'_>) {
    for (m, title, countries) in std::mem::take(&mut doc.pending_roles) {
        let holders: Vec<usize> = countries
            .iter()
            .filter_map(|c| {
                let found: Vec<usize> = (0..doc.actors.len())
                    .filter(|&a| {
                        let r = &doc.actors[a];
                        r.kind == ActorKind::Person
                            && r.country.as_deref() == Some(c.as_str())
                            && r.title.as_ref().is_some_and(|t| same_role(&t.canonical, &title))
                    })
                    .collect();
                (found.len() == 1).then(|| found[0])
            })
            .collect();
        if holders.len() == countries.len() {
            doc.mentions[m].actors = holders;
        }
    }
}

fn sentence<'a>(
    doc: &mut Doc<'a>,
    s: usize,
    memory: &mut Memory,
    words: &mut Vec<&'a str>,
    hits: &mut Vec<Option<Hit>>,
) {
    words.clear();
    words.extend_from_slice(&doc.words[s]);
    let words = words.as_slice();
    // The patterns below change `doc`, so the features are lent out meanwhile.
    let feats = std::mem::take(&mut doc.sents[s].feats);
    let f = feats.as_slice();
    gazetteer_hits(doc, s, f, hits);
    let hits = hits.as_slice();
    let first = doc.sents[s].first;
    let mut i = first;
    while i < words.len() {
        // Most lowercase words start no pattern: skip them without lookups.
        if !could_start_mention(f, hits, i) {
            i += 1;
            continue;
        }
        let before = doc.mentions.len();
        let next = person_with_title(doc, s, words, f, hits, i)
            .or_else(|| group_or_government(doc, s, words, f, hits, i))
            .or_else(|| region_group(doc, s, words, f, i))
            .or_else(|| organization_phrase(doc, s, words, f, hits, i))
            .or_else(|| gazetteer_mention(doc, s, words, f, hits, i))
            .or_else(|| followers_of_person(doc, s, words, f, i))
            .or_else(|| domestic_group(doc, s, words, f, i))
            .or_else(|| reference(doc, s, words, f, hits, i, memory))
            .or_else(|| capitalized_name(doc, s, words, f, hits, i));
        match next {
            Some(end) if end > i => i = end,
            _ => i += 1,
        }
        for m in before..doc.mentions.len() {
            let m = &doc.mentions[m];
            if m.actors.len() > 1 {
                memory.plural = m.actors.clone();
            }
        }
    }
    // Coordinated mentions ("Japan and the United States") form a plural set.
    let ms = &doc.sents[s].mentions;
    for w in ms.windows(2) {
        let (a, b) = (&doc.mentions[w[0]], &doc.mentions[w[1]]);
        let between = &words[a.end..b.start];
        if matches!(between, ["and"] | ["and", "the"] | [",", "and"]) && a.kind != MentionKind::Pronoun {
            let mut set = a.actors.clone();
            set.extend(b.actors.iter().copied());
            set.dedup();
            if set.len() > 1 {
                memory.plural = set;
            }
        }
    }
    doc.sents[s].feats = feats;
}

/// Gazetteer hits of sentence `s`, indexed by start token: leftmost-longest
/// and not overlapping, found from the lexicon entries the token features
/// looked up already.
fn gazetteer_hits(doc: &Doc<'_>, s: usize, f: &[Feat], hits: &mut Vec<Option<Hit>>) {
    let tokens = &doc.sents[s].tokens;
    hits.clear();
    hits.resize(tokens.len(), None);
    let mut i = 0;
    while i < tokens.len() {
        let found = f
            .get(i)
            .filter(|x| x.gazetteer_start())
            .and_then(|x| x.entry)
            .and_then(|e| doc.lex.surface_at(doc.text, tokens, i, e));
        match found {
            Some((end, p)) => {
                let surf = &doc.lex.surfaces[p];
                hits[i] = Some(Hit { end, target: surf.target, form: surf.form });
                i = end;
            }
            None => i += 1,
        }
    }
}

/// Registers (or finds) an actor, returning its index.
fn actor(doc: &mut Doc<'_>, name: &str, kind: ActorKind) -> usize {
    if let Some(i) = doc.actors.iter().position(|a| a.name == name && a.kind == kind) {
        return i;
    }
    doc.actors.push(ActorRec {
        name: name.to_string(),
        kind,
        aliases: Vec::new(),
        spans: Vec::new(),
        title: None,
        country: None,
        gender: None,
    });
    doc.actors.len() - 1
}

/// Records a mention of `actors` over tokens `[a, b)`; names and nominals add
/// their surface as an alias.
fn mention(doc: &mut Doc<'_>, s: usize, a: usize, b: usize, actors: Vec<usize>, kind: MentionKind) {
    let possessive = doc.sents[s].tokens.get(b).is_some_and(|t| t.kind == TokenKind::Possessive);
    let span = doc.token_span(s, a, b);
    if actors.len() == 1 && kind != MentionKind::Pronoun {
        let raw = &doc.text[span.clone()];
        let rec = &mut doc.actors[actors[0]];
        // Most surfaces are already known and clean: compare before allocating.
        if !rec.aliases.iter().any(|x| x == raw) {
            // Hard line breaks inside a name ("American\nauthorities") are spaces.
            let surface = if raw.contains(['\n', '\r', '\t']) || raw.contains("  ") {
                raw.split_whitespace().collect::<Vec<_>>().join(" ")
            } else {
                raw.to_string()
            };
            if !rec.aliases.contains(&surface) {
                rec.aliases.push(surface);
            }
        }
        rec.spans.push(span);
    }
    // "All Progressives Congress (APC)": the acronym names the actor from now on.
    if actors.len() == 1 && kind == MentionKind::Name && doc.actors[actors[0]].kind != ActorKind::Person {
        let t = &doc.sents[s].tokens;
        let w = |i: usize| t.get(i).map_or("", |x| x.text(doc.text));
        let acr = w(b + 1);
        if w(b) == "(" && w(b + 2) == ")" && (2..=8).contains(&acr.len()) && acr.chars().all(|c| c.is_ascii_uppercase())
        {
            doc.acronyms.insert(acr.to_string(), actors[0]);
        }
    }
    let idx = doc.mentions.len();
    doc.mentions.push(Mention { sent: s, start: a, end: b, actors, kind, possessive });
    doc.sents[s].mentions.push(idx);
}

/// Adds an alias without a mention (a sub-form of a longer mention).
fn alias(doc: &mut Doc<'_>, actor: usize, surface: &str) {
    let surface = single_spaced(surface);
    let rec = &mut doc.actors[actor];
    if !rec.aliases.iter().any(|a| *a == surface) {
        rec.aliases.push(surface.into_owned());
    }
}

/// `s` with each run of whitespace as one space and none at the ends (what
/// `split_whitespace` and `join(" ")` give), borrowed when it already is so,
/// as nearly every name is.
pub(super) fn single_spaced(s: &str) -> std::borrow::Cow<'_, str> {
    let clean = s.is_ascii()
        && !s.bytes().any(|b| b.is_ascii_whitespace() && b != b' ' || b == 0x0B)
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && !s.contains("  ");
    if clean { s.into() } else { s.split_whitespace().collect::<Vec<_>>().join(" ").into() }
}

/// A country or organisation prefix that affiliates what follows
/// ("U.S.", "Japanese", "Japan's", "State Department").
struct Affiliation<'l> {
    /// Token after the prefix (and its `'s`).
    end: usize,
    /// Token after the name itself.
    name_end: usize,
    /// Canonical name of the country or organisation.
    name: &'l str,
    /// The prefix is an organisation (it is then a mention of its own).
    organization: Option<usize>,
}

fn affiliation<'l>(
    doc: &Doc<'l>,
    words: &[&str],
    f: &[Feat],
    hits: &[Option<Hit>],
    i: usize,
) -> Option<Affiliation<'l>> {
    let h = hits.get(i).copied().flatten()?;
    let lex = doc.lex;
    let (name, _) = lex.target_actor(h.target);
    let mut end = h.end;
    if words.get(end).is_some_and(|w| matches!(*w, "'s" | "’s")) {
        end += 1;
    } else if matches!(h.form, SurfaceForm::Capital)
        && !words.get(end).is_some_and(|w| w.ends_with('s') && f[end].group())
    {
        // A capital affiliates only a group ("Kremlin officials"), not a title.
        return None;
    }
    let organization = match h.target {
        Target::Organization(o) => Some(o),
        Target::Country(_) => None,
    };
    Some(Affiliation { end, name_end: h.end, name, organization })
}

/// Longest title spelled at `i` ("prime minister", "Secretary of State").
fn title_at<'l>(doc: &Doc<'l>, words: &[&str], f: &[Feat], i: usize) -> Option<(usize, &'l Title)> {
    let lex = doc.lex;
    let entry = lex.entry(f.get(i).filter(|x| x.title_start())?.entry?);
    // No title is longer than the longest one starting with this word.
    let max = entry.title_words.min(words.len() - i);
    let mut phrase = String::new();
    for n in (2..=max).rev() {
        phrase.clear();
        for (k, w) in words[i..i + n].iter().enumerate() {
            if k > 0 {
                phrase.push(' ');
            }
            phrase.push_str(w);
        }
        if let Some(t) = lex.title(&phrase) {
            return Some((i + n, t));
        }
    }
    entry.title.as_ref().map(|t| (i + 1, t))
}

/// A plural title spelled at `i` ("foreign ministers", "presidents"): its
/// end and the singular title.
fn title_plural_at<'l>(doc: &Doc<'l>, words: &[&str], i: usize) -> Option<(usize, &'l Title)> {
    let max = doc.lex.max_title_words();
    for n in (1..=max).rev() {
        if i + n > words.len() || !words[i + n - 1].ends_with('s') {
            continue;
        }
        let mut phrase = words[i..i + n].join(" ");
        phrase.pop();
        if let Some(t) = doc.lex.title(&phrase) {
            return Some((i + n, t));
        }
    }
    None
}

/// A mention of the countries of a plural role, to be replaced by the role's
/// holders once the story has named them; returns its end.
fn pending_role(doc: &mut Doc<'_>, s: usize, a: usize, b: usize, title: String, countries: Vec<String>) -> usize {
    let actors: Vec<usize> = countries.iter().map(|c| actor(doc, c, ActorKind::Country)).collect();
    mention(doc, s, a, b, actors, MentionKind::Nominal);
    let m = doc.mentions.len() - 1;
    doc.pending_roles.push((m, title, countries));
    b
}

/// Whether token `i` can be part of a person's name (see [`Feat::name`]).
fn name_word(f: &[Feat], i: usize) -> bool {
    f.get(i).is_some_and(Feat::name)
}

/// A run of name words at `i`, allowing name particles, initials and
/// hyphenated parts ("Moon Jae-in"); returns its end. A run never starts at,
/// nor runs into, a gazetteer hit.
fn name_run(doc: &Doc<'_>, s: usize, words: &[&str], f: &[Feat], hits: &[Option<Hit>], i: usize) -> usize {
    let tokens = &doc.sents[s].tokens;
    let headline = doc.sents[s].headline;
    // Title-case headlines: a verb form ("Accuses") is no part of a name.
    let ok = |j: usize| name_word(f, j) && (!headline || !f[j].verb());
    let mut j = i;
    while j < words.len() {
        let w = words[j];
        let initial = w.len() == 2 && w.ends_with('.') && w.starts_with(char::is_uppercase);
        if hits[j].is_some() {
            break;
        }
        if ok(j) || initial {
            j += 1;
        } else if j > i && f[j].is(Lists::NAME_PARTICLE) && j + 1 < words.len() && ok(j + 1) {
            j += 2;
        } else if j > i
            && w == "-"
            && tokens[j - 1].end == tokens[j].start
            && tokens.get(j + 1).is_some_and(|t| t.start == tokens[j].end && t.kind == TokenKind::Word)
        {
            // "Jae-in", "Jean-Pierre": a hyphen with no space around it.
            j += 2;
        } else {
            break;
        }
        if j - i >= 5 {
            break;
        }
    }
    // "Joseph R. Biden, Jr."
    if j > i
        && words.get(j) == Some(&",")
        && words.get(j + 1).is_some_and(|w| matches!(*w, "Jr." | "Sr." | "III" | "II"))
    {
        j += 2;
    }
    j
}

/// The surface of tokens `[a, b)` as a name: hyphens joined without spaces.
fn name_text(doc: &Doc<'_>, s: usize, a: usize, b: usize) -> String {
    single_spaced(&doc.text[doc.token_span(s, a, b)]).into_owned()
}

/// Finds or creates the person called `name` (full name, or a single name
/// that may be a known person's last name).
fn person(doc: &mut Doc<'_>, name: &str) -> usize {
    let parts: Vec<&str> = name.split_whitespace().collect();
    if parts.len() == 1 {
        if let Some(p) = known_person(doc, name) {
            return p;
        }
    } else {
        // A person first known by one name only now gets the full name.
        let last = surname(name);
        if let Some(p) = doc.actors.iter().position(|a| a.kind == ActorKind::Person && a.name == last) {
            doc.actors[p].name = name.to_string();
            return p;
        }
        // Same person introduced with and without a middle initial.
        if let Some(p) = doc.actors.iter().position(|a| {
            a.kind == ActorKind::Person && {
                let ap: Vec<&str> = a.name.split_whitespace().collect();
                ap.len() >= 2 && ap.first() == parts.first() && surname(&a.name) == surname(name)
            }
        }) {
            return p;
        }
    }
    let p = actor(doc, name, ActorKind::Person);
    // "Tammy Bruce ... she": the given name tells the pronoun.
    if doc.actors[p].gender.is_none() {
        doc.actors[p].gender = parts.first().and_then(|g| doc.lex.given_name(g)).filter(|g| matches!(g, 'm' | 'f'));
    }
    p
}

/// A person of the document whose last (or first) name is `word`.
fn known_person(doc: &Doc<'_>, word: &str) -> Option<usize> {
    let persons = || doc.actors.iter().enumerate().filter(|(_, a)| a.kind == ActorKind::Person);
    // Several with that surname: the one named last.
    if let Some((i, _)) = persons().rfind(|(_, a)| surname(&a.name) == word) {
        return Some(i);
    }
    let mut by_first = persons()
        .filter(|(_, a)| a.name.split_whitespace().count() > 1 && a.name.split_whitespace().next() == Some(word));
    match (by_first.next(), by_first.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// Pattern 1: [former] [affiliation] title [,] Name.
fn person_with_title(
    doc: &mut Doc<'_>,
    s: usize,
    words: &[&str],
    f: &[Feat],
    hits: &[Option<Hit>],
    i: usize,
) -> Option<usize> {
    let start = i;
    let mut k = i;
    if f[k].is(Lists::ROLE_PREFIX) {
        k += 1;
    }
    let aff_start = k;
    let aff = affiliation(doc, words, f, hits, k);
    if let Some(a) = &aff {
        k = a.end;
        // "Cambodian government spokesperson", "South Korean presidential envoy".
        while k < words.len() && f[k].is(Lists::OFFICIAL_ADJECTIVE) && title_at(doc, words, f, k).is_none() {
            k += 1;
        }
    }
    // "his U.S. counterpart Lloyd Austin"
    let (title_end, title) = match title_at(doc, words, f, k) {
        Some(t) => t,
        None if words.get(k).is_some_and(|w| w.eq_ignore_ascii_case("counterpart")) => (k + 1, &COUNTERPART),
        None => return None,
    };
    let mut n = title_end;
    // Titles stack: "Deputy Prime Minister", "White House Press Secretary".
    while let Some((e, _)) = title_at(doc, words, f, n) {
        n = e;
    }
    let comma = words.get(n) == Some(&",");
    if comma {
        n += 1;
    }
    let name_end = name_run(doc, s, words, f, hits, n);
    if name_end == n {
        return None;
    }
    // A title in lowercase needs a capitalised name right after it, and an
    // affiliation or capitalised title before a comma apposition.
    if comma && aff.is_none() {
        return None;
    }
    let name = name_text(doc, s, n, name_end);
    let p = person(doc, &name);
    if !title.is_honorific() && title.canonical != "counterpart" {
        doc.actors[p].title.get_or_insert_with(|| title.clone());
        if doc.actors[p].gender.is_none() && !title.gender.is_empty() {
            doc.actors[p].gender = title.gender.chars().next();
        }
    }
    if let Some(a) = &aff {
        let country = match a.organization {
            Some(o) => doc.lex.organizations[o].country.clone(),
            None => Some(a.name.to_string()),
        };
        if let Some(c) = country {
            doc.actors[p].country.get_or_insert(c);
        }
    }
    // Aliases: the whole phrase, the phrase without affiliation, the name.
    let full = doc.text[doc.token_span(s, start, name_end)].to_string();
    let no_aff = doc.text[doc.token_span(s, k, name_end)].to_string();
    let bare = doc.text[doc.token_span(s, n, name_end)].to_string();
    for a in [no_aff, bare] {
        alias(doc, p, &a);
    }
    // "State Department Spokesperson Ned Price": the organisation is an actor too.
    let start = match &aff {
        Some(a) if a.organization.is_some() => {
            let o = actor(doc, a.name, ActorKind::Organization);
            mention(doc, s, aff_start, a.name_end, vec![o], MentionKind::Name);
            a.end
        }
        _ => start,
    };
    mention(doc, s, start, name_end, vec![p], MentionKind::Name);
    alias(doc, p, &full);
    Some(name_end)
}

/// "counterpart" behaves as a title without a class of its own.
static COUNTERPART: Title = Title { canonical: String::new(), class: String::new(), gender: String::new() };

/// Pattern 2: affiliation + group noun, or + "government"/"administration".
fn group_or_government(
    doc: &mut Doc<'_>,
    s: usize,
    words: &[&str],
    f: &[Feat],
    hits: &[Option<Hit>],
    i: usize,
) -> Option<usize> {
    let a = affiliation(doc, words, f, hits, i)?;
    let (end, country) = (a.end, a.name.to_string());
    let is_country = a.organization.is_none();
    let noun = *words.get(end)?;
    // Person-name administrations ("the Biden administration") are handled in reference().
    if is_country && is_in(&["government", "administration", "authorities", "leadership", "regime", "side"], noun) {
        let c = actor(doc, &country, ActorKind::Country);
        mention(doc, s, i, end + 1, vec![c], MentionKind::Name);
        return Some(end + 1);
    }
    if noun.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    if !is_country {
        // "NATO foreign ministers", "EU envoys", "Justice Department officials".
        return organization_group(doc, s, words, i, end, a.organization?);
    }
    // "Brazilian opposition lawmakers", "Iranian state media": a modifier or a
    // two-word group noun.
    let (modifier, noun, head_end) = {
        let two = words.get(end + 1).map(|n| format!("{noun} {n}"));
        match two {
            Some(t) if doc.lex.group(&t).is_some() => (None, t, end + 2),
            _ if f[end].is(Lists::GROUP_MODIFIER)
                && words.get(end + 1).is_some_and(|n| n.ends_with('s') && f[end + 1].group()) =>
            {
                (Some(noun.to_lowercase()), words[end + 1].to_string(), end + 2)
            }
            _ => (None, noun.to_string(), end + 1),
        }
    };
    let noun = noun.as_str();
    let g = match doc.lex.group(noun) {
        Some(g) => g.clone(),
        // "India's cricketers", "Japanese exporters": agent nouns name groups too.
        None if is_agent_plural(doc, noun)
            && (a.end > a.name_end || hits[i].is_some_and(|h| h.form == SurfaceForm::Adjective)) =>
        {
            crate::lexicon::GroupNoun { plural: noun.to_string(), class: "other".into() }
        }
        None => return None,
    };
    // "U.S. military capabilities": a singular collective modifies a following
    // noun; a plural ("officials view") is the head of its phrase.
    if !noun.ends_with('s') && noun != "media" && head_end < words.len() && is_content_noun(words, f, head_end) {
        return None;
    }
    let civil = g.class == "civil";
    if civil && modifier.is_none() {
        // "Japanese nationals", "the Japanese people" stand for the country.
        let c = actor(doc, &country, ActorKind::Country);
        mention(doc, s, i, a.name_end, vec![c], MentionKind::Name);
        return Some(head_end);
    }
    let gi = country_group(doc, &country, modifier.as_deref(), noun, &g.class);
    let surface = doc.text[doc.token_span(s, i, head_end)].to_string();
    alias(doc, gi, &surface);
    mention(doc, s, i, head_end, vec![gi], MentionKind::Name);
    Some(head_end)
}

/// The group of `country` with this modifier and noun class, made on first
/// use: one group per affiliation, modifier and class ("Eritrean troops" =
/// "Eritrean forces").
fn country_group(doc: &mut Doc<'_>, country: &str, modifier: Option<&str>, noun: &str, class: &str) -> usize {
    let head = match modifier {
        Some(m) => format!("{m} {noun}"),
        None => noun.to_string(),
    };
    let class = match modifier {
        Some(m) => format!("{class}+{m}"),
        None => class.to_string(),
    };
    let existing = doc.actors.iter().position(|a| {
        a.kind == ActorKind::Group
            && a.country.as_deref() == Some(country)
            && a.title.as_ref().is_some_and(|t| t.class == class)
    });
    if let Some(gi) = existing {
        return gi;
    }
    let canonical = group_name(doc, country, &head);
    let gi = actor(doc, &canonical, ActorKind::Group);
    doc.actors[gi].country = Some(country.to_string());
    doc.actors[gi].title = Some(Title { canonical: noun.to_lowercase(), class, gender: String::new() });
    gi
}

/// Modifiers that place an unaffiliated group inside the story's country
/// ("opposition lawmakers", "riot police").
pub(super) const DOMESTIC_MODIFIERS: &[&str] = &["opposition", "rebel", "riot", "anti-government", "pro-government"];

/// Words that open a count of unnamed people ("thousands of protesters").
pub(super) const CROWD_COUNTS: &[&str] = &["thousands", "hundreds"];

/// Words before a title that still name its holder ("former President X").
pub(super) const ROLE_PREFIXES: &[&str] = &["former", "then", "incoming", "outgoing", "acting", "interim"];

/// Nouns for the people or organisation behind a person ("Odinga supporters").
pub(super) const FOLLOWERS: &[&str] = &["supporters", "loyalists", "followers", "camp", "campaign"];

/// First words of two-word region adjectives ("Latin American", "Middle Eastern").
pub(super) const REGION_FIRST_WORDS: &[&str] = &["Latin", "Middle", "Central", "Southeast"];

/// Pattern 2d: groups the story leaves unaffiliated because they are the
/// story country's own: "opposition lawmakers", "riot police", "thousands
/// of protesters" (as "Brazilian opposition lawmakers", "Brazilian protesters").
fn domestic_group(doc: &mut Doc<'_>, s: usize, words: &[&str], f: &[Feat], i: usize) -> Option<usize> {
    // Every word this pattern starts at is in one of its two lists.
    if !f[i].is(Lists::DOMESTIC_START) {
        return None;
    }
    let w = words[i];
    // "the opposition (movement)": the opposition group already named.
    if w == "opposition" && words.get(i + 1).is_none_or(|n| doc.lex.group(n).is_none()) {
        let country = doc.actors[main_country(doc)?].name.clone();
        let existing = doc.actors.iter().position(|a| {
            a.kind == ActorKind::Group
                && a.country.as_deref() == Some(country.as_str())
                && a.title.as_ref().is_some_and(|t| t.class.ends_with("+opposition"))
        })?;
        let end =
            if words.get(i + 1).is_some_and(|n| matches!(*n, "movement" | "camp" | "bloc")) { i + 2 } else { i + 1 };
        mention(doc, s, i, end, vec![existing], MentionKind::Nominal);
        return Some(end);
    }
    let (modifier, noun, end) = if is_in(DOMESTIC_MODIFIERS, w) {
        let noun = *words.get(i + 1)?;
        (Some(w.to_lowercase()), noun, i + 2)
    } else if is_in(CROWD_COUNTS, w) && words.get(i + 1) == Some(&"of") {
        let noun = *words.get(i + 2)?;
        let noun = if noun == "people" { "protesters" } else { noun };
        if !is_in(&["protesters", "demonstrators", "supporters"], noun) {
            return None;
        }
        (None, noun, i + 3)
    } else {
        return None;
    };
    if !noun.ends_with('s') {
        return None;
    }
    let g = doc.lex.group(noun)?.clone();
    let country = doc.actors[main_country(doc)?].name.clone();
    let gi = country_group(doc, &country, modifier.as_deref(), noun, &g.class);
    let surface = doc.text[doc.token_span(s, i, end)].to_string();
    alias(doc, gi, &surface);
    mention(doc, s, i, end, vec![gi], MentionKind::Name);
    Some(end)
}

/// Words that may qualify a group between its affiliation and its noun.
pub(super) const GROUP_MODIFIERS: &[&str] = &[
    "opposition",
    "ruling",
    "rescue",
    "riot",
    "security",
    "government",
    "military",
    "presidential",
    "local",
    "senior",
    "rebel",
    "armed",
    "pro-government",
    "anti-government",
    "border",
    "naval",
    "police",
    "intelligence",
    "trade",
    "health",
    "defense",
    "defence",
    "foreign",
    "ministry",
    "embassy",
];

/// The canonical name of a country's group: "U.S. officials" (the dotted
/// abbreviation where the country has one, as newswire writes it), else
/// "South Korean lawmakers".
fn group_name(doc: &Doc<'_>, country: &str, noun: &str) -> String {
    let noun = noun.to_lowercase();
    let c = doc.lex.country(country);
    match (c.and_then(|c| c.abbreviation.as_ref()), c.and_then(|c| c.adjectives.first())) {
        (Some(d), _) => format!("{d} {noun}"),
        (None, Some(adj)) => format!("{adj} {noun}"),
        (None, None) => format!("{country} {noun}"),
    }
}

/// Pattern 3: [affiliation] Capitalised Words ending in an organisation head
/// ("Japan's Defense Ministry", "the Ethiopian Human Rights Commission").
fn organization_phrase(
    doc: &mut Doc<'_>,
    s: usize,
    words: &[&str],
    f: &[Feat],
    hits: &[Option<Hit>],
    i: usize,
) -> Option<usize> {
    let aff = affiliation(doc, words, f, hits, i);
    let k = aff.as_ref().map_or(i, |a| a.end);
    // Title-case headlines capitalise every word: no new names from them.
    if aff.is_none() && (doc.sents[s].headline || !org_start(doc, f, s, i)) {
        return None;
    }
    let mut j = k;
    let mut last_head = None;
    while j < words.len() {
        let w = words[j];
        if f[j].upper() && !f[j].is(Lists::CALENDAR) && (j > k || !f[j].is(Lists::COMMON_CAPITALIZED)) {
            if f[j].is(Lists::ORG_HEAD) {
                last_head = Some(j + 1);
            }
            j += 1;
        } else if j > k && is_in(&["of", "for", "and", "on"], w) {
            // Connectors inside a name: "Office of the High Commissioner for
            // Human Rights", "Securities and Exchange Commission".
            let mut n = j + 1;
            if w != "and" {
                while n < words.len() && is_in(&["of", "for", "the"], words[n]) {
                    n += 1;
                }
            }
            if !f.get(n).is_some_and(|n| n.upper() && !n.is(Lists::CALENDAR)) {
                break;
            }
            // "Peter Obi of the Labor Party": a name before the connector
            // that has no head of its own is no part of the organisation.
            if w != "and" && last_head.is_none() {
                return None;
            }
            // "Commissioner for Human Rights", "Ministry of Foreign Affairs":
            // what a head's connector introduces belongs to the name.
            if w != "and" && last_head == Some(j) {
                let mut e = n;
                while e < words.len()
                    && f[e].upper()
                    && !f[e].is(Lists::CALENDAR)
                    && hits[e].is_none_or(|h| matches!(h.target, Target::Organization(_)))
                {
                    e += 1;
                }
                if e > n {
                    last_head = Some(e);
                }
            }
            j = n;
        } else {
            break;
        }
    }
    let end = last_head?;
    // The head alone ("Inc.", "Ministry") names nothing.
    if end <= k + 1 && f[k].is(Lists::ORG_HEAD) && aff.is_none() {
        return None;
    }
    if end <= k {
        return None;
    }
    // A run that is exactly a gazetteer organisation is pattern 4's; after an
    // affiliation ("the UN's Office of ...") it is still that organisation.
    if let Some(h) = hits[k]
        && h.end == end
        && matches!(h.target, Target::Organization(_))
    {
        aff.as_ref()?;
        let (name, kind) = doc.lex.target_actor(h.target);
        let name = name.to_string();
        let o = actor(doc, &name, kind);
        mention(doc, s, i, end, vec![o], MentionKind::Name);
        return Some(end);
    }
    let core = name_text(doc, s, k, end);
    let canonical = match &aff {
        Some(a) if words.get(k - 1).is_some_and(|w| matches!(*w, "'s" | "’s")) => {
            let adj = doc.lex.country(a.name).and_then(|c| c.adjectives.first().cloned());
            match adj {
                Some(adj) => format!("{adj} {core}"),
                None => name_text(doc, s, i, end),
            }
        }
        Some(_) => name_text(doc, s, i, end),
        None => core.clone(),
    };
    // "the Defense Ministry" later in a document that named "Japan's Defense Ministry".
    let o = match doc.actors.iter().position(|a| {
        a.kind == ActorKind::Organization && (a.name == canonical || a.name.ends_with(&format!(" {canonical}")))
    }) {
        Some(o) => o,
        None => {
            let o = actor(doc, &canonical, ActorKind::Organization);
            doc.actors[o].country = aff.map(|a| a.name.to_string());
            o
        }
    };
    alias(doc, o, &core);
    mention(doc, s, i, end, vec![o], MentionKind::Name);
    Some(end)
}

/// Whether a capitalised organisation phrase may start at `i` (not a
/// sentence-initial common word).
fn org_start(doc: &Doc<'_>, f: &[Feat], s: usize, i: usize) -> bool {
    f[i].upper() && !f[i].is(Lists::COMMON_CAPITALIZED) && !(i == doc.sents[s].first && looks_common(doc, s, f, i))
}

/// Whether token `i`, capitalised, is probably an ordinary word made capital
/// by its position: a verb form, an -ing or -ed form, or a function word.
fn looks_common(doc: &Doc<'_>, s: usize, f: &[Feat], i: usize) -> bool {
    let w = doc.word(s, i);
    f[i].is(Lists::COMMON_CAPITALIZED)
        || f[i].verb()
        || (w.len() > 5 && (w.ends_with("ing") || w.ends_with("ed")))
        || f[i].noun()
        || f[i].group()
        || (f[i].title() && !doc.text.contains(&format!(" {w} ")))
}

/// Pattern 4: a gazetteer hit on its own.
fn gazetteer_mention(
    doc: &mut Doc<'_>,
    s: usize,
    words: &[&str],
    f: &[Feat],
    hits: &[Option<Hit>],
    i: usize,
) -> Option<usize> {
    let mut h = hits[i]?;
    // "Tesla Inc.", "Toyota Motor Corp.": the legal suffix belongs to the name.
    if matches!(h.target, Target::Organization(_)) {
        while f.get(h.end).is_some_and(|x| x.is(Lists::COMPANY_SUFFIX)) {
            h.end += 1;
        }
    }
    let lex = doc.lex;
    let (name, kind) = lex.target_actor(h.target);
    let a = actor(doc, name, kind);
    if let Target::Organization(o) = h.target
        && doc.actors[a].country.is_none()
    {
        doc.actors[a].country = doc.lex.organizations[o].country.clone();
    }
    // A demonym before a lowercase noun modifies it ("Japanese archipelago");
    // elsewhere it stands for the country ("the Japanese", "North Korean said").
    let next = words.get(h.end).copied().unwrap_or("");
    let modifier = h.form == SurfaceForm::Adjective && next.chars().next().is_some_and(char::is_lowercase);
    let kind = if modifier { MentionKind::Modifier } else { MentionKind::Name };
    let _ = words;
    mention(doc, s, i, h.end, vec![a], kind);
    Some(h.end)
}

/// Pattern 5: role nominals, plural references, descriptions and pronouns.
fn reference(
    doc: &mut Doc<'_>,
    s: usize,
    words: &[&str],
    f: &[Feat],
    hits: &[Option<Hit>],
    i: usize,
    memory: &Memory,
) -> Option<usize> {
    // Every word this pattern reacts to opens a reference.
    if !f[i].is(Lists::REFERENCE_START) {
        return None;
    }
    let w = words[i];
    // The list is ASCII, so the word is too.
    let lw: std::borrow::Cow<'_, str> =
        if w.bytes().any(|b| b.is_ascii_uppercase()) { w.to_ascii_lowercase().into() } else { w.into() };
    // Pronouns.
    // Possessive determiners ("his counterpart", "their plan") name no actor
    // of the clause; "her" is possessive when a noun follows.
    let possessive_det = matches!(&*lw, "his" | "their" | "its")
        || (lw == "her"
            && words.get(i + 1).is_some_and(|n| {
                n.chars().next().is_some_and(char::is_lowercase)
                    && !is_in(
                        &["to", "that", "and", "or", "on", "in", "of", "about", "with", "for", "at", "as", "by"],
                        n,
                    )
            }));
    if is_in(words::SINGULAR_PRONOUNS, w) && !possessive_det {
        let gender = words::pronoun_gender(w);
        let object = matches!(&*lw, "him" | "her")
            && i > 0
            && !is_in(&["to", "with", "for", "by", "from", "of", "about"], words[i - 1]);
        let p = resolve_pronoun(doc, s, i, gender, object)?;
        if let Some(g) = gender {
            doc.actors[p].gender.get_or_insert(g);
        }
        mention(doc, s, i, i + 1, vec![p], MentionKind::Pronoun);
        return Some(i + 1);
    }
    if is_in(words::PLURAL_PRONOUNS, w) && !possessive_det {
        if memory.plural.len() > 1 {
            mention(doc, s, i, i + 1, memory.plural.clone(), MentionKind::Pronoun);
            return Some(i + 1);
        }
        return None;
    }
    // "a Justice Department spokesman", "a senior U.S. official": an unnamed
    // official stands for the officials of the affiliation (a group).
    if matches!(&*lw, "a" | "an") {
        if let Some(end) = unnamed_official(doc, s, words, f, hits, i) {
            return Some(end);
        }
        return None;
    }
    if !is_in(&["the", "both", "his", "her", "their", "its"], w) {
        // "Secretary Blinken" is pattern 1; a bare capitalised role "The Secretary" comes here.
        return None;
    }
    let mut k = i + 1;
    // "the two leaders", "both countries", "the three nations"
    let count = match words.get(k).map(|w| lower(w)) {
        Some(n) if matches!(&*n, "two" | "both") => Some(2),
        Some(n) if n == "three" => Some(3),
        _ if lw == "both" => Some(2),
        _ => None,
    };
    if let Some(count) = count {
        if lw != "both" {
            k += 1;
        }
        let noun = words.get(k).map(|w| w.to_lowercase()).unwrap_or_default();
        let set = match noun.as_str() {
            "leaders" | "presidents" | "ministers" | "men" | "women" | "officials" | "diplomats" => {
                match memory.plural.as_slice() {
                    p if p.len() == count && p.iter().all(|&a| doc.actors[a].kind == ActorKind::Person) => p.to_vec(),
                    _ => recent(doc, count, |a| a.kind == ActorKind::Person),
                }
            }
            "countries" | "nations" | "allies" | "neighbors" | "neighbours" | "governments" | "states" | "sides" => {
                // The countries of the people last named together ("Kishida and
                // Biden ... the two allies"), the countries themselves, or the
                // most recent ones.
                let of_people: Vec<usize> = memory
                    .plural
                    .iter()
                    .filter_map(|&a| doc.actors[a].country.clone())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .map(|c| actor(doc, &c, ActorKind::Country))
                    .collect();
                let mut uniq = of_people.clone();
                uniq.dedup();
                match memory.plural.as_slice() {
                    p if p.len() == count && p.iter().all(|&a| doc.actors[a].kind == ActorKind::Country) => p.to_vec(),
                    p if p.len() == count && uniq.len() == count => uniq,
                    _ => recent(doc, count, |a| a.kind == ActorKind::Country),
                }
            }
            _ => return None,
        };
        if set.len() == count {
            mention(doc, s, i, k + 1, set, MentionKind::Nominal);
            return Some(k + 1);
        }
        return None;
    }
    // "the nuclear-armed neighbors", "the allies": the countries last named together.
    if lw == "the" && memory.plural.len() > 1 {
        let mut k = i + 1;
        // Up to two adjectives ("nuclear-armed", "Asian").
        while k < i + 5
            && words
                .get(k)
                .is_some_and(|w| w.chars().all(|c| c.is_lowercase() || c == '-') && !f[k].is(Lists::COUNTRY_SET))
        {
            k += 1;
        }
        if f.get(k).is_some_and(|x| x.is(Lists::COUNTRY_SET)) && k <= i + 5 {
            let countries: Vec<usize> = memory
                .plural
                .iter()
                .filter_map(|&a| match doc.actors[a].kind {
                    ActorKind::Country => Some(Some(a)),
                    ActorKind::Person => {
                        Some(doc.actors[a].country.clone().map(|c| actor(doc, &c, ActorKind::Country)))
                    }
                    _ => None,
                })
                .flatten()
                .collect();
            let mut uniq = countries.clone();
            uniq.sort_unstable();
            uniq.dedup();
            if uniq.len() > 1 && countries.len() == memory.plural.len() {
                mention(doc, s, i, k + 1, countries, MentionKind::Nominal);
                return Some(k + 1);
            }
        }
    }
    // "the ministers", "the leaders" after "G8 leaders" or "NATO foreign
    // ministers": the organisation or group last named by its members.
    if lw == "the"
        && words.get(i + 1).is_some_and(|n| is_in(MEMBER_NOUNS, n))
        && words.get(i + 2).is_none_or(|n| *n != "of")
    {
        let org = recent(doc, 1, |a| {
            matches!(a.kind, ActorKind::Organization | ActorKind::Group)
                && std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .any(|x| x.rsplit(' ').next().is_some_and(|h| is_in(MEMBER_NOUNS, h)))
        });
        if let [o] = org.as_slice() {
            mention(doc, s, i, i + 2, vec![*o], MentionKind::Nominal);
            return Some(i + 2);
        }
    }
    // "the department", "the party", "the court": the organisation last
    // named whose name has that head ("Department of Justice").
    if lw == "the"
        && let Some(head) = words.get(i + 1).filter(|h| is_in(ORGANIZATION_HEADS, h))
        && !words.get(i + 2).is_some_and(|n| *n == "of" || n.chars().next().is_some_and(char::is_uppercase))
    {
        let mut cap = head.to_string();
        cap[..1].make_ascii_uppercase();
        let company = matches!(*head, "company" | "firm");
        let org = recent(doc, 1, |a| {
            a.kind == ActorKind::Organization
                && if company {
                    a.name.split([' ', ',']).any(|w| is_in(COMPANY_SUFFIXES, w))
                } else {
                    a.name.split(' ').any(|w| w == cap)
                }
        });
        if let [o] = org.as_slice() {
            mention(doc, s, i, i + 2, vec![*o], MentionKind::Nominal);
            return Some(i + 2);
        }
    }
    // "the country" (singular, not "the country's capital"): the country
    // last named.
    if lw == "the"
        && words.get(i + 1).is_some_and(|n| *n == "country")
        && words.get(i + 2).is_none_or(|n| *n != "of")
        && let [c] = recent(doc, 1, |a| a.kind == ActorKind::Country).as_slice()
    {
        mention(doc, s, i, i + 2, vec![*c], MentionKind::Nominal);
        return Some(i + 2);
    }
    // "the government" with no country named: the country the story is
    // about, i.e. the one mentioned most so far.
    // Inside a quotation "the government" may be the speaker's own.
    if lw == "the"
        && words.get(i + 1).is_some_and(|n| *n == "government")
        && !words.get(i + 2).is_some_and(|n| matches!(*n, "of" | "in" | "-"))
        && !inside_quote(doc, s, i)
        && let Some(c) = main_country(doc)
    {
        mention(doc, s, i, i + 2, vec![c], MentionKind::Nominal);
        return Some(i + 2);
    }
    // "the leaders" with no number: the people last named together, else the
    // two leaders last named ("X spoke with King Y. The leaders discussed ...").
    if lw == "the" && words.get(i + 1).is_some_and(|n| n.eq_ignore_ascii_case("leaders")) {
        let set = if memory.plural.len() > 1 && memory.plural.iter().all(|&a| doc.actors[a].kind == ActorKind::Person) {
            memory.plural.clone()
        } else {
            recent(doc, 2, |a| a.kind == ActorKind::Person && a.title.as_ref().is_some_and(Title::is_leader))
        };
        if set.len() < 2 {
            return None;
        }
        mention(doc, s, i, i + 2, set, MentionKind::Nominal);
        return Some(i + 2);
    }
    if !is_in(&["the", "his", "her", "their"], w) {
        return None;
    }
    // "the U.S. president", "the Japanese leader", "his Pakistani counterpart"
    let mut country = None;
    if let Some(h) = hits.get(k).copied().flatten()
        && let Target::Country(c) = h.target
    {
        country = Some(doc.lex.countries[c].name.clone());
        k = h.end;
    }
    // "the Colombian and Venezuelan presidents": the holders of that role in
    // each country.
    if lw == "the"
        && let Some(c1) = country.clone()
        && words.get(k) == Some(&"and")
        && let Some(h) = hits.get(k + 1).copied().flatten()
        && let Target::Country(c) = h.target
        && let Some(title) = words.get(h.end).and_then(|w| w.strip_suffix('s')).and_then(|w| doc.lex.title(w))
    {
        let c2 = doc.lex.countries[c].name.clone();
        let canonical = title.canonical.clone();
        let holder = |c: &str| {
            recent(doc, 1, |a| {
                a.kind == ActorKind::Person
                    && a.country.as_deref() == Some(c)
                    && a.title.as_ref().is_some_and(|t| same_role(&t.canonical, &canonical))
            })
        };
        if let ([p1], [p2]) = (holder(&c1).as_slice(), holder(&c2).as_slice())
            && p1 != p2
        {
            mention(doc, s, i, h.end + 1, vec![*p1, *p2], MentionKind::Nominal);
            return Some(h.end + 1);
        }
        // Not named yet: the countries for now, the holders if named later.
        return Some(pending_role(doc, s, i, h.end + 1, canonical, vec![c1, c2]));
    }
    // "the foreign ministers of India and Pakistan": the same, role first.
    // Every "the" comes here: look for the "of" before building phrases.
    if lw == "the"
        && (i + 2..(i + 2 + doc.lex.max_title_words()).min(words.len())).any(|k| words[k] == "of")
        && let Some((end, title)) = title_plural_at(doc, words, i + 1)
        && words.get(end) == Some(&"of")
        && let Some(h1) = hits.get(end + 1).copied().flatten()
        && let Target::Country(c1) = h1.target
        && words.get(h1.end) == Some(&"and")
        && let Some(h2) = hits.get(h1.end + 1).copied().flatten()
        && let Target::Country(c2) = h2.target
        && c1 != c2
    {
        let canonical = title.canonical.clone();
        let names = vec![doc.lex.countries[c1].name.clone(), doc.lex.countries[c2].name.clone()];
        return Some(pending_role(doc, s, i, h2.end, canonical, names));
    }
    let head = words.get(k).copied().unwrap_or("");
    if lw == "the" {
        if let Some((end, title)) = title_at(doc, words, f, k) {
            // A role followed by a name is pattern 1's business.
            if name_word(f, end) {
                return None;
            }
            let canonical = title.canonical.clone();
            let p = recent(doc, 1, |a| {
                a.kind == ActorKind::Person
                    && a.title.as_ref().is_some_and(|t| {
                        same_role(&t.canonical, &canonical) || (canonical == "leader" && t.is_leader())
                    })
                    && country.as_ref().is_none_or(|c| a.country.as_ref() == Some(c))
            });
            if let [p] = p.as_slice() {
                mention(doc, s, i, end, vec![*p], MentionKind::Nominal);
                return Some(end);
            }
            // "the Swiss ambassador", unnamed, stands for the country it represents.
            if let (Some(c), "diplomat") = (&country, title.class.as_str()) {
                let c = actor(doc, &c.clone(), ActorKind::Country);
                mention(doc, s, i, end, vec![c], MentionKind::Nominal);
                return Some(end);
            }
            return None;
        }
        if head.eq_ignore_ascii_case("leader") {
            let p = recent(doc, 1, |a| {
                a.kind == ActorKind::Person
                    && a.title.as_ref().is_some_and(Title::is_leader)
                    && country.as_ref().is_none_or(|c| a.country.as_ref() == Some(c))
            });
            if let [p] = p.as_slice() {
                mention(doc, s, i, k + 1, vec![*p], MentionKind::Nominal);
                return Some(k + 1);
            }
        }
        // "the Asian country", "the African nation"
        if matches!(head, "country" | "nation")
            && country.is_none()
            && let Some(region) = words.get(i + 1).and_then(|r| region_of(r))
            && k == i + 1
        {
            let next = words.get(i + 2).copied().unwrap_or("");
            if matches!(next, "country" | "nation") {
                let c = recent(doc, 1, |a| {
                    a.kind == ActorKind::Country && doc.lex.country(&a.name).is_some_and(|c| c.region == region)
                });
                if let [c] = c.as_slice() {
                    mention(doc, s, i, i + 3, vec![*c], MentionKind::Nominal);
                    return Some(i + 3);
                }
            }
        }
    }
    None
}

/// Plural nouns by which the members of an organisation or group named
/// before are referred to again ("G8 leaders ... the leaders", "FARC rebels
/// ... the rebels").
const MEMBER_NOUNS: &[&str] =
    &["ministers", "leaders", "members", "delegates", "rebels", "militants", "insurgents", "guerrillas", "fighters"];

/// Head nouns by which an organisation is referred to again ("the ministry").
const ORGANIZATION_HEADS: &[&str] = &[
    "department",
    "ministry",
    "agency",
    "party",
    "court",
    "commission",
    "committee",
    "council",
    "bank",
    "bureau",
    "company",
    "firm",
    "parliament",
    "assembly",
    "senate",
    "congress",
    "tribunal",
    "embassy",
    "union",
    "alliance",
    "coalition",
    "movement",
    "front",
];

/// The country with the most actor mentions so far, when one clearly leads.
fn main_country(doc: &Doc<'_>) -> Option<usize> {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in &doc.mentions {
        if m.kind == MentionKind::Modifier || m.actors.len() != 1 {
            continue;
        }
        let a = m.actors[0];
        if doc.actors[a].kind != ActorKind::Country {
            continue;
        }
        match counts.iter_mut().find(|(x, _)| *x == a) {
            Some((_, n)) => *n += 1,
            None => counts.push((a, 1)),
        }
    }
    // Only a clear main country: named more often than any other.
    let best = counts.iter().map(|&(_, n)| n).max()?;
    let leaders: Vec<usize> = counts.iter().filter(|&&(_, n)| n == best).map(|&(a, _)| a).collect();
    (leaders.len() == 1).then(|| leaders[0])
}

/// Region names by their adjective ("Asian" -> "Asia").
fn region_of(adj: &str) -> Option<&'static str> {
    Some(match adj {
        "Asian" => "Asia",
        "African" => "Africa",
        "European" => "Europe",
        "Middle" => return None,
        "Gulf" | "Arab" => "Middle East",
        "Latin" | "South" => "South America",
        "Caribbean" => "Caribbean",
        "Pacific" => "Oceania",
        _ => return None,
    })
}

/// The `n` most recently mentioned distinct actors satisfying `pred`.
fn recent(doc: &Doc<'_>, n: usize, pred: impl Fn(&ActorRec) -> bool) -> Vec<usize> {
    let mut out = Vec::new();
    for m in doc.mentions.iter().rev() {
        if m.kind == MentionKind::Modifier {
            continue;
        }
        for &a in &m.actors {
            if !out.contains(&a) && pred(&doc.actors[a]) {
                out.push(a);
                if out.len() == n {
                    out.reverse();
                    return out;
                }
            }
        }
    }
    out.reverse();
    out
}

/// The person a singular pronoun refers to: the most recent compatible
/// person, preferring the subject of the sentence; an object pronoun skips
/// the subject of its own clause ("Biden assured him" is not Biden).
fn resolve_pronoun(doc: &Doc<'_>, s: usize, i: usize, gender: Option<char>, object: bool) -> Option<usize> {
    let compatible = |a: usize| {
        let r = &doc.actors[a];
        r.kind == ActorKind::Person && (gender.is_none() || r.gender.is_none() || r.gender == gender)
    };
    // Mentions before the pronoun, newest first.
    let mut clause_subject = None;
    if object {
        // The nearest person mention before the verb of this clause.
        clause_subject = doc.sents[s]
            .mentions
            .iter()
            .rev()
            .map(|&m| &doc.mentions[m])
            .find(|m| m.end <= i && m.actors.len() == 1 && doc.actors[m.actors[0]].kind == ActorKind::Person)
            .map(|m| m.actors[0]);
    }
    // Prefer the subject (first person mention) of the current sentence, then
    // of earlier sentences, scanning back at most three sentences.
    let lo = s.saturating_sub(6);
    for ss in (lo..=s).rev() {
        let ms: Vec<&Mention> = doc.sents[ss]
            .mentions
            .iter()
            .map(|&m| &doc.mentions[m])
            .filter(|m| {
                (ss < s || m.end <= i)
                    && m.actors.len() == 1
                    && m.kind != MentionKind::Modifier
                    && compatible(m.actors[0])
            })
            // Names inside a quotation are the quoted speaker's words, not the narrative's subjects.
            .filter(|m| !inside_quote(doc, ss, m.start))
            .filter(|m| Some(m.actors[0]) != clause_subject)
            .collect();
        if let Some(m) = ms.first() {
            return Some(m.actors[0]);
        }
    }
    None
}

/// Pattern 6: a capitalised name not covered by the lexicons.
fn capitalized_name(
    doc: &mut Doc<'_>,
    s: usize,
    words: &[&str],
    f: &[Feat],
    hits: &[Option<Hit>],
    i: usize,
) -> Option<usize> {
    let w = words[i];
    if let Some(&a) = doc.acronyms.get(w) {
        mention(doc, s, i, i + 1, vec![a], MentionKind::Name);
        return Some(i + 1);
    }
    // "Analysts say", "officials said": unnamed speakers are a group.
    let first = i == doc.sents[s].first;
    let bare = first || (f[i].lower() && !f[i - 1].is(Lists::DETERMINER) && !f[i - 1].upper());
    if f[i].group() && w.ends_with('s') && bare {
        let mut k = i + 1;
        while k < words.len() && f[k].is(Lists::AUXILIARY) {
            k += 1;
        }
        if f.get(k)
            .copied()
            .unwrap_or_default()
            .verbs(doc.lex)
            .iter()
            .any(|v| v.class != crate::lexicon::VerbClass::Interaction && v.cameo.starts_with("01"))
        {
            let g = actor(doc, &w.to_lowercase(), ActorKind::Group);
            mention(doc, s, i, i + 1, vec![g], MentionKind::Name);
            return Some(i + 1);
        }
    }
    if !name_word(f, i) {
        return None;
    }
    let sentence_initial = i == doc.sents[s].first || (i > 0 && matches!(words[i - 1], "\"" | "\u{201C}" | "(" | ":"));
    if sentence_initial && looks_common(doc, s, f, i) {
        return None;
    }
    // "Operation Car Wash": a run right after another capitalised word that
    // is no name (and no title) belongs to that word's name, not a person's.
    if i > doc.sents[s].first && f[i - 1].upper() && !name_word(f, i - 1) && !f[i - 1].title() && hits[i - 1].is_none()
    {
        return Some(name_run(doc, s, words, f, hits, i).max(i + 1));
    }
    let end = name_run(doc, s, words, f, hits, i);
    if end == i {
        return None;
    }
    if end - i == 1 {
        // A single capitalised word: a known person's name, else nothing.
        let p = known_person(doc, w)?;
        mention(doc, s, i, end, vec![p], MentionKind::Name);
        return Some(end);
    }
    // "Biden administration": the person's country.
    if words.get(end).is_some_and(|n| *n == "administration")
        && let Some(p) = known_person(doc, words[end - 1])
        && let Some(c) = doc.actors[p].country.clone()
    {
        let c = actor(doc, &c, ActorKind::Country);
        mention(doc, s, i, end + 1, vec![c], MentionKind::Name);
        return Some(end + 1);
    }
    // "World War II", "Security Strait", "Paris Agreement": not people.
    if f[i..end].iter().any(|x| x.is(Lists::NOT_PERSON)) || f[i..end].iter().any(|x| x.is(Lists::ORG_HEAD)) {
        return Some(end);
    }
    // "San Bernardino", "Rio de Janeiro", "Daybreak Africa": places, or named after one.
    let name = name_text(doc, s, i, end);
    let last = words[end - 1];
    if doc.lex.place(&name).is_some()
        || doc.lex.place(last).is_some_and(|k| matches!(k, "area" | "region" | "feature"))
        || (i > 0 && doc.lex.place(&format!("{} {name}", words[i - 1])).is_some())
    {
        return Some(end);
    }
    // A headline in title case is full of capitalised words that are no names.
    if doc.sents[s].headline {
        return None;
    }
    // With no title before it, a capitalised pair is a person when it starts
    // with a known given name or acts like one (followed by a verb or an
    // apposition): "Car Wash" and "Daybreak Africa" are not.
    let initial = words[i].len() == 2 && words[i].ends_with('.');
    let next = words.get(end).copied().unwrap_or("");
    let acts =
        f.get(end).is_some_and(Feat::verb) || next.ends_with("ed") || matches!(next, "," | "'s" | "’s" | "who" | "(");
    let given = words[i..end - 1].iter().any(|w| doc.lex.given_name(w).is_some());
    if !given && !initial && !acts {
        return Some(end);
    }
    // "Undersecretary of State Michael Armacost", "Inspector of Mines X": the
    // words after "of" finish the title; the person starts at the given name.
    if i > doc.sents[s].first
        && words[i - 1] == "of"
        && doc.lex.given_name(words[i]).is_none()
        && let Some(g) = (i + 1..end - 1).find(|&k| doc.lex.given_name(words[k]).is_some())
    {
        let name = name_text(doc, s, g, end);
        let p = person(doc, &name);
        mention(doc, s, g, end, vec![p], MentionKind::Name);
        return Some(end);
    }
    let p = person(doc, &name);
    mention(doc, s, i, end, vec![p], MentionKind::Name);
    Some(end)
}

/// A lowercase word that is probably a noun continuing a compound ("military
/// capabilities"): not a verb form, function word or adverb.
fn is_content_noun(words: &[&str], f: &[Feat], i: usize) -> bool {
    let (w, x) = (words[i], f[i]);
    x.lower()
        && !w.ends_with("ed")
        && w.chars().all(char::is_alphabetic)
        && !x.verb()
        && !x.is(Lists::AUXILIARY)
        && !x.is(Lists::DETERMINER)
        && !x.is(Lists::NEGATION)
        && !x.is(Lists::FUNCTION_WORD)
        && !words::is_adverb(w)
}

/// Prepositions, conjunctions and other words that never continue a compound noun.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "in", "on", "at", "of", "for", "to", "from", "with", "by", "about", "against", "and", "or", "but", "that", "which",
    "who", "whom", "whose", "as", "than", "into", "over", "under", "after", "before", "during", "since", "until",
    "while", "if", "because", "although", "near", "across", "amid", "between", "among", "through", "toward", "towards",
    "without", "within", "say", "said", "says", "here", "there", "also", "not",
];

/// Legal suffixes of company names.
pub(super) const COMPANY_SUFFIXES: &[&str] = &[
    "Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd.", "Ltd", "LLC", "PLC", "Plc", "AG", "SA", "S.A.", "N.V.", "NV",
    "GmbH", "Group", "Holdings",
];

/// Whether two titles name the same role: equal, or one is the head of the
/// other ("secretary" and "secretary of state", "minister" and "defense minister").
fn same_role(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && (long == short || long.starts_with(&format!("{short} ")) || long.ends_with(&format!(" {short}")))
}

/// A person's last name, generational suffixes left out ("Joseph R. Biden, Jr." -> "Biden").
fn surname(name: &str) -> &str {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .rfind(|w| !w.is_empty() && !matches!(*w, "Jr." | "Sr." | "II" | "III" | "IV" | "Jr" | "Sr"))
        .unwrap_or(name)
}

/// A plural agent noun that names people ("cricketers", "exporters",
/// "economists"), not a verb form or a known non-person noun.
fn is_agent_plural(doc: &Doc<'_>, w: &str) -> bool {
    w.len() > 5
        && w.chars().all(|c| c.is_ascii_lowercase())
        && (w.ends_with("ers") || w.ends_with("ists") || w.ends_with("ians") || w.ends_with("ants"))
        && doc.lex.verb(w).is_empty()
        && !is_in(
            &[
                "others",
                "matters",
                "waters",
                "centers",
                "centres",
                "headquarters",
                "borders",
                "numbers",
                "orders",
                "letters",
                "papers",
                "powers",
                "towers",
                "papers",
                "chambers",
                "quarters",
                "talents",
                "grants",
                "plants",
                "remnants",
                "variants",
                "pledges",
            ],
            w,
        )
}

/// Adjectives of world regions that affiliate a group ("European allies",
/// "Latin American officials").
pub(super) const REGION_ADJECTIVES: &[&str] = &[
    "European",
    "African",
    "Asian",
    "Arab",
    "Western",
    "Gulf",
    "Nordic",
    "Baltic",
    "Balkan",
    "Latin American",
    "Middle Eastern",
    "Pacific",
    "Caribbean",
    "Central Asian",
    "Southeast Asian",
];

/// Pattern 2c: the people organised around a known person: "Odinga
/// supporters", "his loyalists", "the Atiku campaign", "the Odinga camp".
/// Supporters are a group named after the person as the text calls them;
/// a campaign is an organisation, and "camp" joins whichever exists.
fn followers_of_person(doc: &mut Doc<'_>, s: usize, words: &[&str], f: &[Feat], i: usize) -> Option<usize> {
    let the = words[i].eq_ignore_ascii_case("the");
    let k = if the { i + 1 } else { i };
    let w = *words.get(k)?;
    // Cheap test first: the word after the name (or its "'s") must be one of ours.
    let follows = |j: usize| f.get(j).is_some_and(|x| x.is(Lists::FOLLOWER));
    if !(follows(k + 1) || (matches!(words.get(k + 1).copied(), Some("'s" | "’s")) && follows(k + 2))) {
        return None;
    }
    let (person, label, mut n) = if !the && matches!(w, "his" | "her" | "His" | "Her") {
        let p = resolve_pronoun(doc, s, k, words::pronoun_gender(w), false)?;
        (p, surname(&doc.actors[p].name).to_string(), k + 1)
    } else if w.chars().next().is_some_and(char::is_uppercase) {
        (known_person(doc, w)?, w.to_string(), k + 1)
    } else {
        return None;
    };
    if matches!(words.get(n).copied(), Some("'s" | "’s")) {
        n += 1;
    }
    let noun = words.get(n)?.to_ascii_lowercase();
    let supporters = format!("{label} supporters");
    let campaign = format!("{label} campaign");
    let has = |doc: &Doc<'_>, name: &str| doc.actors.iter().any(|a| a.name == name);
    let (name, kind) = match noun.as_str() {
        "supporters" | "loyalists" | "followers" => (supporters, ActorKind::Group),
        "campaign" => (campaign, ActorKind::Organization),
        "camp" if has(doc, &campaign) => (campaign, ActorKind::Organization),
        "camp" => (supporters, ActorKind::Group),
        _ => return None,
    };
    let g = actor(doc, &name, kind);
    if let Some(c) = doc.actors[person].country.clone() {
        doc.actors[g].country.get_or_insert(c);
    }
    mention(doc, s, i, n + 1, vec![g], MentionKind::Name);
    Some(n + 1)
}

/// Pattern 2b: a region adjective + plural group noun ("its European allies").
fn region_group(doc: &mut Doc<'_>, s: usize, words: &[&str], f: &[Feat], i: usize) -> Option<usize> {
    let (adj, k) = if f[i].is(Lists::REGION_FIRST)
        && words.get(i + 1).is_some_and(|n| is_in(&["American", "Eastern", "Asian"], n))
    {
        (format!("{} {}", words[i], words[i + 1]), i + 2)
    } else if f[i].is(Lists::REGION_ADJECTIVE) {
        (words[i].to_string(), i + 1)
    } else {
        return None;
    };
    let noun = *words.get(k)?;
    if !noun.ends_with('s')
        || !(f[k].group() || is_in(&["allies", "partners", "neighbors", "neighbours", "powers"], noun))
    {
        return None;
    }
    let name = format!("{adj} {}", noun.to_lowercase());
    let g = actor(doc, &name, ActorKind::Group);
    mention(doc, s, i, k + 1, vec![g], MentionKind::Name);
    Some(k + 1)
}

/// An organisation + a plural role or group noun: "NATO foreign ministers".
fn organization_group(doc: &mut Doc<'_>, s: usize, words: &[&str], i: usize, end: usize, org: usize) -> Option<usize> {
    // Plural titles ("foreign ministers") or group nouns ("officials").
    let mut k = end;
    let mut found = None;
    for n in (1..=3).rev() {
        if k + n > words.len() {
            continue;
        }
        let phrase = words[k..k + n].join(" ");
        let singular = phrase.strip_suffix('s').unwrap_or(&phrase);
        if phrase.ends_with('s') && (doc.lex.title(singular).is_some() || (n == 1 && doc.lex.group(&phrase).is_some()))
        {
            found = Some(k + n);
            break;
        }
    }
    k = found?;
    if words[end..k].iter().any(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        return None;
    }
    // "FARC rebels", "G8 leaders", "Hamas fighters" act as the organisation itself.
    if k == end + 1
        && is_in(&["leaders", "rebels", "fighters", "militants", "members", "guerrillas", "insurgents"], words[end])
    {
        let (name, kind) = doc.lex.target_actor(Target::Organization(org));
        let name = name.to_string();
        let o = actor(doc, &name, kind);
        mention(doc, s, i, k, vec![o], MentionKind::Name);
        return Some(k);
    }
    let name = single_spaced(&doc.text[doc.token_span(s, i, k)]).into_owned();
    let g = actor(doc, &name, ActorKind::Group);
    mention(doc, s, i, k, vec![g], MentionKind::Name);
    Some(k)
}

/// Whether token `i` of sentence `s` lies inside a quotation opened in the sentence.
fn inside_quote(doc: &Doc<'_>, s: usize, i: usize) -> bool {
    doc.sents[s].tokens[..i].iter().filter(|t| t.kind == TokenKind::Quote).count() % 2 == 1
}

/// Adjectives that may qualify an unnamed official.
pub(super) const OFFICIAL_ADJECTIVES: &[&str] = &[
    "senior",
    "top",
    "high-ranking",
    "former",
    "local",
    "regional",
    "military",
    "government",
    "presidential",
    "administration",
    "foreign",
    "western",
    "second",
    "third",
    "deputy",
];

/// "a [senior] AFFILIATION [presidential] TITLE" with no name after it: a
/// mention of the group "<affiliation> officials".
fn unnamed_official(
    doc: &mut Doc<'_>,
    s: usize,
    words: &[&str],
    f: &[Feat],
    hits: &[Option<Hit>],
    i: usize,
) -> Option<usize> {
    let mut k = i + 1;
    while k < words.len() && f[k].is(Lists::OFFICIAL_ADJECTIVE) {
        k += 1;
    }
    let a = affiliation(doc, words, f, hits, k)?;
    k = a.end;
    while k < words.len() && f[k].is(Lists::OFFICIAL_ADJECTIVE) {
        k += 1;
    }
    let (end, title) = title_at(doc, words, f, k)
        .or_else(|| words.get(k).filter(|w| w.eq_ignore_ascii_case("official")).map(|_| (k + 1, &COUNTERPART)))?;
    if title.is_honorific() || name_word(f, end) {
        return None;
    }
    let name = match a.organization {
        Some(_) => format!("{} officials", a.name),
        None => group_name(doc, a.name, "officials"),
    };
    let g = match doc.actors.iter().position(|x| x.kind == ActorKind::Group && x.name == name) {
        Some(g) => g,
        None => {
            let g = actor(doc, &name, ActorKind::Group);
            doc.actors[g].country = Some(a.name.to_string());
            g
        }
    };
    mention(doc, s, i, end, vec![g], MentionKind::Name);
    Some(end)
}

/// Words that open a reference pattern in lowercase.
pub(super) const REFERENCE_STARTS: &[&str] = &[
    "the",
    "a",
    "an",
    "both",
    "his",
    "her",
    "their",
    "its",
    "he",
    "him",
    "she",
    "hers",
    "himself",
    "herself",
    "they",
    "them",
    "themselves",
    "former",
    "then",
    "incoming",
    "outgoing",
    "acting",
    "interim",
    "counterpart",
];

/// Whether any mention pattern can start at token `i`: a capitalised word, a
/// gazetteer hit, a title, a group noun or a reference word.
fn could_start_mention(f: &[Feat], hits: &[Option<Hit>], i: usize) -> bool {
    let x = f[i];
    hits[i].is_some()
        || x.upper()
        || x.is(Lists::REFERENCE_START)
        || x.title_start()
        || x.group()
        || x.is(Lists::REGION_ADJECTIVE)
        || x.is(Lists::DOMESTIC_START)
}

/// `w.to_lowercase()`, without allocating for words already in lowercase.
fn lower(w: &str) -> std::borrow::Cow<'_, str> {
    if w.chars().any(char::is_uppercase) { w.to_lowercase().into() } else { w.into() }
}

/// Plural nouns for a set of countries named before ("the neighbors").
pub(super) const COUNTRY_SETS: &[&str] = &[
    "allies",
    "neighbors",
    "neighbours",
    "rivals",
    "nations",
    "countries",
    "sides",
    "partners",
    "foes",
    "adversaries",
    "governments",
];
