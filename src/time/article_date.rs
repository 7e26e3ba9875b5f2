//! Stage 2, article date (document creation time): metadata first, else a dateline in the text,
//! else the file's modification time, each recorded with how it was found and a confidence.
//!
//! A dateline without a year ("Selasa (1/3)") gets its year from the weekday: the latest year, not
//! after the reference day, in which that day and month fall on that weekday.

use std::sync::OnceLock;

use chrono::{DateTime, Datelike, NaiveDate, Weekday};
use regex::Regex;

use crate::import::DateMeta;
use crate::lang;
use crate::model::{DateMethod, PublishedDate, Span};

/// How far into the text a dateline is looked for, in bytes. Indonesian news states the reporting
/// day ("katanya, Selasa (1/3)") in the first paragraphs, not always in the first line.
const DATELINE_WINDOW: usize = 2000;
/// A leading dateline ("JAKARTA, 3 Maret 2022 -") sits in the first bytes of the text.
const LEADING_WINDOW: usize = 160;
/// How many years back weekday inference looks.
const INFERENCE_YEARS: i32 = 80;

/// What the date stage needs besides the article.
#[derive(Debug, Clone, Copy)]
pub struct DateContext {
    /// The latest day the article can be from: today, or the file's date. The core never reads the clock.
    pub reference: NaiveDate,
    pub file_modified: Option<NaiveDate>,
    /// The dates the other articles of the same file state (in metadata, a URL or a full
    /// dateline), when two or more do: a dateline without a year is most likely from their
    /// years, not from the year the file was saved (a news archive in one JSONL file).
    pub neighbours: Option<NeighbourDates>,
}

/// The earliest, middle and latest of the dates a file's other articles state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeighbourDates {
    pub earliest: NaiveDate,
    pub median: NaiveDate,
    pub latest: NaiveDate,
}

impl NeighbourDates {
    /// The earliest, middle and latest of some dates (none for fewer than two).
    pub fn of(mut dates: Vec<NaiveDate>) -> Option<NeighbourDates> {
        if dates.len() < 2 {
            return None;
        }
        dates.sort_unstable();
        Some(NeighbourDates {
            earliest: dates[0],
            median: dates[dates.len() / 2],
            latest: dates[dates.len() - 1],
        })
    }
}

/// How far after the latest date a file's other articles state an article of that file may be,
/// for a dateline without a year.
const NEIGHBOURS_SLACK_DAYS: i64 = 365;

