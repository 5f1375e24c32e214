//! Reported speech: who said what, to whom, about whom.
//!
//! Three attributions are read in each sentence:
//! - "according to X" before or after the content;
//! - a trailing attribution: "CONTENT, X said." / "CONTENT, said X." (the
//!   content may be a quotation opened sentences earlier);
//! - a leading attribution: "X said (that) CONTENT", "X told Y CONTENT".
//!
//! The content of each statement is read again for statements nested in it
//! ("Kishida told reporters that Biden assured him ...").

use super::grammar::{self, coordinated, pick_sense, subject_before};
use super::words::is_in;
use super::{Doc, Relation, Statement};
use crate::lexicon::VerbClass;
use crate::text::{TokenKind, is_double_quote};

/// Nouns for an audience that is not an actor: "told reporters".
const AUDIENCES: &[&str] = &[
    "reporters",
    "journalists",
    "the press",
    "media",
    "lawmakers",
    "parliament",
    "supporters",
    "crowd",
    "audience",
    "members",
];

/// Words that may open what follows a trailing attribution.
const TAIL_STARTS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "from",
    "via",
    "through",
    "late",
    "early",
    "earlier",
    "last",
    "this",
    "when",
    "while",
    "told",
    "to",
    "according",
    "adding",
    "citing",
    "without",
];

/// Verbs that state a position even with a plain object ("reiterated its
/// concern", "rejected mediation").
const STANCE: &[&str] = &[
    "reiterate",
    "reaffirm",
    "affirm",
    "stress",
    "emphasize",
    "emphasise",
    "underline",
    "underscore",
    "note",
    "reject",
    "deny",
    "welcome",
    "express",
    "voice",
    "acknowledge",
    "confirm",
    "announce",
    "urge",
    "demand",
    "call",
    "promise",
    "pledge",
    "raise",
    "condemn",
    "dismiss",
    "praise",
    "accuse",
    "blame",
    "allege",
    "consider",
    "view",
    "offer",
];

/// Speech verbs that take the addressee as their object ("told Y").
const ADDRESSING: &[&str] = &[
    "tell", "assure", "inform", "brief", "warn", "urge", "remind", "promise", "ask", "notify", "advise", "caution",
    "reassure", "write", "thank",
];

/// Finds statements in every story sentence.
pub(super) fn find(doc: &mut Doc<'_>) {
    for s in 0..doc.sents.len() {
        // Every pattern below needs a speaker mentioned in the sentence itself.
        if doc.sents[s].mentions.is_empty() {
            continue;
        }
        if doc.sents[s].headline {
            headline_report(doc, s);
            continue;
        }
        let lo = doc.sents[s].first;
        let hi = content_end(doc, s, doc.sents[s].tokens.len());
        if readout_header(doc, s, lo) || according_to(doc, s, lo, hi) || trailing(doc, s, lo, hi) {
            continue;
        }
        as_saying(doc, s, lo, hi);
        leading(doc, s, lo, hi, 0);
        noun_report(doc, s, lo, hi);
        calling(doc, s, lo, hi);
    }
}

/// "X called the move “selfish”", "X called the incident the latest in a
/// series of violations": naming a thing is stating a view of it (a call
/// to an actor is a phone call, read as a relation).
fn calling(doc: &mut Doc<'_>, s: usize, lo: usize, hi: usize) {
    for v in lo..hi {
        let w = doc.word(s, v);
        if !w.starts_with("call")
            || !matches!(w, "call" | "calls" | "called" | "calling")
            || !grammar::is_verb_position(doc, s, v)
        {
            continue;
        }
        if !is_in(&["the", "this", "that", "these", "those", "it", "its", "their", "his", "her"], doc.word(s, v + 1))
            || doc.mention_starting(s, v + 1).is_some()
        {
            continue;
        }
        let Some(sm) = grammar::clause_subject_of(doc, s, v, lo) else { continue };
        let sm = head_of(doc, s, sm);
        let Some(&speaker) = doc.mentions[sm].actors.first().filter(|_| doc.mentions[sm].actors.len() == 1) else {
            continue;
        };
        let c0 = v + 1;
        let c1 = (c0..hi).find(|&i| matches!(doc.word(s, i), ";" | ":")).unwrap_or(hi);
        // The object alone ("called the meeting") names nothing: a complement must follow.
        if c1 > c0 + 2 {
            push(doc, s, speaker, "call", None, c0, c1);
        }
    }
}

