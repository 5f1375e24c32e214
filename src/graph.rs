//! The graph layer: actors as nodes, relations and statement-about links as
//! typed edges, loaded from the store into a petgraph `DiGraph`, and the
//! queries users ask of it: neighbours, shortest connections, central
//! actors, connected blocs.
//!
//! Every query takes a [`GraphFilter`] (CAMEO codes, quad classes, actor
//! kinds, date range, minimum count, statements in or out), applied while
//! loading so the algorithms see only the graph asked for.

use std::collections::{HashMap, VecDeque};

use petgraph::Direction;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::extract::ActorKind;
use crate::store::{EdgeRow, Store, StoreError};

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

/// What an edge stands for.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum EdgeKind {
    /// Relations: subject acts on object.
    Relation,
    /// Statements: the speaker spoke about the target.
    Statement,
}

/// An edge: all relations (or statements) with one predicate and code
/// between two actors, counted, with their date range and evidence ids.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Edge {
    /// Relation or statement-about.
    pub kind: EdgeKind,
    /// Predicate ("condemn") or speech verb ("say").
    pub predicate: String,
    /// CAMEO code ("01" for statements).
    pub cameo: String,
    /// GDELT quad class of the code, 1..=4.
    pub quad: u8,
    /// Mutual relation.
    pub symmetric: bool,
    /// How many relations or statements it stands for.
    pub count: i64,
    /// Earliest document date.
    pub first_date: Option<String>,
    /// Latest document date.
    pub last_date: Option<String>,
    /// Ids of the relations (or statements) behind it.
    pub evidence: Vec<i64>,
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

/// The name of a quad class as the CLI spells it.
pub fn quad_name(q: u8) -> &'static str {
    match q {
        1 => "verbal-coop",
        2 => "material-coop",
        3 => "verbal-conflict",
        4 => "material-conflict",
        _ => "unknown",
    }
}

/// Parses a quad class name ("verbal-coop") or number ("1").
pub fn parse_quad(s: &str) -> Option<u8> {
    Some(match s.trim() {
        "verbal-coop" | "verbal-cooperation" | "1" => 1,
        "material-coop" | "material-cooperation" | "2" => 2,
        "verbal-conflict" | "3" => 3,
        "material-conflict" | "4" => 4,
        _ => return None,
    })
}

/// Which part of the stored graph to load.
#[derive(Debug, Clone, Default)]
pub struct GraphFilter {
    /// CAMEO codes (roots "11" or finer "111"); empty = all.
    pub cameo: Vec<String>,
    /// Quad classes 1..=4; empty = all.
    pub quad: Vec<u8>,
    /// Actor kinds to keep; empty = all.
    pub kinds: Vec<ActorKind>,
    /// Only documents dated on or after this (ISO date prefix compare).
    pub since: Option<String>,
    /// Only documents dated on or before this.
    pub until: Option<String>,
    /// Drop edges seen fewer times than this.
    pub min_count: i64,
    /// Leave statement-about edges out.
    pub exclude_statements: bool,
}

impl GraphFilter {
    fn keeps(&self, e: &EdgeRow) -> bool {
        let root = e.cameo.get(..2).unwrap_or("");
        (self.cameo.is_empty() || self.cameo.iter().any(|c| c == &e.cameo || c == root))
            && (self.quad.is_empty() || self.quad.contains(&quad_class(&e.cameo)))
            && e.count >= self.min_count.max(1)
    }
}

/// The actor graph.
#[derive(Debug, Default)]
pub struct ActorGraph {
    /// The petgraph graph.
    pub graph: DiGraph<Node, Edge>,
    index: HashMap<i64, NodeIndex>,
    /// Compact adjacency arrays for traversals, built on first use.
    adjacency: std::sync::OnceLock<Adjacency>,
}

/// Out- and in-neighbours of every node in flat arrays (compressed sparse
/// rows): traversals read them sequentially instead of chasing petgraph's
/// per-edge links, which makes hub neighbourhoods several times faster.
#[derive(Debug, Default)]
struct Adjacency {
    /// Node and edge counts it was built for; a graph changed since is walked directly.
    nodes: usize,
    edges: usize,
    out_start: Vec<u32>,
    out: Vec<(u32, u32)>,
    in_start: Vec<u32>,
    inc: Vec<(u32, u32)>,
}

