//! The timeline chart: lanes of events on a time axis, coloured by type, uncertain dates drawn
//! hollow and dashed, a legend of the types shown.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};

use super::svg::{cameo_colour, Anchor, Svg};
use super::{ChartOptions, LaneBy};
use crate::export::{ExportEvent, Selection};

/// At most this many lanes; the rest are drawn together as "Other".
const MAX_LANES: usize = 14;
const LANE_HEIGHT: f64 = 28.0;
const LEFT: f64 = 180.0;
const RIGHT: f64 = 30.0;
const TOP: f64 = 56.0;

/// Day-precise (or finer) dates are exact; anything coarser is drawn as uncertain.
pub fn is_exact(precision: &str) -> bool {
    matches!(precision, "day" | "hour" | "minute" | "time" | "second")
}

fn day(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The lane keys of an event.
fn keys(e: &ExportEvent, by: LaneBy) -> Vec<String> {
    let r = &e.row;
    let list = match by {
        LaneBy::Actor => r.actors.clone(),
        LaneBy::Place => r.places.clone(),
        LaneBy::Type => vec![format!("{} {}", r.cameo, e.type_name)],
        LaneBy::Source => r.publisher.clone().into_iter().collect(),
    };
    if list.is_empty() {
        vec!["(none)".into()]
    } else {
        list
    }
}

/// The lanes: the most frequent keys (ties by name), then "Other" for the rest.
pub fn lanes(events: &[ExportEvent], by: LaneBy) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for e in events {
        for k in keys(e, by) {
            *counts.entry(k).or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out: Vec<String> = ranked.iter().map(|(k, _)| k.clone()).collect();
    if out.len() > MAX_LANES {
        out.truncate(MAX_LANES - 1);
        out.push("Other".into());
    }
    out
}

/// Tick step candidates, in days (months and years are calendar steps).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step {
    Days(i64),
    Months(u32),
    Years(i32),
}

/// The step giving about `target` ticks over `span_days`.
pub fn tick_step(span_days: f64, target: f64) -> Step {
    let steps = [
        Step::Days(1),
        Step::Days(2),
        Step::Days(7),
        Step::Days(14),
        Step::Months(1),
        Step::Months(3),
        Step::Months(6),
        Step::Years(1),
        Step::Years(2),
        Step::Years(5),
        Step::Years(10),
        Step::Years(25),
        Step::Years(50),
        Step::Years(100),
    ];
    let length = |s: &Step| match s {
        Step::Days(d) => *d as f64,
        Step::Months(m) => *m as f64 * 30.44,
        Step::Years(y) => *y as f64 * 365.25,
    };
    *steps
        .iter()
        .find(|s| span_days / length(s) <= target)
        .unwrap_or(&Step::Years(100))
}

/// Tick dates from `from` to `to` for `step`, aligned to calendar boundaries.
pub fn ticks(from: NaiveDate, to: NaiveDate, step: Step) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut t = match step {
        Step::Days(7) | Step::Days(14) => {
            // Mondays.
            from + Duration::days((7 - from.weekday().num_days_from_monday() as i64) % 7)
        }
        Step::Days(_) => from,
        Step::Months(m) => {
            let m0 = (from.month0() / m) * m;
            let first = NaiveDate::from_ymd_opt(from.year(), m0 + 1, 1).unwrap_or(from);
            if first < from {
                first
                    .checked_add_months(chrono::Months::new(m))
                    .unwrap_or(to)
            } else {
                first
            }
        }
        Step::Years(y) => {
            let year = from.year().div_euclid(y) * y;
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(from);
            if first < from {
                NaiveDate::from_ymd_opt(year + y, 1, 1).unwrap_or(to)
            } else {
                first
            }
        }
    };
    while t <= to && out.len() < 400 {
        out.push(t);
        t = match step {
            Step::Days(d) => t + Duration::days(d),
            Step::Months(m) => match t.checked_add_months(chrono::Months::new(m)) {
                Some(n) => n,
                None => break,
            },
            Step::Years(y) => match NaiveDate::from_ymd_opt(t.year() + y, 1, 1) {
                Some(n) => n,
                None => break,
            },
        };
    }
    out
}

fn tick_label(d: NaiveDate, step: Step) -> String {
    match step {
        Step::Days(_) => d.format("%-d %b %Y").to_string(),
        Step::Months(_) => d.format("%b %Y").to_string(),
        Step::Years(_) => d.format("%Y").to_string(),
    }
}

