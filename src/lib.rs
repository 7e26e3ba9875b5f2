//! # Linimasa core
//!
//! Reads news articles (Indonesian and English first), finds their publication dates, time
//! expressions, actors, places and dated events, and stores them in one SQLite file per workspace
//! for the timeline, network and map views. The desktop app (`src-tauri/`) and the `linimasa` CLI
//! are thin shells over this crate.
//!
//! The pipeline, one module per stage:
//! [`import`] → article date ([`time::article_date`]) → [`lang`] → time expressions ([`time::tag`])
//! → [`names`] → parts of speech ([`pos`]) → [`events`] → [`graph`] → [`store`]; [`pipeline`] runs them in order.
//!
//! ```
//! use linimasa::{pipeline, store::{Store, EventFilter}};
//! use chrono::NaiveDate;
//!
//! let mut store = Store::open_in_memory()?;
//! let text = "Kremlin: Terlalu Cepat\n\nMoskow, Gatra.com - Kremlin mengatakan bahwa pembicaraan \
//!             dengan Ukraina akan berlanjut, kata dia, Selasa (1/3).";
//! let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
//! let summary = pipeline::import_text(&mut store, "kremlin.txt", text, today)?;
//! assert_eq!(summary.imported, 1);
//!
//! let article = &store.articles()?[0];
//! let published = article.published.as_ref().unwrap();
//! assert_eq!(published.date, "2022-03-01"); // Tuesday 1 March: the year comes from the weekday
//! let events = store.events(&EventFilter { actor: Some("Kremlin".into()), ..Default::default() })?;
//! assert_eq!(events[0].cameo, "01"); // a statement (CAMEO 01), dated on the reporting day
//! assert_eq!(events[0].earliest.as_deref(), Some("2022-03-01"));
//! # Ok::<(), linimasa::store::StoreError>(())
//! ```

pub mod bench;
pub mod events;
pub mod export;
pub mod graph;
pub mod import;
pub mod lang;
pub mod measure;
pub mod model;
pub mod names;
pub mod pipeline;
pub mod pos;
pub mod store;
pub mod time;
pub mod timeline;
pub mod view;
pub mod workspace;
