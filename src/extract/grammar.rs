//! Shallow grammar shared by the relation and statement rules: where a
//! verb's subject and object are, coordination, negation, passives.

use super::words::{self, Lists, is_in};
use super::{Doc, MentionKind};
use crate::lexicon::VerbSense;

/// Words that end a clause when scanning for an object.
const CLAUSE_BREAKS: &[&str] = &[
    ",", ";", ":", "--", "\u{2014}", "\u{2013}", "that", "which", "who", "while", "after", "before", "because", "as",
    "but", "when", "where", "if", "although", "since", "until", "(", ")",
];

/// Whether token `v` of sentence `s` reads as a verb rather than a noun:
/// lowercase, not after a determiner or possessive, not inside a mention.
pub(super) fn is_verb_position(doc: &Doc<'_>, s: usize, v: usize) -> bool {
    let w = doc.word(s, v);
    if w.is_empty() || !w.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    if doc.mention_at(s, v).is_some() {
        return false;
    }
    if v > 0 {
        let p = doc.word(s, v - 1);
        if doc.feat(s, v - 1).is(Lists::DETERMINER) && !is_in(&["that", "all", "both", "each"], p)
            || matches!(p, "'s" | "’s")
        {
            return false;
        }
        // "the Biden administration's strong commitment" / "a greater distance".
        if p.ends_with("ing") && doc.feat(s, v.saturating_sub(2)).is(Lists::DETERMINER) {
            return false;
        }
    }
    true
}

