//! Relations: predicates between two actors.
//!
//! Verbs: subject (with coordination and plural references expanded) before
//! the verb, object after it (directly, after the verb's particle, or as the
//! possessor of the object noun); passives ("was condemned by X"); negation
//! and refusal ("did not", "refused to"); infinitival complements ("agreed
//! to boost" is an agreement between the coordinated subjects).
//!
//! Action nouns: "talks with Y", "X's abduction of Y", with the agent taken
//! from a possessor, a "by" phrase, or the clause subject.

use super::grammar::{self, coordinated, negated_between, object_after, pick_sense, predicate, root, subject_before};
use super::words::{self, is_in};
use super::{Doc, MentionKind, Relation};
use crate::lexicon::{VerbClass, VerbSense};

/// Verbs that take an infinitive and pass their subject to it.
const CONTROL_VERBS: &[&str] = &[
    "agree",
    "agreed",
    "agrees",
    "refuse",
    "refused",
    "refuses",
    "decline",
    "declined",
    "declines",
    "want",
    "wants",
    "wanted",
    "plan",
    "plans",
    "planned",
    "seek",
    "seeks",
    "sought",
    "try",
    "tries",
    "tried",
    "vow",
    "vowed",
    "vows",
    "pledge",
    "pledged",
    "pledges",
    "promise",
    "promised",
    "promises",
    "decide",
    "decided",
    "decides",
    "hope",
    "hopes",
    "hoped",
    "intend",
    "intends",
    "intended",
    "threaten",
    "threatened",
    "threatens",
    "fail",
    "failed",
    "fails",
    "continue",
    "continued",
    "continues",
    "like",
    "begin",
    "began",
    "start",
    "started",
    "move",
    "moved",
    "moves",
    "prepare",
    "prepared",
    "prepares",
    "aim",
    "aims",
    "aimed",
];

/// Verbs whose infinitive complement they negate.
const NEGATING: &[&str] =
    &["refuse", "refused", "refuses", "decline", "declined", "declines", "fail", "failed", "fails"];

/// Finds relations in every story sentence.
pub(super) fn find(doc: &mut Doc<'_>) {
    for s in 0..doc.sents.len() {
        if doc.sents[s].headline {
            continue;
        }
        let lo = doc.sents[s].first;
        let n = doc.sents[s].tokens.len();
        for v in lo..n {
            verb(doc, s, v, lo, n);
            noun(doc, s, v, lo, n);
        }
    }
}

/// The subject actors of the verb at `v`: its own subject, or for an
/// infinitive ("refused to meet") the subject of the governing verb.
/// Returns (actors, negated, first token of the subject).
fn subject(doc: &Doc<'_>, s: usize, v: usize, lo: usize) -> Option<(Vec<usize>, bool, usize)> {
    if v >= 2 && doc.word(s, v - 1) == "to" && is_in(CONTROL_VERBS, doc.word(s, v - 2)) {
        let g = v - 2;
        let (actors, neg, start) = subject(doc, s, g, lo)?;
        return Some((actors, neg || is_in(NEGATING, doc.word(s, g)), start));
    }
    let m = grammar::clause_subject_of(doc, s, v, lo)?;
    let actors = coordinated(doc, s, m);
    let start = doc.mentions[m].start;
    let neg = negated_between(doc, s, doc.mentions[m].end, v);
    Some((actors, neg, start))
}

fn is_passive(doc: &Doc<'_>, s: usize, v: usize) -> bool {
    let w = doc.word(s, v);
    v > 0
        && is_in(&["was", "were", "been", "being", "is", "are", "be"], doc.word(s, v - 1))
        && (w.ends_with("ed") || w.ends_with("en") || w.ends_with('t'))
}