/// Finds the article's publication date: a metadata date, else a `/YYYY/MM/DD/` URL path, else a
/// dateline, else the file's time. Problems that do not stop the search (an unreadable metadata
/// date) come back as warnings for the article.
pub fn article_date(
    meta: Option<&DateMeta>,
    url: Option<&str>,
    text: &str,
    ctx: &DateContext,
) -> (Option<PublishedDate>, Vec<String>) {
    let mut warnings = Vec::new();
    if let Some(meta) = meta {
        match parse_date(&meta.value) {
            Some(date) => {
                return (
                    Some(PublishedDate {
                        date,
                        method: DateMethod::Metadata,
                        evidence: Some(meta.value.clone()),
                        span: None,
                        confidence: 0.95,
                        derivation: format!("{} = \"{}\"", meta.field, meta.value),
                    }),
                    warnings,
                )
            }
            None => warnings.push(format!(
                "could not read a date from {} \"{}\"",
                meta.field, meta.value
            )),
        }
    }
    if let Some((date, evidence)) = url.and_then(url_date) {
        return (
            Some(PublishedDate {
                date,
                method: DateMethod::Metadata,
                evidence: Some(evidence.clone()),
                span: None,
                confidence: 0.85,
                derivation: format!("the article's URL path {evidence}"),
            }),
            warnings,
        );
    }
    // A year after the latest date the file's other articles state (none for a date at the end
    // of the calendar, which a metadata field may hold).
    let after_latest = |n: &NeighbourDates| {
        n.latest
            .checked_add_signed(chrono::Duration::days(NEIGHBOURS_SLACK_DAYS))
    };
    let neighbours = ctx
        .neighbours
        .filter(|n| after_latest(n).is_some_and(|d| d < ctx.reference));
    let reference = neighbours
        .and_then(|n| after_latest(&n))
        .unwrap_or(ctx.reference);
    if let Some(mut found) = find_dateline(text, reference) {
        if let (DateMethod::WeekdayInference, Some(n)) = (found.published.method, neighbours) {
            found.published.derivation.push_str(&format!(
                " (a year after {}, the latest date the file's other articles state)",
                n.latest
            ));
        }
        warnings.extend(found.warning.clone());
        return (Some(found.published), warnings);
    }
    // A file saved long after the dates its other articles state says little of this one's
    // (an archive in one JSONL file): the latest day the text states among those dates, else
    // their middle, is the better guess.
    if let Some(n) = ctx.neighbours.filter(|n| {
        ctx.file_modified
            .is_none_or(|m| after_latest(n).is_some_and(|d| m > d))
    }) {
        let slack = chrono::Duration::days(NEIGHBOURS_SLACK_DAYS);
        if let Some((date, span, surface)) = stated_day(text, n.earliest - slack, n.latest + slack)
        {
            return (
                Some(PublishedDate {
                    date,
                    method: DateMethod::Stated,
                    evidence: Some(surface.clone()),
                    span: Some(span),
                    confidence: 0.3,
                    derivation: format!(
                        "no date in metadata or dateline; guessed as {date}, the latest day the text states (\"{surface}\"), among the dates the file's other articles state ({} to {})",
                        n.earliest, n.latest
                    ),
                }),
                warnings,
            );
        }
        return (
            Some(PublishedDate {
                date: n.median,
                method: DateMethod::Neighbours,
                evidence: None,
                span: None,
                confidence: 0.2,
                derivation: format!(
                    "no date in metadata or text; guessed as {}, the middle of the dates the file's other articles state (up to {}){}",
                    n.median,
                    n.latest,
                    ctx.file_modified
                        .map(|m| format!(" (the file was saved on {m})"))
                        .unwrap_or_default()
                ),
            }),
            warnings,
        );
    }
    if let Some(date) = ctx.file_modified {
        return (
            Some(PublishedDate {
                date,
                method: DateMethod::FileMtime,
                evidence: None,
                span: None,
                confidence: 0.2,
                derivation:
                    "no date in metadata or text; guessed from the file's modification time".into(),
            }),
            warnings,
        );
    }
    warnings.push(
        "no publication date found; set it in the reader (or `linimasa set-date`) so relative dates resolve"
            .into(),
    );
    (None, warnings)
}

/// The latest day, between `from` and `to`, that the text states in full (day, month and year:
/// "23 Agustus 2016", "March 1, 2022"), with where and how it is written. News reports what
/// happened up to its own day: for the 21 undated IndoSum articles it dates, it was within a month
/// of the publication date 15 times, the middle of the file's dates once (BENCHMARKS.md,
/// `scripts/indosum_dates.py`).
fn stated_day(text: &str, from: NaiveDate, to: NaiveDate) -> Option<(NaiveDate, Span, String)> {
    let lang = lang::detect(text)?;
    crate::time::tagger::tag_text(text, lang, None)
        .into_iter()
        .filter(|e| {
            e.grain == crate::model::Grain::Day && matches!(e.anchor, crate::model::Anchor::None)
        })
        .filter_map(|e| Some((e.earliest?, e.span, e.surface)))
        .filter(|(d, _, _)| (from..=to).contains(d))
        .max_by_key(|(d, _, _)| *d)
}

/// A date in a URL path, as news sites write it: `/2017/12/02/` or a compact `/20171012071204-...`.
fn url_date(url: &str) -> Option<(NaiveDate, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})(?:/|$)|/((?:19|20)\d\d)(\d\d)(\d\d)(?:\d{4,6})?(?:[-/_]|$)")
            .expect("url date pattern compiles")
    });
    let c = re.captures(url)?;
    let part = |a: usize, b: usize| {
        c.get(a)
            .or_else(|| c.get(b))
            .and_then(|m| m.as_str().parse::<u32>().ok())
    };
    let date = NaiveDate::from_ymd_opt(part(1, 4)? as i32, part(2, 5)?, part(3, 6)?)?;
    Some((date, c[0].to_string()))
}

/// A date found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Dateline {
    pub published: PublishedDate,
    pub warning: Option<String>,
}