/// The mention that is the subject of the verb at `v`, looking left over
/// auxiliaries, adverbs, negation, time words and one comma apposition.
/// Returns the mention index.
pub(super) fn subject_before(doc: &Doc<'_>, s: usize, v: usize, lo: usize) -> Option<usize> {
    let mut j = v;
    while j > lo {
        let w = doc.word(s, j - 1);
        let time = is_in(&["today", "tonight", "yesterday", "earlier"], w)
            || (is_in(&["on", "last", "this", "week", "month", "year", "weekend"], w) && time_context(doc, s, j - 1));
        if words::AUXILIARY_SET.contains(w)
            || is_in(words::NEGATIONS, w)
            || words::is_adverb(w)
            || words::CALENDAR_SET.contains(w)
            || time
        {
            j -= 1;
        } else {
            break;
        }
    }
    if j == lo {
        return None;
    }
    if let Some(m) = doc.mention_ending(s, j) {
        // "The officials who came to Venezuela met X": the mention closes a
        // relative clause; the subject is what the clause describes.
        let st = doc.mentions[m].start;
        if let Some(k) =
            (st.saturating_sub(8).max(lo + 1)..st).rev().find(|&k| matches!(doc.word(s, k), "who" | "which"))
            && (k + 1..st).any(|i| {
                doc.word(s, i).chars().next().is_some_and(char::is_lowercase)
                    && !doc.lex.verb(doc.word(s, i)).is_empty()
            })
            && !(k..st).any(|i| matches!(doc.word(s, i), "," | ";" | ":"))
        {
            // An unnamed head ("the officials who ...") is no actor.
            return doc.mention_ending(s, k).filter(|&h| doc.mentions[h].kind != MentionKind::Modifier);
        }
        // "the move against Peacock could ...": the object of a preposition
        // is not the subject.
        // A participle ("sanctions targeting X") modifies that phrase and may keep it.
        // "The foreign minister of Japan met": a role of the country is the country acting.
        let role_of = st >= lo + 2 && doc.word(s, st - 1) == "of" && {
            let r = doc.word(s, st - 2);
            doc.lex.title(r).is_some()
                || doc.lex.title(r.strip_suffix('s').unwrap_or(r)).is_some()
                || doc.lex.group(r).is_some()
        };
        if st > lo
            && is_in(SUBJECTLESS_PREPOSITIONS, doc.word(s, st - 1))
            && !role_of
            && !doc.word(s, v).ends_with("ing")
        {
            return None;
        }
        if doc.mentions[m].kind != MentionKind::Modifier || is_plural_demonym(doc, m) {
            return Some(m);
        }
        return None;
    }
    // Relative clauses: "the officials who came to Venezuela", and with a
    // comma "the United States, which had urged".
    if j >= 2 && is_in(&["who", "which", "that"], doc.word(s, j - 1)) {
        if let Some(m) = doc.mention_ending(s, j - 1) {
            return Some(m);
        }
        if j >= 3
            && doc.word(s, j - 2) == ","
            && doc.word(s, j - 1) != "that"
            && let Some(m) = doc.mention_ending(s, j - 2).filter(|&m| doc.mentions[m].kind != MentionKind::Modifier)
        {
            // "a mission to Tokyo, which refused": a place is no antecedent.
            let st = doc.mentions[m].start;
            let k = if st > lo && doc.word(s, st - 1) == "the" { st - 1 } else { st };
            if k > lo && is_in(&["to", "in", "into", "from", "near", "inside", "across"], doc.word(s, k - 1)) {
                return None;
            }
            return Some(m);
        }
    }
    // "PRC ships interfered", "Russian jets bombed": the country acts through
    // the things it sends.
    let w = doc.word(s, j - 1);
    if j >= 2
        && w.len() > 3
        && w.ends_with('s')
        && w.chars().all(|c| c.is_ascii_lowercase())
        && doc.lex.verb(w).is_empty()
        && !words::AUXILIARY_SET.contains(w)
        && let Some(m) = doc.mention_ending(s, j - 1)
    {
        return Some(m);
    }
    // "Apple's chief lawyer, Bruce Sewell, said": the appositive name ends the mention.
    if doc.word(s, j - 1) == ","
        && let Some(m) = doc.mention_ending(s, j - 1)
    {
        let mut st = doc.mentions[m].start;
        // "Apple's lawyer, Bruce Sewell, said": the possessor opens the phrase.
        if st > lo
            && matches!(doc.word(s, st - 1), "'s" | "’s")
            && let Some(p) = doc.mention_ending(s, st - 1)
        {
            st = doc.mentions[p].start;
        }
        if doc.mentions[m].kind != MentionKind::Modifier
            && (st <= lo || matches!(doc.word(s, st - 1), "," | "\"" | "\u{201C}" | "\u{201D}"))
        {
            return Some(m);
        }
    }
    // Apposition: "Pranab Mukherjee, India's minister, said", possibly
    // several ("James Comey, the director of the FBI, the top agency, warned"):
    // the nearest mention before a comma that itself opens a clause.
    if doc.word(s, j - 1) == "," {
        let mut k = j - 1;
        let stop = k.saturating_sub(25).max(lo);
        while k > stop {
            k -= 1;
            if doc.word(s, k) != "," {
                continue;
            }
            if let Some(m) = doc.mention_ending(s, k) {
                let st = doc.mentions[m].start;
                if st <= lo
                    || matches!(doc.word(s, st - 1), "," | "and" | "but" | "\"" | "\u{201C}" | "\u{201D}" | "that")
                {
                    return Some(m);
                }
            }
        }
    }
    None
}