fn verb(doc: &mut Doc<'_>, s: usize, v: usize, lo: usize, hi: usize) {
    let senses = doc.verb_at(s, v);
    if senses.is_empty() || !grammar::is_verb_position(doc, s, v) {
        return;
    }
    let Some((sense, pend)) = pick_sense(doc, s, v, senses) else { return };
    if sense.class == VerbClass::Speech {
        return;
    }
    let sense = sense.clone();
    // Passive: "Y was condemned by X".
    if is_passive(doc, s, v) {
        let Some(patient) = subject_before(doc, s, v, lo) else { return };
        let by = (pend..(pend + 4).min(hi)).find(|&i| doc.word(s, i) == "by");
        let Some(agent) = by.and_then(|b| doc.mention_starting(s, b + 1)) else { return };
        let neg = negated_between(doc, s, doc.mentions[patient].end, v);
        let objs = coordinated(doc, s, patient);
        let subs = doc.mentions[agent].actors.clone();
        emit(doc, s, &subs, &objs, &sense, neg, false);
        return;
    }
    // Reduced passive: "three hostages held by the FARC", "protests organized by X".
    if sense.particle.is_empty()
        && doc.word(s, v).ends_with("ed")
        && doc.word(s, pend) == "by"
        && let Some(agent) = doc.mention_starting(s, pend + 1)
    {
        let patient = doc.mention_ending(s, v).or_else(|| subject_before(doc, s, v, lo));
        if let Some(p) = patient {
            let objs = coordinated(doc, s, p);
            let subs = doc.mentions[agent].actors.clone();
            emit(doc, s, &subs, &objs, &sense, false, false);
            return;
        }
    }
    let Some((subs, neg, sub_start)) = subject(doc, s, v, lo) else { return };
    let mut sense = sense;
    sense.cameo = intent_code(doc, s, sub_start, v, &sense.cameo);
    match object_after(doc, s, pend, hi) {
        Some(om) => {
            let objs_all = coordinated_objects(doc, s, om);
            let symmetric = sense.symmetric && !sense.particle.is_empty() && sense.particle.iter().any(|p| p == "with");
            emit(doc, s, &subs, &objs_all, &sense, neg, symmetric);
        }
        // "X and Y blamed each other": the act runs both ways.
        None if subs.len() > 1
            && (matches!((doc.word(s, pend), doc.word(s, pend + 1)), ("each" | "one", "other" | "another"))
                || (doc.word(s, pend) == "the" && doc.word(s, pend + 1) == "other")) =>
        {
            for &a in &subs {
                for &b in &subs {
                    if a != b {
                        emit(doc, s, &[a], &[b], &sense, neg, false);
                    }
                }
            }
        }
        None if sense.symmetric && subs.len() > 1 => {
            // "X and Y agreed": one mutual relation per pair.
            for (i, &a) in subs.iter().enumerate() {
                for &b in &subs[i + 1..] {
                    emit(doc, s, &[a], &[b], &sense, neg, true);
                }
            }
        }
        None => {}
    }
}

/// The actors of an object mention and of those coordinated after it:
/// "X and Y", "X, Y and Z", "Ethiopia's and Eritrea's commitments".
fn coordinated_objects(doc: &Doc<'_>, s: usize, om: usize) -> Vec<usize> {
    let mut m = om;
    let mut all = doc.mentions[m].actors.clone();
    // Items joined by a bare comma count only when an "and" closes the list
    // ("X, Y and Z"); "X, diplomats said" is no list.
    let mut pending: Vec<usize> = Vec::new();
    loop {
        let mut e = doc.mentions[m].end;
        if doc.mentions[m].possessive {
            e += 1;
        }
        let link = doc.word(s, e);
        if !matches!(link, "and" | ",") {
            break;
        }
        let mut k = e + 1;
        let mut and = link == "and";
        if doc.word(s, k) == "and" {
            k += 1;
            and = true;
        }
        if doc.word(s, k) == "the" {
            k += 1;
        }
        match doc.mention_starting(s, k) {
            Some(n) if doc.mentions[n].kind != MentionKind::Modifier => {
                pending.extend(doc.mentions[n].actors.iter().copied());
                if and {
                    all.append(&mut pending);
                }
                m = n;
            }
            _ => break,
        }
    }
    all
}

