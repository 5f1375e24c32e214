//! The integration tests: one binary, one module per area.

/// Helpers: temporary directories and a command builder for the binary.
mod util;

/// Ingest, re-ingest, bad input and the query commands on the seed article.
mod ingest;

/// The `extract` command and its contract output.
mod extract;

/// Exports checked with their real consumers.
mod export;

/// Graph queries: neighbours, paths, centrality, blocs, timelines.
mod graph;

/// Reliability: crash safety, concurrency, bad input, damaged databases, injection, property tests.
mod reliability;