/// The subject of the verb at `v`: its own, or for an infinitive ("spoke
/// with X today to reiterate", "refused to meet") that of the verb governing it.
pub(super) fn clause_subject_of(doc: &Doc<'_>, s: usize, v: usize, lo: usize) -> Option<usize> {
    if v > lo && doc.word(s, v - 1) == "to" {
        // "commitments to withdraw": an infinitive after a noun belongs to the
        // noun, and has no subject of its own here.
        let before = doc.word(s, v.saturating_sub(2));
        if v >= 2
            && before.len() > 3
            && before.ends_with('s')
            && before.chars().all(|c| c.is_ascii_lowercase())
            && doc.lex.verb(before).is_empty()
        {
            return None;
        }
        // The nearest verb before "to" in the clause governs the infinitive;
        // "the U.S. will soon be able to lift": a subject reached first over
        // auxiliaries and predicative adjectives is the infinitive's own.
        let mut g = v - 1;
        while g > lo {
            g -= 1;
            let w = doc.word(s, g);
            if is_in(CLAUSE_BREAKS, w) {
                return None;
            }
            if let Some(m) = doc.mention_ending(s, g + 1) {
                let between = (g + 1..v - 1).all(|i| {
                    let x = doc.word(s, i);
                    words::AUXILIARY_SET.contains(x) || words::is_adverb(x) || is_in(PREDICATIVES, x)
                });
                if between && doc.mentions[m].kind != MentionKind::Modifier {
                    return Some(m);
                }
            }
            if doc.mention_at(s, g).is_none()
                && (!doc.lex.verb(w).is_empty() || w.ends_with("ed"))
                && w.chars().next().is_some_and(char::is_lowercase)
            {
                return clause_subject_of(doc, s, g, lo);
            }
        }
        return None;
    }
    if let Some(m) = subject_before(doc, s, v, lo) {
        return Some(m);
    }
    // "The allies are resolute in demanding", "Iran responded by summoning":
    // a gerund after "in"/"by" shares the subject of the predicate it completes.
    // "Obama signed an order freezing the assets of X": the act of an
    // instrument is the act of whoever issued it.
    if v >= lo + 2 && doc.word(s, v).ends_with("ing") && is_in(INSTRUMENTS, doc.word(s, v - 1)) {
        let issuer = (v.saturating_sub(5).max(lo)..v - 1).rev().find(|&g| is_in(ISSUING, doc.word(s, g)));
        if let Some(g) = issuer {
            return clause_subject_of(doc, s, g, lo);
        }
    }
    // "officials accused of cracking down on X": what the accusation says they did.
    let accused = v >= lo + 3
        && matches!(doc.word(s, v - 1), "of" | "with")
        && is_in(&["accused", "suspected", "charged", "convicted", "blamed", "guilty"], doc.word(s, v - 2));
    if v >= lo + 3 && doc.word(s, v).ends_with("ing") && (matches!(doc.word(s, v - 1), "in" | "by") || accused) {
        let head = v - 2;
        let w = doc.word(s, head);
        // "will succeed in pressuring", "would be successful in forcing": an
        // attempt or a possibility, not an act.
        let unreal = is_in(&["succeed", "successful", "interested", "aimed", "instrumental"], w)
            || (lo..head).any(|i| is_in(&["will", "would", "could", "may", "might", "whether", "if"], doc.word(s, i)));
        if !unreal && doc.mention_at(s, head).is_none() && w.chars().all(|c| c.is_ascii_lowercase()) {
            if is_in(
                &["is", "are", "was", "were", "be", "been", "remain", "remains", "remained"],
                doc.word(s, head - 1),
            ) {
                return subject_before(doc, s, head, lo);
            }
            if w.ends_with("ed") && is_verb_position(doc, s, head) {
                return clause_subject_of(doc, s, head, lo);
            }
        }
    }
    // "South Korean lawmakers briefed by intelligence officials last week said":
    // a subject followed by a reduced relative clause.
    let mut k = v;
    while k > lo + 1 && v - k < 14 {
        k -= 1;
        let w = doc.word(s, k);
        if matches!(w, "," | ";" | ":" | "that" | "and") {
            break;
        }
        if w.chars().next().is_some_and(char::is_lowercase)
            && (w.ends_with("ed") || w.ends_with("en"))
            && doc.word(s, k + 1) == "by"
            && let Some(m) = doc.mention_ending(s, k)
        {
            return Some(m);
        }
    }
    // Coordinated verbs share their subject: "X called the move selfish and
    // warned ...", "X rammed and fired on Y".
    let mut j = v;
    while j > lo && (words::is_adverb(doc.word(s, j - 1)) || is_in(&["also", "then", "later"], doc.word(s, j - 1))) {
        j -= 1;
    }
    // A comma joins past-tense verbs of one list too ("X expressed A,
    // reaffirmed B, and confirmed C").
    // Only in a list closed by "and"/"or" + verb, and never a participle
    // that names or takes an agent ("a firm he formed, called X", ", monitored by").
    let listed = j > lo
        && doc.word(s, j - 1) == ","
        && doc.word(s, v).ends_with("ed")
        && doc.word(s, v + 1) != "by"
        && !is_in(
            &["called", "named", "dubbed", "titled", "entitled", "provided", "based", "owned", "led", "headed"],
            doc.word(s, v),
        )
        && (v + 1..doc.sents[s].tokens.len().min(v + 30)).any(|k| {
            matches!(doc.word(s, k), "and" | "or") && doc.word(s, k + 1).ends_with("ed") && doc.word(s, k + 2) != "by"
        });
    if j > lo + 1 && (matches!(doc.word(s, j - 1), "and" | "or") || listed) {
        let earliest = j.saturating_sub(20).max(lo);
        for g in (earliest..j - 1).rev() {
            let w = doc.word(s, g);
            if matches!(w, ";" | ":") {
                break;
            }
            if is_verb_position(doc, s, g)
                && (!doc.lex.verb(w).is_empty() || w.ends_with("ed"))
                && let Some(m) = clause_subject_of(doc, s, g, lo)
            {
                return Some(m);
            }
        }
    }
    None
}