impl Adjacency {
    fn build(g: &DiGraph<Node, Edge>) -> Adjacency {
        let n = g.node_count();
        let mut out_deg = vec![0u32; n + 1];
        let mut in_deg = vec![0u32; n + 1];
        for e in g.edge_references() {
            out_deg[e.source().index() + 1] += 1;
            in_deg[e.target().index() + 1] += 1;
        }
        for i in 0..n {
            out_deg[i + 1] += out_deg[i];
            in_deg[i + 1] += in_deg[i];
        }
        let (mut out_fill, mut in_fill) = (out_deg.clone(), in_deg.clone());
        let mut out = vec![(0u32, 0u32); g.edge_count()];
        let mut inc = vec![(0u32, 0u32); g.edge_count()];
        for e in g.edge_references() {
            let (s, t, id) = (e.source().index(), e.target().index(), e.id().index() as u32);
            out[out_fill[s] as usize] = (t as u32, id);
            out_fill[s] += 1;
            inc[in_fill[t] as usize] = (s as u32, id);
            in_fill[t] += 1;
        }
        Adjacency { nodes: n, edges: g.edge_count(), out_start: out_deg, out, in_start: in_deg, inc }
    }
}

/// One step of a path: from one actor to the next over an edge.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Hop {
    /// Actor the hop starts at.
    pub from: String,
    /// Actor it reaches.
    pub to: String,
    /// The edge's subject (the hop may run against the edge's direction).
    pub subject: String,
    /// The edge's predicate.
    pub predicate: String,
    /// The edge's object.
    pub object: String,
    /// Relation or statement.
    pub kind: EdgeKind,
    /// CAMEO code.
    pub cameo: String,
    /// How many times it was seen.
    pub count: i64,
    /// Id of one relation or statement that shows it.
    pub evidence_id: Option<i64>,
}

/// Centrality measures for `top`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Centrality {
    /// Number of edges, both directions, counted with their weight.
    Degree,
    /// PageRank over the directed graph.
    PageRank,
    /// Betweenness on the undirected graph (exact up to 5,000 actors, sampled above).
    Betweenness,
}

/// Which edge directions a traversal follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    /// Along edges (subject to object).
    Out,
    /// Against edges.
    In,
    /// Both ways.
    Both,
}

impl ActorGraph {
    /// Loads the part of the stored graph the filter selects.
    pub fn load(store: &Store, filter: &GraphFilter) -> Result<ActorGraph, StoreError> {
        let mut g = ActorGraph::default();
        let kinds: Vec<&str> = filter.kinds.iter().map(|k| k.as_str()).collect();
        for (id, name, kind) in store.all_actors()? {
            if kinds.is_empty() || kinds.contains(&kind.as_str()) {
                let n = g.graph.add_node(Node { id, name, kind });
                g.index.insert(id, n);
            }
        }
        let mut rows = store.relation_edges(filter.since.as_deref(), filter.until.as_deref())?;
        if !filter.exclude_statements {
            rows.extend(store.statement_edges(filter.since.as_deref(), filter.until.as_deref())?);
        }
        for e in rows {
            if !filter.keeps(&e) {
                continue;
            }
            let (Some(&a), Some(&b)) = (g.index.get(&e.subject), g.index.get(&e.object)) else { continue };
            let quad = quad_class(&e.cameo);
            g.graph.add_edge(
                a,
                b,
                Edge {
                    kind: if e.statement { EdgeKind::Statement } else { EdgeKind::Relation },
                    predicate: e.predicate,
                    cameo: e.cameo,
                    quad,
                    symmetric: e.symmetric,
                    count: e.count,
                    first_date: e.first_date,
                    last_date: e.last_date,
                    evidence: e.ids,
                },
            );
        }
        Ok(g)
    }

    /// Adds an actor node (for graphs built in code: tests, benchmarks).
    pub fn add_actor(&mut self, node: Node) -> NodeIndex {
        let id = node.id;
        let n = self.graph.add_node(node);
        self.index.insert(id, n);
        n
    }

    /// Adds an edge between two nodes.
    pub fn add_edge(&mut self, a: NodeIndex, b: NodeIndex, edge: Edge) -> EdgeIndex {
        self.graph.add_edge(a, b, edge)
    }

    /// The node of an actor id.
    pub fn node(&self, id: i64) -> Option<NodeIndex> {
        self.index.get(&id).copied()
    }

