//! `linimasa export data …`: files for reports and other tools.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Subcommand;
use linimasa::export::data::{self, DataFormat, TimelineGroup};
use linimasa::export::Selection;
use linimasa::store::Store;

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
    }
}
