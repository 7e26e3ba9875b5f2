//! Charts for reports: the timeline, the actor network and the map, drawn by the core as SVG from
//! the same selection the views show, then turned into PNG (resvg) and PDF (svg2pdf, text kept
//! as text with the font embedded). The app and the CLI use this one renderer, so their exports
//! are identical.

mod map;
mod network;
mod svg;
pub mod timeline;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use super::{write_atomically, ExportError, Result, Selection};
use crate::store::{EventFilter, Store};

/// Which view to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartView {
    Timeline,
    Network,
    Map,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    Svg,
    Png,
    Pdf,
}

impl ChartFormat {
    /// The format a file name asks for by its extension.
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(ChartFormat::Svg),
            "png" => Some(ChartFormat::Png),
            "pdf" => Some(ChartFormat::Pdf),
            _ => None,
        }
    }
}

/// How the timeline groups events into lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LaneBy {
    #[default]
    Actor,
    Place,
    Type,
    Source,
}

impl LaneBy {
    pub fn name(self) -> &'static str {
        match self {
            LaneBy::Actor => "actor",
            LaneBy::Place => "place",
            LaneBy::Type => "type",
            LaneBy::Source => "source",
        }
    }
}

/// What the chart shows and how.
#[derive(Debug, Clone)]
pub struct ChartOptions {
    pub view: ChartView,
    /// Width in CSS pixels (the height follows the content).
    pub width: f64,
    /// PNG pixels per CSS pixel (1 or 2 for HiDPI).
    pub scale: f32,
    /// Draw the caption (filters, window, counts, sources, languages, export date).
    pub caption: bool,
    pub lanes: LaneBy,
    /// The timeline's window; `None` draws the whole filtered extent.
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// Network positions from the app's layout (any coordinates; fitted to the chart).
    pub positions: Option<BTreeMap<String, (f64, f64)>>,
    pub title: Option<String>,
    /// The export day, for the caption and empty timelines.
    pub today: NaiveDate,
}

impl ChartOptions {
    pub fn new(view: ChartView, today: NaiveDate) -> Self {
        ChartOptions {
            view,
            width: 1200.0,
            scale: 1.0,
            caption: true,
            lanes: LaneBy::Actor,
            window: None,
            positions: None,
            title: None,
            today,
        }
    }
}

/// The most actors a network chart draws (the most central ones).
const MAX_CHART_ACTORS: usize = 300;

/// Draws the chart of the events matching `filter` as an SVG document.
pub fn render_svg(store: &Store, filter: &EventFilter, opts: &ChartOptions) -> Result<String> {
    let selection = Selection::gather(store, filter, opts.today)?;
    let mut svg = match opts.view {
        ChartView::Timeline => timeline::render(&selection, opts),
        ChartView::Network => {
            let net = crate::graph::network_view(store, filter, MAX_CHART_ACTORS)?;
            network::render(&net, opts)
        }
        ChartView::Map => map::render(&selection.places, opts),
    };
    if opts.caption {
        svg.caption(&selection.caption.text());
    }
    let title = format!(
        "Linimasa {} — {}",
        match opts.view {
            ChartView::Timeline => "timeline",
            ChartView::Network => "actor network",
            ChartView::Map => "map",
        },
        selection.caption.text()
    );
    Ok(svg.finish(&title))
}

/// The fonts the PNG and PDF renderers use: DejaVu Sans (embedded), then the system's fonts for
/// scripts it lacks.
/// Loaded once per process: scanning the system's fonts takes longer than drawing a chart.
fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: std::sync::OnceLock<Arc<resvg::usvg::fontdb::Database>> =
        std::sync::OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_font_data(include_bytes!("../../../resources/fonts/DejaVuSans.ttf").to_vec());
        db.load_font_data(include_bytes!("../../../resources/fonts/DejaVuSans-Bold.ttf").to_vec());
        db.load_system_fonts();
        db.set_sans_serif_family("DejaVu Sans");
        Arc::new(db)
    }))
}

fn parse(svg: &str) -> Result<resvg::usvg::Tree> {
    let options = resvg::usvg::Options {
        fontdb: fonts(),
        ..Default::default()
    };
    resvg::usvg::Tree::from_str(svg, &options)
        .map_err(|e| ExportError::Render(format!("the chart's SVG does not parse: {e}")))
}

/// Renders an SVG document to PNG bytes at `scale` pixels per CSS pixel.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>> {
    let tree = parse(svg)?;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale).ceil() as u32,
        (size.height() * scale).ceil() as u32,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w.max(1), h.max(1))
        .ok_or_else(|| ExportError::Render(format!("a {w}×{h} picture is too large")))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| ExportError::Render(format!("PNG encoding failed: {e}")))
}

/// Converts an SVG document to a one-page PDF with its text kept as text.
pub fn svg_to_pdf(svg: &str) -> Result<Vec<u8>> {
    let tree = parse(svg)?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|e| ExportError::Render(format!("PDF conversion failed: {e}")))
}

/// Draws the chart and writes it to `out` in `format`.
pub fn export(
    store: &Store,
    filter: &EventFilter,
    opts: &ChartOptions,
    format: ChartFormat,
    out: &Path,
) -> Result<()> {
    let svg = render_svg(store, filter, opts)?;
    let bytes = match format {
        ChartFormat::Svg => svg.into_bytes(),
        ChartFormat::Png => svg_to_png(&svg, opts.scale)?,
        ChartFormat::Pdf => svg_to_pdf(&svg)?,
    };
    write_atomically(out, |w| w.write_all(&bytes))
}