struct Patterns {
    /// "Selasa (1/3)", "Minggu (28/12/2014)".
    weekday_paren: Regex,
    /// "3 Maret 2022", "Selasa, 1 Maret 2022", "1 March 2022".
    day_month_year: Regex,
    /// "March 1, 2022", "Tuesday, March 1, 2022".
    month_day_year: Regex,
    /// "Tuesday, March 1" (no year).
    weekday_month_day: Regex,
    /// "Selasa, 1 Maret" (no year).
    weekday_day_month: Regex,
    /// "2022-03-01".
    iso: Regex,
}

fn alternation(words: impl Iterator<Item = String>) -> String {
    let mut words: Vec<String> = words.map(|w| regex::escape(&w)).collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    words.join("|")
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let langs = lang::languages();
        let wd = alternation(langs.iter().flat_map(|l| l.weekdays.keys().cloned()));
        let mo = alternation(langs.iter().flat_map(|l| l.months.keys().cloned()));
        let re = |s: String| Regex::new(&format!("(?i){s}")).expect("dateline pattern compiles");
        Patterns {
            weekday_paren: re(format!(r"\b(?P<wd>{wd})\s*\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)")),
            day_month_year: re(format!(r"\b(?:(?P<wd>{wd})\s*,?\s+)?(?P<d>\d{{1,2}})\s+(?P<mo>{mo})\.?\s*,?\s+(?P<y>\d{{4}})\b")),
            month_day_year: re(format!(r"\b(?:(?P<wd>{wd})\.?\s*,?\s+)?(?P<mo>{mo})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,?\s+(?P<y>\d{{4}})\b")),
            weekday_month_day: re(format!(r"\b(?P<wd>{wd})\.?\s*,\s+(?P<mo>{mo})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b")),
            weekday_day_month: re(format!(r"\b(?P<wd>{wd})\s*,?\s+(?P<d>\d{{1,2}})\s+(?P<mo>{mo})\b")),
            iso: re(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b".into()),
        }
    })
}

fn month_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    lang::languages()
        .iter()
        .find_map(|l| l.months.get(&w).copied())
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.to_lowercase();
    let n = lang::languages()
        .iter()
        .find_map(|l| l.weekdays.get(&w).copied())?;
    Weekday::try_from((n as u8 + 6) % 7).ok()
}

/// A candidate date read from one match, before choosing among candidates.
struct Candidate {
    span: Span,
    day: u32,
    month: u32,
    year: Option<i32>,
    weekday: Option<Weekday>,
    rule: &'static str,
}

fn candidates(text: &str, window: usize) -> Vec<Candidate> {
    let end = (0..=window.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let head = &text[..end];
    let p = patterns();
    let mut out = Vec::new();
    let num = |c: &regex::Captures, k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = |c: &regex::Captures| {
        c.name("y").and_then(|m| {
            let y: i32 = m.as_str().parse().ok()?;
            Some(if m.as_str().len() == 2 { 2000 + y } else { y })
        })
    };
    let mut push = |re: &Regex, rule: &'static str, month_word: bool| {
        for c in re.captures_iter(head) {
            let whole = c.get(0).expect("group 0");
            let month = if month_word {
                c.name("mo").and_then(|m| month_number(m.as_str()))
            } else {
                num(&c, "m")
            };
            let (Some(day), Some(month)) = (num(&c, "d"), month) else {
                continue;
            };
            out.push(Candidate {
                span: Span::new(whole.start(), whole.end()),
                day,
                month,
                year: year(&c),
                weekday: c.name("wd").and_then(|m| weekday_of(m.as_str())),
                rule,
            });
        }
    };
    push(&p.weekday_paren, "dateline.weekday_paren", false);
    push(&p.day_month_year, "dateline.day_month_year", true);
    push(&p.month_day_year, "dateline.month_day_year", true);
    push(&p.weekday_month_day, "dateline.weekday_month_day", true);
    push(&p.weekday_day_month, "dateline.weekday_day_month", true);
    push(&p.iso, "dateline.iso", false);
    out
}

