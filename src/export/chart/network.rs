//! The actor-network chart: actors sized by PageRank and coloured by community, links by shared
//! events. Positions come from the app (so the export matches the screen) or from a seeded,
//! deterministic force layout.

use std::collections::BTreeMap;

use super::svg::{Anchor, Svg, COMMUNITY_COLOURS};
use super::ChartOptions;
use crate::view::NetworkView;

/// Labels for at most this many of the largest actors.
const LABELS: usize = 30;

/// A deterministic Fruchterman–Reingold layout in the unit square (names in, positions out).
pub fn layout(network: &NetworkView) -> BTreeMap<String, (f64, f64)> {
    let n = network.nodes.len();
    let index: BTreeMap<&str, usize> = network
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| (node.actor.as_str(), i))
        .collect();
    // Start on a circle in name order: the same input always gives the same picture.
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = i as f64 / n.max(1) as f64 * std::f64::consts::TAU;
            (0.5 + 0.4 * a.cos(), 0.5 + 0.4 * a.sin())
        })
        .collect();
    let edges: Vec<(usize, usize, f64)> = network
        .edges
        .iter()
        .filter_map(|e| {
            Some((
                *index.get(e.source.as_str())?,
                *index.get(e.target.as_str())?,
                e.weight,
            ))
        })
        .collect();
    let k = (1.0 / n.max(1) as f64).sqrt() * 0.8;
    let mut temperature = 0.1;
    for _ in 0..300 {
        let mut disp = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let dist = (dx * dx + dy * dy).sqrt().max(1e-4);
                let force = k * k / dist;
                let (fx, fy) = (dx / dist * force, dy / dist * force);
                disp[i].0 += fx;
                disp[i].1 += fy;
                disp[j].0 -= fx;
                disp[j].1 -= fy;
            }
        }
        for &(a, b, w) in &edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let dist = (dx * dx + dy * dy).sqrt().max(1e-4);
            let force = dist * dist / k * (1.0 + w.ln_1p()) * 0.5;
            let (fx, fy) = (dx / dist * force, dy / dist * force);
            disp[a].0 -= fx;
            disp[a].1 -= fy;
            disp[b].0 += fx;
            disp[b].1 += fy;
        }
        for i in 0..n {
            // A weak pull to the centre keeps unconnected actors in view.
            disp[i].0 += (0.5 - pos[i].0) * k;
            disp[i].1 += (0.5 - pos[i].1) * k;
            let len = (disp[i].0.powi(2) + disp[i].1.powi(2)).sqrt().max(1e-9);
            let step = len.min(temperature);
            // Kept inside the frame, as in Fruchterman and Reingold's original.
            pos[i].0 = (pos[i].0 + disp[i].0 / len * step).clamp(0.0, 1.0);
            pos[i].1 = (pos[i].1 + disp[i].1 / len * step).clamp(0.0, 1.0);
        }
        temperature *= 0.985;
    }
    network
        .nodes
        .iter()
        .zip(pos)
        .map(|(node, p)| (node.actor.clone(), p))
        .collect()
}

