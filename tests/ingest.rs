use predicates::prelude::*;
use serde_json::Value;

use crate::util::{Workspace, seed};

fn ingest_seed(ws: &Workspace) {
    ws.cmd(&["ingest", seed().to_str().unwrap()]).assert().success();
}

#[test]
fn ingest_then_stats_counts_the_seed_article() {
    let ws = Workspace::new();
    ingest_seed(&ws);
    let st = ws.json(&["stats", "--json"]);
    assert_eq!(st["documents"], 1);
    assert!(st["actors"].as_i64().unwrap() >= 8, "{st}");
    assert!(st["relations"].as_i64().unwrap() >= 5, "{st}");
    assert!(st["statements"].as_i64().unwrap() >= 5, "{st}");
}

#[test]
fn north_korea_is_condemned_in_the_seed_article() {
    let ws = Workspace::new();
    ingest_seed(&ws);
    let rels = ws.json(&["relations", "--actor", "North Korea", "--json"]);
    let condemn: Vec<&Value> =
        rels.as_array().unwrap().iter().filter(|r| r["cameo"] == "11" && r["object"] == "North Korea").collect();
    let subjects: Vec<&str> = condemn.iter().map(|r| r["subject"].as_str().unwrap()).collect();
    assert!(subjects.contains(&"Fumio Kishida"), "{rels:#}");
    assert!(subjects.contains(&"Joe Biden"), "{rels:#}");
}

#[test]
fn aliases_find_actors_case_insensitively() {
    let ws = Workspace::new();
    ingest_seed(&ws);
    let by_alias = ws.json(&["relations", "--actor", "pyongyang", "--json"]);
    let by_name = ws.json(&["relations", "--actor", "North Korea", "--json"]);
    assert_eq!(by_alias, by_name);
}

#[test]
fn reingest_adds_nothing() {
    let ws = Workspace::new();
    ingest_seed(&ws);
    let before = ws.json(&["stats", "--json"]);
    ws.cmd(&["ingest", seed().to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains("0 new, 1 already present"));
    assert_eq!(ws.json(&["stats", "--json"]), before);
}

#[test]
fn malformed_jsonl_line_is_reported_with_its_line_and_good_lines_land() {
    let ws = Workspace::new();
    let f = ws.file(
        "batch.jsonl",
        concat!(
            "{\"id\":\"a\",\"text\":\"Japan condemned North Korea on Monday.\",\"date\":\"2022-10-03\"}\n",
            "{\"id\":\"b\",\"text\":\n",
            "{\"id\":\"c\",\"text\":\"China criticized the United States on Tuesday.\"}\n",
        ),
    );
    ws.cmd(&["ingest", f.to_str().unwrap()]).assert().code(1).stderr(predicate::str::contains("batch.jsonl:2"));
    assert_eq!(ws.json(&["stats", "--json"])["documents"], 2);
}

#[test]
fn said_by_speaker_lists_statements() {
    let ws = Workspace::new();
    ingest_seed(&ws);
    let st = ws.json(&["said", "--by", "Kishida", "--json"]);
    let st = st.as_array().unwrap();
    assert!(st.len() >= 3, "{st:?}");
    assert!(st.iter().all(|s| s["speaker"] == "Fumio Kishida"));
}

#[test]
fn unknown_actor_is_a_clear_error() {
    let ws = Workspace::new();
    ingest_seed(&ws);
    ws.cmd(&["relations", "--actor", "Atlantis"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no actor named `Atlantis`"));
}

#[test]
fn query_without_database_says_so() {
    let ws = Workspace::new();
    ws.cmd(&["stats"]).assert().code(2).stderr(predicate::str::contains("no database at"));
}

#[test]
fn directories_are_walked_and_csv_and_html_read() {
    let ws = Workspace::new();
    ws.file("in/a.txt", "Germany praised France on Friday for its climate policy.");
    ws.file("in/sub/b.csv", "id,title,text\nb1,Talks,\"Brazil and Argentina agreed on Monday to boost trade.\"\n");
    let para = "<p>The Indian foreign minister met his counterpart in Tokyo on Monday, and India and Japan agreed to deepen cooperation on security.</p>";
    ws.file(
        "in/c.html",
        format!("<html><head><title>T</title></head><body><article>{}</article></body></html>", para.repeat(3)),
    );
    ws.file("in/ignored.bin", [0u8, 1, 2]);
    ws.cmd(&["ingest", ws.dir.path().join("in").to_str().unwrap()]).assert().success();
    assert_eq!(ws.json(&["stats", "--json"])["documents"], 3);
}

#[test]
fn binary_and_invalid_utf8_files_fail_alone() {
    let ws = Workspace::new();
    let bin = ws.file("x.txt", b"\x00\x01binary");
    let bad = ws.file("y.txt", b"caf\xe9 au lait");
    let good = ws.file("z.txt", "Russia attacked Ukraine on Thursday.");
    ws.cmd(&["ingest", bin.to_str().unwrap(), bad.to_str().unwrap(), good.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("x.txt").and(predicate::str::contains("y.txt:1")));
    assert_eq!(ws.json(&["stats", "--json"])["documents"], 1);
}

#[test]
fn newer_database_is_refused_and_left_untouched() {
    let ws = Workspace::new();
    ingest_seed(&ws);
    bump_schema_version(&ws.db());
    let before = std::fs::read(ws.db()).unwrap();
    ws.cmd(&["ingest", seed().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("newer than this build"));
    assert_eq!(std::fs::read(ws.db()).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_database_is_not_overwritten() {
    let ws = Workspace::new();
    std::fs::write(ws.db(), "this is not sqlite, and it is long enough to fill a header......................................................").unwrap();
    ws.cmd(&["ingest", seed().to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a newsgraph database"));
    assert!(std::fs::read_to_string(ws.db()).unwrap().starts_with("this is not sqlite"));
}

/// Sets the schema version of a database far ahead, as a newer build would.
fn bump_schema_version(db: &std::path::Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    c.pragma_update(None, "user_version", 999).unwrap();
}