/// A title-case headline of the form "X Says ...", "X Warns ...": a
/// speaker named right before a speech verb, the rest is what was said.
fn headline_report(doc: &mut Doc<'_>, s: usize) {
    let n = content_end(doc, s, doc.sents[s].tokens.len());
    for v in doc.sents[s].first + 1..n {
        let w = doc.word(s, v).to_ascii_lowercase();
        if !is_in(&["say", "says", "said", "warn", "warns", "urge", "urges", "vow", "vows", "deny", "denies"], &w) {
            continue;
        }
        let Some(m) = doc.mention_ending(s, v) else { continue };
        let Some(&speaker) = doc.mentions[m].actors.first().filter(|_| doc.mentions[m].actors.len() == 1) else {
            continue;
        };
        if n > v + 2 {
            let verb = doc.lex.verb(&w).first().map_or(w.clone(), |x| x.lemma.clone());
            push(doc, s, speaker, &verb, None, v + 1, n);
        }
        return;
    }
}

/// Nouns that report what someone said when a that-clause follows them.
const REPORT_NOUNS: &[(&str, &str)] = &[
    ("demand", "demand"),
    ("demands", "demand"),
    ("announcement", "announce"),
    ("claim", "claim"),
    ("claims", "claim"),
    ("assertion", "assert"),
    ("allegation", "allege"),
    ("allegations", "allege"),
    ("warning", "warn"),
    ("insistence", "insist"),
    ("assurance", "assure"),
    ("assurances", "assure"),
    ("pledge", "pledge"),
    ("promise", "promise"),
    ("argument", "argue"),
    ("contention", "contend"),
    ("accusation", "accuse"),
    ("accusations", "accuse"),
    ("suggestion", "suggest"),
    ("admission", "admit"),
    ("denial", "deny"),
    ("call", "call"),
];

/// "The government's demand that Apple unlock the phone", "the announcement
/// by President X that Panama will leave": the possessor, or the actor after
/// "by", said what the that-clause says.
fn noun_report(doc: &mut Doc<'_>, s: usize, lo: usize, hi: usize) {
    for n in lo..hi {
        // Rare words first: most tokens are followed by neither.
        if !matches!(doc.word(s, n + 1), "that" | "by") {
            continue;
        }
        let Some(&(_, verb)) = REPORT_NOUNS.iter().find(|(w, _)| *w == doc.word(s, n)) else { continue };
        let by = (doc.word(s, n + 1) == "by").then(|| doc.mention_starting(s, n + 2)).flatten();
        let that = match by {
            Some(m) => doc.mentions[m].end,
            None => n + 1,
        };
        if doc.word(s, that) != "that" || doc.mention_at(s, n).is_some() {
            continue;
        }
        let possessor = (n.saturating_sub(4).max(lo)..n).rev().find_map(|i| {
            doc.mention_ending(s, i).filter(|&m| doc.mentions[m].possessive && doc.mentions[m].end + 4 >= n)
        });
        let Some(sm) = by.or(possessor) else { continue };
        let Some(&speaker) = doc.mentions[sm].actors.first().filter(|_| doc.mentions[sm].actors.len() == 1) else {
            continue;
        };
        // The reported clause runs to the end of the clause it opens.
        let c0 = that + 1;
        let c1 = (c0..hi).find(|&i| matches!(doc.word(s, i), ";" | ":")).unwrap_or(hi);
        if c1 > c0 + 1 {
            push(doc, s, speaker, verb, None, c0, c1);
        }
    }
}