/// Looks for a dateline: a date at the very start of the text, else the first "Weekday (d/m)"
/// reporting-day mention, else a written date near the start.
pub fn find_dateline(text: &str, reference: NaiveDate) -> Option<Dateline> {
    let mut cands = candidates(text, DATELINE_WINDOW);
    // At one position, the longer match (with a year) wins: "Tuesday, March 1, 2022" over "Tuesday, March 1".
    cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let leading = cands
        .iter()
        .filter(|c| c.span.start < LEADING_WINDOW)
        .find_map(|c| resolve(c, text, reference));
    if leading.is_some() {
        return leading;
    }
    let reporting_day = cands
        .iter()
        .filter(|c| c.rule == "dateline.weekday_paren")
        .find_map(|c| resolve(c, text, reference));
    if reporting_day.is_some() {
        return reporting_day;
    }
    cands
        .iter()
        .filter(|c| c.span.start < 400 && c.weekday.is_some())
        .find_map(|c| resolve(c, text, reference))
}

fn resolve(c: &Candidate, text: &str, reference: NaiveDate) -> Option<Dateline> {
    let evidence = c.span.slice(text)?.to_string();
    let published = |date, method, confidence, derivation: String| PublishedDate {
        date,
        method,
        evidence: Some(evidence.clone()),
        span: Some(c.span),
        confidence,
        derivation: format!("{derivation} [rule {}]", c.rule),
    };
    match c.year {
        Some(year) => {
            let date = NaiveDate::from_ymd_opt(year, c.month, c.day)?;
            match c.weekday {
                Some(wd) if wd != date.weekday() => Some(Dateline {
                    published: published(
                        date,
                        DateMethod::Dateline,
                        0.5,
                        format!(
                            "\"{evidence}\" gives {date}, but that day is a {}",
                            weekday_name(date.weekday())
                        ),
                    ),
                    warning: Some(format!(
                        "dateline \"{evidence}\": {date} is a {}, not a {}",
                        weekday_name(date.weekday()),
                        weekday_name(wd)
                    )),
                }),
                Some(_) => Some(Dateline {
                    published: published(
                        date,
                        DateMethod::Dateline,
                        0.9,
                        format!("dateline \"{evidence}\" (weekday agrees)"),
                    ),
                    warning: None,
                }),
                None => Some(Dateline {
                    published: published(
                        date,
                        DateMethod::Dateline,
                        0.85,
                        format!("dateline \"{evidence}\""),
                    ),
                    warning: None,
                }),
            }
        }
        None => {
            let weekday = c.weekday?;
            let date = infer_year(c.day, c.month, weekday, reference)?;
            Some(Dateline {
                published: published(
                    date,
                    DateMethod::WeekdayInference,
                    0.75,
                    format!(
                        "\"{evidence}\" has no year: {} {} falls on a {} in {}, the latest such year not after {reference}",
                        c.day,
                        month_name(c.month),
                        weekday_name(weekday),
                        date.year()
                    ),
                ),
                warning: None,
            })
        }
    }
}

fn weekday_name(w: Weekday) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][w.num_days_from_monday() as usize]
}

fn month_name(m: u32) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m.clamp(1, 12) - 1) as usize]
}

/// The latest date on or before `reference` with this day, month and weekday.
pub fn infer_year(
    day: u32,
    month: u32,
    weekday: Weekday,
    reference: NaiveDate,
) -> Option<NaiveDate> {
    (reference.year() - INFERENCE_YEARS..=reference.year())
        .rev()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d <= reference && d.weekday() == weekday)
}

