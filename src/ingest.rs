//! The ingest pipeline: read inputs, extract, write to the store.
//!
//! Documents stream through in batches: read up to [`BATCH`] documents,
//! drop those whose content is already stored (a hash lookup, no
//! extraction), extract the rest on all cores, and write
//! [`COMMIT_BATCHES`] batches per transaction. Memory stays bounded by the
//! batch whatever the corpus size, and every document is stored whole or not
//! at all.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::extract::{Extraction, extract};
use crate::input::{self, Document, InputError, InputOptions};
use crate::lexicon::Lexicon;
use crate::store::{Store, StoreError, Written};

/// Documents per batch: one parallel extraction (see [`COMMIT_BATCHES`]).
pub const BATCH: usize = 512;

/// Batches per transaction. Every commit writes each page the transaction
/// touched to the WAL, and the index pages are touched all over: eight
/// batches per commit instead of one cut the single writer's CPU time on
/// Reuters by 14% (0.74 s to 0.64 s; by 24% with the indexes of schema
/// version 1) and its writes to the WAL by 61%. A kill loses at most these
/// uncommitted batches, which the next run writes again.
pub const COMMIT_BATCHES: usize = 8;

/// Batches that may be on their way to the database at once: those of the
/// writer's open transaction, two queued for the writer, one being
/// extracted, with margin.
const IN_FLIGHT: usize = COMMIT_BATCHES + 4;

/// What an ingest run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestReport {
    /// Documents stored.
    pub new: usize,
    /// Documents skipped because the same content was stored.
    pub already_present: usize,
    /// Files, lines or rows that could not be read.
    pub failed: usize,
    /// Actors found in the new documents (per document, summed).
    pub actors: usize,
    /// Relations stored.
    pub relations: usize,
    /// Statements stored.
    pub statements: usize,
    /// Bytes of article text read.
    pub bytes: u64,
}

/// Something the caller may want to show while an ingest runs.
#[derive(Debug)]
pub enum Event<'a> {
    /// A document was processed (stored or skipped).
    Document(&'a Document),
    /// An input could not be read; the run goes on.
    Failed(&'a InputError),
}

/// Ingests every document under `paths` into `store`.
///
/// Reading, hash checks and extraction (on all cores) run on the calling
/// thread while a writer thread stores the previous batch, so the CPU work
/// and the SQLite work overlap. Input errors are counted and passed to
/// `on_event` and the run goes on; a store error stops the run (the batches
/// written before it stay whole).
pub fn ingest(
    store: &mut Store,
    lex: &Lexicon,
    paths: &[PathBuf],
    opts: &InputOptions,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<IngestReport, StoreError> {
    let reader = store.reader()?;
    let mut report = IngestReport::default();
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(Document, Extraction)>>(2);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<IngestReport, StoreError> {
            let mut written = IngestReport::default();
            store.write_stream(rx, COMMIT_BATCHES, &mut |batch, outcomes| {
                for w in outcomes {
                    tally(&mut written, w);
                }
                // Freeing a batch's thousands of strings took 5% of the
                // writer thread's time: a pool thread does it instead.
                rayon::spawn(move || drop(batch));
            })?;
            Ok(written)
        });
        let mut feeder =
            Feeder { lex, reader: reader.as_ref(), seen: Default::default(), recent: Default::default(), tx };
        let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
        let mut stopped = false;
        let mut fatal = None;
        let files = input::expand(paths, &mut |e| {
            report.failed += 1;
            on_event(Event::Failed(&e));
        });
        'files: for file in files {
            input::read(&file, opts, &mut |item| {
                if stopped {
                    return;
                }
                match item {
                    Ok(doc) => {
                        report.bytes += doc.text.len() as u64;
                        batch.push(doc);
                        if batch.len() >= BATCH {
                            match feeder.flush(&mut batch, &mut report, on_event) {
                                Ok(true) => {}
                                Ok(false) => stopped = true,
                                Err(e) => {
                                    fatal = Some(e);
                                    stopped = true;
                                }
                            }
                        }
                    }
                    Err(e) => {
                        report.failed += 1;
                        on_event(Event::Failed(&e));
                    }
                }
            });
            if stopped {
                break 'files;
            }
        }
        if !stopped && let Err(e) = feeder.flush(&mut batch, &mut report, on_event) {
            fatal = Some(e);
        }
        // Closing the channel lets the writer finish.
        drop(feeder);
        // The writer's error (if any) is the cause of a failed send: report it first.
        let written = writer.join().unwrap_or_else(|p| std::panic::resume_unwind(p))?;
        if let Some(e) = fatal {
            return Err(e);
        }
        report.new += written.new;
        report.already_present += written.already_present;
        report.actors += written.actors;
        report.relations += written.relations;
        report.statements += written.statements;
        Ok(report)
    })
}

/// The reading side of the pipeline: skips known content, extracts the rest
/// on all cores and hands batches to the writer.
struct Feeder<'a> {
    lex: &'a Lexicon,
    /// Read-only connection for hash checks (none for in-memory stores).
    reader: Option<&'a Store>,
    /// Hashes of the last [`IN_FLIGHT`] batches: the writer may not have
    /// committed them yet, so the database cannot tell them. Older ones are
    /// dropped, which keeps memory flat whatever the corpus size.
    seen: rustc_hash::FxHashSet<String>,
    /// The same hashes, batch by batch, oldest first.
    recent: std::collections::VecDeque<Vec<String>>,
    tx: std::sync::mpsc::SyncSender<Vec<(Document, Extraction)>>,
}

impl Feeder<'_> {
    /// Sends one batch on; `false` when the writer has stopped (its error is
    /// reported when it is joined).
    fn flush(
        &mut self,
        batch: &mut Vec<Document>,
        report: &mut IngestReport,
        on_event: &mut dyn FnMut(Event<'_>),
    ) -> Result<bool, StoreError> {
        let mut todo = Vec::with_capacity(batch.len());
        let mut hashes = Vec::with_capacity(batch.len());
        for doc in batch.drain(..) {
            let hash = crate::store::content_hash(&doc.text);
            let fresh = self.seen.insert(hash.clone());
            if fresh {
                hashes.push(hash.clone());
            }
            let known = !fresh
                || match self.reader {
                    Some(r) => r.contains_hash(&hash)?,
                    None => false,
                };
            on_event(Event::Document(&doc));
            if known {
                report.already_present += 1;
            } else {
                todo.push(doc);
            }
        }
        self.recent.push_back(hashes);
        if self.recent.len() > IN_FLIGHT {
            for h in self.recent.pop_front().unwrap_or_default() {
                self.seen.remove(&h);
            }
        }
        let lex = self.lex;
        let extracted: Vec<(Document, Extraction)> = todo
            .into_par_iter()
            .map(|doc| {
                let ex = extract(&doc.id, &doc.text, lex);
                (doc, ex)
            })
            .collect();
        Ok(extracted.is_empty() || self.tx.send(extracted).is_ok())
    }
}

/// Adds one write outcome to a report.
fn tally(report: &mut IngestReport, w: Written) {
    match w {
        Written::New { actors, relations, statements } => {
            report.new += 1;
            report.actors += actors;
            report.relations += relations;
            report.statements += statements;
        }
        Written::AlreadyPresent => report.already_present += 1,
    }
}