/// A readout header, "The following is attributable to Spokesperson X:":
/// the paragraphs after it are X's statement.
fn readout_header(doc: &mut Doc<'_>, s: usize, lo: usize) -> bool {
    let t = &doc.sents[s].tokens;
    if t.last().is_none_or(|x| x.text(doc.text) != ":") {
        return false;
    }
    let Some(a) =
        (lo..t.len().saturating_sub(2)).find(|&i| doc.word(s, i) == "attributable" && doc.word(s, i + 1) == "to")
    else {
        return false;
    };
    let Some(m) = doc.mention_starting(s, a + 2) else { return false };
    let speakers = doc.mentions[head_of(doc, s, m)].actors.clone();
    let para = doc.sents[s].paragraph;
    let Some(first) = (s + 1..doc.sents.len()).find(|&x| doc.sents[x].paragraph != para) else { return false };
    // A readout runs to the end of the story, or to the next header.
    let last = (first..doc.sents.len())
        .take_while(|&x| !doc.sents[x].headline && doc.sents[x].tokens.last().is_none_or(|t| t.text(doc.text) != ":"))
        .last()
        .unwrap_or(first);
    let span = doc.sents[first].span.start..doc.sents[last].span.end;
    for sp in speakers {
        push_span(doc, sp, "attributable to", None, span.clone(), Some(false));
    }
    true
}

/// Drops the final period and closing quotes a sentence ends with.
fn content_end(doc: &Doc<'_>, s: usize, mut hi: usize) -> usize {
    while hi > 0 && matches!(doc.word(s, hi - 1), "." | "!" | "?" | ",") {
        hi -= 1;
    }
    hi
}

/// The speech sense of the word at `v`, if it is one.
fn speech_sense<'l>(doc: &Doc<'l>, s: usize, v: usize) -> Option<(&'l crate::lexicon::VerbSense, usize)> {
    let senses = doc.verb_at(s, v);
    let (sense, end) = pick_sense(doc, s, v, senses)?;
    if sense.class == VerbClass::Interaction {
        // The interaction sense was picked by its particle; a bare speech sense may still fit.
        let speech = senses.iter().find(|x| x.class != VerbClass::Interaction && x.particle.is_empty())?;
        return Some((speech, v + 1));
    }
    Some((sense, end))
}

/// "according to X, CONTENT" and "CONTENT, according to X".
fn according_to(doc: &mut Doc<'_>, s: usize, lo: usize, hi: usize) -> bool {
    let n = doc.sents[s].tokens.len();
    let Some(a) = (lo..n.saturating_sub(1))
        .find(|&i| doc.word(s, i).eq_ignore_ascii_case("according") && doc.word(s, i + 1) == "to")
    else {
        return false;
    };
    let mut k = a + 2;
    if doc.word(s, k) == "the" && doc.mention_starting(s, k).is_none() {
        k += 1;
    }
    let Some(m) = doc.mention_starting(s, k) else { return false };
    let speaker = doc.mentions[m].actors.clone();
    let after = doc.mentions[m].end;
    let (c0, c1) = if a <= lo + 1 {
        // According to X, CONTENT
        let mut c0 = after;
        while c0 < hi && doc.word(s, c0) != "," {
            c0 += 1;
        }
        (c0 + 1, hi)
    } else {
        let mut c1 = a;
        while c1 > lo && matches!(doc.word(s, c1 - 1), "," | "--" | "\u{2014}") {
            c1 -= 1;
        }
        (lo, c1)
    };
    if c0 >= c1 {
        return false;
    }
    for sp in speaker {
        push(doc, s, sp, "according to", None, c0, c1);
    }
    nested(doc, s, c0, c1, 1);
    true
}

