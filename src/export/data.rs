//! Data exports: CSV, JSON, GraphML, GEXF 1.3 and TimelineJS3 JSON.
//!
//! The graph formats hold the whole selection as one graph: actor, event, place and article nodes
//! (attribute `type`), participation edges (actor–event, with the role), location edges
//! (event–place), source edges (event–article), and actor–actor links weighted by shared events
//! (`type` = `shared_events`). Every node and edge carries its time interval (`start`, `end`), so
//! Gephi's timeline works on the GEXF file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::xml::esc;
use super::{write_atomically, Result, Selection};
use crate::graph::knowledge::{EdgeKind, KnowledgeGraph};

/// The data formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    Csv,
    Json,
    Graphml,
    Gexf,
    Timelinejs,
}

/// How TimelineJS groups its slides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimelineGroup {
    #[default]
    Type,
    Actor,
}

/// Writes `selection` in `format`. CSV writes four files named after `out`
/// (`report.csv` → `report-events.csv`, `report-actors.csv`, `report-places.csv`,
/// `report-mentions.csv`; into `out` itself when it is a folder). Returns the files written.
pub fn export(
    selection: &Selection,
    format: DataFormat,
    group: TimelineGroup,
    out: &Path,
) -> Result<Vec<PathBuf>> {
    match format {
        DataFormat::Csv => write_csv(selection, out),
        DataFormat::Json => {
            write_atomically(out, |w| write_json(selection, w))?;
            Ok(vec![out.to_path_buf()])
        }
        DataFormat::Graphml => {
            write_atomically(out, |w| write_graphml(&graph_of(selection), selection, w))?;
            Ok(vec![out.to_path_buf()])
        }
        DataFormat::Gexf => {
            write_atomically(out, |w| write_gexf(&graph_of(selection), selection, w))?;
            Ok(vec![out.to_path_buf()])
        }
        DataFormat::Timelinejs => {
            write_atomically(out, |w| write_timelinejs(selection, group, w))?;
            Ok(vec![out.to_path_buf()])
        }
    }
}

// ---------------------------------------------------------------- CSV

fn csv_paths(out: &Path) -> [PathBuf; 4] {
    let names = ["events", "actors", "places", "mentions"];
    if out.is_dir() {
        return names.map(|n| out.join(format!("{n}.csv")));
    }
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "linimasa".into());
    names.map(|n| out.with_file_name(format!("{stem}-{n}.csv")))
}

