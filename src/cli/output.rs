//! Listing output: aligned tables for people, JSON and CSV for scripts.

use serde::Serialize;

use linimasa::view::{ActorRow, ArticleDetail, ArticleSummary, EventRow, MonthCount, PlaceRow};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// A row type that can be shown as a table or CSV line.
pub trait Listing: Serialize {
    const HEADER: &'static [&'static str];
    fn cells(&self) -> Vec<String>;
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

impl Listing for ArticleSummary {
    const HEADER: &'static [&'static str] = &[
        "id",
        "published",
        "date_method",
        "language",
        "publisher",
        "events",
        "title",
        "warnings",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.published
                .as_ref()
                .map(|p| p.date.clone())
                .unwrap_or_default(),
            self.published
                .as_ref()
                .map(|p| {
                    serde_json::to_value(p.method)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                })
                .unwrap_or_default(),
            opt(&self.language),
            opt(&self.publisher),
            self.events.to_string(),
            self.title.clone(),
            self.warnings.join("; "),
        ]
    }
}

impl Listing for EventRow {
    const HEADER: &'static [&'static str] = &[
        "id",
        "article",
        "type",
        "earliest",
        "latest",
        "reported",
        "precision",
        "actors",
        "places",
        "modality",
        "confidence",
        "trigger",
        "evidence",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.article_id.to_string(),
            self.cameo.clone(),
            opt(&self.earliest),
            opt(&self.latest),
            opt(&self.reported),
            self.precision.clone(),
            self.actors.join("; "),
            self.places.join("; "),
            self.modality.clone(),
            format!("{:.2}", self.confidence),
            opt(&self.trigger),
            self.evidence.clone(),
        ]
    }
}

impl Listing for ActorRow {
    const HEADER: &'static [&'static str] = &["id", "name", "kind", "events", "aliases"];
    fn cells(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.name.clone(),
            self.kind.clone(),
            self.events.to_string(),
            self.aliases.join("; "),
        ]
    }
}

impl Listing for PlaceRow {
    const HEADER: &'static [&'static str] = &["id", "name", "country", "lat", "lon", "events"];
    fn cells(&self) -> Vec<String> {
        let num = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
        vec![
            self.id.to_string(),
            self.name.clone(),
            opt(&self.country),
            num(self.lat),
            num(self.lon),
            self.events.to_string(),
        ]
    }
}

impl Listing for linimasa::graph::NodeView {
    const HEADER: &'static [&'static str] = &[
        "actor",
        "events",
        "degree",
        "weighted_degree",
        "betweenness",
        "pagerank",
        "community",
    ];
    fn cells(&self) -> Vec<String> {
        vec![
            self.actor.clone(),
            self.events.to_string(),
            self.degree.to_string(),
            format!("{}", self.weighted_degree),
            format!("{:.2}", self.betweenness),
            format!("{:.4}", self.pagerank),
            self.community.to_string(),
        ]
    }
}

impl Listing for MonthCount {
    const HEADER: &'static [&'static str] = &["month", "events"];
    fn cells(&self) -> Vec<String> {
        vec![self.month.clone(), self.count.to_string()]
    }
}

pub fn print_rows<T: Listing>(
    rows: &[T],
    format: Format,
) -> Result<(), Box<dyn std::error::Error>> {
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(rows)?),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(std::io::stdout().lock());
            w.write_record(T::HEADER)?;
            for r in rows {
                w.write_record(r.cells())?;
            }
            w.flush()?;
        }
        Format::Table => {
            if rows.is_empty() {
                println!("(none)");
                return Ok(());
            }
            let mut table = Table::new(T::HEADER);
            for r in rows {
                table.row(r.cells());
            }
            table.print();
        }
    }
    Ok(())
}

/// A plain aligned text table; long cells are cut to keep lines readable.
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

const MAX_CELL: usize = 60;

impl Table {
    pub fn new(header: &[&str]) -> Self {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: vec![],
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        let cells = cells
            .into_iter()
            .map(|c| {
                let c = c.replace(['\n', '\t'], " ");
                if c.chars().count() > MAX_CELL {
                    format!("{}…", c.chars().take(MAX_CELL - 1).collect::<String>())
                } else {
                    c
                }
            })
            .collect();
        self.rows.push(cells);
    }

    pub fn print(&self) {
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.chars().count()).collect();
        for r in &self.rows {
            for (i, c) in r.iter().enumerate() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
        let line = |cells: &[String]| {
            let parts: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
                .collect();
            println!("{}", parts.join("  ").trim_end());
        };
        line(&self.header);
        for r in &self.rows {
            line(r);
        }
    }
}

pub fn print_article(detail: &ArticleDetail) {
    let s = &detail.summary;
    println!("#{}  {}", s.id, s.title);
    if let Some(p) = &s.publisher {
        println!("publisher:  {p}");
    }
    if let Some(u) = &s.url {
        println!("url:        {u}");
    }
    if let Some(src) = &s.source {
        println!("source:     {src}");
    }
    println!("language:   {}", s.language.as_deref().unwrap_or("unknown"));
    match &s.published {
        Some(p) => {
            let method = serde_json::to_value(p.method)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            println!(
                "published:  {} ({method}, confidence {:.2})",
                p.date, p.confidence
            );
            if let Some(d) = &detail.date_derivation {
                println!("            {d}");
            }
        }
        None => println!("published:  unknown"),
    }
    for w in &s.warnings {
        println!("warning:    {w}");
    }
    if !detail.time_expressions.is_empty() {
        println!("time expressions:");
        for t in &detail.time_expressions {
            println!(
                "  {:<24} {:<9} {:<12} [{}]",
                t.text, t.timex_type, t.value, t.rule
            );
        }
    }
    println!("events:     {}", s.events);
    println!();
    println!("{}", detail.text);
}
