//! Exports of the actor graph for the tools analysts use: Graphviz DOT,
//! CSV node and edge tables, Neo4j bulk-import CSV, GraphML (Gephi, yEd,
//! networkx) and node-link JSON (networkx, d3).
//!
//! Every writer escapes for its own format: names with quotes, commas,
//! newlines, `<>&` and any Unicode letter come out intact. Output order is
//! deterministic (nodes by actor id, edges by load order).

use std::io::{self, Write};
use std::path::Path;

use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::graph::{ActorGraph, EdgeKind, quad_name};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT.
    Dot,
    /// `nodes.csv` and `edges.csv`.
    Csv,
    /// `nodes.csv` and `edges.csv` with `neo4j-admin database import` headers.
    Neo4j,
    /// GraphML XML.
    GraphMl,
    /// Node-link JSON.
    Json,
}

impl Format {
    /// Whether the format writes a directory of files rather than one stream.
    pub fn is_directory(self) -> bool {
        matches!(self, Format::Csv | Format::Neo4j)
    }
}

/// Escapes a string for a double-quoted DOT id or label.
pub fn dot_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a string for XML text and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Graphviz node shape per actor kind.
fn shape(kind: &str) -> &'static str {
    match kind {
        "person" => "ellipse",
        "country" => "box",
        "organization" => "component",
        _ => "hexagon",
    }
}

/// Edge colour per quad class: cooperation green, conflict red, statements grey.
fn colour(quad: u8, kind: EdgeKind) -> &'static str {
    if kind == EdgeKind::Statement {
        return "gray50";
    }
    match quad {
        1 => "forestgreen",
        2 => "darkgreen",
        3 => "darkorange",
        4 => "red3",
        _ => "gray40",
    }
}

/// Writes the graph as Graphviz DOT; isolated actors are left out.
pub fn write_dot(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "digraph newsgraph {{")?;
    writeln!(out, "  graph [overlap=false, splines=true];")?;
    writeln!(out, "  node [fontname=\"Helvetica\"];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=10];")?;
    for n in g.graph.node_indices() {
        if g.graph.neighbors_undirected(n).next().is_none() {
            continue;
        }
        let node = &g.graph[n];
        writeln!(out, "  n{} [label=\"{}\", shape={}];", node.id, dot_escape(&node.name), shape(&node.kind))?;
    }
    for e in g.graph.edge_references() {
        let (a, b) = (&g.graph[e.source()], &g.graph[e.target()]);
        let w = e.weight();
        let label = if w.count > 1 { format!("{} ({})", w.predicate, w.count) } else { w.predicate.clone() };
        let c = colour(w.quad, w.kind);
        let style = match (w.kind, w.symmetric) {
            (EdgeKind::Statement, _) => ", style=dashed",
            (_, true) => ", dir=both",
            _ => "",
        };
        writeln!(out, "  n{} -> n{} [label=\"{}\", color={c}, fontcolor={c}{style}];", a.id, b.id, dot_escape(&label))?;
    }
    writeln!(out, "}}")
}