/// "Media quoted X as saying (that) CONTENT": a statement by X.
fn as_saying(doc: &mut Doc<'_>, s: usize, lo: usize, hi: usize) {
    let Some(a) = (lo + 1..hi.saturating_sub(1))
        .find(|&i| doc.word(s, i) == "as" && matches!(doc.word(s, i + 1), "saying" | "telling"))
    else {
        return;
    };
    let Some(m) = doc.mention_ending(s, a) else { return };
    let m = head_of(doc, s, m);
    let mut c0 = a + 2;
    // "as saying Friday that": time words before the content.
    while c0 < hi
        && (super::words::CALENDAR_SET.contains(doc.word(s, c0)) || matches!(doc.word(s, c0), "that" | "on" | ","))
    {
        c0 += 1;
    }
    if c0 + 1 < hi {
        for sp in doc.mentions[m].actors.clone() {
            push(doc, s, sp, "say", None, c0, hi);
        }
    }
}

/// "CONTENT, X said." / "CONTENT," said X. / "CONTENT," X told Y. /
/// "CONTENT," X, the spokesman, told Y.
fn trailing(doc: &mut Doc<'_>, s: usize, lo: usize, hi: usize) -> bool {
    // The attribution follows the last comma (or closing quote) of the sentence.
    let Some(c) = (lo + 1..hi).rev().find(|&i| {
        doc.word(s, i) == "," || (doc.word(s, i) == "\"" || doc.word(s, i) == "\u{201D}") && doc.word(s, i - 1) == ","
    }) else {
        return false;
    };
    let mut k = c + 1;
    while k < hi && (doc.sents[s].tokens[k].kind == TokenKind::Quote || doc.word(s, k) == ",") {
        k += 1;
    }
    let at = |i: usize| {
        let m = doc.mention_starting(s, i).or_else(|| {
            if doc.word(s, i).eq_ignore_ascii_case("the") { doc.mention_starting(s, i + 1) } else { None }
        })?;
        Some(head_of(doc, s, m))
    };
    // "X [aux] VERB", "VERB X", or (apposition) "X, the spokesman, VERB".
    let (speaker_m, verb) = if let Some(m) = at(k) {
        let mut v = doc.mentions[m].end;
        while v < hi
            && (super::words::is_adverb(doc.word(s, v))
                || is_in(&["also", "has", "had", "have", "later", "then"], doc.word(s, v)))
        {
            v += 1;
        }
        (m, v)
    } else if let Some(v) =
        (k..hi.min(k + 25)).find(|&v| speech_sense(doc, s, v).is_some() && grammar::is_verb_position(doc, s, v))
    {
        // "..., Kola Ologbondiyan, PDP spokesman, told VOA." / "..., said X."
        // The speaker comes after the content: after its closing quotation mark, if any.
        let after = (lo..k).rev().find(|&i| doc.sents[s].tokens[i].kind == TokenKind::Quote).map_or(lo + 1, |q| q + 1);
        match subject_before(doc, s, v, lo).filter(|&m| doc.mentions[m].start >= after) {
            Some(m) => (m, v),
            None if v == k => match at(k + 1) {
                Some(m) => (m, k),
                None => return false,
            },
            None => return false,
        }
    } else {
        // "..., a senior official said."
        return false;
    };
    if verb >= hi {
        return false;
    }
    let Some((sense, vend)) = speech_sense(doc, s, verb) else { return false };
    // The content ends before the attribution starts.
    let c = c.min(doc.mentions[speaker_m].start.min(verb));
    let (cs, c0) = quote_start(doc, s, lo);
    let mut c1 = c;
    while c1 > lo && (doc.word(s, c1 - 1) == "," || doc.sents[s].tokens[c1 - 1].kind == TokenKind::Quote && c1 - 1 > c0)
    {
        c1 -= 1;
    }
    if cs == s && c0 >= c1 {
        return false;
    }
    // A quotation closed right before the attribution needs no more proof; an
    // unquoted content allows only a short tail after the attribution
    // (an addressee or audience, "in a statement", "on Tuesday").
    let quoted = doc.sents[s].tokens[c1..k].iter().any(|t| t.kind == TokenKind::Quote) || cs != s;
    let mut tail = doc.mentions[speaker_m].end.max(vend);
    if let Some(a) = doc.mention_starting(s, tail) {
        tail = doc.mentions[a].end;
    } else if AUDIENCES.iter().any(|w| doc.word(s, tail).eq_ignore_ascii_case(w)) {
        tail += 1;
    }
    if !quoted && tail < hi && (hi - tail > 12 || !is_in(TAIL_STARTS, doc.word(s, tail))) {
        return false;
    }
    let lemma = sense.lemma.clone();
    let addressee = if ADDRESSING.contains(&lemma.as_str()) && verb > doc.mentions[speaker_m].start {
        doc.mention_starting(s, vend).filter(|&a| doc.mentions[a].actors.len() == 1).map(|a| doc.mentions[a].actors[0])
    } else {
        None
    };
    let speakers = coordinated(doc, s, speaker_m);
    // Direct: the content opens with a quotation mark and one closes it before the attribution.
    let opens = doc.sents[cs].tokens.get(c0).is_some_and(|t| t.kind == TokenKind::Quote);
    let direct = opens && doc.sents[s].tokens[c1..k].iter().any(|t| t.kind == TokenKind::Quote);
    let first = doc.statements.len();
    for &sp in &speakers {
        let start = doc.sents[cs].tokens[c0].start;
        let end = doc.token_span(s, lo, c1).end;
        push_span(doc, sp, &lemma, addressee, start..end, Some(direct));
    }
    co_speakers(doc, first, &speakers);
    if cs == s {
        nested(doc, s, c0, c1, 1);
    }
    true
}

