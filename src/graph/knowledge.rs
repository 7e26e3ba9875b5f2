//! The whole graph of a selection (petgraph `StableGraph`): actor, event, place and article
//! nodes; participation (actor–event, with the role), location (event–place) and source
//! (event–article) edges; and actor–actor links weighted by the events they share. Every node and
//! edge carries its time interval, so a dynamic graph (GEXF) and any date window work on it.

use std::collections::BTreeMap;

use petgraph::stable_graph::{NodeIndex, StableUnGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use crate::view::{ActorRow, ArticleSummary, EventRow, PlaceRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Actor,
    Event,
    Place,
    Article,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Actor => "actor",
            NodeKind::Event => "event",
            NodeKind::Place => "place",
            NodeKind::Article => "article",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    Participation,
    Location,
    Source,
    SharedEvents,
}

impl EdgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Participation => "participation",
            EdgeKind::Location => "location",
            EdgeKind::Source => "source",
            EdgeKind::SharedEvents => "shared_events",
        }
    }
}

/// A node: a stable id (`a12` actor, `e7` event, `p3` place, `d1` article), a label, its
/// attributes and the interval of the events it is part of.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
    pub attrs: Vec<(&'static str, String)>,
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub kind: EdgeKind,
    /// The actor's role in the event (participation edges).
    pub role: Option<String>,
    /// Events shared (actor links); 1 otherwise.
    pub weight: f64,
    pub start: Option<String>,
    pub end: Option<String>,
}

pub struct KnowledgeGraph {
    pub graph: StableUnGraph<Node, Edge>,
}

/// An optional [start, end] interval of ISO days.
type Interval = (Option<String>, Option<String>);

/// Extends an interval by another one.
fn widen(span: &mut Interval, from: &Option<String>, to: &Option<String>) {
    if let Some(f) = from {
        if span.0.as_ref().is_none_or(|s| f < s) {
            span.0 = Some(f.clone());
        }
    }
    if let Some(t) = to.as_ref().or(from.as_ref()) {
        if span.1.as_ref().is_none_or(|e| t > e) {
            span.1 = Some(t.clone());
        }
    }
}

