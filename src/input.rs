//! Reading articles from files, directories and standard input.
//!
//! Formats are told by extension: `.txt`/`.md` (one article, id = file stem),
//! `.jsonl` (one article per line: `id`, `text`, optional `title`, `date`,
//! `url`), `.csv` (a header with `text` and optional `id,title,date,url`),
//! `.html`/`.htm` (the main article text, by a Readability port).
//!
//! Every problem is reported as an [`InputError`] naming the file (and line)
//! and the reader goes on with the rest: one bad line never loses the file.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One article to extract from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Document id: the file stem, or the `id` field of a JSONL/CSV row.
    pub id: String,
    /// The article text.
    pub text: String,
    /// Title, if the input gives one.
    pub title: Option<String>,
    /// Publication date as given by the input.
    pub date: Option<String>,
    /// Source URL.
    pub url: Option<String>,
    /// Where it was read from: path, with `:line` for JSONL and CSV rows.
    pub source: String,
    /// Bytes of input it was read from (its line, row or file), for progress.
    pub source_bytes: u64,
}

/// A file, line or row that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file or directory could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line or row is malformed.
    #[error("{path}:{line}: {message}")]
    Line {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// The whole file is unusable.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

/// The longest article text accepted, in bytes: ten times a long-form
/// feature. Longer inputs are reported and skipped: they are not news
/// articles, and extraction time grows faster than their length.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;

/// The longest sentence accepted, in tokens (words, numbers and symbols).
/// Newswire sentences stay under a few hundred (Reuters-21578: 1,092 at
/// most); a document with a longer one (a word list, a dump with no
/// punctuation) is reported and skipped, as extraction time grows with the
/// square of a sentence's length.
pub const MAX_SENTENCE_TOKENS: usize = 5_000;

/// The largest HTML page read: pages carry scripts and markup around the text.
const MAX_HTML_BYTES: usize = 16 * MAX_DOCUMENT_BYTES;

/// The longest JSONL line read: the text may be escaped (`\u00e9`) and come
/// with other fields.
const MAX_JSONL_LINE_BYTES: usize = 8 * MAX_DOCUMENT_BYTES;

/// Why an article text is refused, if it is: too long, or a sentence too long
/// to be prose (see [`MAX_DOCUMENT_BYTES`] and [`MAX_SENTENCE_TOKENS`]).
pub fn check_text(text: &str) -> Result<(), String> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(format!(
            "document of {} bytes, more than the {} MiB limit (not a news article), skipped",
            text.len(),
            MAX_DOCUMENT_BYTES >> 20
        ));
    }
    // A sentence has at most as many tokens as its paragraph has bytes, so
    // only long paragraphs need splitting.
    if text.len() > MAX_SENTENCE_TOKENS {
        for (i, p) in crate::text::paragraphs(text).into_iter().enumerate() {
            if p.len() <= MAX_SENTENCE_TOKENS {
                continue;
            }
            if let Some(s) = crate::text::sentences(text, p, i).iter().find(|s| s.tokens.len() > MAX_SENTENCE_TOKENS) {
                return Err(format!(
                    "a sentence of {} words and symbols at byte {}, more than the limit of {} (not prose), skipped",
                    s.tokens.len(),
                    s.span.start,
                    MAX_SENTENCE_TOKENS
                ));
            }
        }
    }
    Ok(())
}

/// How inputs are read.
#[derive(Debug, Clone)]
pub struct InputOptions {
    /// CSV column holding the text.
    pub text_column: String,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions { text_column: "text".to_string() }
    }
}

/// The formats the reader knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown: one article.
    Text,
    /// JSON Lines: one article per line.
    Jsonl,
    /// CSV with a header.
    Csv,
    /// An HTML page.
    Html,
}

impl Format {
    /// The format of a path by its extension; `None` for unknown extensions.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "md" | "text" => Format::Text,
            "jsonl" | "ndjson" => Format::Jsonl,
            "csv" => Format::Csv,
            "html" | "htm" | "xhtml" => Format::Html,
            _ => return None,
        })
    }
}