/// Action nouns with a participant after their preposition.
fn noun(doc: &mut Doc<'_>, s: usize, n: usize, lo: usize, hi: usize) {
    let w = doc.word(s, n);
    if doc.noun_at(s, n).is_empty()
        || !w.chars().next().is_some_and(char::is_lowercase)
        || doc.mention_at(s, n).is_some()
    {
        return;
    }
    let senses = doc.noun_at(s, n).to_vec();
    // "Temer faces an investigation by the Supreme Court": the agent comes
    // after "by", the patient is the subject of "face".
    if let Some(sense) = senses.first()
        && doc.word(s, n + 1) == "by"
        && let Some(agent) = doc
            .mention_starting(s, n + 2)
            .or_else(|| (doc.word(s, n + 2) == "the").then(|| doc.mention_starting(s, n + 3)).flatten())
    {
        let face = (n.saturating_sub(3).max(lo)..n)
            .rev()
            .find(|&i| is_in(&["face", "faces", "faced", "facing", "under"], doc.word(s, i)));
        if let Some(patient) =
            face.and_then(|f| grammar::clause_subject_of(doc, s, f, lo).or_else(|| subject_before(doc, s, f, lo)))
        {
            let vs = VerbSense {
                lemma: sense.predicate.clone(),
                particle: Vec::new(),
                cameo: sense.cameo.clone(),
                class: VerbClass::Interaction,
                symmetric: false,
                negative: false,
            };
            let (subs, objs) = (doc.mentions[agent].actors.clone(), doc.mentions[patient].actors.clone());
            emit(doc, s, &subs, &objs, &vs, false, false);
            return;
        }
    }
    // "X and Y held talks": a mutual act among the clause's subjects.
    if let Some(sense) = senses.iter().find(|x| x.symmetric) {
        let p = doc.word(s, n + 1).to_lowercase();
        if !sense.particles.contains(&p)
            && let Some((subs, _)) = clause_subject(doc, s, n, lo, hi).filter(|(v, _)| v.len() > 1)
        {
            let vs = VerbSense {
                lemma: sense.predicate.clone(),
                particle: Vec::new(),
                cameo: intent_code(doc, s, lo, n, &sense.cameo),
                class: VerbClass::Interaction,
                symmetric: true,
                negative: false,
            };
            let neg = negated_between(doc, s, n.saturating_sub(4).max(lo), n);
            for (i, &a) in subs.iter().enumerate() {
                for &b in &subs[i + 1..] {
                    emit(doc, s, &[a], &[b], &vs, neg, true);
                }
            }
            return;
        }
    }
    for sense in senses {
        let p = doc.word(s, n + 1).to_lowercase();
        if !sense.particles.contains(&p) {
            continue;
        }
        // "commitments to withdraw": "to" opens an infinitive, not the other participant.
        if p == "to" && !doc.lex.verb(doc.word(s, n + 2)).is_empty() && doc.mention_starting(s, n + 2).is_none() {
            continue;
        }
        let Some(om) = object_after(doc, s, n + 2, hi).filter(|_| !sense.particles.is_empty()) else { continue };
        if doc.mentions[om].start > n + 6 {
            continue;
        }
        let objs = coordinated_objects(doc, s, om);
        // Agent: possessor before the noun ("Pyongyang's past abduction").
        let possessor = (n.saturating_sub(3).max(lo)..n).rev().find_map(|i| {
            doc.mention_ending(s, i).filter(|&m| doc.mentions[m].possessive && doc.mentions[m].end + 3 >= n)
        });
        // ... or "by X" after the object.
        let by = (doc.mentions[om].end..(doc.mentions[om].end + 3).min(hi))
            .find(|&i| doc.word(s, i) == "by")
            .and_then(|b| doc.mention_starting(s, b + 1));
        // ... or a demonym right before it ("U.S. support for Jordan").
        let modifier = (n.saturating_sub(2).max(lo)..n).rev().find_map(|i| {
            doc.mention_ending(s, i + 1)
                .filter(|&m| doc.mentions[m].kind == MentionKind::Modifier && doc.mentions[m].end <= n)
        });
        let mut cameo = intent_code(doc, s, n.saturating_sub(8).max(lo), n, &sense.cameo);
        let mut predicate = sense.predicate.clone();
        let agent = match possessor.or(by).or(modifier) {
            Some(m) => Some(doc.mentions[m].actors.clone()),
            None => clause_subject(doc, s, n, lo, hi).map(|(actors, governing)| {
                // "cancelled a meeting with Y", "resisting a tour of Y".
                if let Some((code, verb)) = governing {
                    cameo = code.to_string();
                    predicate = format!("{verb} {predicate}");
                }
                actors
            }),
        };
        let Some(subs) = agent else { continue };
        let vs = VerbSense {
            lemma: predicate,
            particle: Vec::new(),
            cameo,
            class: VerbClass::Interaction,
            symmetric: sense.symmetric,
            negative: false,
        };
        let neg = negated_between(doc, s, n.saturating_sub(4).max(lo), n);
        emit(doc, s, &subs, &objs, &vs, neg, sense.symmetric);
        return;
    }
}

