//! The command line: clap definitions (their `///` comments are the `--help`)
//! and one small function per command over the library API.
//!
//! Exit codes: 0 success; 1 some inputs could not be read (the rest were
//! processed) or a query named an unknown or ambiguous actor; 2 a fatal
//! error (bad arguments, unusable database).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::extract::{extract, ActorKind};
use crate::graph::ActorGraph;
use crate::ingest::{self, Event};
use crate::input::{self, InputOptions};
use crate::lexicon::Lexicon;
use crate::store::{RelationFilter, StatementFilter, Store};

/// Turn news articles into a knowledge graph of actors, relations and
/// statements, stored in one SQLite file.
///
/// Typical use: `newsgraph ingest articles/` then `newsgraph relations
/// --actor "North Korea"` or `newsgraph said --by Kishida`.
///
/// Exit codes: 0 success; 1 some inputs failed (the rest were processed) or
/// an actor name was unknown or ambiguous; 2 fatal error.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, about, long_about, max_term_width = 100)]
pub struct Args {
    /// SQLite database file to write and query.
    #[arg(long, global = true, env = "NEWSGRAPH_DB", default_value = "newsgraph.db", value_hint = clap::ValueHint::FilePath)]
    pub db: PathBuf,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles, extract actors, relations and statements, and store them.
    ///
    /// PATHs may be files or directories (walked recursively); `-` reads
    /// standard input (JSONL if it starts with `{`, else one text article).
    /// Formats by extension: .txt/.md (id = file stem), .jsonl (one article per
    /// line: id, text, title, date, url), .csv (header with a text column),
    /// .html/.htm (main article text). Content already stored is skipped, so
    /// re-running the same ingest is a no-op.
    Ingest {
        /// Files or directories to read, or `-` for standard input.
        #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        /// Extra lexicon CSV (same columns as a data/lexicon/*.csv file); repeatable.
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        lexicon: Vec<PathBuf>,
        /// CSV column that holds the article text.
        #[arg(long, default_value = "text")]
        text_column: String,
        /// No progress bar and no summary.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Print the extraction of each article without touching the database.
    ///
    /// The output is the extraction contract: one JSON object per document
    /// with `doc`, `actors`, `relations` and `statements`.
    Extract {
        /// Files or directories to read, or `-` for standard input.
        #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        /// jsonl: one object per line; json: one pretty-printed array.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
        /// Extra lexicon CSV (same columns as a data/lexicon/*.csv file); repeatable.
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        lexicon: Vec<PathBuf>,
        /// CSV column that holds the article text.
        #[arg(long, default_value = "text")]
        text_column: String,
    },
    /// Counts of documents, actors, relations and statements.
    Stats {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List actors, most mentioned first.
    Actors {
        /// Only actors of this kind.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// At most this many rows.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        /// Output format.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Relations, with their evidence: who did what to whom.
    Relations {
        /// Relations involving this actor (name or alias, any case).
        #[arg(long)]
        actor: Option<String>,
        /// ... and this other actor on the other end (both directions).
        #[arg(long)]
        with: Option<String>,
        /// CAMEO root codes, comma-separated (e.g. 11,12 for disapprove and reject).
        #[arg(long, value_delimiter = ',')]
        cameo: Vec<String>,
        /// At most this many rows.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Output format.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Statements: who said what, to whom, about whom.
    Said {
        /// Statements by this speaker (name or alias, any case).
        #[arg(long)]
        by: Option<String>,
        /// Statements about this actor.
        #[arg(long)]
        about: Option<String>,
        /// At most this many rows.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Output format.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Actors connected to ACTOR by relations, up to --depth hops.
    Neighbors {
        /// The actor (name or alias, any case).
        actor: String,
        /// Number of hops.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Output format.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Export the actor graph for visualisation.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Dot)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        out: Option<PathBuf>,
    },
}

/// Output options shared by the query commands.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Print JSON (an array of objects).
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print CSV with a header.
    #[arg(long)]
    pub csv: bool,
}

/// Formats of `extract`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per line.
    Jsonl,
    /// A pretty-printed JSON array.
    Json,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// Graphviz DOT.
    Dot,
}

/// Actor kinds on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// People.
    Person,
    /// Countries.
    Country,
    /// Organisations.
    Organization,
    /// Groups ("South Korean lawmakers").
    Group,
}

impl From<KindArg> for ActorKind {
    fn from(k: KindArg) -> ActorKind {
        match k {
            KindArg::Person => ActorKind::Person,
            KindArg::Country => ActorKind::Country,
            KindArg::Organization => ActorKind::Organization,
            KindArg::Group => ActorKind::Group,
        }
    }
}

/// An outcome that is not a crash: some inputs failed, or a name was unknown.
#[derive(Debug)]
struct Partial(String);

impl std::fmt::Display for Partial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for Partial {}

/// Runs a parsed command line and returns the process exit code.
pub fn run(args: Args) -> ExitCode {
    match dispatch(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)) {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsgraph: {e:#}");
            if e.downcast_ref::<Partial>().is_some() { ExitCode::from(1) } else { ExitCode::from(2) }
        }
    }
}

fn dispatch(args: Args) -> Result<()> {
    let db = args.db;
    match args.command {
        Command::Ingest { paths, lexicon, text_column, quiet } => cmd_ingest(&db, &paths, &lexicon, text_column, quiet),
        Command::Extract { paths, format, lexicon, text_column } => cmd_extract(&paths, format, &lexicon, text_column),
        Command::Stats { json } => {
            let store = Store::open_read_only(&db)?;
            let st = store.stats()?;
            let mut out = std::io::stdout().lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &st)?;
                writeln!(out)?;
            } else {
                writeln!(out, "documents       {}", st.documents)?;
                writeln!(out, "actors          {}", st.actors)?;
                for (k, n) in &st.actors_by_kind {
                    writeln!(out, "  {k:<14}{n}")?;
                }
                writeln!(out, "relations       {}", st.relations)?;
                writeln!(out, "statements      {}", st.statements)?;
            }
            Ok(())
        }
        Command::Actors { kind, limit, output } => {
            let store = Store::open_read_only(&db)?;
            let rows = store.actors(kind.map(Into::into), Some(limit))?;
            print_rows(&output, &rows, &["name", "kind", "documents", "aliases"], |r| {
                vec![r.name.clone(), r.kind.clone(), r.documents.to_string(), r.aliases.join("; ")]
            })
        }
        Command::Relations { actor, with, cameo, limit, output } => {
            let store = Store::open_read_only(&db)?;
            let filter = RelationFilter {
                actor: actor.as_deref().map(|a| resolve(&store, a)).transpose()?,
                with: with.as_deref().map(|a| resolve(&store, a)).transpose()?,
                cameo,
                limit: Some(limit),
            };
            let rows = store.relations(&filter)?;
            print_rows(&output, &rows, &["subject", "predicate", "object", "cameo", "document", "evidence"], |r| {
                let pred = if r.negated { format!("not {}", r.predicate) } else { r.predicate.clone() };
                vec![r.subject.clone(), pred, r.object.clone(), r.cameo.clone(), r.document.clone(), r.evidence.clone()]
            })
        }
        Command::Said { by, about, limit, output } => {
            let store = Store::open_read_only(&db)?;
            let filter = StatementFilter {
                by: by.as_deref().map(|a| resolve(&store, a)).transpose()?,
                about: about.as_deref().map(|a| resolve(&store, a)).transpose()?,
                limit: Some(limit),
            };
            let rows = store.statements(&filter)?;
            print_rows(&output, &rows, &["speaker", "verb", "addressee", "about", "document", "content"], |r| {
                let content = if r.direct { format!("\"{}\"", r.content) } else { r.content.clone() };
                vec![r.speaker.clone(), r.verb.clone(), r.addressee.clone().unwrap_or_default(), r.about.join("; "), r.document.clone(), content]
            })
        }
        Command::Neighbors { actor, depth, output } => {
            let store = Store::open_read_only(&db)?;
            let ids = resolve(&store, &actor)?;
            let g = ActorGraph::load(&store)?;
            #[derive(Serialize)]
            struct Row {
                name: String,
                kind: String,
                distance: usize,
            }
            let mut rows = Vec::new();
            for id in ids {
                let Some(n) = g.node(id) else { continue };
                for (m, d) in g.neighbors(n, depth) {
                    let node = &g.graph[m];
                    rows.push(Row { name: node.name.clone(), kind: node.kind.clone(), distance: d });
                }
            }
            print_rows(&output, &rows, &["name", "kind", "distance"], |r| vec![r.name.clone(), r.kind.clone(), r.distance.to_string()])
        }
        Command::Export { format, out } => {
            let store = Store::open_read_only(&db)?;
            let g = ActorGraph::load(&store)?;
            let ExportFormat::Dot = format;
            match out {
                Some(path) => {
                    // Write to a temporary file and rename: never a truncated export.
                    let tmp = path.with_extension("tmp-newsgraph");
                    let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?);
                    crate::export::write_dot(&g, &mut f)?;
                    f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                    std::fs::rename(&tmp, &path).with_context(|| format!("cannot write {}", path.display()))?;
                }
                None => crate::export::write_dot(&g, &mut std::io::stdout().lock())?,
            }
            Ok(())
        }
    }
}

