//! Extraction: from one document's text to its actors, relations and
//! statements, in the shape fixed by `shared/spec/extraction.md`.
//!
//! The stages run in order over one [`Doc`]:
//! 1. [`layout`] keeps the story sentences (no headline boilerplate, dateline,
//!    "Related coverage" tail);
//! 2. [`mentions`] finds actor mentions and resolves coreference;
//! 3. [`statements`] reads reported speech;
//! 4. [`relations`] reads predicates between actors.

mod grammar;
mod layout;
mod mentions;
mod relations;
mod statements;
pub(crate) mod words;

use serde::{Deserialize, Serialize};

use crate::lexicon::Lexicon;
use crate::text::{Span, Token};

/// The kind of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A country, also through its government, capital or demonym.
    Country,
    /// A named organisation.
    Organization,
    /// A collective with an affiliation ("South Korean lawmakers").
    Group,
}

impl ActorKind {
    /// The lowercase name used in the contract and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
        }
    }

    /// Parses the lowercase name.
    pub fn parse(s: &str) -> Option<ActorKind> {
        Some(match s {
            "person" => ActorKind::Person,
            "country" => ActorKind::Country,
            "organization" | "organisation" => ActorKind::Organization,
            "group" => ActorKind::Group,
            _ => return None,
        })
    }
}

/// One actor of a document, once, after coreference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name.
    pub name: String,
    /// Person, country, organisation or group.
    pub kind: ActorKind,
    /// Every other surface form that refers to it in this document.
    pub aliases: Vec<String>,
    /// Byte spans of its mentions (not part of the contract output).
    #[serde(skip)]
    pub mentions: Vec<Span>,
}

/// An interaction between two actors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Acting actor's canonical name.
    pub subject: String,
    /// Verb lemma with its particle ("condemn", "talk with").
    pub predicate: String,
    /// Other actor's canonical name.
    pub object: String,
    /// CAMEO code (root, or finer where the lexicon knows it).
    pub cameo: String,
    /// No direction ("X and Y agreed").
    pub symmetric: bool,
    /// Negated or refused.
    pub negated: bool,
    /// The sentence it was read from.
    pub evidence: String,
    /// Byte span of the evidence (not part of the contract output).
    #[serde(skip)]
    pub evidence_span: Span,
}

/// Reported speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Speaker's canonical name.
    pub speaker: String,
    /// Speech verb lemma ("say", "according to").
    pub verb: String,
    /// The actor spoken to, if any.
    pub addressee: Option<String>,
    /// Actors mentioned in the content, the speaker excluded.
    pub about: Vec<String>,
    /// Content is a direct quotation.
    pub direct: bool,
    /// The reported words.
    pub content: String,
    /// Byte span of the content (not part of the contract output).
    #[serde(skip)]
    pub content_span: Span,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Document id.
    pub doc: String,
    /// Actors, in order of first mention.
    pub actors: Vec<Actor>,
    /// Relations, in text order.
    pub relations: Vec<Relation>,
    /// Statements, in text order.
    pub statements: Vec<Statement>,
}

/// A sentence of the story, with its tokens and mentions.
#[derive(Debug, Clone)]
pub(crate) struct Sent {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: Vec<Token>,
    /// Headlines give actors but no relations or statements.
    pub headline: bool,
    /// Index of the first token after a dateline ("TOKYO (Reuters) -").
    pub first: usize,
    /// Indices into `Doc::mentions`, in token order.
    pub mentions: Vec<usize>,
    /// Per token: what the lexicons and word lists say about it.
    pub feats: Vec<words::Feat>,
    /// Per token: the mentions at it, once all mentions are found.
    pub index: Option<MentionIndex>,
}

/// The mentions of a sentence by token, for the relation and statement
/// rules that ask "which mention is here" of nearly every token.
#[derive(Debug, Clone)]
pub(crate) struct MentionIndex {
    /// Per token, and one slot past the last: the first mention (in
    /// `Sent::mentions` order) covering it, starting at it, and ending
    /// right before it.
    slots: Vec<[u32; 3]>,
}

impl MentionIndex {
    const NONE: u32 = u32::MAX;
    const AT: usize = 0;
    const STARTING: usize = 1;
    const ENDING: usize = 2;

    fn new(sent: &Sent, mentions: &[Mention]) -> MentionIndex {
        let n = sent.tokens.len();
        let mut slots = vec![[Self::NONE; 3]; n + 1];
        let mut set = |i: usize, which: usize, id: u32| {
            if let Some(slot) = slots.get_mut(i).map(|x| &mut x[which])
                && *slot == Self::NONE
            {
                *slot = id;
            }
        };
        for &m in &sent.mentions {
            let x = &mentions[m];
            let id = m as u32;
            for i in x.start..x.end.min(n) {
                set(i, Self::AT, id);
            }
            if x.start < n {
                set(x.start, Self::STARTING, id);
            }
            set(x.end, Self::ENDING, id);
        }
        MentionIndex { slots }
    }

    fn get(&self, i: usize, which: usize) -> Option<usize> {
        self.slots.get(i).map(|x| x[which]).filter(|&m| m != Self::NONE).map(|m| m as usize)
    }
}

