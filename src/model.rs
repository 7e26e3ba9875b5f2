//! The domain records every stage reads and writes: articles, time expressions, mentions, actors,
//! places and events, each machine-made record carrying its [`Provenance`].
//!
//! Spans are byte offsets into the article text ([`Span`]); the UI works in UTF-16 code units, so
//! [`Span::to_utf16`] converts at the boundary.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The version written into every machine-made record, so a later run can tell stale output apart.
pub const EXTRACTOR_VERSION: &str = concat!("linimasa ", env!("CARGO_PKG_VERSION"));

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The same range in UTF-16 code units, as JavaScript strings count them. `None` when the span
    /// does not lie on character boundaries of `text`.
    pub fn to_utf16(self, text: &str) -> Option<(usize, usize)> {
        if self.end > text.len()
            || !text.is_char_boundary(self.start)
            || !text.is_char_boundary(self.end)
        {
            return None;
        }
        let start = text[..self.start].encode_utf16().count();
        let len = text[self.start..self.end].encode_utf16().count();
        Some((start, start + len))
    }

    /// The text the span covers, if it is valid for `text`.
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }
}

/// Who or what made a record: the extractor version and the rule or model that fired.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    pub extractor: String,
    /// A stable rule id (`id.dateline.weekday_dm`) or a model name.
    pub rule: String,
}

impl Provenance {
    pub fn rule(rule: impl Into<String>) -> Self {
        Provenance {
            extractor: EXTRACTOR_VERSION.to_string(),
            rule: rule.into(),
        }
    }
}

/// How an article's publication date (the document creation time) was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum DateMethod {
    /// A metadata field: HTML meta tags, JSON-LD, a feed's pubDate, a JSON/CSV `date` column.
    Metadata,
    /// A dateline in the text with a full date ("Jakarta, 3 Maret 2022").
    Dateline,
    /// A dateline without a year; the year is the latest one in which that day falls on the printed weekday.
    WeekdayInference,
    /// The file's modification time: a guess.
    FileMtime,
    /// The middle of the dates the other articles of the same file state, for an article with no
    /// date of its own in a file saved long after them: a guess.
    Neighbours,
    /// The latest day the article's text states in full ("pada 23 Agustus 2016"), for an article
    /// with no date of its own in such a file, when that day falls among the file's other dates:
    /// news reports up to its own day. A guess, closer than `Neighbours`.
    Stated,
    /// Set by the user; always wins over the machine.
    User,
}

impl DateMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            DateMethod::Metadata => "metadata",
            DateMethod::Dateline => "dateline",
            DateMethod::WeekdayInference => "weekday_inference",
            DateMethod::FileMtime => "file_mtime",
            DateMethod::Neighbours => "neighbours",
            DateMethod::Stated => "stated",
            DateMethod::User => "user",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "metadata" => DateMethod::Metadata,
            "dateline" => DateMethod::Dateline,
            "weekday_inference" => DateMethod::WeekdayInference,
            "file_mtime" => DateMethod::FileMtime,
            "neighbours" => DateMethod::Neighbours,
            "stated" => DateMethod::Stated,
            "user" => DateMethod::User,
            _ => return None,
        })
    }
}

/// An article's publication date with how it was found and how sure we are (0..=1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedDate {
    pub date: NaiveDate,
    pub method: DateMethod,
    /// The text the date was read from ("Selasa (1/3)", a meta tag's content) when there is one.
    pub evidence: Option<String>,
    /// Where `evidence` sits in the article text, when it came from the text.
    pub span: Option<Span>,
    pub confidence: f32,
    /// A sentence saying how the date was derived, for the provenance view.
    pub derivation: String,
}

/// One imported news article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The store's row id; 0 until stored.
    pub id: i64,
    /// SHA-256 (hex) of the normalised title and text: the import key.
    pub content_hash: String,
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// ISO 639-1 code, once the language stage has run.
    pub language: Option<String>,
    pub section: Option<String>,
    pub text: String,
    /// Non-fatal problems met on the way in (lossy decoding, a date that could not be parsed...).
    pub warnings: Vec<String>,
    pub published: Option<PublishedDate>,
    /// Where the article came from: a file path, `path#item-3` for feeds and tables, or a name.
    pub source: Option<String>,
}

impl Article {
    /// An article of `text` in `lang` and nothing else (no title, date or source): what the
    /// extraction steps read, for benchmarks.
    pub fn of_text(text: &str, lang: &str) -> Article {
        Article {
            id: 0,
            content_hash: String::new(),
            title: String::new(),
            publisher: None,
            url: None,
            language: Some(lang.into()),
            section: None,
            text: text.into(),
            warnings: vec![],
            published: None,
            source: None,
        }
    }

    /// An article of `text` in `lang` for tests, the rest empty.
    #[cfg(test)]
    pub fn for_test(text: &str, lang: &str) -> Article {
        Article {
            title: "T".into(),
            ..Article::of_text(text, lang)
        }
    }
}

/// TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// The finest unit a time value pins down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Century,
    /// No position on the calendar (PRESENT_REF, durations...).
    Unknown,
    /// Only the last possible day is known: an event dated by its article, which reports it, is
    /// "on or before" the publication date (`earliest` = `latest` = that day).
    Before,
}

