//! Text layer: paragraphs, sentences and tokens with byte offsets into the
//! original text.
//!
//! Nothing here rewrites the text: every span indexes the string the caller
//! passed in, so evidence and mentions stored in the database can always be
//! traced back to the exact bytes they came from.

use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's text.
pub type Span = Range<usize>;

/// What a token is, as far as the rules need to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with inner apostrophes, or dotted like `U.S.`).
    Word,
    /// Digits, with inner `,` or `.` (`1,000`, `3.5`).
    Number,
    /// A quotation mark, straight or curly, single quotes excluded.
    Quote,
    /// The possessive clitic `'s` or a bare `'` after a plural.
    Possessive,
    /// Any other single punctuation or symbol character (dashes included).
    Punct,
}

/// One token: its kind and where it lies in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The token's class.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text within `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A sentence: its span, the paragraph it belongs to, and its tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Byte span of the sentence, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of the paragraph (blank-line separated block) it belongs to.
    pub paragraph: usize,
    /// Tokens in order.
    pub tokens: Vec<Token>,
}

/// Abbreviations that take a period without ending a sentence.
/// Lowercased, without the final period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
    "cpl", "pvt", "amb", "sec", "pres", "rev", "fr", "st", "jr", "sr", "inc", "corp", "ltd", "co", "bros", "plc", "no",
    "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "ave", "blvd", "dept", "est", "approx", "govt", "messrs", "hon", "u.s", "u.n", "u.k", "e.u", "d.c",
];

/// Words that, after an abbreviation like `U.S.`, show that a new sentence began.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "A",
    "An",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Meanwhile",
    "However",
    "Still",
    "Yet",
    "So",
];

/// True for `"`, `“`, `”`, `„`, `«`, `»`.
pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}')
}

/// True for `'` and `’`.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Splits text into paragraphs at blank lines. Spans are trimmed; empty
/// paragraphs are dropped.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let mut prev_blank = true;
    // Line ends found by a byte search (a '\n' byte is always the '\n' char),
    // and the end of the text as the last one.
    for i in text.match_indices('\n').map(|(i, _)| i).chain(std::iter::once(text.len())) {
        let line = &text[line_start..i];
        let blank = line.trim().is_empty();
        if blank && !prev_blank {
            push_trimmed(text, start..line_start, &mut out);
        }
        if blank {
            start = i + 1;
        }
        prev_blank = blank;
        line_start = i + 1;
    }
    if !prev_blank {
        push_trimmed(text, start..text.len(), &mut out);
    }
    out
}

/// Pushes `span` trimmed of whitespace, unless it is empty.
fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(span.start + lead..span.end - trail);
    }
}

/// Tokenizes `text[span]`; offsets are absolute.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(span.len() / 5);
    tokenize_into(text, span, &mut tokens);
    tokens
}

