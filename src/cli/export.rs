//! `linimasa export data|chart …`: files for reports and other tools.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use linimasa::export::chart::{self, ChartFormat};
use linimasa::export::data::{self, DataFormat, TimelineGroup};
use linimasa::export::Selection;
use linimasa::store::Store;
use linimasa::view::{ChartFormatName, ChartRequest, ChartViewName, LaneName};

use super::{FilterArgs, Res};

#[derive(Subcommand)]
pub enum ExportCommand {
    /// The filtered events as data: csv (events, actors, places and mentions files), json (the
    /// whole filtered graph), graphml, gexf (1.3, dynamic) or timelinejs (TimelineJS3 JSON).
    Data {
        #[arg(long, value_enum)]
        format: DataFormatArg,
        /// The file to write (for csv: the name the four files are named after, or a folder).
        #[arg(long)]
        out: PathBuf,
        /// How TimelineJS groups its slides.
        #[arg(long, value_enum, default_value_t = GroupArg::Type)]
        group: GroupArg,
        #[command(flatten)]
        filter: FilterArgs,
    },
    /// A chart of the filtered events: the timeline (the whole filtered extent unless
    /// --window-from/--window-to), the actor network or the map, as PNG, SVG or PDF, with a caption.
    Chart {
        #[arg(long, value_enum)]
        view: ViewArg,
        /// Default: from the file name's extension.
        #[arg(long, value_enum)]
        format: Option<ChartFormatArg>,
        #[arg(long)]
        out: PathBuf,
        /// Width in pixels (the height follows the content).
        #[arg(long, default_value_t = 1200.0)]
        width: f64,
        /// PNG pixels per pixel: 2 for HiDPI.
        #[arg(long, default_value_t = 1.0)]
        scale: f32,
        /// Leave the caption out.
        #[arg(long)]
        no_caption: bool,
        /// Timeline lanes.
        #[arg(long, value_enum, default_value_t = LanesArg::Actor)]
        lanes: LanesArg,
        /// The timeline's window (default: everything selected).
        #[arg(long, requires = "window_to")]
        window_from: Option<NaiveDate>,
        #[arg(long, requires = "window_from")]
        window_to: Option<NaiveDate>,
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ViewArg {
    Timeline,
    Network,
    Map,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ChartFormatArg {
    Png,
    Svg,
    Pdf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum LanesArg {
    Actor,
    Place,
    Type,
    Source,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DataFormatArg {
    Csv,
    Json,
    Graphml,
    Gexf,
    Timelinejs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum GroupArg {
    Type,
    Actor,
}

pub fn run(store: &Store, command: ExportCommand, today: NaiveDate) -> Res {
    match command {
        ExportCommand::Data {
            format,
            out,
            group,
            filter,
        } => {
            let selection = Selection::gather(store, &filter.into_filter(), today)?;
            let format = match format {
                DataFormatArg::Csv => DataFormat::Csv,
                DataFormatArg::Json => DataFormat::Json,
                DataFormatArg::Graphml => DataFormat::Graphml,
                DataFormatArg::Gexf => DataFormat::Gexf,
                DataFormatArg::Timelinejs => DataFormat::Timelinejs,
            };
            let group = match group {
                GroupArg::Type => TimelineGroup::Type,
                GroupArg::Actor => TimelineGroup::Actor,
            };
            for path in data::export(&selection, format, group, &out)? {
                println!("wrote {}", path.display());
            }
            eprintln!("{}", selection.caption.text());
            Ok(ExitCode::SUCCESS)
        }
        ExportCommand::Chart {
            view,
            format,
            out,
            width,
            scale,
            no_caption,
            lanes,
            window_from,
            window_to,
            title,
            filter,
        } => {
            let format = match format {
                Some(ChartFormatArg::Png) => ChartFormat::Png,
                Some(ChartFormatArg::Svg) => ChartFormat::Svg,
                Some(ChartFormatArg::Pdf) => ChartFormat::Pdf,
                None => ChartFormat::from_path(&out).ok_or_else(|| {
                    format!(
                        "{}: give --format png|svg|pdf or a file name ending in one of them",
                        out.display()
                    )
                })?,
            };
            // The same request the app sends, so both are checked and shaped by one function.
            let request = ChartRequest {
                view: match view {
                    ViewArg::Timeline => ChartViewName::Timeline,
                    ViewArg::Network => ChartViewName::Network,
                    ViewArg::Map => ChartViewName::Map,
                },
                format: match format {
                    ChartFormat::Png => ChartFormatName::Png,
                    ChartFormat::Svg => ChartFormatName::Svg,
                    ChartFormat::Pdf => ChartFormatName::Pdf,
                },
                scale: Some(scale),
                caption: !no_caption,
                lanes: Some(match lanes {
                    LanesArg::Actor => LaneName::Actor,
                    LanesArg::Place => LaneName::Place,
                    LanesArg::Type => LaneName::Type,
                    LanesArg::Source => LaneName::Source,
                }),
                window_from: window_from.map(|d| d.to_string()),
                window_to: window_to.map(|d| d.to_string()),
                positions: None,
                width: Some(width),
            };
            let mut opts = request.options(today).map_err(|e| e.message)?;
            opts.title = title;
            chart::export(store, &filter.into_filter(), &opts, format, &out)?;
            println!("wrote {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}
