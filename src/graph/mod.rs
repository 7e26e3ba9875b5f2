//! Stage 7, graph: the actor network. Actors are linked by the events they share, weighted by how
//! many, with the dates of those events, so any date window (any [`EventFilter`]) gives its own
//! network. Measures: degree and weighted degree, betweenness, PageRank, Louvain communities, ego
//! networks and shortest paths; all deterministic.
//!
//! Still to come (the events issue): the full graph of actors, events, places and articles with
//! typed edges, and merging one real-world event reported by several articles.

use std::collections::{BTreeMap, HashMap, VecDeque};

use petgraph::stable_graph::{NodeIndex, StableUnGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Serialize;

pub mod knowledge;

use crate::store::{EventFilter, Result, Store};
use crate::view::EventRow;

/// An actor in the network with its measures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NodeView {
    pub actor: String,
    /// Events the actor takes part in (within the filter).
    pub events: usize,
    pub degree: usize,
    pub weighted_degree: f64,
    pub betweenness: f64,
    pub pagerank: f64,
    pub community: usize,
}

/// A link between two actors: how many events they share and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeView {
    pub source: String,
    pub target: String,
    pub weight: f64,
    /// Start days of the shared events (ISO), sorted.
    pub dates: Vec<String>,
}

/// The actor network of a set of events.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Network {
    pub nodes: Vec<NodeView>,
    pub edges: Vec<EdgeView>,
}

/// Edge data: shared events and their dates.
#[derive(Debug, Clone, Default)]
struct Link {
    weight: f64,
    dates: Vec<String>,
}

/// The actor graph built from events.
pub struct ActorGraph {
    graph: StableUnGraph<String, Link>,
    index: BTreeMap<String, NodeIndex>,
    events: HashMap<NodeIndex, usize>,
}

impl ActorGraph {
    /// Links every pair of actors of each event (one link per pair, weight = shared events).
    pub fn from_events(events: &[EventRow]) -> Self {
        Self::from_lists(
            events
                .iter()
                .map(|e| (e.actors.as_slice(), e.earliest.as_ref())),
        )
    }

