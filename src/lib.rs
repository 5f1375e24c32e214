//! newsgraph: news articles in, a queryable knowledge graph of actors,
//! relations and statements out.
//!
//! The pipeline, one module per stage:
//! - [`input`]: read articles from text, JSONL, CSV and HTML files;
//! - [`text`]: paragraphs, sentences and tokens with byte offsets;
//! - [`lexicon`]: countries, organisations, titles, verbs (CAMEO-coded);
//! - [`extract`]: actors, relations and statements of one document;
//! - [`store`]: the SQLite database (schema in `migrations/`);
//! - [`ingest`]: read, extract and store, document by document;
//! - [`graph`]: the actor graph in petgraph;
//! - [`export`]: Graphviz DOT and other formats;
//! - [`synth`]: a deterministic synthetic newswire corpus for benchmarks;
//! - [`cli`]: the command line, a thin layer over the above.
//!
//! ```
//! let lex = newsgraph::lexicon::Lexicon::builtin()?;
//! let ex = newsgraph::extract::extract("d", "Japan condemned North Korea on Tuesday.", &lex);
//! assert_eq!(ex.relations[0].cameo, "11");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![warn(missing_docs)]

pub mod cli;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod input;
pub mod lexicon;
pub mod store;
pub mod synth;
pub mod text;