/// Verbs that only carry an event noun ("held talks", "had a meeting").
const LIGHT_VERBS: &[&str] = &[
    "express",
    "expressed",
    "expresses",
    "voice",
    "voiced",
    "voices",
    "extend",
    "extended",
    "convey",
    "conveyed",
    "offer",
    "offered",
    "offers",
    "reiterate",
    "reiterated",
    "reaffirm",
    "reaffirmed",
    "confirm",
    "confirmed",
    "hold",
    "holds",
    "held",
    "holding",
    "have",
    "has",
    "had",
    "having",
    "conduct",
    "conducts",
    "conducted",
    "conducting",
    "make",
    "makes",
    "made",
    "making",
    "launch",
    "launches",
    "launched",
    "begin",
    "begins",
    "began",
    "begun",
    "start",
    "starts",
    "started",
    "continue",
    "continues",
    "continued",
    "resume",
    "resumes",
    "resumed",
    "stage",
    "staged",
    "carry",
    "carried",
    "engage",
    "engaged",
    "plan",
    "plans",
    "planned",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "propose",
    "proposed",
    "proposes",
    "host",
    "hosted",
    "hosts",
    "attend",
    "attended",
    "join",
    "joined",
    "step",
    "stepped",
    "steps",
    "promote",
    "promotes",
    "promoted",
    "boost",
    "boosted",
    "deepen",
    "deepened",
    "strengthen",
    "strengthened",
    "expand",
    "expanded",
    "pursue",
    "pursued",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "like",
    "want",
    "wanted",
];

/// Verbs that call an event off (16) or refuse it (12): "cancelled a meeting
/// with Y" reduces relations, "resisting a tour of Y" rejects it.
const GOVERNING: &[(&str, &str, &[&str])] = &[
    (
        "16",
        "cancel",
        &[
            "cancel",
            "cancels",
            "cancelled",
            "canceled",
            "cancelling",
            "canceling",
            "postpone",
            "postponed",
            "postpones",
            "suspend",
            "suspended",
            "suspends",
            "scrap",
            "scrapped",
            "halt",
            "halted",
            "halts",
            "freeze",
            "froze",
            "frozen",
        ],
    ),
    (
        "12",
        "resist",
        &[
            "resist",
            "resists",
            "resisted",
            "resisting",
            "reject",
            "rejects",
            "rejected",
            "rejecting",
            "oppose",
            "opposes",
            "opposed",
            "opposing",
            "refuse",
            "refused",
            "refuses",
            "block",
            "blocked",
            "blocks",
            "boycott",
            "boycotted",
            "boycotts",
        ],
    ),
];

/// A governing verb's CAMEO code and predicate prefix ("16", "cancel").
type Governing = (&'static str, &'static str);