/// Documents that act on their own once issued ("an order freezing assets").
const INSTRUMENTS: &[&str] =
    &["order", "decree", "law", "bill", "directive", "measure", "resolution", "ruling", "regulation", "ban"];
/// Verbs that issue an instrument.
const ISSUING: &[&str] = &[
    "signed",
    "issued",
    "passed",
    "approved",
    "adopted",
    "enacted",
    "imposed",
    "introduced",
    "announced",
    "signs",
    "issues",
    "passes",
    "approves",
    "adopts",
];

/// Prepositions whose object cannot be the subject of the verb after it.
const SUBJECTLESS_PREPOSITIONS: &[&str] = &[
    "of", "against", "for", "with", "on", "at", "from", "to", "about", "over", "toward", "towards", "into", "by",
    "under", "in", "between", "among", "without", "than",
];

/// Adjectives and participles that take an infinitive after a form of "be"
/// ("is able to", "was expected to").
const PREDICATIVES: &[&str] = &[
    "able",
    "unable",
    "likely",
    "unlikely",
    "ready",
    "willing",
    "unwilling",
    "going",
    "set",
    "due",
    "expected",
    "about",
    "eager",
    "keen",
    "prepared",
    "determined",
    "certain",
    "sure",
    "poised",
    "slated",
    "scheduled",
];

/// Whether a time word at `i` is part of a time expression ("on Tuesday",
/// "last week") rather than a preposition of the clause.
fn time_context(doc: &Doc<'_>, s: usize, i: usize) -> bool {
    let w = doc.word(s, i);
    let next = doc.word(s, i + 1);
    match w {
        "on" => words::CALENDAR_SET.contains(next),
        "last" | "this" => {
            is_in(&["week", "month", "year", "weekend", "night"], next) || words::CALENDAR_SET.contains(next)
        }
        _ => is_in(&["last", "this", "next"], doc.word(s, i.saturating_sub(1))),
    }
}

/// A bare plural demonym ("Americans") is a fine subject.
fn is_plural_demonym(doc: &Doc<'_>, m: usize) -> bool {
    let m = &doc.mentions[m];
    doc.word(m.sent, m.end - 1).ends_with('s')
}