pub fn render(network: &NetworkView, opts: &ChartOptions) -> Svg {
    let width = opts.width;
    let plot_top = 56.0;
    let plot_height = (width * 0.62).max(300.0);
    let legend_y = plot_top + plot_height + 24.0;
    let mut svg = Svg::new(width, legend_y + 40.0);
    let title = opts.title.clone().unwrap_or_else(|| "Actor network".into());
    svg.text(
        20.0,
        28.0,
        17.0,
        Anchor::Start,
        r##"fill="#222222" font-weight="bold""##,
        &title,
    );
    svg.text(
        width - 30.0,
        28.0,
        12.0,
        Anchor::End,
        r##"fill="#555555""##,
        &format!(
            "{} actors, {} links{} · size: PageRank · colour: community",
            network.nodes.len(),
            network.edges.len(),
            if network.omitted > 0 {
                format!(" ({} less central actors left out)", network.omitted)
            } else {
                String::new()
            }
        ),
    );
    if network.nodes.is_empty() {
        svg.text(
            width / 2.0,
            plot_top + plot_height / 2.0,
            13.0,
            Anchor::Middle,
            r##"fill="#777777""##,
            "No actors in this selection",
        );
        return svg;
    }
    let given = opts
        .positions
        .as_ref()
        .filter(|p| network.nodes.iter().all(|n| p.contains_key(&n.actor)));
    let positions = match given {
        Some(p) => p.clone(),
        None => layout(network),
    };
    // Fit the drawn actors only: positions of actors not drawn must not shift the picture.
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in network.nodes.iter().map(|n| &positions[&n.actor]) {
        x0 = x0.min(*x);
        y0 = y0.min(*y);
        x1 = x1.max(*x);
        y1 = y1.max(*y);
    }
    let margin = 40.0;
    let sx = (width - 2.0 * margin) / (x1 - x0).max(1e-9);
    let sy = (plot_height - 2.0 * margin) / (y1 - y0).max(1e-9);
    let scale = sx.min(sy);
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let at = |name: &str| {
        let (x, y) = positions[name];
        (
            width / 2.0 + (x - cx) * scale,
            plot_top + plot_height / 2.0 + (y - cy) * scale,
        )
    };
    let max_rank = network
        .nodes
        .iter()
        .map(|n| n.pagerank)
        .fold(0.0, f64::max)
        .max(1e-12);
    let max_weight = network.edges.iter().map(|e| e.weight).fold(1.0, f64::max);
    for e in &network.edges {
        let (a, b) = (at(&e.source), at(&e.target));
        svg.group_with_title(&format!(
            "{} – {}: {} shared events",
            e.source, e.target, e.weight
        ));
        svg.line(
            a.0,
            a.1,
            b.0,
            b.1,
            &format!(
                r##"stroke="#8a8f98" stroke-opacity="0.55" stroke-width="{:.1}""##,
                0.8 + 3.2 * e.weight / max_weight
            ),
        );
        svg.end_group();
    }
    let radius = |rank: f64| 4.0 + 16.0 * (rank / max_rank).sqrt();
    for n in &network.nodes {
        let (x, y) = at(&n.actor);
        let colour = COMMUNITY_COLOURS[n.community as usize % COMMUNITY_COLOURS.len()];
        svg.group_with_title(&format!(
            "{} ({}): {} events, degree {}, PageRank {:.3}",
            n.actor, n.kind, n.events, n.degree, n.pagerank
        ));
        svg.circle(
            x,
            y,
            radius(n.pagerank),
            &format!(r##"fill="{colour}" stroke="#ffffff" stroke-width="1.2""##),
        );
        svg.end_group();
    }
    // Labels for the largest actors, skipping any that would overlap one already placed.
    let mut by_rank: Vec<_> = network.nodes.iter().collect();
    by_rank.sort_by(|a, b| {
        b.pagerank
            .total_cmp(&a.pagerank)
            .then_with(|| a.actor.cmp(&b.actor))
    });
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    for n in by_rank.into_iter().take(LABELS) {
        let (x, y) = at(&n.actor);
        let w = n.actor.chars().count() as f64 * 6.8;
        let r = radius(n.pagerank);
        let ly = y + 4.0;
        // Right of the node, or left of it when that does not fit or overlaps a placed label.
        let candidates = [
            (x + r + 3.0, Anchor::Start, x + r + 3.0),
            (x - r - 3.0, Anchor::End, x - r - 3.0 - w),
        ];
        let free = candidates.into_iter().find(|&(_, _, left)| {
            let rect = (left, ly - 11.0, left + w, ly + 3.0);
            rect.0 >= 4.0
                && rect.2 <= width - 4.0
                && !placed
                    .iter()
                    .any(|p| rect.0 < p.2 && p.0 < rect.2 && rect.1 < p.3 && p.1 < rect.3)
        });
        let Some((lx, anchor, left)) = free else {
            continue;
        };
        placed.push((left, ly - 11.0, left + w, ly + 3.0));
        svg.text(
            lx,
            ly,
            12.0,
            anchor,
            r##"fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke""##,
            &n.actor,
        );
    }
    // Legend: communities.
    let mut communities: Vec<i64> = network.nodes.iter().map(|n| n.community).collect();
    communities.sort_unstable();
    communities.dedup();
    let mut x = 20.0;
    for c in communities.iter().take(COMMUNITY_COLOURS.len()) {
        svg.circle(
            x + 6.0,
            legend_y - 4.0,
            6.0,
            &format!(
                r#"fill="{}""#,
                COMMUNITY_COLOURS[*c as usize % COMMUNITY_COLOURS.len()]
            ),
        );
        svg.text(
            x + 16.0,
            legend_y,
            11.0,
            Anchor::Start,
            r##"fill="#333333""##,
            &format!("community {}", c + 1),
        );
        x += 110.0;
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::{NetworkEdge, NetworkNode};

    fn node(name: &str) -> NetworkNode {
        NetworkNode {
            actor: name.into(),
            kind: "person".into(),
            events: 1,
            degree: 1,
            weighted_degree: 1.0,
            betweenness: 0.0,
            pagerank: 0.25,
            community: 0,
        }
    }

    #[test]
    fn layout_is_deterministic_and_linked_actors_end_closer() {
        let net = NetworkView {
            nodes: ["a", "b", "c", "d"].map(node).to_vec(),
            edges: vec![NetworkEdge {
                source: "a".into(),
                target: "b".into(),
                weight: 3.0,
                first: None,
                last: None,
            }],
            omitted: 0,
        };
        let (p, q) = (layout(&net), layout(&net));
        assert_eq!(p, q);
        let dist =
            |x: &str, y: &str| ((p[x].0 - p[y].0).powi(2) + (p[x].1 - p[y].1).powi(2)).sqrt();
        assert!(dist("a", "b") < dist("c", "d"), "{p:?}");
        assert!(p.values().all(|(x, y)| x.is_finite() && y.is_finite()));
    }
}