    /// [`ActorGraph::from_events`] over each event's actors and first day only.
    pub fn from_lists<'a>(
        events: impl Iterator<Item = (&'a [String], Option<&'a String>)> + Clone,
    ) -> Self {
        let mut g = ActorGraph {
            graph: StableUnGraph::default(),
            index: BTreeMap::new(),
            events: HashMap::new(),
        };
        // Nodes in name order, so indices (and every measure's tie-breaking) are deterministic.
        let mut names: Vec<&String> = events
            .clone()
            .flat_map(|(actors, _)| actors.iter())
            .collect();
        names.sort();
        names.dedup();
        for name in names {
            let idx = g.graph.add_node(name.clone());
            g.index.insert(name.clone(), idx);
        }
        for (actors, earliest) in events {
            let mut actors: Vec<&String> = actors.iter().collect();
            actors.sort();
            actors.dedup();
            for a in &actors {
                *g.events.entry(g.index[*a]).or_default() += 1;
            }
            for (i, a) in actors.iter().enumerate() {
                for b in &actors[i + 1..] {
                    let (x, y) = (g.index[*a], g.index[*b]);
                    let edge = match g.graph.find_edge(x, y) {
                        Some(edge) => edge,
                        None => g.graph.add_edge(x, y, Link::default()),
                    };
                    let link = &mut g.graph[edge];
                    link.weight += 1.0;
                    if let Some(d) = earliest {
                        link.dates.push(d.clone());
                    }
                }
            }
        }
        g
    }

    /// The network of the events matching `filter`.
    pub fn from_store(store: &Store, filter: &EventFilter) -> Result<Self> {
        let lists = store.event_actor_lists(filter)?;
        Ok(Self::from_lists(
            lists
                .iter()
                .map(|(actors, day)| (actors.as_slice(), day.as_ref())),
        ))
    }

    fn nodes(&self) -> Vec<NodeIndex> {
        self.index.values().copied().collect()
    }

    /// Number of neighbours of each actor.
    pub fn degree(&self) -> HashMap<NodeIndex, usize> {
        self.nodes()
            .into_iter()
            .map(|n| (n, self.graph.neighbors(n).count()))
            .collect()
    }

    /// Sum of link weights of each actor.
    pub fn weighted_degree(&self) -> HashMap<NodeIndex, f64> {
        // `+ 0.0`: an empty float sum is -0.0.
        self.nodes()
            .into_iter()
            .map(|n| {
                (
                    n,
                    self.graph.edges(n).map(|e| e.weight().weight).sum::<f64>() + 0.0,
                )
            })
            .collect()
    }

    /// The graph as adjacency lists over 0..n in name order (neighbours sorted), with weights.
    fn adjacency(&self) -> (Vec<NodeIndex>, Vec<Vec<(usize, f64)>>) {
        let nodes = self.nodes();
        let pos: HashMap<NodeIndex, usize> =
            nodes.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let adj = nodes
            .iter()
            .map(|&n| {
                let mut row: Vec<(usize, f64)> = self
                    .graph
                    .edges(n)
                    .map(|e| {
                        let other = if e.source() == n {
                            e.target()
                        } else {
                            e.source()
                        };
                        (pos[&other], e.weight().weight)
                    })
                    .collect();
                row.sort_by_key(|(i, _)| *i);
                row
            })
            .collect();
        (nodes, adj)
    }

    /// Betweenness centrality (Brandes, unweighted, undirected: each pair counted once). Above
    /// `EXACT_BETWEENNESS` actors it is estimated from evenly spaced source actors and scaled,
    /// so large networks stay interactive; the estimate is deterministic.
    pub fn betweenness(&self) -> HashMap<NodeIndex, f64> {
        let (nodes, adj) = self.adjacency();
        betweenness_in(&nodes, &adj)
    }

    /// Weighted PageRank (damping 0.85, 100 iterations or until the change is below 1e-10).
    pub fn pagerank(&self) -> HashMap<NodeIndex, f64> {
        let (nodes, adj) = self.adjacency();
        pagerank_in(&nodes, &adj)
    }

    /// Louvain communities (weighted modularity), deterministic: nodes are visited in name order and
    /// ties keep the current community. Returns a community number per actor, numbered by first member.
    pub fn communities(&self) -> HashMap<NodeIndex, usize> {
        let nodes = self.nodes();
        let pos: HashMap<NodeIndex, usize> =
            nodes.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        // Work on a plain weighted adjacency over 0..n, aggregated level by level.
        let mut adj: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); nodes.len()];
        for e in (&self.graph).edge_references() {
            let (a, b, w) = (pos[&e.source()], pos[&e.target()], e.weight().weight);
            *adj[a].entry(b).or_default() += w;
            *adj[b].entry(a).or_default() += w;
        }
        let mut membership: Vec<usize> = (0..nodes.len()).collect();
        loop {
            let (level, moved) = louvain_level(&adj);
            if !moved {
                break;
            }
            for m in membership.iter_mut() {
                *m = level[*m];
            }
            // Aggregate: one node per community.
            let k = level.iter().max().map_or(0, |m| m + 1);
            let mut next: Vec<BTreeMap<usize, f64>> = vec![BTreeMap::new(); k];
            for (a, row) in adj.iter().enumerate() {
                for (&b, &w) in row {
                    *next[level[a]].entry(level[b]).or_default() += w;
                }
            }
            adj = next;
        }
        // Renumber by first member in name order.
        let mut renumber: HashMap<usize, usize> = HashMap::new();
        nodes
            .iter()
            .enumerate()
            .map(|(i, &n)| {
                let next = renumber.len();
                (n, *renumber.entry(membership[i]).or_insert(next))
            })
            .collect()
    }

    /// The actors within `radius` links of `actor`, itself included.
    pub fn ego(&self, actor: &str, radius: usize) -> Vec<String> {
        let Some(&start) = self.index.get(actor) else {
            return vec![];
        };
        let mut seen: BTreeMap<NodeIndex, usize> = BTreeMap::from([(start, 0)]);
        let mut queue = VecDeque::from([start]);
        while let Some(v) = queue.pop_front() {
            if seen[&v] == radius {
                continue;
            }
            for w in self.graph.neighbors(v) {
                if !seen.contains_key(&w) {
                    seen.insert(w, seen[&v] + 1);
                    queue.push_back(w);
                }
            }
        }
        let mut names: Vec<String> = seen.keys().map(|n| self.graph[*n].clone()).collect();
        names.sort();
        names
    }

    /// A shortest path (fewest links) between two actors, ties broken by name order.
    pub fn shortest_path(&self, from: &str, to: &str) -> Option<Vec<String>> {
        let (&s, &t) = (self.index.get(from)?, self.index.get(to)?);
        let mut prev: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        let mut queue = VecDeque::from([s]);
        let mut seen = std::collections::HashSet::from([s]);
        while let Some(v) = queue.pop_front() {
            if v == t {
                let mut path = vec![self.graph[t].clone()];
                let mut cur = t;
                while let Some(&p) = prev.get(&cur) {
                    path.push(self.graph[p].clone());
                    cur = p;
                }
                path.reverse();
                return Some(path);
            }
            let mut neighbours: Vec<NodeIndex> = self.graph.neighbors(v).collect();
            neighbours.sort_by(|a, b| self.graph[*a].cmp(&self.graph[*b]));
            for w in neighbours {
                if seen.insert(w) {
                    prev.insert(w, v);
                    queue.push_back(w);
                }
            }
        }
        None
    }

    /// Every actor with all measures, and every link.
    pub fn network(&self) -> Network {
        // One adjacency list serves both path-based measures.
        let (order, adj) = self.adjacency();
        let (degree, weighted, between, rank, community) = (
            self.degree(),
            self.weighted_degree(),
            betweenness_in(&order, &adj),
            pagerank_in(&order, &adj),
            self.communities(),
        );
        let nodes = self
            .index
            .iter()
            .map(|(name, &n)| NodeView {
                actor: name.clone(),
                events: self.events.get(&n).copied().unwrap_or(0),
                degree: degree[&n],
                weighted_degree: weighted[&n],
                betweenness: between[&n],
                pagerank: rank[&n],
                community: community[&n],
            })
            .collect();
        let mut edges: Vec<EdgeView> = (&self.graph)
            .edge_references()
            .map(|e| {
                let (a, b) = (
                    self.graph[e.source()].clone(),
                    self.graph[e.target()].clone(),
                );
                let (source, target) = if a <= b { (a, b) } else { (b, a) };
                let mut dates = e.weight().dates.clone();
                dates.sort();
                EdgeView {
                    source,
                    target,
                    weight: e.weight().weight,
                    dates,
                }
            })
            .collect();
        edges.sort_by(|x, y| (&x.source, &x.target).cmp(&(&y.source, &y.target)));
        Network { nodes, edges }
    }
}