/// Writes `nodes.csv` and `edges.csv` into `dir`; with `neo4j` the headers
/// are those `neo4j-admin database import` reads (`:ID`, `:LABEL`,
/// `:START_ID`, `:END_ID`, `:TYPE`).
pub fn write_csv_dir(g: &ActorGraph, dir: &Path, neo4j: bool) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let nodes_path = dir.join("nodes.csv");
    let edges_path = dir.join("edges.csv");
    atomic_write(&nodes_path, |out| {
        let mut w = csv::Writer::from_writer(out);
        if neo4j {
            w.write_record(["actorId:ID", "name", "kind", ":LABEL"])?;
        } else {
            w.write_record(["id", "name", "kind"])?;
        }
        for n in g.graph.node_indices() {
            let node = &g.graph[n];
            let id = node.id.to_string();
            if neo4j {
                let label = format!("Actor;{}", capitalize(&node.kind));
                w.write_record([id.as_str(), &node.name, &node.kind, &label])?;
            } else {
                w.write_record([id.as_str(), &node.name, &node.kind])?;
            }
        }
        w.flush()
    })?;
    atomic_write(&edges_path, |out| {
        let mut w = csv::Writer::from_writer(out);
        if neo4j {
            w.write_record([
                ":START_ID",
                ":END_ID",
                ":TYPE",
                "predicate",
                "cameo",
                "quad",
                "symmetric:boolean",
                "count:long",
                "first_date",
                "last_date",
                "evidence:long[]",
            ])?;
        } else {
            w.write_record([
                "source",
                "target",
                "kind",
                "predicate",
                "cameo",
                "quad",
                "symmetric",
                "count",
                "first_date",
                "last_date",
                "evidence",
            ])?;
        }
        for e in g.graph.edge_references() {
            let (a, b) = (g.graph[e.source()].id.to_string(), g.graph[e.target()].id.to_string());
            let x = e.weight();
            let kind = match (x.kind, neo4j) {
                (EdgeKind::Relation, true) => "RELATION",
                (EdgeKind::Statement, true) => "SPOKE_ABOUT",
                (EdgeKind::Relation, false) => "relation",
                (EdgeKind::Statement, false) => "statement",
            };
            let sep = if neo4j { ";" } else { " " };
            let evidence = x.evidence.iter().map(i64::to_string).collect::<Vec<_>>().join(sep);
            w.write_record([
                a.as_str(),
                b.as_str(),
                kind,
                &x.predicate,
                &x.cameo,
                quad_name(x.quad),
                if x.symmetric { "true" } else { "false" },
                &x.count.to_string(),
                x.first_date.as_deref().unwrap_or(""),
                x.last_date.as_deref().unwrap_or(""),
                &evidence,
            ])?;
        }
        w.flush()
    })
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Writes GraphML with typed node and edge attributes.
pub fn write_graphml(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, target, name, ty) in [
        ("name", "node", "name", "string"),
        ("kind", "node", "kind", "string"),
        ("ekind", "edge", "kind", "string"),
        ("predicate", "edge", "predicate", "string"),
        ("cameo", "edge", "cameo", "string"),
        ("quad", "edge", "quad", "string"),
        ("symmetric", "edge", "symmetric", "boolean"),
        ("count", "edge", "count", "long"),
        ("first_date", "edge", "first_date", "string"),
        ("last_date", "edge", "last_date", "string"),
    ] {
        writeln!(out, r#"  <key id="{id}" for="{target}" attr.name="{name}" attr.type="{ty}"/>"#)?;
    }
    writeln!(out, r#"  <graph id="newsgraph" edgedefault="directed">"#)?;
    for n in g.graph.node_indices() {
        let node = &g.graph[n];
        writeln!(
            out,
            r#"    <node id="n{}"><data key="name">{}</data><data key="kind">{}</data></node>"#,
            node.id,
            xml_escape(&node.name),
            xml_escape(&node.kind)
        )?;
    }
    for (i, e) in g.graph.edge_references().enumerate() {
        let x = e.weight();
        let kind = if x.kind == EdgeKind::Statement { "statement" } else { "relation" };
        write!(
            out,
            r#"    <edge id="e{i}" source="n{}" target="n{}">"#,
            g.graph[e.source()].id,
            g.graph[e.target()].id
        )?;
        write!(
            out,
            r#"<data key="ekind">{kind}</data><data key="predicate">{}</data><data key="cameo">{}</data>"#,
            xml_escape(&x.predicate),
            xml_escape(&x.cameo)
        )?;
        write!(
            out,
            r#"<data key="quad">{}</data><data key="symmetric">{}</data><data key="count">{}</data>"#,
            quad_name(x.quad),
            x.symmetric,
            x.count
        )?;
        if let Some(d) = &x.first_date {
            write!(out, r#"<data key="first_date">{}</data>"#, xml_escape(d))?;
        }
        if let Some(d) = &x.last_date {
            write!(out, r#"<data key="last_date">{}</data>"#, xml_escape(d))?;
        }
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "  </graph>")?;
    writeln!(out, "</graphml>")
}

/// Writes node-link JSON as networkx's `node_link_graph` and d3 read it.
pub fn write_json(g: &ActorGraph, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct JNode<'a> {
        id: i64,
        name: &'a str,
        kind: &'a str,
    }
    #[derive(Serialize)]
    struct JLink<'a> {
        source: i64,
        target: i64,
        kind: EdgeKind,
        predicate: &'a str,
        cameo: &'a str,
        quad: &'static str,
        symmetric: bool,
        count: i64,
        first_date: Option<&'a str>,
        last_date: Option<&'a str>,
        evidence: &'a [i64],
    }
    #[derive(Serialize)]
    struct J<'a> {
        directed: bool,
        multigraph: bool,
        graph: serde_json::Value,
        nodes: Vec<JNode<'a>>,
        links: Vec<JLink<'a>>,
    }
    let j = J {
        directed: true,
        multigraph: true,
        graph: serde_json::json!({"name": "newsgraph"}),
        nodes: g
            .graph
            .node_indices()
            .map(|n| &g.graph[n])
            .map(|n| JNode { id: n.id, name: &n.name, kind: &n.kind })
            .collect(),
        links: g
            .graph
            .edge_references()
            .map(|e| {
                let x = e.weight();
                JLink {
                    source: g.graph[e.source()].id,
                    target: g.graph[e.target()].id,
                    kind: x.kind,
                    predicate: &x.predicate,
                    cameo: &x.cameo,
                    quad: quad_name(x.quad),
                    symmetric: x.symmetric,
                    count: x.count,
                    first_date: x.first_date.as_deref(),
                    last_date: x.last_date.as_deref(),
                    evidence: &x.evidence,
                }
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &j)?;
    writeln!(out)
}

/// Writes one stream format to `out`.
pub fn write(g: &ActorGraph, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Dot => write_dot(g, out),
        Format::GraphMl => write_graphml(g, out),
        Format::Json => write_json(g, out),
        Format::Csv | Format::Neo4j => {
            Err(io::Error::new(io::ErrorKind::InvalidInput, "CSV exports write a directory: pass --out DIR"))
        }
    }
}

/// Writes a file through a temporary sibling and a rename, so a failed or
/// interrupted export never leaves a truncated file behind.
pub fn atomic_write(path: &Path, body: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "export".into());
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = io::BufWriter::new(std::fs::File::create(&tmp)?);
        body(&mut f)?;
        let f = f.into_inner().map_err(io::IntoInnerError::into_error)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_escape_handles_quotes_backslashes_and_newlines() {
        assert_eq!(dot_escape("a \"b\" \\ c\nd"), "a \\\"b\\\" \\\\ c\\nd");
    }

    use crate::graph::{Edge, Node};

    fn awkward_graph() -> ActorGraph {
        let mut g = ActorGraph::default();
        let a =
            g.add_actor(Node { id: 1, name: "Smith \"Quote\", <Co> & Sons\nLtd".into(), kind: "organization".into() });
        let b = g.add_actor(Node { id: 2, name: "Côte d'Ivoire".into(), kind: "country".into() });
        let e = Edge {
            kind: EdgeKind::Relation,
            predicate: "sue".into(),
            cameo: "11".into(),
            quad: 3,
            symmetric: false,
            count: 2,
            first_date: Some("2020-01-01".into()),
            last_date: None,
            evidence: vec![4, 5],
        };
        g.add_edge(a, b, e);
        g
    }

    #[test]
    fn csv_export_round_trips_awkward_names() {
        let dir = std::env::temp_dir().join(format!("ng-export-{}", std::process::id()));
        write_csv_dir(&awkward_graph(), &dir, false).unwrap();
        let mut r = csv::Reader::from_path(dir.join("nodes.csv")).unwrap();
        let names: Vec<String> = r.records().map(|x| x.unwrap()[1].to_string()).collect();
        assert_eq!(names, ["Smith \"Quote\", <Co> & Sons\nLtd", "Côte d'Ivoire"]);
        let mut r = csv::Reader::from_path(dir.join("edges.csv")).unwrap();
        let e: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!((&e[0][0], &e[0][1], &e[0][3], &e[0][10]), ("1", "2", "sue", "4 5"));
    }

    #[test]
    fn graphml_and_json_escape_awkward_names() {
        let mut x = Vec::new();
        write_graphml(&awkward_graph(), &mut x).unwrap();
        let x = String::from_utf8(x).unwrap();
        assert!(x.contains("Smith &quot;Quote&quot;, &lt;Co&gt; &amp; Sons\nLtd"), "{x}");
        let mut j = Vec::new();
        write_json(&awkward_graph(), &mut j).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&j).unwrap();
        assert_eq!(v["nodes"][0]["name"], "Smith \"Quote\", <Co> & Sons\nLtd");
    }

    #[test]
    fn xml_escape_handles_markup_and_controls() {
        assert_eq!(xml_escape("<a & 'b'>\u{1}"), "&lt;a &amp; &apos;b&apos;&gt; ");
    }
}
