//! The graph layer: actors as nodes and relations as typed edges, loaded from
//! the store into a petgraph `DiGraph` for traversal and export.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

use crate::store::{Store, StoreError};

/// A node: one actor.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Node {
    /// Database id.
    pub id: i64,
    /// Canonical name.
    pub name: String,
    /// Kind (person, country, organization, group).
    pub kind: String,
}

/// An edge: every non-negated relation with one predicate and code between
/// two actors, counted.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Edge {
    /// Predicate.
    pub predicate: String,
    /// CAMEO code.
    pub cameo: String,
    /// How many relations it stands for.
    pub count: i64,
}

impl Edge {
    /// GDELT quad class of the CAMEO root: 1 verbal cooperation, 2 material
    /// cooperation, 3 verbal conflict, 4 material conflict.
    pub fn quad(&self) -> u8 {
        quad_class(&self.cameo)
    }
}

/// The quad class of a CAMEO code (1..=4; 0 when unreadable).
pub fn quad_class(cameo: &str) -> u8 {
    match cameo.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=8) => 2,
        Some(9..=13) => 3,
        Some(14..=20) => 4,
        _ => 0,
    }
}

/// The actor graph.
#[derive(Debug, Default)]
pub struct ActorGraph {
    /// The petgraph graph.
    pub graph: DiGraph<Node, Edge>,
    index: HashMap<i64, NodeIndex>,
}

impl ActorGraph {
    /// Loads every actor and relation from the store.
    pub fn load(store: &Store) -> Result<ActorGraph, StoreError> {
        let mut g = ActorGraph::default();
        for (id, name, kind) in store.all_actors()? {
            let n = g.graph.add_node(Node { id, name, kind });
            g.index.insert(id, n);
        }
        for (s, o, predicate, cameo, count) in store.relation_edges()? {
            if let (Some(&a), Some(&b)) = (g.index.get(&s), g.index.get(&o)) {
                g.graph.add_edge(a, b, Edge { predicate, cameo, count });
            }
        }
        Ok(g)
    }

    /// The node of an actor id.
    pub fn node(&self, id: i64) -> Option<NodeIndex> {
        self.index.get(&id).copied()
    }

    /// Actors within `depth` hops of `start` (either direction), with their
    /// distance, nearest first; `start` itself excluded.
    pub fn neighbors(&self, start: NodeIndex, depth: usize) -> Vec<(NodeIndex, usize)> {
        let mut seen = HashMap::from([(start, 0usize)]);
        let mut frontier = vec![start];
        let mut out = Vec::new();
        for d in 1..=depth {
            let mut next = Vec::new();
            for &n in &frontier {
                for dir in [Direction::Outgoing, Direction::Incoming] {
                    for e in self.graph.edges_directed(n, dir) {
                        let m = if dir == Direction::Outgoing { e.target() } else { e.source() };
                        if let std::collections::hash_map::Entry::Vacant(v) = seen.entry(m) {
                            v.insert(d);
                            next.push(m);
                            out.push((m, d));
                        }
                    }
                }
            }
            frontier = next;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quad_classes_follow_gdelt() {
        assert_eq!(quad_class("04"), 1);
        assert_eq!(quad_class("07"), 2);
        assert_eq!(quad_class("112"), 3);
        assert_eq!(quad_class("19"), 4);
        assert_eq!(quad_class("xx"), 0);
    }
}