/// Betweenness over adjacency lists (see [`ActorGraph::betweenness`]).
fn betweenness_in(nodes: &[NodeIndex], adj: &[Vec<(usize, f64)>]) -> HashMap<NodeIndex, f64> {
    const EXACT_BETWEENNESS: usize = 1000;
    const PIVOTS: usize = 64;
    let n = nodes.len();
    let sources: Vec<usize> = if n <= EXACT_BETWEENNESS {
        (0..n).collect()
    } else {
        (0..PIVOTS).map(|k| k * n / PIVOTS).collect()
    };
    let scale = if n <= EXACT_BETWEENNESS {
        0.5
    } else {
        0.5 * n as f64 / sources.len() as f64
    };
    let mut cb = vec![0.0f64; n];
    let (mut sigma, mut dist, mut delta) = (vec![0.0f64; n], vec![-1i64; n], vec![0.0f64; n]);
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut stack = Vec::with_capacity(n);
    let mut queue = VecDeque::with_capacity(n);
    for &s in &sources {
        for v in 0..n {
            sigma[v] = 0.0;
            dist[v] = -1;
            delta[v] = 0.0;
            preds[v].clear();
        }
        stack.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &(w, _) in &adj[v] {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
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
                cb[w] += delta[w];
            }
        }
    }
    // Undirected: every shortest path was counted from both ends (hence the halving).
    nodes
        .iter()
        .enumerate()
        .map(|(i, &node)| (node, cb[i] * scale))
        .collect()
}

/// PageRank over adjacency lists (see [`ActorGraph::pagerank`]).
fn pagerank_in(nodes: &[NodeIndex], adj: &[Vec<(usize, f64)>]) -> HashMap<NodeIndex, f64> {
    let n = nodes.len().max(1) as f64;
    let strength: Vec<f64> = adj
        .iter()
        .map(|row| row.iter().map(|(_, w)| w).sum())
        .collect();
    let mut rank = vec![1.0 / n; nodes.len()];
    for _ in 0..100 {
        // Rank of actors without links is spread evenly.
        let dangling: f64 = (0..nodes.len())
            .filter(|&v| strength[v] == 0.0)
            .map(|v| rank[v])
            .sum();
        let mut next = vec![(1.0 - 0.85) / n + 0.85 * dangling / n; nodes.len()];
        for v in 0..nodes.len() {
            if strength[v] == 0.0 {
                continue;
            }
            for &(w, weight) in &adj[v] {
                next[w] += 0.85 * rank[v] * weight / strength[v];
            }
        }
        let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if change < 1e-10 {
            break;
        }
    }
    nodes
        .iter()
        .enumerate()
        .map(|(i, &node)| (node, rank[i]))
        .collect()
}