/// The actors of mention `m` together with those coordinated before it
/// ("Japan and the United States", "X, Y and Z").
pub(super) fn coordinated(doc: &Doc<'_>, s: usize, m: usize) -> Vec<usize> {
    let mut actors = doc.mentions[m].actors.clone();
    let mut start = doc.mentions[m].start;
    // The link nearest the head must be "and" ("X and Y", "X, Y and Z"); a
    // bare comma before it is an apposition or a clause boundary, not a list.
    let mut seen_and = false;
    loop {
        let mut k = start;
        // "and the PDP's Atiku Abubakar": a possessive affiliation before the item.
        if k > 1
            && matches!(doc.word(s, k - 1), "'s" | "’s")
            && let Some(p) = doc.mention_ending(s, k - 1)
        {
            k = doc.mentions[p].start;
        }
        // "and technology giant Apple": up to two descriptor words.
        let mut d = 0;
        while d < 2 && k > 1 && is_descriptor(doc, s, k - 1) {
            k -= 1;
            d += 1;
        }
        // "the United States and its European allies".
        if k > 0 && matches!(doc.word(s, k - 1), "the" | "its" | "their" | "his" | "her") {
            k -= 1;
        }
        if k == 0 {
            break;
        }
        let mut j = k - 1;
        match doc.word(s, j) {
            "and" => {
                if seen_and {
                    break;
                }
                seen_and = true;
                if j > 0 && doc.word(s, j - 1) == "," {
                    j -= 1;
                }
            }
            "," if seen_and => {}
            _ => break,
        }
        match doc.mention_ending(s, j) {
            Some(p) if doc.mentions[p].kind != MentionKind::Modifier && !doc.mentions[p].possessive => {
                for &a in doc.mentions[p].actors.iter().rev() {
                    if !actors.contains(&a) {
                        actors.insert(0, a);
                    }
                }
                start = doc.mentions[p].start;
            }
            _ => break,
        }
    }
    actors
}

/// Whether a negation stands between tokens `a` and `b`.
pub(super) fn negated_between(doc: &Doc<'_>, s: usize, a: usize, b: usize) -> bool {
    (a..b).any(|i| is_in(words::NEGATIONS, doc.word(s, i)) || words::is_negative_contraction(doc.word(s, i)))
}

/// The first mention that is the object of the verb (and particle) ending
/// before `from`: over determiners, adjectives and at most one preposition
/// ("the release of X", "North Korea's missile test" gives the possessor,
/// "the Ukrainian ships" the modifier). Returns the mention.
pub(super) fn object_after(doc: &Doc<'_>, s: usize, from: usize, hi: usize) -> Option<usize> {
    let mut j = from;
    let mut skipped = 0;
    let mut preps = 0;
    while j < hi {
        if let Some(m) = doc.mention_starting(s, j) {
            // "on Kuwait's doorstep", "in China's waters": a place, not a participant.
            let e = doc.mentions[m].end;
            let after = doc.word(s, e + 2);
            let heads = !after.chars().next().is_some_and(char::is_lowercase)
                || is_in(OBJECT_PREPOSITIONS, after)
                || is_in(OTHER_PREPOSITIONS, after)
                || matches!(after, "and" | "or");
            if doc.mentions[m].possessive && is_in(PLACE_NOUNS, doc.word(s, e + 1)) && heads {
                return None;
            }
            return Some(m);
        }
        let w = doc.word(s, j);
        if is_in(CLAUSE_BREAKS, w) || matches!(w, "." | "?" | "!") {
            return None;
        }
        // "a four-week tour": a hyphenated compound is one word.
        if w == "-" && j > from && doc.word(s, j + 1).chars().next().is_some_and(char::is_lowercase) {
            j += 2;
            continue;
        }
        // "refused to meet X": an infinitive complement, not an object.
        if j == from
            && w == "to"
            && !doc.lex.verb(doc.word(s, j + 1)).is_empty()
            && doc.mention_starting(s, j + 1).is_none()
        {
            return None;
        }
        if j > from {
            if w == "to" {
                // "aid to Ukraine" continues; "to boost" starts a new predicate.
                let next = doc.word(s, j + 1);
                if doc.mention_starting(s, j + 1).is_none()
                    && !(next == "the" && doc.mention_starting(s, j + 2).is_some())
                {
                    return None;
                }
            }
            let prev = doc.word(s, j - 1);
            // "an order freezing the assets": a participle after a noun starts a new predicate.
            if w.ends_with("ing")
                && w.chars().next().is_some_and(char::is_lowercase)
                && !words::DETERMINER_SET.contains(prev)
                && prev.chars().all(char::is_alphabetic)
                && prev.chars().next().is_some_and(char::is_lowercase)
            {
                return None;
            }
            // A finite verb after the object slot starts a new predicate.
            if w.ends_with("ed") && words::is_verb_form(doc.lex, w) && !words::DETERMINER_SET.contains(prev) {
                return None;
            }
        }
        if is_in(OBJECT_PREPOSITIONS, w) {
            preps += 1;
            if preps > 1 {
                return None;
            }
        } else if is_in(OTHER_PREPOSITIONS, w) {
            return None;
        }
        skipped += 1;
        if skipped > 6 {
            return None;
        }
        j += 1;
    }
    None
}