/// Appends the tokens of `text[span]` to `tokens`.
fn tokenize_into(text: &str, span: Span, tokens: &mut Vec<Token>) {
    let base = span.start;
    let s = &text[span];
    let bytes = s.as_bytes();
    // The char starting at byte `p` (always a char boundary here), if any;
    // ASCII, nearly all of news text, is read without decoding.
    let at = |p: usize| match bytes.get(p) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(p..).and_then(|r| r.chars().next()),
        None => None,
    };
    // The byte after the char at `p`.
    let step = |p: usize| at(p).map_or(p, |c| p + c.len_utf8());
    let alnum = |p: usize| at(p).is_some_and(char::is_alphanumeric);
    let mut i = 0;
    while let Some(c) = at(i) {
        // Most tokens are plain ASCII words: letters and digits followed by
        // an ASCII byte that is neither an apostrophe nor a period.
        if c.is_ascii_alphabetic() {
            let mut j = i + 1;
            while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                j += 1;
            }
            if bytes.get(j).is_none_or(|&b| b.is_ascii() && b != b'\'' && b != b'.') {
                tokens.push(Token { start: base + i, end: base + j, kind: TokenKind::Word });
                i = j;
                continue;
            }
        }
        let after = i + c.len_utf8();
        // ASCII is classified without the Unicode tables.
        let (space, alphabetic) = if c.is_ascii() {
            (matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r'), c.is_ascii_alphabetic())
        } else {
            (c.is_whitespace(), c.is_alphabetic())
        };
        if space {
            i = after;
            continue;
        }
        if alphabetic {
            let mut j = after;
            loop {
                // Runs of ASCII letters and digits, most of any word, need no decoding.
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                // Any other ASCII byte but an apostrophe ends the word.
                if bytes.get(j).is_none_or(|&b| b.is_ascii() && b != b'\'') {
                    break;
                }
                match at(j) {
                    Some(c2) if c2.is_alphanumeric() => j += c2.len_utf8(),
                    // Inner apostrophe (don't, O'Brien) but not the possessive 's.
                    Some(a)
                        if is_apostrophe(a) && {
                            let n = j + a.len_utf8();
                            at(n).is_some_and(char::is_alphabetic)
                                && !(matches!(at(n), Some('s' | 'S')) && !alnum(n + 1))
                        } =>
                    {
                        j = step(j + a.len_utf8())
                    }
                    _ => break,
                }
            }
            // Dotted abbreviations and initials: U.S., U.N., D.C., J., Mr.
            if bytes.get(j) == Some(&b'.') {
                let single = j == after && c.is_uppercase();
                if single {
                    // U.S. / U.S.A. / J.
                    let mut k = j + 1;
                    while at(k).is_some_and(char::is_alphabetic)
                        && at(step(k)) == Some('.')
                        && !at(step(k) + 1).is_some_and(char::is_alphabetic)
                    {
                        k = step(k) + 1;
                    }
                    j = k;
                } else if is_abbreviation(&s[i..j]) {
                    j += 1;
                }
            }
            tokens.push(Token { start: base + i, end: base + j, kind: TokenKind::Word });
            i = j;
        } else if c.is_ascii_digit() || c.is_numeric() {
            let mut j = after;
            loop {
                match at(j) {
                    Some(c2) if c2.is_alphanumeric() => j += c2.len_utf8(),
                    Some(',' | '.') if at(j + 1).is_some_and(|d| d.is_ascii_digit()) => j += 2,
                    _ => break,
                }
            }
            tokens.push(Token { start: base + i, end: base + j, kind: TokenKind::Number });
            i = j;
        } else if is_apostrophe(c)
            && matches!(at(after), Some('s' | 'S'))
            && !alnum(after + 1)
            && s[..i].chars().next_back().is_some_and(char::is_alphanumeric)
        {
            tokens.push(Token { start: base + i, end: base + after + 1, kind: TokenKind::Possessive });
            i = after + 1;
        } else if is_apostrophe(c) && s[..i].ends_with('s') && !alnum(after) {
            tokens.push(Token { start: base + i, end: base + after, kind: TokenKind::Possessive });
            i = after;
        } else {
            let kind = if is_double_quote(c) { TokenKind::Quote } else { TokenKind::Punct };
            tokens.push(Token { start: base + i, end: base + after, kind });
            i = after;
        }
    }
}

/// Whether a word (without its period) is in [`ABBREVIATIONS`], case-insensitively.
fn is_abbreviation(word: &str) -> bool {
    if word.is_ascii() {
        // Runs before every period: compare lengths before letters.
        ABBREVIATIONS.iter().any(|a| a.len() == word.len() && a.eq_ignore_ascii_case(word))
    } else {
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    }
}