/// One Louvain level: local moves until no node changes community. Returns the (renumbered)
/// community of each node and whether anything moved.
fn louvain_level(adj: &[BTreeMap<usize, f64>]) -> (Vec<usize>, bool) {
    let n = adj.len();
    let strength: Vec<f64> = adj.iter().map(|row| row.values().sum()).collect();
    let m2: f64 = strength.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    let mut total: Vec<f64> = strength.clone();
    let mut moved_any = false;
    if m2 == 0.0 {
        return (community, false);
    }
    // Weight from the current node to each community, in a scratch array reset after each node.
    let mut links = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    loop {
        let mut moved = false;
        for v in 0..n {
            let current = community[v];
            for (&u, &w) in &adj[v] {
                if u != v {
                    let c = community[u];
                    if links[c] == 0.0 {
                        touched.push(c);
                    }
                    links[c] += w;
                }
            }
            total[current] -= strength[v];
            let gain = |c: usize, k_in: f64| k_in - total[c] * strength[v] / m2;
            let mut best = (current, gain(current, links[current]));
            // Candidates in community order, so ties resolve the same way every run.
            touched.sort_unstable();
            for &c in &touched {
                let g = gain(c, links[c]);
                if g > best.1 + 1e-12 {
                    best = (c, g);
                }
            }
            for &c in &touched {
                links[c] = 0.0;
            }
            touched.clear();
            total[best.0] += strength[v];
            if best.0 != current {
                community[v] = best.0;
                moved = true;
                moved_any = true;
            }
        }
        if !moved {
            break;
        }
    }
    let mut renumber: BTreeMap<usize, usize> = BTreeMap::new();
    let out = community
        .iter()
        .map(|c| {
            let next = renumber.len();
            *renumber.entry(*c).or_insert(next)
        })
        .collect();
    (out, moved_any)
}