/// How a mention refers to its actor(s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MentionKind {
    /// A proper name, alias, title form or capital.
    Name,
    /// A demonym used as a modifier ("Japanese people"): names the country
    /// for `about`, but is weak as a subject or object.
    Modifier,
    /// A role nominal ("the prime minister") or description ("the Asian country").
    Nominal,
    /// A pronoun resolved to its antecedent(s).
    Pronoun,
}

/// One mention of one or more actors.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub sent: usize,
    /// First token (index into the sentence's tokens).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Document actor indices: one, or several for "the two leaders", "they".
    pub actors: Vec<usize>,
    pub kind: MentionKind,
    /// Possessive: followed by `'s`.
    pub possessive: bool,
}

/// An actor while the document is read.
#[derive(Debug, Clone)]
pub(crate) struct ActorRec {
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub spans: Vec<Span>,
    /// Role title for persons ("prime minister").
    pub title: Option<crate::lexicon::Title>,
    /// Affiliation: the country a person, organisation or group belongs to.
    pub country: Option<String>,
    /// Gender from the title, or from pronouns that resolved to it.
    pub gender: Option<char>,
}

/// A document being extracted.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    pub sents: Vec<Sent>,
    pub actors: Vec<ActorRec>,
    pub mentions: Vec<Mention>,
    pub relations: Vec<Relation>,
    pub statements: Vec<Statement>,
    /// Acronyms the document defined: "All Progressives Congress (APC)".
    pub acronyms: std::collections::HashMap<String, usize>,
    /// Plural roles of named countries whose holders the story names only
    /// later ("the foreign ministers of India and Pakistan"): mention index,
    /// canonical title, and the countries, resolved once all names are known.
    pub pending_roles: Vec<(usize, String, Vec<String>)>,
    /// Per sentence, the text of each token: the rules ask for words far
    /// more often than tokens are cut, so each is sliced once.
    pub words: Vec<Vec<&'a str>>,
}

impl<'a> Doc<'a> {
    /// Text of token `i` of sentence `s`.
    pub fn word(&self, s: usize, i: usize) -> &'a str {
        self.words[s].get(i).copied().unwrap_or("")
    }

    /// Features of token `i` of sentence `s` (those of an empty word past the end).
    pub fn feat(&self, s: usize, i: usize) -> words::Feat {
        self.sents[s].feats.get(i).copied().unwrap_or_default()
    }

    /// Senses of token `i` of sentence `s` as a verb: `lex.verb(word(s, i))`.
    pub fn verb_at(&self, s: usize, i: usize) -> &'a [crate::lexicon::VerbSense] {
        self.feat(s, i).verbs(self.lex)
    }

    /// Senses of token `i` of sentence `s` as an action noun: `lex.noun(word(s, i))`.
    pub fn noun_at(&self, s: usize, i: usize) -> &'a [crate::lexicon::ActionNoun] {
        self.feat(s, i).nouns(self.lex)
    }

    /// The mention covering token `i` of sentence `s`, if any.
    pub fn mention_at(&self, s: usize, i: usize) -> Option<usize> {
        if let Some(ix) = &self.sents[s].index {
            return ix.get(i, MentionIndex::AT);
        }
        self.sents[s].mentions.iter().copied().find(|&m| self.mentions[m].start <= i && i < self.mentions[m].end)
    }

    /// The mention starting exactly at token `i` of sentence `s`.
    pub fn mention_starting(&self, s: usize, i: usize) -> Option<usize> {
        if let Some(ix) = &self.sents[s].index {
            return ix.get(i, MentionIndex::STARTING);
        }
        self.sents[s].mentions.iter().copied().find(|&m| self.mentions[m].start == i)
    }

    /// The mention ending exactly before token `i` (exclusive end == i).
    pub fn mention_ending(&self, s: usize, i: usize) -> Option<usize> {
        if let Some(ix) = &self.sents[s].index {
            return ix.get(i, MentionIndex::ENDING);
        }
        self.sents[s].mentions.iter().copied().find(|&m| self.mentions[m].end == i)
    }

    /// Byte span of tokens `[a, b)` of sentence `s`.
    pub fn token_span(&self, s: usize, a: usize, b: usize) -> Span {
        let t = &self.sents[s].tokens;
        if a >= b || a >= t.len() {
            let at = t.get(a).map_or(self.sents[s].span.end, |t| t.start);
            return at..at;
        }
        t[a].start..t[b.min(t.len()) - 1].end
    }

    /// Canonical name of actor `i`.
    pub fn name(&self, i: usize) -> &str {
        &self.actors[i].name
    }

    /// The actors mentioned in a byte span, in order, deduplicated.
    pub fn actors_in(&self, span: &Span) -> Vec<usize> {
        let mut out = Vec::new();
        for m in &self.mentions {
            // Most mentions lie in other sentences: test the sentence first.
            let sent = &self.sents[m.sent].span;
            if sent.end <= span.start || sent.start >= span.end {
                continue;
            }
            let sp = self.token_span(m.sent, m.start, m.end);
            if sp.start >= span.start && sp.end <= span.end {
                for &a in &m.actors {
                    if !out.contains(&a) {
                        out.push(a);
                    }
                }
            }
        }
        out
    }
}

