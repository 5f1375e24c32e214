//! Stage benchmarks: sentence and token splitting, extraction, SQLite writes.
//!
//! Input: the seed article in `data/`, and when `../shared/corpus` is beside
//! the project, the first 1,000 Reuters-21578 articles for the stages and all
//! 19,043 for `reuters/extract_all` (the per-core extraction target). Run with
//! `cargo bench --bench pipeline`.

use std::hint::black_box;
use std::path::Path;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use newsgraph::extract::extract;
use newsgraph::input::{self, Document, InputOptions};
use newsgraph::lexicon::Lexicon;
use newsgraph::store::Store;

// The allocator of the `newsgraph` binary, so the stages are measured as they run there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The articles to measure on: the first `limit` of Reuters when available,
/// else the seed article.
fn corpus(limit: usize) -> Vec<Document> {
    let reuters = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/reuters21578.jsonl");
    let mut docs = Vec::new();
    if reuters.exists() {
        input::read(&reuters, &InputOptions::default(), &mut |d| {
            if let Ok(d) = d
                && docs.len() < limit
            {
                docs.push(d);
            }
        });
    } else {
        let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles/seed-kishida-biden.txt");
        input::read(&seed, &InputOptions::default(), &mut |d| docs.extend(d.ok()));
    }
    docs
}

fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

fn stages(c: &mut Criterion) {
    let docs = corpus(1000);
    let lex = Lexicon::builtin().expect("lexicons");
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes(&docs)));
    g.sample_size(20);
    g.bench_function("split_sentences_and_tokens", |b| {
        b.iter(|| docs.iter().map(|d| newsgraph::text::split(black_box(&d.text)).len()).sum::<usize>())
    });
    g.bench_function("extract", |b| {
        b.iter(|| docs.iter().map(|d| extract(&d.id, black_box(&d.text), &lex).relations.len()).sum::<usize>())
    });
    let extractions: Vec<_> = docs.iter().map(|d| extract(&d.id, &d.text, &lex)).collect();
    // Batches and transactions as `newsgraph ingest` writes them.
    g.bench_function("sqlite_write_batches", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("temp dir");
                let store = Store::open(&dir.path().join("b.db")).expect("store");
                let pairs: Vec<_> = docs.iter().cloned().zip(extractions.iter().cloned()).collect();
                let batches: Vec<Vec<_>> = pairs.chunks(newsgraph::ingest::BATCH).map(<[_]>::to_vec).collect();
                (dir, store, batches)
            },
            |(_dir, mut store, batches)| {
                store.write_stream(batches, newsgraph::ingest::COMMIT_BATCHES, &mut |_, _| {}).expect("write");
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
    c.bench_function("lexicon_build", |b| b.iter(|| Lexicon::builtin().expect("lexicons")));
    // The whole corpus on one core, the figure the performance target is stated in.
    let all = corpus(usize::MAX);
    let mut g = c.benchmark_group("reuters");
    g.throughput(Throughput::Bytes(bytes(&all)));
    g.sample_size(10);
    g.bench_function("extract_all", |b| {
        b.iter(|| all.iter().map(|d| extract(&d.id, black_box(&d.text), &lex).relations.len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