/// The actor network of the events matching `filter`, shaped for the network view: each actor
/// with its kind and measures, cut to the `max_nodes` actors with the highest PageRank (ties by
/// name) when there are more, and the links among those.
pub fn network_view(
    store: &Store,
    filter: &EventFilter,
    max_nodes: usize,
) -> Result<crate::view::NetworkView> {
    use crate::view::{NetworkEdge, NetworkNode, NetworkView};
    let network = ActorGraph::from_store(store, filter)?.network();
    let kinds: HashMap<String, String> = store
        .actors()?
        .into_iter()
        .map(|a| (a.name, a.kind))
        .collect();
    let mut nodes = network.nodes;
    let omitted = nodes.len().saturating_sub(max_nodes);
    if omitted > 0 {
        nodes.sort_by(|a, b| {
            b.pagerank
                .total_cmp(&a.pagerank)
                .then_with(|| a.actor.cmp(&b.actor))
        });
        nodes.truncate(max_nodes);
        nodes.sort_by(|a, b| a.actor.cmp(&b.actor));
    }
    let kept: std::collections::HashSet<&str> = nodes.iter().map(|n| n.actor.as_str()).collect();
    let edges = network
        .edges
        .iter()
        .filter(|e| kept.contains(e.source.as_str()) && kept.contains(e.target.as_str()))
        .map(|e| NetworkEdge {
            source: e.source.clone(),
            target: e.target.clone(),
            weight: e.weight,
            first: e.dates.first().cloned(),
            last: e.dates.last().cloned(),
        })
        .collect();
    let nodes = nodes
        .into_iter()
        .map(|n| NetworkNode {
            kind: kinds
                .get(&n.actor)
                .cloned()
                .unwrap_or_else(|| "group".into()),
            actor: n.actor,
            events: n.events as i64,
            degree: n.degree as i64,
            weighted_degree: n.weighted_degree,
            betweenness: n.betweenness,
            pagerank: n.pagerank,
            community: n.community as i64,
        })
        .collect();
    Ok(NetworkView {
        nodes,
        edges,
        omitted: omitted as i64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(actors: &[&str], day: &str) -> EventRow {
        EventRow {
            id: 0,
            article_id: 0,
            cameo: "01".into(),
            date_value: Some(day.into()),
            earliest: Some(day.into()),
            latest: Some(day.into()),
            precision: "day".into(),
            evidence: String::new(),
            actors: actors.iter().map(|a| a.to_string()).collect(),
            places: vec![],
            modality: "asserted".into(),
            confidence: 1.0,
            participants: vec![],
            attribution: None,
            derivation: String::new(),
            article_title: String::new(),
            publisher: None,
            reports: 1,
            trigger: None,
            reported: None,
        }
    }

    /// Two triangles joined by one bridge: c — d.
    fn barbell() -> ActorGraph {
        ActorGraph::from_events(&[
            event(&["a", "b"], "2022-01-01"),
            event(&["a", "c"], "2022-01-02"),
            event(&["b", "c"], "2022-01-03"),
            event(&["c", "d"], "2022-01-04"),
            event(&["d", "e"], "2022-01-05"),
            event(&["d", "f"], "2022-01-06"),
            event(&["e", "f"], "2022-01-07"),
            event(&["e", "f"], "2022-01-08"),
        ])
    }

    fn by_name<T: Copy>(g: &ActorGraph, m: &HashMap<NodeIndex, T>) -> Vec<(String, T)> {
        g.index
            .iter()
            .map(|(name, n)| (name.clone(), m[n]))
            .collect()
    }

    #[test]
    fn degrees_and_weights() {
        let g = barbell();
        let snapshot: Vec<String> = by_name(&g, &g.weighted_degree())
            .iter()
            .map(|(n, w)| format!("{n}:{w}"))
            .collect();
        assert_eq!(snapshot.join(" "), "a:2 b:2 c:3 d:3 e:3 f:3");
        assert_eq!(
            by_name(&g, &g.degree())
                .iter()
                .map(|(_, d)| *d)
                .collect::<Vec<_>>(),
            [2, 2, 3, 3, 2, 2]
        );
    }

    #[test]
    fn betweenness_of_the_bridge() {
        // c and d carry every path between the triangles: each lies on 3 × 3 − … paths; a star's
        // centre carries (n−1)(n−2)/2.
        let g = barbell();
        let b = by_name(&g, &g.betweenness());
        assert_eq!(
            b.iter()
                .map(|(n, v)| format!("{n}:{v}"))
                .collect::<Vec<_>>()
                .join(" "),
            "a:0 b:0 c:6 d:6 e:0 f:0"
        );
        let star = ActorGraph::from_events(&[
            event(&["hub", "x"], "2022-01-01"),
            event(&["hub", "y"], "2022-01-01"),
            event(&["hub", "z"], "2022-01-01"),
        ]);
        let hub = star.index["hub"];
        assert_eq!(star.betweenness()[&hub], 3.0);
    }

    #[test]
    fn pagerank_is_symmetric_and_sums_to_one() {
        let g = barbell();
        let r = g.pagerank();
        let total: f64 = r.values().sum();
        assert!((total - 1.0).abs() < 1e-9);
        assert!((r[&g.index["a"]] - r[&g.index["b"]]).abs() < 1e-12);
        assert!(r[&g.index["c"]] > r[&g.index["a"]]);
    }

    #[test]
    fn louvain_splits_the_two_triangles() {
        let g = barbell();
        let c = by_name(&g, &g.communities());
        assert_eq!(
            c.iter()
                .map(|(n, k)| format!("{n}:{k}"))
                .collect::<Vec<_>>()
                .join(" "),
            "a:0 b:0 c:0 d:1 e:1 f:1"
        );
    }

    #[test]
    fn ego_networks_and_paths() {
        let g = barbell();
        assert_eq!(g.ego("c", 1), ["a", "b", "c", "d"]);
        assert_eq!(g.shortest_path("a", "f").unwrap(), ["a", "c", "d", "f"]);
        assert_eq!(g.shortest_path("a", "nobody"), None);
        let net = g.network();
        let ef = net
            .edges
            .iter()
            .find(|e| e.source == "e" && e.target == "f")
            .unwrap();
        assert_eq!(
            (ef.weight, ef.dates.clone()),
            (
                2.0,
                vec!["2022-01-07".to_string(), "2022-01-08".to_string()]
            )
        );
    }
}