/// A date as `YYYY-MM-DD` (with `THH:MM:SS` when the input has a time) when
/// it is in a common newswire form: ISO 8601, `26-FEB-1987 15:01:01.79`
/// (Reuters), `October 4, 2022`, `4 Oct 2022`, RFC 2822. Anything else is
/// kept as given, so no information is lost.
pub fn normalize_date(raw: &str) -> String {
    let t = raw.trim();
    let month = |m: &str| -> Option<u32> {
        let m = m.trim_end_matches('.').to_ascii_lowercase();
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        names
            .iter()
            .position(|n| m.starts_with(n) && (m.len() == 3 || m == "sept" || m.len() > 3))
            .map(|i| i as u32 + 1)
    };
    let valid = |y: i32, m: u32, d: u32| (1000..=9999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    let time_of = |rest: &str| -> Option<String> {
        let hms: Vec<&str> = rest.trim().split([':', '.']).collect();
        if hms.len() >= 2 && hms[..2].iter().all(|x| x.len() == 2 && x.bytes().all(|b| b.is_ascii_digit())) {
            let sec =
                hms.get(2).filter(|x| x.len() == 2 && x.bytes().all(|b| b.is_ascii_digit())).copied().unwrap_or("00");
            Some(format!("T{}:{}:{sec}", hms[0], hms[1]))
        } else {
            None
        }
    };
    // ISO already: keep it.
    if t.len() >= 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-' && t[..4].bytes().all(|b| b.is_ascii_digit())
    {
        return t.to_string();
    }
    // Drop a weekday ("Tue, 04 Oct 2022 10:00:00 +0000").
    let t =
        t.split_once(", ").filter(|(w, _)| w.len() <= 9 && w.chars().all(char::is_alphabetic)).map_or(t, |(_, r)| r);
    let parts: Vec<&str> =
        t.split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/').filter(|p| !p.is_empty()).collect();
    if parts.len() >= 3 {
        let (a, b, c) = (parts[0], parts[1], parts[2]);
        // 26-FEB-1987 / 4 Oct 2022
        if let (Ok(d), Some(m), Ok(y)) = (a.parse::<u32>(), month(b), c.parse::<i32>())
            && valid(y, m, d)
        {
            let time = parts.get(3).and_then(|r| time_of(r)).unwrap_or_default();
            return format!("{y:04}-{m:02}-{d:02}{time}");
        }
        // October 4, 2022
        if let (Some(m), Ok(d), Ok(y)) = (month(a), b.parse::<u32>(), c.parse::<i32>())
            && valid(y, m, d)
        {
            let time = parts.get(3).and_then(|r| time_of(r)).unwrap_or_default();
            return format!("{y:04}-{m:02}-{d:02}{time}");
        }
    }
    raw.trim().to_string()
}

/// The file stem used as a document id (`data/seed.txt` -> `seed`).
pub fn doc_id(path: &Path) -> String {
    path.file_stem().map_or_else(|| path.display().to_string(), |s| s.to_string_lossy().into_owned())
}

/// Expands the given paths into the files to read: directories are walked
/// recursively (sorted, symlink loops skipped) for regular files of known
/// formats (a FIFO or device found there is reported, never opened: it could
/// block); files named explicitly are read whatever their extension. `-` is stdin.
pub fn expand(paths: &[PathBuf], errors: &mut dyn FnMut(InputError)) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut seen_dirs = HashSet::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut seen_dirs, &mut out, errors),
            Ok(_) => out.push(p.clone()),
            Err(source) => errors(InputError::Io { path: p.clone(), source }),
        }
    }
    out
}

fn walk(dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>, errors: &mut dyn FnMut(InputError)) {
    // A symlink loop brings us back to a directory we have seen: stop there.
    match dir.canonicalize() {
        Ok(c) => {
            if !seen.insert(c) {
                return;
            }
        }
        Err(source) => return errors(InputError::Io { path: dir.to_path_buf(), source }),
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(source) => return errors(InputError::Io { path: dir.to_path_buf(), source }),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, seen, out, errors),
            Ok(_) if Format::of(&p).is_none() => {}
            Ok(m) if m.is_file() => out.push(p),
            Ok(_) => errors(InputError::File {
                path: p,
                message: "not a regular file (a FIFO, socket or device), skipped".into(),
            }),
            // A dangling symlink or unreadable entry.
            Err(source) => errors(InputError::Io { path: p, source }),
        }
    }
}