/// Actor ids for a name or alias; an unknown or ambiguous name is an error
/// that lists what there is.
fn resolve(store: &Store, name: &str) -> Result<Vec<i64>> {
    let found = store.find_actors(name)?;
    if found.is_empty() {
        return Err(Partial(format!("no actor named `{name}` (try `newsgraph actors`)")).into());
    }
    let mut names: Vec<&str> = found.iter().map(|(_, n, _)| n.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    if names.len() > 1 {
        let list = found.iter().map(|(_, n, k)| format!("  {n} ({k})")).collect::<Vec<_>>().join("\n");
        return Err(Partial(format!("`{name}` is ambiguous; it names:\n{list}\nuse the full name")).into());
    }
    Ok(found.into_iter().map(|(id, _, _)| id).collect())
}

fn load_lexicon(files: &[PathBuf]) -> Result<Lexicon> {
    Lexicon::with_files(files).context("loading lexicons")
}

fn cmd_ingest(db: &std::path::Path, paths: &[PathBuf], lexicon: &[PathBuf], text_column: String, quiet: bool) -> Result<()> {
    let lex = load_lexicon(lexicon)?;
    let mut store = Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let opts = InputOptions { text_column };
    let total: u64 = paths.iter().filter_map(|p| std::fs::metadata(p).ok()).filter(|m| m.is_file()).map(|m| m.len()).sum();
    let show = !quiet && std::io::stderr().is_terminal();
    let bar = if show { indicatif::ProgressBar::new(total) } else { indicatif::ProgressBar::hidden() };
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let start = Instant::now();
    let mut docs = 0u64;
    let report = ingest::ingest(&mut store, &lex, paths, &opts, &mut |ev| match ev {
        Event::Document(d) => {
            docs += 1;
            bar.inc(d.text.len() as u64);
            if docs % 64 == 0 {
                let rate = docs as f64 / start.elapsed().as_secs_f64().max(1e-9);
                bar.set_message(format!("{docs} docs, {rate:.0} docs/s"));
            }
        }
        Event::Failed(e) => bar.suspend(|| eprintln!("newsgraph: skipped {e}")),
    })
    .with_context(|| format!("writing to {}", db.display()))?;
    bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    if !quiet {
        eprintln!(
            "{} new, {} already present, {} failed; {} actors, {} relations, {} statements ({:.1} MB in {:.2}s, {:.1} MB/s) -> {}",
            report.new,
            report.already_present,
            report.failed,
            report.actors,
            report.relations,
            report.statements,
            report.bytes as f64 / 1e6,
            secs,
            report.bytes as f64 / 1e6 / secs.max(1e-9),
            db.display()
        );
    }
    if report.failed > 0 {
        bail!(Partial(format!("{} input(s) could not be read; the rest were stored", report.failed)));
    }
    Ok(())
}

fn cmd_extract(paths: &[PathBuf], format: ExtractFormat, lexicon: &[PathBuf], text_column: String) -> Result<()> {
    let lex = load_lexicon(lexicon)?;
    let opts = InputOptions { text_column };
    let mut failed = 0usize;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut all = Vec::new();
    let mut io_err = None;
    let files = input::expand(paths, &mut |e| {
        failed += 1;
        eprintln!("newsgraph: skipped {e}");
    });
    for f in files {
        input::read(&f, &opts, &mut |item| match item {
            Ok(doc) => {
                let ex = extract(&doc.id, &doc.text, &lex);
                match format {
                    ExtractFormat::Jsonl => {
                        let r = serde_json::to_writer(&mut out, &ex).map_err(std::io::Error::from).and_then(|()| writeln!(out));
                        if let Err(e) = r {
                            io_err.get_or_insert(e);
                        }
                    }
                    ExtractFormat::Json => all.push(ex),
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("newsgraph: skipped {e}");
            }
        });
        if io_err.is_some() {
            break;
        }
    }
    if let Some(e) = io_err {
        return Err(e.into());
    }
    if let ExtractFormat::Json = format {
        serde_json::to_writer_pretty(&mut out, &all)?;
        writeln!(out)?;
    }
    out.flush()?;
    if failed > 0 {
        bail!(Partial(format!("{failed} input(s) could not be read")));
    }
    Ok(())
}

/// Prints rows as an aligned table, JSON or CSV.
fn print_rows<T: Serialize>(output: &OutputArgs, rows: &[T], header: &[&str], cells: impl Fn(&T) -> Vec<String>) -> Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if output.json {
        serde_json::to_writer_pretty(&mut out, rows)?;
        writeln!(out)?;
    } else if output.csv {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(header)?;
        for r in rows {
            w.write_record(cells(r))?;
        }
        w.flush()?;
    } else {
        let table: Vec<Vec<String>> = rows.iter().map(|r| cells(r).into_iter().map(|c| one_line(&c, 90)).collect()).collect();
        let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
        for row in &table {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.chars().count());
            }
        }
        let line = |cells: Vec<&str>| {
            let n = cells.len();
            cells
                .into_iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (c, w))| if i + 1 == n { c.to_string() } else { format!("{c:<w$}") })
                .collect::<Vec<_>>()
                .join("  ")
        };
        writeln!(out, "{}", line(header.to_vec()))?;
        for row in &table {
            writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
        }
        if table.is_empty() {
            writeln!(out, "(no rows)")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// One line of at most `max` characters, for table cells.
fn one_line(s: &str, max: usize) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let mut t: String = flat.chars().take(max - 1).collect();
        t.push('\u{2026}');
        t
    }
}