/// The mention a speaker phrase is about: "State Department Spokesperson
/// Matthew Miller" is Miller, not the State Department before him.
fn head_of(doc: &Doc<'_>, s: usize, m: usize) -> usize {
    let mut m = m;
    while let Some(n) = doc.mention_starting(s, doc.mentions[m].end) {
        m = n;
    }
    m
}

/// Where the content of a trailing attribution starts: (sentence, token).
/// A sentence that does not open its own quotation but closes one continues a
/// quotation opened earlier in the paragraph.
fn quote_start(doc: &Doc<'_>, s: usize, lo: usize) -> (usize, usize) {
    let quotes = |ss: usize| doc.sents[ss].tokens.iter().filter(|t| t.kind == TokenKind::Quote).count();
    let opens_here = doc.sents[s].tokens.get(lo).is_some_and(|t| t.kind == TokenKind::Quote);
    if opens_here || quotes(s) % 2 == 0 {
        return (s, lo);
    }
    let para = doc.sents[s].paragraph;
    let mut ss = s;
    while ss > 0 && doc.sents[ss - 1].paragraph == para && !doc.sents[ss - 1].headline {
        ss -= 1;
        if quotes(ss) % 2 == 1 {
            let q = doc.sents[ss].tokens.iter().position(|t| t.kind == TokenKind::Quote).unwrap_or(0);
            return (ss, q);
        }
    }
    (s, lo)
}