/// Reads one path (or `-`), calling `sink` for every document or error, in order.
pub fn read(path: &Path, opts: &InputOptions, sink: &mut dyn FnMut(Result<Document, InputError>)) {
    if path.as_os_str() == "-" {
        return read_stdin(sink);
    }
    let format = Format::of(path).unwrap_or(Format::Text);
    let file = match File::open(path) {
        Ok(f) => f,
        Err(source) => return sink(Err(InputError::Io { path: path.to_path_buf(), source })),
    };
    match format {
        Format::Jsonl => read_jsonl(path, BufReader::new(file), sink),
        Format::Csv => read_csv(path, file, opts, sink),
        Format::Text | Format::Html => {
            let max = if format == Format::Html { MAX_HTML_BYTES } else { MAX_DOCUMENT_BYTES };
            let bytes = match read_all(path, file.take(max as u64 + 1)) {
                Ok(b) => b,
                Err(e) => return sink(Err(e)),
            };
            if bytes.len() > max {
                return sink(Err(InputError::File {
                    path: path.to_path_buf(),
                    message: format!("file larger than {} MiB (not a news article), skipped", max >> 20),
                }));
            }
            sink(whole_file(path, &bytes, format));
        }
    }
}

fn read_all(path: &Path, mut file: impl Read) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(|source| InputError::Io { path: path.to_path_buf(), source })?;
    Ok(bytes)
}

/// A text or HTML file as one document.
fn whole_file(path: &Path, bytes: &[u8], format: Format) -> Result<Document, InputError> {
    let file_err = |message: &str| InputError::File { path: path.to_path_buf(), message: message.to_string() };
    if bytes.contains(&0) {
        return Err(file_err("binary file (contains NUL bytes), skipped"));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        InputError::Line {
            path: path.to_path_buf(),
            line,
            message: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        }
    })?;
    let (text, title, date) = match format {
        Format::Html => html_article(path, text)?,
        _ => (text.to_string(), None, None),
    };
    if text.trim().is_empty() {
        return Err(file_err("empty document, skipped"));
    }
    check_text(&text).map_err(|m| file_err(&m))?;
    Ok(Document {
        id: doc_id(path),
        text,
        title,
        date,
        url: None,
        source: path.display().to_string(),
        source_bytes: bytes.len() as u64,
    })
}

/// The main text of an HTML page, with its title and publication date.
fn html_article(path: &Path, html: &str) -> Result<(String, Option<String>, Option<String>), InputError> {
    let cfg = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    let mut r = dom_smoothie::Readability::new(html, None, Some(cfg))
        .map_err(|e| InputError::File { path: path.to_path_buf(), message: format!("cannot parse HTML: {e}") })?;
    let article = r.parse().map_err(|e| InputError::File {
        path: path.to_path_buf(),
        message: format!("no article text found in HTML: {e}"),
    })?;
    let title = Some(article.title.trim().to_string()).filter(|t| !t.is_empty());
    Ok((article.text_content.to_string(), title, article.published_time.as_deref().map(normalize_date)))
}

/// The fields of a JSONL article.
#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
}

fn read_jsonl(path: &Path, mut reader: impl BufRead, sink: &mut dyn FnMut(Result<Document, InputError>)) {
    let mut buf = Vec::new();
    let mut line = 0u64;
    // Whether any line had content: an empty file is reported, not passed over.
    let mut any = false;
    loop {
        buf.clear();
        line += 1;
        let too_long = match read_line_bounded(&mut reader, &mut buf, MAX_JSONL_LINE_BYTES) {
            Ok((0, _)) => {
                if !any {
                    sink(Err(InputError::File {
                        path: path.to_path_buf(),
                        message: "no articles (empty file), skipped".into(),
                    }));
                }
                return;
            }
            Ok((_, too_long)) => too_long,
            Err(source) => return sink(Err(InputError::Io { path: path.to_path_buf(), source })),
        };
        let err = |message: String| InputError::Line { path: path.to_path_buf(), line, message };
        if too_long {
            any = true;
            sink(Err(err(format!(
                "line longer than {} MiB (not a news article), skipped",
                MAX_JSONL_LINE_BYTES >> 20
            ))));
            continue;
        }
        let Ok(s) = std::str::from_utf8(&buf) else {
            any = true;
            sink(Err(err("invalid UTF-8".into())));
            continue;
        };
        if s.trim().is_empty() {
            continue;
        }
        any = true;
        let a: JsonArticle = match serde_json::from_str(s) {
            Ok(a) => a,
            Err(e) => {
                sink(Err(err(format!("invalid JSON: {e}"))));
                continue;
            }
        };
        let Some(text) = a.text.filter(|t| !t.trim().is_empty()) else {
            sink(Err(err("no `text` field (or it is empty)".into())));
            continue;
        };
        if let Err(m) = check_text(&text) {
            sink(Err(err(m)));
            continue;
        }
        let id = match a.id {
            Some(serde_json::Value::String(s)) => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}-{line}", doc_id(path)),
        };
        let date = a.date.as_deref().map(normalize_date);
        let source = format!("{}:{line}", path.display());
        sink(Ok(Document { id, text, title: a.title, date, url: a.url, source, source_bytes: buf.len() as u64 }));
    }
}