impl KnowledgeGraph {
    /// The graph of these events and the actors, places and articles they refer to (actors,
    /// places or articles not given are left out, with their edges).
    pub fn from_views(
        events: &[EventRow],
        actors: &[ActorRow],
        places: &[PlaceRow],
        articles: &[ArticleSummary],
    ) -> Self {
        let mut graph = StableUnGraph::default();
        // Intervals of actors, places and articles: the span of their events.
        let mut actor_span: BTreeMap<&str, Interval> = BTreeMap::new();
        let mut place_span: BTreeMap<&str, Interval> = BTreeMap::new();
        let mut article_span: BTreeMap<i64, Interval> = BTreeMap::new();
        for e in events {
            let (start, end) = (e.earliest.clone(), e.latest.clone().or(e.earliest.clone()));
            for a in &e.actors {
                widen(actor_span.entry(a).or_default(), &start, &end);
            }
            for p in &e.places {
                widen(place_span.entry(p).or_default(), &start, &end);
            }
            widen(article_span.entry(e.article_id).or_default(), &start, &end);
        }
        let mut event_node = BTreeMap::new();
        for e in events {
            let idx = graph.add_node(Node {
                id: format!("e{}", e.id),
                label: format!(
                    "{} ({})",
                    crate::events::cameo_name(&e.cameo),
                    e.date_value.as_deref().unwrap_or("undated")
                ),
                kind: NodeKind::Event,
                attrs: vec![
                    ("cameo", e.cameo.clone()),
                    ("date", e.date_value.clone().unwrap_or_default()),
                    ("precision", e.precision.clone()),
                    ("modality", e.modality.clone()),
                    ("confidence", format!("{:.2}", e.confidence)),
                    ("reports", e.reports.to_string()),
                    ("evidence", e.evidence.clone()),
                ],
                start: e.earliest.clone(),
                end: e.latest.clone().or(e.earliest.clone()),
            });
            event_node.insert(e.id, idx);
        }
        let mut actor_node: BTreeMap<&str, NodeIndex> = BTreeMap::new();
        for a in actors {
            let span = actor_span.get(a.name.as_str()).cloned().unwrap_or_default();
            let idx = graph.add_node(Node {
                id: format!("a{}", a.id),
                label: a.name.clone(),
                kind: NodeKind::Actor,
                attrs: vec![
                    ("actor_kind", a.kind.clone()),
                    ("aliases", a.aliases.join("; ")),
                    ("roles", a.roles.join("; ")),
                    ("events", a.events.to_string()),
                ],
                start: span.0,
                end: span.1,
            });
            actor_node.insert(a.name.as_str(), idx);
        }
        let mut place_node: BTreeMap<&str, NodeIndex> = BTreeMap::new();
        for p in places {
            let span = place_span.get(p.name.as_str()).cloned().unwrap_or_default();
            let mut attrs = vec![
                ("country", p.country.clone().unwrap_or_default()),
                ("events", p.events.to_string()),
            ];
            if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
                attrs.push(("lat", lat.to_string()));
                attrs.push(("lon", lon.to_string()));
            }
            let idx = graph.add_node(Node {
                id: format!("p{}", p.id),
                label: p.name.clone(),
                kind: NodeKind::Place,
                attrs,
                start: span.0,
                end: span.1,
            });
            place_node.insert(p.name.as_str(), idx);
        }
        let mut article_node: BTreeMap<i64, NodeIndex> = BTreeMap::new();
        for a in articles {
            let span = article_span.get(&a.id).cloned().unwrap_or_default();
            let idx = graph.add_node(Node {
                id: format!("d{}", a.id),
                label: a.title.clone(),
                kind: NodeKind::Article,
                attrs: vec![
                    ("publisher", a.publisher.clone().unwrap_or_default()),
                    ("url", a.url.clone().unwrap_or_default()),
                    ("language", a.language.clone().unwrap_or_default()),
                    (
                        "published",
                        a.published
                            .as_ref()
                            .map(|p| p.date.clone())
                            .unwrap_or_default(),
                    ),
                ],
                start: span.0,
                end: span.1,
            });
            article_node.insert(a.id, idx);
        }
        let mut links: BTreeMap<(NodeIndex, NodeIndex), Edge> = BTreeMap::new();
        for e in events {
            let node = event_node[&e.id];
            let (start, end) = (e.earliest.clone(), e.latest.clone().or(e.earliest.clone()));
            let edge = |kind, role| Edge {
                kind,
                role,
                weight: 1.0,
                start: start.clone(),
                end: end.clone(),
            };
            // One participation edge per actor (its first role in the event).
            let mut roles: Vec<(&str, &str)> = e
                .participants
                .iter()
                .map(|p| (p.actor.as_str(), p.role.as_str()))
                .collect();
            roles.sort();
            roles.dedup_by(|x, y| x.0 == y.0);
            let mut present = Vec::new();
            for (actor, role) in &roles {
                if let Some(&a) = actor_node.get(actor) {
                    graph.add_edge(
                        a,
                        node,
                        edge(EdgeKind::Participation, Some(role.to_string())),
                    );
                    present.push(a);
                }
            }
            for place in &e.places {
                if let Some(&p) = place_node.get(place.as_str()) {
                    graph.add_edge(node, p, edge(EdgeKind::Location, None));
                }
            }
            if let Some(&d) = article_node.get(&e.article_id) {
                graph.add_edge(node, d, edge(EdgeKind::Source, None));
            }
            present.sort();
            present.dedup();
            for (i, &x) in present.iter().enumerate() {
                for &y in &present[i + 1..] {
                    let link = links.entry((x, y)).or_insert(Edge {
                        kind: EdgeKind::SharedEvents,
                        role: None,
                        weight: 0.0,
                        start: None,
                        end: None,
                    });
                    link.weight += 1.0;
                    let mut span = (link.start.take(), link.end.take());
                    widen(&mut span, &start, &end);
                    (link.start, link.end) = span;
                }
            }
        }
        for ((x, y), link) in links {
            graph.add_edge(x, y, link);
        }
        KnowledgeGraph { graph }
    }

    /// Nodes in insertion order: events, actors, places, articles.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_indices().map(|i| &self.graph[i])
    }

    /// Edges with their end nodes, in insertion order.
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> {
        (&self.graph)
            .edge_references()
            .map(|e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }

    /// The neighbours of the node with this id (for example an actor's events).
    pub fn neighbours(&self, id: &str) -> Vec<&Node> {
        let Some(idx) = self.graph.node_indices().find(|&i| self.graph[i].id == id) else {
            return vec![];
        };
        let mut out: Vec<&Node> = self.graph.neighbors(idx).map(|n| &self.graph[n]).collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out.dedup_by(|a, b| a.id == b.id);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::ParticipantView;

    fn event(id: i64, actors: &[&str], places: &[&str], day: &str) -> EventRow {
        EventRow {
            id,
            article_id: 1,
            cameo: "04".into(),
            date_value: Some(day.into()),
            earliest: Some(day.into()),
            latest: Some(day.into()),
            precision: "day".into(),
            evidence: String::new(),
            actors: actors.iter().map(|a| a.to_string()).collect(),
            places: places.iter().map(|p| p.to_string()).collect(),
            modality: "asserted".into(),
            confidence: 1.0,
            participants: actors
                .iter()
                .map(|a| ParticipantView {
                    actor: a.to_string(),
                    role: "agent".into(),
                })
                .collect(),
            attribution: None,
            derivation: String::new(),
            article_title: String::new(),
            publisher: None,
            reports: 1,
            trigger: None,
            reported: None,
        }
    }

    fn actor(id: i64, name: &str) -> ActorRow {
        ActorRow {
            id,
            name: name.into(),
            kind: "country".into(),
            aliases: vec![],
            roles: vec![],
            events: 1,
        }
    }

    #[test]
    fn nodes_edges_and_intervals() {
        let events = [
            event(1, &["A", "B"], &["Kyiv"], "2022-03-01"),
            event(2, &["A", "B", "C"], &[], "2022-03-05"),
        ];
        let actors = [actor(1, "A"), actor(2, "B"), actor(3, "C")];
        let places = [PlaceRow {
            id: 1,
            name: "Kyiv".into(),
            country: Some("UA".into()),
            lat: Some(50.45),
            lon: Some(30.52),
            events: 1,
        }];
        let g = KnowledgeGraph::from_views(&events, &actors, &places, &[]);
        assert_eq!(g.nodes().count(), 2 + 3 + 1);
        let kinds = |k: EdgeKind| g.edges().filter(|(_, _, e)| e.kind == k).count();
        assert_eq!(kinds(EdgeKind::Participation), 5);
        assert_eq!(kinds(EdgeKind::Location), 1);
        assert_eq!(kinds(EdgeKind::Source), 0, "no article nodes given");
        assert_eq!(kinds(EdgeKind::SharedEvents), 3);
        let ab = g
            .edges()
            .find(|(x, y, e)| e.kind == EdgeKind::SharedEvents && x.label == "A" && y.label == "B")
            .unwrap()
            .2;
        assert_eq!(ab.weight, 2.0);
        assert_eq!(
            (ab.start.as_deref(), ab.end.as_deref()),
            (Some("2022-03-01"), Some("2022-03-05"))
        );
        let a = g.nodes().find(|n| n.label == "A").unwrap();
        assert_eq!(
            (a.start.as_deref(), a.end.as_deref()),
            (Some("2022-03-01"), Some("2022-03-05"))
        );
        let neighbours: Vec<&str> = g.neighbours("a3").iter().map(|n| n.id.as_str()).collect();
        assert_eq!(neighbours, ["a1", "a2", "e2"]);
    }
}
