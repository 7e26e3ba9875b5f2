//! Exports from the app: the same renderer and writers as `linimasa export`, with a save dialog
//! that starts in the folder used last.

use std::path::PathBuf;

use linimasa::export::chart::{self, ChartFormat};
use linimasa::export::data::{self, DataFormat, TimelineGroup};
use linimasa::export::Selection;
use linimasa::view::{
    AppError, ChartFormatName, ChartRequest, DataFormatName, ErrorCode, EventQuery, ExportResult,
};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::blocking;
use crate::AppState;

/// Where the export goes: `LINIMASA_EXPORT_DIR` (for automation: no dialog) or the user's choice
/// in a save dialog. `None` when the user cancels.
fn choose_path(app: &AppHandle, state: &AppState, name: &str, ext: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("LINIMASA_EXPORT_DIR") {
        return Some(PathBuf::from(dir).join(name));
    }
    let mut dialog = app
        .dialog()
        .file()
        .set_title("Export")
        .set_file_name(name)
        .add_filter(ext.to_uppercase(), &[ext]);
    if let Some(dir) = state.export_folder() {
        dialog = dialog.set_directory(dir);
    }
    let path = dialog.blocking_save_file()?.into_path().ok()?;
    if let Some(parent) = path.parent() {
        state.remember_export_folder(parent);
    }
    Some(path)
}

#[tauri::command]
pub async fn export_chart(
    app: AppHandle,
    state: State<'_, AppState>,
    query: EventQuery,
    request: ChartRequest,
) -> Result<ExportResult, AppError> {
    let filter = query.to_filter()?;
    let today = chrono::Local::now().date_naive();
    let opts = request.options(today)?;
    let view = format!("{:?}", request.view).to_lowercase();
    let name = format!("linimasa-{view}-{today}.{}", request.extension());
    let Some(path) = choose_path(&app, &state, &name, request.extension()) else {
        return Ok(ExportResult::default());
    };
    let format = match request.format {
        ChartFormatName::Png => ChartFormat::Png,
        ChartFormatName::Svg => ChartFormat::Svg,
        ChartFormatName::Pdf => ChartFormat::Pdf,
    };
    blocking(state.reader()?, move |store| {
        let caption = Selection::gather(store, &filter, today)?.caption.text();
        chart::export(store, &filter, &opts, format, &path)?;
        Ok(ExportResult {
            files: vec![path.display().to_string()],
            caption,
        })
    })
    .await
}

#[tauri::command]
pub async fn export_data(
    app: AppHandle,
    state: State<'_, AppState>,
    query: EventQuery,
    format: DataFormatName,
    group_by_actor: bool,
) -> Result<ExportResult, AppError> {
    let filter = query.to_filter()?;
    let today = chrono::Local::now().date_naive();
    let (format, ext) = match format {
        DataFormatName::Csv => (DataFormat::Csv, "csv"),
        DataFormatName::Json => (DataFormat::Json, "json"),
        DataFormatName::Graphml => (DataFormat::Graphml, "graphml"),
        DataFormatName::Gexf => (DataFormat::Gexf, "gexf"),
        DataFormatName::Timelinejs => (DataFormat::Timelinejs, "json"),
    };
    let stem = if format == DataFormat::Timelinejs {
        "linimasa-timelinejs"
    } else {
        "linimasa"
    };
    let name = format!("{stem}-{today}.{ext}");
    let Some(path) = choose_path(&app, &state, &name, ext) else {
        return Ok(ExportResult::default());
    };
    let group = if group_by_actor {
        TimelineGroup::Actor
    } else {
        TimelineGroup::Type
    };
    blocking(state.reader()?, move |store| {
        let selection = Selection::gather(store, &filter, today)?;
        let files = data::export(&selection, format, group, &path)?;
        if files.is_empty() {
            return Err(AppError::new(ErrorCode::Internal, "nothing was written"));
        }
        Ok(ExportResult {
            files: files.iter().map(|f| f.display().to_string()).collect(),
            caption: selection.caption.text(),
        })
    })
    .await
}