fn csv_error(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// Writes one CSV file: a header and one record per row.
fn write_table<R: IntoIterator<Item = String>>(
    path: &Path,
    header: &[&str],
    rows: impl Iterator<Item = R>,
) -> Result<()> {
    write_atomically(path, |w| {
        let mut c = csv::Writer::from_writer(w);
        c.write_record(header).map_err(csv_error)?;
        for row in rows {
            c.write_record(row).map_err(csv_error)?;
        }
        c.flush()
    })
}

fn write_csv(s: &Selection, out: &Path) -> Result<Vec<PathBuf>> {
    let [events, actors, places, mentions] = csv_paths(out);
    let header = [
        "id",
        "date",
        "earliest",
        "latest",
        "precision",
        "date_derivation",
        "reported",
        "cameo",
        "type",
        "actors",
        "participants",
        "places",
        "modality",
        "attribution",
        "confidence",
        "evidence",
        "evidence_start",
        "evidence_end",
        "article_id",
        "article_title",
        "publisher",
    ];
    write_table(
        &events,
        &header,
        s.events.iter().map(|e| {
            let r = &e.row;
            let participants: Vec<String> = r
                .participants
                .iter()
                .map(|p| format!("{} ({})", p.actor, p.role))
                .collect();
            [
                r.id.to_string(),
                r.date_value.clone().unwrap_or_default(),
                r.earliest.clone().unwrap_or_default(),
                r.latest.clone().unwrap_or_default(),
                r.precision.clone(),
                r.derivation.clone(),
                r.reported.clone().unwrap_or_default(),
                r.cameo.clone(),
                e.type_name.clone(),
                r.actors.join("; "),
                participants.join("; "),
                r.places.join("; "),
                r.modality.clone(),
                r.attribution.clone().unwrap_or_default(),
                format!("{:.2}", r.confidence),
                r.evidence.clone(),
                e.evidence_start.to_string(),
                e.evidence_end.to_string(),
                r.article_id.to_string(),
                r.article_title.clone(),
                r.publisher.clone().unwrap_or_default(),
            ]
        }),
    )?;
    write_table(
        &actors,
        &["name", "kind", "aliases", "roles", "events"],
        s.actors.iter().map(|a| {
            [
                a.name.clone(),
                a.kind.clone(),
                a.aliases.join("; "),
                a.roles.join("; "),
                a.events.to_string(),
            ]
        }),
    )?;
    write_table(
        &places,
        &["name", "country", "lat", "lon", "events"],
        s.places.iter().map(|p| {
            [
                p.name.clone(),
                p.country.clone().unwrap_or_default(),
                p.lat.map(|v| v.to_string()).unwrap_or_default(),
                p.lon.map(|v| v.to_string()).unwrap_or_default(),
                p.events.to_string(),
            ]
        }),
    )?;
    write_table(
        &mentions,
        &["article_id", "start", "end", "text", "kind"],
        s.mentions.iter().map(|m| {
            [
                m.article_id.to_string(),
                m.start.to_string(),
                m.end.to_string(),
                m.text.clone(),
                m.kind.clone(),
            ]
        }),
    )?;
    Ok(vec![events, actors, places, mentions])
}

// ---------------------------------------------------------------- JSON

fn write_json(s: &Selection, w: &mut dyn Write) -> std::io::Result<()> {
    let graph = graph_of(s);
    let links: Vec<_> = graph
        .edges()
        .filter(|(_, _, e)| e.kind == EdgeKind::SharedEvents)
        .map(|(a, b, l)| {
            json!({"source": a.label, "target": b.label, "weight": l.weight, "start": l.start, "end": l.end})
        })
        .collect();
    let doc = json!({
        "format": "linimasa-export",
        "version": 1,
        "caption": s.caption,
        "caption_text": s.caption.text(),
        "events": s.events,
        "actors": s.actors,
        "places": s.places,
        "articles": s.articles,
        "mentions": s.mentions,
        "actor_links": links,
    });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}

/// Node attributes: (key, type in GraphML/GEXF terms).
const NODE_ATTRS: &[(&str, &str)] = &[
    ("type", "string"),
    ("cameo", "string"),
    ("date", "string"),
    ("precision", "string"),
    ("modality", "string"),
    ("confidence", "double"),
    ("reports", "int"),
    ("evidence", "string"),
    ("actor_kind", "string"),
    ("aliases", "string"),
    ("roles", "string"),
    ("events", "int"),
    ("country", "string"),
    ("lat", "double"),
    ("lon", "double"),
    ("publisher", "string"),
    ("url", "string"),
    ("language", "string"),
    ("published", "string"),
    ("start", "string"),
    ("end", "string"),
];

const EDGE_ATTRS: &[(&str, &str)] = &[
    ("type", "string"),
    ("role", "string"),
    ("weight", "double"),
    ("start", "string"),
    ("end", "string"),
];

/// The selection's whole graph (see [`crate::graph::knowledge`]).
fn graph_of(s: &Selection) -> KnowledgeGraph {
    let rows: Vec<crate::view::EventRow> = s.events.iter().map(|e| e.row.clone()).collect();
    KnowledgeGraph::from_views(&rows, &s.actors, &s.places, &s.articles)
}

// ---------------------------------------------------------------- GraphML

fn write_graphml(g: &KnowledgeGraph, s: &Selection, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    writeln!(
        w,
        "  <!-- {} -->",
        esc(&s.caption.text()).replace("--", "- -")
    )?;
    writeln!(
        w,
        r#"  <key id="g_caption" for="graph" attr.name="caption" attr.type="string"/>"#
    )?;
    for (name, ty) in NODE_ATTRS {
        writeln!(
            w,
            r#"  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(
        w,
        r#"  <key id="n_label" for="node" attr.name="label" attr.type="string"/>"#
    )?;
    for (name, ty) in EDGE_ATTRS {
        writeln!(
            w,
            r#"  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(w, r#"  <graph id="linimasa" edgedefault="undirected">"#)?;
    writeln!(
        w,
        r#"    <data key="g_caption">{}</data>"#,
        esc(&s.caption.text())
    )?;
    for n in g.nodes() {
        writeln!(w, r#"    <node id="{}">"#, esc(&n.id))?;
        writeln!(w, r#"      <data key="n_label">{}</data>"#, esc(&n.label))?;
        writeln!(w, r#"      <data key="n_type">{}</data>"#, n.kind.as_str())?;
        for (k, v) in &n.attrs {
            if !v.is_empty() {
                writeln!(w, r#"      <data key="n_{k}">{}</data>"#, esc(v))?;
            }
        }
        for (k, v) in [("start", &n.start), ("end", &n.end)] {
            if let Some(v) = v {
                writeln!(w, r#"      <data key="n_{k}">{}</data>"#, esc(v))?;
            }
        }
        writeln!(w, "    </node>")?;
    }
    let mut n = 0;
    let mut edge = |w: &mut dyn Write,
                    source: &str,
                    target: &str,
                    kind: &str,
                    role: Option<&str>,
                    weight: f64,
                    start: &Option<String>,
                    end: &Option<String>|
     -> std::io::Result<()> {
        n += 1;
        writeln!(
            w,
            r#"    <edge id="x{n}" source="{}" target="{}">"#,
            esc(source),
            esc(target)
        )?;
        writeln!(w, r#"      <data key="e_type">{kind}</data>"#)?;
        if let Some(role) = role {
            writeln!(w, r#"      <data key="e_role">{}</data>"#, esc(role))?;
        }
        writeln!(w, r#"      <data key="e_weight">{weight}</data>"#)?;
        for (k, v) in [("start", start), ("end", end)] {
            if let Some(v) = v {
                writeln!(w, r#"      <data key="e_{k}">{}</data>"#, esc(v))?;
            }
        }
        writeln!(w, "    </edge>")
    };
    for (a, b, e) in g.edges() {
        edge(
            w,
            &a.id,
            &b.id,
            e.kind.as_str(),
            e.role.as_deref(),
            e.weight,
            &e.start,
            &e.end,
        )?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")
}

// ---------------------------------------------------------------- GEXF 1.3

fn gexf_type(ty: &str) -> &str {
    match ty {
        "int" => "integer",
        other => other,
    }
}

fn write_gexf(g: &KnowledgeGraph, s: &Selection, w: &mut dyn Write) -> std::io::Result<()> {
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(
        w,
        r#"  <meta lastmodifieddate="{}"><creator>Linimasa</creator><description>{}</description></meta>"#,
        esc(&s.caption.exported),
        esc(&s.caption.text())
    )?;
    writeln!(
        w,
        r#"  <graph mode="dynamic" defaultedgetype="undirected" timeformat="date" timerepresentation="interval">"#
    )?;
    writeln!(w, r#"    <attributes class="node" mode="static">"#)?;
    for (i, (name, ty)) in NODE_ATTRS
        .iter()
        .filter(|(n, _)| *n != "start" && *n != "end")
        .enumerate()
    {
        writeln!(
            w,
            r#"      <attribute id="{i}" title="{name}" type="{}"/>"#,
            gexf_type(ty)
        )?;
    }
    writeln!(w, "    </attributes>")?;
    writeln!(w, r#"    <attributes class="edge" mode="static">"#)?;
    writeln!(w, r#"      <attribute id="0" title="type" type="string"/>"#)?;
    writeln!(w, r#"      <attribute id="1" title="role" type="string"/>"#)?;
    writeln!(w, "    </attributes>")?;
    let attr_index: BTreeMap<&str, usize> = NODE_ATTRS
        .iter()
        .filter(|(n, _)| *n != "start" && *n != "end")
        .enumerate()
        .map(|(i, (n, _))| (*n, i))
        .collect();
    let interval = |start: &Option<String>, end: &Option<String>| -> String {
        match (start, end) {
            (Some(s), Some(e)) => format!(r#" start="{}" end="{}""#, esc(s), esc(e)),
            (Some(s), None) => format!(r#" start="{}" end="{}""#, esc(s), esc(s)),
            _ => String::new(),
        }
    };
    writeln!(w, "    <nodes>")?;
    for n in g.nodes() {
        writeln!(
            w,
            r#"      <node id="{}" label="{}"{}>"#,
            esc(&n.id),
            esc(&n.label),
            interval(&n.start, &n.end)
        )?;
        writeln!(w, "        <attvalues>")?;
        writeln!(
            w,
            r#"          <attvalue for="{}" value="{}"/>"#,
            attr_index["type"],
            n.kind.as_str()
        )?;
        for (k, v) in &n.attrs {
            if !v.is_empty() {
                writeln!(
                    w,
                    r#"          <attvalue for="{}" value="{}"/>"#,
                    attr_index[k],
                    esc(v)
                )?;
            }
        }
        writeln!(w, "        </attvalues>")?;
        writeln!(w, "      </node>")?;
    }
    writeln!(w, "    </nodes>")?;
    writeln!(w, "    <edges>")?;
    let mut n = 0;
    let all = g.edges().map(|(a, b, e)| {
        (
            &a.id,
            &b.id,
            e.kind.as_str(),
            e.role.as_deref(),
            e.weight,
            &e.start,
            &e.end,
        )
    });
    for (source, target, kind, role, weight, start, end) in all {
        n += 1;
        writeln!(
            w,
            r#"      <edge id="x{n}" source="{}" target="{}" weight="{weight}"{}>"#,
            esc(source),
            esc(target),
            interval(start, end)
        )?;
        writeln!(w, "        <attvalues>")?;
        writeln!(w, r#"          <attvalue for="0" value="{kind}"/>"#)?;
        if let Some(role) = role {
            writeln!(w, r#"          <attvalue for="1" value="{}"/>"#, esc(role))?;
        }
        writeln!(w, "        </attvalues>")?;
        writeln!(w, "      </edge>")?;
    }
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")
}

// ---------------------------------------------------------------- TimelineJS3

/// Text for TimelineJS, which renders `text` fields as HTML: everything from articles is
/// escaped so that it shows as text.
fn html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// A TimelineJS date object for an ISO day, as precise as `precision` says.
fn tl_date(day: &str, precision: &str) -> Option<serde_json::Value> {
    let d = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    Some(match precision {
        "year" | "decade" | "century" => json!({"year": d.year()}),
        "month" | "quarter" | "season" => json!({"year": d.year(), "month": d.month()}),
        _ => json!({"year": d.year(), "month": d.month(), "day": d.day()}),
    })
}

fn write_timelinejs(s: &Selection, group: TimelineGroup, w: &mut dyn Write) -> std::io::Result<()> {
    let mut slides = Vec::new();
    for e in &s.events {
        let r = &e.row;
        let Some(start) = r.earliest.as_deref().and_then(|d| tl_date(d, &r.precision)) else {
            continue;
        };
        let mut slide = json!({
            "unique_id": format!("event-{}", r.id),
            "start_date": start,
            "text": {
                "headline": html(&format!(
                    "{}{}",
                    e.type_name,
                    if r.actors.is_empty() { String::new() } else { format!(": {}", r.actors.join(", ")) }
                )),
                "text": format!(
                    "<p>{}</p><p>{} · {}{}</p>",
                    html(&r.evidence),
                    html(&r.article_title),
                    html(r.publisher.as_deref().unwrap_or("unknown source")),
                    html(&format!(" · date: {}", r.derivation)),
                ),
            },
            "group": match group {
                TimelineGroup::Type => e.type_name.clone(),
                TimelineGroup::Actor => r.actors.first().cloned().unwrap_or_else(|| "(no actor)".into()),
            },
        });
        if r.latest.is_some() && r.latest != r.earliest {
            if let Some(end) = r.latest.as_deref().and_then(|d| tl_date(d, &r.precision)) {
                slide["end_date"] = end;
            }
        }
        slides.push(slide);
    }
    let doc = json!({
        "title": {
            "text": {
                "headline": "Linimasa timeline",
                "text": format!("<p>{}</p>", html(&s.caption.text())),
            }
        },
        "events": slides,
    });
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}