/// Prepositions that may lead from an object noun to its actor ("the release
/// of X", "sanctions on X", "the launch by X").
const OBJECT_PREPOSITIONS: &[&str] =
    &["of", "by", "on", "against", "over", "with", "for", "from", "to", "toward", "towards", "into"];
/// Nouns that make a possessor a place ("Kuwait's doorstep") when they
/// head the phrase ("China's border closures" is no place).
const PLACE_NOUNS: &[&str] = &[
    "doorstep",
    "border",
    "borders",
    "soil",
    "territory",
    "waters",
    "coast",
    "shores",
    "airspace",
    "capital",
    "doorsteps",
    "backyard",
    "frontier",
    "streets",
];

/// Prepositions that end the object phrase.
const OTHER_PREPOSITIONS: &[&str] = &[
    "in", "at", "during", "after", "before", "under", "near", "without", "despite", "amid", "through", "until",
    "since", "than",
];

/// The particle of a sense, if the words after `v` spell it.
pub(super) fn particle_end(doc: &Doc<'_>, s: usize, v: usize, sense: &VerbSense) -> Option<usize> {
    if sense.particle.is_empty() {
        return Some(v + 1);
    }
    let mut j = v + 1;
    for p in &sense.particle {
        // Allow one adverb or object pronoun between verb and particle? Keep it strict.
        if !doc.word(s, j).eq_ignore_ascii_case(p) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// The sense of the verb at `v` whose particle the text spells, the longest
/// particle first; `None` when no sense fits.
pub(super) fn pick_sense<'l>(
    doc: &Doc<'l>,
    s: usize,
    v: usize,
    senses: &'l [VerbSense],
) -> Option<(&'l VerbSense, usize)> {
    let mut best: Option<(&VerbSense, usize)> = None;
    for sense in senses {
        if let Some(end) = particle_end(doc, s, v, sense) {
            // "agreed on Tuesday": a time phrase, not the particle of "agree on".
            if !sense.particle.is_empty() && words::CALENDAR_SET.contains(doc.word(s, end)) {
                continue;
            }
            if best.is_none_or(|(b, _)| sense.particle.len() > b.particle.len()) {
                best = Some((sense, end));
            }
        }
    }
    best
}

/// The predicate string for a sense: lemma plus its particle.
pub(super) fn predicate(sense: &VerbSense) -> String {
    if sense.particle.is_empty() {
        sense.lemma.clone()
    } else {
        format!("{} {}", sense.lemma, sense.particle.join(" "))
    }
}

/// The CAMEO root of a code ("0831" -> "08").
pub(super) fn root(code: &str) -> String {
    code.get(..2).unwrap_or(code).to_string()
}

/// A lowercase noun-like word that may describe a coordinated actor
/// ("technology giant Apple"): not a verb form, function word or adverb.
fn is_descriptor(doc: &Doc<'_>, s: usize, i: usize) -> bool {
    let w = doc.word(s, i);
    w.len() > 2
        && w.chars().all(|c| c.is_ascii_lowercase())
        && doc.lex.verb(w).is_empty()
        && !words::AUXILIARY_SET.contains(w)
        && !words::DETERMINER_SET.contains(w)
        && !is_in(CLAUSE_BREAKS, w)
        && !is_in(OBJECT_PREPOSITIONS, w)
        && !is_in(OTHER_PREPOSITIONS, w)
        && !matches!(w, "and" | "or" | "nor")
        && !words::is_adverb(w)
}
