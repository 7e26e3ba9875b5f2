//! Stage 6, events: who did what to whom, when and where, typed by CAMEO root code.
//!
//! Trigger lexicons, clause patterns, attribution and modality arrive with the events issue. Until
//! then [`extract`] returns nothing; the store, queries, CLI and app already handle events.

use crate::model::{Article, Event, TimeExpr};
use crate::names::Names;

/// Extracts the events of `article` from its time expressions and names. Currently returns nothing.
pub fn extract(_article: &Article, _times: &[TimeExpr], _names: &Names) -> Vec<Event> {
    Vec::new()
}