/// Who acts in an event noun's clause: the subject of a light or governing
/// verb before it ("X held talks with Y", "X cancelled a meeting with Y"), or
/// for a fronted phrase ("Referring to the talks with Y, X said") the
/// subject after the comma. A governing verb is returned with its code.
fn clause_subject(doc: &Doc<'_>, s: usize, n: usize, lo: usize, hi: usize) -> Option<(Vec<usize>, Option<Governing>)> {
    for v in (lo..n).rev() {
        let w = doc.word(s, v);
        if matches!(w, "," | ";" | "that") || doc.mention_at(s, v).is_some() {
            break;
        }
        let governing = GOVERNING.iter().find(|(_, _, forms)| is_in(forms, w)).map(|(code, verb, _)| (*code, *verb));
        if !is_in(LIGHT_VERBS, w) && governing.is_none() {
            // Right before the noun a verb form is an adjective ("close alignment").
            if v + 1 < n && !doc.lex.verb(w).is_empty() && grammar::is_verb_position(doc, s, v) {
                // Another verb takes the noun as its object: its subject is no agent.
                return None;
            }
            continue;
        }
        if let Some(m) = grammar::clause_subject_of(doc, s, v, lo) {
            return Some((coordinated(doc, s, m), governing));
        }
        return None;
    }
    // Fronted participial phrase ("Referring to the talks with Y, X said"):
    // the phrase opens the sentence, and its subject is the first mention
    // after the comma that a verb follows.
    let opener = doc.word(s, lo);
    let fronted = opener.ends_with("ing")
        || is_in(
            &["After", "Before", "During", "Following", "Regarding", "Despite", "In", "On", "At", "Asked", "Since"],
            opener,
        );
    if !fronted || (lo..n).any(|i| doc.mention_at(s, i).is_some()) {
        return None;
    }
    let comma = (n..hi).find(|&i| doc.word(s, i) == ",")?;
    let m = doc.mention_starting(s, comma + 1)?;
    let after = doc.word(s, doc.mentions[m].end);
    if is_verbish(after) || !doc.lex.verb(after).is_empty() {
        return Some((doc.mentions[m].actors.clone(), None));
    }
    None
}

/// A lowercase word that reads like a finite verb ("held", "had", "said").
fn is_verbish(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && (w.ends_with("ed")
            || is_in(
                &[
                    "held", "had", "has", "have", "made", "took", "gave", "began", "will", "would", "is", "are", "was",
                    "were", "said", "told", "met", "sent", "got",
                ],
                w,
            )
            || words::AUXILIARY_SET.contains(w))
}

/// Words that put the predicate after them in the future or the will of its
/// subject ("will cooperate", "would like to promote", "plans to meet").
const INTENT: &[&str] = &[
    "will",
    "would",
    "shall",
    "'ll",
    "going",
    "plan",
    "plans",
    "planned",
    "seek",
    "seeks",
    "seeking",
    "sought",
    "pledge",
    "pledged",
    "pledges",
    "agree",
    "agreed",
    "agrees",
    "intend",
    "intends",
    "intended",
    "want",
    "wants",
    "wanted",
    "like",
    "ready",
    "willing",
    "hope",
    "hopes",
    "hoped",
    "vow",
    "vowed",
    "vows",
    "promise",
    "promised",
    "promises",
    "commit",
    "committed",
    "commits",
    "offer",
    "offered",
    "offers",
    "aim",
    "aims",
    "aimed",
];

/// CAMEO codes an announced cooperative act as an intent (03), not the act:
/// "will cooperate", "plans to meet", "seeking alignment".
fn intent_code(doc: &Doc<'_>, s: usize, from: usize, to: usize, cameo: &str) -> String {
    let r = root(cameo);
    let cooperative = matches!(r.as_str(), "04" | "05" | "06" | "07" | "08");
    if cooperative && (from..to).any(|i| is_in(INTENT, doc.word(s, i))) { "03".to_string() } else { r }
}

/// Pushes one relation per (subject, object) pair.
fn emit(
    doc: &mut Doc<'_>,
    s: usize,
    subs: &[usize],
    objs: &[usize],
    sense: &VerbSense,
    negated: bool,
    symmetric: bool,
) {
    let span = doc.sents[s].span.clone();
    let evidence = doc.text[span.clone()].to_string();
    // A refused or negated act of cooperation is a rejection in CAMEO
    // ("refused to meet", "does not recognize"): code 12, still marked negated.
    let code = root(&sense.cameo);
    let cameo = if negated && matches!(code.as_str(), "03" | "04" | "05" | "06" | "07" | "08") {
        "12".to_string()
    } else {
        code
    };
    for &a in subs {
        for &b in objs {
            if a == b {
                continue;
            }
            doc.relations.push(Relation {
                subject: doc.name(a).to_string(),
                predicate: predicate(sense),
                object: doc.name(b).to_string(),
                cameo: cameo.clone(),
                symmetric,
                negated,
                evidence: evidence.clone(),
                evidence_span: span.clone(),
            });
        }
    }
}
