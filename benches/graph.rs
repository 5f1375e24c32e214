//! Graph benchmarks on a synthetic graph of 100,000 actors and 1,000,000
//! relations: load from SQLite, `neighbors` depth 2, `path`, full DOT export.
//!
//! The database is built once (about half a minute) and kept in
//! `target/bench-graph.db`. Run with `cargo bench --bench graph`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use newsgraph::graph::{ActorGraph, GraphFilter, Walk};
use newsgraph::store::Store;
use newsgraph::synth::SplitMix64;
use rusqlite::params;

const ACTORS: i64 = 100_000;
const RELATIONS: i64 = 1_000_000;

/// An actor id with a skewed (roughly power-law) popularity.
fn actor(rng: &mut SplitMix64) -> i64 {
    let u = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    1 + ((ACTORS as f64).powf(u) as i64 - 1).clamp(0, ACTORS - 1)
}

/// Builds (or reuses) the synthetic database.
fn database() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-graph.db");
    if let Ok(store) = Store::open_read_only(&path)
        && store.stats().map(|s| s.relations == RELATIONS).unwrap_or(false)
    {
        return path;
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    drop(Store::open(&path).expect("create schema"));
    let mut conn = rusqlite::Connection::open(&path).expect("open");
    let tx = conn.transaction().expect("tx");
    tx.execute(
        "INSERT INTO documents (id, doc_key, content_hash, bytes, date) VALUES (1, 'synthetic', 'x', 0, '2024-01-01')",
        [],
    )
    .expect("document");
    {
        let kinds = ["person", "country", "organization", "group"];
        let mut a = tx.prepare("INSERT INTO actors (id, name, kind) VALUES (?1, ?2, ?3)").expect("prepare");
        for id in 1..=ACTORS {
            a.execute(params![id, format!("Actor {id}"), kinds[(id % 4) as usize]]).expect("actor");
        }
        let mut r = tx
            .prepare(
                "INSERT INTO relations (document_id, subject_id, object_id, predicate, cameo, symmetric, negated, evidence)
                 VALUES (1, ?1, ?2, ?3, ?4, 0, 0, 'synthetic evidence')",
            )
            .expect("prepare");
        let verbs = [
            ("meet", "04"),
            ("praise", "05"),
            ("aid", "07"),
            ("criticize", "11"),
            ("sanction", "17"),
            ("attack", "19"),
        ];
        let mut rng = SplitMix64(7);
        let mut n = 0;
        while n < RELATIONS {
            let (s, o) = (actor(&mut rng), actor(&mut rng));
            if s == o {
                continue;
            }
            let (p, c) = *rng.pick(&verbs);
            r.execute(params![s, o, p, c]).expect("relation");
            n += 1;
        }
    }
    tx.commit().expect("commit");
    path
}

fn graph(c: &mut Criterion) {
    let path = database();
    let store = Store::open_read_only(&path).expect("open");
    let mut g = c.benchmark_group("graph_100k_actors_1m_relations");
    g.sample_size(10);
    g.bench_function("load_from_sqlite", |b| {
        b.iter(|| ActorGraph::load(&store, &GraphFilter::default()).expect("load"))
    });
    let graph = ActorGraph::load(&store, &GraphFilter::default()).expect("load");
    // A mid-popularity actor: its two-hop neighbourhood is large but not the whole graph.
    let start = graph.node(5_000).expect("node");
    let far = graph.node(90_000).expect("node");
    eprintln!(
        "neighbors depth 2 of Actor 5000: {} actors; of Actor 90000: {} actors",
        graph.neighbors(start, 2, Walk::Both).len(),
        graph.neighbors(far, 2, Walk::Both).len()
    );
    g.sample_size(50);
    g.bench_function("neighbors_depth_2_typical_actor", |b| {
        b.iter(|| graph.neighbors(black_box(far), 2, Walk::Both).len())
    });
    g.bench_function("neighbors_depth_2", |b| b.iter(|| graph.neighbors(black_box(start), 2, Walk::Both).len()));
    g.bench_function("path", |b| b.iter(|| graph.path(black_box(start), black_box(far), Walk::Both).map(|p| p.len())));
    g.sample_size(10);
    g.bench_function("dot_export_1m_edges", |b| {
        b.iter(|| newsgraph::export::write_dot(&graph, &mut std::io::sink()).expect("dot"))
    });
    g.finish();
}

criterion_group!(benches, graph);
criterion_main!(benches);