/// Splits a paragraph into sentences.
pub fn sentences(text: &str, paragraph: Span, index: usize) -> Vec<Sentence> {
    // The paragraph's tokens are copied into their sentences: one buffer
    // per thread holds them meanwhile instead of a large allocation per paragraph.
    thread_local! {
        static TOKENS: std::cell::RefCell<Vec<Token>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    TOKENS.with_borrow_mut(|tokens| {
        tokens.clear();
        tokenize_into(text, paragraph, tokens);
        split_sentences(text, tokens, index)
    })
}

/// Splits the tokens of a paragraph into sentences.
fn split_sentences(text: &str, tokens: &[Token], index: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // Only a period, `!`, `?` or a dotted word ends a sentence: test the
        // last byte before slicing the text.
        let last = text.as_bytes().get(t.end.wrapping_sub(1)).copied();
        let terminal = match t.kind {
            TokenKind::Punct => matches!(last, Some(b'.' | b'!' | b'?')),
            TokenKind::Word => last == Some(b'.') && t.end - t.start > 2 && ends_abbreviation_sentence(text, tokens, i),
            _ => false,
        };
        // A line break inside a paragraph ends a sentence when the line has no
        // final punctuation and the next starts a new line-sized unit (lists, bylines).
        if terminal {
            let mut j = i + 1;
            // Closing quotes and brackets belong to the sentence they close.
            while j < tokens.len()
                && (tokens[j].kind == TokenKind::Quote && closes_quote(text, tokens, j)
                    || matches!(tokens[j].text(text), ")" | "]"))
            {
                j += 1;
            }
            let starts_new = match tokens.get(j) {
                None => true,
                Some(n) => {
                    let nt = n.text(text);
                    let first = nt.chars().next().unwrap_or(' ');
                    first.is_uppercase() || n.kind == TokenKind::Quote || n.kind == TokenKind::Number
                }
            };
            if starts_new {
                out.push(make_sentence(&tokens[begin..j], index));
                begin = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if begin < tokens.len() {
        out.push(make_sentence(&tokens[begin..], index));
    }
    out
}

/// Whether a dotted abbreviation (`U.S.`) at `i` also ends its sentence: only
/// when the next word is a typical sentence opener.
fn ends_abbreviation_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = tokens[i].text(text);
    // Initials (J.) never end a sentence here; multi-letter dotted forms may.
    if t.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return false;
    }
    match tokens.get(i + 1) {
        None => true,
        Some(n) => SENTENCE_STARTERS.contains(&n.text(text)),
    }
}

/// Whether the quote token at `j` closes a quotation (rather than opening one):
/// curly closing marks always close; a straight quote closes when it follows
/// punctuation or a word with no space.
fn closes_quote(text: &str, tokens: &[Token], j: usize) -> bool {
    let q = tokens[j].text(text);
    if q == "\u{201D}" || q == "\u{00BB}" {
        return true;
    }
    if q == "\u{201C}" || q == "\u{00AB}" || q == "\u{201E}" {
        return false;
    }
    j > 0 && tokens[j - 1].end == tokens[j].start
}

fn make_sentence(tokens: &[Token], paragraph: usize) -> Sentence {
    let start = tokens.first().map_or(0, |t| t.start);
    let end = tokens.last().map_or(0, |t| t.end);
    Sentence { span: start..end, paragraph, tokens: tokens.to_vec() }
}

/// Splits a whole document into sentences, paragraph by paragraph.
pub fn split(text: &str) -> Vec<Sentence> {
    paragraphs(text).into_iter().enumerate().flat_map(|(i, p)| sentences(text, p, i)).collect()
}

/// True when `word` starts with an uppercase letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0..s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn dotted_abbreviations_stay_one_token() {
        assert_eq!(words("U.S. President Joe"), ["U.S.", "President", "Joe"]);
        assert_eq!(words("the U.N. Security Council."), ["the", "U.N.", "Security", "Council", "."]);
        assert_eq!(words("Antony J. Blinken"), ["Antony", "J.", "Blinken"]);
    }

    #[test]
    fn possessives_split_from_their_noun() {
        assert_eq!(words("Japan's army"), ["Japan", "'s", "army"]);
        assert_eq!(words("Japan’s army"), ["Japan", "’s", "army"]);
        assert_eq!(words("the allies' plan"), ["the", "allies", "'", "plan"]);
        assert_eq!(words("O'Brien said"), ["O'Brien", "said"]);
    }

    #[test]
    fn numbers_keep_inner_separators() {
        assert_eq!(words("1,000 troops and 3.5 tons"), ["1,000", "troops", "and", "3.5", "tons"]);
    }

    #[test]
    fn sentences_split_at_terminal_punctuation_not_abbreviations() {
        let s = "Mr. Smith met U.S. officials on Monday. He said talks went well. \"We agree,\" he added.";
        let got: Vec<&str> = split(s).iter().map(|x| &s[x.span.clone()]).collect();
        assert_eq!(
            got,
            ["Mr. Smith met U.S. officials on Monday.", "He said talks went well.", "\"We agree,\" he added."]
        );
    }

    #[test]
    fn abbreviation_at_sentence_end_before_pronoun_splits() {
        let s = "The envoy flew to the U.S. He met officials.";
        assert_eq!(split(s).len(), 2);
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        let s = "\"It is over.\" The minister left.";
        let got: Vec<&str> = split(s).iter().map(|x| &s[x.span.clone()]).collect();
        assert_eq!(got, ["\"It is over.\"", "The minister left."]);
    }

    /// The tokenizer as it was before it read bytes: the reference.
    fn tokenize_before(text: &str, span: Span) -> Vec<Token> {
        let base = span.start;
        let s = &text[span];
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let (off, c) = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            let next = |k: usize| chars.get(k).map(|&(_, c)| c);
            let end_of = |k: usize| chars.get(k).map_or(s.len(), |&(o, _)| o);
            if c.is_alphabetic() {
                let mut j = i + 1;
                loop {
                    match next(j) {
                        Some(c2) if c2.is_alphanumeric() => j += 1,
                        // Inner apostrophe (don't, O'Brien) but not the possessive 's.
                        Some(a)
                            if is_apostrophe(a)
                                && next(j + 1).is_some_and(char::is_alphabetic)
                                && !(matches!(next(j + 1), Some('s' | 'S'))
                                    && !next(j + 2).is_some_and(char::is_alphanumeric)) =>
                        {
                            j += 2
                        }
                        _ => break,
                    }
                }
                // Dotted abbreviations and initials: U.S., U.N., D.C., J., Mr.
                if next(j) == Some('.') {
                    let word: String = chars[i..j].iter().map(|&(_, c)| c).collect();
                    let lower = word.to_lowercase();
                    let single = j - i == 1 && c.is_uppercase();
                    if single {
                        // U.S. / U.S.A. / J.
                        let mut k = j + 1;
                        while next(k).is_some_and(char::is_alphabetic)
                            && next(k + 1) == Some('.')
                            && !next(k + 2).is_some_and(char::is_alphabetic)
                        {
                            k += 2;
                        }
                        j = k;
                    } else if ABBREVIATIONS.contains(&lower.as_str()) {
                        j += 1;
                    }
                }
                tokens.push(Token { start: base + off, end: base + end_of(j), kind: TokenKind::Word });
                i = j;
            } else if c.is_ascii_digit() || c.is_numeric() {
                let mut j = i + 1;
                loop {
                    match next(j) {
                        Some(c2) if c2.is_alphanumeric() => j += 1,
                        Some(',' | '.') if next(j + 1).is_some_and(|d| d.is_ascii_digit()) => j += 2,
                        _ => break,
                    }
                }
                tokens.push(Token { start: base + off, end: base + end_of(j), kind: TokenKind::Number });
                i = j;
            } else if is_apostrophe(c)
                && matches!(next(i + 1), Some('s' | 'S'))
                && !next(i + 2).is_some_and(char::is_alphanumeric)
                && i > 0
                && chars[i - 1].1.is_alphanumeric()
            {
                tokens.push(Token { start: base + off, end: base + end_of(i + 2), kind: TokenKind::Possessive });
                i += 2;
            } else if is_apostrophe(c)
                && i > 0
                && chars[i - 1].1 == 's'
                && !next(i + 1).is_some_and(char::is_alphanumeric)
            {
                tokens.push(Token { start: base + off, end: base + end_of(i + 1), kind: TokenKind::Possessive });
                i += 1;
            } else {
                let kind = if is_double_quote(c) { TokenKind::Quote } else { TokenKind::Punct };
                tokens.push(Token { start: base + off, end: base + end_of(i + 1), kind });
                i += 1;
            }
        }
        tokens
    }

    /// The paragraph splitter as it was before it searched bytes: the reference.
    fn paragraphs_before(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut line_start = 0;
        let mut prev_blank = true;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), '\n'))) {
            if c != '\n' {
                continue;
            }
            let line = &text[line_start..i];
            let blank = line.trim().is_empty();
            if blank && !prev_blank {
                push_trimmed(text, start..line_start, &mut out);
            }
            if blank {
                start = i + 1;
            }
            prev_blank = blank;
            line_start = i + 1;
        }
        if !prev_blank {
            push_trimmed(text, start..text.len(), &mut out);
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, failure_persistence: None, ..Default::default() })]
        #[test]
        fn tokenize_and_paragraphs_agree_with_the_reference(
            s in "([a-zA-Z0-9 .,'’\"“”\n\r\t-]|[éÉßİǅΣ①٣\u{212A}\u{00A0}\u{2028}]|U\\.S\\.|Mr\\.|'s |s' ){0,40}"
        ) {
            proptest::prop_assert_eq!(tokenize(&s, 0..s.len()), tokenize_before(&s, 0..s.len()));
            proptest::prop_assert_eq!(paragraphs(&s), paragraphs_before(&s));
        }
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let s = "One.\nstill one.\n\n  \nTwo.\n";
        let got: Vec<&str> = paragraphs(s).into_iter().map(|p| &s[p]).collect();
        assert_eq!(got, ["One.\nstill one.", "Two."]);
    }
}