/// "X [aux] VERB [ADDRESSEE] [that|:] CONTENT", anywhere in `[lo, hi)`.
fn leading(doc: &mut Doc<'_>, s: usize, lo: usize, hi: usize, depth: usize) -> bool {
    for v in lo..hi {
        if doc.verb_at(s, v).is_empty() || !grammar::is_verb_position(doc, s, v) {
            continue;
        }
        let Some((sense, vend)) = speech_sense(doc, s, v) else { continue };
        if sense.class == VerbClass::Interaction {
            continue;
        }
        // "accused of", "was told": a passive is no report of speech.
        if matches!(doc.word(s, v + 1), "of" | "by")
            || (v > lo
                && is_in(&["was", "were", "been", "being", "is", "are"], doc.word(s, v - 1))
                && !doc.word(s, v).ends_with("ing"))
        {
            continue;
        }
        // "The SEC's complaint alleged": the possessor of the reporting noun speaks.
        let Some(sm) = grammar::clause_subject_of(doc, s, v, lo).or_else(|| reporting_possessor(doc, s, v, lo)) else {
            continue;
        };
        let sm = head_of(doc, s, sm);
        // "did not specify who", "declined to say": nothing was stated.
        if grammar::negated_between(doc, s, doc.mentions[sm].end, v) && !is_in(&["deny", "reject"], &sense.lemma) {
            continue;
        }
        let lemma = sense.lemma.clone();
        let mut c0 = vend;
        let mut addressee = None;
        if ADDRESSING.contains(&lemma.as_str()) {
            // "told his U.S. counterpart Lloyd Austin"
            if is_in(&["his", "her", "their", "its"], doc.word(s, c0))
                && doc.mention_starting(s, c0 + 1).is_some_and(|m| {
                    doc.mentions[m].actors.iter().all(|&a| doc.actors[a].kind == super::ActorKind::Person)
                })
            {
                c0 += 1;
            }
            if let Some(a) = doc.mention_starting(s, c0) {
                if doc.mentions[a].actors.len() == 1 {
                    addressee = Some(doc.mentions[a].actors[0]);
                }
                // "urged Pyongyang to abandon X": what is urged is that the
                // addressee act, so it belongs to the content.
                let directed = is_in(&["urge", "ask", "advise", "encourage", "press", "call"], &lemma)
                    && doc.word(s, doc.mentions[a].end) == "to";
                if !directed {
                    c0 = doc.mentions[a].end;
                }
            } else if AUDIENCES.iter().any(|w| doc.word(s, c0).eq_ignore_ascii_case(w)) {
                c0 += 1;
            }
        } else if sense.class == VerbClass::Both && {
            let mut k = c0;
            while k < hi
                && (super::words::CALENDAR_SET.contains(doc.word(s, k))
                    || is_in(&["on", "today", "yesterday", "late", "early", "last", "week"], doc.word(s, k)))
            {
                k += 1;
            }
            doc.word(s, k) == "to"
        } {
            // "pledged to", "agreed to": an intent, read as a relation, not speech.
            continue;
        }
        // "noted at a press conference, “It was ...”": the quotation is the content.
        if let Some(q) = (c0..hi.min(c0 + 12)).find(|&i| doc.sents[s].tokens[i].kind == TokenKind::Quote)
            && q > c0
            && matches!(doc.word(s, q - 1), "," | ":")
            && is_in(TAIL_STARTS, doc.word(s, c0))
        {
            c0 = q;
        }
        let clause = matches!(doc.word(s, c0), "that" | ":" | ",")
            || doc.sents[s].tokens.get(c0).is_some_and(|t| t.kind == TokenKind::Quote)
            || starts_clause(doc, s, c0, hi);
        while c0 < hi && matches!(doc.word(s, c0), "that" | ":" | ",") {
            c0 += 1;
        }
        // A verb that also names an act ("protest", "accuse") reports speech
        // only with a clause or quotation; stance verbs take a plain object too.
        if sense.class == VerbClass::Both && !clause && !is_in(STANCE, &lemma) && addressee.is_none() {
            continue;
        }
        // A speech verb followed by nothing to report is no statement.
        if hi <= c0 + 1 {
            continue;
        }
        // Speech verbs of class "both" need a clause or a quotation, not a bare object.
        let speakers = coordinated(doc, s, sm);
        let mut c1 = hi;
        // "noted X and noted that Y": a second speech verb of the same subject
        // ends the first content and starts its own.
        let next_verb = (c0 + 1..hi)
            .find(|&i| {
                matches!(doc.word(s, i - 1), "and" | ",")
                    && doc.word(s, i).chars().next().is_some_and(char::is_lowercase)
                    && speech_sense(doc, s, i).is_some_and(|(x, _)| x.class != VerbClass::Interaction)
            })
            // Not when the content has a reporting clause of its own before it
            // ("noted that Rubio emphasized X and thanked Y": Rubio thanked).
            .filter(|&nv| {
                !(c0..nv).any(|t| {
                    speech_sense(doc, s, t).is_some()
                        && grammar::is_verb_position(doc, s, t)
                        && grammar::clause_subject_of(doc, s, t, c0).is_some()
                })
            });
        if let Some(nv) = next_verb {
            c1 = nv - 1;
            while c1 > c0 && matches!(doc.word(s, c1 - 1), "," | "and") {
                c1 -= 1;
            }
        }
        // The content of a quotation stops at its closing mark.
        if doc.sents[s].tokens[c0].kind == TokenKind::Quote
            && let Some(q) = (c0 + 1..hi).find(|&i| doc.sents[s].tokens[i].kind == TokenKind::Quote)
        {
            c1 = q + 1;
        }
        // "X complained that Y had overstepped": criticism, demands and threats
        // whose reported clause has an actor as its subject are aimed at it.
        let target = doc
            .mention_starting(s, c0)
            .filter(|_| matches!(grammar::root(&sense.cameo).as_str(), "10" | "11" | "12" | "13"));
        let target = target.map(|m| doc.mentions[m].actors.clone()).unwrap_or_default();
        let first = doc.statements.len();
        for &sp in &speakers {
            push(doc, s, sp, &lemma, addressee, c0, c1);
            if let Some(a) = addressee {
                relate(doc, s, sp, a, sense, v);
            } else {
                for &t in &target {
                    relate(doc, s, sp, t, sense, v);
                }
            }
        }
        co_speakers(doc, first, &speakers);
        if depth < 2 {
            nested(doc, s, c0, c1, depth + 1);
        }
        if let Some(nv) = next_verb {
            for &sp in &speakers {
                coordinated_speech(doc, s, sp, nv, hi);
            }
        }
        return true;
    }
    false
}