/// Reads a metadata date: RFC 3339 / ISO 8601 (the calendar date as written, not shifted to UTC),
/// RFC 2822 (feeds), `YYYY/MM/DD`, `DD/MM/YYYY`, Unix seconds, or a written date in any language.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let v = value.trim();
    if v.len() >= 10 && v.is_char_boundary(10) {
        let head = &v[..10];
        for fmt in [
            "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d-%m-%Y", "%Y.%m.%d", "%d.%m.%Y",
        ] {
            if let Ok(d) = NaiveDate::parse_from_str(head, fmt) {
                let rest = &v[10..];
                if rest.is_empty() || rest.starts_with(['T', ' ', 't']) {
                    return Some(d);
                }
            }
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(v) {
        return Some(dt.date_naive());
    }
    if v.len() == 8 && v.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(d) = NaiveDate::parse_from_str(v, "%Y%m%d") {
            return Some(d);
        }
    }
    if (9..=11).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()) {
        return v
            .parse::<i64>()
            .ok()
            .and_then(|s| DateTime::from_timestamp(s, 0))
            .map(|d| d.date_naive());
    }
    // Written dates with a year ("1 Maret 2022", "March 1, 2022").
    let mut cands = candidates(v, v.len());
    cands.retain(|c| c.year.is_some());
    cands.sort_by_key(|c| c.span.start);
    cands
        .first()
        .and_then(|c| NaiveDate::from_ymd_opt(c.year?, c.month, c.day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekday_inference_picks_the_latest_matching_year() {
        assert_eq!(
            infer_year(1, 3, Weekday::Tue, d(2026, 11, 25)),
            Some(d(2022, 3, 1))
        );
        // On the day itself.
        assert_eq!(
            infer_year(1, 3, Weekday::Tue, d(2022, 3, 1)),
            Some(d(2022, 3, 1))
        );
        // 29 February only exists in leap years.
        assert_eq!(
            infer_year(29, 2, Weekday::Sat, d(2026, 1, 1)),
            Some(d(2020, 2, 29))
        );
        assert_eq!(infer_year(31, 2, Weekday::Sat, d(2026, 1, 1)), None);
    }

    #[test]
    fn metadata_dates_keep_the_calendar_day_as_written() {
        assert_eq!(parse_date("2022-03-01T00:30:00+07:00"), Some(d(2022, 3, 1)));
        assert_eq!(
            parse_date("Tue, 01 Mar 2022 23:00:00 -0500"),
            Some(d(2022, 3, 1))
        );
        assert_eq!(parse_date("01/03/2022"), Some(d(2022, 3, 1)));
        assert_eq!(parse_date("3 Maret 2022"), Some(d(2022, 3, 3)));
        assert_eq!(parse_date("March 1, 2022"), Some(d(2022, 3, 1)));
        assert_eq!(parse_date("2022-02-30"), None);
        assert_eq!(parse_date("kemarin"), None);
    }

    #[test]
    fn metadata_wins_and_an_unreadable_one_warns() {
        let ctx = DateContext {
            reference: d(2026, 1, 1),
            file_modified: None,
            neighbours: None,
        };
        let meta = DateMeta {
            value: "2021-05-02".into(),
            field: "<meta article:published_time>".into(),
        };
        let (p, _) = article_date(Some(&meta), None, "Jakarta, 3 Maret 2022 - x", &ctx);
        assert_eq!(p.unwrap().method, DateMethod::Metadata);
        let bad = DateMeta {
            value: "soon".into(),
            field: "field `date`".into(),
        };
        let (p, w) = article_date(Some(&bad), None, "Jakarta, 3 Maret 2022 - x", &ctx);
        let p = p.unwrap();
        assert_eq!((p.date, p.method), (d(2022, 3, 3), DateMethod::Dateline));
        assert!(w[0].contains("could not read a date from field `date` \"soon\""));
    }

    #[test]
    fn file_time_is_the_flagged_last_resort() {
        let ctx = DateContext {
            reference: d(2026, 1, 1),
            file_modified: Some(d(2025, 6, 1)),
            neighbours: None,
        };
        let (p, _) = article_date(None, None, "Tidak ada tanggal di sini.", &ctx);
        let (p_url, _) = article_date(
            None,
            Some("https://news.example.id/read/2016/08/30/12/berita"),
            "Tidak ada.",
            &ctx,
        );
        assert_eq!(p_url.unwrap().date, d(2016, 8, 30));
        assert_eq!(
            url_date("https://www.cnnindonesia.com/hiburan/20171012071204-220-247838/x")
                .unwrap()
                .0,
            d(2017, 10, 12)
        );
        assert_eq!(
            url_date("http://rimanews.com/read/20170215/316859/x")
                .unwrap()
                .0,
            d(2017, 2, 15)
        );
        assert_eq!(url_date("https://dailysocial.id/post/2018-game"), None);
        let p = p.unwrap();
        assert_eq!((p.date, p.method), (d(2025, 6, 1), DateMethod::FileMtime));
        assert!(p.confidence < 0.5);
        let ctx = DateContext {
            file_modified: None,
            ..ctx
        };
        let (p, w) = article_date(None, None, "Tidak ada tanggal.", &ctx);
        assert!(p.is_none() && w[0].contains("no publication date"));
    }

    #[test]
    fn weekday_mismatch_is_kept_with_a_warning() {
        let found = find_dateline("Jakarta, Senin (1/3/2022) - ...", d(2026, 1, 1)).unwrap();
        assert_eq!(found.published.date, d(2022, 3, 1));
        assert!(found.published.confidence <= 0.5);
        assert!(found
            .warning
            .unwrap()
            .contains("is a Tuesday, not a Monday"));
    }

    #[test]
    fn a_file_s_other_articles_date_one_without_a_year_or_a_date() {
        // An archive of 2016-2018 news saved as one file in 2026.
        let neighbours = NeighbourDates::of(vec![d(2016, 11, 2), d(2018, 2, 27), d(2017, 6, 1)]);
        assert_eq!(
            neighbours,
            Some(NeighbourDates {
                earliest: d(2016, 11, 2),
                median: d(2017, 6, 1),
                latest: d(2018, 2, 27)
            })
        );
        assert_eq!(NeighbourDates::of(vec![d(2017, 6, 1)]), None);
        let ctx = DateContext {
            reference: d(2026, 11, 27),
            file_modified: Some(d(2026, 11, 27)),
            neighbours,
        };
        // 27 March fell on a Monday in 2023 and 2017: the file's other articles say 2017.
        let (p, _) = article_date(
            None,
            None,
            "Jakarta - Hal itu dikatakannya, Senin (27/3).",
            &ctx,
        );
        let p = p.unwrap();
        assert_eq!(
            (p.date, p.method),
            (d(2017, 3, 27), DateMethod::WeekdayInference)
        );
        assert!(p.derivation.contains("2018-02-27"), "{}", p.derivation);
        let alone = DateContext {
            neighbours: None,
            ..ctx
        };
        let (p, _) = article_date(
            None,
            None,
            "Jakarta - Hal itu dikatakannya, Senin (27/3).",
            &alone,
        );
        assert_eq!(p.unwrap().date, d(2023, 3, 27));
        // No date at all: the middle of theirs, not the day the file was saved.
        let (p, _) = article_date(None, None, "Tidak ada tanggal.", &ctx);
        let p = p.unwrap();
        assert_eq!((p.date, p.method), (d(2017, 6, 1), DateMethod::Neighbours));
        // No date of its own but days stated in full: the latest of them among the file's dates
        // (not 1945, long before them, nor a relative day).
        let text = "Warga kampung itu berkumpul di balai desa untuk membicarakan jalan yang rusak \
                    dan jembatan yang belum juga diperbaiki oleh pemerintah daerah setempat. \
                    Mereka memperingati 17 Agustus 1945 . Rapat digelar pada 9 November 2017 , \
                    setelah pertemuan 2 Oktober 2017 dan kemarin .";
        let (p, _) = article_date(None, None, text, &ctx);
        let p = p.unwrap();
        assert_eq!((p.date, p.method), (d(2017, 11, 9), DateMethod::Stated));
        assert_eq!(p.evidence.as_deref(), Some("9 November 2017"));
        assert_eq!(
            &text[p.span.unwrap().start..p.span.unwrap().end],
            "9 November 2017"
        );
        let old = text
            .replace("9 November 2017", "sore")
            .replace("2 Oktober 2017", "pagi");
        let (p, _) = article_date(None, None, &old, &ctx);
        assert_eq!(p.unwrap().method, DateMethod::Neighbours);
        // A file saved within a year of them keeps its own date for the guess, and their dates
        // do not hold back a dateline more recent than they are.
        let fresh = DateContext {
            file_modified: Some(d(2018, 5, 1)),
            reference: d(2018, 5, 1),
            ..ctx
        };
        let (p, _) = article_date(None, None, "Tidak ada tanggal.", &fresh);
        assert_eq!(p.unwrap().method, DateMethod::FileMtime);
        // Impossible neighbours (a metadata date at the calendar's end) do not panic.
        let far = DateContext {
            neighbours: NeighbourDates::of(vec![NaiveDate::MAX, NaiveDate::MAX]),
            ..ctx
        };
        let (p, _) = article_date(None, None, "Hal itu dikatakannya, Senin (27/3).", &far);
        assert_eq!(p.unwrap().date, d(2023, 3, 27));
    }
}