/// Reads one line, with its `\n`, into `buf`, keeping at most `max` bytes
/// of it: a line without end never fills the memory. Returns the bytes
/// consumed (0 at the end of the input) and whether the line was longer than
/// `max` (`buf` is then empty).
fn read_line_bounded(reader: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<(usize, bool)> {
    let (mut total, mut too_long) = (0, false);
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok((total, too_long));
        }
        let (n, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + n <= max {
                buf.extend_from_slice(&chunk[..n]);
            } else {
                too_long = true;
                buf.clear();
            }
        }
        reader.consume(n);
        total += n;
        if done {
            return Ok((total, too_long));
        }
    }
}

fn read_csv(path: &Path, file: File, opts: &InputOptions, sink: &mut dyn FnMut(Result<Document, InputError>)) {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(BufReader::new(file));
    let header = match reader.byte_headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return sink(Err(InputError::Line {
                path: path.to_path_buf(),
                line: 1,
                message: format!("cannot read the CSV header: {e}"),
            }));
        }
    };
    let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name.as_bytes()));
    let Some(text_col) = col(&opts.text_column) else {
        return sink(Err(InputError::Line {
            path: path.to_path_buf(),
            line: 1,
            message: format!("no `{}` column in the CSV header (use --text-column to pick another)", opts.text_column),
        }));
    };
    let (id_col, title_col, date_col, url_col) = (col("id"), col("title"), col("date"), col("url"));
    let mut record = csv::ByteRecord::new();
    let mut any = false;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => {
                if !any {
                    sink(Err(InputError::File {
                        path: path.to_path_buf(),
                        message: "no rows after the header, skipped".into(),
                    }));
                }
                return;
            }
            Ok(true) => any = true,
            Err(e) => {
                any = true;
                let line = e.position().map_or(0, |p| p.line());
                sink(Err(InputError::Line { path: path.to_path_buf(), line, message: format!("bad CSV row: {e}") }));
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    return;
                }
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        let err = |message: String| InputError::Line { path: path.to_path_buf(), line, message };
        if record.len() != header.len() {
            sink(Err(err(format!("row has {} fields, the header has {}", record.len(), header.len()))));
            continue;
        }
        let field = |c: Option<usize>| -> Result<Option<String>, InputError> {
            match c.and_then(|c| record.get(c)) {
                None => Ok(None),
                Some(b) => std::str::from_utf8(b)
                    .map(|s| Some(s.to_string()).filter(|s| !s.is_empty()))
                    .map_err(|_| err("invalid UTF-8".into())),
            }
        };
        let doc = (|| {
            let text = field(Some(text_col))?.ok_or_else(|| err(format!("empty `{}` field", opts.text_column)))?;
            check_text(&text).map_err(err)?;
            Ok(Document {
                id: field(id_col)?.unwrap_or_else(|| format!("{}-{line}", doc_id(path))),
                text,
                title: field(title_col)?,
                date: field(date_col)?.as_deref().map(normalize_date),
                url: field(url_col)?,
                source: format!("{}:{line}", path.display()),
                // Fields, separators and the line end: close enough for a progress bar.
                source_bytes: (record.as_slice().len() + record.len()) as u64,
            })
        })();
        sink(doc);
    }
}