/// Speakers who spoke together ("X and Y affirmed their commitment") speak
/// about each other too: adds the others to the `about` of the statements
/// from index `first` on.
fn co_speakers(doc: &mut Doc<'_>, first: usize, speakers: &[usize]) {
    if speakers.len() < 2 {
        return;
    }
    let names: Vec<String> = speakers.iter().map(|&a| doc.name(a).to_string()).collect();
    for st in &mut doc.statements[first..] {
        for n in &names {
            if *n != st.speaker && !st.about.contains(n) {
                st.about.push(n.clone());
            }
        }
    }
}

/// Whether a that-less complement clause starts at `c0`: "warned it could
/// damage", "said the talks were over" (a short subject, then a finite
/// auxiliary or modal).
fn starts_clause(doc: &Doc<'_>, s: usize, c0: usize, hi: usize) -> bool {
    const FINITE: &[&str] = &[
        "will", "would", "could", "can", "may", "might", "must", "should", "shall", "is", "are", "was", "were", "has",
        "have", "had", "did", "does", "do",
    ];
    (c0 + 1..hi.min(c0 + 6)).any(|i| is_in(FINITE, doc.word(s, i))) && !is_in(FINITE, doc.word(s, c0))
}

/// Nouns for what an actor issues to speak: "the SEC's complaint alleged".
const REPORTING_NOUNS: &[&str] = &[
    "complaint",
    "statement",
    "report",
    "communique",
    "communiqué",
    "letter",
    "filing",
    "lawsuit",
    "indictment",
    "ruling",
    "decision",
    "release",
    "readout",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "office",
    "website",
    "account",
    "memo",
    "order",
    "resolution",
    "declaration",
    "document",
    "note",
    "analysis",
    "survey",
    "study",
];

/// The possessor of a reporting noun right before the verb at `v`.
pub(super) fn reporting_possessor(doc: &Doc<'_>, s: usize, v: usize, lo: usize) -> Option<usize> {
    let n = v.checked_sub(1).filter(|&n| n > lo)?;
    if !is_in(REPORTING_NOUNS, doc.word(s, n)) {
        return None;
    }
    let m = doc
        .mention_ending(s, n - 1)
        .filter(|&m| doc.mentions[m].possessive)
        .or_else(|| doc.mention_ending(s, n).filter(|&m| doc.mentions[m].kind == super::MentionKind::Modifier))?;
    Some(m)
}