/// Extracts actors, relations and statements from one document.
///
/// Never panics on any input; an empty or unreadable text gives an empty
/// extraction.
pub fn extract(doc_id: &str, text: &str, lex: &Lexicon) -> Extraction {
    let mut doc = Doc {
        text,
        lex,
        sents: layout::story_sentences(text),
        actors: Vec::new(),
        mentions: Vec::new(),
        relations: Vec::new(),
        statements: Vec::new(),
        acronyms: std::collections::HashMap::new(),
        pending_roles: Vec::new(),
        words: Vec::new(),
    };
    doc.words = doc.sents.iter().map(|sent| sent.tokens.iter().map(|t| t.text(text)).collect()).collect();
    for (sent, ws) in doc.sents.iter_mut().zip(&doc.words) {
        sent.feats = ws.iter().map(|w| words::Feat::of(w, lex)).collect();
    }
    mentions::find(&mut doc);
    // Mentions are final from here on.
    for sent in &mut doc.sents {
        sent.index = Some(MentionIndex::new(sent, &doc.mentions));
    }
    statements::find(&mut doc);
    relations::find(&mut doc);
    finish(doc_id, doc)
}

/// Prepositions after which a country is a place, not an actor.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "inside",
    "outside",
    "throughout",
    "across",
    "around",
    "into",
    "over",
    "within",
    "via",
    "from",
];

/// Whether a mention names a place: after a locative preposition ("in
/// Luxembourg"), in a list after one ("in Israel and Lebanon"), or after a
/// place it locates ("in Buenos Aires, Argentina").
fn is_locative(doc: &Doc<'_>, m: &Mention) -> bool {
    let mut i = m.start;
    loop {
        if i == 0 {
            return false;
        }
        let prev = doc.word(m.sent, i - 1);
        // "at the United States" is usually a target ("a jab at"), not a place.
        if words::is_in(LOCATIVE, prev)
            || (prev == "the"
                && i >= 2
                && words::is_in(LOCATIVE, doc.word(m.sent, i - 2))
                && doc.word(m.sent, i - 2) != "at")
        {
            return true;
        }
        if !matches!(prev, "and" | "," | "or") || i < 2 {
            return false;
        }
        // Step over the previous list item (a mention or a known place).
        match doc.mention_ending(m.sent, i - 1) {
            Some(p) => i = doc.mentions[p].start,
            None => {
                let mut k = i - 1;
                while k > 0 && doc.word(m.sent, k - 1).chars().next().is_some_and(char::is_uppercase) {
                    k -= 1;
                }
                if k == i - 1 || doc.lex.place(&doc.text[doc.token_span(m.sent, k, i - 1)]).is_none() {
                    return false;
                }
                i = k;
            }
        }
    }
}

/// Turns the working document into the contract shape.
fn finish(doc_id: &str, doc: Doc<'_>) -> Extraction {
    // An actor is one that acts somewhere, or is named as more than a place
    // ("in Luxembourg") or a modifier ("British colonial rule").
    let in_graph = |name: &str| {
        doc.relations.iter().any(|r| r.subject == name || r.object == name)
            || doc.statements.iter().any(|s| s.speaker == name || s.addressee.as_deref() == Some(name))
    };
    let used: Vec<bool> = (0..doc.actors.len())
        .map(|a| {
            in_graph(&doc.actors[a].name)
                || doc.mentions.iter().any(|m| {
                    m.actors.len() == 1
                        && m.actors[0] == a
                        && matches!(m.kind, MentionKind::Name | MentionKind::Nominal)
                        && !(doc.actors[a].kind == ActorKind::Country && is_locative(&doc, m))
                })
        })
        .collect();
    let actors: Vec<Actor> = doc
        .actors
        .iter()
        .zip(&used)
        .filter(|(_, u)| **u)
        .map(|(a, _)| Actor {
            name: a.name.clone(),
            kind: a.kind,
            aliases: a.aliases.iter().filter(|x| **x != a.name).cloned().collect(),
            mentions: a.spans.clone(),
        })
        .collect();
    let mut relations: Vec<Relation> = Vec::new();
    for r in doc.relations {
        let dup = relations.iter().any(|o| {
            o.predicate == r.predicate
                && o.cameo == r.cameo
                && o.negated == r.negated
                && ((o.subject == r.subject && o.object == r.object)
                    || (r.symmetric && o.symmetric && o.subject == r.object && o.object == r.subject))
        });
        if !dup && r.subject != r.object {
            relations.push(r);
        }
    }
    // A statement is about actors of the document only: a country named only
    // as a place or a modifier is not one.
    let listed: std::collections::HashSet<&str> = actors.iter().map(|a: &Actor| a.name.as_str()).collect();
    let mut statements = doc.statements;
    for st in &mut statements {
        st.about.retain(|a| listed.contains(a.as_str()));
    }
    Extraction { doc: doc_id.to_string(), actors, relations, statements }
}

#[cfg(test)]
mod tests;
