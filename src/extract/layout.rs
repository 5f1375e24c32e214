//! Newswire layout: which sentences belong to the story.
//!
//! A headline (a first paragraph of one short line without final punctuation)
//! is kept but marked, so it gives actors but no relations; a dateline
//! ("TOKYO (Reuters) -") is skipped; "Related coverage", "Reporting by" and
//! similar trailers end the story.

use super::Sent;
use crate::text::{self, TokenKind};

/// Paragraph openings after which nothing belongs to the story.
const TRAILERS: &[&str] = &[
    "Related coverage",
    "Related:",
    "Related Coverage",
    "Read more",
    "Reporting by",
    "Editing by",
    "Writing by",
    "Additional reporting",
    "Copyright",
    "(Reporting by",
    "(Editing by",
    "Our Standards",
    "Subscribe",
];

/// The story's sentences, in order.
pub(crate) fn story_sentences(txt: &str) -> Vec<Sent> {
    let paragraphs = text::paragraphs(txt);
    let mut out = Vec::new();
    let n = paragraphs.len();
    for (pi, p) in paragraphs.into_iter().enumerate() {
        let ptext = &txt[p.clone()];
        if TRAILERS.iter().any(|t| ptext.starts_with(t)) {
            break;
        }
        let headline = pi == 0 && n > 1 && is_headline(ptext);
        for s in text::sentences(txt, p, pi) {
            let first = if out.iter().all(|x: &Sent| x.headline) { dateline_end(txt, &s.tokens) } else { 0 };
            out.push(Sent {
                span: s.span,
                paragraph: pi,
                tokens: s.tokens,
                headline,
                first,
                mentions: Vec::new(),
                feats: Vec::new(),
                index: None,
            });
        }
    }
    out
}

/// A headline: one line, short, with no sentence-final punctuation.
fn is_headline(p: &str) -> bool {
    let t = p.trim_end();
    !t.contains('\n') && t.split_whitespace().count() <= 25 && !t.ends_with(['.', '!', '?', '"', '\u{201D}', ':'])
}

/// Index of the first story token after a dateline such as `TOKYO (Reuters) -`,
/// `WASHINGTON —` or `NEW YORK, Oct 4 (Reuters) -`; 0 when there is none.
fn dateline_end(txt: &str, tokens: &[text::Token]) -> usize {
    let mut i = 0;
    let mut caps = 0;
    while let Some(t) = tokens.get(i) {
        let w = t.text(txt);
        if t.kind == TokenKind::Word && w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase) {
            caps += 1;
            i += 1;
        } else {
            break;
        }
    }
    if caps == 0 || caps > 6 {
        return 0;
    }
    // Optional ", Oct 4" and "(Reuters)" before the dash.
    let mut j = i;
    let limit = (i + 10).min(tokens.len());
    while j < limit {
        let w = tokens[j].text(txt);
        if matches!(w, "-" | "\u{2014}" | "\u{2013}" | "--") {
            return j + 1;
        }
        if w == "." && j + 1 < tokens.len() && tokens[j + 1].text(txt) == "-" {
            return j + 2;
        }
        j += 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_is_skipped() {
        let t = "TOKYO (Reuters) - Japan said on Monday it would act.";
        let s = story_sentences(t);
        assert_eq!(s[0].tokens[s[0].first].text(t), "Japan");
    }

    #[test]
    fn sentence_initial_caps_word_is_not_a_dateline() {
        let t = "Japan said on Monday it would act.";
        assert_eq!(story_sentences(t)[0].first, 0);
    }

    #[test]
    fn headline_is_marked_and_trailer_dropped() {
        let t = "Leaders Meet In Tokyo\n\nThe leaders met.\n\nRelated coverage:\n\nOther story";
        let s = story_sentences(t);
        assert_eq!(s.len(), 2);
        assert!(s[0].headline);
        assert!(!s[1].headline);
    }
}