/// The second of two coordinated speech verbs: "X noted A and noted that B".
fn coordinated_speech(doc: &mut Doc<'_>, s: usize, speaker: usize, v: usize, hi: usize) {
    let Some((sense, mut c0)) = speech_sense(doc, s, v) else { return };
    let lemma = sense.lemma.clone();
    while c0 < hi && matches!(doc.word(s, c0), "that" | ":" | ",") {
        c0 += 1;
    }
    // A third verb of the list ("expressed A, reaffirmed B, and confirmed C").
    let next = (c0 + 1..hi).find(|&i| {
        matches!(doc.word(s, i - 1), "and" | ",")
            && doc.word(s, i).chars().next().is_some_and(char::is_lowercase)
            && speech_sense(doc, s, i).is_some_and(|(x, _)| x.class != VerbClass::Interaction)
    });
    let mut c1 = next.map_or(hi, |n| n - 1);
    while c1 > c0 && matches!(doc.word(s, c1 - 1), "," | "and") {
        c1 -= 1;
    }
    if c0 + 1 < c1 {
        push(doc, s, speaker, &lemma, None, c0, c1);
    }
    if let Some(n) = next {
        coordinated_speech(doc, s, speaker, n, hi);
    }
}

/// Statements nested in a content span.
fn nested(doc: &mut Doc<'_>, s: usize, c0: usize, c1: usize, depth: usize) {
    if depth <= 2 {
        leading(doc, s, c0, c1, depth);
    }
}

/// A relation for a speech verb with an addressee ("told Y" 01, "assured Y" 03).
fn relate(doc: &mut Doc<'_>, s: usize, speaker: usize, addressee: usize, sense: &crate::lexicon::VerbSense, v: usize) {
    if speaker == addressee {
        return;
    }
    let span = doc.sents[s].span.clone();
    let negated = grammar::negated_between(doc, s, v.saturating_sub(3), v);
    doc.relations.push(Relation {
        subject: doc.name(speaker).to_string(),
        predicate: sense.lemma.clone(),
        object: doc.name(addressee).to_string(),
        cameo: grammar::root(&sense.cameo),
        symmetric: false,
        negated,
        evidence: doc.text[span.clone()].to_string(),
        evidence_span: span,
    });
}

/// Records a statement whose content is tokens `[c0, c1)` of sentence `s`.
fn push(doc: &mut Doc<'_>, s: usize, speaker: usize, verb: &str, addressee: Option<usize>, c0: usize, c1: usize) {
    let span = doc.token_span(s, c0, c1);
    push_span(doc, speaker, verb, addressee, span, None);
}

/// Records a statement whose content is a byte span; `direct` is known
/// (trailing attributions) or read from the quotation marks around the span.
fn push_span(
    doc: &mut Doc<'_>,
    speaker: usize,
    verb: &str,
    addressee: Option<usize>,
    span: crate::text::Span,
    direct: Option<bool>,
) {
    let raw = &doc.text[span.clone()];
    let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == ',');
    let direct = direct.unwrap_or_else(|| {
        trimmed.starts_with(is_double_quote) && trimmed.ends_with(is_double_quote) && trimmed.chars().count() > 2
    });
    let content = if direct {
        trimmed.trim_matches(|c: char| is_double_quote(c) || c.is_whitespace() || c == ',').to_string()
    } else {
        trimmed.to_string()
    };
    if content.split_whitespace().count() < 2 {
        return;
    }
    let about: Vec<String> =
        doc.actors_in(&span).into_iter().filter(|&a| a != speaker).map(|a| doc.name(a).to_string()).collect();
    let dup = doc.statements.iter().any(|st| st.speaker == doc.actors[speaker].name && st.content_span == span);
    if dup {
        return;
    }
    doc.statements.push(Statement {
        speaker: doc.name(speaker).to_string(),
        verb: verb.to_string(),
        addressee: addressee.map(|a| doc.name(a).to_string()),
        about,
        direct,
        content,
        content_span: span,
    });
}
