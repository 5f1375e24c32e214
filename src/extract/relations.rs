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
        // A relation needs a party mentioned in the sentence itself.
        if doc.sents[s].headline || doc.sents[s].mentions.is_empty() {
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
    let mut actors = coordinated(doc, s, m);
    // "X is one of the officials who came": X came too.
    let mut k = doc.mentions[m].start;
    if k > lo && doc.word(s, k - 1) == "the" {
        k -= 1;
    }
    if k >= lo + 3
        && doc.word(s, k - 1) == "of"
        && doc.word(s, k - 2).eq_ignore_ascii_case("one")
        && matches!(doc.word(s, k - 3), "is" | "was")
        && let Some(one) = subject_before(doc, s, k - 3, lo)
    {
        actors.extend(doc.mentions[one].actors.iter().copied().filter(|a| !actors.contains(a)).collect::<Vec<_>>());
    }
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
    // Passive: "Y was condemned by X".
    if is_passive(doc, s, v) {
        let Some(patient) = subject_before(doc, s, v, lo) else { return };
        let by = (pend..(pend + 4).min(hi)).find(|&i| doc.word(s, i) == "by");
        let Some(agent) = by.and_then(|b| doc.mention_starting(s, b + 1)) else { return };
        let neg = negated_between(doc, s, doc.mentions[patient].end, v);
        let objs = coordinated(doc, s, patient);
        let subs = doc.mentions[agent].actors.clone();
        emit(doc, s, &subs, &objs, sense, neg, false);
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
            emit(doc, s, &subs, &objs, sense, false, false);
            return;
        }
    }
    // "The ministers' communiqué warns Iran": who issued the text speaks and acts.
    let issuer = || {
        let m = super::statements::reporting_possessor(doc, s, v, lo)?;
        (sense.class == VerbClass::Both).then(|| (coordinated(doc, s, m), false, doc.mentions[m].start))
    };
    let Some((subs, neg, sub_start)) = subject(doc, s, v, lo).or_else(issuer) else { return };
    // "urged Russia to release the ships", "demanding that Russia release":
    // the act is asked for, not done (the asking is the relation); "if X
    // meets Y" is a condition, not an event.
    if is_directed(doc, s, sub_start, lo) || is_conditional(doc, s, sub_start, lo) {
        return;
    }
    let mut sense = sense.clone();
    sense.cameo = intent_code(doc, s, sub_start, v, &sense.cameo);
    // "told journalists the government will ...": the one told comes right
    // after the verb; a later actor is the subject of what was said.
    let addressing = is_in(&["tell", "assure", "inform", "brief", "remind", "notify"], &sense.lemma);
    let object = object_after(doc, s, pend, hi).filter(|&om| {
        let st = doc.mentions[om].start;
        // Only a determiner or a participle ("visiting") may come between.
        !addressing
            || (st <= pend + 2
                && (pend..st).all(|i| {
                    let w = doc.word(s, i);
                    words::DETERMINER_SET.contains(w) || w.ends_with("ing")
                }))
    });
    // "demanded that Russia release": the one told to act is the object.
    let object = object.or_else(|| {
        (doc.word(s, pend) == "that" && is_in(DIRECTIVES, doc.word(s, v)))
            .then(|| doc.mention_starting(s, pend + 1))
            .flatten()
            .filter(|&m| doc.mentions[m].kind != MentionKind::Modifier)
    });
    // "X and Y sparred over Z's demand": with two parties named, a mutual
    // verb's other phrases give the topic, not a third party.
    let object = object.filter(|&om| {
        !(sense.symmetric && subs.len() > 1 && sense.particle.is_empty())
            || doc.mentions[om].start == pend
            || doc.word(s, doc.mentions[om].start.saturating_sub(1)) == "with"
    });
    match object {
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

/// Words before an event noun that make it feared, wished or prevented
/// rather than real ("fears of a trade war", "aimed at improving ties").
const HYPOTHETICAL_GOVERNORS: &[&str] = &[
    "fear",
    "fears",
    "feared",
    "threatened",
    "threat",
    "spectre",
    "specter",
    "risk",
    "prevent",
    "avoid",
    "avert",
    "aimed",
    "aim",
    "improve",
    "improving",
    "possible",
    "potential",
    "seek",
    "seeking",
    "propose",
    "proposed",
    "hope",
    "hopes",
];

/// Verbs that ask someone else to act: what follows is wanted, not done.
const DIRECTIVES: &[&str] = &[
    "demand",
    "demands",
    "demanded",
    "demanding",
    "urge",
    "urges",
    "urged",
    "urging",
    "ask",
    "asks",
    "asked",
    "asking",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "request",
    "requests",
    "requested",
    "requesting",
    "press",
    "pressed",
    "presses",
    "pressing",
    "pressure",
    "pressured",
    "pressuring",
    "encourage",
    "encouraged",
    "encourages",
    "encouraging",
    "order",
    "ordered",
    "orders",
    "ordering",
    "require",
    "required",
    "requires",
    "propose",
    "proposed",
    "proposes",
    "recommend",
    "recommended",
    "recommends",
    "want",
    "wants",
    "wanted",
    "expect",
    "expects",
    "expected",
    "push",
    "pushed",
    "pushing",
    "tell",
    "told",
    "tells",
    "on",
    "upon",
];

/// Whether the clause whose subject starts at `start` is a condition ("if",
/// "unless", "whether", "even if" before it in the same clause).
fn is_conditional(doc: &Doc<'_>, s: usize, start: usize, lo: usize) -> bool {
    (lo..start)
        .rev()
        .take_while(|&i| !matches!(doc.word(s, i), "," | ";" | ":"))
        .any(|i| matches!(doc.word(s, i), "if" | "If" | "unless" | "Unless" | "whether" | "Whether"))
}

/// Whether the clause whose subject starts at `start` is the complement of a
/// directive ("urged Russia to ...", "demanding that Russia ...", "called on
/// Russia to ..."): the subject is the one asked to act.
fn is_directed(doc: &Doc<'_>, s: usize, start: usize, lo: usize) -> bool {
    let mut k = start;
    if k > lo && doc.word(s, k - 1) == "the" {
        k -= 1;
    }
    if k > lo && doc.word(s, k - 1) == "that" {
        k -= 1;
    }
    // "on" and "upon" direct only after "call" ("called on Russia to").
    k > lo
        && is_in(DIRECTIVES, doc.word(s, k - 1))
        && (!matches!(doc.word(s, k - 1), "on" | "upon") || (k >= 2 && doc.word(s, k - 2).starts_with("call")))
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
    if !w.chars().next().is_some_and(char::is_lowercase) || doc.mention_at(s, n).is_some() || joint(doc, s, n, lo) {
        return;
    }
    if doc.noun_at(s, n).is_empty() {
        return;
    }
    let senses = doc.noun_at(s, n);
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
            let vs = act(sense.predicate.clone(), sense.cameo.clone(), false);
            let (subs, objs) = (doc.mentions[agent].actors.clone(), doc.mentions[patient].actors.clone());
            emit(doc, s, &subs, &objs, &vs, false, false);
            return;
        }
    }
    // "cooperation between Panama and Peru", "a rift that grew between the
    // two presidents": the participants follow "between".
    // The noun must head its phrase ("trade tensions between" is about
    // tensions), be real (not "would remain", "fears of a war"), and join
    // two or three parties (a list of ten is a multilateral pact).
    if let Some(sense) = senses.iter().find(|x| x.symmetric)
        && let Some(b) = (n + 1..(n + 7).min(hi))
            .take_while(|&i| !matches!(doc.word(s, i), "," | ";" | ":" | "."))
            .find(|&i| doc.word(s, i) == "between")
        && (b == n + 1 || matches!(doc.word(s, n + 1), "that" | "which"))
        && !(n.saturating_sub(4).max(lo)..n).any(|i| is_in(HYPOTHETICAL_GOVERNORS, doc.word(s, i)))
        && !((lo..n)
            .rev()
            .take_while(|&i| !matches!(doc.word(s, i), "," | ";"))
            .chain((n..hi).take_while(|&i| !matches!(doc.word(s, i), "," | ";"))))
        .any(|i| is_in(&["would", "could", "may", "might", "if", "whether"], doc.word(s, i)))
    {
        let first = doc
            .mention_starting(s, b + 1)
            .or_else(|| (doc.word(s, b + 1) == "the").then(|| doc.mention_starting(s, b + 2)).flatten());
        let mut pair = first.map(|m| coordinated_objects(doc, s, m)).unwrap_or_default();
        pair.dedup();
        if (2..=3).contains(&pair.len()) {
            let cameo = intent_code(doc, s, lo, n, &sense.cameo);
            let neg = negated_between(doc, s, n.saturating_sub(4).max(lo), n);
            mutual(doc, s, &pair, &sense.predicate, cameo, neg);
            return;
        }
    }
    // "officials who came to Venezuela at Mr. Chavez's request", "visited
    // Beijing at the invitation of Xi": the one who asked, toward the one who came.
    if let Some(sense) = senses.first()
        && n >= lo + 2
        && let Some(asker) = if doc.word(s, n + 1) == "of" && doc.word(s, n - 1) == "the" && doc.word(s, n - 2) == "at"
        {
            doc.mention_starting(s, n + 2).map(|m| (m, n - 2))
        } else {
            (doc.word(s, n - 1) == "'s" || doc.word(s, n - 1) == "’s")
                .then(|| doc.mention_ending(s, n - 1))
                .flatten()
                .filter(|&m| {
                    doc.mentions[m].possessive
                        && doc.mentions[m].start > lo
                        && doc.word(s, doc.mentions[m].start - 1) == "at"
                })
                .map(|m| (m, doc.mentions[m].start - 1))
        }
        && let Some(v) = (lo..asker.1)
            .rev()
            .take(8)
            .find(|&v| grammar::is_verb_position(doc, s, v) && words::is_verb_form(doc.lex, doc.word(s, v)))
        && let Some((came, _, _)) = subject(doc, s, v, lo)
    {
        let vs = act(sense.predicate.clone(), sense.cameo.clone(), false);
        let subs = doc.mentions[asker.0].actors.clone();
        emit(doc, s, &subs, &came, &vs, false, false);
        return;
    }
    // "X and Y held talks": a mutual act among the clause's subjects.
    if let Some(sense) = senses.iter().find(|x| x.symmetric) {
        let p = doc.word(s, n + 1).to_lowercase();
        if !sense.particles.contains(&p)
            && let Some((subs, _)) = clause_subject(doc, s, n, lo, hi).filter(|(v, _)| v.len() > 1)
        {
            let cameo = intent_code(doc, s, lo, n, &sense.cameo);
            let neg = negated_between(doc, s, n.saturating_sub(4).max(lo), n);
            mutual(doc, s, &subs, &sense.predicate, cameo, neg);
            return;
        }
    }
    for sense in senses {
        let p = doc.word(s, n + 1).to_lowercase();
        // "the government's demand that Apple unlock": the one asked to act.
        let asked = p == "that"
            && matches!(root(&sense.cameo).as_str(), "02" | "10")
            && doc.mention_starting(s, n + 2).is_some_and(|m| doc.mentions[m].kind != MentionKind::Modifier);
        // "sanctions targeting X" = "sanctions against X".
        let targeting = matches!(p.as_str(), "targeting" | "targetting")
            && sense.particles.iter().any(|x| matches!(x.as_str(), "on" | "against"));
        if !sense.particles.contains(&p) && !asked && !targeting {
            continue;
        }
        // "commitments to withdraw": "to" opens an infinitive, not the other participant.
        if p == "to" && !doc.lex.verb(doc.word(s, n + 2)).is_empty() && doc.mention_starting(s, n + 2).is_none() {
            continue;
        }
        let object = if asked { doc.mention_starting(s, n + 2) } else { object_after(doc, s, n + 2, hi) };
        let Some(om) = object.filter(|_| !sense.particles.is_empty()) else { continue };
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
        // A country's name used the same way ("U.S. support") counts too.
        let modifier = (n.saturating_sub(2).max(lo)..n).rev().find_map(|i| {
            doc.mention_ending(s, i + 1).filter(|&m| {
                let mention = &doc.mentions[m];
                mention.end <= n
                    && (mention.kind == MentionKind::Modifier
                        || (mention.end == n
                            && !mention.possessive
                            && mention.actors.len() == 1
                            && doc.actors[mention.actors[0]].kind == super::ActorKind::Country))
            })
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
        // "X reiterated Washington's commitment to Y", "X confirmed U.S.
        // support for Y": the one who voices the stance takes it too.
        let voiced = if possessor.or(by).or(modifier).is_some() { stance_subject(doc, s, n, lo) } else { None };
        let vs = act(predicate, cameo, sense.symmetric);
        let neg = negated_between(doc, s, n.saturating_sub(4).max(lo), n);
        emit(doc, s, &subs, &objs, &vs, neg, sense.symmetric);
        if let Some(v) = &voiced {
            emit(doc, s, v, &objs, &vs, neg, sense.symmetric);
        }
        // "appreciation to the King for Jordan's role": a second participant
        // after the noun's other preposition.
        let after = doc.mentions[om].end + usize::from(doc.mentions[om].possessive);
        if let Some(q) = (after..(after + 4).min(hi))
            .take_while(|&i| !matches!(doc.word(s, i), "," | ";" | "." | "and"))
            .find(|&i| doc.word(s, i) != p && sense.particles.iter().any(|x| x == doc.word(s, i)))
            && let Some(om2) = object_after(doc, s, q + 1, hi).filter(|&m| doc.mentions[m].start <= q + 4)
        {
            let objs2 = coordinated_objects(doc, s, om2);
            let vs2 = VerbSense {
                lemma: format!(
                    "{} {}",
                    sense
                        .predicate
                        .split(' ')
                        .take_while(|w| !sense.particles.iter().any(|x| x == w))
                        .collect::<Vec<_>>()
                        .join(" "),
                    doc.word(s, q)
                ),
                ..vs.clone()
            };
            emit(doc, s, &subs, &objs2, &vs2, neg, sense.symmetric);
            if let Some(v) = &voiced {
                emit(doc, s, v, &objs2, &vs2, neg, sense.symmetric);
            }
        }
        return;
    }
}

/// Verbs that voice a stance named by a noun ("reiterated its commitment").
const STANCE_VERBS: &[&str] = &[
    "express",
    "expressed",
    "expresses",
    "voice",
    "voiced",
    "voices",
    "reiterate",
    "reiterated",
    "reiterates",
    "reaffirm",
    "reaffirmed",
    "reaffirms",
    "confirm",
    "confirmed",
    "confirms",
    "pledge",
    "pledged",
    "pledges",
    "convey",
    "conveyed",
    "underscore",
    "underscored",
    "stress",
    "stressed",
    "emphasize",
    "emphasized",
];

/// The subject of a stance verb whose object phrase holds the noun at `n`,
/// possibly with another actor's possessive or modifier in between
/// ("Austin reiterated Washington's unwavering commitment").
fn stance_subject(doc: &Doc<'_>, s: usize, n: usize, lo: usize) -> Option<Vec<usize>> {
    let mut v = n;
    while v > lo && n - v < 7 {
        v -= 1;
        let w = doc.word(s, v);
        if is_in(STANCE_VERBS, w) {
            let m = grammar::clause_subject_of(doc, s, v, lo)?;
            return Some(coordinated(doc, s, m));
        }
        if matches!(w, "," | ";" | ":" | "that" | "and" | "to")
            || (doc.mention_at(s, v).is_none() && !doc.lex.verb(w).is_empty() && grammar::is_verb_position(doc, s, v))
        {
            return None;
        }
    }
    None
}

/// "the joint Ethiopian Human Rights Commission and UN investigation":
/// parties to a joint undertaking cooperate. Returns whether it applied.
fn joint(doc: &mut Doc<'_>, s: usize, n: usize, lo: usize) -> bool {
    if let Some(last) = n.checked_sub(1).and_then(|e| doc.mention_ending(s, e))
        && doc.mentions[last].kind != MentionKind::Modifier
        // Runs for every word after a mention: look for "joint" before
        // collecting the coordinated parties.
        && (lo..doc.mentions[last].start).any(|i| doc.word(s, i) == "joint")
    {
        let parties = coordinated(doc, s, last);
        let first_start = (lo..n)
            .find(|&i| {
                doc.mention_starting(s, i).is_some_and(|m| doc.mentions[m].actors.iter().any(|a| parties.contains(a)))
            })
            .unwrap_or(n);
        let joint = first_start > lo
            && (doc.word(s, first_start - 1) == "joint"
                || (first_start > lo + 1
                    && doc.word(s, first_start - 1) == "the"
                    && doc.word(s, first_start - 2) == "joint"));
        if joint && (2..=3).contains(&parties.len()) {
            mutual(doc, s, &parties, "cooperate with", "06".to_string(), false);
            return true;
        }
    }
    false
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
        // "a planned tour": after a determiner a verb form is an adjective.
        if !is_in(LIGHT_VERBS, w) && governing.is_none() || !grammar::is_verb_position(doc, s, v) {
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
/// A scheduled meeting or visit ("will travel to", "will meet") is still
/// coded as the meeting: only a wish or plan makes it an intent.
fn intent_code(doc: &Doc<'_>, s: usize, from: usize, to: usize, cameo: &str) -> String {
    let r = root(cameo);
    let cooperative = matches!(r.as_str(), "04" | "05" | "06" | "07" | "08");
    let intent = (from..to).any(|i| {
        let w = doc.word(s, i);
        is_in(INTENT, w) && !(r == "04" && is_in(&["will", "would", "shall", "'ll", "going"], w))
    });
    if cooperative && intent { "03".to_string() } else { r }
}

/// The sense of an act named by a noun or a construction rather than a
/// lexicon verb ("talks with" as "talk with").
fn act(lemma: impl Into<String>, cameo: impl Into<String>, symmetric: bool) -> VerbSense {
    VerbSense {
        lemma: lemma.into(),
        particle: Vec::new(),
        cameo: cameo.into(),
        class: VerbClass::Interaction,
        symmetric,
        negative: false,
    }
}

/// One symmetric relation per pair of `parties` ("X and Y held talks").
fn mutual(doc: &mut Doc<'_>, s: usize, parties: &[usize], predicate: &str, cameo: String, negated: bool) {
    let vs = act(predicate, cameo, true);
    for (i, &a) in parties.iter().enumerate() {
        for &b in &parties[i + 1..] {
            emit(doc, s, &[a], &[b], &vs, negated, true);
        }
    }
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
    } else if code == "14"
        && matches!(sense.lemma.as_str(), "protest" | "demonstrate")
        && subs
            .iter()
            .all(|&a| matches!(doc.actors[a].kind, super::ActorKind::Country | super::ActorKind::Organization))
    {
        // CAMEO's protest (14) is a crowd's; a state or an institution that
        // protests complains officially (11).
        "11".to_string()
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
