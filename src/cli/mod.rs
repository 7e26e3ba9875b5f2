//! Command-line interface: argument parsing and output. Every command is a few lines over the core.

mod events;
mod export;
mod names;
mod output;
mod pos;
mod timeline;
mod timex;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use linimasa::import::ImportOptions;
use linimasa::pipeline;
use linimasa::store::{EventFilter, Store};
use output::{print_rows, Format, Table};

#[derive(Parser)]
#[command(
    name = "linimasa",
    version,
    about = "Dated events, actors and places from news articles"
)]
struct Cli {
    /// Workspace file (default: the `LINIMASA_DB` environment variable, else workspace.db in the
    /// user's data folder, e.g. ~/.local/share/linimasa/workspace.db).
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import files and folders (.txt .html .json .jsonl .csv .rss .atom .xml), recursively.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The latest possible publication day, for year inference (default: today).
        #[arg(long, value_name = "DATE")]
        reference: Option<NaiveDate>,
        /// Refuse files larger than this many megabytes.
        #[arg(long, default_value_t = 32)]
        max_file_mb: u64,
        /// Store articles with their date and language only; run `linimasa extract` later.
        #[arg(long)]
        no_extract: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List articles (newest first), those matching a full-text search (best match first), or
    /// those a filter selects as the app's Articles tab does (the articles reporting the selected
    /// events; with --text, --source or --language alone, every article passing them).
    Articles {
        #[arg(long)]
        search: Option<String>,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List events, filtered.
    Events {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Events per month, filtered (the app's overview strip counts by day, week, month... as its span needs).
    Histogram {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// The actor network of the filtered events: actors with degree, weighted degree,
    /// betweenness, PageRank and community; links weighted by shared events, with their dates.
    /// JSON gives nodes and edges; table and CSV list the actors.
    Network {
        #[command(flatten)]
        filter: FilterArgs,
        /// Only this actor's ego network (see --radius).
        #[arg(long)]
        ego: Option<String>,
        #[arg(long, default_value_t = 1)]
        radius: usize,
        /// Print a shortest path between two actors instead.
        #[arg(long, num_args = 2, value_names = ["FROM", "TO"])]
        path: Option<Vec<String>>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List actors with aliases and event counts.
    Actors {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List places with coordinates and event counts.
    Places {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Show one article: metadata, date provenance, time expressions, text.
    Show {
        id: i64,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Set an article's publication date (a correction that survives re-import); everything
    /// anchored to the article date re-resolves.
    SetDate { article: i64, date: NaiveDate },
    /// Correct an event: its type, dates, or whether it is shown (undoable).
    EditEvent {
        id: i64,
        /// CAMEO root code, 01 to 20, or 00 for another event.
        #[arg(long = "type", value_name = "CODE")]
        cameo: Option<String>,
        #[arg(long)]
        from: Option<NaiveDate>,
        #[arg(long)]
        to: Option<NaiveDate>,
        #[arg(long, conflicts_with = "show")]
        hide: bool,
        #[arg(long)]
        show: bool,
    },
    /// Keep one article's report of an event apart from other articles' reports of it (undoable).
    KeepApart { event: i64 },
    /// Rename an actor; the old name stays as an alias (undoable).
    RenameActor { name: String, new_name: String },
    /// Merge one actor into another: its events and aliases move over (undoable).
    MergeActors { from: String, into: String },
    /// Make a name merged into an actor an actor of its own again (undoable).
    SplitActor { actor: String, alias: String },
    /// Undo the latest correction.
    Undo,
    /// Redo the latest undone correction.
    Redo,
    /// Timelines of target entities across documents, in the SemEval-2015 Task 4 format (one
    /// file per entity), from the task's TimeML documents.
    Timeline {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// A target entity ("Airbus A380"); may be given several times.
        #[arg(long = "entity")]
        entities: Vec<String>,
        /// A file with one target entity per line.
        #[arg(long)]
        entities_file: Option<PathBuf>,
        /// A folder to write one file per entity into (`airbus_a380.txt`); without it the
        /// timelines go to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Export data (csv, json, graphml, gexf, timelinejs) for the filtered events.
    Export {
        #[command(subcommand)]
        what: export::ExportCommand,
    },
    /// Run extraction (time expressions, names, events) again on every stored article; the user's
    /// corrections are kept.
    Extract,
    /// Check the workspace file's integrity.
    Check,
    /// Tag time expressions in TimeML files (TempEval-3 .tml/.TE3input; the DCT is read from the
    /// file) or plain text, writing TimeML with TIMEX3 tags inserted and the text unchanged.
    Tag {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = TagFormat::Timeml)]
        format: TagFormat,
        /// Language (id, en); default: detected from the text.
        #[arg(long)]
        lang: Option<String>,
        /// Document creation time, when the file does not give one.
        #[arg(long)]
        dct: Option<NaiveDate>,
        /// Write one file per input into this folder instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print each expression's rule id to standard error.
        #[arg(long)]
        explain: bool,
    },
    /// Train a model from annotated corpora.
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
    /// Score extraction against gold annotation.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Measure speed on generated data; prints numbers for BENCHMARKS.md.
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Import throughput: generated article files into a fresh workspace.
    Import {
        #[arg(long, default_value_t = 10_000)]
        articles: usize,
        /// Working folder (default: a temporary folder).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Import without the extraction stages (the foundation's target is for this).
        #[arg(long)]
        no_extract: bool,
    },
    /// Time-expression tagging throughput over TimeML/CAT files, or article files of any importable
    /// format (e.g. IndoSum's JSONL), or folders (default: the demo article).
    Tag {
        paths: Vec<PathBuf>,
        /// Language (id, en); default: detected per document.
        #[arg(long)]
        lang: Option<String>,
        /// Tag everything this many times.
        #[arg(long, default_value_t = 20)]
        rounds: usize,
    },
    /// Actor-network building and measures over generated events.
    Graph {
        #[arg(long, default_value_t = 10_000)]
        actors: usize,
        #[arg(long, default_value_t = 100_000)]
        events: usize,
    },
    /// Timeline and histogram query latency over generated events.
    Query {
        #[arg(long, default_value_t = 1_000_000)]
        events: usize,
        #[arg(long, default_value_t = 1_000)]
        actors: usize,
        #[arg(long, default_value_t = 200)]
        runs: usize,
        /// Workspace file to fill (reused when it already holds the events).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TagFormat {
    /// Time expressions as TimeML.
    Timeml,
    /// Time expressions as JSON.
    Json,
    /// Names: token-per-line input, each line back with a predicted BIO tag (PER/ORG/LOC) appended.
    Conll,
    /// Parts of speech: plain text in, one word<TAB>UPOS line per word, a blank line after each
    /// sentence (what `eval pos` reads).
    Pos,
}

#[derive(Subcommand)]
enum TrainCommand {
    /// The names tagger: CoNLL token files (token ... label) and MEANTIME CAT files, or folders.
    Names {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the model (e.g. resources/id/names.model).
        #[arg(long)]
        out: PathBuf,
        /// The language whose word classes (resources/<lang>/word-classes.tsv) the model uses.
        #[arg(long, default_value = "id")]
        lang: String,
        /// Passes over the training sentences (the shipped model uses 20).
        #[arg(long, default_value_t = 20)]
        epochs: usize,
        /// The seed of the training order's shuffle (the shipped model uses 17).
        #[arg(long, default_value_t = 17)]
        seed: u64,
        /// How many models to train, each on its own shuffle (seeds SEED, SEED+100, ...), and
        /// average into one: the mean is steadier and better than any one run (the shipped
        /// model averages 5).
        #[arg(long, default_value_t = 5)]
        runs: usize,
    },
    /// The part-of-speech tagger: word<TAB>UPOS files (scripts/ud_pos.py) or CoNLL-U files.
    Pos {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the model (e.g. resources/en/pos.model).
        #[arg(long)]
        out: PathBuf,
        /// The language whose verb forms (resources/<lang>/verb-forms.tsv) the model uses.
        #[arg(long, default_value = "en")]
        lang: String,
        /// Passes over the training sentences (the shipped model uses 10).
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// The seed of the training order's shuffle (the shipped model uses 17).
        #[arg(long, default_value_t = 17)]
        seed: u64,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Entity timelines (SemEval-2015 Task 4 format): each gold file against the system file of
    /// the same name, by temporal awareness (our implementation; see src/timeline).
    Timeline { gold: PathBuf, system: PathBuf },
    /// Names: entity-level precision, recall and F1 (exact spans and types, as conlleval) on
    /// CoNLL token files or MEANTIME CAT files.
    Names {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Language of the model to use (id, en).
        #[arg(long)]
        lang: String,
        /// A model file to use instead of the built-in one (to compare training runs).
        #[arg(long)]
        model: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Also list each missed and each wrong entity (to standard error).
        #[arg(long)]
        errors: bool,
        /// Score MEANTIME's mention phrases as they are ("the United States", "Toulouse ,")
        /// instead of the names in them.
        #[arg(long)]
        phrases: bool,
    },
    /// Parts of speech: accuracy and per-tag F1 on word<TAB>UPOS or CoNLL-U files.
    Pos {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Language of the model to use (en).
        #[arg(long)]
        lang: String,
        /// A model file to use instead of the built-in one.
        #[arg(long)]
        model: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Events: MEANTIME CAT files (.xml) or TimeML files with gold EVENT tags (.tml), or folders
    /// of them; detection precision, recall and F1, and (MEANTIME) how many matched events are
    /// dated right and have a right participant.
    Events {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Also list each missed mention, each event matching none, each misdated event and each
        /// matched event with gold participants but no right one (to standard error).
        #[arg(long)]
        errors: bool,
    },
    /// Time expressions: TimeML files with gold TIMEX3 tags (.tml) or MEANTIME CAT files (.xml),
    /// or folders of them; prints strict/relaxed span and value precision, recall and F1.
    #[command(alias = "time")]
    Timex {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Language (id, en); default: detected per document.
        #[arg(long)]
        lang: Option<String>,
        /// List every missed, spurious and wrongly valued expression.
        #[arg(long)]
        errors: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

#[derive(Args)]
pub(crate) struct FilterArgs {
    /// Actor name or alias.
    #[arg(long)]
    actor: Option<String>,
    #[arg(long)]
    place: Option<String>,
    /// Event types: CAMEO root codes, e.g. 01 (statement), 04 (consult), 19 (fight), 00 for
    /// other events; several with commas (01,19); a leading minus leaves a type out (-00).
    #[arg(long = "type", allow_hyphen_values = true)]
    cameo: Option<String>,
    #[arg(long)]
    from: Option<NaiveDate>,
    #[arg(long)]
    to: Option<NaiveDate>,
    /// Full-text search over the events' articles.
    #[arg(long)]
    text: Option<String>,
    /// Source: the publisher's name.
    #[arg(long)]
    source: Option<String>,
    /// Language code of the articles ("id", "en").
    #[arg(long)]
    language: Option<String>,
    /// Events told as asserted, reported (by someone), denied, planned or hypothetical.
    #[arg(long, value_parser = ["asserted", "reported", "denied", "planned", "hypothetical"])]
    modality: Option<String>,
    /// Events attributed to this actor (name or alias): what they claim.
    #[arg(long, value_name = "NAME")]
    attribution: Option<String>,
    /// With --from/--to: only events certainly inside the window (every possible day in it),
    /// not every event that may fall in it.
    #[arg(long)]
    certain: bool,
    /// --from/--to are of report time: the events whose article was published in the window,
    /// whenever they happened.
    #[arg(long)]
    reported: bool,
    #[arg(long)]
    limit: Option<usize>,
}

impl FilterArgs {
    pub(crate) fn into_filter(self) -> EventFilter {
        EventFilter {
            from: self.from,
            to: self.to,
            actor: self.actor,
            place: self.place,
            cameo: self.cameo,
            text: self.text,
            publisher: self.source,
            language: self.language,
            modality: self.modality,
            attribution: self.attribution,
            certain: self.certain,
            reported: self.reported,
            article: None,
            limit: self.limit,
        }
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

type Res = Result<ExitCode, Box<dyn std::error::Error>>;

/// Prints what undo and redo would do next.
fn print_history(store: &Store) -> Res {
    let h = store.history()?;
    println!("{}", h.undo.as_deref().unwrap_or("nothing to undo"));
    if let Some(redo) = &h.redo {
        println!("{redo}");
    }
    Ok(ExitCode::SUCCESS)
}

fn execute(cli: Cli) -> Res {
    let db = cli.db.unwrap_or_else(linimasa::workspace::default_path);
    let command = match cli.command {
        Command::Bench { what } => return bench(what),
        Command::Tag {
            files,
            format: TagFormat::Conll,
            lang,
            ..
        } => return names::tag_conll(&files, lang.as_deref().unwrap_or("id")),
        Command::Tag {
            files,
            format: TagFormat::Pos,
            lang,
            ..
        } => return pos::tag(&files, lang.as_deref().unwrap_or("en")),
        Command::Tag {
            files,
            format,
            lang,
            dct,
            out,
            explain,
        } => return timex::tag(&files, format, lang, dct, out, explain),
        Command::Train {
            what:
                TrainCommand::Names {
                    paths,
                    out,
                    lang,
                    epochs,
                    seed,
                    runs,
                },
        } => return names::train(&paths, &lang, epochs, seed, runs, &out),
        Command::Train {
            what:
                TrainCommand::Pos {
                    paths,
                    out,
                    lang,
                    epochs,
                    seed,
                },
        } => return pos::train(&paths, &lang, epochs, seed, &out),
        Command::Eval {
            what:
                EvalCommand::Pos {
                    paths,
                    lang,
                    model,
                    format,
                },
        } => return pos::eval(&paths, &lang, model.as_deref(), format),
        Command::Timeline {
            paths,
            entities,
            entities_file,
            out,
        } => return timeline::run(&paths, entities, entities_file, out.as_deref()),
        Command::Eval {
            what: EvalCommand::Timeline { gold, system },
        } => return timeline::eval(&gold, &system),
        Command::Eval {
            what:
                EvalCommand::Names {
                    paths,
                    lang,
                    model,
                    format,
                    errors,
                    phrases,
                },
        } => return names::eval(&paths, &lang, model.as_deref(), format, errors, phrases),
        Command::Eval {
            what:
                EvalCommand::Events {
                    paths,
                    format,
                    errors,
                },
        } => return events::eval(&paths, format, errors),
        Command::Eval {
            what:
                EvalCommand::Timex {
                    paths,
                    lang,
                    errors,
                    format,
                },
        } => return timex::eval(&paths, lang, errors, format),
        other => other,
    };
    let mut store = Store::open(&db)?;
    match command {
        Command::Import {
            paths,
            reference,
            max_file_mb,
            no_extract,
            format,
        } => {
            let options = ImportOptions {
                max_file_bytes: max_file_mb.saturating_mul(1024 * 1024),
                extract: !no_extract,
            };
            let bar = ProgressBar::new(0).with_style(
                ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} files  {msg}")
                    .expect("template")
                    .progress_chars("=> "),
            );
            let summary = pipeline::import_paths(
                &mut store,
                &paths,
                &options,
                reference.unwrap_or_else(today),
                &AtomicBool::new(false),
                |p| {
                    bar.set_length(p.files_total as u64);
                    bar.set_position(p.files_done as u64);
                    bar.set_message(format!("{} imported", p.imported));
                },
            )?;
            bar.finish_and_clear();
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&summary)?),
                _ => {
                    println!(
                        "imported {}, duplicates {}, failed {}",
                        summary.imported,
                        summary.duplicates,
                        summary.failed.len()
                    );
                    for f in &summary.failed {
                        println!("  failed: {}: {}", f.path, f.reason);
                    }
                }
            }
            Ok(if summary.failed.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            })
        }
        Command::Articles {
            search,
            filter,
            format,
        } => {
            let filter = filter.into_filter();
            let mut rows = match search {
                Some(q)
                    if EventFilter {
                        limit: None,
                        ..filter.clone()
                    } == EventFilter::default() =>
                {
                    store.search_articles(&q)?
                }
                Some(q) => store.article_selection(&EventFilter {
                    text: Some(q),
                    ..filter.clone()
                })?,
                None => store.article_selection(&filter)?,
            };
            rows.truncate(filter.limit.unwrap_or(usize::MAX));
            print_rows(&rows, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Events { filter, format } => {
            if format == Format::Json {
                // Everything about each event: places with coordinates, evidence offsets, sources.
                let filter = filter.into_filter();
                let mut selection = linimasa::export::Selection::gather(&store, &filter, today())?;
                selection
                    .events
                    .truncate(filter.limit.unwrap_or(usize::MAX));
                println!("{}", serde_json::to_string_pretty(&selection.events)?);
            } else {
                print_rows(&store.events(&filter.into_filter())?, format)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Histogram { filter, format } => {
            print_rows(&store.month_histogram(&filter.into_filter())?, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::EditEvent {
            id,
            cameo,
            from,
            to,
            hide,
            show,
        } => {
            let hidden = if hide {
                Some(true)
            } else if show {
                Some(false)
            } else {
                None
            };
            store.correct_event(
                id,
                &linimasa::store::EventCorrection {
                    cameo,
                    earliest: from,
                    latest: to,
                    hidden,
                },
            )?;
            print_history(&store)
        }
        Command::KeepApart { event } => {
            store.keep_apart(event)?;
            print_history(&store)
        }
        Command::RenameActor { name, new_name } => {
            store.rename_actor(&name, &new_name)?;
            print_history(&store)
        }
        Command::MergeActors { from, into } => {
            store.merge_actors(&from, &into)?;
            print_history(&store)
        }
        Command::SplitActor { actor, alias } => {
            store.split_actor(&actor, &alias)?;
            print_history(&store)
        }
        Command::Undo | Command::Redo => {
            let undo = matches!(command, Command::Undo);
            let done = if undo {
                pipeline::undo(&mut store)?
            } else {
                pipeline::redo(&mut store)?
            };
            if !done {
                eprintln!("nothing to {}", if undo { "undo" } else { "redo" });
            }
            print_history(&store)
        }
        Command::Export { what } => export::run(&store, what, today()),
        Command::Network {
            filter,
            ego,
            radius,
            path,
            format,
        } => {
            let graph = linimasa::graph::ActorGraph::from_store(&store, &filter.into_filter())?;
            if let Some(p) = path {
                return match graph.shortest_path(&p[0], &p[1]) {
                    Some(steps) => {
                        println!("{}", steps.join(" — "));
                        Ok(ExitCode::SUCCESS)
                    }
                    None => Err(format!(
                        "no path between {:?} and {:?} in this network",
                        p[0], p[1]
                    )
                    .into()),
                };
            }
            let mut network = graph.network();
            if let Some(actor) = ego {
                let keep = graph.ego(&actor, radius);
                if keep.is_empty() {
                    return Err(format!("no actor {actor:?} in this network").into());
                }
                network.nodes.retain(|n| keep.contains(&n.actor));
                network
                    .edges
                    .retain(|e| keep.contains(&e.source) && keep.contains(&e.target));
            }
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&network)?),
                _ => print_rows(&network.nodes, format)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Actors { format } => {
            print_rows(&store.actors()?, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Places { format } => {
            print_rows(&store.places()?, format)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id, format } => {
            let detail = store.article_detail(id)?;
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&detail)?),
                _ => output::print_article(&detail),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::SetDate { article, date } => {
            pipeline::set_article_date(&mut store, article, date)?;
            println!("article {article}: publication date set to {date}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract => {
            let bar = ProgressBar::new(0).with_style(
                ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} articles")
                    .expect("template")
                    .progress_chars("=> "),
            );
            let n = pipeline::reextract_all(&mut store, |done, total| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            })?;
            bar.finish_and_clear();
            println!("extracted {n} articles");
            Ok(ExitCode::SUCCESS)
        }
        Command::Check => {
            let problems = store.check()?;
            if problems.is_empty() {
                println!("{}: ok", db.display());
                Ok(ExitCode::SUCCESS)
            } else {
                for p in problems {
                    println!("{}: {p}", db.display());
                }
                Ok(ExitCode::FAILURE)
            }
        }
        Command::Bench { .. }
        | Command::Tag { .. }
        | Command::Eval { .. }
        | Command::Train { .. }
        | Command::Timeline { .. } => {
            unreachable!("handled above")
        }
    }
}

fn bench(what: BenchCommand) -> Res {
    let temp = std::env::temp_dir().join(format!("linimasa-bench-{}", std::process::id()));
    match what {
        BenchCommand::Import {
            articles,
            dir,
            no_extract,
        } => {
            let dir = dir.unwrap_or(temp);
            let r = linimasa::bench::import(&dir, articles, !no_extract)?;
            let secs = r.elapsed.as_secs_f64();
            println!(
                "import{}: {} articles in {:.2} s = {:.0} articles/s (target without extraction >= 2000)",
                if no_extract { " without extraction" } else { " with extraction" },
                r.articles,
                secs,
                r.articles as f64 / secs
            );
        }
        BenchCommand::Tag {
            paths,
            lang,
            rounds,
        } => {
            let texts = timex::bench_texts(&paths, lang)?;
            let r = linimasa::bench::tag(&texts, rounds);
            let secs = r.elapsed.as_secs_f64();
            println!(
                "tag: {} documents, {} tokens, {:.1} MB, {} time expressions in {:.3} s = {:.0} tokens/s, {:.1} MB/s (one core)",
                r.documents,
                r.tokens,
                r.bytes as f64 / 1e6,
                r.timexes,
                secs,
                r.tokens as f64 / secs,
                r.bytes as f64 / 1e6 / secs
            );
            if r.name_tokens > 0 {
                let secs = r.names_elapsed.as_secs_f64();
                println!(
                    "names: {} tokens, {} names in {:.3} s = {:.0} tokens/s (one core)",
                    r.name_tokens,
                    r.names,
                    secs,
                    r.name_tokens as f64 / secs
                );
                let secs = r.resolved_elapsed.as_secs_f64();
                println!(
                    "names with resolution (actors, aliases, roles, places): {} actors and places in {:.3} s = {:.0} tokens/s (one core)",
                    r.resolved,
                    secs,
                    r.name_tokens as f64 / secs
                );
            }
            if r.pos_tokens > 0 {
                let secs = r.pos_elapsed.as_secs_f64();
                println!(
                    "parts of speech: {} words in {:.3} s = {:.0} words/s (one core)",
                    r.pos_tokens,
                    secs,
                    r.pos_tokens as f64 / secs
                );
            }
            let secs = r.events_elapsed.as_secs_f64();
            println!(
                "events (given the time expressions and names): {} events in {:.3} s = {:.0} tokens/s (one core)",
                r.events,
                secs,
                r.name_tokens as f64 / secs
            );
        }
        BenchCommand::Graph { actors, events } => {
            let rows = linimasa::bench::graph_events(actors, events, 5);
            let start = std::time::Instant::now();
            let graph = linimasa::graph::ActorGraph::from_events(&rows);
            let built = start.elapsed();
            let start_measures = std::time::Instant::now();
            let network = graph.network();
            let total = built + start_measures.elapsed();
            println!(
                "graph: {} actors, {} links from {events} events: built in {:.3} s, all measures in {:.3} s (target < 1 s)",
                network.nodes.len(),
                network.edges.len(),
                built.as_secs_f64(),
                (total - built).as_secs_f64()
            );
        }
        BenchCommand::Query {
            events,
            actors,
            runs,
            dir,
        } => {
            let dir = dir.unwrap_or(temp);
            std::fs::create_dir_all(&dir)?;
            let db = dir.join(format!("bench-query-{events}.db"));
            let mut store = Store::open(&db)?;
            if linimasa::bench::stored_events(&store)? != events as i64 {
                drop(store);
                let _ = std::fs::remove_file(&db);
                store = Store::open(&db)?;
                let start = std::time::Instant::now();
                linimasa::bench::fill_events(&mut store, events, actors, 7)?;
                println!(
                    "generated {events} events, {actors} actors in {:.1} s",
                    start.elapsed().as_secs_f64()
                );
            }
            let mut table =
                Table::new(&["query", "runs", "p50 ms", "p95 ms", "max ms", "rows (mean)"]);
            for q in linimasa::bench::queries(&store, actors, runs, 11)? {
                let ms = |d: std::time::Duration| format!("{:.2}", d.as_secs_f64() * 1000.0);
                table.row(vec![
                    q.name.to_string(),
                    q.runs.to_string(),
                    ms(q.p50),
                    ms(q.p95),
                    ms(q.max),
                    format!("{:.1}", q.mean_rows),
                ]);
            }
            table.print();
            println!("targets: window + actor p95 <= 20 ms; per-month histogram <= 50 ms");
        }
    }
    Ok(ExitCode::SUCCESS)
}
