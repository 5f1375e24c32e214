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

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::export;
use crate::extract::{ActorKind, extract};
use crate::graph::{ActorGraph, Centrality, GraphFilter, Walk};
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
        /// Quad classes to keep: verbal-coop, material-coop, verbal-conflict, material-conflict.
        #[arg(long, value_delimiter = ',')]
        quad: Vec<String>,
        /// Actor kinds both ends must have.
        #[arg(long, value_enum, value_delimiter = ',')]
        kind: Vec<KindArg>,
        /// Document dates.
        #[command(flatten)]
        dates: DateArgs,
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
        /// Document dates.
        #[command(flatten)]
        dates: DateArgs,
        /// At most this many rows.
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Output format.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Actors connected to ACTOR, up to --depth hops, with the link that reached each.
    Neighbors {
        /// The actor (name, alias or last name, any case).
        actor: String,
        /// Number of hops.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Follow edges out of the actor (what it did), into it, or both.
        #[arg(long, value_enum, default_value_t = DirectionArg::Both)]
        direction: DirectionArg,
        /// Graph filters.
        #[command(flatten)]
        filter: GraphArgs,
        /// Output format.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// The shortest connection between two actors, each hop with its evidence.
    Path {
        /// Where the path starts.
        from: String,
        /// Where it ends.
        to: String,
        /// Follow edges in their direction only (out), against it (in), or both.
        #[arg(long, value_enum, default_value_t = DirectionArg::Both)]
        direction: DirectionArg,
        /// Graph filters.
        #[command(flatten)]
        filter: GraphArgs,
        /// Output format.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// The most central actors.
    Top {
        /// Degree (links, weighted by count), PageRank, or betweenness (brokers between blocs).
        #[arg(long, value_enum, default_value_t = CentralityArg::Degree)]
        by: CentralityArg,
        /// At most this many rows.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Graph filters.
        #[command(flatten)]
        filter: GraphArgs,
        /// Output format.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Connected blocs of actors, largest first.
    Components {
        /// At most this many blocs.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Graph filters.
        #[command(flatten)]
        filter: GraphArgs,
        /// Output format.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Everything an actor did, suffered and said, in date order.
    Timeline {
        /// The actor (name, alias or last name, any case).
        actor: String,
        /// Document dates.
        #[command(flatten)]
        dates: DateArgs,
        /// At most this many rows.
        #[arg(long, default_value_t = 200)]
        limit: usize,
        /// Output format.
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Export the actor graph (or the part around --actor) for visualisation.
    ///
    /// dot renders with Graphviz (`dot -Tsvg graph.dot > graph.svg`; keep it
    /// to a few hundred actors with --actor/--depth or --min-count); csv and
    /// neo4j write nodes.csv and edges.csv into the --out directory (neo4j with
    /// the headers `neo4j-admin database import` reads); graphml opens in
    /// Gephi, yEd and networkx; json is node-link JSON for networkx and d3.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Dot)]
        format: ExportFormat,
        /// Write to this file (a directory for csv and neo4j) instead of standard output.
        #[arg(long, value_hint = clap::ValueHint::AnyPath)]
        out: Option<PathBuf>,
        /// Only the part of the graph around this actor.
        #[arg(long)]
        actor: Option<String>,
        /// Hops around --actor to include.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Graph filters.
        #[command(flatten)]
        filter: GraphArgs,
    },
    /// Write a synthetic newswire corpus as JSONL, for benchmarks and scale runs.
    ///
    /// Each line is one article (id, title, date, text) of 4 to 10 paragraphs,
    /// about 2 KB of text, built from the lexicons: a dateline, quotes,
    /// reported speech, condemnations, meetings, agreements, refusals and
    /// neutral market and weather news, with thousands of invented office
    /// holders. The same seed gives byte-identical output, and memory stays
    /// flat however many articles are written (`--docs 1000000` is fine).
    Synth {
        /// Number of articles to write.
        #[arg(long)]
        docs: u64,
        /// Seed of the generator.
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Write to this file instead of standard output.
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        out: Option<PathBuf>,
    },
}

/// A document date range.
#[derive(Debug, clap::Args)]
pub struct DateArgs {
    /// Only documents dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Only documents dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
}

/// Filters shared by the graph commands.
#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// CAMEO codes to keep, comma-separated (e.g. 11,12,13).
    #[arg(long, value_delimiter = ',')]
    pub cameo: Vec<String>,
    /// Quad classes to keep: verbal-coop, material-coop, verbal-conflict, material-conflict.
    #[arg(long, value_delimiter = ',')]
    pub quad: Vec<String>,
    /// Actor kinds to keep.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kind: Vec<KindArg>,
    /// Only documents dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub since: Option<String>,
    /// Only documents dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub until: Option<String>,
    /// Drop links seen fewer times than this.
    #[arg(long, default_value_t = 1)]
    pub min_count: i64,
    /// Leave out statement links (speaker to the actors spoken about).
    #[arg(long)]
    pub exclude_statements: bool,
}

/// Quad class names ("verbal-coop") or numbers to numbers.
fn parse_quads(quads: &[String]) -> Result<Vec<u8>> {
    quads
        .iter()
        .map(|q| {
            crate::graph::parse_quad(q).with_context(|| {
                format!("unknown quad class `{q}` (verbal-coop, material-coop, verbal-conflict, material-conflict)")
            })
        })
        .collect()
}

impl GraphArgs {
    fn to_filter(&self) -> Result<GraphFilter> {
        let quad = parse_quads(&self.quad)?;
        Ok(GraphFilter {
            cameo: self.cameo.clone(),
            quad,
            kinds: self.kind.iter().map(|&k| k.into()).collect(),
            since: self.since.clone(),
            until: self.until.clone(),
            min_count: self.min_count,
            exclude_statements: self.exclude_statements,
        })
    }
}

/// Directions on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DirectionArg {
    /// Along edges: what the actor did.
    Out,
    /// Against edges: what was done to it.
    In,
    /// Both.
    Both,
}

impl From<DirectionArg> for Walk {
    fn from(d: DirectionArg) -> Walk {
        match d {
            DirectionArg::Out => Walk::Out,
            DirectionArg::In => Walk::In,
            DirectionArg::Both => Walk::Both,
        }
    }
}

/// Centrality measures on the command line.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CentralityArg {
    /// Weighted number of links.
    Degree,
    /// PageRank.
    Pagerank,
    /// Betweenness.
    Betweenness,
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
    /// nodes.csv and edges.csv in the --out directory.
    Csv,
    /// nodes.csv and edges.csv with neo4j-admin import headers.
    Neo4j,
    /// GraphML (Gephi, yEd, networkx).
    Graphml,
    /// Node-link JSON (networkx, d3).
    Json,
}

