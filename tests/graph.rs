use predicates::prelude::*;
use serde_json::Value;

use crate::util::{Workspace, seed};

fn seeded() -> Workspace {
    let ws = Workspace::new();
    ws.cmd(&["ingest", seed().to_str().unwrap()]).assert().success();
    ws
}

#[test]
fn hamada_told_austin() {
    let ws = seeded();
    let rels = ws.json(&["relations", "--actor", "Hamada", "--with", "Austin", "--json"]);
    assert!(
        rels.as_array().unwrap().iter().any(|r| r["predicate"] == "tell" && r["subject"] == "Yasukazu Hamada"),
        "{rels:#}"
    );
}

#[test]
fn path_from_hamada_to_kishida_is_explained_hop_by_hop() {
    let ws = seeded();
    let p = ws.json(&["path", "Hamada", "Kishida", "--json"]);
    let hops = p.as_array().unwrap();
    assert!(!hops.is_empty());
    assert_eq!(hops[0]["hop"]["from"], "Yasukazu Hamada");
    assert_eq!(hops.last().unwrap()["hop"]["to"], "Fumio Kishida");
    assert!(hops.iter().all(|h| h["evidence"]["document"] == "seed-kishida-biden"), "{p:#}");
}

#[test]
fn neighbors_of_north_korea_include_both_leaders() {
    let ws = seeded();
    let n = ws.json(&["neighbors", "North Korea", "--direction", "in", "--cameo", "11", "--json"]);
    let names: Vec<&str> = n.as_array().unwrap().iter().map(|x| x["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Fumio Kishida") && names.contains(&"Joe Biden"), "{names:?}");
}

#[test]
fn quad_filter_keeps_only_that_class() {
    let ws = seeded();
    let j = ws.json(&["export", "--format", "json", "--quad", "verbal-conflict", "--exclude-statements"]);
    let links = j["links"].as_array().unwrap();
    assert!(!links.is_empty());
    assert!(links.iter().all(|l| l["quad"] == "verbal-conflict"), "{links:?}");
}

#[test]
fn top_components_and_timeline_answer() {
    let ws = seeded();
    let top: Value = ws.json(&["top", "--by", "pagerank", "--limit", "3", "--json"]);
    assert_eq!(top.as_array().unwrap().len(), 3);
    let comps = ws.json(&["components", "--json"]);
    let first = &comps.as_array().unwrap()[0];
    let members: Vec<&str> = first["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap()).collect();
    assert!(members.contains(&"Fumio Kishida") && members.contains(&"North Korea"), "{members:?}");
    let tl = ws.json(&["timeline", "Kishida", "--json"]);
    assert!(tl.as_array().unwrap().len() >= 5);
    ws.cmd(&["top", "--by", "betweenness", "--csv"]).assert().success();
}

#[test]
fn ambiguous_name_lists_the_candidates() {
    let ws = Workspace::new();
    let f = ws.file(
        "a.jsonl",
        concat!(
            "{\"id\":\"1\",\"text\":\"Prime Minister John Smith criticized France on Monday.\"}\n",
            "{\"id\":\"2\",\"text\":\"Senator Mary Smith praised Italy on Tuesday.\"}\n",
        ),
    );
    ws.cmd(&["ingest", f.to_str().unwrap()]).assert().success();
    ws.cmd(&["relations", "--actor", "Smith"]).assert().code(1).stderr(
        predicates::str::contains("ambiguous")
            .and(predicates::str::contains("John Smith"))
            .and(predicates::str::contains("Mary Smith")),
    );
}

#[test]
fn relations_said_and_timeline_filter_by_date_quad_and_kind() {
    let ws = Workspace::new();
    let f = ws.file(
        "dated.jsonl",
        concat!(
            "{\"id\":\"a\",\"date\":\"2021-03-01\",\"text\":\"Japan condemned North Korea on Monday. Japan said the launch was reckless.\"}\n",
            "{\"id\":\"b\",\"date\":\"October 4, 2022\",\"text\":\"Japan praised South Korea on Tuesday. Japan said the talks went well.\"}\n",
        ),
    );
    ws.cmd(&["ingest", f.to_str().unwrap()]).assert().success();
    let r = ws.json(&["relations", "--actor", "Japan", "--since", "2022", "--json"]);
    let r = r.as_array().unwrap();
    assert!(!r.is_empty() && r.iter().all(|x| x["date"] == "2022-10-04"), "{r:?}");
    let r = ws.json(&["relations", "--actor", "Japan", "--quad", "verbal-conflict", "--json"]);
    assert!(r.as_array().unwrap().iter().all(|x| x["object"] == "North Korea"), "{r}");
    let r = ws.json(&["relations", "--kind", "person", "--json"]);
    assert!(r.as_array().unwrap().is_empty(), "{r}");
    let s = ws.json(&["said", "--by", "Japan", "--until", "2021-12", "--json"]);
    assert_eq!(s.as_array().unwrap().len(), 1, "{s}");
    let t = ws.json(&["timeline", "Japan", "--since", "2021-01-01", "--json"]);
    let dates: Vec<&str> = t.as_array().unwrap().iter().map(|x| x["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
}
