//! The ingest pipeline: read inputs, extract, write to the store.
//!
//! Documents stream through in batches: read up to [`BATCH`] documents,
//! drop those whose content is already stored (a hash lookup, no
//! extraction), extract the rest on all cores, and write the batch in one
//! transaction. Memory stays bounded by the batch whatever the corpus size,
//! and every document is stored whole or not at all.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::extract::{extract, Extraction};
use crate::input::{self, Document, InputError, InputOptions};
use crate::lexicon::Lexicon;
use crate::store::{Store, StoreError, Written};

/// Documents per batch: one transaction, one parallel extraction.
pub const BATCH: usize = 512;

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
/// Input errors are counted and passed to `on_event` and the run goes on; a
/// store error stops the run (the batches written before it stay whole).
pub fn ingest(
    store: &mut Store,
    lex: &Lexicon,
    paths: &[PathBuf],
    opts: &InputOptions,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<IngestReport, StoreError> {
    let mut report = IngestReport::default();
    let mut fatal = None;
    let files = input::expand(paths, &mut |e| {
        report.failed += 1;
        on_event(Event::Failed(&e));
    });
    let mut batch = Vec::with_capacity(BATCH);
    for file in files {
        input::read(&file, opts, &mut |item| {
            if fatal.is_some() {
                return;
            }
            match item {
                Ok(doc) => {
                    report.bytes += doc.text.len() as u64;
                    batch.push(doc);
                    if batch.len() >= BATCH {
                        if let Err(e) = flush(store, lex, &mut batch, &mut report, on_event) {
                            fatal = Some(e);
                        }
                    }
                }
                Err(e) => {
                    report.failed += 1;
                    on_event(Event::Failed(&e));
                }
            }
        });
        if let Some(e) = fatal.take() {
            return Err(e);
        }
    }
    flush(store, lex, &mut batch, &mut report, on_event)?;
    Ok(report)
}

/// Extracts and writes one batch, emptying it.
fn flush(
    store: &mut Store,
    lex: &Lexicon,
    batch: &mut Vec<Document>,
    report: &mut IngestReport,
    on_event: &mut dyn FnMut(Event<'_>),
) -> Result<(), StoreError> {
    if batch.is_empty() {
        return Ok(());
    }
    // Known content is a hash lookup and nothing more.
    let mut known = Vec::with_capacity(batch.len());
    for doc in batch.iter() {
        known.push(store.contains(&doc.text)?);
    }
    let extractions: Vec<Option<Extraction>> = batch
        .par_iter()
        .zip(known.par_iter())
        .map(|(doc, &known)| (!known).then(|| extract(&doc.id, &doc.text, lex)))
        .collect();
    let todo: Vec<(&Document, &Extraction)> =
        batch.iter().zip(&extractions).filter_map(|(d, e)| e.as_ref().map(|e| (d, e))).collect();
    let written = store.write_batch(&todo)?;
    report.already_present += known.iter().filter(|&&k| k).count();
    for w in written {
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
    for doc in batch.iter() {
        on_event(Event::Document(doc));
    }
    batch.clear();
    Ok(())
}

/// Extracts and writes one document; known content is not extracted again.
pub fn ingest_one(store: &mut Store, lex: &Lexicon, doc: &Document) -> Result<Written, StoreError> {
    if store.contains(&doc.text)? {
        return Ok(Written::AlreadyPresent);
    }
    let ex = extract(&doc.id, &doc.text, lex);
    store.write(doc, &ex)
}
