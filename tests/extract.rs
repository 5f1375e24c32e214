use serde_json::Value;

use crate::util::{Workspace, seed};

#[test]
fn extract_prints_the_contract_shape() {
    let ws = Workspace::new();
    let out = ws.cmd(&["extract", "--format", "jsonl", seed().to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 1);
    let doc: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(doc["doc"], "seed-kishida-biden");
    for a in doc["actors"].as_array().unwrap() {
        assert!(a["name"].is_string() && a["aliases"].is_array());
        assert!(["person", "country", "organization", "group"].contains(&a["kind"].as_str().unwrap()));
    }
    for r in doc["relations"].as_array().unwrap() {
        for k in ["subject", "predicate", "object", "cameo", "evidence"] {
            assert!(r[k].is_string(), "{k} in {r}");
        }
        let code = r["cameo"].as_str().unwrap();
        assert!(code.len() == 2 && (1..=20).contains(&code.parse::<u8>().unwrap()), "{code}");
        assert!(r["symmetric"].is_boolean() && r["negated"].is_boolean());
    }
    for s in doc["statements"].as_array().unwrap() {
        assert!(s["speaker"].is_string() && s["verb"].is_string() && s["content"].is_string());
        assert!(s["addressee"].is_null() || s["addressee"].is_string());
        assert!(s["about"].is_array() && s["direct"].is_boolean());
    }
    // No database is written by extract.
    assert!(!ws.db().exists());
}

#[test]
fn extract_reads_stdin() {
    let ws = Workspace::new();
    let out = ws
        .cmd(&["extract", "-"])
        .write_stdin("Japanese Prime Minister Fumio Kishida condemned North Korea on Tuesday.")
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rel = &doc["relations"][0];
    assert_eq!(
        (rel["subject"].as_str(), rel["object"].as_str(), rel["cameo"].as_str()),
        (Some("Fumio Kishida"), Some("North Korea"), Some("11"))
    );
}
