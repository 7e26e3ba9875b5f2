//! The map chart: world outlines (Natural Earth 1:110m, `resources/world`) in an equirectangular
//! projection, places as circles sized by their number of events; places without coordinates are
//! listed under the map.

use super::svg::{Anchor, Svg};
use super::ChartOptions;
use crate::view::PlaceRow;

const WORLD: &str = include_str!("../../../resources/world/countries-110m.txt");
/// Latitudes shown (most of Antarctica is left out).
const NORTH: f64 = 84.0;
const SOUTH: f64 = -58.0;

/// The world's rings as (lon, lat) points.
pub fn rings() -> impl Iterator<Item = Vec<(f64, f64)>> {
    WORLD.lines().filter(|l| !l.starts_with('#')).map(|line| {
        line.split(' ')
            .filter_map(|p| {
                let (lon, lat) = p.split_once(',')?;
                Some((lon.parse().ok()?, lat.parse().ok()?))
            })
            .collect()
    })
}

pub fn render(places: &[PlaceRow], opts: &ChartOptions) -> Svg {
    let width = opts.width;
    let plot_top = 50.0;
    let plot_width = width - 40.0;
    let plot_height = plot_width * (NORTH - SOUTH) / 360.0;
    let unknown: Vec<&PlaceRow> = places
        .iter()
        .filter(|p| p.lat.is_none() || p.lon.is_none())
        .collect();
    let note_lines = if unknown.is_empty() {
        0.0
    } else {
        let names: Vec<String> = unknown
            .iter()
            .map(|p| format!("{} ({})", p.name, p.events))
            .collect();
        Svg::wrap(&names.join(", "), ((width - 40.0) / 6.6) as usize).len() as f64 + 1.0
    };
    // The view: the whole world, or the region the places are in (with room around them), in
    // the plot's proportions.
    let located_places: Vec<(f64, f64)> = places
        .iter()
        .filter_map(|p| Some((p.lon?, p.lat?)))
        .collect();
    let (mut west, mut east, mut south, mut north) = (-180.0f64, 180.0f64, SOUTH, NORTH);
    if !located_places.is_empty() {
        let (mut w, mut e, mut s, mut n) = (180.0f64, -180.0f64, 90.0f64, -90.0f64);
        for (lon, lat) in &located_places {
            w = w.min(*lon);
            e = e.max(*lon);
            s = s.min(*lat);
            n = n.max(*lat);
        }
        let (w, e, s, n) = (w - 12.0, e + 12.0, s - 8.0, n + 8.0);
        let aspect = plot_width / plot_height;
        let (mut lon_span, mut lat_span) = ((e - w).max(30.0), (n - s).max(30.0 / aspect));
        if lon_span / lat_span > aspect {
            lat_span = lon_span / aspect;
        } else {
            lon_span = lat_span * aspect;
        }
        if lon_span < 300.0 {
            let (cx, cy) = ((w + e) / 2.0, (s + n) / 2.0);
            west = (cx - lon_span / 2.0).clamp(-180.0, 180.0 - lon_span);
            east = west + lon_span;
            south = (cy - lat_span / 2.0).clamp(-90.0, 90.0 - lat_span);
            north = south + lat_span;
        }
    }
    let mut svg = Svg::new(width, plot_top + plot_height + 20.0 + note_lines * 15.0);
    let title = opts.title.clone().unwrap_or_else(|| "Map".into());
    svg.text(
        20.0,
        28.0,
        17.0,
        Anchor::Start,
        r##"fill="#222222" font-weight="bold""##,
        &title,
    );
    let located = places.len() - unknown.len();
    svg.text(
        width - 20.0,
        28.0,
        12.0,
        Anchor::End,
        r##"fill="#555555""##,
        &format!(
            "{located} places on the map, {} without coordinates · circle area: events",
            unknown.len()
        ),
    );
    let project = |lon: f64, lat: f64| {
        (
            20.0 + (lon - west) / (east - west) * plot_width,
            plot_top + (north - lat.clamp(-90.0, 90.0)) / (north - south) * plot_height,
        )
    };
    svg.rect(
        20.0,
        plot_top,
        plot_width,
        plot_height,
        r##"fill="#eef3f8""##,
    );
    svg.clip_start("plot", 20.0, plot_top, plot_width, plot_height);
    let mut d = String::new();
    for ring in rings() {
        // A ring crossing the antimeridian is cut where it jumps; the pieces are drawn unfilled.
        let crosses = ring.windows(2).any(|w| (w[0].0 - w[1].0).abs() > 180.0);
        let mut piece = String::new();
        let mut prev: Option<f64> = None;
        for (lon, lat) in &ring {
            let (x, y) = project(*lon, *lat);
            let jump = prev.is_some_and(|p| (p - lon).abs() > 180.0);
            piece.push_str(&format!(
                "{}{x:.1},{y:.1} ",
                if prev.is_none() || jump { "M" } else { "L" }
            ));
            prev = Some(*lon);
        }
        if crosses {
            svg.path(
                &piece,
                r##"fill="none" stroke="#b9c2cc" stroke-width="0.6""##,
            );
        } else {
            d.push_str(&piece);
            d.push_str("Z ");
        }
    }
    svg.path(
        &d,
        r##"fill="#dfe4ea" stroke="#ffffff" stroke-width="0.5""##,
    );
    let max = places.iter().map(|p| p.events).max().unwrap_or(1).max(1) as f64;
    let mut sorted: Vec<&PlaceRow> = places
        .iter()
        .filter(|p| p.lat.is_some() && p.lon.is_some())
        .collect();
    // Big circles first, so small ones stay visible on top.
    sorted.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
    for p in &sorted {
        let (x, y) = project(p.lon.unwrap_or(0.0), p.lat.unwrap_or(0.0));
        let r = 3.0 + 17.0 * (p.events as f64 / max).sqrt();
        svg.group_with_title(&format!("{}: {} events", p.name, p.events));
        svg.circle(
            x,
            y,
            r,
            r##"fill="#d9480f" fill-opacity="0.55" stroke="#9c2f00" stroke-width="1""##,
        );
        svg.end_group();
    }
    // Labels for the biggest places, skipping any that would overlap one already placed.
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    for p in sorted.iter().take(20) {
        let (x, y) = project(p.lon.unwrap_or(0.0), p.lat.unwrap_or(0.0));
        let r = 3.0 + 17.0 * (p.events as f64 / max).sqrt();
        let label = format!("{} ({})", p.name, p.events);
        let rect = (
            x + r + 2.0,
            y - 8.0,
            x + r + 2.0 + label.chars().count() as f64 * 6.3,
            y + 4.0,
        );
        if placed
            .iter()
            .any(|q| rect.0 < q.2 && q.0 < rect.2 && rect.1 < q.3 && q.1 < rect.3)
        {
            continue;
        }
        placed.push(rect);
        svg.text(
            x + r + 2.0,
            y + 4.0,
            11.0,
            Anchor::Start,
            r##"fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke""##,
            &label,
        );
    }
    svg.clip_end();
    if !unknown.is_empty() {
        let names: Vec<String> = unknown
            .iter()
            .map(|p| format!("{} ({})", p.name, p.events))
            .collect();
        let text = format!("Not on the map (no coordinates): {}", names.join(", "));
        for (i, line) in Svg::wrap(&text, ((width - 40.0) / 6.6) as usize)
            .iter()
            .enumerate()
        {
            svg.text(
                20.0,
                plot_top + plot_height + 22.0 + i as f64 * 15.0,
                11.0,
                Anchor::Start,
                r##"fill="#555555""##,
                line,
            );
        }
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_world_outlines_load() {
        let rings: Vec<_> = rings().collect();
        assert!(rings.len() > 200);
        assert!(rings.iter().all(|r| r.len() >= 3));
        assert!(rings
            .iter()
            .flatten()
            .all(|(lon, lat)| lon.abs() <= 180.0 && lat.abs() <= 90.0));
    }
}