    /// Edges to follow from `n`: (edge, neighbour).
    fn steps(&self, n: NodeIndex, walk: Walk) -> Box<dyn Iterator<Item = (EdgeIndex, NodeIndex)> + '_> {
        let adj = self.adjacency.get_or_init(|| Adjacency::build(&self.graph));
        if adj.nodes == self.graph.node_count() && adj.edges == self.graph.edge_count() {
            let i = n.index();
            let pair = |&(m, e): &(u32, u32)| (EdgeIndex::new(e as usize), NodeIndex::new(m as usize));
            let out: &[(u32, u32)] =
                if walk != Walk::In { &adj.out[adj.out_start[i] as usize..adj.out_start[i + 1] as usize] } else { &[] };
            let inc: &[(u32, u32)] =
                if walk != Walk::Out { &adj.inc[adj.in_start[i] as usize..adj.in_start[i + 1] as usize] } else { &[] };
            return Box::new(out.iter().chain(inc).map(pair));
        }
        let out = matches!(walk, Walk::Out | Walk::Both)
            .then(|| self.graph.edges_directed(n, Direction::Outgoing).map(|e| (e.id(), e.target())));
        let inc = matches!(walk, Walk::In | Walk::Both)
            .then(|| self.graph.edges_directed(n, Direction::Incoming).map(|e| (e.id(), e.source())));
        Box::new(out.into_iter().flatten().chain(inc.into_iter().flatten()))
    }

    /// Actors within `depth` hops of `start`, with their distance and the
    /// edge that first reached them, nearest first; `start` excluded.
    pub fn neighbors(&self, start: NodeIndex, depth: usize, walk: Walk) -> Vec<(NodeIndex, usize, EdgeIndex)> {
        // Dense arrays beat hash maps here: every query touches many nodes.
        let mut dist = vec![u32::MAX; self.graph.node_count()];
        dist[start.index()] = 0;
        let mut queue = VecDeque::from([start]);
        let mut out = Vec::new();
        while let Some(n) = queue.pop_front() {
            let d = dist[n.index()] as usize;
            if d == depth {
                continue;
            }
            for (e, m) in self.steps(n, walk) {
                if dist[m.index()] == u32::MAX {
                    dist[m.index()] = d as u32 + 1;
                    queue.push_back(m);
                    out.push((m, d + 1, e));
                }
            }
        }
        out
    }

    /// The shortest connection from `a` to `b` (fewest hops), each hop
    /// explained by the best-attested edge between its two actors.
    ///
    /// Breadth-first from both ends at once, always growing the smaller
    /// frontier, so only a small part of a large graph is visited.
    pub fn path(&self, a: NodeIndex, b: NodeIndex, walk: Walk) -> Option<Vec<Hop>> {
        if a == b {
            return Some(Vec::new());
        }
        let back_walk = match walk {
            Walk::Out => Walk::In,
            Walk::In => Walk::Out,
            Walk::Both => Walk::Both,
        };
        const NONE: u32 = u32::MAX;
        let n = self.graph.node_count();
        // prev_f[x]: the node before x on the way from a; prev_b[x]: the node after x on the way to b.
        let (mut prev_f, mut prev_b) = (vec![NONE; n], vec![NONE; n]);
        prev_f[a.index()] = a.index() as u32;
        prev_b[b.index()] = b.index() as u32;
        let (mut front, mut back) = (vec![a], vec![b]);
        let meet = 'search: loop {
            if front.is_empty() || back.is_empty() {
                return None;
            }
            let forward = front.len() <= back.len();
            let (frontier, this, other, dir) = if forward {
                (&mut front, &mut prev_f, &prev_b, walk)
            } else {
                (&mut back, &mut prev_b, &prev_f, back_walk)
            };
            let mut next = Vec::new();
            for &x in frontier.iter() {
                for (_, y) in self.steps(x, dir) {
                    if this[y.index()] == NONE {
                        this[y.index()] = x.index() as u32;
                        if other[y.index()] != NONE {
                            break 'search y;
                        }
                        next.push(y);
                    }
                }
            }
            *frontier = next;
        };
        // Stitch the two halves: a .. meet .. b.
        let mut nodes = vec![meet];
        let mut x = meet;
        while x != a {
            x = NodeIndex::new(prev_f[x.index()] as usize);
            nodes.push(x);
        }
        nodes.reverse();
        let mut x = meet;
        while x != b {
            x = NodeIndex::new(prev_b[x.index()] as usize);
            nodes.push(x);
        }
        nodes.windows(2).map(|w| self.hop(w[0], w[1], walk)).collect()
    }

    /// One hop from `p` to `q` over the strongest edge between them.
    fn hop(&self, p: NodeIndex, q: NodeIndex, walk: Walk) -> Option<Hop> {
        let forward = self.graph.edges_connecting(p, q).filter(|_| walk != Walk::In);
        let backward = self.graph.edges_connecting(q, p).filter(|_| walk != Walk::Out);
        let e = forward.chain(backward).max_by_key(|e| (e.weight().count, std::cmp::Reverse(e.id().index())))?;
        let w = e.weight();
        Some(Hop {
            from: self.graph[p].name.clone(),
            to: self.graph[q].name.clone(),
            subject: self.graph[e.source()].name.clone(),
            predicate: w.predicate.clone(),
            object: self.graph[e.target()].name.clone(),
            kind: w.kind,
            cameo: w.cameo.clone(),
            count: w.count,
            evidence_id: w.evidence.first().copied(),
        })
    }

    /// Scores of every node by a centrality measure, highest first.
    pub fn top(&self, by: Centrality, limit: usize) -> Vec<(NodeIndex, f64)> {
        let scores = match by {
            Centrality::Degree => self
                .graph
                .node_indices()
                .map(|n| {
                    self.graph
                        .edges_directed(n, Direction::Outgoing)
                        .chain(self.graph.edges_directed(n, Direction::Incoming))
                        .map(|e| e.weight().count as f64)
                        .sum()
                })
                .collect(),
            Centrality::PageRank => self.pagerank(0.85, 50),
            Centrality::Betweenness => self.betweenness(),
        };
        let mut ranked: Vec<(NodeIndex, f64)> =
            self.graph.node_indices().zip(scores).filter(|(_, s)| *s > 0.0).collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.index().cmp(&b.0.index())));
        ranked.truncate(limit);
        ranked
    }

    /// PageRank by power iteration over the edge list (O(iterations * edges)).
    fn pagerank(&self, damping: f64, iterations: usize) -> Vec<f64> {
        let n = self.graph.node_count();
        if n == 0 {
            return Vec::new();
        }
        let out_degree: Vec<f64> = self
            .graph
            .node_indices()
            .map(|v| self.graph.edges_directed(v, Direction::Outgoing).map(|e| e.weight().count as f64).sum())
            .collect();
        let mut rank = vec![1.0 / n as f64; n];
        for _ in 0..iterations {
            let dangling: f64 = (0..n).filter(|&i| out_degree[i] == 0.0).map(|i| rank[i]).sum();
            let base = (1.0 - damping) / n as f64 + damping * dangling / n as f64;
            let mut next = vec![base; n];
            for e in self.graph.edge_references() {
                let (s, t) = (e.source().index(), e.target().index());
                next[t] += damping * rank[s] * e.weight().count as f64 / out_degree[s];
            }
            rank = next;
        }
        rank
    }

    /// Betweenness centrality (Brandes) on the undirected, unweighted graph;
    /// above 5,000 nodes from 500 evenly spread sources, scaled up.
    fn betweenness(&self) -> Vec<f64> {
        let n = self.graph.node_count();
        let mut bc = vec![0.0; n];
        let sources: Vec<usize> = if n <= 5000 { (0..n).collect() } else { (0..500).map(|i| i * n / 500).collect() };
        let scale = n as f64 / sources.len().max(1) as f64;
        let adj: Vec<Vec<usize>> = self
            .graph
            .node_indices()
            .map(|v| {
                let mut a: Vec<usize> = self.graph.neighbors_undirected(v).map(|m| m.index()).collect();
                a.sort_unstable();
                a.dedup();
                a
            })
            .collect();
        let mut sigma = vec![0.0f64; n];
        let mut dist = vec![-1i64; n];
        let mut delta = vec![0.0f64; n];
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        for &s in &sources {
            let mut stack = Vec::new();
            for i in 0..n {
                sigma[i] = 0.0;
                dist[i] = -1;
                delta[i] = 0.0;
                preds[i].clear();
            }
            sigma[s] = 1.0;
            dist[s] = 0;
            let mut q = VecDeque::from([s]);
            while let Some(v) = q.pop_front() {
                stack.push(v);
                for &w in &adj[v] {
                    if dist[w] < 0 {
                        dist[w] = dist[v] + 1;
                        q.push_back(w);
                    }
                    if dist[w] == dist[v] + 1 {
                        sigma[w] += sigma[v];
                        preds[w].push(v);
                    }
                }
            }
            while let Some(w) = stack.pop() {
                for &v in &preds[w] {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
                if w != s {
                    bc[w] += delta[w];
                }
            }
        }
        // Undirected: every pair was counted from both ends.
        bc.iter().map(|b| b * scale / 2.0).collect()
    }

    /// Connected blocs (weakly connected components with an edge), largest first.
    pub fn components(&self) -> Vec<Vec<NodeIndex>> {
        let mut comp: HashMap<NodeIndex, usize> = HashMap::new();
        let mut out: Vec<Vec<NodeIndex>> = Vec::new();
        for start in self.graph.node_indices() {
            if comp.contains_key(&start) || self.graph.neighbors_undirected(start).next().is_none() {
                continue;
            }
            let id = out.len();
            let mut members = vec![start];
            comp.insert(start, id);
            let mut i = 0;
            while i < members.len() {
                let v = members[i];
                for m in self.graph.neighbors_undirected(v) {
                    if let std::collections::hash_map::Entry::Vacant(e) = comp.entry(m) {
                        e.insert(id);
                        members.push(m);
                    }
                }
                i += 1;
            }
            members.sort_by_key(|m| m.index());
            out.push(members);
        }
        out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].index().cmp(&b[0].index())));
        out
    }

    /// The subgraph within `depth` hops of the given actors (both directions).
    pub fn subgraph(&self, centers: &[NodeIndex], depth: usize) -> ActorGraph {
        let mut keep: std::collections::HashSet<NodeIndex> = centers.iter().copied().collect();
        for &c in centers {
            keep.extend(self.neighbors(c, depth, Walk::Both).into_iter().map(|(n, _, _)| n));
        }
        let mut g = ActorGraph::default();
        let mut map = HashMap::new();
        for n in self.graph.node_indices().filter(|n| keep.contains(n)) {
            let m = g.graph.add_node(self.graph[n].clone());
            g.index.insert(self.graph[n].id, m);
            map.insert(n, m);
        }
        for e in self.graph.edge_references() {
            if let (Some(&a), Some(&b)) = (map.get(&e.source()), map.get(&e.target())) {
                g.graph.add_edge(a, b, e.weight().clone());
            }
        }
        g
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(usize, usize, i64)], n: usize) -> ActorGraph {
        let mut g = ActorGraph::default();
        for i in 0..n {
            let idx = g.graph.add_node(Node { id: i as i64, name: format!("a{i}"), kind: "country".into() });
            g.index.insert(i as i64, idx);
        }
        for &(a, b, count) in edges {
            let e = Edge {
                kind: EdgeKind::Relation,
                predicate: "meet".into(),
                cameo: "04".into(),
                quad: 1,
                symmetric: false,
                count,
                first_date: None,
                last_date: None,
                evidence: vec![1],
            };
            g.graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), e);
        }
        g
    }

    #[test]
    fn quad_classes_follow_gdelt() {
        assert_eq!(quad_class("04"), 1);
        assert_eq!(quad_class("07"), 2);
        assert_eq!(quad_class("112"), 3);
        assert_eq!(quad_class("19"), 4);
        assert_eq!(quad_class("xx"), 0);
        assert_eq!(parse_quad("material-conflict"), Some(4));
    }

    #[test]
    fn path_follows_edges_both_ways_and_explains_each_hop() {
        let g = graph(&[(0, 1, 1), (2, 1, 1), (2, 3, 1)], 4);
        let p = g.path(NodeIndex::new(0), NodeIndex::new(3), Walk::Both).unwrap();
        let names: Vec<(&str, &str)> = p.iter().map(|h| (h.from.as_str(), h.to.as_str())).collect();
        assert_eq!(names, [("a0", "a1"), ("a1", "a2"), ("a2", "a3")]);
        assert_eq!((p[1].subject.as_str(), p[1].object.as_str()), ("a2", "a1"));
        assert!(g.path(NodeIndex::new(0), NodeIndex::new(3), Walk::Out).is_none());
    }

    #[test]
    fn neighbors_respect_depth() {
        let g = graph(&[(0, 1, 1), (1, 2, 1), (2, 3, 1)], 4);
        assert_eq!(g.neighbors(NodeIndex::new(0), 2, Walk::Both).len(), 2);
    }

    #[test]
    fn betweenness_peaks_at_the_bridge() {
        let g = graph(&[(0, 1, 1), (1, 2, 1), (2, 3, 1), (2, 4, 1)], 5);
        let top = g.top(Centrality::Betweenness, 1);
        assert_eq!(top[0].0, NodeIndex::new(2));
        // Node 2 lies on the paths 0-3, 0-4, 1-3, 1-4 and 3-4: 5 pairs.
        assert!((top[0].1 - 5.0).abs() < 1e-9, "{}", top[0].1);
    }

    #[test]
    fn pagerank_sums_to_one_and_favours_the_target() {
        let g = graph(&[(0, 2, 1), (1, 2, 1), (3, 2, 1)], 4);
        let pr = g.pagerank(0.85, 50);
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-6);
        assert_eq!(g.top(Centrality::PageRank, 1)[0].0, NodeIndex::new(2));
    }

    #[test]
    fn components_are_largest_first() {
        let g = graph(&[(0, 1, 1), (2, 3, 1), (3, 4, 1)], 6);
        let c = g.components();
        assert_eq!(c.iter().map(Vec::len).collect::<Vec<_>>(), [3, 2]);
    }
}
