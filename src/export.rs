//! Exports of the actor graph for visualisation tools.
//!
//! DOT for Graphviz: node shape by actor kind, edge colour by quad class,
//! edge label = predicate. Every string is escaped here, because petgraph's
//! attribute getters write their strings raw.

use std::io::Write;

use crate::graph::ActorGraph;
use petgraph::visit::EdgeRef;

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

/// Graphviz node shape per actor kind.
fn shape(kind: &str) -> &'static str {
    match kind {
        "person" => "ellipse",
        "country" => "box",
        "organization" => "component",
        _ => "hexagon",
    }
}

/// Edge colour per quad class: cooperation green, conflict red.
fn colour(quad: u8) -> &'static str {
    match quad {
        1 => "forestgreen",
        2 => "darkgreen",
        3 => "darkorange",
        4 => "red3",
        _ => "gray40",
    }
}

/// Writes the graph as Graphviz DOT; isolated actors are left out.
pub fn write_dot(g: &ActorGraph, out: &mut dyn Write) -> std::io::Result<()> {
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
        writeln!(
            out,
            "  n{} -> n{} [label=\"{}\", color={}, fontcolor={}];",
            a.id,
            b.id,
            dot_escape(&label),
            colour(w.quad()),
            colour(w.quad())
        )?;
    }
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_escape_handles_quotes_backslashes_and_newlines() {
        assert_eq!(dot_escape("a \"b\" \\ c\nd"), "a \\\"b\\\" \\\\ c\\nd");
    }
}
