use std::process::Command;

use serde_json::Value;

use crate::util::{Workspace, seed};

fn seeded() -> Workspace {
    let ws = Workspace::new();
    ws.cmd(&["ingest", seed().to_str().unwrap()]).assert().success();
    ws
}

/// Runs a Python snippet with networkx; the tests need it (installed by .ci/run).
fn networkx(script: &str, arg: &std::path::Path) -> String {
    let out = Command::new("python3")
        .args(["-c", script, arg.to_str().unwrap()])
        .output()
        .expect("python3 must be installed (see .ci/run)");
    assert!(out.status.success(), "networkx failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// Node and edge counts from the JSON export, the reference for the others.
fn counts(ws: &Workspace) -> (usize, usize) {
    let j = ws.json(&["export", "--format", "json"]);
    (j["nodes"].as_array().unwrap().len(), j["links"].as_array().unwrap().len())
}

#[test]
fn dot_export_renders_with_graphviz() {
    let ws = seeded();
    let out = ws.dir.path().join("g.dot");
    ws.cmd(&["export", "--format", "dot", "--out", out.to_str().unwrap()]).assert().success();
    let dot = std::fs::read_to_string(&out).unwrap();
    assert!(dot.contains("North Korea") && dot.contains("condemn"), "{dot}");
    let svg = Command::new("dot")
        .args(["-Tsvg", out.to_str().unwrap()])
        .output()
        .expect("Graphviz `dot` must be installed (see .ci/run)");
    assert!(svg.status.success(), "{}", String::from_utf8_lossy(&svg.stderr));
    assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"));
}

#[test]
fn graphml_export_reads_in_networkx_with_the_same_counts() {
    let ws = seeded();
    let (nodes, edges) = counts(&ws);
    let out = ws.dir.path().join("g.graphml");
    ws.cmd(&["export", "--format", "graphml", "--out", out.to_str().unwrap()]).assert().success();
    let got = networkx(
        "import sys, networkx as nx; g = nx.read_graphml(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges(), g.nodes['n1']['name'] != '')",
        &out,
    );
    assert_eq!(got, format!("{nodes} {edges} True"));
}

#[test]
fn node_link_json_reads_in_networkx_with_the_same_counts() {
    let ws = seeded();
    let (nodes, edges) = counts(&ws);
    let out = ws.dir.path().join("g.json");
    ws.cmd(&["export", "--format", "json", "--out", out.to_str().unwrap()]).assert().success();
    let got = networkx(
        "import sys, json, networkx as nx\n\
         d = json.load(open(sys.argv[1]))\n\
         try:\n    g = nx.node_link_graph(d, edges='links')\n\
         except TypeError:\n    g = nx.node_link_graph(d, link='links')\n\
         print(g.number_of_nodes(), g.number_of_edges())",
        &out,
    );
    assert_eq!(got, format!("{nodes} {edges}"));
}

#[test]
fn csv_and_neo4j_exports_parse_back() {
    let ws = seeded();
    let (nodes, edges) = counts(&ws);
    for (format, id_header) in [("csv", "id"), ("neo4j", "actorId:ID")] {
        let dir = ws.dir.path().join(format);
        ws.cmd(&["export", "--format", format, "--out", dir.to_str().unwrap()]).assert().success();
        let mut n = csv::Reader::from_path(dir.join("nodes.csv")).unwrap();
        assert_eq!(&n.headers().unwrap()[0], id_header);
        assert_eq!(n.records().count(), nodes);
        let mut e = csv::Reader::from_path(dir.join("edges.csv")).unwrap();
        if format == "neo4j" {
            let h = e.headers().unwrap().clone();
            assert_eq!((&h[0], &h[1], &h[2]), (":START_ID", ":END_ID", ":TYPE"));
        }
        assert_eq!(e.records().count(), edges);
    }
}

#[test]
fn subgraph_export_keeps_only_the_neighbourhood() {
    let ws = seeded();
    let all = ws.json(&["export", "--format", "json"]);
    let sub = ws.json(&["export", "--format", "json", "--actor", "Hamada", "--depth", "1", "--exclude-statements"]);
    let names: Vec<&str> = sub["nodes"].as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Yasukazu Hamada") && names.contains(&"Lloyd Austin"), "{names:?}");
    assert!(names.len() < all["nodes"].as_array().unwrap().len());
}

#[test]
fn awkward_names_survive_every_format() {
    let ws = Workspace::new();
    let lex = ws.file("orgs.csv", "name,variants,kind,country\n\"Smith \"\"Quote\"\", <Co> & Söhne\",,organization,\n");
    let art = ws.file("a.txt", "Smith \"Quote\", <Co> & Söhne sued Germany on Monday.");
    ws.cmd(&["ingest", "--lexicon", lex.to_str().unwrap(), art.to_str().unwrap()]).assert().success();
    let name = "Smith \"Quote\", <Co> & Söhne";
    let j = ws.json(&["export", "--format", "json"]);
    assert!(j["nodes"].as_array().unwrap().iter().any(|n| n["name"] == name), "{j}");
    let gml = ws.dir.path().join("g.graphml");
    ws.cmd(&["export", "--format", "graphml", "--out", gml.to_str().unwrap()]).assert().success();
    let got = networkx(
        "import sys, networkx as nx; g = nx.read_graphml(sys.argv[1]); print(sorted(d['name'] for _, d in g.nodes(data=True))[1])",
        &gml,
    );
    assert_eq!(got, name);
    let dot = ws.dir.path().join("g.dot");
    ws.cmd(&["export", "--format", "dot", "--out", dot.to_str().unwrap()]).assert().success();
    let svg = Command::new("dot").args(["-Tsvg", dot.to_str().unwrap()]).output().unwrap();
    assert!(svg.status.success(), "{}", String::from_utf8_lossy(&svg.stderr));
    assert!(String::from_utf8_lossy(&svg.stdout).contains("Smith &quot;Quote&quot;, &lt;Co&gt; &amp; Söhne"));
    let dir = ws.dir.path().join("csv");
    ws.cmd(&["export", "--format", "csv", "--out", dir.to_str().unwrap()]).assert().success();
    let mut r = csv::Reader::from_path(dir.join("nodes.csv")).unwrap();
    assert!(r.records().any(|x| &x.unwrap()[1] == name));
    let v: Value = ws.json(&["actors", "--json"]);
    assert!(v.as_array().unwrap().iter().any(|a| a["name"] == name));
}