impl From<ExportFormat> for export::Format {
    fn from(f: ExportFormat) -> export::Format {
        match f {
            ExportFormat::Dot => export::Format::Dot,
            ExportFormat::Csv => export::Format::Csv,
            ExportFormat::Neo4j => export::Format::Neo4j,
            ExportFormat::Graphml => export::Format::GraphMl,
            ExportFormat::Json => export::Format::Json,
        }
    }
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
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
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
        Command::Synth { docs, seed, out } => cmd_synth(docs, seed, out.as_deref()),
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
        Command::Relations { actor, with, cameo, quad, kind, dates, limit, output } => {
            let store = Store::open_read_only(&db)?;
            let filter = RelationFilter {
                actor: actor.as_deref().map(|a| resolve(&store, a)).transpose()?,
                with: with.as_deref().map(|a| resolve(&store, a)).transpose()?,
                cameo,
                quad: parse_quads(&quad)?,
                kinds: kind.into_iter().map(|k| ActorKind::from(k).as_str().to_string()).collect(),
                since: dates.since,
                until: dates.until,
                limit: Some(limit),
                by_date: false,
            };
            let rows = store.relations(&filter)?;
            print_rows(
                &output,
                &rows,
                &["subject", "predicate", "object", "cameo", "date", "document", "evidence"],
                |r| {
                    let pred = if r.negated { format!("not {}", r.predicate) } else { r.predicate.clone() };
                    vec![
                        r.subject.clone(),
                        pred,
                        r.object.clone(),
                        r.cameo.clone(),
                        r.date.clone().unwrap_or_default(),
                        r.document.clone(),
                        r.evidence.clone(),
                    ]
                },
            )
        }
        Command::Said { by, about, dates, limit, output } => {
            let store = Store::open_read_only(&db)?;
            let filter = StatementFilter {
                by: by.as_deref().map(|a| resolve(&store, a)).transpose()?,
                about: about.as_deref().map(|a| resolve(&store, a)).transpose()?,
                since: dates.since,
                until: dates.until,
                limit: Some(limit),
                ..Default::default()
            };
            let rows = store.statements(&filter)?;
            print_rows(&output, &rows, &["speaker", "verb", "addressee", "about", "date", "document", "content"], |r| {
                let content = if r.direct { format!("\"{}\"", r.content) } else { r.content.clone() };
                vec![
                    r.speaker.clone(),
                    r.verb.clone(),
                    r.addressee.clone().unwrap_or_default(),
                    r.about.join("; "),
                    r.date.clone().unwrap_or_default(),
                    r.document.clone(),
                    content,
                ]
            })
        }
        Command::Neighbors { actor, depth, direction, filter, output } => {
            let store = Store::open_read_only(&db)?;
            let ids = resolve(&store, &actor)?;
            let g = ActorGraph::load(&store, &filter.to_filter()?)?;
            #[derive(Serialize)]
            struct Row {
                name: String,
                kind: String,
                distance: usize,
                via: String,
            }
            let mut rows = Vec::new();
            for id in ids {
                let Some(n) = g.node(id) else { continue };
                for (m, d, e) in g.neighbors(n, depth, direction.into()) {
                    let node = &g.graph[m];
                    let (s, o) = g
                        .graph
                        .edge_endpoints(e)
                        .map(|(s, o)| (g.graph[s].name.clone(), g.graph[o].name.clone()))
                        .unwrap_or_default();
                    let via = format!("{s} {} {o}", g.graph[e].predicate);
                    rows.push(Row { name: node.name.clone(), kind: node.kind.clone(), distance: d, via });
                }
            }
            print_rows(&output, &rows, &["name", "kind", "distance", "via"], |r| {
                vec![r.name.clone(), r.kind.clone(), r.distance.to_string(), r.via.clone()]
            })
        }
        Command::Path { from, to, direction, filter, output } => {
            let store = Store::open_read_only(&db)?;
            let (a, b) = (resolve(&store, &from)?, resolve(&store, &to)?);
            let g = ActorGraph::load(&store, &filter.to_filter()?)?;
            let (Some(na), Some(nb)) = (a.iter().find_map(|&i| g.node(i)), b.iter().find_map(|&i| g.node(i))) else {
                return Err(Partial(format!("no connection between `{from}` and `{to}` in the filtered graph")).into());
            };
            let Some(hops) = g.path(na, nb, direction.into()) else {
                return Err(Partial(format!("no connection between `{from}` and `{to}`")).into());
            };
            #[derive(Serialize)]
            struct Row {
                step: usize,
                hop: crate::graph::Hop,
                evidence: Option<crate::store::Evidence>,
            }
            let mut rows = Vec::new();
            for (i, hop) in hops.into_iter().enumerate() {
                let evidence = match (hop.kind, hop.evidence_id) {
                    (crate::graph::EdgeKind::Relation, Some(id)) => store.relation_evidence(id)?,
                    (crate::graph::EdgeKind::Statement, Some(id)) => store.statement_evidence(id)?,
                    _ => None,
                };
                rows.push(Row { step: i + 1, hop, evidence });
            }
            print_rows(&output, &rows, &["step", "from", "to", "link", "document", "evidence"], |r| {
                let link = match r.hop.kind {
                    crate::graph::EdgeKind::Relation => {
                        format!("{} {} {} [{}]", r.hop.subject, r.hop.predicate, r.hop.object, r.hop.cameo)
                    }
                    crate::graph::EdgeKind::Statement => {
                        format!("{} spoke about {} ({})", r.hop.subject, r.hop.object, r.hop.predicate)
                    }
                };
                let (doc, text) = r.evidence.as_ref().map(|e| (e.document.clone(), e.text.clone())).unwrap_or_default();
                vec![r.step.to_string(), r.hop.from.clone(), r.hop.to.clone(), link, doc, text]
            })
        }
        Command::Top { by, limit, filter, output } => {
            let store = Store::open_read_only(&db)?;
            let g = ActorGraph::load(&store, &filter.to_filter()?)?;
            let measure = match by {
                CentralityArg::Degree => Centrality::Degree,
                CentralityArg::Pagerank => Centrality::PageRank,
                CentralityArg::Betweenness => Centrality::Betweenness,
            };
            #[derive(Serialize)]
            struct Row {
                rank: usize,
                name: String,
                kind: String,
                score: f64,
            }
            let rows: Vec<Row> = g
                .top(measure, limit)
                .into_iter()
                .enumerate()
                .map(|(i, (n, score))| Row {
                    rank: i + 1,
                    name: g.graph[n].name.clone(),
                    kind: g.graph[n].kind.clone(),
                    score,
                })
                .collect();
            print_rows(&output, &rows, &["rank", "name", "kind", "score"], |r| {
                vec![r.rank.to_string(), r.name.clone(), r.kind.clone(), format!("{:.4}", r.score)]
            })
        }
        Command::Components { limit, filter, output } => {
            let store = Store::open_read_only(&db)?;
            let g = ActorGraph::load(&store, &filter.to_filter()?)?;
            #[derive(Serialize)]
            struct Row {
                bloc: usize,
                size: usize,
                members: Vec<String>,
            }
            let rows: Vec<Row> = g
                .components()
                .into_iter()
                .take(limit)
                .enumerate()
                .map(|(i, c)| Row {
                    bloc: i + 1,
                    size: c.len(),
                    members: c.iter().map(|&n| g.graph[n].name.clone()).collect(),
                })
                .collect();
            print_rows(&output, &rows, &["bloc", "size", "members"], |r| {
                vec![r.bloc.to_string(), r.size.to_string(), r.members.join("; ")]
            })
        }
        Command::Timeline { actor, dates, limit, output } => {
            let store = Store::open_read_only(&db)?;
            let ids = resolve(&store, &actor)?;
            #[derive(Serialize)]
            struct Row {
                date: Option<String>,
                document: String,
                kind: &'static str,
                summary: String,
                text: String,
            }
            let mut rows: Vec<Row> = store
                .relations(&RelationFilter {
                    actor: Some(ids.clone()),
                    since: dates.since.clone(),
                    until: dates.until.clone(),
                    limit: Some(limit),
                    by_date: true,
                    ..Default::default()
                })?
                .into_iter()
                .map(|r| Row {
                    date: r.date,
                    document: r.document,
                    kind: "relation",
                    summary: format!(
                        "{} {}{} {} [{}]",
                        r.subject,
                        if r.negated { "not " } else { "" },
                        r.predicate,
                        r.object,
                        r.cameo
                    ),
                    text: r.evidence,
                })
                .collect();
            rows.extend(
                store
                    .statements(&StatementFilter {
                        involving: Some(ids),
                        since: dates.since,
                        until: dates.until,
                        limit: Some(limit),
                        by_date: true,
                        ..Default::default()
                    })?
                    .into_iter()
                    .map(|st| Row {
                        date: st.date,
                        document: st.document,
                        kind: "statement",
                        summary: format!(
                            "{} {}{}",
                            st.speaker,
                            st.verb,
                            st.addressee.map(|a| format!(" to {a}")).unwrap_or_default()
                        ),
                        text: st.content,
                    }),
            );
            // Stable by date, undated last; relations before statements of the same document.
            rows.sort_by(|a, b| (a.date.is_none(), &a.date).cmp(&(b.date.is_none(), &b.date)));
            rows.truncate(limit);
            print_rows(&output, &rows, &["date", "document", "kind", "what", "text"], |r| {
                vec![
                    r.date.clone().unwrap_or_default(),
                    r.document.clone(),
                    r.kind.to_string(),
                    r.summary.clone(),
                    r.text.clone(),
                ]
            })
        }
        Command::Export { format, out, actor, depth, filter } => {
            let store = Store::open_read_only(&db)?;
            let mut g = ActorGraph::load(&store, &filter.to_filter()?)?;
            if let Some(a) = actor {
                let centers: Vec<_> = resolve(&store, &a)?.into_iter().filter_map(|id| g.node(id)).collect();
                g = g.subgraph(&centers, depth);
            }
            let format: export::Format = format.into();
            match (out, format.is_directory()) {
                (Some(dir), true) => export::write_csv_dir(&g, &dir, matches!(format, export::Format::Neo4j))
                    .with_context(|| format!("cannot write {}", dir.display()))?,
                (None, true) => bail!("the csv and neo4j exports write nodes.csv and edges.csv: pass --out DIR"),
                (Some(path), false) => export::atomic_write(&path, |w| export::write(&g, format, w))
                    .with_context(|| format!("cannot write {}", path.display()))?,
                (None, false) => export::write(&g, format, &mut std::io::BufWriter::new(std::io::stdout().lock()))?,
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

fn cmd_ingest(
    db: &std::path::Path,
    paths: &[PathBuf],
    lexicon: &[PathBuf],
    text_column: String,
    quiet: bool,
) -> Result<()> {
    let lex = load_lexicon(lexicon)?;
    let mut store = Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let opts = InputOptions { text_column };
    let total: u64 =
        paths.iter().filter_map(|p| std::fs::metadata(p).ok()).filter(|m| m.is_file()).map(|m| m.len()).sum();
    let show = !quiet && std::io::stderr().is_terminal();
    let bar = if show { indicatif::ProgressBar::new(total) } else { indicatif::ProgressBar::hidden() };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{spinner} {elapsed_precise} [{bar:30}] {bytes}/{total_bytes} {binary_bytes_per_sec} {msg}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let start = Instant::now();
    let mut docs = 0u64;
    let report = ingest::ingest(&mut store, &lex, paths, &opts, &mut |ev| match ev {
        Event::Document(d) => {
            docs += 1;
            bar.inc(d.source_bytes);
            if docs.is_multiple_of(64) {
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
    // Extract in batches on all cores; print in input order.
    let mut batch: Vec<input::Document> = Vec::new();
    let emit = |batch: &mut Vec<input::Document>,
                out: &mut dyn Write,
                all: &mut Vec<crate::extract::Extraction>|
     -> std::io::Result<()> {
        use rayon::prelude::*;
        let done: Vec<_> = batch.par_iter().map(|doc| extract(&doc.id, &doc.text, &lex)).collect();
        batch.clear();
        for ex in done {
            match format {
                ExtractFormat::Jsonl => {
                    serde_json::to_writer(&mut *out, &ex)?;
                    writeln!(out)?;
                }
                ExtractFormat::Json => all.push(ex),
            }
        }
        Ok(())
    };
    for f in files {
        input::read(&f, &opts, &mut |item| match item {
            Ok(doc) => {
                if io_err.is_some() {
                    return;
                }
                batch.push(doc);
                if batch.len() >= 256
                    && let Err(e) = emit(&mut batch, &mut out, &mut all)
                {
                    io_err.get_or_insert(e);
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
    if io_err.is_none()
        && let Err(e) = emit(&mut batch, &mut out, &mut all)
    {
        io_err = Some(e);
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

fn cmd_synth(docs: u64, seed: u64, out: Option<&std::path::Path>) -> Result<()> {
    let lex = load_lexicon(&[])?;
    let opts = crate::synth::SynthOptions { docs, seed };
    match out {
        Some(path) => {
            let start = Instant::now();
            let file = std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
            let mut w = std::io::BufWriter::new(file);
            let meta = crate::synth::write_corpus(&lex, &opts, &mut w)
                .and_then(|_| w.into_inner().map_err(|e| e.into_error()))
                .and_then(|f| f.metadata())
                .with_context(|| format!("cannot write {}", path.display()))?;
            let size = meta.len();
            eprintln!(
                "wrote {docs} articles, {:.1} MB -> {} ({:.2}s)",
                size as f64 / 1e6,
                path.display(),
                start.elapsed().as_secs_f64()
            );
        }
        None => {
            crate::synth::write_corpus(&lex, &opts, &mut std::io::BufWriter::new(std::io::stdout().lock()))?;
        }
    }
    Ok(())
}

/// Prints rows as an aligned table, JSON or CSV.
fn print_rows<T: Serialize>(
    output: &OutputArgs,
    rows: &[T],
    header: &[&str],
    cells: impl Fn(&T) -> Vec<String>,
) -> Result<()> {
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
        let table: Vec<Vec<String>> =
            rows.iter().map(|r| cells(r).into_iter().map(|c| one_line(&c, 90)).collect()).collect();
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