pub fn render(s: &Selection, opts: &ChartOptions) -> Svg {
    let width = opts.width;
    // In report time an event stands on the day its article was published.
    let published: std::collections::HashMap<i64, &str> = s
        .articles
        .iter()
        .filter_map(|a| Some((a.id, a.published.as_ref()?.date.as_str())))
        .collect();
    let dated: Vec<(&ExportEvent, NaiveDate, NaiveDate)> = s
        .events
        .iter()
        .filter_map(|e| {
            if s.reported {
                let d = published.get(&e.row.article_id).and_then(|d| day(d))?;
                return Some((e, d, d));
            }
            let from = e.row.earliest.as_deref().and_then(day)?;
            let to = e.row.latest.as_deref().and_then(day).unwrap_or(from);
            Some((e, from, to.max(from)))
        })
        .collect();
    let (mut lo, mut hi) = match opts.window {
        Some((a, b)) => (a, b),
        None => (
            dated.iter().map(|d| d.1).min().unwrap_or(opts.today),
            dated.iter().map(|d| d.2).max().unwrap_or(opts.today),
        ),
    };
    if opts.window.is_none() {
        // A little room on both sides; at least a week in all.
        let pad = ((hi - lo).num_days() / 30).max(1);
        lo -= Duration::days(pad);
        hi += Duration::days(pad);
        if (hi - lo).num_days() < 7 {
            let extra = (7 - (hi - lo).num_days()) / 2 + 1;
            lo -= Duration::days(extra);
            hi += Duration::days(extra);
        }
    }
    let span = ((hi - lo).num_days() as f64).max(1.0);
    let plot = width - LEFT - RIGHT;
    let x = |d: NaiveDate| LEFT + (d - lo).num_days() as f64 / span * plot;
    let visible: Vec<&(&ExportEvent, NaiveDate, NaiveDate)> =
        dated.iter().filter(|d| d.2 >= lo && d.1 <= hi).collect();
    let shown: Vec<ExportEvent> = visible.iter().map(|d| d.0.clone()).collect();
    let lane_names = lanes(&shown, opts.lanes);
    let lane_of: BTreeMap<&str, usize> = lane_names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i))
        .collect();
    let other = lane_of.get("Other").copied();
    let lanes_height = lane_names.len().max(1) as f64 * LANE_HEIGHT;
    let axis_y = TOP + lanes_height + 8.0;

    // Legend rows: the types shown.
    let mut types: BTreeMap<&str, (&str, usize)> = BTreeMap::new();
    for e in &shown {
        types
            .entry(e.row.cameo.as_str())
            .or_insert((e.type_name.as_str(), 0))
            .1 += 1;
    }
    let legend_items: Vec<String> = types
        .iter()
        .map(|(code, (name, n))| format!("{code} {name} ({n})"))
        .collect();
    let mut legend_rows = vec![vec![]];
    let mut row_width = 0.0;
    for (i, item) in legend_items.iter().enumerate() {
        let w = 26.0 + item.chars().count() as f64 * 6.6;
        if row_width + w > width - 40.0 && row_width > 0.0 {
            legend_rows.push(vec![]);
            row_width = 0.0;
        }
        legend_rows.last_mut().expect("a row").push((i, row_width));
        row_width += w;
    }
    let legend_top = axis_y + 44.0;
    let height = legend_top + legend_rows.len() as f64 * 20.0 + 34.0;
    let mut svg = Svg::new(width, height);

    let title = opts.title.clone().unwrap_or_else(|| "Timeline".into());
    svg.text(
        20.0,
        28.0,
        17.0,
        Anchor::Start,
        r##"fill="#222222" font-weight="bold""##,
        &title,
    );
    svg.text(
        width - RIGHT,
        28.0,
        12.0,
        Anchor::End,
        r##"fill="#555555""##,
        &format!(
            "{} to {} · lanes by {} · {} of {} events drawn",
            lo,
            hi,
            opts.lanes.name(),
            visible.len(),
            s.events.len()
        ),
    );
    // Lanes.
    for (i, name) in lane_names.iter().enumerate() {
        let y = TOP + i as f64 * LANE_HEIGHT;
        if i % 2 == 0 {
            svg.rect(LEFT, y, plot, LANE_HEIGHT, r##"fill="#f4f5f7""##);
        }
        let label: String = if name.chars().count() > 26 {
            name.chars().take(25).chain(['…']).collect()
        } else {
            name.clone()
        };
        svg.text(
            LEFT - 8.0,
            y + LANE_HEIGHT / 2.0 + 4.0,
            12.0,
            Anchor::End,
            r##"fill="#333333""##,
            &label,
        );
    }
    if lane_names.is_empty() {
        svg.text(
            LEFT + plot / 2.0,
            TOP + LANE_HEIGHT / 2.0 + 4.0,
            13.0,
            Anchor::Middle,
            r##"fill="#777777""##,
            "No dated events in this selection",
        );
    }
    // Axis and grid.
    let step = tick_step(span, (plot / 110.0).max(2.0));
    for t in ticks(lo, hi, step) {
        let tx = x(t);
        svg.line(
            tx,
            TOP,
            tx,
            axis_y,
            r##"stroke="#dddddd" stroke-width="1""##,
        );
        svg.line(
            tx,
            axis_y,
            tx,
            axis_y + 5.0,
            r##"stroke="#666666" stroke-width="1""##,
        );
        svg.text(
            tx,
            axis_y + 18.0,
            11.0,
            Anchor::Middle,
            r##"fill="#444444""##,
            &tick_label(t, step),
        );
    }
    svg.line(
        LEFT,
        axis_y,
        LEFT + plot,
        axis_y,
        r##"stroke="#666666" stroke-width="1""##,
    );
    // Events: bars for ranges, points for days; uncertain ones hollow and dashed. Points sharing
    // a spot in a lane stack up to three high; the rest are counted ("+N").
    let mut stacked: BTreeMap<(usize, i64), usize> = BTreeMap::new();
    for (e, from, to) in &visible {
        let colour = cameo_colour(&e.row.cameo);
        let exact = is_exact(&e.row.precision);
        let mut lanes_hit: Vec<usize> = keys(e, opts.lanes)
            .iter()
            .filter_map(|k| lane_of.get(k.as_str()).copied().or(other))
            .collect();
        lanes_hit.sort_unstable();
        lanes_hit.dedup();
        let summary = format!(
            "{} · {} · {}{}",
            e.row.date_value.as_deref().unwrap_or(""),
            e.type_name,
            e.row.actors.join(", "),
            if exact {
                String::new()
            } else {
                format!(" · {} precision", e.row.precision)
            }
        );
        for lane in lanes_hit {
            let cy = TOP + lane as f64 * LANE_HEIGHT + LANE_HEIGHT / 2.0;
            let (x1, x2) = (x(*from.max(&lo)), x((*to).min(hi) + Duration::days(1)));
            if exact && from == to {
                let cx = (x1 + x2) / 2.0;
                let slot = stacked
                    .entry((lane, (cx / 8.0).round() as i64))
                    .or_default();
                *slot += 1;
                if *slot > 3 {
                    continue;
                }
                svg.group_with_title(&summary);
                svg.circle(
                    cx,
                    cy + [0.0, -8.0, 8.0][*slot - 1],
                    4.5,
                    &format!(r##"fill="{colour}" stroke="#ffffff" stroke-width="0.8""##),
                );
                svg.end_group();
                continue;
            }
            svg.group_with_title(&summary);
            {
                let style = if exact {
                    format!(r#"fill="{colour}" fill-opacity="0.85""#)
                } else {
                    format!(
                        r#"fill="{colour}" fill-opacity="0.25" stroke="{colour}" stroke-width="1.2" stroke-dasharray="3 2""#
                    )
                };
                svg.rect(x1, cy - 5.0, (x2 - x1).max(4.0), 10.0, &style);
            }
            svg.end_group();
        }
    }
    for ((lane, bucket), n) in &stacked {
        if *n > 3 {
            let cy = TOP + *lane as f64 * LANE_HEIGHT + LANE_HEIGHT / 2.0;
            svg.text(
                *bucket as f64 * 8.0 + 8.0,
                cy + 4.0,
                10.0,
                Anchor::Start,
                r##"fill="#333333""##,
                &format!("+{}", n - 3),
            );
        }
    }
    // Legend.
    for (r, row) in legend_rows.iter().enumerate() {
        for (i, offset) in row {
            let code = types.keys().nth(*i).copied().unwrap_or("");
            let y = legend_top + r as f64 * 20.0;
            svg.rect(
                20.0 + offset,
                y - 9.0,
                12.0,
                12.0,
                &format!(r#"fill="{}""#, cameo_colour(code)),
            );
            svg.text(
                38.0 + offset,
                y + 1.0,
                11.0,
                Anchor::Start,
                r##"fill="#333333""##,
                &legend_items[*i],
            );
        }
    }
    let note_y = legend_top + legend_rows.len() as f64 * 20.0 + 6.0;
    svg.rect(
        20.0,
        note_y - 9.0,
        16.0,
        10.0,
        r##"fill="#999999" fill-opacity="0.25" stroke="#999999" stroke-dasharray="3 2""##,
    );
    svg.text(
        42.0,
        note_y,
        11.0,
        Anchor::Start,
        r##"fill="#555555""##,
        "hollow, dashed: the date is known only to the week, month or year, or bounded by the article date",
    );
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn ticks_follow_the_span_from_days_to_decades() {
        assert_eq!(tick_step(10.0, 10.0), Step::Days(1));
        assert_eq!(tick_step(60.0, 10.0), Step::Days(7));
        assert_eq!(tick_step(365.0, 10.0), Step::Months(3));
        assert_eq!(tick_step(3650.0, 10.0), Step::Years(1));
        assert_eq!(tick_step(36500.0, 10.0), Step::Years(10));
        let months = ticks(d("2022-02-15"), d("2022-06-20"), Step::Months(1));
        assert_eq!(months.first(), Some(&d("2022-03-01")));
        assert_eq!(months.len(), 4);
        let years = ticks(d("1987-06-01"), d("2031-01-01"), Step::Years(10));
        assert_eq!(
            years,
            [
                d("1990-01-01"),
                d("2000-01-01"),
                d("2010-01-01"),
                d("2020-01-01"),
                d("2030-01-01")
            ]
        );
        let weeks = ticks(d("2022-03-02"), d("2022-03-20"), Step::Days(7));
        assert!(weeks.iter().all(|w| w.weekday() == chrono::Weekday::Mon));
    }

    #[test]
    fn exactness_follows_precision() {
        assert!(is_exact("day"));
        assert!(!is_exact("month"));
        assert!(!is_exact("unknown"));
    }
}