/// Standard input: JSONL when it starts with `{`, else one text document.
fn read_stdin(sink: &mut dyn FnMut(Result<Document, InputError>)) {
    let path = Path::new("<stdin>");
    let bytes = match read_all(path, std::io::stdin().lock()) {
        Ok(b) => b,
        Err(e) => return sink(Err(e)),
    };
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        read_jsonl(path, &bytes[..], sink);
    } else {
        sink(whole_file(Path::new("stdin"), &bytes, Format::Text).map(|mut d| {
            d.source = "<stdin>".into();
            d
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(path: &Path) -> Vec<Result<Document, InputError>> {
        let mut out = Vec::new();
        read(path, &InputOptions::default(), &mut |r| out.push(r));
        out
    }

    #[test]
    fn jsonl_bad_line_is_reported_with_its_number_and_the_rest_read() {
        let dir = tempdir();
        let p = dir.join("a.jsonl");
        std::fs::write(&p, "{\"id\":\"x\",\"text\":\"Hello there.\"}\n{oops\n{\"id\":7,\"text\":\"More.\"}\n").unwrap();
        let got = collect(&p);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].as_ref().unwrap().id, "x");
        let e = got[1].as_ref().unwrap_err().to_string();
        assert!(e.contains("a.jsonl:2"), "{e}");
        assert_eq!(got[2].as_ref().unwrap().id, "7");
    }

    #[test]
    fn dates_are_normalised_to_iso() {
        assert_eq!(normalize_date("26-FEB-1987 15:01:01.79"), "1987-02-26T15:01:01");
        assert_eq!(normalize_date("October 4, 2022"), "2022-10-04");
        assert_eq!(normalize_date("4 Oct 2022"), "2022-10-04");
        assert_eq!(normalize_date("Tue, 04 Oct 2022 10:00:00 +0000"), "2022-10-04T10:00:00");
        assert_eq!(normalize_date("2022-10-04T09:00:00Z"), "2022-10-04T09:00:00Z");
        assert_eq!(normalize_date("sometime in spring"), "sometime in spring");
        assert_eq!(normalize_date("31-FOO-1987"), "31-FOO-1987");
    }

    #[test]
    fn csv_without_text_column_is_refused() {
        let dir = tempdir();
        let p = dir.join("a.csv");
        std::fs::write(&p, "id,body\n1,hello\n").unwrap();
        let got = collect(&p);
        assert!(got[0].as_ref().unwrap_err().to_string().contains("no `text` column"));
    }

    #[test]
    fn csv_ragged_row_is_reported_and_others_kept() {
        let dir = tempdir();
        let p = dir.join("a.csv");
        std::fs::write(&p, "id,text\n1,hello world\n2\n3,\"quoted, text\"\n").unwrap();
        let got = collect(&p);
        assert_eq!(got.len(), 3);
        assert!(got[1].as_ref().unwrap_err().to_string().contains(":3"));
        assert_eq!(got[2].as_ref().unwrap().text, "quoted, text");
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        let dir = tempdir();
        let b = dir.join("b.txt");
        std::fs::write(&b, b"abc\0def").unwrap();
        assert!(collect(&b)[0].as_ref().unwrap_err().to_string().contains("binary"));
        let e = dir.join("e.txt");
        std::fs::write(&e, "  \n").unwrap();
        assert!(collect(&e)[0].as_ref().unwrap_err().to_string().contains("empty"));
    }

    #[test]
    fn html_gives_article_text() {
        let dir = tempdir();
        let p = dir.join("page.html");
        let para = "<p>The foreign minister of Japan met his counterpart in Seoul on Monday and the two sides agreed to deepen cooperation on security, trade and energy over the coming years.</p>";
        let html = format!(
            "<html><head><title>Talks</title><script>var x = 1;</script></head><body><nav>Home | About</nav><article>{}</article></body></html>",
            para.repeat(4)
        );
        std::fs::write(&p, html).unwrap();
        let d = collect(&p).pop().unwrap().unwrap();
        assert!(d.text.contains("foreign minister of Japan"), "{}", d.text);
        assert!(!d.text.contains("var x"));
    }

    fn tempdir() -> PathBuf {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let d =
            std::env::temp_dir().join(format!("ng-input-{}-{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst)));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
