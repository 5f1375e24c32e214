//! The ingest pipeline: read inputs, extract, write each document to the
//! store in its own transaction, and count what happened.

use std::path::PathBuf;

use crate::extract::extract;
use crate::input::{self, Document, InputError, InputOptions};
use crate::lexicon::Lexicon;
use crate::store::{Store, StoreError, Written};

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
/// store error stops the run (the documents written before it stay whole).
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
    for file in files {
        input::read(&file, opts, &mut |item| {
            if fatal.is_some() {
                return;
            }
            match item {
                Ok(doc) => {
                    report.bytes += doc.text.len() as u64;
                    match ingest_one(store, lex, &doc) {
                        Ok(Written::New { actors, relations, statements }) => {
                            report.new += 1;
                            report.actors += actors;
                            report.relations += relations;
                            report.statements += statements;
                        }
                        Ok(Written::AlreadyPresent) => report.already_present += 1,
                        Err(e) => fatal = Some(e),
                    }
                    on_event(Event::Document(&doc));
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
    Ok(report)
}

/// Extracts and writes one document; known content is not extracted again.
pub fn ingest_one(store: &mut Store, lex: &Lexicon, doc: &Document) -> Result<Written, StoreError> {
    if store.contains(&doc.text)? {
        return Ok(Written::AlreadyPresent);
    }
    let ex = extract(&doc.id, &doc.text, lex);
    store.write(doc, &ex)
}