impl Grain {
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Minute => "minute",
            Grain::Hour => "hour",
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Season => "season",
            Grain::Year => "year",
            Grain::Decade => "decade",
            Grain::Century => "century",
            Grain::Unknown => "unknown",
            Grain::Before => "before",
        }
    }
}

/// What a relative expression was resolved against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "date")]
pub enum Anchor {
    /// Absolute: needs no anchor.
    None,
    /// The article's publication date (deictic: "kemarin", "yesterday").
    ArticleDate(NaiveDate),
    /// The narrative's current reference time (anaphoric: "the next day").
    Narrative(NaiveDate),
}

/// A time expression found in an article, normalised to TIMEX3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    pub span: Span,
    pub surface: String,
    pub timex_type: TimexType,
    /// The TIMEX3 value: `2022-03-01`, `2022-W08`, `P2D`, `PRESENT_REF`...
    pub value: String,
    pub grain: Grain,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub anchor: Anchor,
    pub provenance: Provenance,
}

/// What a name mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    Person,
    Organisation,
    Place,
    Group,
    Other,
}

/// A span of text naming an actor or a place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub surface: String,
    pub kind: MentionKind,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    Organisation,
    Country,
    Group,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Country => "country",
            ActorKind::Group => "group",
        }
    }
}

/// Someone who acts in events: a person, an organisation, a country, a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub canonical_name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    /// Roles as the article gives them ("Juru bicara Kremlin", "Defence Minister").
    #[serde(default)]
    pub roles: Vec<String>,
    pub provenance: Provenance,
}

/// A place, resolved to a gazetteer entry when one is known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub canonical_name: String,
    /// ISO 3166-1 alpha-2.
    pub country_code: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantRole {
    /// Who says it (reported speech).
    Source,
    Agent,
    Target,
    Other,
}

impl ParticipantRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ParticipantRole::Source => "source",
            ParticipantRole::Agent => "agent",
            ParticipantRole::Target => "target",
            ParticipantRole::Other => "other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Canonical name of the actor.
    pub actor: String,
    pub role: ParticipantRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Asserted,
    Denied,
    Planned,
    Hypothetical,
    Reported,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Denied => "denied",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
            Modality::Reported => "reported",
        }
    }

    /// Every modality, in the order facets and menus list them.
    pub const ALL: [Modality; 5] = [
        Modality::Asserted,
        Modality::Reported,
        Modality::Denied,
        Modality::Planned,
        Modality::Hypothetical,
    ];

    /// The modality named `name` ("denied").
    pub fn parse(name: &str) -> Option<Modality> {
        Self::ALL.into_iter().find(|m| m.as_str() == name)
    }

    /// In words, for facets and captions.
    pub fn label(self) -> &'static str {
        match self {
            Modality::Asserted => "Asserted",
            Modality::Denied => "Denied",
            Modality::Planned => "Planned",
            Modality::Hypothetical => "Hypothetical",
            Modality::Reported => "Reported by someone",
        }
    }
}

/// A dated event: who did what to whom, when and where, with the evidence that states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// CAMEO root code, "01" to "20", or "00" for another event ([`crate::events::OTHER`]).
    pub cameo: String,
    /// TIMEX3 value of the date when it is one ("2022-03-01"), else `None` (then only the bounds hold).
    pub date_value: Option<String>,
    pub earliest: Option<NaiveDate>,
    pub latest: Option<NaiveDate>,
    pub precision: Grain,
    /// How the date was derived, in words.
    pub date_derivation: String,
    pub participants: Vec<Participant>,
    /// Canonical place names.
    pub places: Vec<String>,
    pub evidence: Span,
    pub evidence_text: String,
    /// The trigger word(s) in the text (byte offsets), when known. Kept in memory for evaluation
    /// and the reader; the store keeps the evidence span only.
    #[serde(default)]
    pub trigger: Option<Span>,
    /// Who claims it, when the article attributes it.
    pub attribution: Option<String>,
    pub modality: Modality,
    pub confidence: f32,
    pub provenance: Provenance,
}

/// Everything the extraction stages produced for one article; written to the store in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub time_exprs: Vec<TimeExpr>,
    pub mentions: Vec<Mention>,
    pub actors: Vec<Actor>,
    pub places: Vec<Place>,
    pub events: Vec<Event>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs_and_multibyte() {
        // "é" is 2 bytes / 1 UTF-16 unit; "𝄞" is 4 bytes / 2 UTF-16 units.
        let text = "é𝄞 Kremlin";
        let start = text.find("Kremlin").unwrap();
        let span = Span::new(start, start + "Kremlin".len());
        assert_eq!(span.to_utf16(text), Some((4, 11)));
        assert_eq!(span.slice(text), Some("Kremlin"));
    }

    #[test]
    fn utf16_offsets_reject_spans_inside_a_character() {
        let text = "é";
        assert_eq!(Span::new(1, 2).to_utf16(text), None);
        assert_eq!(Span::new(0, 9).to_utf16(text), None);
    }
}
